"""The README's table of what can be filed online is what `make fileable` counts today."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from infra.reference import fileable

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readme_carries_the_current_fileable_table():
    found = fileable.rows()
    table = fileable.table(Counter(found.values()))
    assert table in README.read_text(encoding="utf-8"), "run make fileable and update the README's table"
    assert found["1.001193"] == "designed"  # birth registration, hand-checked
    assert found["1.002911"] == "generic"  # a central procedure, received by Bộ Tư pháp
