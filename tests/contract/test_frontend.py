"""The static site keeps to the rules its hosting enforces, and its generated files are in step."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"


def test_the_province_list_is_the_one_the_center_directory_is_built_from():
    from infra.export_provinces import TARGET, provinces_module

    assert TARGET.read_text(encoding="utf-8") == provinces_module(), "run `make schema` and commit provinces.js"
