"""What a query may ask for, checked while the document is validated: before any resolver, so before any
DynamoDB call. Each refusal carries a stable `extensions.code`, a Vietnamese message and `messageEn`.

Depth and alias limits are strawberry's validators with their errors re-coded, and the introspection switch
graphql-core's rule, all added as fixed classes (StaticRules) so validation results can be cached; the cost
limit prices the validated document with each request's variables (QueryCost).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter, SchemaExtension

from graphql import (
    ASTValidationRule,
    ExecutionResult,
    FragmentDefinitionNode,
    GraphQLError,
    OperationDefinitionNode,
    ValidationContext,
)
from portal.api.graphql.query_cost import operation_cost

QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"
INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"


@dataclass(frozen=True)
class QueryLimits:
    max_depth: int = 8
    max_aliases: int = 15
    max_tokens: int = 2000
    # About 6x the costliest operation of graphql/operations at the largest page (CenterQueue, first: 100
    # -> 502: each dossier with its applicant, procedure and center).
    max_cost: int = 3000


class _CodedContext:
    """A ValidationContext whose reported errors get a stable code and a Vietnamese message."""

    def __init__(self, context: ValidationContext, code: str, message: str) -> None:
        self._context = context
        self._code = code
        self._message = message

    def report_error(self, error: GraphQLError) -> None:
        self._context.report_error(
            GraphQLError(self._message, error.nodes, extensions={"code": self._code, "messageEn": error.message})
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._context, name)


def coded(rule: type[ASTValidationRule], code: str, message: str) -> type[ASTValidationRule]:
    """`rule`, with every error it reports carrying `code` (strawberry's own errors have none)."""

    class Coded(rule):  # type: ignore[valid-type, misc]
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(_CodedContext(context, code, message))  # type: ignore[arg-type]

    Coded.__name__ = f"{rule.__name__}_{code}"
    return Coded


def cost_error(cost: int, max_cost: int, operation: OperationDefinitionNode) -> GraphQLError:
    return GraphQLError(
        f"Truy vấn quá lớn (chi phí {cost}, tối đa {max_cost}). Hãy xin trang nhỏ hơn (first).",
        [operation],
        extensions={
            "code": QUERY_TOO_COSTLY,
            "messageEn": f"The query costs {cost}, more than {max_cost}. Ask for smaller pages.",
            "cost": cost,
            "maxCost": max_cost,
        },
    )


def static_rules(limits: QueryLimits, introspection: bool) -> tuple[type[ASTValidationRule], ...]:
    rules = [
        *(
            coded(rule, QUERY_TOO_DEEP, f"Truy vấn lồng quá sâu (tối đa {limits.max_depth} cấp).")
            for rule in QueryDepthLimiter(max_depth=limits.max_depth).validation_rules
        ),
        *(
            coded(rule, TOO_MANY_ALIASES, f"Truy vấn dùng quá nhiều bí danh (tối đa {limits.max_aliases}).")
            for rule in MaxAliasesLimiter(max_alias_count=limits.max_aliases).validation_rules
        ),
    ]
    if not introspection:
        rules.append(
            coded(
                NoSchemaIntrospectionCustomRule,
                INTROSPECTION_DISABLED,
                "Môi trường này không cho phép truy vấn cấu trúc API (introspection).",
            )
        )
    return tuple(rules)


class StaticRules(SchemaExtension):
    """Adds the depth, alias and introspection rules to validation. The same classes every request, so
    strawberry's ValidationCache (keyed by the rules) answers repeated operations without validating again."""

    def __init__(self, rules: Sequence[type[ASTValidationRule]]) -> None:
        self._rules = tuple(rules)

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.validation_rules = (*context.validation_rules, *self._rules)
        yield


class QueryCost(SchemaExtension):
    """Prices each operation with this request's variables (`first: $n`) once the document is known to be
    valid, and answers QUERY_TOO_COSTLY instead of executing it. A check of its own rather than a
    validation rule: the price depends on the variables, the (cached) validation does not."""

    def __init__(self, max_cost: int) -> None:
        self._max_cost = max_cost

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        variables = context.variables if isinstance(context.variables, dict) else {}
        if document is not None:
            fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
            for operation in document.definitions:
                if not isinstance(operation, OperationDefinitionNode):
                    continue
                cost = operation_cost(context.schema._schema, operation, fragments, variables)
                if context.context is not None and hasattr(context.context, "query_cost"):
                    context.context.query_cost = max(context.context.query_cost, cost)  # the rate limit's weight
                if cost > self._max_cost:
                    # a result set here is returned as is: nothing executes, no resolver, no DynamoDB call
                    context.result = ExecutionResult(data=None, errors=[cost_error(cost, self._max_cost, operation)])
                    break
        yield
