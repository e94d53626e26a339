"""The README's Layout names every top-level folder and every package of functions/portal/, and nothing else.

A folder counts when git sees it (tracked, or new and not ignored): `.venv/`, `.local/`, caches and
build output are ignored by .gitignore and are not part of the layout.
"""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PORTAL = ROOT / "functions" / "portal"


def layout_block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    m = re.search(r"^```\n(.*?)^```", section, re.M | re.S)
    assert m, "the README's Layout has its folders in a code block"
    return m.group(1)


def named_top_level_folders() -> set[str]:
    return set(re.findall(r"^([\w.-]+)/ ", layout_block(), re.M))


def named_portal_packages() -> set[str]:
    block = layout_block()
    under_portal = block.split("functions/portal/", 1)[1]
    return set(re.findall(r"^  (\w+)/ ", under_portal, re.M))


def project_top_level_folders() -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    folders = {path.split("/", 1)[0] for path in listed if "/" in path}
    return {folder for folder in folders if (ROOT / folder).is_dir()}


def portal_packages() -> set[str]:
    return {p.name for p in PORTAL.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}


def test_every_top_level_folder_is_in_the_layout_and_every_folder_named_there_exists():
    named, present = named_top_level_folders(), project_top_level_folders()
    assert present - named == set(), "folders the README's Layout does not name"
    assert named - present == set(), "folders the README's Layout names that do not exist"


def test_every_package_of_functions_portal_is_in_the_layout_and_every_package_named_there_exists():
    named, present = named_portal_packages(), portal_packages()
    assert present - named == set(), "packages of functions/portal/ the README's Layout does not name"
    assert named - present == set(), "packages the README's Layout names that do not exist under functions/portal/"


def test_the_layout_is_read_as_intended():
    # Guards the parsing above: a regex that found nothing would make the two tests above pass vacuously
    # only if the project were empty, so check a few known names are found where they should be.
    assert {"functions", "tests", "frontend"} <= named_top_level_folders()
    assert {"api", "store", "dossiers"} <= named_portal_packages()
    assert "functions/portal" not in named_top_level_folders()


def test_the_readme_stays_a_guide():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").count("\n")
    assert lines < 200, f"README.md has {lines} lines: put the detail in docs/ and link to it"
