"""Whether a file's structure parses as the type its first bytes claim (pure: bytes in, a yes or no out).

The first bytes alone (policy.sniff) let polyglots through: a file that starts `%PDF-` and is also an HTML
or SVG page runs its script in a browser that sniffs it as a page. So a PDF must end as a PDF does (a
`startxref` offset that points at its cross-reference, then `%%EOF`), a PNG must be a chain of chunks with
good CRCs from IHDR to IEND and nothing after, a JPEG a chain of segments from SOI to its scan (bytes after
the end of the image are kept: phones append motion photos there). And none may carry markup a browser
reads as a page in the bytes it sniffs (the first 1445, WHATWG MIME Sniffing's resource header). Downloads
are served as attachments with nosniff besides (store/objects.py): both, not either.
"""

from __future__ import annotations

import re
import struct
import zlib

SNIFFED_BYTES = 1445
MARKUP = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|script|svg|iframe|object|embed|\?xml-stylesheet)", re.I)
PDF_TAIL_BYTES = 2048
PDF_HEADER = re.compile(rb"^%PDF-[12]\.\d")
PDF_STARTXREF = re.compile(rb"startxref\s+(\d{1,12})\s+%%EOF")  # the last one counts (incremental updates)
PDF_XREF_AT = re.compile(rb"\s*(?:xref\b|\d{1,10}\s+\d{1,5}\s+obj\b)")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def well_formed(content_type: str, body: bytes) -> bool:
    """True when `body` parses as `content_type` (one of policy.ALLOWED_TYPES) and has no page markup
    where browsers sniff."""
    if MARKUP.search(body[:SNIFFED_BYTES]):
        return False
    check = {"application/pdf": _pdf, "image/png": _png, "image/jpeg": _jpeg}.get(content_type)
    return bool(check and check(body))


def _pdf(body: bytes) -> bool:
    if not PDF_HEADER.match(body):
        return False
    tail = body[-PDF_TAIL_BYTES:]
    found = PDF_STARTXREF.findall(tail)  # readers accept a little after %%EOF (scanners pad): so do we
    if not found:
        return False
    offset = int(found[-1])
    return 0 < offset < len(body) and bool(PDF_XREF_AT.match(body, offset))


def _png(body: bytes) -> bool:
    if not body.startswith(PNG_SIGNATURE):
        return False
    at, first = len(PNG_SIGNATURE), True
    while at + 12 <= len(body):
        length, kind = struct.unpack(">I4s", body[at : at + 8])
        end = at + 12 + length
        if end > len(body) or (first and (kind != b"IHDR" or length != 13)):
            return False
        (crc,) = struct.unpack(">I", body[end - 4 : end])
        if zlib.crc32(body[at + 4 : end - 4]) != crc:
            return False
        if kind == b"IEND":
            return end == len(body)  # nothing after the image
        at, first = end, False
    return False


def _jpeg(body: bytes) -> bool:
    if not body.startswith(b"\xff\xd8\xff"):
        return False
    at = 2
    while at + 4 <= len(body):
        if body[at] != 0xFF:
            return False
        marker = body[at + 1]
        if marker == 0xFF:  # fill bytes
            at += 1
            continue
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # no length
            at += 2
            continue
        (length,) = struct.unpack(">H", body[at + 2 : at + 4])
        if length < 2 or at + 2 + length > len(body):
            return False
        if marker == 0xDA:  # start of scan: the image data, then its end
            return body.find(b"\xff\xd9", at + 2 + length) != -1
        at += 2 + length
    return False
