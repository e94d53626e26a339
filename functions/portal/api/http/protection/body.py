"""The body of a GraphQL request, checked before strawberry reads it: at most MAX_BODY_BYTES (API
Gateway's HTTP API takes up to 10 MB and cannot be lowered, so the limit is here), sent as
`application/json` (media type compared exactly, case-insensitively), strict UTF-8, JSON nested at most
MAX_JSON_DEPTH deep (the C parser stops safely at 100,000 brackets; the depth of what it parsed is
measured without recursion), no NaN or Infinity, and an object with a string `query`. Each refusal is a 4xx with
a typed error in the GraphQL error shape, never a 500.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from portal.api.http.protection.responses import send_error

MAX_BODY_BYTES = 256 * 1024  # the largest filing (every field of a long form, 20 attachments) is ~40 KB
MAX_JSON_DEPTH = 32  # a request is {variables: {input: {formData: {...}}}}: 5 levels in practice
JSON_MEDIA_TYPE = "application/json"
BAD_REQUEST = "BAD_REQUEST"
PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"


class Malformed(Exception):  # not a ValueError: json.loads lets it through parse_constant unchanged
    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(message_en)
        self.message = message
        self.message_en = message_en


def media_type(content_type: str) -> str:
    """'Application/JSON; charset=utf-8' -> 'application/json'."""
    return content_type.split(";", 1)[0].strip().lower()


def json_depth(value: Any) -> int:
    """How deep objects and arrays nest in a parsed JSON value; iterative, so any depth is measured.
    Raises Malformed for text that cannot be encoded back (a lone surrogate escaped as "\\ud800")."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            _check_encodable(item)
            continue
        if isinstance(item, dict):
            deepest = max(deepest, depth)
            for key in item:
                _check_encodable(key)
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in item)
    return deepest


def _check_encodable(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise Malformed("Văn bản chứa ký tự UTF-8 không hợp lệ.", "The text holds invalid UTF-8.") from error


def _no_constants(name: str) -> Any:
    raise Malformed(f"JSON không hợp lệ: {name}.", f"Not valid JSON: {name}.")


def check_graphql_body(body: bytes) -> dict[str, Any]:
    """The request as a dict, or Malformed saying what is wrong with it."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Malformed("Nội dung yêu cầu không phải UTF-8.", "The request body is not valid UTF-8.") from error
    too_deep = Malformed(
        f"JSON lồng quá {MAX_JSON_DEPTH} cấp.", f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep."
    )
    try:
        request = json.loads(text, parse_constant=_no_constants)
    except RecursionError as error:  # the C parser stops at the interpreter's recursion limit, safely
        raise too_deep from error
    except ValueError as error:
        raise Malformed("Nội dung yêu cầu không phải JSON hợp lệ.", "The request body is not valid JSON.") from error
    if json_depth(request) > MAX_JSON_DEPTH:
        raise too_deep
    if not isinstance(request, dict):
        raise Malformed(
            'Yêu cầu phải là một đối tượng JSON {"query": ...}.', 'The request must be a JSON object {"query": ...}.'
        )
    if not isinstance(request.get("query"), str) and not _persisted_hash(request):
        raise Malformed("Yêu cầu thiếu «query» (văn bản).", "The request has no 'query' string.")
    if request.get("variables") is not None and not isinstance(request["variables"], dict):
        raise Malformed("«variables» phải là một đối tượng.", "'variables' must be an object.")
    if request.get("operationName") is not None and not isinstance(request["operationName"], str):
        raise Malformed("«operationName» phải là văn bản.", "'operationName' must be a string.")
    return request


def _persisted_hash(request: dict) -> bool:
    """A registered operation sent by its hash alone (extensions.persistedQuery.sha256Hash)."""
    extensions = request.get("extensions")
    persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
    return isinstance(persisted, dict) and isinstance(persisted.get("sha256Hash"), str)


class BodyGuard:
    """Checks POST bodies of `path` (see the module docstring), then hands strawberry the same bytes."""

    def __init__(self, app: ASGIApp, path: str, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.path = path
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if media_type(headers.get("content-type", "")) != JSON_MEDIA_TYPE:
            await send_error(
                send,
                415,
                UNSUPPORTED_MEDIA_TYPE,
                "Yêu cầu GraphQL phải có Content-Type: application/json.",
                "GraphQL requests must be sent as Content-Type: application/json.",
            )
            return
        body = await self._read(headers, receive)
        if body is None:
            await send_error(
                send,
                413,
                PAYLOAD_TOO_LARGE,
                f"Yêu cầu lớn quá {self.max_bytes // 1024} KB.",
                f"The request is larger than {self.max_bytes // 1024} KB.",
                maxBytes=self.max_bytes,
            )
            return
        try:
            check_graphql_body(body)
        except Malformed as malformed:
            await send_error(send, 400, BAD_REQUEST, malformed.message, malformed.message_en)
            return
        # strawberry compares the media type exactly as it is written: give it the plain one
        scope = {
            **scope,
            "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"content-type"]
            + [(b"content-type", JSON_MEDIA_TYPE.encode())],
        }
        await self.app(scope, _replay(body, receive), send)

    async def _read(self, headers: dict[str, str], receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it is known to pass the limit (nothing more is read)."""
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            return None
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body already read, then the connection's own messages (its disconnect, when it comes)."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed
