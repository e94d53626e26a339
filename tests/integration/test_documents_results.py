"""What the portal issues as files, against the local S3 gateway (SeaweedFS) and DynamoDB Local: the
electronic result sealed and verified (a tampered one refused), and the official slips (forms 01, 02, 04)
as PDFs whose Vietnamese text reads right."""

import hashlib

import httpx2

from tests.integration.test_documents_api import BIRTH, CENTER, _slot, _store
from tests.support.journeys import asking_for, submit
from tests.support.uploads import PDF, upload


def test_the_electronic_result_is_signed_and_a_presented_file_is_verified_or_refused(api, people):
    citizen, processing = people.citizen(), people.officer(CENTER, "processing")
    code = submit(api, citizen, CENTER)["code"]
    api.run("ActOnDossier", {"input": {"code": code, "action": "START_PROCESSING"}}, token=processing)
    result = PDF + b"trich luc khai sinh"
    document = upload(api, processing, result, purpose="RESULT", dossierCode=code, fileName="trich-luc.pdf")
    assert document["state"] == "CLEAN"
    ready = api.run("ActOnDossier", {"input": {"code": code, "action": "MARK_RESULT_READY"}}, token=processing)
    assert ready.data["actOnDossier"]["dossier"]["status"] == "RESULT_READY"
    issued = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]["result"]
    assert issued["name"] == "trich-luc.pdf" and issued["verificationCode"]
    assert document["id"] in [e["node"]["id"] for e in _store(api, citizen)]  # the result is in the store too

    def verify(body: bytes | None, verification: str = issued["verificationCode"]) -> dict:
        sha = hashlib.sha256(body).hexdigest() if body is not None else ""
        r = api.run("VerifyDocument", {"code": verification, "sha256": sha})  # anyone, not signed in
        assert r.errors == [], r.errors
        return r.data["verifyDocument"]

    genuine = verify(result)
    assert genuine["found"] and genuine["signatureValid"] and genuine["matches"] is True
    assert genuine["procedureName"] == "Đăng ký khai sinh" and set(genuine) == {
        "code",
        "found",
        "signatureValid",
        "matches",
        "issuedAt",
        "procedureName",
        "centerId",
    }  # nothing personal
    assert verify(result + b" altered")["matches"] is False
    assert verify(None)["matches"] is None
    assert verify(result, "AAAAAAAAAAAA")["found"] is False

    from portal.store.document_items import SealItem

    seal = SealItem.get(f"seal:{issued['verificationCode']}")
    seal.sha256 = hashlib.sha256(result + b" forged").hexdigest()  # someone rewrites the record
    seal.save()
    forged = verify(result + b" forged")
    assert forged["matches"] is True and forged["signatureValid"] is False


def _pdf_text(url: str) -> str:
    import io

    import pypdf

    fetched = httpx2.get(url, timeout=10)
    assert fetched.status_code == 200 and fetched.content.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(fetched.content)).pages)


def test_the_official_slips_are_pdfs_with_the_vietnamese_text_right(api, people):
    citizen, processing = people.citizen(), people.officer(CENTER, "processing")
    document = upload(api, citizen, PDF + b"slip", procedureCode=BIRTH, slot=_slot())
    d = submit(api, citizen, CENTER, documents=[{"documentId": document["id"]}])

    def slip(kind: str, token: str = citizen):
        return api.run("DossierSlip", {"code": d["code"], "slip": kind}, token=token)

    receipt = _pdf_text(slip("RECEIPT").data["dossierSlip"]["url"])
    for shown in (
        "PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Mẫu số 01",
        d["code"],
        "Nguyễn Văn An (mẫu)",
        "001090012345",
        "Đăng ký khai sinh (1.001193)",
        "ngày 02/03/2026",
        "Trong ngày",  # the time in its unit (same day; after 15:00 the next working day)
        d["trackingSecret"],
        "Giấy chứng sinh",
    ):
        assert shown in receipt, shown
    assert slip("SUPPLEMENT_REQUEST").error_codes == ["CONFLICT"]  # none was requested yet
    assert slip("RECEIPT", people.other_citizen()).error_codes == ["NOT_FOUND"]

    asked = asking_for("Giấy chứng sinh", others=(("Ảnh chân dung 4x6", "Điều 9 Nghị định 123/2015/NĐ-CP"),))
    act = {"code": d["code"], "action": "REQUEST_SUPPLEMENT", "note": "Bản sao có chứng thực", "supplement": asked}
    acted = api.run("ActOnDossier", {"input": act}, token=processing).data["actOnDossier"]
    assert acted["__typename"] == "DossierUpdated", acted
    answer = slip("SUPPLEMENT_REQUEST")
    assert answer.errors == [], answer.errors
    supplement = " ".join(_pdf_text(answer.data["dossierSlip"]["url"]).split())
    for shown in (
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "Giấy tờ cần bổ sung (theo thành phần hồ sơ của thủ tục)",
        "- Giấy chứng sinh; nếu không có thì văn bản của người làm chứng",
        "Nội dung khác cần bổ sung (kèm căn cứ pháp lý)",
        "- Ảnh chân dung 4x6 (căn cứ: Điều 9 Nghị định 123/2015/NĐ-CP)",
        "Ghi chú",
        "Bản sao có chứng thực",
    ):
        assert shown in supplement, shown
    assert slip("APOLOGY").error_codes == ["CONFLICT"]

    from infra.reference.catalog import load_catalog

    # A working-day procedure (7 working days): a same-day one leaves no working day to apologize before.
    residence = next(p for p in load_catalog()[1] if p.code == "1.004222")
    late = submit(api, citizen, CENTER, procedure=residence)["code"]
    lead = people.officer(CENTER, "lead")
    extend = {"code": late, "newDueDate": "2026-03-16", "reason": "Chờ xác minh thông tin hộ tịch"}
    assert api.run("ExtendDossierDeadline", {"input": extend}, token=lead).errors == []
    apology = api.run("DossierSlip", {"code": late, "slip": "APOLOGY"}, token=citizen).data["dossierSlip"]["url"]
    text = _pdf_text(apology)
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text and "16/03/2026" in text and "Chờ xác minh" in text
