"""Fees and payments (portal.payments)."""

from __future__ import annotations

import uuid

from tests.support.authorization.common import (
    OWN_LIST,
    READERS,
    Rule,
    refused_all_but,
)

# Fees and payments (portal.payments). The world's dossier owes nothing and has no payment: an allowed caller
# gets CONFLICT (nothing to pay) or BAD_USER_INPUT (no such payment id, no reason), past the guard.
OFFICERS_OF_THE_CENTER_ONLY = {
    "the_applicant": "FORBIDDEN",
    "an_app_reading_for_the_applicant": "FORBIDDEN",
    "an_officer_of_the_receiving_center": "FORBIDDEN",  # reception: neither sets fees nor refunds
}
RULES = [
    Rule(
        "Query.dossierPayments",
        "DossierPayments",
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
    # Receipts as PDFs: for whoever may read the dossier's files.
    Rule(
        "Query.paymentReceipts",
        "PaymentReceipts",
        lambda w: {"code": w.code},
        READERS,
        refused_all_but(READERS, "NOT_FOUND", anonymous="UNAUTHENTICATED"),
    ),
    # A fee exemption: decided by whoever may set the fee (the receiving center's lead in this world).
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
]
