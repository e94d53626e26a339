"""One template per dossier event, Vietnamese first, English second: the dossier code, what happened, what
the person must do and by when. SMS carry only the code, the new state and a link (never personal data)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from portal.dossiers.model import Action, Dossier, TimelineEvent
from portal.dossiers.supplement_rules import asked_text
from portal.notifications.model import Message


@dataclass(frozen=True)
class Template:
    subject_vi: str  # placeholders: {code} {procedure} {due} {note} {asked} (a supplement request's items)
    subject_en: str
    body_vi: str
    body_en: str
    sms: str  # {code} {link} only


def _vi_date(d: date | None) -> str:
    return f"{d:%d/%m/%Y}" if d else ""


# Told to the applicant.
APPLICANT: dict[Action, Template] = {
    Action.FEE_SET: Template(
        "Hồ sơ {code}: phí, lệ phí cần nộp",
        "Dossier {code}: the fee to pay",
        "Trung tâm đã xác định phí, lệ phí của hồ sơ «{procedure}»: {note}. Bạn có thể nộp trực tuyến trên cổng.",
        "The center set the fee of '{procedure}': {note}. You can pay it online on the portal.",
        "DVC: Ho so {code} co phi can nop. Xem: {link}",
    ),
    Action.PAYMENT_SUCCESS: Template(
        "Hồ sơ {code}: đã nộp phí, lệ phí",
        "Dossier {code}: fee paid",
        "Bạn đã nộp phí, lệ phí của hồ sơ «{procedure}» ({note}). Biên lai điện tử có trên cổng.",
        "You paid the fee of '{procedure}' ({note}). The electronic receipt is on the portal.",
        "DVC: Ho so {code} da nop phi. Bien lai: {link}",
    ),
    Action.EXEMPTION_ACCEPTED: Template(
        "Hồ sơ {code}: được miễn phí, lệ phí",
        "Dossier {code}: fee exemption accepted",
        "Trung tâm đã chấp nhận miễn phí, lệ phí cho hồ sơ «{procedure}»: {note}.",
        "The center accepted the fee exemption of '{procedure}': {note}.",
        "DVC: Ho so {code} duoc mien phi. Xem: {link}",
    ),
    Action.EXEMPTION_REFUSED: Template(
        "Hồ sơ {code}: không được miễn phí, lệ phí",
        "Dossier {code}: fee exemption refused",
        "Trung tâm không chấp nhận miễn phí, lệ phí cho hồ sơ «{procedure}»: {note}. Bạn cần nộp đủ phí, lệ phí.",
        "The center refused the fee exemption of '{procedure}': {note}. The full fee is owed.",
        "DVC: Ho so {code} khong duoc mien phi. Xem: {link}",
    ),
    Action.PAYMENT_REFUNDED: Template(
        "Hồ sơ {code}: đã hoàn phí, lệ phí",
        "Dossier {code}: fee refunded",
        "Phí, lệ phí đã nộp cho hồ sơ «{procedure}» được hoàn lại.",
        "The fee paid for '{procedure}' was refunded.",
        "DVC: Ho so {code} da hoan phi. Xem: {link}",
    ),
    Action.RECEIVE: Template(
        "Hồ sơ {code} đã được tiếp nhận",
        "Dossier {code} was received",
        "Hồ sơ «{procedure}» của bạn đã được tiếp nhận. Ngày hẹn trả kết quả: {due}. Bạn chưa cần làm gì thêm.",
        "Your dossier '{procedure}' was received. Result expected by {due_en}. Nothing to do for now.",
        "DVC: Ho so {code} da duoc tiep nhan. Xem: {link}",
    ),
    Action.START_PROCESSING: Template(
        "Hồ sơ {code} đang được giải quyết",
        "Dossier {code} is being processed",
        "Cán bộ đã bắt đầu giải quyết hồ sơ «{procedure}». Ngày hẹn trả kết quả: {due}.",
        "An officer started processing '{procedure}'. Result expected by {due_en}.",
        "DVC: Ho so {code} dang duoc giai quyet. Xem: {link}",
    ),
    Action.REQUEST_SUPPLEMENT: Template(
        "Hồ sơ {code} cần bổ sung",
        "Dossier {code} needs more documents",
        "Hồ sơ «{procedure}» cần bổ sung:\n{asked}\nVui lòng bổ sung trên cổng; thời gian bổ sung không tính "
        "vào thời hạn giải quyết.",
        "'{procedure}' needs:\n{asked_en}\nPlease supplement it on the portal; your time does not count against "
        "the processing period.",
        "DVC: Ho so {code} can bo sung. Xem: {link}",
    ),
    Action.MARK_RESULT_READY: Template(
        "Hồ sơ {code} đã có kết quả",
        "Dossier {code} has a result",
        "Hồ sơ «{procedure}» đã có kết quả. Bạn có thể nhận kết quả điện tử trên cổng hoặc tại trung tâm.",
        "'{procedure}' has a result: get the electronic result on the portal or at the center.",
        "DVC: Ho so {code} da co ket qua. Xem: {link}",
    ),
    Action.RETURN_RESULT: Template(
        "Hồ sơ {code} đã trả kết quả",
        "Dossier {code}: result handed over",
        "Kết quả hồ sơ «{procedure}» đã được trả. Mời bạn đánh giá mức độ hài lòng trên cổng.",
        "The result of '{procedure}' was handed over. Please rate the service on the portal.",
        "DVC: Ho so {code} da tra ket qua. Danh gia: {link}",
    ),
    Action.REJECT: Template(
        "Hồ sơ {code} bị từ chối",
        "Dossier {code} was refused",
        "Hồ sơ «{procedure}» bị từ chối. Lý do: {note}",
        "'{procedure}' was refused. Reason: {note}",
        "DVC: Ho so {code} bi tu choi. Xem ly do: {link}",
    ),
    Action.SET_APPOINTMENT: Template(
        "Hồ sơ {code}: đã có ngày hẹn trả kết quả",
        "Dossier {code}: result date set",
        "Cán bộ tiếp nhận đã hẹn trả kết quả hồ sơ «{procedure}» vào ngày {due}. Căn cứ: {note}.",
        "The receiving officer set the result date of '{procedure}': {due_en}. Basis: {note}.",
        "DVC: Ho so {code} da co ngay hen tra ket qua. Xem: {link}",
    ),
    Action.EXTEND: Template(
        "Hồ sơ {code}: thư xin lỗi và hẹn lại",
        "Dossier {code}: apology and new date",
        "Trung tâm xin lỗi vì hồ sơ «{procedure}» chậm so với hẹn. Lý do: {note}. Ngày hẹn mới: {due}.",
        "The center apologizes: '{procedure}' is late. Reason: {note}. New date: {due_en}.",
        "DVC: Ho so {code} duoc hen lai. Xem: {link}",
    ),
    Action.POST_MESSAGE: Template(
        "Hồ sơ {code}: trung tâm gửi tin nhắn",
        "Dossier {code}: a message from the center",
        "Trung tâm gửi bạn tin nhắn về hồ sơ «{procedure}»:\n{note}\nTrả lời trên cổng.",
        "The center sent you a message about '{procedure}':\n{note}\nReply on the portal.",
        "DVC: Ho so {code} co tin nhan moi. Xem: {link}",
    ),
}

# Told to the receiving center's officers (their shared inbox).
CENTER: dict[Action, Template] = {
    Action.RECEIVE: Template(
        "Hồ sơ mới {code}",
        "New dossier {code}",
        "Hồ sơ mới «{procedure}» vào hàng đợi của trung tâm. Hạn giải quyết: {due}.",
        "A new dossier '{procedure}' is in your queue. Due {due_en}.",
        "",
    ),
    Action.PROVIDE_SUPPLEMENT: Template(
        "Hồ sơ {code} đã được bổ sung",
        "Dossier {code} was supplemented",
        "Người nộp đã bổ sung hồ sơ «{procedure}». Hạn giải quyết mới: {due}.",
        "The applicant supplemented '{procedure}'. New due date {due_en}.",
        "",
    ),
    Action.WITHDRAW: Template(
        "Hồ sơ {code} đã được rút",
        "Dossier {code} was withdrawn",
        "Người nộp đã rút hồ sơ «{procedure}». Không cần xử lý tiếp.",
        "The applicant withdrew '{procedure}'. No further work needed.",
        "",
    ),
    Action.RATE: Template(
        "Hồ sơ {code} được đánh giá",
        "Dossier {code} was rated",
        "Người nộp đã đánh giá hồ sơ «{procedure}».",
        "The applicant rated '{procedure}'.",
        "",
    ),
    Action.POST_MESSAGE: Template(
        "Hồ sơ {code}: người nộp gửi tin nhắn",
        "Dossier {code}: a message from the applicant",
        "Người nộp gửi tin nhắn về hồ sơ «{procedure}»:\n{note}",
        "The applicant sent a message about '{procedure}':\n{note}",
        "",
    ),
}


def render(template: Template, dossier: Dossier, event: TimelineEvent, link: str) -> Message:
    due = event.due_date or dossier.due_date
    values = {
        "code": dossier.code,
        "procedure": dossier.procedure_name,
        "due": _vi_date(due) if due else "sẽ do cán bộ tiếp nhận hẹn",
        "due_en": due.isoformat() if due else "to be set by the receiving officer",
        "note": event.note,
        "asked": asked_text(event.asked, event.note),
        "asked_en": asked_text(event.asked, event.note, english=True),
    }
    return Message(
        subject_vi=template.subject_vi.format(**values),
        body_vi=template.body_vi.format(**values),
        subject_en=template.subject_en.format(**values),
        body_en=template.body_en.format(**values),
        sms=template.sms.format(code=dossier.code, link=link),
        link=link,
    )
