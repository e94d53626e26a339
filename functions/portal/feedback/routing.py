"""Where a report goes: the dossier's center, else the center named, else the province (portal.feedback.rules
decides which of them answers)."""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from typing import Protocol

from portal.centers.model import Center
from portal.dossiers.repository import DossierRepository
from portal.errors import InvalidInput, NotFound
from portal.feedback import rules
from portal.feedback.input import FeedbackInput, category_of
from portal.feedback.model import FeedbackChannel, FeedbackStatus, Report, Reporter, SubjectKind
from portal.identity.principal import Principal
from portal.pagination import Page
from portal.procedures.catalog import Catalog
from portal.procedures.service import get_summary

PROVINCE = re.compile(r"^\d{2}$")


class CenterLookup(Protocol):
    def get(self, center_id: str) -> Center | None: ...
    def by_province(self, province_code: str, first: int | None, after: str | None) -> Page[Center]: ...


def routed_report(
    given: FeedbackInput,
    reporter: Reporter,
    channel: FeedbackChannel,
    principal: Principal,
    dossiers: DossierRepository,
    centers: CenterLookup,
    catalog: Catalog,
    now: datetime,
) -> Report:
    """The report, unconfirmed, with the center (or the province) that must answer it: a dossier's center,
    else the center named, else the province given."""
    category = category_of(given.category)
    procedure_code = procedure_name = ""
    dossier_center = province = ""
    if given.dossier_code:
        dossier = dossiers.get(given.dossier_code)
        own = dossier is not None and (
            channel is FeedbackChannel.HOTLINE or dossier.applicant.id_number == reporter.id_number
        )
        if dossier is None or not own or not reporter.id_number and channel is FeedbackChannel.ONLINE:
            raise NotFound(f"Không tìm thấy hồ sơ {given.dossier_code}.", f"Dossier {given.dossier_code} not found.")
        dossier_center, province = dossier.center_id, dossier.province_code
        procedure_code, procedure_name = dossier.procedure_code, dossier.procedure_name
    if given.procedure_code and not procedure_code:
        summary = get_summary(catalog, given.procedure_code)
        procedure_code, procedure_name = summary.code, summary.name
    center_id = rules.responsible(dossier_center, None)
    if not center_id and given.center_id:
        center = centers.get(given.center_id)
        if center is None:
            raise NotFound(f"Không có trung tâm {given.center_id}.", f"No center {given.center_id}.")
        center_id, province = center.id, center.province_code
    province = province or given.province_code
    if not PROVINCE.match(province):
        raise InvalidInput.for_field(
            "provinceCode",
            "Chọn tỉnh, thành phố (hoặc trung tâm, hồ sơ) nhận phản ánh.",
            "Choose the province (or the center, or the dossier) the report is about.",
        )
    subject = (
        SubjectKind.DOSSIER
        if given.dossier_code
        else SubjectKind.OFFICER
        if given.about_officer
        else SubjectKind.CENTER
        if center_id
        else SubjectKind.PROCEDURE
    )
    return Report(
        id=f"PA{now:%y%m%d}-{secrets.token_hex(4).upper()}",
        category=category,
        subject=subject,
        channel=channel,
        text=given.text,
        reporter=reporter,
        publish_consent=given.publish_consent,
        status=FeedbackStatus.UNCONFIRMED,
        created_at=now,
        province_code=province,
        center_id=center_id,
        procedure_code=procedure_code,
        procedure_name=procedure_name,
        dossier_code=given.dossier_code,
        officer_note=given.officer_note,
    )
