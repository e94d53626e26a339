"""Feedback through the API on DynamoDB Local, on the tests' fixed clock: a report made online and a call
recorded by the province's hotline both reach the dossier's center; one is answered on time, the other
escalated to the province after its due date by the job and answered late there; both show in the public
index, and the published answer carries no personal data."""

from __future__ import annotations

from datetime import timedelta

from tests.support.journeys import birth_procedure, submit
from tests.support.notifications import unique_email, unique_pid

BEN_THANH = "hcc-79-26743"
PROVINCE_CENTER = "hcc-79"
MONTH = "2026-03"  # the session's fixed clock: Monday 2 March 2026, 09:00 (figures compared before/after)
TEXT = "Cán bộ yêu cầu nộp thêm giấy xác nhận nơi cư trú cũ và mới, không có trong danh mục."


def _center_row(api, center_id: str) -> dict:
    r = api.run("FeedbackIndex", {"month": MONTH, "provinceCode": "79"})
    assert r.errors == [], r.body
    index = r.data["feedbackIndex"]
    rows = {row["code"]: row for row in index["rows"]}
    empty = {"received": 0, "online": 0, "hotline": 0, "answered": 0, "onTime": 0, "late": 0, "escalated": 0}
    return {"province": index["subject"], "center": rows.get(center_id, {**empty, "byCategory": []})}


def _report_id(r) -> str:
    assert r.errors == [], r.body
    result = next(iter(r.data.values()))
    assert result["__typename"] in ("FeedbackReported", "FeedbackAnswered"), result
    return result["report"]["id"]


def test_an_online_report_and_a_hotline_call_reach_the_center_one_on_time_one_escalated_both_counted(
    api, people, services, clock
):
    from portal.jobs.registry import escalate_feedback

    before = _center_row(api, BEN_THANH)
    citizen = people.citizen(pid=unique_pid(), sub=f"fb-{unique_pid()}", email=unique_email())
    dossier = submit(api, citizen, BEN_THANH)

    online = api.run(
        "ReportFeedback",
        {
            "input": {
                "category": "ADDRESS_CONFIRMATION",
                "text": TEXT,
                "dossierCode": dossier["code"],
                "centerId": "hcc-01",  # the dossier's center wins
                "publishConsent": True,
            }
        },
        token=citizen,
    )
    online_id = _report_id(online)
    report = online.data["reportFeedback"]["report"]
    assert (report["centerId"], report["channel"], report["status"]) == (BEN_THANH, "ONLINE", "OPEN")
    assert report["dueOn"] == "2026-03-16"  # 10 working days after Monday 2 March

    hotline = people.officer(PROVINCE_CENTER, role="hotline")
    call = api.run(
        "RecordHotlineCall",
        {
            "input": {
                "category": "VNEID_FOR_PAPER",
                "text": "Người gọi bị yêu cầu có tài khoản VNeID khi nộp hồ sơ giấy tại quầy.",
                "centerId": BEN_THANH,
                "fullName": "Người gọi (mẫu)",
                "phone": "0900000001",
            }
        },
        token=hotline,
    )
    call_id = _report_id(call)
    assert call.data["recordHotlineCall"]["report"]["channel"] == "HOTLINE"
    assert api.run("FeedbackQueue", token=hotline).error_codes == ["FORBIDDEN"]  # operators record, centers answer

    officer = people.officer(BEN_THANH, role="processing")
    queue = api.run("FeedbackQueue", token=officer).data["feedbackQueue"]
    assert {online_id, call_id} <= {q["id"] for q in queue}

    clock.advance(timedelta(days=3))
    answered = api.run(
        "AnswerFeedback",
        {
            "id": online_id,
            "text": "Trung tâm đã chấn chỉnh: không yêu cầu xác nhận địa chỉ cũ và mới (Nghị định 118/2025).",
            "publicSummary": "Bị yêu cầu giấy xác nhận địa chỉ cũ và mới khi làm thủ tục.",
        },
        token=officer,
    )
    _report_id(answered)

    clock.advance(timedelta(days=14))  # 19 March: the call's due date (16 March) has passed
    assert escalate_feedback(services)["escalated"] >= 1
    lead = people.officer(PROVINCE_CENTER, role="lead")
    province_queue = api.run("FeedbackQueue", token=lead).data["feedbackQueue"]
    escalated = next(q for q in province_queue if q["id"] == call_id)
    assert escalated["status"] == "ESCALATED"
    late = api.run(
        "AnswerFeedback",
        {"id": call_id, "text": "Tỉnh đã nhắc nhở trung tâm: không được đòi VNeID khi nộp giấy."},
        token=lead,
    )
    assert late.data["answerFeedback"]["report"]["status"] == "ANSWERED"

    after = _center_row(api, BEN_THANH)
    moved = {k: after["center"][k] - before["center"][k] for k in ("received", "online", "hotline", "answered")}
    assert moved == {"received": 2, "online": 1, "hotline": 1, "answered": 2}
    assert after["center"]["onTime"] - before["center"]["onTime"] == 1
    assert after["center"]["late"] - before["center"]["late"] == 1
    assert after["center"]["escalated"] - before["center"]["escalated"] == 1
    assert after["province"]["received"] - before["province"]["received"] == 2
    categories = {c["category"] for c in after["center"]["byCategory"]}
    assert {"ADDRESS_CONFIRMATION", "VNEID_FOR_PAPER"} <= categories

    published = api.run("PublishedFeedback", {"procedureCode": birth_procedure().code}).data["publishedFeedback"]
    mine = next(p for p in published if p["id"] == online_id)
    assert mine["onTime"] and mine["answeredByRole"] == "processing"
    text = str(mine)
    assert dossier["code"] not in text and TEXT not in text
    assert call_id not in {p["id"] for p in published}  # the caller did not agree to publication

    own = api.run("MyFeedback", token=citizen).data["myFeedback"]
    assert [(r["id"], r["status"]) for r in own] == [(online_id, "ANSWERED")]
