"""The old-to-new unit file shipped to Lambda is generated from vietnamadminunits: it cannot drift."""

from infra.reference.legacy_units import TARGET, generate


def test_the_committed_file_is_a_fresh_generation():
    assert TARGET.read_text(encoding="utf-8") == generate(), "run `python -m infra.reference.legacy_units`"


def test_it_records_the_datasets_it_was_made_from():
    from importlib.metadata import version

    from portal.units.sources import load_gazetteer

    labels = {d.label() for d in load_gazetteer().datasets}
    assert f"vietnamadminunits {version('vietnamadminunits')}" in labels
    assert f"vietnam-provinces {version('vietnam-provinces')}" in labels
