"""What a query may ask for, checked while the document is validated: before any resolver, so before any
DynamoDB call. Each refusal carries a stable `extensions.code`, a Vietnamese message and `messageEn`.

Depth and alias limits are strawberry's validators with their errors re-coded; the cost limit and the
introspection switch are graphql-core validation rules added the same way (AddValidationRules).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter, SchemaExtension

from graphql import (
    ASTValidationRule,
    DocumentNode,
    FragmentDefinitionNode,
    GraphQLError,
    OperationDefinitionNode,
    ValidationContext,
    ValidationRule,
)
from portal.api.query_cost import operation_cost

QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"
INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"


@dataclass(frozen=True)
class QueryLimits:
    max_depth: int = 8
    max_aliases: int = 15
    max_tokens: int = 2000
    # 6x the costliest operation of graphql/operations at the largest page (MyDossiers, first: 100 -> 302).
    max_cost: int = 2000


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


def cost_rule(max_cost: int, variables: Mapping[str, Any]) -> type[ValidationRule]:
    """A rule pricing each operation of the document with this request's variables (`first: $n`)."""

    class QueryCostRule(ValidationRule):
        def enter_document(self, node: DocumentNode, *_: Any) -> None:
            fragments = {d.name.value: d for d in node.definitions if isinstance(d, FragmentDefinitionNode)}
            for operation in node.definitions:
                if not isinstance(operation, OperationDefinitionNode):
                    continue
                cost = operation_cost(self.context.schema, operation, fragments, variables)
                if cost > max_cost:
                    self.report_error(
                        GraphQLError(
                            f"Truy vấn quá lớn (chi phí {cost}, tối đa {max_cost}). Hãy xin trang nhỏ hơn (first).",
                            [operation],
                            extensions={
                                "code": QUERY_TOO_COSTLY,
                                "messageEn": f"The query costs {cost}, more than {max_cost}. Ask for smaller pages.",
                                "cost": cost,
                                "maxCost": max_cost,
                            },
                        )
                    )

    return QueryCostRule


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


class QueryLimiter(SchemaExtension):
    """Adds the static rules and a cost rule bound to this request's variables to the validation."""

    def __init__(self, rules: Sequence[type[ASTValidationRule]], max_cost: int) -> None:
        self._rules = tuple(rules)
        self._max_cost = max_cost

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        variables = context.variables if isinstance(context.variables, dict) else {}
        context.validation_rules = (*context.validation_rules, *self._rules, cost_rule(self._max_cost, variables))
        yield
