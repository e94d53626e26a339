"""Filing on someone's behalf (an authorized person, người được ủy quyền) and dossiers that came by post,
through the API against DynamoDB Local and the local S3 gateway: who may follow such a dossier (the
applicant and the filer, the receiving center; nobody else), what the filing must carry, the postal due
date counted from receipt, and the KPI counters of each channel (issue 18)."""

from __future__ import annotations

import uuid

from tests.integration.test_documents_results import _pdf_text
from tests.support.factories import form_for
from tests.support.journeys import BIRTH, birth_procedure, electronic_documents, submit
from tests.support.uploads import PDF, upload

CENTER = "hcc-01-00304"  # a commune center no other test counts KPIs of
CHANNELS_CENTER = "hcc-01-00313"  # another, for the channel counters alone
OTHER_CENTER = "hcc-01"
AUTHORIZATION = "Giấy ủy quyền"
FILER_ID = "001090012345"  # the sample citizen (tests/support/people.py): files for the principal
PRINCIPAL = {
    "sub": "sample-principal-18",
    "pid": "001088034567",  # male, born 1988, Hanoi: the child's father on the sample birth form
    "name": "Trần Văn Bình (mẫu)",
    "birthdate": "1988-04-02",
    "address": {"formatted": "Phường Ba Đình, Thành phố Hà Nội"},
}


def _represented(**overrides) -> dict:
    return {
        "idNumber": PRINCIPAL["pid"],
        "fullName": PRINCIPAL["name"],
        "dateOfBirth": PRINCIPAL["birthdate"],
        "phone": "0987000111",
        **overrides,
    }


def _file_on_behalf(api, filer: str, body: bytes = PDF + b"uy-quyen") -> tuple[dict, str]:
    authorization = upload(api, filer, body, procedureCode=BIRTH, slot=AUTHORIZATION, fileName="giay-uy-quyen.pdf")
    assert authorization["state"] == "CLEAN", authorization
    dossier = submit(api, filer, CENTER, onBehalfOf=_represented(), documents=[{"documentId": authorization["id"]}])
    return dossier, authorization["id"]


def _outcome(result) -> str:
    if result.errors:
        return result.errors[0]["extensions"]["code"]
    return "OK"


def _codes(connection: dict) -> list[str]:
    return [edge["node"]["code"] for edge in connection["edges"]]


def test_the_principal_and_the_filer_follow_a_dossier_filed_on_behalf_and_nobody_else_does(api, people):
    filer = people.citizen()
    dossier, authorization_id = _file_on_behalf(api, filer)
    code = dossier["code"]
    assert dossier["applicant"] == {"idNumber": PRINCIPAL["pid"], "fullName": PRINCIPAL["name"]}
    assert dossier["filer"] == {"idNumber": FILER_ID, "fullName": "Nguyễn Văn An (mẫu)"}
    assert [a["document"] for a in dossier["attachments"]] == [AUTHORIZATION]

    principal = people.citizen(**PRINCIPAL)
    assert code in _codes(api.run("MyDossiers", {"first": 50}, token=principal).data["myDossiers"])
    assert code not in _codes(api.run("MyDossiers", {"first": 50}, token=filer).data["myDossiers"])
    filed = api.run("DossiersFiledOnBehalf", {"first": 50}, token=filer).data["dossiersFiledOnBehalf"]
    assert code in _codes(filed)
    assert filed["edges"][0]["node"]["applicant"]["fullName"] == PRINCIPAL["name"]
    assert code not in _codes(
        api.run("DossiersFiledOnBehalf", {"first": 50}, token=principal).data["dossiersFiledOnBehalf"]
    )

    readers = {
        "principal": principal,
        "filer": filer,
        "officer of the center": people.officer(CENTER, "reception"),
    }
    outsiders = {
        "another citizen": people.other_citizen(),
        "officer of another center": people.officer(OTHER_CENTER, "reception"),
        "admin": people.admin(),
    }
    for who, token in readers.items():
        assert _outcome(api.run("GetDossier", {"code": code}, token=token)) == "OK", who
        link = api.run("DocumentDownload", {"documentId": authorization_id, "dossierCode": code}, token=token)
        assert _outcome(link) == "OK", who
    for who, token in outsiders.items():
        assert _outcome(api.run("GetDossier", {"code": code}, token=token)) == "NOT_FOUND", who
        link = api.run("DocumentDownload", {"documentId": authorization_id, "dossierCode": code}, token=token)
        assert _outcome(link) == "NOT_FOUND", who

    seen = api.run("GetDossier", {"code": code}, token=readers["officer of the center"]).data["dossier"]
    assert seen["filer"]["fullName"] == "Nguyễn Văn An (mẫu)" and seen["filer"]["idNumber"] == FILER_ID
    assert seen["applicant"]["idNumber"] == PRINCIPAL["pid"]
    assert "ủy quyền" in seen["timeline"][0]["note"]

    # The thread: both parties write (as the applicant side), another citizen cannot.
    def post(token: str, text: str) -> str:
        r = api.run("PostDossierMessage", {"input": {"code": code, "text": text}}, token=token)
        return _outcome(r) if r.errors else r.data["postDossierMessage"]["__typename"]

    assert post(filer, "Tôi nộp thay, xin hỏi thời gian trả kết quả.") == "DossierMessagePosted"
    assert post(principal, "Tôi là người ủy quyền, xin cảm ơn.") == "DossierMessagePosted"
    assert post(outsiders["another citizen"], "Xin chào") == "NotFoundError"

    receipt = _pdf_text(
        api.run("DossierSlip", {"code": code, "slip": "RECEIPT"}, token=filer).data["dossierSlip"]["url"]
    )
    assert "Nộp bởi người được ủy quyền" in receipt and FILER_ID in receipt and PRINCIPAL["pid"] in receipt


