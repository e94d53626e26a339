"""What dossierRemovals answers: the dossiers that left a client's view, with when and why."""

from __future__ import annotations

from datetime import datetime

import strawberry

from portal.api.graphql.pagination import PageInfo


@strawberry.type(description="A dossier that left your view: delete your copy.")
class DossierRemoval:
    code: str
    removed_at: datetime
    reason: str = strawberry.field(
        description="procedure_not_listed: your client's procedure list no longer has the dossier's procedure."
    )


@strawberry.type
class DossierRemovalEdge:
    node: DossierRemoval


@strawberry.type
class DossierRemovalConnection:
    edges: list[DossierRemovalEdge]
    page_info: PageInfo
