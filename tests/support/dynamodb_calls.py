"""Recording the DynamoDB calls the portal really makes (every botocore client, every thread)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import botocore.client

_listeners: list[list[str]] = []
_lock = threading.Lock()
_original = botocore.client.BaseClient._make_api_call


def _recording(self, operation_name: str, api_params: dict):
    if self.meta.service_model.service_name == "dynamodb":
        with _lock:
            for calls in _listeners:
                calls.append(operation_name)
    return _original(self, operation_name, api_params)


botocore.client.BaseClient._make_api_call = _recording


@contextmanager
def dynamodb_calls() -> Iterator[Counter]:
    """Counts the operations (GetItem, Query, BatchGetItem, Scan...) made inside the block."""
    calls: list[str] = []
    counted: Counter = Counter()
    with _lock:
        _listeners.append(calls)
    try:
        yield counted
    finally:
        with _lock:
            _listeners.remove(calls)
        counted.update(calls)
