"""Bundles (liên thông): the birth bundle's definition is public; a bundle is its applicant's, for anyone
else it does not exist."""

from __future__ import annotations

import uuid
from typing import Any

from tests.support.authorization.common import (
    BEN_THANH,
    FILERS,
    OWN_LIST,
    Rule,
    World,
    public,
    refused_all_but,
)
from tests.support.journeys import electronic_documents


def bundle_filing(world: World) -> dict[str, Any]:
    """A birth bundle (2.000986) by the sample citizen, the child's father (tests/integration/test_bundles_api.py)."""
    from infra.dev_issuer import SAMPLE_CITIZEN

    answers = {
        "child_full_name": "Nguyễn Minh Khang",
        "child_birth_date": "2026-02-20",
        "child_gender": "Nam",
        "child_birth_place": "Bệnh viện Hùng Vương, Thành phố Hồ Chí Minh",
        "child_ethnicity": "Kinh",
        "child_hometown": "Phường Bến Thành, Thành phố Hồ Chí Minh",
        "mother_citizen_id": "079195012345",
        "father_citizen_id": SAMPLE_CITIZEN["pid"],
        "relationship": "Cha",
        "residence_address": "Số 8 đường Lê Lợi, Phường Bến Thành, Thành phố Hồ Chí Minh",
        "registration_case": "Về ở với người thân (vợ/chồng, cha/mẹ, con...)",
        "card_delivery": "Thẻ BHYT điện tử trên VNeID",
    }
    return {
        "input": {
            "clientRequestId": uuid.uuid4().hex,
            "bundleCode": "2.000986",
            "centerId": BEN_THANH,
            "answers": answers,
            "electronicDocuments": electronic_documents(world.procedure),
        }
    }


# Bundles: the applicant's own (or an app reading for them); for anyone else a bundle does not exist.
BUNDLE_READERS = frozenset({"the applicant", "an app reading for the applicant"})
RULES = [
    public("Query.bundleDefinition", "BundleDefinition", lambda w: {"code": "2.000986"}),
    Rule(
        "Query.bundle",
        "GetBundle",
        lambda w: {"id": w.bundle_id},
        BUNDLE_READERS,
        refused_all_but(BUNDLE_READERS, "NOT_FOUND", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Query.myBundles",
        "MyBundles",
        lambda w: {},
        OWN_LIST,
        refused_all_but(OWN_LIST, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    Rule(
        "Mutation.submitBundle",
        "SubmitBundle",
        bundle_filing,
        FILERS,
        refused_all_but(FILERS, "FORBIDDEN", anonymous="UNAUTHENTICATED"),
    ),
    # Withdrawing: the applicant (an app may withdraw only what it may read: dossiers:write alone sees none).
    Rule(
        "Mutation.withdrawBundle",
        "WithdrawBundle",
        lambda w: {"id": w.bundle_id},
        frozenset({"the applicant"}),
        refused_all_but(
            frozenset({"the applicant"}),
            "FORBIDDEN",
            anonymous="UNAUTHENTICATED",
            another_citizen="NOT_FOUND",
            an_app_writing_for_the_applicant="NOT_FOUND",
        ),
    ),
]
