"""How failures reach GraphQL clients.

- Expected failures of a mutation are members of its result union (clients branch on __typename):
  each domain exception class maps to one GraphQL error type, by class.
- Expected failures of a query are GraphQL errors whose `extensions.code` is stable.
- A service the portal depends on that did not answer (DynamoDB down or throttling, the identity provider's
  keys unreachable) is SERVICE_UNAVAILABLE with `retryAfter`: logged, masked, and answered with HTTP 503
  and Retry-After (PortalSchema.execute) so the site and apps retry, with the same clientRequestId.
- Anything else is a bug: logged with its traceback and the request id, and shown as INTERNAL_SERVER_ERROR
  with that request id only.
"""

from __future__ import annotations

import strawberry

from graphql import GraphQLError
from portal.errors import Conflict, InvalidInput, NotFound, PortalError, Unavailable
from portal.observability import emit, logger, request_id_var
from portal.store.availability import engine_unavailable


@strawberry.interface(description="An expected failure, with a Vietnamese and an English message.")
class UserError:
    code: str
    message: str
    message_en: str


@strawberry.type
class FieldError:
    field: str = strawberry.field(description="Path of the input field, e.g. formData.child_full_name.")
    message: str
    message_en: str


@strawberry.type
class InvalidInputError(UserError):
    problems: list[FieldError]


@strawberry.type
class NotFoundError(UserError):
    pass


@strawberry.type
class ConflictError(UserError):
    pass


class InvalidInputHandler(strawberry.ExceptionHandler[InvalidInput, InvalidInputError]):
    def handle(self, exception: InvalidInput, *, field, info) -> InvalidInputError:
        return InvalidInputError(
            code=exception.code,
            message=exception.message,
            message_en=exception.message_en,
            problems=[
                FieldError(field=p.field, message=p.message, message_en=p.message_en) for p in exception.problems
            ],
        )


class NotFoundHandler(strawberry.ExceptionHandler[NotFound, NotFoundError]):
    def handle(self, exception: NotFound, *, field, info) -> NotFoundError:
        return NotFoundError(code=exception.code, message=exception.message, message_en=exception.message_en)


class ConflictHandler(strawberry.ExceptionHandler[Conflict, ConflictError]):
    def handle(self, exception: Conflict, *, field, info) -> ConflictError:
        return ConflictError(code=exception.code, message=exception.message, message_en=exception.message_en)


EXCEPTION_HANDLERS = (InvalidInputHandler(), NotFoundHandler(), ConflictHandler())

INTERNAL_MESSAGE = "Hệ thống đang gặp sự cố. Vui lòng thử lại sau. (An unexpected error occurred.)"
SERVICE_UNAVAILABLE = Unavailable.code
RETRY_AFTER_SECONDS = 5  # DynamoDB throttling and brief outages pass within seconds
UNAVAILABLE_MESSAGE = "Hệ thống đang tạm thời gián đoạn. Vui lòng thử lại sau ít phút."
UNAVAILABLE_MESSAGE_EN = "The portal is briefly unavailable. Please try again in a moment."


def public_error(error: GraphQLError) -> GraphQLError:
    """What a client may see of `error` (see the module docstring)."""
    original = error.original_error
    if isinstance(original, PortalError) and not isinstance(original, Unavailable):
        return error
    if original is None or isinstance(original, GraphQLError):
        # Syntax, validation and variable-coercion errors: the client's mistake, safe to show.
        code = (error.extensions or {}).get("code") or "GRAPHQL_VALIDATION_FAILED"
        return GraphQLError(
            error.message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={**(error.extensions or {}), "code": code},
        )
    if isinstance(original, Unavailable) or engine_unavailable(original):
        # no traceback: an outage fails every request the same way, and the cause says it all
        logger.warning(
            "a service the portal depends on did not answer",
            extra={"path": error.path, "error": f"{type(original).__name__}: {original}"[:500]},
        )
        return GraphQLError(
            UNAVAILABLE_MESSAGE,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={
                "code": SERVICE_UNAVAILABLE,
                "messageEn": UNAVAILABLE_MESSAGE_EN,
                "retryAfter": RETRY_AFTER_SECONDS,
                "requestId": request_id_var.get(),
            },
        )
    logger.error(
        "unexpected error in resolver",
        exc_info=(type(original), original, original.__traceback__),
        extra={"path": error.path},
    )
    emit("InternalErrors")
    return GraphQLError(
        INTERNAL_MESSAGE,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": request_id_var.get()},
    )
