"""The search answers citizens' own words: the evaluation set (tests/search_eval) on the shipped catalog."""

import hashlib

from portal.procedures.catalog import shipped_index
from portal.procedures.service import ProcedureFilter
from tests.search_eval.evaluation import SETS, evaluate, figures, portal_search, read_needs


def test_the_sets_hold_600_needs_over_40_fields_in_both_languages():
    needs = [n for path in SETS.values() for n in read_needs(path)]
    assert len(needs) >= 600 and len({n.field for n in needs}) >= 40
    assert {"vi", "en"} <= {n.language for n in needs}


def test_the_frozen_test_set_is_the_one_written_before_tuning():
    """Its figure means something only if it never changed after the search was tuned (commit 9637223)."""
    digest = hashlib.sha256(SETS["test"].read_bytes()).hexdigest()
    assert digest == "fbe909b934c683f1fb6f99e0eee425e6423c104f4cb72fb790d79cae5558209a"


def test_the_test_set_figure_holds():
    """93.2% top-3 and 80.0% top-1 when measured (the weights chosen on the development set): the issue's
    floor is 90% top-3 (docs/capabilities/procedures-and-search.md#evaluation)."""
    f = figures(evaluate(portal_search(), read_needs(SETS["test"])))
    assert f["top3"] >= 0.90 and f["top1"] >= 0.75, f


def test_the_three_searches_of_the_issue_find_their_procedure_first():
    search = portal_search()
    # the commune's re-issue before the same one published for the province and the ministry
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
