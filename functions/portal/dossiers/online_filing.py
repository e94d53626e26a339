"""What a filing's answers and files must be: online, the procedure's form (designed or generic) and the
documents it requires, so nothing is filed empty; at the desk and by post, the form's own fields only (the
officer sees the papers themselves and digitizes them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from portal.dossiers.attachment_rules import check_attachments
from portal.dossiers.model import Attachment, Channel
from portal.procedures.form_rules import check_answers
from portal.procedures.forms import check_form
from portal.procedures.model import Procedure
from portal.procedures.online_form import (
    FormDefinition,
    FormKind,
    NotOnline,
    check_generic_documents,
    not_online,
    refuse_online,
)
from portal.procedures.required_documents import check_required_documents

FormOf = Callable[[Procedure], FormDefinition | None]


def online_form(form_of: FormOf, procedure: Procedure) -> FormDefinition:
    """The procedure's online form, or the refusal saying why it cannot be filed online."""
    definition = form_of(procedure)
    if definition is None:
        raise refuse_online(procedure, not_online(procedure) or NotOnline.NO_DETAILS)
    return definition


def checked_filing(
    form_of: FormOf,
    procedure: Procedure,
    channel: Channel,
    answers: Mapping[str, Any],
    attachments: tuple[Attachment, ...],
    electronic: Iterable[str],
    applicant_id: str,
    today: date,
) -> dict[str, Any]:
    """The answers, normalized; raises InvalidInput for a wrong answer, a bad file or a missing document."""
    definition = online_form(form_of, procedure) if channel is Channel.ONLINE else None
    fields = definition.fields if definition else procedure.form_fields
    form_data = check_answers(fields, check_form(fields, answers), applicant_id, today)
    check_attachments(attachments)
    if definition is not None and definition.kind is FormKind.DESIGNED:
        check_required_documents(procedure, (a.document for a in attachments), electronic)
    elif definition is not None:  # only files the portal stored count (never declared metadata)
        check_generic_documents(definition, procedure, (a.document for a in attachments if a.document_id), electronic)
    return form_data
