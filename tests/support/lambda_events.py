"""API Gateway HTTP API (payload format 2.0) events and a Lambda context, as AWS sends them."""

from __future__ import annotations

import base64
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any


@dataclass
class LambdaContext:
    function_name: str = "portal-GraphQLFunction"
    function_version: str = "$LATEST"
    memory_limit_in_mb: int = 1024
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    invoked_function_arn: str = "arn:aws:lambda:ap-southeast-1:123456789012:function:portal-GraphQLFunction:live"
    log_group_name: str = "/aws/lambda/portal-GraphQLFunction"
    log_stream_name: str = "2026/03/02/[$LATEST]abcdef"

    def get_remaining_time_in_millis(self) -> int:
        return 10_000


def http_api_event(
    body: dict[str, Any],
    headers: dict[str, str] | None = None,
    source_ip: str = "203.0.113.9",
    base64_body: bool = False,
) -> dict[str, Any]:
    raw = json.dumps(body)
    now = time.time()
    return {
        "version": "2.0",
        "routeKey": "POST /graphql",
        "rawPath": "/graphql",
        "rawQueryString": "",
        "headers": {
            "content-type": "application/json",
            "host": "abc123.execute-api.ap-southeast-1.amazonaws.com",
            "user-agent": "Mozilla/5.0 (Linux; Android 14) Mobile",
            "x-forwarded-for": source_ip,
            "x-forwarded-proto": "https",
            **(headers or {}),
        },
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "abc123",
            "domainName": "abc123.execute-api.ap-southeast-1.amazonaws.com",
            "domainPrefix": "abc123",
            "http": {
                "method": "POST",
                "path": "/graphql",
                "protocol": "HTTP/1.1",
                "sourceIp": source_ip,
                "userAgent": "Mozilla/5.0 (Linux; Android 14) Mobile",
            },
            "requestId": f"{uuid.uuid4().hex[:16]}=",
            "routeKey": "POST /graphql",
            "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)),
            "timeEpoch": int(now * 1000),
        },
        "body": base64.b64encode(raw.encode()).decode() if base64_body else raw,
        "isBase64Encoded": base64_body,
    }
