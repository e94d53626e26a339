"""GraphQL types for browsing the catalog without typing: life events, fields and agencies."""

from __future__ import annotations

import strawberry

from portal.api.procedures.types import Procedure
from portal.procedures import browsing


@strawberry.type(description="Something that happens in a life, and the procedures it calls for.")
class LifeEvent:
    id: str
    name: str
    name_en: str
    procedures: list[Procedure] = strawberry.field(description="In the order a citizen usually needs them.")


@strawberry.type(
    description="A field (lĩnh vực) or an agency of the national catalog, and how many national procedures "
    "the search filter of that name lists."
)
class CatalogGroup:
    name: str = strawberry.field(description="As the catalog spells it: the value to filter by.")
    name_en: str = strawberry.field(description="Empty when the catalog gives no English.")
    count: int

    @classmethod
    def from_domain(cls, group: browsing.CatalogGroup) -> CatalogGroup:
        return cls(name=group.name, name_en=group.name_en, count=group.count)
