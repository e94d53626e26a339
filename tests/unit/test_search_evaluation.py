"""The search answers citizens' own words: the evaluation set (tests/search_eval) on the shipped catalog."""

from portal.procedures.catalog import shipped_index
from portal.procedures.service import ProcedureFilter
from tests.search_eval.evaluation import evaluate, figures, portal_search, read_needs


def test_the_evaluation_set_covers_200_needs_across_15_fields():
    f = figures(evaluate(lambda q: [], read_needs()))
    assert f["needs"] >= 200 and f["fields"] >= 15


def test_top_3_answers_at_least_90_percent_of_the_needs():
    f = figures(evaluate(portal_search(), read_needs()))
    assert f["top3"] >= 0.90, f


def test_the_three_searches_of_the_issue_find_their_procedure_first():
    search = portal_search()
    assert search("Tôi muốn cấp lại căn cước vì bị mất thẻ")[0] == "1.014064"
    assert search("doi bang lai xe")[0] == "3.000347"
    assert search("the bhyt tre em")[0] in {"2.001023", "2.000986"}  # birth + health-insurance card, under 6


def test_a_provinces_own_procedures_are_found_for_that_province_only():
    index = shipped_index()
    local = next(p for p in index.procedures if p.province_code == "20")  # Lạng Sơn
    hits = [h.procedure.code for h in index.search(local.name)]
    assert local.code in hits
    national = [h.procedure.code for h in index.search(local.name) if ProcedureFilter().accepts(h.procedure)]
    in_province = [
        h.procedure.code for h in index.search(local.name) if ProcedureFilter(province_code="20").accepts(h.procedure)
    ]
    assert local.code not in national and local.code in in_province
