"""The procedure catalog as each Lambda container holds it: the search index, and details by key.

The index (every procedure's summary and search terms) ships with the function and is read with the
first catalog query of a container; no catalog item is read from DynamoDB at cold start. A procedure's
details (documents, fees, legal basis, the online form, ...) are read by key, in batches for a page of
results, and kept per container for `details_seconds`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from portal.procedures.form_file import definition_of
from portal.procedures.model import Procedure
from portal.procedures.online_form import FormDefinition
from portal.procedures.search import SearchIndex
from portal.procedures.semantic import AskCosines

if TYPE_CHECKING:
    from portal.procedures.hybrid import FusionWeights, HybridIndex

View = TypeVar("View")


class DetailSource(Protocol):
    def get_many(self, codes: Iterable[str]) -> dict[str, Procedure]: ...


class Catalog:
    def __init__(
        self,
        load_index: Callable[[], SearchIndex | HybridIndex],
        details: DetailSource,
        forms: Callable[[Procedure], FormDefinition | None] = definition_of,
    ) -> None:
        self._load_index = load_index
        self._details = details
        self._forms = forms  # the shipped definitions (form_file.py); derived ones for made-up catalogs
        self._index: SearchIndex | HybridIndex | None = None
        self._views: dict[Callable[[SearchIndex | HybridIndex], Any], Any] = {}
        self._lock = threading.Lock()

    def index(self) -> SearchIndex | HybridIndex:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = self._load_index()
        return self._index

    def view(self, build: Callable[[SearchIndex | HybridIndex], View]) -> View:
        """What `build` makes of the index (an ordering, counts, families), made once per container with the
        first request that needs it."""
        found = self._views.get(build)
        if found is None:
            index = self.index()
            with self._lock:
                found = self._views.get(build)
                if found is None:
                    found = self._views[build] = build(index)
        return found

    def details(self, code: str) -> Procedure | None:
        return self._details.get_many([code]).get(code)

    def details_many(self, codes: Iterable[str]) -> dict[str, Procedure]:
        return self._details.get_many(codes)

    def online_form(self, procedure: Procedure) -> FormDefinition | None:
        """The procedure's online form, or None when it cannot be filed online."""
        return self._forms(procedure)


def shipped_index() -> SearchIndex:
    from portal.procedures import index_file  # the 2.5 MB file is read with the first catalog query

    summaries, terms = index_file.load()
    return SearchIndex(summaries, terms)


def shipped_hybrid_index(cosines: AskCosines, weights: FusionWeights | None = None) -> HybridIndex:
    """The shipped index fused with the question's nearness to each procedure (procedures/hybrid.py)."""
    from portal.procedures.hybrid import FusionWeights, HybridIndex
    from portal.procedures.phrases import PairIndex

    return HybridIndex(shipped_index(), cosines, weights or FusionWeights(), PairIndex.load())
