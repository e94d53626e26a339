"""What a dossier's attachments may be, checked before anything is read or stored: at most 20 files, each
a PDF, JPEG or PNG under 20 MB, every text bounded (portal.input_limits)."""

from __future__ import annotations

from portal.dossiers.model import Attachment
from portal.errors import FieldProblem, InvalidInput
from portal.input_limits import check_length

MAX_ATTACHMENTS = 20
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
ATTACHMENT_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})


def check_attachment_lengths(field: str, attachment: Attachment) -> None:
    check_length(f"{field}.name", attachment.name, "attachmentName")
    check_length(f"{field}.contentType", attachment.content_type, "contentType")
    check_length(f"{field}.document", attachment.document, "documentName")


def check_attachments(attachments: tuple[Attachment, ...]) -> None:
    problems = []
    for i, a in enumerate(attachments):
        if a.content_type not in ATTACHMENT_TYPES:
            problems.append(
                FieldProblem(f"attachments.{i}", "Chỉ nhận tệp PDF, JPEG hoặc PNG.", "Only PDF, JPEG or PNG files.")
            )
        if not 0 < a.size_bytes <= MAX_ATTACHMENT_BYTES:
            problems.append(
                FieldProblem(f"attachments.{i}", "Tệp phải nhỏ hơn 20 MB.", "Each file must be under 20 MB.")
            )
    if problems:
        raise InvalidInput("Tệp đính kèm chưa hợp lệ.", "Some attachments are not valid.", tuple(problems))
