"""Which documents an online filing must carry, per procedure: checked facts, one procedure at a time.

The catalog lists every document a procedure may involve, most of them conditional ("if any", "when
asked", the declaration form the online form replaces, papers the agency reads from the population
database). Whether one is required online is a legal reading, so it is written here explicitly for the
procedures checked, with the electronic equivalent that exempts it when the catalog's note names one
(e.g. 1.001193: "Không phải nộp bản giấy nếu đã có bản điện tử Giấy chứng sinh" - the birth
certificate the health facility issued electronically). A procedure not listed requires no file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from portal.errors import FieldProblem, InvalidInput
from portal.procedures.document_slots import DocumentSlot, Requirement, document_slots
from portal.procedures.model import Procedure


@dataclass(frozen=True)
class RequiredDocument:
    starts_with: str  # the catalog document's name begins with this
    label: str
    label_en: str
    electronic_ok: bool  # an electronic equivalent held by the agency replaces the file


def _doc(starts_with: str, label: str, label_en: str, electronic_ok: bool = False) -> RequiredDocument:
    return RequiredDocument(starts_with, label, label_en, electronic_ok)


# Read from each procedure's documents in the national catalog (infra/reference/procedures/catalog.json, the
# crawl of dichvucong.gov.vn; each procedure's `source_ref` names its page), for the home page's most used
# services and the life events. Required: a document the catalog lists with no condition (no "nếu có", "khi
# cần", "trường hợp ..."), that the citizen holds. Not required: the declaration or application the online
# form replaces (tờ khai, đơn, giấy đề nghị, thông báo, giấy khai), papers shown rather than filed (xuất
# trình), papers an officer makes, physical items (plates, engine-number rubbings, the original certificate
# handed over at the desk is still a scan online), and anything conditional. electronic_ok only where the
# catalog's note says the agency's electronic copy or database replaces it. An empty tuple: checked, nothing
# required online. Not read: procedures marked `sample` (1.011537) and those known only from the crawl's raw
# lists, which mix the cases of several procedures (detail level `detailed`: 1.005280, 1.014166, 2.002043,
# 3.000351, 3.000353); they require no file until someone reads them.
REQUIRED_ONLINE: dict[str, tuple[RequiredDocument, ...]] = {
    # A child is born
    "1.001193": (_doc("Giấy chứng sinh", "Giấy chứng sinh", "birth certificate", electronic_ok=True),),
    "2.000986": (_doc("Giấy chứng sinh", "Giấy chứng sinh", "birth certificate"),),
    "2.001023": (_doc("Giấy chứng sinh", "Giấy chứng sinh", "birth certificate"),),
    "1.000689": (
        _doc("Giấy chứng sinh", "Giấy chứng sinh", "birth certificate"),
        _doc(
            "Văn bản của cơ quan y tế, cơ quan giám định xác nhận quan hệ cha con",
            "văn bản xác nhận quan hệ cha, mẹ, con",
            "document confirming the parent-child relationship",
        ),
    ),
    "2.000693": (
        _doc("Bản sao giấy khai sinh", "bản sao giấy khai sinh của con", "copy of the child's birth certificate", True),
    ),
    "1.004222": (),  # every document is conditional (proof of residence "nếu cần", the owner's consent...)
    "1.004194": (),
    "1.014061": (),  # the request form (DC02) is the online form; the rest is made at the police office
    "1.014062": (),
    # Someone has died
    "1.000656": (_doc("Giấy báo tử", "Giấy báo tử", "death notice", electronic_ok=True),),
    "1.014177": (_doc("Bản sao giấy chứng tử", "bản sao giấy chứng tử", "copy of the death certificate"),),
    "2.000821": (
        _doc("Sổ BHXH của người chết", "sổ bảo hiểm xã hội", "social insurance book"),
        _doc("Bản sao giấy chứng tử", "bản sao giấy chứng tử", "copy of the death certificate"),
    ),
    "1.001731": (_doc("Bản sao giấy chứng tử", "bản sao giấy chứng tử", "copy of the death certificate"),),
    "2.002307": (
        _doc("Giấy chứng tử", "giấy chứng tử", "death certificate"),
        _doc("Hồ sơ cựu chiến binh", "hồ sơ cựu chiến binh", "veteran's file"),
    ),
    "1.003197": (),
    # Getting married
    "1.004873": (),
    "1.000894": (),
    "2.000806": (
        _doc(
            "Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài",
            "giấy tờ về tình trạng hôn nhân của người nước ngoài",
            "foreign partner's proof of marital status",
        ),
        _doc("Giấy xác nhận của tổ chức y tế", "giấy xác nhận của tổ chức y tế", "medical certificate"),
        _doc("Bản sao hộ chiếu", "bản sao hộ chiếu", "copy of the passport"),
    ),
    "1.004746": (
        _doc("Bản sao Giấy chứng nhận kết hôn", "bản sao giấy chứng nhận kết hôn", "copy of the marriage certificate"),
    ),
    # Building a house
    "1.013225": (
        _doc("Một trong những giấy tờ hợp pháp về đất đai", "giấy tờ về đất đai", "land title document"),
        _doc("02 bộ bản vẽ thiết kế", "bản vẽ thiết kế", "design drawings"),
    ),
    "1.009122": (
        _doc(
            "Bản sao có công chứng hoặc chứng thực giấy tờ về quyền sử dụng đất",
            "giấy tờ về quyền sử dụng đất",
            "land use right document",
        ),
        _doc("Bản sao hoặc tệp tin chứa bản chụp chính hai bộ bản vẽ", "bản vẽ thiết kế", "design drawings"),
    ),
    "1.013229": (
        _doc(
            "Một trong những giấy tờ hợp pháp về đất đai",
            "giấy tờ về đất đai, quyền sở hữu công trình",
            "land and building title document",
        ),
        _doc("Bản vẽ hiện trạng", "bản vẽ hiện trạng", "drawings of the present state"),
        _doc("02 bộ bản vẽ thiết kế sửa chữa", "bản vẽ thiết kế sửa chữa, cải tạo", "renovation drawings"),
    ),
    "1.013227": (_doc("Bản chính giấy phép xây dựng", "giấy phép xây dựng đã cấp", "building permit issued"),),
    # Starting a business
    "2.001583": (
        _doc("Điều lệ công ty", "điều lệ công ty", "company charter"),
        _doc("Bản sao giấy tờ pháp lý của chủ sở hữu", "giấy tờ pháp lý của chủ sở hữu", "owner's legal documents"),
    ),
    "1.001612": (),
    # A driving licence
    "3.000346": (_doc("Giấy khám sức khỏe", "giấy khám sức khỏe", "health certificate"),),
    "3.000347": (
        _doc(
            "Bản sao hoặc bản sao điện tử giấy phép lái xe", "bản sao giấy phép lái xe", "copy of the driving licence"
        ),
    ),
    # Land
    "1.013831": (
        _doc("Bản gốc Giấy chứng nhận", "giấy chứng nhận đã cấp", "certificate issued"),
        _doc("Hợp đồng, văn bản về việc chuyển quyền", "hợp đồng chuyển quyền", "transfer contract"),
    ),
    "1.012783": (_doc("Bản gốc Giấy chứng nhận", "giấy chứng nhận đã cấp", "certificate issued"),),
    "1.012784": (
        _doc("Giấy chứng nhận đã cấp", "giấy chứng nhận đã cấp", "certificate issued"),
        _doc("Bản vẽ tách thửa", "bản vẽ tách thửa, hợp thửa", "parcel split or merge drawing"),
    ),
    "1.013992": (_doc("Giấy chứng nhận đã cấp", "giấy chứng nhận đã cấp", "certificate issued"),),
    "1.013833": (_doc("Bản gốc Giấy chứng nhận", "giấy chứng nhận đã cấp", "certificate issued"),),
    "1.012812": (
        _doc("Các giấy tờ có liên quan đến việc sử dụng đất", "giấy tờ về việc sử dụng đất", "land use papers"),
    ),
    # Buying or selling a vehicle
    "1.013076": (
        _doc("Chứng từ chuyển quyền sở hữu xe", "chứng từ chuyển quyền sở hữu xe", "proof of ownership transfer"),
    ),
    # Losing a job
    "1.014748": (
        _doc(
            "Giấy tờ xác nhận chấm dứt hợp đồng",
            "giấy tờ xác nhận chấm dứt hợp đồng",
            "proof the contract ended",
        ),
    ),
    "1.014751": (
        _doc(
            "Giấy tờ chứng minh việc thông báo tìm kiếm việc làm",
            "giấy tờ về việc tìm kiếm việc làm",
            "proof of monthly job-search reports",
        ),
    ),
    "1.001613": (_doc("Sổ bảo hiểm xã hội", "sổ bảo hiểm xã hội", "social insurance book", electronic_ok=True),),
    # Checked, nothing the citizen must file online: only the form the online form replaces and conditional
    # papers; the vehicle owner's and vehicle's papers are electronic data (VNeID level 2, e-invoices); plates
    # are handed in; 1.012753's survey report (Mẫu 15d) and 1.014750's proof are not said to be the citizen's.
    **dict.fromkeys(
        ("1.001570", "1.008498", "1.012575", "1.012753", "1.013065", "1.013066", "1.013079", "1.013080"),
        (),
    ),
    **dict.fromkeys(
        ("1.013228", "1.013978", "1.014028", "1.014750", "1.014753", "2.000720", "2.001610", "3.000348"), ()
    ),
    # The criminal record certificate (a most used service)
    "3.000333": (
        _doc(
            "Bản sao Thẻ căn cước", "bản sao thẻ căn cước hoặc hộ chiếu", "copy of the identity card or passport", True
        ),
    ),
}
MAX_ELECTRONIC = 20


def required_documents(procedure: Procedure) -> list[tuple[str, RequiredDocument]]:
    """(the catalog document's full name, the rule) for each document this procedure requires online."""
    found = []
    for rule in REQUIRED_ONLINE.get(procedure.code, ()):
        name = next((d.name for d in procedure.documents if d.name.startswith(rule.starts_with)), None)
        if name is not None:
            found.append((name, rule))
    return found


def check_required_documents(procedure: Procedure, attached: Iterable[str], electronic: Iterable[str]) -> None:
    """Raises InvalidInput when a required document has neither a file standing for it nor, where the law
    allows it, a declared electronic equivalent."""
    attached, electronic = set(attached), set(electronic)
    if len(electronic) > MAX_ELECTRONIC:
        raise InvalidInput.for_field("electronicDocuments", "Quá nhiều giấy tờ.", "Too many documents.")
    problems = []
    for name, rule in required_documents(procedure):
        if name in attached or (rule.electronic_ok and name in electronic):
            continue
        how_vi = " hoặc cho biết cơ quan đã có bản điện tử" if rule.electronic_ok else ""
        how_en = ", or say the agency holds its electronic version" if rule.electronic_ok else ""
        problems.append(
            FieldProblem(
                "attachments",
                f"Cần đính kèm {rule.label} (chọn tệp và ghi «{rule.label}» là giấy tờ nó thay thế){how_vi}.",
                f"Attach the {rule.label_en} (choose a file and say it stands for the {rule.label_en}){how_en}.",
            )
        )
    if problems:
        raise InvalidInput("Thiếu giấy tờ bắt buộc.", "A required document is missing.", tuple(problems))


def designed_slots(procedure: Procedure) -> tuple[DocumentSlot, ...]:
    """The slots of a hand-checked procedure's form: its checked required documents are required; the
    declaration is replaced by the form; conditional, shown and state-held rows keep their reading; every
    other row was checked as not filed online."""
    first_named = {name: rule for name, rule in required_documents(procedure)}
    slots = []
    for slot in document_slots(procedure.documents):
        rule = first_named.pop(procedure.documents[slot.index].name, None)
        if rule is not None:
            slot = replace(slot, requirement=Requirement.REQUIRED, condition="", electronic_ok=rule.electronic_ok)
        elif slot.declaration:
            slot = replace(slot, requirement=Requirement.REPLACED, condition="")
        elif slot.requirement is Requirement.REQUIRED:
            slot = replace(slot, requirement=Requirement.NOT_FILED)
        slots.append(slot)
    return tuple(slots)
