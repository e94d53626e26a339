"""The procedure catalog as each Lambda container holds it: loaded once, indexed, refreshed on a timer.

Requests never wait on DynamoDB for catalog reads except the first one of a container (or the first
one after `refresh_seconds`), which loads the whole catalog with a Query and rebuilds the index.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

from portal.procedures.model import Procedure
from portal.procedures.search import SearchIndex

Loader = Callable[[], Iterable[Procedure]]


class Catalog:
    def __init__(self, load: Loader, refresh_seconds: float, monotonic: Callable[[], float] = time.monotonic):
        self._load = load
        self._refresh_seconds = refresh_seconds
        self._monotonic = monotonic
        self._index: SearchIndex | None = None
        self._loaded_at = 0.0
        self._lock = threading.Lock()

    def index(self) -> SearchIndex:
        if self._index is None or self._monotonic() - self._loaded_at > self._refresh_seconds:
            with self._lock:
                if self._index is None or self._monotonic() - self._loaded_at > self._refresh_seconds:
                    self._index = SearchIndex(self._load())
                    self._loaded_at = self._monotonic()
        return self._index
