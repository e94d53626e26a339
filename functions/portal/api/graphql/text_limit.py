"""A floor under every field's own limit (portal.input_limits): no text anywhere in a request, in its
variables or written in the document, may be longer than MAX_TEXT_LENGTH, the longest any input takes
(a textarea of the online form). A field added without a limit of its own is still bounded; the
refusal, BAD_USER_INPUT naming the limit, comes before any resolver runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql.language import Visitor
from strawberry.extensions import SchemaExtension

from graphql import ExecutionResult, GraphQLError, StringValueNode, visit
from portal.procedures.forms import MAX_TEXTAREA_LENGTH

MAX_TEXT_LENGTH = MAX_TEXTAREA_LENGTH


def _longest_in(value: Any) -> int:
    longest, stack = 0, [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            longest = max(longest, len(item))
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return longest


class _LongestLiteral(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.longest = 0

    def enter_string_value(self, node: StringValueNode, *_: Any) -> None:
        self.longest = max(self.longest, len(node.value))


def longest_text(query: str | None, document: Any, variables: Any) -> int:
    """The longest text in the variables and in the document's literals. A document shorter than the
    limit cannot hold a literal past it, so only a long one is walked (a walk costs ~0.3 ms)."""
    longest = _longest_in(variables)
    if document is not None and len(query or "") > MAX_TEXT_LENGTH:
        literals = _LongestLiteral()
        visit(document, literals)
        longest = max(longest, literals.longest)
    return longest


class TextLimit(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        longest = longest_text(context.query, context.graphql_document, context.variables)
        if context.result is None and longest > MAX_TEXT_LENGTH:
            context.result = ExecutionResult(
                data=None,
                errors=[
                    GraphQLError(
                        f"Có văn bản dài quá {MAX_TEXT_LENGTH} ký tự.",
                        extensions={
                            "code": "BAD_USER_INPUT",
                            "messageEn": f"A text in this request is longer than {MAX_TEXT_LENGTH} characters.",
                            "maxLength": MAX_TEXT_LENGTH,
                        },
                    )
                ],
            )
        yield
