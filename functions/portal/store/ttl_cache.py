"""A small per-container cache for reference data (centers): entries expire after a set time, and the
least recently used go first when it is full. Dossiers are never cached."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
MISSING = object()


class TtlCache(Generic[K, V]):
    def __init__(
        self, seconds: float, max_entries: int = 10_000, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self._seconds = seconds
        self._max = max_entries
        self._monotonic = monotonic
        self._entries: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self._seconds > 0

    def get(self, key: K) -> V | object:
        """The cached value, or MISSING."""
        if not self.enabled:
            return MISSING
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or self._monotonic() - entry[0] > self._seconds:
                self._entries.pop(key, None)
                return MISSING
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: K, value: V) -> None:
        if not self.enabled:
            return
        with self._lock:
            self._entries[key] = (self._monotonic(), value)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)
