"""Fee exemptions: read only from what the catalog's fee lines say, chosen at filing with a proof, decided
by the officer. Pure rules and the reference data, no I/O but the reference files."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import pytest

from portal.clock import VIETNAM
from portal.dossiers import fee_exemptions as exemptions
from portal.dossiers import fee_rules as rules
from portal.dossiers.fee import DossierFee, ExemptionDecision, FeeDue, FeeStatus
from portal.dossiers.model import Action, Attachment, Status
from portal.errors import Conflict, InvalidInput
from portal.procedures.model import Fee, FeeExemption
from tests.support.factories import make_dossier, make_procedure

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM)
LINE = "Phí chứng thực (miễn đối với hợp đồng thế chấp để vay vốn phát triển nông nghiệp, nông thôn)"
EXEMPTION = FeeExemption("the-chap", "Hợp đồng thế chấp (mẫu)", "Mortgage (sample)", 0, "Giấy tờ", "Proof", LINE)
PROCEDURE = make_procedure(fees=(Fee(LINE, LINE, 50000),), exemptions=(EXEMPTION,))
PROOF = Attachment("so.pdf", "application/pdf", 10, "", document_id="d" * 32)
DUE = DossierFee(50000, FeeDue.AT_FILING, FeeStatus.DUE, LINE)


def requested() -> DossierFee:
    fee = exemptions.requested_at_filing(PROCEDURE, DUE, "the-chap", PROOF.document_id, (PROOF,))
    assert fee is not None
    return fee


def test_the_reference_exemptions_come_from_the_fee_lines_word_for_word():
    from infra.reference.catalog import read_exemptions
    from tests.support.catalog import procedures_by_code

    catalog = procedures_by_code()
    listed = read_exemptions()
    for code, entries in listed.items():
        lines = {f.description for f in catalog[code].fees}
        for e in entries:
            assert e.source in lines, (code, e.code)
            assert e.amount_vnd == 0 and "miễn" in e.source.lower()
            assert not e.legal_basis or e.legal_basis in e.source  # a legal basis only when the line cites it
        assert catalog[code].exemptions == tuple(e for e in entries if e.published)  # quoted from the published text
    naming = re.compile(r"miễn (cho|đối với)", re.IGNORECASE)
    with_exemptions = {c for c, p in catalog.items() if any(naming.search(f.description) for f in p.fees)}
    assert with_exemptions == set(listed)  # every line naming an exemption is read, none invented


def test_an_exemption_is_requested_at_filing_with_its_proof():
    fee = requested()
    assert (fee.amount_vnd, fee.status, fee.exemption_pending) == (50000, FeeStatus.DUE, True)
    events = exemptions.filing_events(fee, NOW, None)
    assert [e.action for e in events] == [Action.EXEMPTION_REQUESTED] and events[0].seq == 2
    assert exemptions.requested_at_filing(PROCEDURE, DUE, "", "", ()) is DUE
    assert exemptions.filing_events(DUE, NOW, None) == ()


@pytest.mark.parametrize(
    ("fee", "code", "proof", "field"),
    [
        (DUE, "khac", PROOF.document_id, "exemption.code"),
        (None, "the-chap", PROOF.document_id, "exemption.code"),
        (DUE, "the-chap", "", "exemption.proofDocumentId"),
        (DUE, "the-chap", "e" * 32, "exemption.proofDocumentId"),  # not one of the dossier's attachments
        (DUE, "x" * 65, PROOF.document_id, "exemption.code"),
    ],
)
def test_a_wrong_exemption_or_a_missing_proof_is_refused(fee, code, proof, field):
    with pytest.raises(InvalidInput) as refused:
        exemptions.requested_at_filing(PROCEDURE, fee, code, proof, (PROOF,))
    assert [p.field for p in refused.value.problems] == [field]


def test_accepted_the_fee_owed_is_the_exemptions_amount_and_refused_the_full_fee_with_the_reason():
    dossier = make_dossier(fee=requested())
    fee, action, _ = exemptions.decide(dossier, True, "")
    assert (fee.amount_vnd, fee.status, fee.exemption.decision, action) == (
        0,
        FeeStatus.NONE,
        ExemptionDecision.ACCEPTED,
        Action.EXEMPTION_ACCEPTED,
    )
    with pytest.raises(InvalidInput):
        exemptions.decide(dossier, False, "  ")
    with pytest.raises(InvalidInput):
        exemptions.decide(dossier, False, "x" * 501)
    fee, action, note = exemptions.decide(dossier, False, "Không phải hợp đồng thế chấp (mẫu)")
    assert (fee.amount_vnd, fee.status, fee.exemption.decision) == (50000, FeeStatus.DUE, ExemptionDecision.REFUSED)
    assert action is Action.EXEMPTION_REFUSED and "Không phải hợp đồng thế chấp" in note
    with pytest.raises(Conflict):
        exemptions.decide(replace(dossier, fee=fee), True, "")  # decided once
    with pytest.raises(Conflict):
        exemptions.decide(replace(dossier, status=Status.WITHDRAWN), True, "")


def test_nothing_is_paid_nor_set_while_the_exemption_is_pending():
    dossier = make_dossier(fee=requested())
    with pytest.raises(Conflict):
        rules.check_payable(dossier)
    with pytest.raises(Conflict):
        rules.set_fee(dossier, 0, "Miễn (mẫu)")


def test_a_fee_awaiting_its_exemption_is_not_counted_owed_until_refused():
    from portal.dossiers.counters import _fee_counts

    pending = make_dossier(fee=requested())
    assert _fee_counts(None, pending)["fees_owed"] == 0
    accepted, _, _ = exemptions.decide(pending, True, "")
    assert _fee_counts(pending, replace(pending, fee=accepted))["fees_owed"] == 0
    refused, _, _ = exemptions.decide(pending, False, "Không đúng đối tượng (mẫu)")
    assert _fee_counts(pending, replace(pending, fee=refused))["fees_owed"] == 1
