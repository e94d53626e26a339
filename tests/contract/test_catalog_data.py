"""Invariants of the served catalog's data files (issue 26): every detail cites the text it was read from,
no record of another procedure, money with its currency, notes apart from documents, nothing stale served as
current, exemptions quoted from the published text, no placeholder served as an address."""

from __future__ import annotations

import json
from functools import lru_cache

import pytest

from infra.reference import audit_catalog, catalog_import
from infra.reference.catalog import EXEMPTIONS_FILE, load_catalog, read_editorial, read_imported
from infra.reference.centers import HEADQUARTERS_FILE, is_placeholder

# The chatbot_tthc files that hold 1.014023 or 3.000579 under another code (issue 26, item 1).
OTHER_PROCEDURES_FILES = (
    "1.002544",
    "1.014208",
    "2.001709",
    "3.000224",
    "3.000274",
    "3.000284",
    "2.001428",
    "3.000226",
    "3.000243",
    "3.000244",
    "3.000246",
    "3.000283",
    "3.000272",
    "3.000285",
    "3.000286",
    "3.000331",
    "3.000332",
)


@lru_cache(maxsize=1)
def entries() -> tuple[dict, ...]:
    return tuple(read_imported())


@lru_cache(maxsize=1)
def served():
    return {p.code: p for p in load_catalog()[1]}


def test_no_entry_is_read_from_a_record_of_another_procedure():
    by_code = {e["code"]: e for e in entries()}
    for code in OTHER_PROCEDURES_FILES:
        cited = set(by_code[code]["source_files"])
        assert not any(f.endswith(f"/{code}.json") for f in cited), code
        assert f"/{code}.json" not in by_code[code]["source_ref"], code


def test_every_detail_cites_the_exact_text_it_was_read_from():
    for entry in entries():
        for key in audit_catalog.IMPORTED_KEYS:
            if entry.get(key) is not None:
                source = catalog_import.cited(entry, key)
                assert source is not None and source["text"] is not None, (entry["code"], key)


def test_money_carries_its_currency_and_no_amount_in_dong_is_a_unit_slip():
    for entry in entries():
        for fee in entry.get("fees") or ():
            assert fee["amount_vnd"] == (fee["amount"] if fee["currency"] == "VND" else None), entry["code"]
            if fee["currency"] == "VND":
                assert fee["amount"] == 0 or fee["amount"] >= 1000, (entry["code"], fee)
    licence = next(e for e in entries() if e["code"] == "3.000349")
    assert [f["amount_vnd"] for f in licence["fees"] if f["channel"] == "in_person"] == [135_000]
    card = next(e for e in entries() if e["code"] == "1.003358")
    assert {(f["amount"], f["currency"]) for f in card["fees"]} == {(145, "USD"), (155, "USD"), (165, "USD")}


def test_a_foreign_currency_fee_is_never_a_number_of_dong_when_served():
    for procedure in served().values():
        for fee in procedure.fees:
            if fee.currency not in (None, "VND"):
                assert fee.amount_vnd is None and not fee.chargeable, procedure.code


def test_notes_and_headings_are_not_served_as_documents():
    for procedure in served().values():
        for document in procedure.documents:
            assert not document.name.startswith("Lưu ý"), procedure.code
            if procedure.detail_level.value != "checked":
                assert document.originals or document.copies, (procedure.code, document.name)
    assert sum(bool(p.document_notes) for p in served().values()) > 300


def test_the_second_page_format_is_read():
    fallback = [e for e in entries() if any(part.startswith("fallback:") for _, part in e["sources"].values())]
    assert len(fallback) >= 40
    assert sum(bool(e.get("documents")) for e in fallback) >= 40
    assert sum(bool(e.get("processing")) for e in fallback) >= 30


def test_district_level_variants_are_not_served_and_district_bodies_are_flagged():
    assert "1.010385" not in served() and "1.011727" not in served()
    assert "1.010386" in served() and "1.011728" in served()
    flagged = [p for p in served().values() if p.notes]
    assert len(flagged) >= 30
    assert all(
        "huyện" in p.agency.lower()
        or "thị trấn" in (p.agency + p.implementing_agency)
        or "huyện" in p.implementing_agency.lower()
        or "quận" in (p.agency + p.implementing_agency).lower()
        for p in flagged
    )


def test_editorial_values_are_labelled_and_never_charged():
    document = read_editorial()
    assert {"online_level", "any_center"} <= set(document["fields"])
    for value in document["values"]:
        procedure = served()[value["code"]]
        if value["field"] == "fees":
            line = next(f for f in procedure.fees if f.description == value["value"])
            assert line.editorial and not line.chargeable
    for code in ("1.000656", "1.000894"):
        copy_fee = next(f for f in served()[code].fees if f.amount_vnd == 8000)
        assert copy_fee.editorial
        assert any(p.field == "online_level" and p.is_editorial for p in served()[code].provenance)


def test_each_exemption_quotes_the_published_fee_text_verbatim():
    document = json.loads(EXEMPTIONS_FILE.read_text(encoding="utf-8"))
    by_code = {e["code"]: e for e in entries()}
    for code, exemptions in document["procedures"].items():
        source = catalog_import.cited(by_code[code], "fees")
        text = " ".join(source["text"].split())
        for exemption in exemptions:
            if exemption["published"]:
                assert exemption["published"] in text, (code, exemption["code"])
                assert exemption["published_file"] == source["file"]
            else:
                assert exemption["code"] not in {e.code for e in served()[code].exemptions}


def test_a_placeholder_headquarters_is_not_an_address():
    communes = json.loads(HEADQUARTERS_FILE.read_text(encoding="utf-8"))["communes"]
    assert sum(is_placeholder(c["address"]) for c in communes.values()) >= 500


@pytest.mark.parametrize("code", OTHER_PROCEDURES_FILES)
def test_a_procedure_whose_record_was_another_serves_none_of_its_details(code):
    procedure = served()[code]
    assert not catalog_import.same_name(procedure.name, "Hỗ trợ phát triển sản xuất cộng đồng.")
    wrong = ("Hỗ trợ phát triển sản xuất", "Công bố Danh mục và Quy trình nội bộ")
    assert not any(w in (procedure.conditions or "") + procedure.applicants for w in wrong[:1])
    assert procedure.processing_days is None or procedure.processing_times
