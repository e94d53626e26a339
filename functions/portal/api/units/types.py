"""GraphQL types of the administrative units and of address resolution."""

from __future__ import annotations

import strawberry

from portal import datasets
from portal.api.graphql.pagination import PageInfo
from portal.units import model, resolution

DivisionType = strawberry.enum(
    model.DivisionType,
    name="DivisionType",
    description="What a unit is called (Tỉnh, Thành phố, Xã, Phường, Đặc khu; before 2025 also Quận, Huyện, ...).",
)
AddressForm = strawberry.enum(resolution.AddressForm, name="AddressForm")
AddressPrecision = strawberry.enum(
    resolution.Precision, name="AddressPrecision", description="The finest level of the units read in the address."
)


@strawberry.type
class ReferenceDataset:
    name: str = strawberry.field(description="E.g. the package the data was read from: vietnam-provinces.")
    version: str
    note: str

    @classmethod
    def from_domain(cls, d: datasets.ReferenceDataset) -> ReferenceDataset:
        return cls(name=d.name, version=d.version, note=d.note)


@strawberry.type
class Province:
    code: str = strawberry.field(description="2 digits, e.g. 01.")
    name: str = strawberry.field(description="E.g. Thành phố Hà Nội, Cao Bằng.")
    short_name: str
    division_type: DivisionType

    @classmethod
    def from_domain(cls, p: model.Province) -> Province:
        return cls(code=p.code, name=p.name, short_name=p.short_name, division_type=p.division_type)


@strawberry.type
class Commune:
    code: str = strawberry.field(description="5 digits, e.g. 00097.")
    name: str = strawberry.field(description="E.g. Phường Hồng Hà.")
    short_name: str
    division_type: DivisionType
    province_code: str

    @classmethod
    def from_domain(cls, c: model.Commune) -> Commune:
        return cls(
            code=c.code,
            name=c.name,
            short_name=c.short_name,
            division_type=c.division_type,
            province_code=c.province_code,
        )


@strawberry.type
class CommuneEdge:
    node: Commune


@strawberry.type
class CommuneConnection:
    edges: list[CommuneEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type(description="A unit as it was before 1 July 2025 (codes of the General Statistics Office).")
class LegacyUnit:
    code: str
    name: str


@strawberry.type
class LegacyAddress:
    province: LegacyUnit
    district: LegacyUnit | None
    commune: LegacyUnit | None

    @classmethod
    def from_domain(cls, m: resolution.LegacyMatch) -> LegacyAddress:
        def unit(u: model.LegacyProvince | model.LegacyDistrict | model.LegacyCommune | None) -> LegacyUnit | None:
            return LegacyUnit(code=u.code, name=u.name) if u else None

        return cls(
            province=LegacyUnit(code=m.province.code, name=m.province.name),
            district=unit(m.district),
            commune=unit(m.commune),
        )


@strawberry.type
class AddressCandidate:
    province: Province
    commune: Commune | None = strawberry.field(description="Null when only the province could be read.")
    is_default: bool = strawberry.field(
        description="The one to propose when nothing more precise is known (for a split commune: the part "
        "the source dataset names by default)."
    )


@strawberry.type
class AddressResolution:
    text: str
    form: AddressForm = strawberry.field(description="How the address was read: old (pre-2025) or new form.")
    precision: AddressPrecision
    street: str | None = strawberry.field(description="What stands before the units: house number, street, ...")
    legacy: LegacyAddress | None = strawberry.field(description="The pre-2025 units read, for an old-form address.")
    split: bool = strawberry.field(
        description="The old commune was divided among several new communes: all of them are candidates."
    )
    ambiguous: bool = strawberry.field(description="Several units fit the text equally well: all are candidates.")
    candidates: list[AddressCandidate] = strawberry.field(description="Today's units, the most likely first.")
    message: str
    message_en: str

    @classmethod
    def from_domain(cls, r: resolution.Resolution) -> AddressResolution:
        message, message_en = explain(r)
        return cls(
            text=r.text,
            form=r.form,
            precision=r.precision,
            street=r.street,
            legacy=LegacyAddress.from_domain(r.legacy) if r.legacy else None,
            split=r.split,
            ambiguous=r.ambiguous,
            candidates=[
                AddressCandidate(
                    province=Province.from_domain(c.province),
                    commune=Commune.from_domain(c.commune) if c.commune else None,
                    is_default=c.is_default,
                )
                for c in r.candidates
            ],
            message=message,
            message_en=message_en,
        )


def explain(r: resolution.Resolution) -> tuple[str, str]:
    """One sentence for the citizen, Vietnamese first."""
    n = len(r.candidates)
    if not n:
        return "Không nhận ra đơn vị hành chính trong địa chỉ.", "No administrative unit was recognised."
    if r.split:
        return (
            f"Xã/phường cũ đã được chia cho {n} xã/phường mới: hãy chọn nơi bạn ở.",
            f"The old commune was divided among {n} new communes: choose where you live.",
        )
    if r.ambiguous:
        return (
            f"Có {n} đơn vị cùng tên phù hợp: hãy chọn đúng nơi bạn ở.",
            f"{n} units of the same name fit: choose where you live.",
        )
    if r.precision is resolution.Precision.DISTRICT:
        return (
            f"Chỉ đọc được quận/huyện cũ; nay thuộc {n} xã/phường: hãy chọn nơi bạn ở.",
            f"Only the old district was read; it is now part of {n} communes: choose where you live.",
        )
    if r.precision is resolution.Precision.PROVINCE:
        return "Chỉ đọc được tỉnh, thành phố.", "Only the province was read."
    return "Đã tìm được xã/phường hiện nay.", "Today's commune was found."
