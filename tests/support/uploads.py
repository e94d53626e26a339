"""Files through the real upload path: a policy from the API, a multipart POST straight to the local S3
gateway (SeaweedFS, as a browser posts to /storage), then the completion. Shared by tests and benchmarks."""

from __future__ import annotations

from typing import Any

import httpx2

from infra.local.scanner import EICAR

# Small real files of each allowed type (and a few that must be refused).
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f00000000049454e44ae426082"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64  # a Windows program
INFECTED_PDF = b"%PDF-1.4\n" + EICAR.encode() + b"\n%%EOF\n"  # starts like a PDF, carries the EICAR test virus


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
