"""Counting the real DynamoDB calls the portal makes, by wrapping pynamodb's one way out to botocore.

Every pynamodb model and transaction goes through `Connection._make_api_call`; the wrapper records the
operation and table, then makes the call as usual. Wrapped on the class, so calls from any thread count.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import pytest
from pynamodb.connection.base import Connection


@dataclass(frozen=True)
class DynamoDBCall:
    operation: str  # GetItem, Query, UpdateItem...
    table: str


@dataclass
class DynamoDBCalls:
    calls: list[DynamoDBCall] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, call: DynamoDBCall) -> None:
        with self._lock:
            self.calls.append(call)

    def clear(self) -> None:
        with self._lock:
            self.calls.clear()

    def __len__(self) -> int:
        return len(self.calls)

    def tables(self) -> set[str]:
        return {c.table for c in self.calls}


def count_dynamodb_calls(monkeypatch: pytest.MonkeyPatch) -> DynamoDBCalls:
    calls = DynamoDBCalls()
    original = Connection._make_api_call

    def counted(self: Connection, operation_name: str, operation_kwargs: dict) -> dict:
        calls.record(DynamoDBCall(operation_name, self._get_table_name_for_error_context(operation_kwargs) or ""))
        return original(self, operation_name, operation_kwargs)

    monkeypatch.setattr(Connection, "_make_api_call", counted)
    return calls