def test_filing_on_behalf_needs_the_authorization_and_a_well_formed_principal(api, people):
    """Through the API, one case of each kind (every check: tests/unit/test_channels_and_on_behalf.py)."""
    filer = people.citizen()

    def problems(**overrides) -> list[str]:
        r = api.run(
            "SubmitDossier",
            {
                "input": {
                    "clientRequestId": uuid.uuid4().hex,
                    "procedureCode": BIRTH,
                    "centerId": CENTER,
                    "formData": form_for(birth_procedure()),
                    "electronicDocuments": electronic_documents(birth_procedure()),
                    **overrides,
                }
            },
            token=filer,
        )
        result = r.data["submitDossier"]
        assert result["__typename"] == "InvalidInputError", result
        assert result["messageEn"] and result["message"]
        return [p["field"] for p in result["problems"]]

    assert problems(onBehalfOf=_represented()) == ["documents"]  # no authorization attached
    assert problems(onBehalfOf=_represented(idNumber="999088034567")) == ["onBehalfOf.idNumber"]  # no such province
    assert problems(onBehalfOf=_represented(dateOfBirth="1991-04-02")) == ["onBehalfOf.dateOfBirth"]
    assert problems(onBehalfOf=_represented(fullName="A" * 5000)) == ["onBehalfOf.fullName"]  # input limit


def test_a_dossier_by_post_records_its_postmark_and_counts_its_due_date_from_receipt(api, people):
    reception = people.officer(CENTER, "reception")

    def receive(**overrides) -> dict:
        payload = {
            "clientRequestId": uuid.uuid4().hex,
            "procedureCode": BIRTH,
            "centerId": CENTER,
            "formData": form_for(birth_procedure()),
            "applicant": {"idNumber": "001088034567", "fullName": PRINCIPAL["name"]},
            **overrides,
        }
        r = api.run("ReceiveDossier", {"input": payload}, token=reception)
        assert r.errors == [], r.errors
        return r.data["receiveDossier"]

    by_hand = receive()["dossier"]
    by_post = receive(channel="POST", postmarkedOn="2026-02-24")["dossier"]  # posted a week before receipt
    assert by_post["channel"] == "POST" and by_post["postmarkedOn"] == "2026-02-24"
    assert by_hand["channel"] == "IN_PERSON" and by_hand["postmarkedOn"] is None
    # From receipt at the center (Monday 2 March 2026), never from the postmark.
    assert by_post["appointmentDate"] == by_hand["appointmentDate"] and by_post["receivedAt"] == by_hand["receivedAt"]

    seen = api.run("GetDossier", {"code": by_post["code"]}, token=reception).data["dossier"]
    assert seen["timeline"][0]["note"] == "Nhận qua dịch vụ bưu chính; dấu bưu điện ngày 24/02/2026."
    receipt = _pdf_text(
        api.run("DossierSlip", {"code": by_post["code"], "slip": "RECEIPT"}, token=reception).data["dossierSlip"]["url"]
    )
    assert "Qua dịch vụ bưu chính" in receipt and "24/02/2026" in receipt

    refused = {
        "POST without a postmark": ({"channel": "POST"}, "postmarkedOn"),
        "a postmark after today": ({"channel": "POST", "postmarkedOn": "2026-03-03"}, "postmarkedOn"),
        "a postmark on a dossier handed in": ({"postmarkedOn": "2026-02-24"}, "postmarkedOn"),
        "online at the desk": ({"channel": "ONLINE"}, "channel"),
    }
    for case, (overrides, field) in refused.items():
        result = receive(**overrides)
        assert result["__typename"] == "InvalidInputError", case
        assert [p["field"] for p in result["problems"]] == [field], case


def test_the_kpis_count_each_channel_and_the_online_share_uses_them(api, people):
    reception = people.officer(CHANNELS_CENTER, "reception")
    submit(api, people.citizen(), CHANNELS_CENTER)
    for overrides in (
        {},
        {"channel": "POST", "postmarkedOn": "2026-02-27"},
        {"channel": "POST", "postmarkedOn": "2026-02-28"},
    ):
        payload = {
            "clientRequestId": uuid.uuid4().hex,
            "procedureCode": BIRTH,
            "centerId": CHANNELS_CENTER,
            "formData": form_for(birth_procedure()),
            "applicant": {"idNumber": "001088034567", "fullName": PRINCIPAL["name"]},
            **overrides,
        }
        r = api.run("ReceiveDossier", {"input": payload}, token=reception)
        assert r.data["receiveDossier"]["__typename"] == "DossierSubmitted", r.data

    k = api.run(
        "Kpis", {"fromMonth": "2026-03", "toMonth": "2026-03", "centerId": CHANNELS_CENTER}, token=people.admin()
    ).data["kpis"]
    assert (k["received"], k["online"], k["inPerson"], k["post"], k["channelUnknown"]) == (4, 1, 1, 2, 0)
    assert (k["onlineRate"], k["inPersonRate"], k["postRate"]) == (0.25, 0.25, 0.5)
    # The center's lead sees the same figures; the nation's sharded counters add up every channel too.
    lead = api.run(
        "Kpis",
        {"fromMonth": "2026-03", "toMonth": "2026-03", "centerId": CHANNELS_CENTER},
        token=people.officer(CHANNELS_CENTER, "lead"),
    ).data["kpis"]
    assert lead["post"] == 2
    nation = api.run("Kpis", {"fromMonth": "2026-03", "toMonth": "2026-03"}, token=people.admin()).data["kpis"]
    assert nation["post"] >= 2 and nation["inPerson"] >= 1
    assert nation["online"] + nation["inPerson"] + nation["post"] + nation["channelUnknown"] == nation["received"]
