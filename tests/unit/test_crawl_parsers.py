"""The readers of the public crawls (infra/reference/crawl_cells.py, crawl_markdown.py, catalog_import.py):
money with its currency, the second page format, notes kept apart from documents, a record of another
procedure refused, district-level texts flagged (issue 26)."""

from __future__ import annotations

import pytest

from infra.reference import catalog_import, crawl_cells, crawl_markdown


@pytest.mark.parametrize(
    ("cell", "amount", "currency", "amount_vnd"),
    [
        ("135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)", 135_000, "VND", 135_000),
        ("145 VNĐ(Thẻ tạm trú có thời hạn không quá 02 năm: 145 USD/thẻ.)", 145, "USD", None),
        ("145 USD(Thẻ tạm trú có thời hạn không quá 02 năm: 145 USD/thẻ.)", 145, "USD", None),
        ("250 VNĐ(250.000 đồng/ 1 môn thi)", 250_000, "VND", 250_000),
        ("20 VNĐ(20.000 vnđ /tờ khai)", 20_000, "VND", 20_000),
        ("150,000 Việt Nam ĐồngNộp hồ sơ trên cổng Dịch vụ công quốc gia", 150_000, "VND", 150_000),
        ("1,200,000 Việt Nam ĐồngPhí thẩm định", 1_200_000, "VND", 1_200_000),
        ("50.000 Đồng(Lệ phí)", 50_000, "VND", 50_000),
    ],
)
def test_a_fee_carries_its_currency_and_its_thousands_read_right(cell, amount, currency, amount_vnd):
    fee, understood = crawl_cells.fee(cell)
    assert understood
    assert (fee["amount"], fee["currency"], fee["amount_vnd"]) == (amount, currency, amount_vnd)


@pytest.mark.parametrize("cell", ["100 VNĐ(", "850 VNĐ", "40 Việt Nam Đồng(4.000 đ/giấy thông hành)"])
def test_an_amount_under_a_thousand_dong_the_text_does_not_state_is_unclear_never_a_number_of_dong(cell):
    fee, understood = crawl_cells.fee(cell)
    assert understood
    assert fee["amount"] is None and fee["amount_vnd"] is None and fee["currency"] is None
    assert fee["unclear"]


def test_a_bare_unit_is_no_fee_and_an_unclosed_free_cell_keeps_its_text_without_an_amount():
    assert crawl_cells.fee("VNĐ") == (None, True)
    fee, understood = crawl_cells.fee("Miễn phí(250.000 đ/lần Đồng (Sát hạch thực hành)  Phí: 400.000 đ/lần")
    assert understood and fee["amount"] is None and "250.000" in fee["description"]


FALLBACK_PAGE = """# Cấp chứng chỉ thẩm tra viên an toàn giao thông đường bộ

## Thông tin chung
* **Mã thủ tục:** 1.001692
* **Nguồn fallback:** https://vpcp.dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001692

## Cách thức thực hiện
Hình thức nộp Thời hạn giải quyết Phí, lệ phí Mô tả Trực tiếp 10 Ngày làm việc Lệ phí: 150 USDXem chi tiết \
10 ngày làm việc, kể từ ngày nhận đủ hồ sơ Trực tuyến 30 Ngày Phí: 500000 Đồng 30 ngày

## Thành phần hồ sơ
Bao gồm Tên giấy tờ Mẫu đơn, tờ khai Số lượng Tờ trình cấp chứng chỉ Mucb.docx Bản chính: 1 - Bản sao: 0 \
Quyết định công nhận kết quả thi Bản chính: 0 - Bản sao: 1 Lưu ý: nộp bản sao có chứng thực
"""


