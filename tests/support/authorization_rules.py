"""The authorization rules the API is held to: for every root field, which kinds of caller are answered
and which are refused, with which code (run by tests/integration/test_authorization.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.support.factories import form_for
from tests.support.journeys import electronic_documents
from tests.support.people import People

BEN_THANH = "hcc-79-26743"  # the receiving center of the dossier below
ELSEWHERE = "hcc-01"

PRINCIPALS: dict[str, Callable[[People], str | None]] = {
    "anonymous": lambda p: None,
    "the applicant": lambda p: p.citizen(),
    "another citizen": lambda p: p.other_citizen(),
    "an officer of the receiving center": lambda p: p.officer(BEN_THANH, role="reception"),
    "the lead of the receiving center": lambda p: p.officer(BEN_THANH, role="lead"),
    "an officer of another center": lambda p: p.officer(ELSEWHERE),
    "an admin": lambda p: p.admin(),
    "an app without scopes": lambda p: p.app(""),
    "an app with public:read": lambda p: p.app("public:read"),
    "an app with public:read for the applicant": lambda p: p.app("public:read", for_citizen=True),
    "an app reading for the applicant": lambda p: p.app("dossiers:read", for_citizen=True),
    "an app writing for the applicant": lambda p: p.app("dossiers:write", for_citizen=True),
    "an app with dossier scopes for no one": lambda p: p.app("dossiers:read dossiers:write"),
}


@dataclass(frozen=True)
class World:
    """What the rules' variables refer to: one dossier of the applicant, filed at BEN_THANH."""

    code: str
    tracking_secret: str
    procedure: Any
    document_id: str = ""  # a clean file of the applicant, attached to the dossier


@dataclass(frozen=True)
class Rule:
    field: str  # "Query.dossier"
    operation: str  # graphql/operations/<operation>.graphql
    variables: Callable[[World], dict[str, Any]]
    allowed: frozenset[str]
    refused: dict[str, str]  # principal -> extensions.code


def desk_reception(world: World) -> dict[str, Any]:
    return {
        "input": {
            "clientRequestId": uuid.uuid4().hex,
            "procedureCode": world.procedure.code,
            "centerId": BEN_THANH,
            "formData": form_for(world.procedure),
            "applicant": {"idNumber": "079090004321", "fullName": "Người nộp tại quầy (mẫu)"},
        }
    }


def submission(world: World) -> dict[str, Any]:
    return {
        "input": {
            "clientRequestId": uuid.uuid4().hex,
            "procedureCode": world.procedure.code,
            "centerId": BEN_THANH,
            "formData": form_for(world.procedure),
            "electronicDocuments": electronic_documents(world.procedure),
        }
    }


PUBLIC = frozenset(
    {
        "anonymous",
        "the applicant",
        "another citizen",
        "an officer of the receiving center",
        "the lead of the receiving center",
        "an officer of another center",
        "an admin",
        "an app with public:read",
        "an app with public:read for the applicant",
    }
)


def refused_all_but(allowed: frozenset[str], code: str, **exceptions: str) -> dict[str, str]:
    """Every principal not in `allowed` is refused with `code` (a few with another code, by name)."""
    named = {name.replace("_", " "): c for name, c in exceptions.items()}
    unknown = set(named) - set(PRINCIPALS)
    assert not unknown, f"no such principals: {unknown}"
    return {p: named.get(p, code) for p in PRINCIPALS if p not in allowed}


def public(field: str, operation: str, variables: Callable[[World], dict[str, Any]]) -> Rule:
    """Public data: anyone, except an app whose token lacks public:read."""
    return Rule(field, operation, variables, PUBLIC, refused_all_but(PUBLIC, "FORBIDDEN"))


