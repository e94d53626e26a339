"""Telling a reporter of feedback (portal.feedback) at each step, and the answering center's officers: the
same notices, inbox entries and deliveries as a dossier's events (Notifier.tell), keyed by the report's id
and the step, so telling twice sends nothing twice.

A signed-in citizen's notices go to their inbox and their chosen channels; an anonymous reporter's and a
caller's, who have no inbox here, by e-mail to the address they gave (a caller without one hears the answer
from the hotline). SMS carry no personal data."""

from __future__ import annotations

from dataclasses import dataclass

from portal.feedback.model import Report
from portal.notifications.model import Message, Notice, Recipient, RecipientKind
from portal.notifications.service import Notifier

STEPS = {"code": 1, "received": 2, "escalated": 3, "answered": 4}


def _recipient(report: Report) -> Recipient | None:
    r = report.reporter
    if r.id_number:
        return Recipient(RecipientKind.CITIZEN, r.id_number, email=r.email, phone=r.phone)
    if r.email:
        return Recipient(RecipientKind.CITIZEN, f"feedback-{report.id}", email=r.email)
    return None


@dataclass
class FeedbackNotifier:
    notifier: Notifier

    def _link(self, report: Report) -> str:
        return f"{self.notifier.portal_url}/#/phan-anh/{report.id}"

    def _tell(self, report: Report, step: str, message: Message, center_id: str | None = None) -> None:
        notices = []
        recipient = _recipient(report)
        at = self.notifier.clock.now()
        code, seq, action = f"feedback-{report.id}", STEPS[step], f"feedback-{step}"
        if recipient is not None:
            notices.append(Notice(recipient, code, seq, action, at, message))
        if center_id:
            notices.append(Notice(Recipient(RecipientKind.CENTER, center_id), code, seq, action, at, message))
        self.notifier.tell(notices)

    def confirmation_code(self, report: Report, code: str) -> None:
        self._tell(
            report,
            "code",
            Message(
                subject_vi=f"Mã xác nhận phản ánh {report.id}: {code}",
                body_vi=f"Mã xác nhận phản ánh, kiến nghị {report.id} của bạn là {code}. Nhập mã trên Cổng để "
                "phản ánh được tiếp nhận. Nếu bạn không gửi phản ánh này, hãy bỏ qua thư.",
                subject_en=f"Confirmation code for report {report.id}: {code}",
                body_en=f"The confirmation code of your report {report.id} is {code}. Type it on the portal so "
                "the report is received. If you did not send this report, ignore this message.",
                sms=f"DVC: Ma xac nhan phan anh {report.id}: {code}",
                link=self._link(report),
            ),
        )

    def received(self, report: Report) -> None:
        due = f"{report.due_on:%d/%m/%Y}" if report.due_on else ""
        self._tell(
            report,
            "received",
            Message(
                subject_vi=f"Đã tiếp nhận phản ánh {report.id}",
                body_vi=f"Phản ánh, kiến nghị {report.id} đã được chuyển đến cơ quan có trách nhiệm trả lời, "
                f"hạn trả lời ngày {due}.",
                subject_en=f"Report {report.id} received",
                body_en=f"Report {report.id} was sent to the agency that must answer it, by "
                f"{report.due_on.isoformat() if report.due_on else ''}.",
                sms=f"DVC: Da tiep nhan phan anh {report.id}, han tra loi {due}.",
                link=self._link(report),
            ),
            report.center_id or None,
        )

    def escalated(self, report: Report, province_center_id: str | None) -> None:
        self._tell(
            report,
            "escalated",
            Message(
                subject_vi=f"Phản ánh {report.id} đã chuyển lên tỉnh",
                body_vi=f"Phản ánh {report.id} chưa được trả lời đúng hạn nên đã được chuyển lên cấp tỉnh "
                "để xử lý và trả lời.",
                subject_en=f"Report {report.id} escalated to the province",
                body_en=f"Report {report.id} was not answered by its due date: the province now answers it.",
                sms=f"DVC: Phan anh {report.id} qua han, da chuyen len cap tinh.",
                link=self._link(report),
            ),
            province_center_id,
        )

    def answered(self, report: Report) -> None:
        text = report.answer.text if report.answer else ""
        self._tell(
            report,
            "answered",
            Message(
                subject_vi=f"Trả lời phản ánh {report.id}",
                body_vi=f"Phản ánh {report.id} đã được trả lời:\n\n{text}",
                subject_en=f"Answer to report {report.id}",
                body_en=f"Report {report.id} has been answered:\n\n{text}",
                sms=f"DVC: Phan anh {report.id} da duoc tra loi. Xem tren Cong.",
                link=self._link(report),
            ),
        )
