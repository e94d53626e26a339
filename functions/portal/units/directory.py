"""The units as each Lambda container holds them: read and indexed once, on first use.

Reading the files and building the address index takes a few hundred milliseconds, so it happens on
the first request that needs it, not at import (a container that only serves dossiers never pays it).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from portal.units.model import Gazetteer

if TYPE_CHECKING:
    from portal.units.address import AddressResolver


class UnitDirectory:
    def __init__(self, load: Callable[[], Gazetteer]) -> None:
        self._load = load
        self._gazetteer: Gazetteer | None = None
        self._resolver: AddressResolver | None = None
        self._lock = threading.Lock()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    self._gazetteer = self._load()
        return self._gazetteer

    @property
    def resolver(self) -> AddressResolver:
        if self._resolver is None:
            gazetteer = self.gazetteer
            from portal.units.address import AddressResolver  # the matcher loads with the first address query

            with self._lock:
                if self._resolver is None:
                    self._resolver = AddressResolver(gazetteer)
        return self._resolver
