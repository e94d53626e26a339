"""The message thread of a dossier: the applicant and the receiving center's officers, append-only, part of
the audit trail, each message telling the other side."""

from __future__ import annotations

import pytest

from tests.conftest import STACK
from tests.support.journeys import submit
from tests.support.notifications import smtp, unique_email, unique_pid, wait_for

CENTER = "hcc-01-00167"  # Phường Cầu Giấy


def _post(api, token: str, code: str, text: str) -> dict:
    r = api.run("PostDossierMessage", {"input": {"code": code, "text": text}}, token=token)
    assert r.errors == [], r.errors
    return r.data["postDossierMessage"]


@pytest.fixture
def filed(api, people):
    email = unique_email()
    citizen = people.citizen(pid=unique_pid())
    dossier = submit(api, citizen, CENTER, email=email)
    return citizen, dossier, email


def test_the_applicant_and_the_center_write_to_each_other_and_each_side_is_told(api, people, filed):
    citizen, dossier, email = filed
    code = dossier["code"]
    officer = people.officer(CENTER, "processing")
    asked = _post(api, citizen, code, "Xin hỏi có cần bản gốc giấy chứng sinh không?")
    assert asked["__typename"] == "DossierMessagePosted" and asked["posted"]["author"] == "APPLICANT"
    answered = _post(api, officer, code, "Có, mang bản gốc khi nhận kết quả.")
    assert answered["posted"]["author"] == "OFFICER" and answered["posted"]["seq"] == asked["posted"]["seq"] + 1

    for token in (citizen, people.officer(CENTER, "reception")):
        thread = api.run("DossierMessages", {"code": code}, token=token).data["dossier"]["messages"]
        assert [(m["author"], m["text"]) for m in thread] == [
            ("APPLICANT", "Xin hỏi có cần bản gốc giấy chứng sinh không?"),
            ("OFFICER", "Có, mang bản gốc khi nhận kết quả."),
        ]
    mail = wait_for(
        lambda: [m for m in smtp(STACK).messages(email) if "tin nhắn" in m.subject], what="the reply by e-mail"
    )
    assert "Có, mang bản gốc khi nhận kết quả." in mail[0].body

    def center_inbox():
        r = api.run("MyNotifications", {"first": 50}, token=officer).data["myNotifications"]["edges"]
        return [e["node"] for e in r if e["node"]["dossierCode"] == code and e["node"]["action"] == "post_message"]

    told = wait_for(center_inbox, what="the center told of the question")
    assert "Xin hỏi có cần bản gốc" in told[0]["body"]


def test_only_the_applicant_and_that_centers_officers_read_or_write_the_thread(api, people, filed):
    citizen, dossier, _ = filed
    code = dossier["code"]
    _post(api, citizen, code, "Câu hỏi (mẫu)")
    for stranger in (people.other_citizen(), people.officer("hcc-01"), people.admin()):
        assert api.run("DossierMessages", {"code": code}, token=stranger).error_codes == ["NOT_FOUND"]
        r = api.run("PostDossierMessage", {"input": {"code": code, "text": "xen vào"}}, token=stranger)
        assert r.outcome("postDossierMessage") == "NOT_FOUND"
    tracked = api.run("TrackDossier", {"code": code, "trackingSecret": dossier["trackingSecret"]}).data["trackDossier"]
    assert all(e["action"] != "post_message" for e in tracked["timeline"])  # not for whoever holds the receipt


def test_a_message_is_checked_and_never_edited_or_deleted(api, people, filed):
    citizen, dossier, _ = filed
    for text, field in (("   ", "text"), ("x" * 2001, "text")):
        r = _post(api, citizen, dossier["code"], text)
        assert r["__typename"] == "InvalidInputError" and r["problems"][0]["field"] == field
    from portal.api.graphql.schema import build_schema

    mutations = build_schema()._schema.mutation_type.fields
    assert [name for name in mutations if "essage" in name] == ["postDossierMessage"]