def test_the_second_page_format_gives_times_fees_documents_and_notes():
    values, parts = catalog_import._from_page(FALLBACK_PAGE)
    assert values["processing"] == [
        {
            "channel": "in_person",
            "amount": 10,
            "unit": "working_days",
            "note": "10 ngày làm việc, kể từ ngày nhận đủ hồ sơ",
        },
        {"channel": "online", "amount": 30, "unit": "days", "note": "30 ngày"},
    ]
    assert [(f["channel"], f["amount"], f["currency"], f["amount_vnd"]) for f in values["fees"]] == [
        ("in_person", 150, "USD", None),
        ("online", 500_000, "VND", 500_000),
    ]
    assert [(d["name"], d["originals"], d["copies"]) for d in values["documents"]] == [
        ("Tờ trình cấp chứng chỉ", 1, 0),
        ("Quyết định công nhận kết quả thi", 0, 1),
    ]
    assert values["document_notes"] == ["Lưu ý: nộp bản sao có chứng thực"]
    assert parts["fees"][0] == "fallback:Cách thức thực hiện"
    assert crawl_markdown.is_fallback(FALLBACK_PAGE)


def test_notes_and_headings_of_a_documents_table_are_not_documents():
    documents, notes = catalog_import.split_notes(
        [
            {"name": "Tờ khai", "originals": 1, "copies": 0, "note": ""},
            {"name": "Lưu ý: bản sao phải có chứng thực", "originals": 1, "copies": 1, "note": ""},
            {"name": "Trường hợp ủy quyền", "originals": 0, "copies": 0, "note": ""},
        ]
    )
    assert [d["name"] for d in documents] == ["Tờ khai"]
    assert notes == ["Lưu ý: bản sao phải có chứng thực", "Trường hợp ủy quyền"]


def test_a_record_is_the_procedure_its_own_code_and_name_say():
    raw = "Hỗ trợ phát triển sản xuất cộng đồng.Tên thủ tụcHỗ trợ phát triển sản xuất cộng đồng.Mã thủ tục1.014023Số"
    assert catalog_import.own_code(raw) == "1.014023"  # filed as 1.002544: dropped by the importer
    assert catalog_import.own_code("* **Mã thủ tục:** 1.001692") == "1.001692"
    assert not catalog_import.same_name("Hỗ trợ phát triển sản xuất cộng đồng.", "Hợp nhất công ty luật nước ngoài")
    assert catalog_import.same_name("Bổ nhiệm Thừa phát lại", "Bổ nhiệm Thừa hành viên")
    assert catalog_import.same_name(
        "Thủ tục điều chỉnh Quyết định chấp thuận nhà đầu tư thuộc thẩm",
        "Thủ tục điều chỉnh Quyết định chấp thuận nhà đầu tư thuộc thẩm quyền của UBND cấp tỉnh",
    )


def test_district_bodies_and_old_commune_names_are_flagged_and_a_district_variant_is_superseded():
    assert catalog_import.stale_notes({"competent_agency": "Công an huyện", "implementing_agency": None}) == [
        catalog_import.STALE_NOTES["district"]
    ]
    assert catalog_import.stale_notes({"competent_agency": "UBND xã, phường, thị trấn"}) == [
        catalog_import.STALE_NOTES["communes"]
    ]
    assert catalog_import.stale_notes({"competent_agency": "Công an cấp Xã"}) == []
    entries = [
        {"code": "1.010385", "name": "Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp huyện)"},
        {"code": "1.010386", "name": "Trình báo mất hộ chiếu phổ thông (thực hiện tại cấp xã)"},
    ]
    catalog_import._superseded(entries, counts := __import__("collections").Counter())
    assert entries[0]["superseded_by"] == "1.010386" and "superseded_by" not in entries[1]
    assert sum(counts.values()) == 1


def test_a_placeholder_headquarters_is_served_empty_with_a_note():
    from infra.reference.centers import _commune_address

    assert _commune_address({"address": "đang cập nhật", "lat": 1, "lon": 2}, "Xã A", "Tỉnh B")[0] == ""
    assert _commune_address({"address": "Đang cập nhật", "lat": 1, "lon": 2}, "Xã A", "Tỉnh B")[1]
    assert _commune_address({"address": "Số 2, phố Trúc Bạch", "lat": 1, "lon": 2}, "Xã A", "Tỉnh B") == (
        "Số 2, phố Trúc Bạch, Tỉnh B",
        "",
    )
