"""Reporting, confirming, recording a hotline call, answering, escalating and publishing feedback.

Who may do what (each verb checks it, then the rules of portal.feedback.rules):
- report: a signed-in citizen (VNeID: verified), or anyone with an e-mail address they confirm with the
  code mailed to it (the report counts from the confirmation); officers, admins and apps report through
  their own channels, not this one.
- record a call: the province's hotline operators (OfficerRole.HOTLINE), on the caller's behalf.
- answer: officers of the responsible center (not its hotline operators); officers of the province's own
  center for what is routed to the province or escalated to it.
- the published answers: anyone (public:read for apps).
Each person (citizen number or e-mail) and each address may report a few times a day (PER_DAY_*).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from portal.centers.model import CenterKind
from portal.clock import Clock
from portal.dossiers.repository import DossierRepository
from portal.errors import Conflict, Forbidden, InvalidInput, NotFound, RateLimited
from portal.feedback import rules
from portal.feedback.input import MIN_TEXT, FeedbackInput, checked_input
from portal.feedback.model import (
    Answer,
    FeedbackChannel,
    FeedbackCounts,
    FeedbackStatus,
    PublishedAnswer,
    Report,
    Reporter,
)
from portal.feedback.repository import FeedbackNotices, FeedbackRepository
from portal.feedback.routing import CenterLookup, routed_report
from portal.identity.access import require_officer, require_public_read, require_signed_in
from portal.identity.principal import Anonymous, Citizen, Officer, OfficerRole, Principal
from portal.input_limits import check_length
from portal.procedures.catalog import Catalog
from portal.ratelimit.service import CounterStore
from portal.workdays.vietnam_calendar import calendar_around
from portal.workdays.working_days import WorkCalendar

PER_DAY_PERSON = 5  # reports a person (citizen number or e-mail) may make a day
PER_DAY_ADDRESS = 20  # reports from one network address a day (a family, an office behind one address)
REPORT_ID = re.compile(r"^PA\d{6}-[0-9A-F]{8}$")
ANSWERING_ROLES = frozenset({OfficerRole.RECEPTION, OfficerRole.PROCESSING})  # and LEAD (require_officer)
HOTLINE_ROLES = frozenset({OfficerRole.HOTLINE})


def _hash(report_id: str, code: str) -> str:
    return hashlib.sha256(f"{report_id}:{code}".encode()).hexdigest()


@dataclass
class FeedbackService:
    reports: FeedbackRepository
    dossiers: DossierRepository
    centers: CenterLookup
    catalog: Catalog
    clock: Clock
    counters: CounterStore
    notices: FeedbackNotices
    calendar: Callable[[int], WorkCalendar] = calendar_around

    # --- reporting ------------------------------------------------------------------------------------------
    def report(self, principal: Principal, given: FeedbackInput, address: str | None) -> Report:
        """A report on the portal: a citizen's is received at once; an anonymous one once its e-mail is
        confirmed (a code is mailed to it)."""
        if isinstance(principal, Citizen):
            reporter = Reporter(principal.id_number, principal.full_name, principal.email, principal.phone)
        elif isinstance(principal, Anonymous):
            if not given.email.strip():
                raise InvalidInput.for_field(
                    "email",
                    "Nhập thư điện tử để nhận mã xác nhận, hoặc đăng nhập.",
                    "Give an e-mail address to receive a confirmation code, or sign in.",
                )
            reporter = Reporter("", check_length("fullName", given.full_name, "fullName").strip(), given.email.strip())
        else:
            require_signed_in(principal)
            raise Forbidden(
                "Công dân gửi phản ánh, kiến nghị; cán bộ đường dây nóng ghi nhận cuộc gọi.",
                "Citizens report; hotline operators record calls.",
            )
        given = checked_input(given)
        self._admit(f"person:{reporter.key}", PER_DAY_PERSON)
        if address:
            self._admit(f"address:{address}", PER_DAY_ADDRESS)
        report = routed_report(
            given,
            reporter,
            FeedbackChannel.ONLINE,
            principal,
            self.dossiers,
            self.centers,
            self.catalog,
            self.clock.now(),
        )
        if reporter.id_number:
            return self._receive(report)
        code = f"{secrets.randbelow(10**6):06d}"
        report = self.reports.save(replace(report, confirmation_hash=_hash(report.id, code)))
        self.notices.confirmation_code(report, code)
        return report

    def confirm(self, principal: Principal, report_id: str, code: str) -> Report:
        require_public_read(principal)
        report = self._get(report_id)
        code = check_length("code", code, "confirmationCode").strip()
        if report.status is not FeedbackStatus.UNCONFIRMED:
            return report  # confirmed already: the same answer again
        if not hmac.compare_digest(report.confirmation_hash, _hash(report.id, code)):
            raise InvalidInput.for_field("code", "Mã xác nhận không đúng.", "The confirmation code is not right.")
        return self._receive(replace(report, confirmation_hash=""))

    def record_call(self, principal: Principal, given: FeedbackInput) -> Report:
        """A call to the province's hotline, recorded by its operator on the caller's behalf."""
        operator = require_officer(principal, roles=HOTLINE_ROLES)
        given = checked_input(given)
        center = self.centers.get(operator.center_id)
        if not given.province_code and center is not None:
            given = replace(given, province_code=center.province_code)
        reporter = Reporter("", given.full_name, given.email, given.phone)
        report = routed_report(
            given,
            reporter,
            FeedbackChannel.HOTLINE,
            principal,
            self.dossiers,
            self.centers,
            self.catalog,
            self.clock.now(),
        )
        return self._receive(replace(report, recorded_by=operator.subject))

    def _admit(self, key: str, limit: int) -> None:
        now = self.clock.now()
        tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), now.tzinfo)
        count = self.counters.increment(f"feedback:{key}:{now:%Y%m%d}", int(tomorrow.timestamp()) + 60)
        if count > limit:
            raise RateLimited(
                "Bạn đã gửi nhiều phản ánh trong hôm nay. Vui lòng thử lại vào ngày mai.",
                "You have sent many reports today. Please try again tomorrow.",
                retry_after=max(1, int((tomorrow - now).total_seconds())),
            )

    def _routed(
        self, given: FeedbackInput, reporter: Reporter, channel: FeedbackChannel, principal: Principal
    ) -> Report:
        stores = (self.dossiers, self.centers, self.catalog)
        return routed_report(given, reporter, channel, principal, *stores, self.clock.now())

    def _receive(self, report: Report) -> Report:
        now = self.clock.now()
        report = replace(
            report, status=FeedbackStatus.OPEN, received_at=now, due_on=rules.answer_due(now, self.calendar(now.year))
        )
        report = self.reports.save(report, (rules.received_delta(report),))
        self.notices.received(report)
        return report

    # --- answering ------------------------------------------------------------------------------------------
    def _answerable_queues(self, officer: Officer) -> tuple[str, ...]:
        center = self.centers.get(officer.center_id)
        own = (f"center:{officer.center_id}",)
        if center is not None and center.kind is CenterKind.PROVINCIAL:
            return (*own, f"province:{center.province_code}")
        return own

    def queue(self, principal: Principal) -> list[Report]:
        """The officer's answer queue: their center's reports, and the province's for its own center; open
        ones first, the oldest due first."""
        officer = require_officer(principal, roles=ANSWERING_ROLES)
        found = {r.id: r for key in self._answerable_queues(officer) for r in self.reports.queue(key)}
        return sorted(found.values(), key=lambda r: (not rules.is_open(r), r.due_on or date.max, r.created_at))

    def answer(self, principal: Principal, report_id: str, text: str, public_summary: str) -> Report:
        officer = require_officer(principal, roles=ANSWERING_ROLES)
        report = self._get(report_id)
        if not set(rules.queues(report)) & set(self._answerable_queues(officer)):
            raise NotFound(f"Không tìm thấy phản ánh {report_id[:20]}.", f"Report {report_id[:20]} was not found.")
        if not rules.is_open(report):
            raise Conflict("Phản ánh này đã được trả lời.", "This report has already been answered.")
        text = check_length("text", text, "feedbackAnswer").strip()
        summary = check_length("publicSummary", public_summary, "feedbackText").strip()
        if len(text) < MIN_TEXT:
            raise InvalidInput.for_field("text", "Câu trả lời quá ngắn.", "The answer is too short.")
        if report.publish_consent and not summary:
            raise InvalidInput.for_field(
                "publicSummary",
                "Người phản ánh đồng ý công khai: tóm tắt câu hỏi, không nêu thông tin cá nhân.",
                "The reporter agreed to publication: summarize the question without personal data.",
            )
        answer = Answer(text, summary, self.clock.now(), officer.role.value, officer.center_id)
        report = replace(report, status=FeedbackStatus.ANSWERED, answer=answer)
        report = self.reports.save(report, (rules.answered_delta(report),))
        self.notices.answered(report)
        return report

    def escalate_overdue(self) -> list[Report]:
        """The escalation job: reports past their due date unanswered go to the province (its own center's
        queue), and the reporter is told."""
        today = self.clock.now().date()
        escalated = []
        for report in self.reports.open_due_before(today):
            if not rules.overdue(report, today):
                continue
            report = rules.escalate(report, self.clock.now())
            try:
                report = self.reports.save(report, (rules.escalated_delta(report),))
            except Conflict:
                continue  # answered meanwhile
            self.notices.escalated(report, self.province_center(report.province_code))
            escalated.append(report)
        return escalated

    def province_center(self, province_code: str) -> str | None:
        page = self.centers.by_province(province_code, 100, None)
        return next((c.id for c in page.items if c.kind is CenterKind.PROVINCIAL), None)

    # --- reading --------------------------------------------------------------------------------------------
    def _get(self, report_id: str) -> Report:
        report_id = check_length("id", report_id, "code").strip()
        report = self.reports.get(report_id) if REPORT_ID.match(report_id) else None
        if report is None:
            raise NotFound(f"Không tìm thấy phản ánh {report_id[:20]}.", f"Report {report_id[:20]} was not found.")
        return report

    def mine(self, principal: Principal) -> list[Report]:
        require_signed_in(principal)
        if not isinstance(principal, Citizen):
            raise Forbidden("Chỉ công dân có danh sách phản ánh.", "Only citizens have a list of reports.")
        return self.reports.of_reporter(Reporter(principal.id_number).key)

    def published(self, principal: Principal, procedure_code: str | None = None) -> list[PublishedAnswer]:
        """Answers published with their reporters' consent, the latest first (of one procedure, or all)."""
        require_public_read(principal)
        code = check_length("procedureCode", procedure_code, "code")
        return [rules.public_view(r) for r in self.reports.published(code.strip() if code else None) if r.published]

    def counts(self, scopes: list[str], month: str) -> dict[str, FeedbackCounts]:
        return self.reports.counts(scopes, month)
