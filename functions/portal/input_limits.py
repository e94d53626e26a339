"""How long each piece of text a client sends may be, checked before any work is done with it.

One table (LIMITS) so docs/security.md, the schema's descriptions and the checks cannot drift apart (a
test reads this table and that page's). A refusal names the limit, in Vietnamese and English, and never
echoes the input back beyond a short excerpt (`shown`): an error must not be larger than a normal answer.
"""

from __future__ import annotations

from typing import TypeVar

from portal.errors import InvalidInput

Text = TypeVar("Text", str, None, str | None)

# name -> the most characters (or, where said, items) a client may send
LIMITS: dict[str, int] = {
    "search": 1500,  # procedures(search): the longest catalog name (1,192 characters) pasted fits
    "searchWords": 300,  # words of a search (the longest catalog name has 265)
    "filterText": 200,  # procedures(filter: {field, agency})
    "code": 64,  # any code or id: procedure, dossier, center, province, commune, month
    "cursor": 1000,  # after: an opaque page cursor
    "trackingSecret": 32,
    "addressText": 300,  # resolveAddress(text)
    "fullName": 200,
    "address": 500,
    "phone": 20,
    "email": 254,  # RFC 5321's longest address
    "note": 4000,  # an officer's note (a refusal's reason, a supplement request's explanations)
    "reason": 2000,  # an apology's reason
    "comment": 1000,  # a rating's comment
    "attachmentName": 255,  # a file name, as most file systems allow
    "contentType": 100,
    "documentName": 300,  # which required document an attachment is
    "formKeys": 100,  # keys of formData
    "formKey": 64,  # characters of one formData key
    "fileName": 200,  # requestDocumentUpload(fileName): a file's name as the uploader gave it
    "slot": 500,  # which required document a file stands for (requestDocumentUpload, documents[].slot)
    "dossierFiles": 20,  # items: files of one dossier (documents of submitDossier and saveDraft)
    "paymentNote": 500,  # an officer's note on a fee, a refund's reason, an exemption's refusal
    "idempotencyKey": 64,  # startPayment's key (at least 8)
    "exemptionCode": 64,  # a procedure's fee exemption chosen at filing
    "supplementItems": 100,  # items: what one supplement request asks (the longest catalog list has 89 rows)
    "supplementWhat": 500,  # a supplement request's item not on the procedure's list
    "legalBasis": 500,  # the legal basis of that item (the act and its article)
    "feedbackText": 4000,  # a report's text (phản ánh, kiến nghị), and the officer's public summary of it
    "feedbackAnswer": 4000,  # an officer's answer to a report
    "officerNote": 500,  # which officer a report is about (desk, time): private to the center
    "confirmationCode": 16,  # the code mailed to an anonymous reporter
}

EXCERPT_LENGTH = 40


def shown(value: object, length: int = EXCERPT_LENGTH) -> str:
    """`value` as an error message may quote it: at most `length` characters."""
    text = str(value)
    return text if len(text) <= length else text[:length] + "…"


def too_long(field: str, limit: int, unit: str = "ký tự", unit_en: str = "characters") -> InvalidInput:
    return InvalidInput.for_field(
        field,
        f"«{field}» dài quá giới hạn {limit} {unit}.",
        f"'{field}' is longer than the limit of {limit} {unit_en}.",
    )


def check_length(field: str, value: Text, limit_name: str) -> Text:
    """`value` unchanged, or InvalidInput naming the limit when it is longer than LIMITS[limit_name]."""
    limit = LIMITS[limit_name]
    if value is not None and len(value) > limit:
        raise too_long(field, limit)
    return value
