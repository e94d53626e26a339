"""What a file may be: its types (checked on the first bytes, never the name), sizes and lifetimes.

Limits: 10 MB a file, 50 MB a dossier, 20 files a dossier. PDF, JPEG and PNG cover scans and phone
camera photos (Safari and Chrome hand a camera photo to a page as JPEG when the page accepts only these).
"""

from __future__ import annotations

from datetime import timedelta

from portal.errors import InvalidInput
from portal.input_limits import LIMITS

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_DOSSIER_BYTES = 50 * 1024 * 1024
MAX_FILES_PER_DOSSIER = LIMITS["dossierFiles"]
MAX_FILE_NAME = LIMITS["fileName"]

UPLOAD_WINDOW = timedelta(minutes=15)  # how long an upload policy stays valid
DOWNLOAD_WINDOW = timedelta(minutes=5)  # how long a download link stays valid
PENDING_RETENTION = timedelta(days=1)  # an upload never completed is forgotten after this (TTL)

# type -> the bytes its files start with
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
}
ALLOWED_TYPES = frozenset(SIGNATURES)
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
SNIFF_BYTES = 16


def sniff(head: bytes) -> str | None:
    """The type the first bytes say, or None when they are not of an allowed type."""
    for content_type, starts in SIGNATURES.items():
        if any(head.startswith(s) for s in starts):
            return content_type
    return None


def check_upload_request(file_name: str, content_type: str, size_bytes: int) -> None:
    problems = []
    if not file_name.strip() or len(file_name) > MAX_FILE_NAME:
        problems.append(
            InvalidInput.for_field(
                "fileName",
                f"Tên tệp từ 1 đến {MAX_FILE_NAME} ký tự.",
                f"The file name is 1 to {MAX_FILE_NAME} characters.",
            )
        )
    if content_type not in ALLOWED_TYPES:
        problems.append(
            InvalidInput.for_field("contentType", "Chỉ nhận tệp PDF, JPEG hoặc PNG.", "Only PDF, JPEG or PNG files.")
        )
    if not 0 < size_bytes <= MAX_FILE_BYTES:
        problems.append(
            InvalidInput.for_field(
                "sizeBytes",
                "Tệp phải có nội dung và không quá 10 MB.",
                "A file must not be empty and at most 10 MB.",
            )
        )
    if problems:
        raise InvalidInput("Tệp chưa hợp lệ.", "The file is not valid.", tuple(p for e in problems for p in e.problems))


def check_dossier_total(sizes: list[int]) -> None:
    if len(sizes) > MAX_FILES_PER_DOSSIER:
        raise InvalidInput.for_field(
            "documents",
            f"Tối đa {MAX_FILES_PER_DOSSIER} tệp một hồ sơ.",
            f"At most {MAX_FILES_PER_DOSSIER} files a dossier.",
        )
    if sum(sizes) > MAX_DOSSIER_BYTES:
        raise InvalidInput.for_field(
            "documents", "Tổng dung lượng tệp của hồ sơ tối đa 50 MB.", "A dossier's files total at most 50 MB."
        )


# reason -> (Vietnamese, English) of a rejection
REJECTIONS = {
    "empty": ("Tệp rỗng.", "The file is empty."),
    "too_large": ("Tệp lớn hơn 10 MB.", "The file is larger than 10 MB."),
    "type": (
        "Nội dung tệp không phải PDF, JPEG hay PNG (tên tệp không quyết định loại tệp).",
        "The content is not a PDF, JPEG or PNG (the name does not decide the type).",
    ),
    "malware": ("Tệp chứa mã độc và đã bị loại bỏ.", "The file contains malware and was discarded."),
    "unreadable": ("Không kiểm tra được tệp.", "The file could not be checked."),
}


def rejection_message(reason: str) -> tuple[str, str]:
    return REJECTIONS.get(reason.split(":", 1)[0], REJECTIONS["unreadable"])
