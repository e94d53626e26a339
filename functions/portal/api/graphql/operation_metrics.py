"""Latency and errors per operation, as CloudWatch metrics (portal.observability.emit).

The dimension is the operation's root field (`trackDossier`, `submitDossier`...): the schema bounds it,
where the client's operation name could be anything and make one metric per request."""

from __future__ import annotations

import time
from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from graphql import FieldNode, OperationDefinitionNode
from portal.observability import emit, metrics_enabled


class OperationMetrics(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        if not metrics_enabled():
            yield
            return
        started = time.perf_counter()
        yield
        execution = self.execution_context
        field = _root_field(execution)
        emit("OperationLatency", round((time.perf_counter() - started) * 1000, 2), "Milliseconds", field=field)
        if execution.result is not None and execution.result.errors:
            emit("OperationErrors", field=field)


def _root_field(execution) -> str:
    """The first root field of the operation that ran, or "invalid" when it was refused before running (did
    not parse or validate, too costly, rate limited: errors without a path), whose fields are then whatever
    the client wrote."""
    document = execution.graphql_document
    errors = execution.result.errors if execution.result is not None else None
    if document is None or any(e.path is None for e in errors or ()):
        return "invalid"
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and (
            execution.operation_name is None or (definition.name and definition.name.value == execution.operation_name)
        ):
            for selection in definition.selection_set.selections:
                if isinstance(selection, FieldNode):
                    return selection.name.value
    return "invalid"