READERS = frozenset(
    {
        "the applicant",
        "an officer of the receiving center",
        "the lead of the receiving center",
        "an app reading for the applicant",
    }
)
OFFICERS = frozenset(
    {"an officer of the receiving center", "the lead of the receiving center", "an officer of another center"}
)
# Officers act on their own center's dossiers; for anyone else the dossier does not exist.
NOT_THEIRS = {"another_citizen": "NOT_FOUND", "an_officer_of_another_center": "NOT_FOUND", "an_admin": "NOT_FOUND"}
APPS_NOT_READING = {
    "an_app_without_scopes": "NOT_FOUND",
    "an_app_with_public:read": "NOT_FOUND",
    "an_app_with_public:read_for_the_applicant": "NOT_FOUND",
    "an_app_writing_for_the_applicant": "NOT_FOUND",
    "an_app_with_dossier_scopes_for_no_one": "NOT_FOUND",
}
OWN_LIST = frozenset({"the applicant", "another citizen", "an app reading for the applicant"})
FILERS = frozenset({"the applicant", "another citizen", "an app writing for the applicant"})
INBOX_READERS = OWN_LIST | OFFICERS
INBOX_WRITERS = FILERS | OFFICERS
THREAD = frozenset({"the applicant", "an officer of the receiving center", "the lead of the receiving center"})

