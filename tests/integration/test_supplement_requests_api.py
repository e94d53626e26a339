"""A supplement request through the API: it asks only for documents of the procedure's list, or cites the
legal basis of anything else; each item refused is named, and the applicant sees exactly what is asked."""

from tests.support.journeys import act, asking_for, submit

CENTER = "hcc-01-00196"  # its own: the queue tests count the dossiers of theirs
BASIS = "Khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13"


def _request(api, token: str, code: str, supplement: dict | None, note: str = "") -> dict:
    fields = {"note": note} | ({"supplement": supplement} if supplement is not None else {})
    return act(api, token, code, "REQUEST_SUPPLEMENT", **fields)


def test_a_document_off_the_list_or_an_item_without_a_basis_is_refused_item_by_item(api, people):
    citizen, officer = people.citizen(), people.officer(CENTER, "processing")
    code = submit(api, citizen, CENTER)["code"]
    supplement = {
        "documents": ["Sổ hộ khẩu", asking_for("Giấy chứng sinh")["documents"][0]],
        "others": [
            {"what": "Giấy xác nhận tình trạng hôn nhân", "legalBasis": ""},
            {"what": "Sao kê tài khoản", "legalBasis": "theo quy định"},
            {"what": "", "legalBasis": BASIS},
        ],
    }
    refused = _request(api, officer, code, supplement, note="Cần bổ sung")
    assert refused["__typename"] == "InvalidInputError" and refused["code"] == "BAD_USER_INPUT"
    problems = {p["field"]: p for p in refused["problems"]}
    assert list(problems) == [
        "supplement.documents.0",
        "supplement.others.0.legalBasis",
        "supplement.others.1.legalBasis",
        "supplement.others.2.what",
    ]
    off_list = problems["supplement.documents.0"]
    assert "không có trong danh sách" in off_list["message"] and "not on the procedure's list" in off_list["messageEn"]
    assert "căn cứ pháp lý" in problems["supplement.others.0.legalBasis"]["message"]
    assert "legal basis" in problems["supplement.others.0.legalBasis"]["messageEn"]
    dossier = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]
    assert dossier["status"] == "RECEIVED" and dossier["supplementRequests"] == 0  # nothing was recorded


def test_a_note_alone_or_an_empty_list_asks_for_nothing_and_is_refused(api, people):
    officer = people.officer(CENTER, "processing")
    code = submit(api, people.citizen(), CENTER)["code"]
    for supplement in (None, {"documents": [], "others": []}):
        refused = _request(api, officer, code, supplement, note="Bản sao giấy chứng sinh có chứng thực")
        assert refused["__typename"] == "InvalidInputError"
        assert [p["field"] for p in refused["problems"]] == ["supplement"]
    elsewhere = act(api, officer, code, "START_PROCESSING", supplement=asking_for("Giấy chứng sinh"))
    assert [p["field"] for p in elsewhere["problems"]] == ["supplement"]  # only a supplement request lists items


def test_the_applicant_sees_exactly_what_is_asked_documents_of_the_list_then_others_with_their_basis(api, people):
    citizen, officer = people.citizen(), people.officer(CENTER, "processing")
    code = submit(api, citizen, CENTER)["code"]
    asked = asking_for("Giấy chứng sinh", "Tờ khai", others=(("Ảnh chân dung 4x6", f"  {BASIS} "),))
    done = _request(api, officer, code, asked, note="Bản chụp rõ nét, đủ các trang")
    assert done["__typename"] == "DossierUpdated", done
    last = api.run("GetDossier", {"code": code}, token=citizen).data["dossier"]["timeline"][-1]
    assert last["action"] == "request_supplement" and last["note"] == "Bản chụp rõ nét, đủ các trang"
    assert last["supplementItems"] == [
        {"what": asked["documents"][0], "legalBasis": "", "listed": True},
        {"what": asked["documents"][1], "legalBasis": "", "listed": True},
        {"what": "Ảnh chân dung 4x6", "legalBasis": BASIS, "listed": False},
    ]
