"""Every relative link in the README and docs/ reaches a file that exists, and a heading when it names one.

Anchors are GitHub's: the heading in lower case, punctuation other than hyphens dropped, spaces as hyphens.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchors(page: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.M | re.S)
    slugs = set()
    for heading in re.findall(r"^#{1,6} (.+)$", text, re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.replace("`", "").strip().lower()).replace(" ", "-")
        slugs.add(slug)
    return slugs


def broken_links() -> list[str]:
    broken = []
    for page in PAGES:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", target):
                continue  # http(s), mailto: not this test's business
            path, _, anchor = target.partition("#")
            destination = (page.parent / path).resolve() if path else page
            where = f"{page.relative_to(ROOT)} -> {target}"
            if not destination.exists():
                broken.append(f"{where}: no such file")
            elif anchor and destination.is_file() and anchor not in anchors(destination):
                broken.append(f"{where}: no such heading")
    return broken


def test_every_relative_link_of_the_docs_resolves():
    assert broken_links() == []


def test_the_link_check_sees_the_docs():
    assert len(PAGES) > 5
    assert "the-composition-root" in anchors(ROOT / "docs" / "architecture.md")
