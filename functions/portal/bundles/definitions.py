"""The interlinked procedure groups ("liên thông") a citizen files as one: their members, in the order
they run, and where each definition comes from.

Seed 001 (Official dispatch 111/CD-TTg, July 2025) names the two groups that must work without
interruption; Decree 63/2024/NĐ-CP regulates them. The national catalog lists each group as a procedure
of its own (2.000986, 2.001023, 1.011537: infra/reference/procedures/catalog.json, with their sources)
and each member as an ordinary procedure; a member runs as an ordinary dossier of its own code, at its
competent agency, with that procedure's own processing time. Only codes present in the catalog are used.

The order: a member names the members whose result it needs (`after`). The questions are asked once: the
group's own form in the catalog first, then each member's form fields not asked yet (same name, same
question); `aliases` maps a member's field to the question that answers it under another name, `fixed`
answers a member's field that the group itself decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class MemberDefinition:
    key: str  # names the member within its group ("birth", "residence"...)
    procedure_code: str
    after: tuple[str, ...] = ()  # the members whose result this one needs before it starts
    asks: tuple[str, ...] = ()  # for a member without an online form in the catalog: the questions it receives
    aliases: dict[str, str] = field(default_factory=dict)  # member field -> the question answering it (asked
    # as the member's own field under that name when no earlier member asks it)
    fixed: dict[str, str] = field(default_factory=dict)  # member field -> the answer the group implies
    why: str = ""  # why it runs in this order (the source of the dependency)
    # required documents (the start of their catalog names) an earlier member's result is: never asked of
    # the citizen, the result is linked to the dossier when the member starts
    from_earlier: tuple[str, ...] = ()


@dataclass(frozen=True)
class BundleDefinition:
    code: str  # the group's own procedure code in the national catalog
    members: tuple[MemberDefinition, ...]
    sources: tuple[str, ...]  # provenance of the definition
    left_out: str = ""  # members the law names whose code the catalog does not hold

    def member(self, key: str) -> MemberDefinition:
        return next(m for m in self.members if m.key == key)


_SEED_001 = "Seed 001: Official dispatch 111/CD-TTg (July 2025), the two interlinked groups"
_DECREE_63 = "Nghị định số 63/2024/NĐ-CP (liên thông điện tử 02 nhóm thủ tục hành chính), cited by the catalog entry"

BIRTH = MemberDefinition(
    "birth",
    "1.001193",
    why="Đăng ký khai sinh trước: cấp số định danh cá nhân cho trẻ. / Birth registration first: it gives the child "
    "a personal ID number.",
)
_CHILD_CARD = MemberDefinition(
    "card",
    "1.014137",  # Cấp thẻ bảo hiểm y tế (Bảo hiểm xã hội tỉnh, 05 ngày làm việc; Decision 2306/QĐ-BYT)
    after=("birth",),
    asks=("child_full_name", "child_birth_date", "child_gender", "mother_citizen_id", "card_delivery"),
    why="Thẻ BHYT sau khai sinh, song song với thường trú: nhóm 2.001023 cấp thẻ không cần đăng ký thường trú. / "
    "The card after the birth registration, in parallel with the residence: group 2.001023 issues it without one.",
)

BUNDLES: dict[str, BundleDefinition] = {
    "2.000986": BundleDefinition(
        "2.000986",
        (
            BIRTH,
            MemberDefinition(
                "residence",
                "1.004222",
                after=("birth",),
                why="Đăng ký thường trú khi trẻ đã có số định danh (sau khai sinh). / Permanent residence once the "
                "child has a personal ID number (after the birth registration).",
            ),
            _CHILD_CARD,
        ),
        (
            _SEED_001,
            "catalog.json 2.000986 (dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-95d8-77dd-86c5-880463eb8dbe)",
            "catalog.json 1.001193, 1.004222; imported.jsonl 1.014137 (dichvucong.gov.vn)",
            _DECREE_63,
        ),
    ),
    "2.001023": BundleDefinition(
        "2.001023",
        (BIRTH, _CHILD_CARD),
        (
            _SEED_001,
            "catalog.json 2.001023 (dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-95f7-7548-bce5-81bc8224b321)",
            "catalog.json 1.001193; imported.jsonl 1.014137 (dichvucong.gov.vn)",
            _DECREE_63,
        ),
    ),
    "1.011537": BundleDefinition(
        "1.011537",
        (
            MemberDefinition(
                "death",
                "1.000656",
                why="Đăng ký khai tử trước: trích lục khai tử là căn cứ của các thủ tục sau. / Death registration "
                "first: its extract is what the others rely on.",
            ),
            MemberDefinition(
                "residence_cancellation",
                "1.003197",
                after=("death",),
                aliases={"subject_citizen_id": "deceased_citizen_id"},
                fixed={"deletion_reason": "Người đã chết/mất tích"},
                why="Xóa đăng ký thường trú khi đã đăng ký khai tử. / Residence cancelled once the death is "
                "registered.",
            ),
            MemberDefinition(
                "burial_allowance",
                "1.014177",  # Hưởng trợ cấp mai táng (Bảo hiểm xã hội tỉnh, 10 ngày làm việc; 863/QĐ-BNV)
                after=("death",),
                from_earlier=("Bản sao giấy chứng tử",),  # the death registration's result
                aliases={"relationship": "burial_relationship"},  # its own options (Thân nhân, Cá nhân lo mai táng)
                why="Trợ cấp mai táng cần bản sao trích lục khai tử (hồ sơ 1.014177), song song với xóa thường trú. / "
                "The funeral allowance needs the death extract (1.014177's documents); in parallel with the "
                "residence cancellation.",
            ),
        ),
        (
            _SEED_001,
            "catalog.json 1.011537 (sample: xã Vĩnh Tú, Quảng Trị, 29/12/2023)",
            "catalog.json 1.000656, 1.003197; imported.jsonl 1.014177 (dichvucong.gov.vn)",
            _DECREE_63,
        ),
        left_out="Hỗ trợ chi phí mai táng (bảo trợ xã hội: 1.001731, hưu trí xã hội: 1.014028) and the survivors' "
        "benefit (2.000821) depend on the deceased's group; the portal files the social-insurance funeral "
        "allowance (1.014177) only.",
    ),
}
