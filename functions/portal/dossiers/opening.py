"""A dossier received at a center: its code from the center's daily sequence, its due date from the moment
of receipt in the unit of the procedure's processing time (none when the time is unknown: the receiving
officer sets it), its first timeline event. Every way in builds it here: a citizen's filing, the
desk, a member of a bundle started by its predecessor's result."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from portal.centers.model import Center
from portal.dossiers import fee_exemptions as exemptions
from portal.dossiers import fee_rules
from portal.dossiers.codes import make_dossier_code
from portal.dossiers.fee import DossierFee
from portal.dossiers.lifecycle import RECEIVE
from portal.dossiers.model import ActorRole, Applicant, Attachment, Channel, Dossier, Filer, Status, TimelineEvent
from portal.dossiers.on_behalf import postal_note
from portal.dossiers.repository import DossierRepository
from portal.procedures.model import Procedure
from portal.workdays.time_limits import due_on
from portal.workdays.vietnam_calendar import calendar_around


def new_dossier(
    dossiers: DossierRepository,
    procedure: Procedure,
    center: Center,
    applicant: Applicant,
    channel: Channel,
    form_data: dict[str, Any],
    attachments: tuple[Attachment, ...],
    now: datetime,
    bundle_id: str = "",
    filer: Filer | None = None,
    postmarked_on: date | None = None,
    fee: DossierFee | None = None,
) -> Dossier:
    """A dossier received at `now`: its code from the center's daily sequence, its due date from the
    procedure's processing time, its first timeline event (not yet stored)."""
    if fee is None:
        fee = fee_rules.fee_at_filing(procedure, channel)
    limit = procedure.time_limit
    # Unknown time, or a unit with no counting rule: no computed date; the receiving officer sets it.
    due = due_on(now, limit, calendar_around(now.year)) if limit else None
    code = make_dossier_code(
        center.agency_code, now.date(), dossiers.next_sequence(center.agency_code, now.date(), now)
    )
    notes = [postal_note(postmarked_on) if postmarked_on else "", "Nộp bởi người được ủy quyền." if filer else ""]
    received = TimelineEvent(
        seq=1,
        at=now,
        action=RECEIVE,
        status=Status.RECEIVED,
        actor=ActorRole.SYSTEM,
        note=" ".join(n for n in notes if n),
        due_date=due,  # from receipt at the center, whatever the channel (a postmark is only recorded)
    )
    return Dossier(
        code=code,
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        center_id=center.id,
        province_code=center.province_code,
        applicant=applicant,
        channel=channel,
        status=Status.RECEIVED,
        form_data=form_data,
        attachments=attachments,
        received_at=now,
        due_date=due,
        processing_days=limit.amount if limit else 0,
        processing_unit=limit.unit if limit else None,
        updated_at=now,
        fee=fee,
        filer=filer,
        postmarked_on=postmarked_on,
        timeline=(received, *exemptions.filing_events(fee, now, due)),
        bundle_id=bundle_id,
    )
