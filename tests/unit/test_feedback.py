"""Feedback (portal.feedback): routing, the deadline, escalation, the rate limit and what the public sees,
against in-memory repositories on a fixed clock."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from portal.centers.model import CenterKind
from portal.clock import VIETNAM, FixedClock
from portal.errors import Conflict, Forbidden, InvalidInput, NotFound, RateLimited
from portal.feedback import rules
from portal.feedback.model import Category, FeedbackChannel, FeedbackStatus, SubjectKind
from portal.feedback.service import PER_DAY_PERSON, FeedbackInput, FeedbackService
from portal.identity.principal import Admin, Anonymous, Citizen, Officer, OfficerRole
from portal.workdays.working_days import WorkCalendar
from tests.support.factories import make_dossier
from tests.support.memory import MemoryDossiers, catalog_of, commune_center
from tests.support.memory_feedback import MemoryCounters, MemoryFeedback, ProvinceCenters, RecordedNotices

CITIZEN = Citizen("sub-an", "001090012345", "Nguyễn Văn An (mẫu)", email="an@example.vn")
OTHER = Citizen("sub-binh", "001090099999", "Trần Bình (mẫu)")
COMMUNE = commune_center("xa-ben-thanh")
PROVINCIAL = commune_center("hcc-79", kind=CenterKind.PROVINCIAL, commune_code=None, name="Trung tâm tỉnh (mẫu)")
HANOI = commune_center("hcc-01", province_code="01", kind=CenterKind.PROVINCIAL, commune_code=None)
OFFICER = Officer("sub-o", "Cán bộ (mẫu)", "xa-ben-thanh", OfficerRole.PROCESSING)
PROVINCE_LEAD = Officer("sub-l", "Lãnh đạo (mẫu)", "hcc-79", OfficerRole.LEAD)
HOTLINE = Officer("sub-h", "Tổng đài viên (mẫu)", "hcc-79", OfficerRole.HOTLINE)
TEXT = "Cán bộ yêu cầu nộp thêm giấy xác nhận cư trú không có trong danh mục."


def service(clock: FixedClock | None = None):
    notices = RecordedNotices()
    dossiers = MemoryDossiers()
    dossiers.dossiers["D1"] = make_dossier(code="D1", center_id="xa-ben-thanh", province_code="79")
    svc = FeedbackService(
        reports=MemoryFeedback(),
        dossiers=dossiers,
        centers=ProvinceCenters({c.id: c for c in (COMMUNE, PROVINCIAL, HANOI)}),
        catalog=catalog_of(),
        clock=clock or FixedClock(),
        counters=MemoryCounters(),
        notices=notices,
        calendar=lambda year: WorkCalendar(frozenset()),
    )
    return svc, notices


def given(**overrides) -> FeedbackInput:
    values = {"category": "extra_documents", "text": TEXT, "center_id": "xa-ben-thanh"}
    values.update(overrides)
    return FeedbackInput(**values)


def test_the_answer_is_due_ten_working_days_after_receipt_counted_like_a_dossier():
    calendar = WorkCalendar(frozenset({date(2026, 3, 9)}))
    assert rules.answer_due(datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM), calendar) == date(2026, 3, 17)
    # after 15:00 it counts from the next working day
    assert rules.answer_due(datetime(2026, 3, 2, 16, 0, tzinfo=VIETNAM), calendar) == date(2026, 3, 18)


def test_a_report_about_a_dossier_goes_to_the_dossiers_center_whatever_center_is_named():
    svc, notices = service()
    report = svc.report(CITIZEN, given(dossier_code="D1", center_id="hcc-01"), "1.2.3.4")
    assert (report.center_id, report.province_code, report.subject) == ("xa-ben-thanh", "79", SubjectKind.DOSSIER)
    assert report.status is FeedbackStatus.OPEN and report.due_on == date(2026, 3, 16)
    assert notices.steps(report.id) == ["received"]


def test_a_report_without_center_goes_to_the_province_and_its_own_centers_officers_see_it():
    svc, _ = service()
    report = svc.report(CITIZEN, given(center_id="", province_code="79", category="wrong_catalog"), None)
    assert report.center_id == "" and rules.queues(report) == ("province:79",)
    assert [r.id for r in svc.queue(PROVINCE_LEAD)] == [report.id]
    assert svc.queue(OFFICER) == []


def test_a_citizen_cannot_report_about_someone_elses_dossier():
    svc, _ = service()
    with pytest.raises(NotFound):
        svc.report(OTHER, given(dossier_code="D1"), None)


def test_an_anonymous_report_counts_from_the_code_its_reporter_confirms():
    clock = FixedClock()
    svc, notices = service(clock)
    report = svc.report(Anonymous(), given(email="khach@example.vn"), "1.2.3.4")
    assert report.status is FeedbackStatus.UNCONFIRMED and svc.queue(OFFICER) == []
    code = next(extra for step, rid, extra in notices.told if step == "code")
    with pytest.raises(InvalidInput):
        svc.confirm(Anonymous(), report.id, "000000" if code != "000000" else "111111")
    clock.advance(timedelta(hours=2))
    confirmed = svc.confirm(Anonymous(), report.id, code)
    assert confirmed.status is FeedbackStatus.OPEN and confirmed.received_at == clock.now()
    assert [r.id for r in svc.queue(OFFICER)] == [report.id]


def test_an_anonymous_report_needs_an_email_and_officers_do_not_report_online():
    svc, _ = service()
    with pytest.raises(InvalidInput):
        svc.report(Anonymous(), given(), None)
    for who in (OFFICER, Admin("a", "Quản trị")):
        with pytest.raises(Forbidden):
            svc.report(who, given(), None)


def test_a_hotline_operator_records_a_call_for_the_caller_routed_like_any_report():
    svc, notices = service()
    call = svc.record_call(HOTLINE, given(dossier_code="D1", full_name="Người gọi (mẫu)", phone="0900000000"))
    assert call.channel is FeedbackChannel.HOTLINE and call.center_id == "xa-ben-thanh"
    assert call.recorded_by == "sub-h" and notices.steps(call.id) == ["received"]
    in_province = svc.record_call(HOTLINE, given(center_id="", category="broker"))
    assert in_province.province_code == "79"  # the operator's province
    with pytest.raises(Forbidden):
        svc.record_call(OFFICER, given())
    with pytest.raises(Forbidden):
        svc.queue(HOTLINE)  # operators record; the centers answer


def test_an_answer_by_the_due_date_is_on_time_and_published_without_personal_data():
    clock = FixedClock()
    svc, notices = service(clock)
    report = svc.report(CITIZEN, given(dossier_code="D1", publish_consent=True, procedure_code=""), None)
    clock.advance(timedelta(days=14))  # 16 March: the due date
    with pytest.raises(InvalidInput):
        svc.answer(OFFICER, report.id, "Trung tâm đã nhắc nhở cán bộ.", "")  # consent: a public summary is needed
    answered = svc.answer(OFFICER, report.id, "Trung tâm đã nhắc nhở cán bộ.", "Yêu cầu giấy tờ ngoài danh mục.")
    assert rules.on_time(answered) and notices.steps(report.id) == ["received", "answered"]
    with pytest.raises(Conflict):
        svc.answer(OFFICER, report.id, "Trả lời lần hai cho chắc.", "x")
    [public] = svc.published(Anonymous(), "1.001193")
    shown = repr(public)
    for private in ("001090012345", "Nguyễn Văn An", "D1", "an@example.vn", "sub-o", "Cán bộ (mẫu)", TEXT):
        assert private not in shown
    assert public.answered_by_role == "processing" and public.on_time


def test_an_answer_without_consent_is_not_published():
    svc, _ = service()
    report = svc.report(CITIZEN, given(dossier_code="D1"), None)
    svc.answer(OFFICER, report.id, "Đã xử lý theo quy định.", "")
    assert svc.published(Anonymous(), None) == []


def test_an_officer_of_another_center_cannot_see_or_answer_it():
    svc, _ = service()
    report = svc.report(CITIZEN, given(), None)
    stranger = Officer("sub-x", "Cán bộ khác", "hcc-01", OfficerRole.LEAD)
    assert svc.queue(stranger) == []
    with pytest.raises(NotFound):
        svc.answer(stranger, report.id, "Không phải việc của tôi.", "")


def test_unanswered_past_its_due_date_it_is_escalated_once_to_the_province_which_can_answer_it():
    clock = FixedClock()
    svc, notices = service(clock)
    report = svc.report(CITIZEN, given(), None)
    clock.advance(timedelta(days=14))  # 16 March, the due date: not late yet
    assert svc.escalate_overdue() == []
    clock.advance(timedelta(days=1))
    [escalated] = svc.escalate_overdue()
    assert escalated.status is FeedbackStatus.ESCALATED
    assert notices.told[-1] == ("escalated", report.id, "hcc-79")
    assert svc.escalate_overdue() == []  # once
    assert [r.id for r in svc.queue(PROVINCE_LEAD)] == [report.id]
    answered = svc.answer(PROVINCE_LEAD, report.id, "Tỉnh đã kiểm tra và chấn chỉnh.", "")
    assert rules.on_time(answered) is False


def test_each_step_moves_the_counters_of_the_center_the_province_and_the_nation():
    clock = FixedClock()
    svc, _ = service(clock)
    online = svc.report(CITIZEN, given(), None)
    svc.record_call(HOTLINE, given(category="vneid_for_paper"))
    svc.answer(OFFICER, online.id, "Đã trả lời đúng hạn.", "")
    clock.advance(timedelta(days=15))
    svc.escalate_overdue()
    march = svc.counts(["center:xa-ben-thanh", "province:79", "national"], "2026-03")
    center = march["center:xa-ben-thanh"]
    assert (center.received, center.online, center.hotline, center.answered, center.on_time) == (2, 1, 1, 1, 1)
    assert center.escalated == 1 and center.by_category == {"extra_documents": 1, "vneid_for_paper": 1}
    assert march["national"] == march["province:79"] == center


def test_a_person_may_report_a_few_times_a_day():
    svc, _ = service()
    for _ in range(PER_DAY_PERSON):
        svc.report(CITIZEN, given(), None)
    with pytest.raises(RateLimited):
        svc.report(CITIZEN, given(), None)


@pytest.mark.parametrize(
    "overrides",
    [{"text": "ngắn"}, {"text": "x" * 4001}, {"category": "nope"}, {"center_id": "", "province_code": ""}],
)
def test_bad_input_is_refused(overrides):
    svc, _ = service()
    with pytest.raises(InvalidInput):
        svc.report(CITIZEN, given(**overrides), None)


def test_the_one_tap_categories_from_a_dossier_include_a_request_beyond_the_catalog():
    assert Category.EXTRA_DOCUMENTS in rules.FROM_DOSSIER
