"""Recording the DynamoDB calls really made, from every botocore client (pynamodb's included) and thread.

One recorder is installed on botocore's client class; tests listen to it for a block (`recording()`) or
for a whole test (the `dynamodb_calls` fixture). The call is made as usual after it is recorded.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import botocore.client


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

    def counts(self) -> Counter:
        """Operation name -> how many times."""
        return Counter(c.operation for c in self.calls)


_listeners: list[DynamoDBCalls] = []
_listeners_lock = threading.Lock()
_original = botocore.client.BaseClient._make_api_call


def _table_of(params: dict[str, Any]) -> str:
    if "TableName" in params:
        return params["TableName"]
    if params.get("RequestItems"):
        return next(iter(params["RequestItems"]))
    for item in params.get("TransactItems") or ():
        for action in item.values():
            return action.get("TableName", "")
    return ""


# The local stream consumer (infra/local/stream_consumer.py) works in its own thread, whenever events come:
# its calls are not those of the request being counted.
BACKGROUND_THREADS = frozenset({"stream-consumer"})


def _recorded(self: Any, operation_name: str, api_params: dict[str, Any]) -> Any:
    if self.meta.service_model.service_name == "dynamodb" and threading.current_thread().name not in BACKGROUND_THREADS:
        call = DynamoDBCall(operation_name, _table_of(api_params))
        with _listeners_lock:
            for calls in _listeners:
                calls.record(call)
    return _original(self, operation_name, api_params)


botocore.client.BaseClient._make_api_call = _recorded


def listen() -> DynamoDBCalls:
    calls = DynamoDBCalls()
    with _listeners_lock:
        _listeners.append(calls)
    return calls


def stop_listening(calls: DynamoDBCalls) -> None:
    with _listeners_lock:
        _listeners.remove(calls)


@contextmanager
def recording() -> Iterator[DynamoDBCalls]:
    """The calls made inside the block."""
    calls = listen()
    try:
        yield calls
    finally:
        stop_listening(calls)
