"""The agencies' receptions file is what its generator writes from the catalog, and the docs quote its counts."""

import json
from pathlib import Path

from infra.reference.agency_receivers import TARGET, agency_receivers, generate
from portal.centers.agencies import BY_ID
from portal.centers.routing import Routing
from portal.dossiers.codes import AGENCY_CODE_PATTERN

ROUTED = {Routing.NAMED.value, Routing.PUBLISHER_NAMED.value, Routing.PUBLISHER.value}
DOCS = Path(__file__).resolve().parents[2] / "docs" / "capabilities" / "centers-and-units.md"


def test_the_committed_file_is_a_fresh_generation():
    assert TARGET.read_text(encoding="utf-8") == generate(), "run `python -m infra.reference.agency_receivers`"


def test_every_receiver_is_an_agency_of_the_rule_with_its_own_well_formed_code():
    receivers = agency_receivers()
    assert receivers and all(r.id in BY_ID and r.name == BY_ID[r.id].name for r in receivers)
    assert all(AGENCY_CODE_PATTERN.match(r.agency_code) for r in receivers)
    assert len({r.agency_code for r in receivers}) == len(receivers)
    assert all(r.location is None and r.is_sample and "agencyCode" in r.sample_fields for r in receivers)


def test_the_docs_quote_how_many_central_procedures_are_routed_and_why_the_others_are_not():
    counts = json.loads(TARGET.read_text(encoding="utf-8"))["routing"]["central_only"]
    routed = sum(n for how, n in counts.items() if how in ROUTED)
    unrouted = sum(n for how, n in counts.items() if how not in ROUTED)
    text = DOCS.read_text(encoding="utf-8")
    for figure in (routed, unrouted, routed + unrouted, *(counts[how] for how in counts if how not in ROUTED)):
        assert f"{figure:,}" in text, figure
