"""One form for a whole group: every member's questions asked once, and each member's answers from it.

The questions are the members' own catalog form fields in member order (a field another member already
asks is not asked again: same name, same question), then the group's own catalog fields a member without
an online form receives (`asks`). A member's field answered under another name (`aliases`) is asked under
that name; a field the group decides (`fixed`) is not asked at all.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from portal.bundles.definitions import BundleDefinition, MemberDefinition
from portal.procedures.model import FormField, Procedure


def _asked_fields(member: MemberDefinition, procedure: Procedure, group: Procedure) -> list[FormField]:
    """The fields of `member` the citizen answers, under the names they are asked by."""
    if procedure.form_fields:
        fields = [f for f in procedure.form_fields if f.name not in member.fixed]
        return [replace(f, name=member.aliases.get(f.name, f.name)) for f in fields]
    by_name = {f.name: f for f in group.form_fields}
    return [by_name[name] for name in member.asks if name in by_name]


def questions(definition: BundleDefinition, procedures: dict[str, Procedure]) -> tuple[FormField, ...]:
    """The group's one form; `procedures` holds the group's procedure and every member's."""
    group = procedures[definition.code]
    asked: dict[str, FormField] = {}
    for member in definition.members:
        for f in _asked_fields(member, procedures[member.procedure_code], group):
            asked.setdefault(f.name, f)
    return tuple(asked.values())


def member_answers(
    member: MemberDefinition, procedure: Procedure, group: Procedure, answers: dict[str, Any]
) -> dict[str, Any]:
    """What the member's dossier records of the group's answers, under the member's own field names."""
    if procedure.form_fields:
        names = [f.name for f in procedure.form_fields]
    else:
        names = [name for name in member.asks if any(f.name == name for f in group.form_fields)]
    data: dict[str, Any] = {}
    for name in names:
        if name in member.fixed:
            data[name] = member.fixed[name]
            continue
        value = answers.get(member.aliases.get(name, name))
        if value is not None:
            data[name] = value
    return data
