"""GraphQL types of the portal inbox (the bell) and of a citizen's channel preferences."""

from __future__ import annotations

from datetime import datetime

import strawberry

from portal.api.graphql.pagination import PageInfo
from portal.notifications import model


@strawberry.type
class Notification:
    id: str
    dossier_code: str = strawberry.field(description="The dossier (or, for an officers' digest, digest-<day>).")
    action: str = strawberry.field(description="The dossier event it tells of (an action), or digest.")
    at: datetime
    subject: str
    subject_en: str
    body: str
    body_en: str
    link: str
    read: bool

    @classmethod
    def from_domain(cls, e: model.InboxEntry) -> Notification:
        return cls(
            id=e.id,
            dossier_code=e.code,
            action=e.action,
            at=e.at,
            subject=e.subject_vi,
            subject_en=e.subject_en,
            body=e.body_vi,
            body_en=e.body_en,
            link=e.link,
            read=e.read,
        )


@strawberry.type
class NotificationEdge:
    node: Notification


@strawberry.type
class NotificationConnection:
    edges: list[NotificationEdge]
    page_info: PageInfo
    unread_count: int


@strawberry.type
class NotificationPreferences:
    inbox: bool = strawberry.field(description="The portal inbox is always on.")
    email: bool
    sms: bool

    @classmethod
    def from_domain(cls, p: model.Preferences) -> NotificationPreferences:
        return cls(inbox=True, email=p.email, sms=p.sms)


@strawberry.input
class MarkNotificationsReadInput:
    ids: list[str] = strawberry.field(default_factory=list, description="At most 100; empty marks all read.")


@strawberry.type
class NotificationsMarked:
    marked: int
    unread_count: int


@strawberry.input
class NotificationPreferencesInput:
    email: bool
    sms: bool


@strawberry.type
class NotificationPreferencesSaved:
    preferences: NotificationPreferences
