"""Refusals made before GraphQL runs, in the GraphQL error shape clients already read:
{"errors": [{"message": ..., "extensions": {"code": ..., "messageEn": ...}}]}."""

from __future__ import annotations

import json

from starlette.types import Send


def error_body(code: str, message: str, message_en: str, **extensions: object) -> bytes:
    error = {"message": message, "extensions": {"code": code, "messageEn": message_en, **extensions}}
    return json.dumps({"errors": [error]}, ensure_ascii=False, separators=(",", ":")).encode()


async def send_error(
    send: Send,
    status: int,
    code: str,
    message: str,
    message_en: str,
    headers: dict[str, str] | None = None,
    **extensions: object,
) -> None:
    body = error_body(code, message, message_en, **extensions)
    raw_headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *((name.encode(), value.encode()) for name, value in (headers or {}).items()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})
