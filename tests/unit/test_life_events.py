"""Browsing by life event: the events the issue asks for, each listing procedures the catalog holds."""

from portal.procedures.catalog import shipped_index
from portal.procedures.life_events import LIFE_EVENTS


def test_every_listed_procedure_is_in_the_national_catalog():
    index = shipped_index()
    for event in LIFE_EVENTS:
        for code in event.procedure_codes:
            procedure = index.get(code)
            assert procedure is not None and procedure.province_code is None, (event.id, code)


def test_the_events_citizens_ask_for_are_there():
    names = {e.name_en for e in LIFE_EVENTS}
    assert {"A child is born", "Someone has died", "Building a house", "Starting a business"} <= names
    assert {"A driving licence", "Land"} <= names
    assert len({e.id for e in LIFE_EVENTS}) == len(LIFE_EVENTS)
