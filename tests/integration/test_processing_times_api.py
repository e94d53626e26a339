"""Processing times in their unit through the API, against DynamoDB Local: a calendar-day procedure's
appointment, and a procedure whose time is unknown (the receiving officer sets the appointment)."""

import uuid

import pytest

from tests.support.factories import form_for
from tests.support.journeys import electronic_documents

HANOI = "hcc-01"  # the provincial center: the judicial record is a provincial procedure
BEN_THANH = "hcc-79-26743"  # a ward center: household businesses are commune procedures
JUDICIAL_RECORD = "3.000333"  # "10 Ngày": calendar days
CLOSE_BUSINESS = "1.001266"  # the crawl gives "1" without its unit: unknown


@pytest.fixture(scope="module")
def catalog():
    from infra.reference.catalog import load_catalog

    return {p.code: p for p in load_catalog()[1]}


def file(api, token, procedure, center):
    request = {
        "clientRequestId": uuid.uuid4().hex,
        "procedureCode": procedure.code,
        "centerId": center,
        "formData": form_for(procedure),
        "electronicDocuments": electronic_documents(procedure),
    }
    r = api.run("SubmitDossier", {"input": request}, token=token)
    assert r.errors == [], r.errors
    assert r.data["submitDossier"]["__typename"] == "DossierSubmitted", r.data
    return r.data["submitDossier"]["dossier"]


def test_the_procedure_page_gives_the_time_in_its_unit_with_the_sources_words(api):
    p = api.run("GetProcedure", {"code": JUDICIAL_RECORD}).data["procedure"]
    assert p["processingTime"] == {
        "amount": 10,
        "unit": "DAYS",
        "label": "10 ngày",
        "sourceText": "10 Ngày",
        "dueDateComputed": True,
    }
    assert p["processingDays"] is None  # not working days


def test_a_calendar_day_procedure_is_due_in_calendar_days(api, people, catalog):
    # Received Monday 2 March 2026 09:00: 10 days -> Thursday 12 March (10 working days would be 16 March).
    d = file(api, people.citizen(pid="001090000261", sub="record"), catalog[JUDICIAL_RECORD], HANOI)
    assert d["appointmentDate"] == "2026-03-12"
    assert d["processingTime"] == {"amount": 10, "unit": "DAYS", "label": "10 ngày"}


def test_a_procedure_without_a_known_time_is_received_and_its_officer_sets_the_appointment(api, people, catalog):
    citizen = people.citizen(pid="001090000262", sub="no-time")
    d = file(api, citizen, catalog[CLOSE_BUSINESS], BEN_THANH)
    assert d["status"] == "RECEIVED" and d["appointmentDate"] is None and d["processingTime"] is None
    seen = api.run("GetDossier", {"code": d["code"]}, token=citizen).data["dossier"]
    assert seen["appointmentDate"] is None  # the site says the receiving officer will set it

    # Only the center's receiving officers set it; the applicant cannot.
    refused = api.run(
        "SetDossierAppointment",
        {"input": {"code": d["code"], "dueDate": "2026-03-05", "basis": "3 ngày làm việc"}},
        token=citizen,
    )
    assert refused.error_codes == ["FORBIDDEN"]

    officer = people.officer(BEN_THANH, "reception")
    saturday = api.run(
        "SetDossierAppointment",
        {"input": {"code": d["code"], "dueDate": "2026-03-07", "basis": "3 ngày làm việc"}},
        token=officer,
    ).data["setDossierAppointment"]
    assert saturday["__typename"] == "InvalidInputError" and saturday["problems"][0]["field"] == "dueDate"

    basis = "Nghị định 168/2025/NĐ-CP: 03 ngày làm việc"
    done = api.run(
        "SetDossierAppointment", {"input": {"code": d["code"], "dueDate": "2026-03-05", "basis": basis}}, token=officer
    ).data["setDossierAppointment"]
    assert done["__typename"] == "DossierUpdated" and done["dossier"]["appointmentDate"] == "2026-03-05"
    last = done["dossier"]["timeline"][-1]
    assert (last["action"], last["note"], last["dueDate"]) == ("set_appointment", basis, "2026-03-05")

    again = api.run(
        "SetDossierAppointment", {"input": {"code": d["code"], "dueDate": "2026-03-06", "basis": basis}}, token=officer
    ).data["setDossierAppointment"]
    assert again["__typename"] == "ConflictError"
    assert api.run("GetDossier", {"code": d["code"]}, token=citizen).data["dossier"]["appointmentDate"] == "2026-03-05"


def test_a_dossier_with_a_computed_date_cannot_be_given_another_by_the_officer(api, people, catalog):
    d = file(api, people.citizen(pid="001090000263", sub="record2"), catalog[JUDICIAL_RECORD], HANOI)
    r = api.run(
        "SetDossierAppointment",
        {"input": {"code": d["code"], "dueDate": "2026-03-20", "basis": "x"}},
        token=people.officer(HANOI, "reception"),
    ).data["setDossierAppointment"]
    assert r["__typename"] == "ConflictError"
