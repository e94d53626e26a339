"""The coverage report's files: the population figures name their source and leave nothing guessed, and the
JSON the public page draws is what `make coverage` computes today."""

from __future__ import annotations

import json
from pathlib import Path

from vietnam_provinces import Ward

from infra.coverage.__main__ import main as coverage_main
from infra.reference.population_import import OUTPUT as POPULATION

ROOT = Path(__file__).resolve().parents[2]


def test_every_commune_has_its_area_and_population_or_is_listed_as_unknown():
    doc = json.loads(POPULATION.read_text(encoding="utf-8"))
    codes = {f"{w.code.value:05d}" for w in Ward.iter_all()}
    assert set(doc["communes"]) == codes and len(codes) == 3321
    assert doc["source_ref"].startswith("https://github.com/tranngocminhhieu/vietnamadminunits/blob/")
    assert {c for c, f in doc["communes"].items() if f["population"] is None} == set(doc["unknown_population"])
    assert {c for c, f in doc["communes"].items() if f["area_km2"] is None} == set(doc["unknown_area"])
    assert all("population_text" in doc["communes"][c] for c in doc["unknown_population"])


def test_the_shipped_coverage_json_is_a_fresh_run(capsys):
    assert coverage_main(["--check"]) == 0, "run make coverage"
    printed = capsys.readouterr().out
    national = printed.splitlines()[2]  # the nation's row of the table
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert national in readme, "copy make coverage's table into the README"
