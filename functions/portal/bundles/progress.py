"""A bundle moving on by itself: when a member's result is ready (an event of the Dossiers table's
stream, see portal.bootstrap.bundles), the members waiting for it are received by their agencies, with
that result recorded on them; when a member is refused, the members needing it never start."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from portal.bundles.definitions import BUNDLES
from portal.bundles.model import MemberState, blocked, linked_results, ready_to_start
from portal.bundles.questions import member_answers
from portal.bundles.repository import BundleRepository
from portal.bundles.service import definition_procedures, view_bundle
from portal.dossiers.model import Action, Channel, Dossier, TimelineEvent
from portal.dossiers.opening import new_dossier
from portal.dossiers.repository import CenterLookup, DossierRepository
from portal.procedures.catalog import Catalog


def start_ready_members(
    bundles: BundleRepository,
    dossiers: DossierRepository,
    centers: CenterLookup,
    catalog: Catalog,
    bundle_id: str,
    at: datetime,
) -> list[Dossier]:
    """The members whose predecessors now all have a result are received by their agencies at `at` (when
    the last result was ready: their due dates count from then), with those results recorded on them;
    members that can never start are cancelled. Idempotent: a started member is never started again (the
    bundle is saved only if nobody changed it since it was read)."""
    view = view_bundle(bundles, dossiers, bundle_id)
    bundle = view.bundle
    ready = ready_to_start(bundle, view.dossiers)
    never = {m.key for m in blocked(bundle, view.dossiers)}
    if not ready and not never:
        return []
    definition = BUNDLES[bundle.code]
    procedures = definition_procedures(catalog, definition)
    group = procedures[bundle.code]
    applicant = next(iter(view.dossiers.values())).applicant  # every member is filed by the same applicant
    started: list[Dossier] = []
    members = []
    for member in bundle.members:
        if member.key in never:
            member = replace(member, state=MemberState.CANCELLED)
        elif member in ready:
            procedure = procedures[member.procedure_code]
            center = centers.get(member.center_id)
            if center is None:
                raise RuntimeError(f"bundle {bundle.id}: center {member.center_id} is gone")
            data = member_answers(definition.member(member.key), procedure, group, bundle.answers)
            data |= linked_results(bundle, member, view.dossiers)
            dossier = new_dossier(dossiers, procedure, center, applicant, Channel.ONLINE, data, (), at, bundle.id)
            started.append(dossier)
            member = replace(member, state=MemberState.STARTED, dossier_code=dossier.code, started_at=at)
        members.append(member)
    bundles.save(replace(bundle, members=tuple(members), updated_at=at, version=bundle.version + 1), started)
    return started


def on_dossier_event(
    bundles: BundleRepository,
    dossiers: DossierRepository,
    centers: CenterLookup,
    catalog: Catalog,
    dossier: Dossier,
    event: TimelineEvent,
) -> list[Dossier]:
    """The event stream's subscriber (the dossier as the consumer read it once for every subscriber): a
    member's result ready (or its refusal) moves its bundle on."""
    if not dossier.bundle_id:
        return []
    if event.action not in (Action.MARK_RESULT_READY, Action.REJECT, Action.WITHDRAW):
        return []
    return start_ready_members(bundles, dossiers, centers, catalog, dossier.bundle_id, event.at)
