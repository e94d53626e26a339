"""The reusable field groups of the online forms (portal/procedures/data/form_groups.json).

A group is a notion many procedures ask about (a child, a deceased person, a land parcel, a vehicle, ...),
named here by the field names the hand-checked forms already use for it. Each field's definition is the
one most of those forms give it (catalog.json, hand-checked against each procedure's declaration): no field
is invented. forms.json then writes a designed form's field as a reference to its group's field wherever the
form asks it exactly so (`{"ref": "child.child_full_name"}`), and in full where the form's own wording
differs; a new designed form is written from the groups.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from portal.procedures.model import Procedure
from portal.procedures.online_form import encode_field

# group: (label, label_en, field names in the order a form asks them)
GROUPS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "person": (
        "Người được yêu cầu",
        "The person concerned",
        ("subject_full_name", "subject_birth_date", "subject_citizen_id", "registrant_full_name",
         "registrant_birth_date", "other_party_name", "other_party_birth_date", "other_party_id",
         "guest_full_name", "guest_citizen_id"),
    ),
    "child": (
        "Trẻ em",
        "The child",
        ("child_full_name", "child_birth_date", "child_gender", "child_birth_place", "child_ethnicity",
         "child_hometown", "child_nationality", "child_citizen_id"),
    ),
    "deceased": (
        "Người đã mất",
        "The deceased",
        ("deceased_name", "deceased_full_name", "deceased_citizen_id", "deceased_insurance_number", "death_date",
         "death_place", "death_cause", "death_notice_number"),
    ),
    "spouse": (
        "Vợ, chồng hoặc người kết hôn",
        "Spouse or partner",
        ("partner_full_name", "partner_birth_date", "partner_citizen_id", "partner_nationality", "partner_passport",
         "partner_residence", "partner_marital_status", "spouse_full_name", "spouse_citizen_id",
         "intended_spouse_name", "intended_spouse_id"),
    ),
    "marriage": (
        "Việc kết hôn",
        "The marriage",
        ("applicant_marital_status", "marital_history", "ceremony_date", "original_marriage_date",
         "marriage_country"),
    ),
    "address": (
        "Địa chỉ (theo đơn vị hành chính mới)",
        "Address (in the new administrative units)",
        ("residence_address", "current_address", "lodging_address", "onsite_address"),
    ),
    "land_parcel": (
        "Thửa đất",
        "Land parcel",
        ("parcel_no", "map_sheet_no", "parcel_address", "land_parcel_no", "land_area_m2", "land_certificate_no",
         "land_use_purpose"),
    ),
    "vehicle": (
        "Phương tiện",
        "Vehicle",
        ("plate_number", "vehicle_type", "brand_model", "engine_number", "chassis_number"),
    ),
    "business": (
        "Hộ kinh doanh hoặc doanh nghiệp",
        "Household business or enterprise",
        ("business_name", "business_registration_no", "business_address", "business_lines", "enterprise_name",
         "enterprise_tax_code", "head_office", "capital_vnd", "tax_code"),
    ),
    "school": (
        "Trường học, văn bằng",
        "School and diploma",
        ("student_citizen_id", "school_name", "school_year", "current_school", "diploma_type", "diploma_number"),
    ),
    "bank_account": ("Tài khoản nhận tiền", "Bank account for payouts", ("bank_account", "bank_name")),
}  # fmt: skip


def _key(field: dict[str, Any]) -> str:
    return repr(sorted(field.items()))


def build_groups(catalog: list[Procedure]) -> dict[str, Any]:
    """Each group's fields as most hand-checked forms define them (a field no form asks is left out)."""
    variants: dict[str, Counter[str]] = {}
    encoded: dict[str, dict[str, Any]] = {}
    for procedure in sorted(catalog, key=lambda p: p.code):
        for field in procedure.form_fields:
            raw = encode_field(field)
            variants.setdefault(field.name, Counter())[_key(raw)] += 1
            encoded.setdefault(_key(raw), raw)
    groups = {}
    for name, (label, label_en, names) in GROUPS.items():
        fields = [encoded[variants[n].most_common(1)[0][0]] for n in names if n in variants]
        groups[name] = {"label": label, "label_en": label_en, "fields": fields}
    return groups


def library(groups: dict[str, Any]) -> dict[str, str]:
    """The comparison key of each group field -> its reference ("child.child_full_name")."""
    return {_key(f): f"{g}.{f['name']}" for g, group in groups.items() for f in group["fields"]}


def composed(fields: list[dict[str, Any]], refs: dict[str, str]) -> list[dict[str, Any]]:
    """A designed form's fields, each a reference to a group's field where it is asked exactly so."""
    return [{"ref": refs[_key(f)]} if _key(f) in refs else f for f in fields]
