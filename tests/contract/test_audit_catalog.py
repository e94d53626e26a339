"""`make audit-catalog` in its CI-safe mode (no crawl copies): every stored source text, read again by the
importer's own readers, gives the value served; a changed value is caught (issue 26)."""

from __future__ import annotations

import copy

from infra.reference import audit_catalog


def test_the_ci_safe_audit_finds_no_differing_or_unsourced_detail(capsys):
    """Every field, the hand-checked entries' processing times with their units included."""
    status = audit_catalog.main([])
    printed = capsys.readouterr().out
    assert "CI-safe mode" in printed
    assert status == 0, printed
    assert "total" in printed


def test_a_value_that_is_not_what_its_source_text_says_is_counted_as_differing():
    audit = audit_catalog.Audit(None, None)
    audit.full = False
    file = "https://github.com/chatbot-tthc/chatbot_tthc/blob/x/scripts/crawler/data/raw/bo-cong-an/3.000349.json"
    cell = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp10 Ngày làm việc135 VNĐ(Lệ phí: 135.000 đồng/lần.)"
    entry = {
        "code": "3.000349",
        "fees": [
            {
                "channel": "in_person",
                "description": "135 VNĐ (Lệ phí: 135.000 đồng/lần.)",
                "amount": 135000,
                "currency": "VND",
                "amount_vnd": 135000,
            }
        ],
        "source_files": [file],
        "sources": {"fees": [0, "cach_thuc_thuc_hien"]},
        "source_texts": {"cach_thuc_thuc_hien": cell},
        "conditions": "Không có nguồn",
    }
    audit.imported(entry)
    assert audit.counts["fees"]["right"] == 1
    assert audit.counts["conditions"]["no source"] == 1
    wrong = copy.deepcopy(entry)
    wrong["fees"][0].update(amount=135, amount_vnd=135)
    audit.imported(wrong)
    assert audit.counts["fees"]["differs"] == 1
    assert audit.report({"fees"}) == 1
