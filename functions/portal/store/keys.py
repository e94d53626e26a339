"""Every item kind of the portal's tables and the keys that tell it apart, in one place: the prefix of its
partition key ("" where the partition key is a natural id: a dossier code, a procedure code) and the
constant or prefix of its sort key. The item modules build their keys from these names, and a contract
test holds that no two kinds of one table could ever share a key (tests/contract/test_store_keys.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ItemKind:
    table: str
    name: str
    pk_prefix: str  # "" when the partition key is a natural id of its own
    sk: str  # the sort key's constant, or its prefix when it ends with "#"; "" for any (a natural id)


DOSSIERS, NOTIFICATIONS, INTEGRATIONS = "Dossiers", "Notifications", "Integrations"

# --- the Dossiers table (single-table design) ---------------------------------------------------------------
DOSSIER = ItemKind(DOSSIERS, "a dossier", "", "DOSSIER")
EVENT = ItemKind(DOSSIERS, "a timeline event of a dossier", "", "EVENT#")
AUDIT = ItemKind(DOSSIERS, "one opening of one of a dossier's files", "", "AUDIT#")
PAYMENT = ItemKind(DOSSIERS, "a payment of a dossier", "", "PAYMENT#")
PAYMENT_LOCK = ItemKind(DOSSIERS, "the payment in progress of a dossier", "", "PAYMENT_LOCK")
DOSSIER_REQUEST = ItemKind(DOSSIERS, "one submit request -> one dossier", "IDEMPOTENCY#", "IDEMPOTENCY")
BUNDLE_REQUEST = ItemKind(DOSSIERS, "one submit request -> one bundle", "IDEMPOTENCY#", "BUNDLE")
SEQUENCE = ItemKind(DOSSIERS, "an agency's daily dossier counter", "SEQUENCE#", "SEQUENCE")
STATS = ItemKind(DOSSIERS, "a month of KPI counters of a scope", "STATS#", "MONTH#")
BUNDLE = ItemKind(DOSSIERS, "a bundle and its members", "BUNDLE#", "BUNDLE")
APPLICANT_BUNDLES = ItemKind(DOSSIERS, "an applicant's bundles", "BUNDLES#", "")
DRAFT = ItemKind(DOSSIERS, "a citizen's draft of a procedure", "DRAFT#", "PROCEDURE#")
PAYMENT_REQUEST = ItemKind(DOSSIERS, "one create request -> one payment", "PAYKEY#", "PAYKEY")
RECEIPTS = ItemKind(DOSSIERS, "a citizen's receipts", "RECEIPTS#", "")
LEDGER = ItemKind(DOSSIERS, "money in and out of a day", "LEDGER#", "")
OPEN_PAYMENTS = ItemKind(DOSSIERS, "payments still open, by the day they expire", "PAYMENTS_OPEN#", "")
FEEDBACK = ItemKind(DOSSIERS, "a feedback report (phản ánh, kiến nghị)", "FEEDBACK#", "FEEDBACK")
FEEDBACK_QUEUE = ItemKind(DOSSIERS, "a center's or province's feedback to answer", "FEEDBACK_QUEUE#", "")
FEEDBACK_OPEN = ItemKind(DOSSIERS, "feedback not answered yet, by due date", "FEEDBACK_OPEN", "")
FEEDBACK_PUBLIC = ItemKind(DOSSIERS, "published answers, of a procedure or all", "FEEDBACK_PUBLIC#", "")
FEEDBACK_MINE = ItemKind(DOSSIERS, "a reporter's feedback", "FEEDBACK_MINE#", "")
FEEDBACK_STATS = ItemKind(DOSSIERS, "a month of feedback counters of a scope", "FEEDBACK_STATS#", "MONTH#")

# --- the Notifications table ---------------------------------------------------------------------------------
INBOX = ItemKind(NOTIFICATIONS, "an inbox entry", "INBOX#", "")
DELIVERY = ItemKind(NOTIFICATIONS, "a delivery by e-mail or SMS", "DELIVERY#", "DELIVERY")
PREFERENCES = ItemKind(NOTIFICATIONS, "a citizen's channels", "PREFERENCES#", "PREFERENCES")

# --- the Integrations table ----------------------------------------------------------------------------------
CLIENT = ItemKind(INTEGRATIONS, "a registered client", "CLIENT", "")
CLIENT_CREDENTIAL = ItemKind(INTEGRATIONS, "a rotated Cognito credential's client", "CLIENT_CREDENTIAL", "")
SUBSCRIPTION = ItemKind(INTEGRATIONS, "a webhook subscription", "SUBSCRIPTIONS#", "")
DELIVERY_LOG = ItemKind(INTEGRATIONS, "a webhook delivery (its log)", "DELIVERIES#", "LOG#")
DELIVERY_MARKER = ItemKind(INTEGRATIONS, "one event -> one webhook delivery", "DELIVERIES#", "EVENT#")
LOCAL_QUEUE = ItemKind(INTEGRATIONS, "the local webhook worker's queue", "QUEUE", "")

ITEM_KINDS: tuple[ItemKind, ...] = tuple(v for v in dict(globals()).values() if isinstance(v, ItemKind))


def pk(kind: ItemKind, *parts: object) -> str:
    """The partition key of an item of `kind`: its prefix, then its parts joined by '#'."""
    return kind.pk_prefix + "#".join(str(p) for p in parts)


def sk(kind: ItemKind, *parts: object) -> str:
    """The sort key of an item of `kind`: its constant, or its prefix then its parts joined by '#'."""
    return kind.sk + "#".join(str(p) for p in parts)
