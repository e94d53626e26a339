"""A document: one file a citizen or an officer put into storage, and what the portal found in it.

A file travels in two steps: the portal hands out a short-lived upload policy for a key it chose
(PENDING, not yet uploaded), the browser posts the file straight to storage, then the portal checks the
object (real size, type from its first bytes, SHA-256) and a malware scanner gives its verdict: CLEAN
files are served and reused, REJECTED ones never are (the reason is kept).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum


class State(Enum):
    PENDING = "pending"  # waiting for the upload, or for the scanner's verdict
    CLEAN = "clean"
    REJECTED = "rejected"


class Purpose(Enum):
    FILING = "filing"  # a citizen's file for a dossier being filed online (before the dossier exists)
    SUPPLEMENT = "supplement"  # the applicant's file answering a supplement request
    DESK_SCAN = "desk_scan"  # a paper document scanned at the desk into a dossier received in person
    RESULT = "result"  # the electronic result, uploaded by the processing officer


@dataclass(frozen=True)
class Document:
    id: str
    owner_id: str  # the applicant's personal id number: whose personal store the document belongs to
    purpose: Purpose
    slot: str  # the procedure's required document this file stands for ("" for a result)
    procedure_code: str
    file_name: str  # as the uploader named it (shown, never trusted for the type)
    declared_type: str
    key: str  # the storage key, chosen by the portal
    state: State
    created_at: datetime
    requested_by: str  # who asked for the upload (only they may complete it)
    dossier_code: str = ""  # set when uploaded into an existing dossier (desk scan, supplement, result)
    uploaded_at: datetime | None = None
    content_type: str = ""  # sniffed from the first bytes
    size_bytes: int = 0
    sha256: str = ""
    reason: str = ""  # why it was rejected
    dossiers: tuple[str, ...] = ()  # the dossiers it is attached to (a stored document can be reused)

    @property
    def uploaded(self) -> bool:
        return self.uploaded_at is not None


@dataclass(frozen=True)
class Verdict:
    """A malware scanner's answer about one object."""

    clean: bool
    reason: str = ""  # the threat's name, or why the file could not be read


@dataclass(frozen=True)
class UploadTicket:
    """What the browser needs to post one file straight to storage."""

    document: Document
    url: str
    fields: dict[str, str]
    expires_at: datetime
    max_bytes: int


@dataclass(frozen=True)
class Download:
    url: str
    expires_at: datetime


@dataclass(frozen=True)
class UploadRequest:
    purpose: Purpose
    file_name: str
    content_type: str
    size_bytes: int
    procedure_code: str = ""  # filing: the procedure being filed
    slot: str = ""  # the procedure's required document this file stands for
    dossier_code: str = ""  # supplement, desk scan, result: the dossier it goes into
