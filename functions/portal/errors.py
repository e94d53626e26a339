"""Named failures a user can cause. The API maps each class to a typed GraphQL error, by class.

Messages are Vietnamese first (the interface's first language) with an English `message_en`.
Anything that is not a PortalError is a bug: it is logged and masked, never shown to clients.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str
    message_en: str


class PortalError(Exception):
    code = "PORTAL_ERROR"

    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en

    @property
    def extensions(self) -> dict[str, object]:
        """What a GraphQL client sees beside the (Vietnamese) message; graphql-core copies it."""
        return {"code": self.code, "messageEn": self.message_en}


class InvalidInput(PortalError):
    code = "BAD_USER_INPUT"

    def __init__(self, message: str, message_en: str, problems: tuple[FieldProblem, ...] = ()) -> None:
        super().__init__(message, message_en)
        self.problems = problems

    @property
    def extensions(self) -> dict[str, object]:
        problems = [{"field": p.field, "message": p.message, "messageEn": p.message_en} for p in self.problems]
        return {**super().extensions, "problems": problems}

    @classmethod
    def for_field(cls, field: str, message: str, message_en: str) -> InvalidInput:
        return cls(message, message_en, (FieldProblem(field, message, message_en),))


class NotFound(PortalError):
    code = "NOT_FOUND"


class NotAuthenticated(PortalError):
    code = "UNAUTHENTICATED"


class Forbidden(PortalError):
    code = "FORBIDDEN"


class Conflict(PortalError):
    """The request is valid but the current state does not allow it (e.g. a second supplement)."""

    code = "CONFLICT"


class Unavailable(PortalError):
    """A service the portal depends on did not answer; retrying later can succeed."""

    code = "SERVICE_UNAVAILABLE"


class RateLimited(PortalError):
    """Too many requests from one client or one address in the current window; `retry_after` in seconds."""

    code = "RATE_LIMITED"

    def __init__(self, message: str, message_en: str, retry_after: int) -> None:
        super().__init__(message, message_en)
        self.retry_after = retry_after

    @property
    def extensions(self) -> dict[str, object]:
        return {**super().extensions, "retryAfter": self.retry_after}


class EngineUnavailable(Unavailable):
    """An engine the portal depends on (here: the payment provider) failed or timed out; nothing was changed."""
