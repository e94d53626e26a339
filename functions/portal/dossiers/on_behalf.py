"""Filing for someone else (Decree 118/2025: "thông qua người được ủy quyền"), and dossiers that came by post.

On behalf: the signed-in person (the filer, người được ủy quyền) enters the identity of the person they
file for (the applicant, người ủy quyền) and attaches the authorization (giấy ủy quyền) as one of the
dossier's documents; the dossier records both, and both follow it (portal.identity.access). The
applicant's number is checked like every personal number the portal reads (portal.procedures.citizen_ids),
and the date of birth, when given, must agree with the birth year the number codes.

By post: reception records the envelope's postmark; the due date counts from receipt at the center
(the day the desk records it), never from the postmark. Pure: no I/O; today is passed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from portal.dossiers.model import Applicant, Channel, Filer
from portal.errors import FieldProblem, InvalidInput
from portal.identity.principal import Citizen
from portal.input_limits import check_length
from portal.procedures.citizen_ids import id_problem, read_id

AUTHORIZATION_DOCUMENT = "Giấy ủy quyền"  # the slot its file stands for, beside the procedure's documents
OLDEST_POSTMARK = timedelta(days=365)  # an envelope older than a year is a typing mistake, not a letter


@dataclass(frozen=True)
class PersonRepresented:
    """The applicant as the filer types them from the authorization document."""

    id_number: str
    full_name: str
    date_of_birth: date | None = None
    address: str = ""
    phone: str = ""
    email: str = ""


def check_represented(person: PersonRepresented, filer: Citizen, today: date) -> Applicant:
    """The applicant of a dossier filed on their behalf, or InvalidInput naming each wrong field."""
    prefix = "onBehalfOf"
    check_length(f"{prefix}.idNumber", person.id_number, "code")
    check_length(f"{prefix}.fullName", person.full_name, "fullName")
    check_length(f"{prefix}.address", person.address, "address")
    check_length(f"{prefix}.phone", person.phone, "phone")
    check_length(f"{prefix}.email", person.email, "email")
    number = person.id_number.strip()
    problems = []
    why = id_problem(number, today.year)
    if why is not None:
        problems.append(FieldProblem(f"{prefix}.idNumber", f"Số định danh {why[0]}", f"The ID number {why[1]}"))
    elif number == filer.id_number:
        problems.append(
            FieldProblem(
                f"{prefix}.idNumber",
                "Đây là số định danh của bạn: hãy nộp hồ sơ cho chính mình.",
                "This is your own ID number: file for yourself instead.",
            )
        )
    number_ok = not problems  # a date of birth is compared only with a number that can be theirs
    if not person.full_name.strip():
        problems.append(FieldProblem(f"{prefix}.fullName", "Cần nhập họ và tên.", "The full name is required."))
    born = person.date_of_birth
    facts = read_id(number)
    if born is not None and number_ok and (born > today or (facts is not None and facts.birth_year != born.year)):
        problems.append(
            FieldProblem(
                f"{prefix}.dateOfBirth",
                "Ngày sinh không khớp với năm sinh trong số định danh.",
                "The date of birth does not match the birth year in the ID number.",
            )
        )
    if problems:
        raise InvalidInput(
            "Thông tin người ủy quyền chưa hợp lệ.",
            "The details of the person you file for are not valid.",
            tuple(problems),
        )
    return Applicant(
        id_number=number,
        full_name=person.full_name.strip(),
        date_of_birth=born,
        address=person.address.strip(),
        phone=person.phone.strip(),
        email=person.email.strip(),
    )


def filer_of(citizen: Citizen, phone: str, email: str) -> Filer:
    """The filer as their verified token names them; the form's contacts are theirs."""
    return Filer(citizen.id_number, citizen.full_name, phone.strip() or citizen.phone, email.strip() or citizen.email)


def check_authorization_attached(documents: Iterable[str]) -> None:
    if AUTHORIZATION_DOCUMENT not in set(documents):
        raise InvalidInput(
            "Thiếu giấy ủy quyền.",
            "The authorization document is missing.",
            (
                FieldProblem(
                    "documents",
                    f"Khi nộp thay, cần đính kèm {AUTHORIZATION_DOCUMENT} (chọn tệp cho «{AUTHORIZATION_DOCUMENT}»).",
                    "Filing for someone else needs their authorization document attached.",
                ),
            ),
        )


def check_desk_channel(channel: Channel, postmarked_on: date | None, today: date) -> None:
    """At the desk: in person (no postmark) or by post (the postmark, not after today nor a year before)."""
    if channel is Channel.ONLINE:
        raise InvalidInput.for_field(
            "channel", "Tại quầy chỉ tiếp nhận trực tiếp hoặc qua bưu chính.", "The desk receives in person or by post."
        )
    if channel is Channel.IN_PERSON:
        if postmarked_on is not None:
            raise InvalidInput.for_field(
                "postmarkedOn", "Ngày dấu bưu điện chỉ dành cho hồ sơ qua bưu chính.", "A postmark is for post only."
            )
        return
    if postmarked_on is None:
        raise InvalidInput.for_field(
            "postmarkedOn", "Cần nhập ngày dấu bưu điện trên phong bì.", "The envelope's postmark date is required."
        )
    if postmarked_on > today or postmarked_on < today - OLDEST_POSTMARK:
        raise InvalidInput.for_field(
            "postmarkedOn",
            "Ngày dấu bưu điện không được sau hôm nay và phải trong vòng một năm.",
            "The postmark date cannot be after today, nor more than a year ago.",
        )


def postal_note(postmarked_on: date) -> str:
    return f"Nhận qua dịch vụ bưu chính; dấu bưu điện ngày {postmarked_on:%d/%m/%Y}."
