"""The bundle's rules, without storage: its status from its members, who may start, who never will, and
each member's answers from the one form."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from portal.bundles.definitions import BUNDLES
from portal.bundles.model import (
    Bundle,
    BundleMember,
    BundleStatus,
    MemberState,
    blocked,
    bundle_status,
    linked_results,
    ready_to_start,
)
from portal.bundles.questions import member_answers
from portal.clock import VIETNAM
from portal.dossiers.model import Attachment, Status
from portal.procedures.model import FieldType, FormField
from tests.support.factories import make_dossier, make_procedure

AT = datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM)


def make_bundle(*members: BundleMember, **overrides) -> Bundle:
    values = {
        "id": "b" * 32,
        "code": "2.000986",
        "name": "Liên thông khai sinh",
        "applicant_id": "001090012345",
        "applicant_name": "Nguyễn Văn An (mẫu)",
        "center_id": "hcc-01-00256",
        "answers": {},
        "electronic_documents": (),
        "members": members,
        "created_at": AT,
        "updated_at": AT,
    }
    return Bundle(**{**values, **overrides})


def birth_bundle(birth: Status | None = Status.RECEIVED, residence: Status | None = None, card: Status | None = None):
    """The three members of 2.000986; a status given means that member has started with it."""
    dossiers = {}
    members = []
    for key, code, after, status in (
        ("birth", "1.001193", (), birth),
        ("residence", "1.004222", ("birth",), residence),
        ("card", "1.014137", ("birth",), card),
    ):
        member = BundleMember(key, code, key, "hcc-01-00256", after)
        if status is not None:
            dossier = make_dossier(code=f"X01.004.00-260302-01000{len(dossiers) + 1}", status=status)
            dossiers[dossier.code] = dossier
            member = replace(member, state=MemberState.STARTED, dossier_code=dossier.code)
        members.append(member)
    return make_bundle(*members), dossiers


@pytest.mark.parametrize(
    ("birth", "residence", "card", "expected"),
    [
        (Status.RECEIVED, None, None, BundleStatus.IN_PROGRESS),
        (Status.SUPPLEMENT_REQUESTED, None, None, BundleStatus.WAITING_FOR_APPLICANT),
        (Status.RESULT_READY, None, None, BundleStatus.IN_PROGRESS),  # the others are about to start
        (Status.RETURNED, Status.PROCESSING, Status.RESULT_READY, BundleStatus.IN_PROGRESS),
        (Status.RETURNED, Status.SUPPLEMENT_REQUESTED, Status.RESULT_READY, BundleStatus.WAITING_FOR_APPLICANT),
        (Status.RETURNED, Status.RETURNED, Status.RESULT_READY, BundleStatus.DONE),
        (Status.RETURNED, Status.REJECTED, Status.RETURNED, BundleStatus.PARTLY_REFUSED),
        (Status.REJECTED, None, None, BundleStatus.PARTLY_REFUSED),  # nothing else can ever start
    ],
)
def test_the_bundle_status_follows_its_members(birth, residence, card, expected):
    bundle, dossiers = birth_bundle(birth, residence, card)
    assert bundle_status(bundle, dossiers) is expected


def test_a_withdrawn_bundle_is_withdrawn_whatever_its_members_say():
    bundle, dossiers = birth_bundle(Status.RESULT_READY)
    assert bundle_status(replace(bundle, withdrawn_at=AT), dossiers) is BundleStatus.WITHDRAWN
    assert ready_to_start(replace(bundle, withdrawn_at=AT), dossiers) == []


def test_members_start_once_the_result_they_need_is_ready_and_never_after_a_refusal():
    bundle, dossiers = birth_bundle(Status.PROCESSING)
    assert ready_to_start(bundle, dossiers) == []
    bundle, dossiers = birth_bundle(Status.RESULT_READY)
    assert [m.key for m in ready_to_start(bundle, dossiers)] == ["residence", "card"]
    bundle, dossiers = birth_bundle(Status.REJECTED)
    assert ready_to_start(bundle, dossiers) == []
    assert [m.key for m in blocked(bundle, dossiers)] == ["residence", "card"]


def test_a_later_member_records_the_earlier_result():
    bundle, dossiers = birth_bundle(Status.RESULT_READY)
    code = bundle.member("birth").dossier_code
    dossiers[code] = replace(
        dossiers[code], result=Attachment("trich-luc.pdf", "application/pdf", 10, verification_code="V1")
    )
    assert linked_results(bundle, bundle.member("residence"), dossiers) == {
        "linked_birth_dossier_code": code,
        "linked_birth_result": "V1",
    }


def test_a_member_is_answered_under_its_own_names_with_what_the_group_decides():
    cancellation = BUNDLES["1.011537"].member("residence_cancellation")
    procedure = make_procedure(
        code="1.003197",
        form_fields=(
            FormField("subject_citizen_id", "Số định danh", "ID", FieldType.CITIZEN_ID, True),
            FormField("deletion_reason", "Lý do", "Reason", FieldType.SELECT, True, ("Người đã chết/mất tích",)),
        ),
    )
    answers = {"deceased_citizen_id": "001040012345", "death_date": "2026-02-25"}
    assert member_answers(cancellation, procedure, make_procedure(), answers) == {
        "subject_citizen_id": "001040012345",
        "deletion_reason": "Người đã chết/mất tích",
    }
