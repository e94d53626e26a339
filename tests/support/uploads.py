"""Files through the real upload path: a policy from the API, a multipart POST straight to the local S3
gateway (SeaweedFS, as a browser posts to /storage), then the completion. Shared by tests and benchmarks."""

from __future__ import annotations

from typing import Any

import httpx2

from infra.local.scanner import EICAR


def minimal_pdf(text: bytes = b"") -> bytes:
    """A small PDF that parses: its objects, a cross-reference table at the offset startxref gives, %%EOF.
    `text` goes into a comment (what a test wants the file to carry)."""
    head = b"%PDF-1.4\n" + (b"% " + text + b"\n" if text else b"")
    objects = [
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n",
    ]
    offsets, body = [], head
    for obj in objects:
        offsets.append(len(body))
        body += obj
    xref = len(body)
    body += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return body + b"trailer << /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


# Small real files of each allowed type (and a few that must be refused).
PDF = minimal_pdf()
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f00050001ff89993d1d0000000049454e44ae426082"
)
JPEG = (  # SOI, APP0 (JFIF), a start of scan, a little scan data, EOI
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\x12\x34\xff\xd9"
)
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64  # a Windows program
INFECTED_PDF = minimal_pdf(EICAR.encode())  # a well-formed PDF carrying the EICAR test virus
# A PDF that is also an HTML page (issue 25, item 7): the header a PDF reader wants, markup a browser runs.
POLYGLOT_PDF = minimal_pdf(b"<html><body><script>alert(document.domain)</script></body></html>")
TRUNCATED_PDF = PDF[: len(PDF) // 2]  # starts as a PDF, does not parse as one


def storage_url(url: str) -> str:
    """The site's /storage path is the bucket (infra/local_server.py forwards it, CloudFront does in AWS)."""
    if url.startswith("/"):
        from portal.config import settings

        storage = settings().storage
        return f"{storage.endpoint}/{storage.bucket}"
    return url


def post_file(ticket: dict[str, Any], body: bytes, file_name: str = "file", content_type: str | None = None) -> int:
    fields = {f["name"]: f["value"] for f in ticket["fields"]}
    if content_type:
        fields["Content-Type"] = content_type
    r = httpx2.post(
        storage_url(ticket["url"]), data=fields, files={"file": (file_name, body, fields["Content-Type"])}, timeout=30
    )
    return r.status_code


def request_upload(api, token: str, **input: Any) -> Any:
    values = {"fileName": "giay-chung-sinh.pdf", "contentType": "application/pdf", "sizeBytes": 1000, **input}
    return api.run("RequestDocumentUpload", {"input": values}, token=token)


def upload(api, token: str, body: bytes, **input: Any) -> dict[str, Any]:
    """Request, post, complete: the completed document (or the completion's error union member)."""
    r = request_upload(api, token, **{"sizeBytes": len(body), **input})
    ticket = r.data["requestDocumentUpload"]
    assert ticket["__typename"] == "DocumentUpload", ticket
    assert post_file(ticket, body, input.get("fileName", "giay-chung-sinh.pdf")) == 204
    done = api.run("CompleteDocumentUpload", {"documentId": ticket["document"]["id"]}, token=token)
    assert done.errors == [], done.errors
    result = done.data["completeDocumentUpload"]
    return result["document"] if result["__typename"] == "DocumentCompleted" else result