RULES = [
    public("Query.procedures", "SearchProcedures", lambda w: {"search": "khai sinh", "first": 1}),
    public("Query.procedure", "GetProcedure", lambda w: {"code": "1.001193"}),
    public("Query.procedureFields", "ProcedureFields", lambda w: {}),
    public("Query.lifeEvents", "LifeEvents", lambda w: {}),
    public("Query.centers", "Centers", lambda w: {"provinceCode": "01", "first": 1}),
    public("Query.center", "GetCenter", lambda w: {"id": ELSEWHERE}),
    public("Query.trackDossier", "TrackDossier", lambda w: {"code": w.code, "trackingSecret": w.tracking_secret}),
    # Someone else's dossier is NOT_FOUND, never FORBIDDEN: guessing codes reveals nothing.
    Rule(
        "Query.dossier",
        "GetDossier",
        lambda w: {"code": w.code},
        READERS,
        refused_all_but(READERS, "NOT_FOUND", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.myDossiers",
        "MyDossiers",
        lambda w: {"first": 5},
        OWN_LIST,
        refused_all_but(OWN_LIST, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.submitDossier",
        "SubmitDossier",
        submission,
        FILERS,
        refused_all_but(FILERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    public("Query.provinces", "Provinces", lambda w: {}),
    public("Query.communes", "Communes", lambda w: {"provinceCode": "01", "first": 1}),
    public("Query.resolveAddress", "ResolveAddress", lambda w: {"text": "P. Phúc Xá, Q. Ba Đình, TP. Hà Nội"}),
    public("Query.referenceDatasets", "ReferenceDatasets", lambda w: {}),
    public("Query.serviceIndex", "ServiceIndex", lambda w: {"month": "2026-03", "provinceCode": "79"}),
    # Each officer sees the queue of the center in their token, and nothing else.
    Rule(
        "Query.centerQueue",
        "CenterQueue",
        lambda w: {"first": 5},
        OFFICERS,
        refused_all_but(OFFICERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # National figures: admins only (a center's lead sees their own center's, tested with the workflow).
    Rule(
        "Query.kpis",
        "Kpis",
        lambda w: {"fromMonth": "2026-01", "toMonth": "2026-12"},
        frozenset({"an admin"}),
        refused_all_but(frozenset({"an admin"}), "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # At the desk: reception (or the lead) of the center named in the input, which must be their own.
    Rule(
        "Mutation.receiveDossier",
        "ReceiveDossier",
        desk_reception,
        frozenset({"an officer of the receiving center", "the lead of the receiving center"}),
        refused_all_but(
            frozenset({"an officer of the receiving center", "the lead of the receiving center"}),
            "FORBIDDEN",
            anonymous="UNAUTHENTICATED",
        ),
    ),
    # Returning a result: reception of the receiving center (the dossier is not ready: CONFLICT, past the guard).
    Rule(
        "Mutation.actOnDossier",
        "ActOnDossier",
        lambda w: {"input": {"code": w.code, "action": "RETURN_RESULT"}},
        frozenset({"an officer of the receiving center", "the lead of the receiving center"}),
        refused_all_but(
            frozenset({"an officer of the receiving center", "the lead of the receiving center"}),
            "FORBIDDEN",
            anonymous="UNAUTHENTICATED",
            **NOT_THEIRS,
            **APPS_NOT_READING,
        ),
    ),
    Rule(
        "Mutation.extendDossierDeadline",
        "ExtendDossierDeadline",
        lambda w: {"input": {"code": w.code, "newDueDate": "2026-12-31", "reason": "Chờ xác minh (mẫu)"}},
        frozenset({"the lead of the receiving center"}),
        refused_all_but(
            frozenset({"the lead of the receiving center"}),
            "FORBIDDEN",
            anonymous="UNAUTHENTICATED",
            **NOT_THEIRS,
            **APPS_NOT_READING,
        ),
    ),
    Rule(
        "Mutation.rateDossier",
        "RateDossier",
        lambda w: {"input": {"code": w.code, "score": 5}},
        frozenset({"the applicant"}),
        refused_all_but(
            frozenset({"the applicant"}), "FORBIDDEN", anonymous="UNAUTHENTICATED", **NOT_THEIRS, **APPS_NOT_READING
        ),
    ),
    # The bell: a citizen's own inbox (or through an app reading for them), an officer's center's inbox.
    Rule(
        "Query.myNotifications",
        "MyNotifications",
        lambda w: {"first": 5},
        INBOX_READERS,
        refused_all_but(INBOX_READERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.markNotificationsRead",
        "MarkNotificationsRead",
        lambda w: {"input": {"ids": []}},
        INBOX_WRITERS,
        refused_all_but(INBOX_WRITERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # Channels are a citizen's own choice (officers' notices go to their center's inbox).
    Rule(
        "Query.notificationPreferences",
        "NotificationPreferences",
        lambda w: {},
        OWN_LIST,
        refused_all_but(OWN_LIST, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.setNotificationPreferences",
        "SetNotificationPreferences",
        lambda w: {"input": {"email": True, "sms": False}},
        FILERS,
        refused_all_but(FILERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # The thread: the applicant and the receiving center's officers; for anyone else the dossier does not exist.
    Rule(
        "Mutation.postDossierMessage",
        "PostDossierMessage",
        lambda w: {"input": {"code": w.code, "text": "Xin hỏi khi nào có kết quả? (mẫu)"}},
        THREAD,
        refused_all_but(THREAD, "FORBIDDEN", anonymous="UNAUTHENTICATED", **NOT_THEIRS, **APPS_NOT_READING),
    ),
]

# Fees and payments (portal.payments). The world's dossier owes nothing and has no payment: an allowed caller
# gets CONFLICT (nothing to pay) or BAD_USER_INPUT (no such payment id, no reason), past the guard.
OFFICERS_OF_THE_CENTER_ONLY = {
    "the_applicant": "FORBIDDEN",
    "an_app_reading_for_the_applicant": "FORBIDDEN",
    "an_officer_of_the_receiving_center": "FORBIDDEN",  # reception: neither sets fees nor refunds
}
RULES += [
    Rule(
        "Query.dossierPayments",
        "DossierPayments",
        lambda w: {"code": w.code},
        READERS,
        refused_all_but(READERS, "NOT_FOUND", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.paymentReceipts",
        "PaymentReceipts",
        lambda w: {"code": w.code},
        READERS,
        refused_all_but(READERS, "NOT_FOUND", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.myReceipts",
        "MyReceipts",
        lambda w: {},
        OWN_LIST,
        refused_all_but(OWN_LIST, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.startPayment",
        "StartPayment",
        lambda w: {"input": {"code": w.code, "idempotencyKey": uuid.uuid4().hex}},
        frozenset({"the applicant"}),
        refused_all_but(
            frozenset({"the applicant"}),
            "NOT_FOUND",
            anonymous="UNAUTHENTICATED",
            an_officer_of_the_receiving_center="FORBIDDEN",
            the_lead_of_the_receiving_center="FORBIDDEN",
            an_app_reading_for_the_applicant="FORBIDDEN",
        ),
    ),
    Rule(
        "Mutation.checkPayment",
        "CheckPayment",
        lambda w: {"input": {"code": w.code, "paymentId": "not-a-payment"}},
        READERS,
        refused_all_but(READERS, "NOT_FOUND", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.refundPayment",
        "RefundPayment",
        lambda w: {
            "input": {"code": w.code, "paymentId": "not-a-payment", "reason": "PAID_TWICE", "note": "Thu trùng (mẫu)"}
        },
        frozenset({"the lead of the receiving center"}),
        refused_all_but(
            frozenset({"the lead of the receiving center"}),
            "NOT_FOUND",
            anonymous="UNAUTHENTICATED",
            **OFFICERS_OF_THE_CENTER_ONLY,
        ),
    ),
    Rule(
        "Mutation.decideExemption",
        "DecideExemption",
        lambda w: {"input": {"code": w.code, "accept": True}},
        frozenset({"the lead of the receiving center"}),  # answered: CONFLICT, no exemption was asked for
        refused_all_but(
            frozenset({"the lead of the receiving center"}),
            "NOT_FOUND",
            anonymous="UNAUTHENTICATED",
            **OFFICERS_OF_THE_CENTER_ONLY,
        ),
    ),
    Rule(
        "Mutation.setDossierFee",
        "SetDossierFee",
        lambda w: {"input": {"code": w.code, "amountVnd": 0, "note": ""}},
        frozenset({"the lead of the receiving center"}),
        refused_all_but(
            frozenset({"the lead of the receiving center"}),
            "NOT_FOUND",
            anonymous="UNAUTHENTICATED",
            **OFFICERS_OF_THE_CENTER_ONLY,
        ),
    ),
]

RULES += [
    # Files: the applicant (or an app writing for them) uploads for a filing; only the uploader completes;
    # a dossier's file is handed out to whoever may read the dossier; the store is one's own.
    Rule(
        "Mutation.requestDocumentUpload",
        "RequestDocumentUpload",
        lambda w: {
            "input": {
                "fileName": "a.pdf",
                "contentType": "application/pdf",
                "sizeBytes": 10,
                "procedureCode": w.procedure.code,
            }
        },
        FILERS,
        refused_all_but(FILERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.completeDocumentUpload",
        "CompleteDocumentUpload",
        lambda w: {"documentId": w.document_id},
        frozenset({"the applicant", "an app writing for the applicant"}),
        refused_all_but(
            frozenset({"the applicant", "an app writing for the applicant"}), "NOT_FOUND", anonymous="UNAUTHENTICATED"
        ),
    ),
    Rule(
        "Query.documentDownload",
        "DocumentDownload",
        lambda w: {"documentId": w.document_id, "dossierCode": w.code},
        READERS,
        refused_all_but(READERS, "NOT_FOUND", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.dossierSlip",
        "DossierSlip",
        lambda w: {"code": w.code, "slip": "RECEIPT"},
        READERS,
        refused_all_but(READERS, "NOT_FOUND", anonymous="UNAUTHENTICATED"),
    ),
    public("Query.verifyDocument", "VerifyDocument", lambda w: {"code": "AAAAAAAAAAAA", "sha256": "0" * 64}),
    Rule(
        "Query.myDocuments",
        "MyDocuments",
        lambda w: {"first": 5},
        OWN_LIST,
        refused_all_but(OWN_LIST, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
]


def registered_client(world: World) -> str:
    """A client in the registry (made once per test session), for the admins' client mutations."""
    global _CLIENT_ID
    if _CLIENT_ID is None:
        from datetime import timedelta

        from portal.bootstrap import build_services
        from portal.clients.model import Registration
        from portal.identity.principal import Admin

        services = build_services()
        registration = Registration(
            name="Ứng dụng mẫu (mẫu)",
            contact_email="dev@example.vn",
            scopes=("public:read",),
            expires_at=services.clock.now() + timedelta(days=365),
        )
        _CLIENT_ID = services.clients.register(Admin("sample-admin-1", "admin"), registration)[0].client_id
    return _CLIENT_ID


_CLIENT_ID: str | None = None
ADMINS = frozenset({"an admin"})
REGISTRATION = {
    "name": "Ngân hàng mẫu (mẫu)",
    "contactEmail": "api@example.vn",
    "scopes": ["public:read"],
    "expiresAt": "2027-06-30T00:00:00+07:00",
}
RULES += [
    # Third-party clients: admins register, rotate and revoke; only a registered client sees itself.
    Rule(
        "Mutation.registerClient",
        "RegisterClient",
        lambda w: {"input": REGISTRATION},
        ADMINS,
        refused_all_but(ADMINS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.rotateClientSecret",
        "RotateClientSecret",
        lambda w: {"input": {"clientId": registered_client(w), "overlapHours": 1}},
        ADMINS,
        refused_all_but(ADMINS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.revokeClient",
        "RevokeClient",
        lambda w: {"input": {"clientId": registered_client(w)}},
        ADMINS,
        refused_all_but(ADMINS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.clients",
        "Clients",
        lambda w: {},
        ADMINS,
        refused_all_but(ADMINS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # No principal of this table is a registered client (tests/integration/test_clients.py tests those).
    Rule(
        "Query.viewerClient",
        "ViewerClient",
        lambda w: {},
        frozenset(),
        refused_all_but(frozenset(), "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
]


def applicant_subscription(world: World) -> str:
    """A webhook subscription of the sample app reading for the applicant (made once per session)."""
    global _SUBSCRIPTION_ID
    if _SUBSCRIPTION_ID is None:
        from infra.dev_issuer import SAMPLE_CITIZEN
        from portal.bootstrap import build_services
        from portal.identity.principal import App, Citizen, Scope

        citizen = Citizen(SAMPLE_CITIZEN["sub"], SAMPLE_CITIZEN["pid"], SAMPLE_CITIZEN["name"])
        app = App("sample-app", frozenset({Scope.DOSSIERS_READ}), citizen=citizen)
        webhooks = build_services().webhooks
        _SUBSCRIPTION_ID = webhooks.subscribe(app, HOOK, ["dossier.status_changed"])[0].subscription_id
    return _SUBSCRIPTION_ID


_SUBSCRIPTION_ID: str | None = None
HOOK = "http://127.0.0.1:9/hook"  # loopback: allowed in tests only (WEBHOOK_ALLOW_LOOPBACK); never called here
SUBSCRIBERS = frozenset({"an app reading for the applicant"})
RULES += [
    # Webhooks: an app reading for the applicant follows that applicant's dossiers (center systems too,
    # tested in tests/integration/test_webhooks.py: no principal here is a registered center client).
    Rule(
        "Mutation.subscribeWebhook",
        "SubscribeWebhook",
        lambda w: {"input": {"url": HOOK, "events": ["dossier.status_changed"]}},
        SUBSCRIBERS,
        refused_all_but(SUBSCRIBERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.webhookSubscriptions",
        "WebhookSubscriptions",
        lambda w: {},
        SUBSCRIBERS,
        refused_all_but(SUBSCRIBERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.webhookDeliveries",
        "WebhookDeliveries",
        lambda w: {"subscriptionId": applicant_subscription(w), "first": 5},
        SUBSCRIBERS,
        refused_all_but(SUBSCRIBERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.replayWebhookDeliveries",
        "ReplayWebhookDeliveries",
        lambda w: {"input": {"subscriptionId": applicant_subscription(w)}},
        SUBSCRIBERS,
        refused_all_but(SUBSCRIBERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
]

RULES += [
    # Incremental sync: apps only (center systems: tests/integration/test_sync.py).
    Rule(
        "Query.dossierChanges",
        "DossierChanges",
        lambda w: {"updatedSince": "2026-01-01T00:00:00+07:00", "first": 5},
        SUBSCRIBERS,
        refused_all_but(SUBSCRIBERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
]

# Drafts: the citizen filing (or an app filing in their name) reads and writes their own, nobody else.
RULES += [
    Rule(field, operation, variables, FILERS, refused_all_but(FILERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"))
    for field, operation, variables in (
        ("Query.myDrafts", "MyDrafts", lambda w: {}),
        ("Query.draft", "GetDraft", lambda w: {"procedureCode": w.procedure.code}),
        (
            "Mutation.saveDraft",
            "SaveDraft",
            lambda w: {
                "input": {"clientRequestId": uuid.uuid4().hex, "procedureCode": w.procedure.code, "formData": {}}
            },
        ),
        ("Mutation.discardDraft", "DiscardDraft", lambda w: {"procedureCode": w.procedure.code}),
    )
]

# Refusals that answer for a person's identity or rights: an allowed principal never gets one of these.
AUTHORIZATION_CODES = frozenset({"UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"})
