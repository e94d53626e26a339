"""What happens to a dossier after reception: officers process it, the applicant supplements,
withdraws or rates it. Each change is checked (access, then lifecycle), recorded with its timeline
event and KPI counters in one transaction, and refused if someone else changed the dossier meanwhile."""

from __future__ import annotations

from datetime import date

from portal.clock import Clock
from portal.dossiers import lifecycle
from portal.dossiers.access import check_can_act, check_can_extend, check_can_rate, check_can_set_appointment
from portal.dossiers.attachment_rules import check_attachment_lengths
from portal.dossiers.counters import delta
from portal.dossiers.following import get_dossier
from portal.dossiers.lifecycle import Action
from portal.dossiers.model import Attachment, Dossier, TimelineEvent
from portal.dossiers.repository import DossierRepository
from portal.dossiers.supplement_rules import SupplementRequest, asked_items, check_sizes
from portal.errors import InvalidInput
from portal.identity.principal import Principal
from portal.input_limits import check_length
from portal.procedures.catalog import Catalog
from portal.procedures.document_slots import slot_key
from portal.workdays.vietnam_calendar import calendar_around


def _save(dossiers: DossierRepository, before: Dossier, after: Dossier, event: TimelineEvent) -> Dossier:
    dossiers.record(after, event, kpi=delta(before, after, event))
    return after


def listed_documents(catalog: Catalog, procedure_code: str) -> tuple[str, ...]:
    """The slot keys of the procedure's documents in the catalog (read by key, kept per container); none
    when the catalog no longer has the procedure: then every item needs its legal basis."""
    procedure = catalog.details(procedure_code)
    return tuple(slot_key(d.name) for d in procedure.documents) if procedure else ()


def act_on_dossier(
    dossiers: DossierRepository,
    clock: Clock,
    principal: Principal,
    code: str,
    action: Action,
    note: str = "",
    result: Attachment | None = None,
    supplement: SupplementRequest | None = None,
    catalog: Catalog | None = None,
) -> Dossier:
    """One step of the lifecycle. A supplement request (`supplement`, checked against the procedure's list
    in `catalog`) lists what it asks for; no other step takes one."""
    check_length("note", note, "note")
    if result is not None:
        check_attachment_lengths("result", result)
    if supplement is not None:
        check_sizes(supplement)
    dossier = get_dossier(dossiers, principal, code)
    actor = check_can_act(principal, dossier, action)
    asked = ()
    if action is Action.REQUEST_SUPPLEMENT:
        listed = listed_documents(catalog, dossier.procedure_code) if catalog is not None else ()
        asked = asked_items(supplement or SupplementRequest(), listed)
    elif supplement is not None and not supplement.empty:
        raise InvalidInput.for_field(
            "supplement",
            "Chỉ yêu cầu bổ sung mới kèm danh sách những gì cần bổ sung.",
            "Only a supplement request lists what is to be supplemented.",
        )
    now = clock.now()
    updated, event = lifecycle.apply(
        dossier, action, actor, now, calendar_around(now.year), note.strip(), result, asked
    )
    return _save(dossiers, dossier, updated, event)


def extend_deadline(
    dossiers: DossierRepository, clock: Clock, principal: Principal, code: str, new_due: date, reason: str
) -> Dossier:
    check_length("reason", reason, "reason")
    dossier = get_dossier(dossiers, principal, code)
    check_can_extend(principal, dossier)
    now = clock.now()
    updated, event = lifecycle.extend_deadline(dossier, new_due, reason, now, calendar_around(now.year))
    return _save(dossiers, dossier, updated, event)


def set_appointment(
    dossiers: DossierRepository, clock: Clock, principal: Principal, code: str, due: date, basis: str
) -> Dossier:
    """The receiving officer sets the appointment of a dossier received without one (unknown time)."""
    check_length("basis", basis, "reason")
    dossier = get_dossier(dossiers, principal, code)
    check_can_set_appointment(principal, dossier)
    now = clock.now()
    updated, event = lifecycle.set_appointment(dossier, due, basis, now, calendar_around(now.year))
    return _save(dossiers, dossier, updated, event)


def rate_dossier(
    dossiers: DossierRepository, clock: Clock, principal: Principal, code: str, score: int, comment: str
) -> Dossier:
    check_length("comment", comment, "comment")
    dossier = get_dossier(dossiers, principal, code)
    check_can_rate(principal, dossier)
    updated, event = lifecycle.rate(dossier, score, comment, clock.now())
    return _save(dossiers, dossier, updated, event)
