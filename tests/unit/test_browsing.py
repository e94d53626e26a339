"""Browsing without typing (procedures/browsing.py and the empty search of procedures/service.py): the most
filed procedures first, fields and agencies with the counts their filters list."""

from portal.procedures import service
from portal.procedures.browsing import CatalogGroup, agencies_with_counts, fields_with_counts, popular_first
from portal.procedures.catalog import Catalog, shipped_index
from portal.procedures.search import SearchIndex
from tests.support.factories import make_procedure

PROCEDURES = [
    make_procedure(code="1.000001", name="Hải quan đối với khí", field="Hải quan", agency="Cục Hải quan").summary(),
    make_procedure(
        code="1.000002", name="Hải quan đối với dầu", field="Hải quan", agency="Cục Hải quan, Bộ Tài chính"
    ).summary(),
    make_procedure(
        code="1.004222",
        name="Đăng ký thường trú",
        field="Đăng ký, quản lý cư trú",
        popularity=2,
        agency="Công an cấp xã",
    ).summary(),
    make_procedure(code="1.001193", name="Đăng ký khai sinh", field="Hộ tịch", popularity=2).summary(),
    make_procedure(
        code="2.000528", name="Đăng ký khai sinh có yếu tố nước ngoài", field="hộ tịch", popularity=1
    ).summary(),
    make_procedure(code="2.999999", name="Thủ tục riêng của tỉnh", field="Hộ tịch", province_code="01").summary(),
]


class NoDetails:
    def get_many(self, codes):
        return {}


def empty_search(catalog: Catalog, **filters) -> list[str]:
    page = service.search_procedures(catalog, None, service.ProcedureFilter(**filters), 10, None)
    return [h.procedure.code for h in page.items]


def test_the_most_filed_come_first_then_by_code():
    assert [p.code for p in popular_first(PROCEDURES)] == [
        "1.001193",
        "1.004222",
        "2.000528",
        "1.000001",
        "1.000002",
        "2.999999",
    ]


def test_an_empty_search_lists_the_most_filed_first_not_the_code_order():
    catalog = Catalog(lambda: SearchIndex(PROCEDURES), NoDetails())
    assert empty_search(catalog) == ["1.001193", "1.004222", "2.000528", "1.000001", "1.000002"]
    assert empty_search(catalog, province_code="01")[-1] == "2.999999"
    assert empty_search(catalog, field="Hải quan") == ["1.000001", "1.000002"]
    assert service.search_procedures(catalog, "  ", service.ProcedureFilter(), 1, None).items[0].procedure.code == (
        "1.001193"
    ), "blank is empty"


def test_on_the_shipped_catalog_the_home_page_starts_with_what_citizens_file_not_with_customs():
    catalog = Catalog(shipped_index, NoDetails())
    first_page = service.search_procedures(catalog, "", service.ProcedureFilter(), 20, None).items
    assert "1.001193" in [h.procedure.code for h in first_page]  # birth registration
    assert not any(h.procedure.field == "Hải quan" for h in first_page)
    assert all(h.procedure.popularity == max(p.popularity for p in catalog.index().procedures) for h in first_page)


def test_fields_count_the_national_procedures_their_filter_lists_the_largest_first():
    assert fields_with_counts(PROCEDURES) == [
        CatalogGroup("Hải quan", "Civil status", 2),  # the factory's English field
        CatalogGroup("Hộ tịch", "Civil status", 2),  # «hộ tịch» folds alike; the province's own is not counted
        CatalogGroup("Đăng ký, quản lý cư trú", "Civil status", 1),
    ]


def test_an_agency_counts_every_procedure_naming_it_alone_or_in_a_list_as_the_filter_does():
    groups = {g.name: g.count for g in agencies_with_counts(PROCEDURES)}
    assert groups == {"Cục Hải quan": 2, "Ủy ban nhân dân cấp xã": 2, "Công an cấp xã": 1}, "lists are not groups"
    catalog = Catalog(lambda: SearchIndex(PROCEDURES), NoDetails())
    for name, count in groups.items():
        assert len(empty_search(catalog, agency=name)) == count, name


def test_on_the_shipped_catalog_each_field_and_agency_count_is_what_its_filter_lists():
    catalog = Catalog(shipped_index, NoDetails())
    fields = fields_with_counts(catalog.index().procedures)
    agencies = agencies_with_counts(catalog.index().procedures)
    assert len(fields) > 200 and len(agencies) > 200
    for group, filters in (
        (fields[0], {"field": fields[0].name}),
        (fields[-1], {"field": fields[-1].name}),
        (agencies[1], {"agency": agencies[1].name}),
    ):
        page = service.search_procedures(catalog, None, service.ProcedureFilter(**filters), 1, None)
        assert page.total == group.count, group
    assert any(g.name == "Hộ tịch" for g in fields)
