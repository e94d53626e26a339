"""Whether a failure means an AWS service (DynamoDB; S3 and SES use the same botocore errors) did not
answer in time or was overloaded: the request was fine, and the same request later can succeed. The
API answers those 503 SERVICE_UNAVAILABLE with Retry-After instead of a masked internal error."""

from __future__ import annotations

from botocore.exceptions import ClientError, HTTPClientError
from botocore.exceptions import ConnectionError as BotocoreConnectionError

# Error codes AWS documents as "retry later" (throttling, capacity, the service's own failure).
RETRYABLE_CODES = frozenset(
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "InternalServerError",
        "ServiceUnavailable",
        "ServiceUnavailableException",
        "SlowDown",
    }
)


def engine_unavailable(error: BaseException | None) -> bool:
    """True when `error`, or what caused it (pynamodb keeps botocore's error as `cause`), is one of those."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, (BotocoreConnectionError, HTTPClientError, ConnectionError, TimeoutError)):
            return True
        if isinstance(error, ClientError) and error.response.get("Error", {}).get("Code") in RETRYABLE_CODES:
            return True
        error = getattr(error, "cause", None) or error.__cause__ or error.__context__
    return False
