"""A static cost for a GraphQL operation, computed from the document before anything runs.

Every field returning an object (or a list of objects) costs 1 for each time it can be resolved;
scalars are free. A list multiplies what is under it by its size: the `first` argument of the list field,
or of the connection it belongs to (a connection's `first` sizes its `edges`), else the default page size.
Page sizes count as at most MAX_PAGE_SIZE, the most a resolver ever returns. Introspection (`__schema`,
`__type`) is not priced: it is switched on or off per stage instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    is_composite_type,
)
from portal.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

PAGE_ARGUMENT = "first"


class _Pricer:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
    ) -> None:
        self._schema = schema
        self._fragments = fragments
        self._variables = variables

    def operation(self, operation: OperationDefinitionNode) -> int:
        root = self._schema.get_root_type(operation.operation)
        if root is None:
            return 0
        defaults = {
            d.variable.name.value: int(d.default_value.value)
            for d in operation.variable_definitions or ()
            if isinstance(d.default_value, IntValueNode)
        }
        self._variables = {**defaults, **self._variables}  # `$n: Int = 100` counts when $n is not sent
        return self._selections(operation.selection_set, root, 1, None, frozenset())

    def _selections(
        self,
        selection_set: SelectionSetNode | None,
        parent: GraphQLNamedType,
        multiplier: int,
        page: int | None,
        fragments_seen: frozenset[str],
    ) -> int:
        """Cost of a selection set under `parent`; `page` is the pending size of the enclosing connection."""
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self._field(selection, parent, multiplier, page, fragments_seen)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self._schema.get_type(condition.name.value) if condition else parent
                if target is not None:
                    total += self._selections(selection.selection_set, target, multiplier, page, fragments_seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self._fragments.get(name)
                if fragment is None or name in fragments_seen:  # unknown or cyclic: other rules report it
                    continue
                target = self._schema.get_type(fragment.type_condition.name.value)
                if target is not None:
                    total += self._selections(fragment.selection_set, target, multiplier, page, fragments_seen | {name})
        return total

    def _field(
        self,
        node: FieldNode,
        parent: GraphQLNamedType,
        multiplier: int,
        page: int | None,
        fragments_seen: frozenset[str],
    ) -> int:
        name = node.name.value
        if name.startswith("__"):
            return 0
        fields: Mapping[str, GraphQLField] = getattr(parent, "fields", None) or {}  # unions have none
        definition = fields.get(name)
        if definition is None:  # unknown field: FieldsOnCorrectTypeRule reports it
            return 0
        field_type = definition.type
        if isinstance(field_type, GraphQLNonNull):
            field_type = field_type.of_type
        own_page = self._page_size(node) if PAGE_ARGUMENT in definition.args else None
        pending_for_children = None
        if isinstance(field_type, GraphQLList):
            size = own_page if own_page is not None else page
            multiplier *= size if size is not None else DEFAULT_PAGE_SIZE
        elif own_page is not None:
            pending_for_children = own_page  # a connection: its `edges` list has `first` items
        named = get_named_type(field_type)
        own = multiplier if is_composite_type(named) else 0
        return own + self._selections(node.selection_set, named, multiplier, pending_for_children, fragments_seen)

    def _page_size(self, node: FieldNode) -> int:
        value: Any = None
        for argument in node.arguments or ():  # graphql-core leaves None when there are none
            if argument.name.value != PAGE_ARGUMENT:
                continue
            if isinstance(argument.value, IntValueNode):
                value = int(argument.value.value)
            elif isinstance(argument.value, VariableNode):
                value = self._variables.get(argument.value.name.value)
        if not isinstance(value, int) or isinstance(value, bool):
            return DEFAULT_PAGE_SIZE
        return max(0, min(value, MAX_PAGE_SIZE))


def operation_cost(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    variables: Mapping[str, Any] | None = None,
) -> int:
    return _Pricer(schema, fragments, variables or {}).operation(operation)
