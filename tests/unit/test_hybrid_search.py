"""Search by words and meaning (procedures/hybrid.py), on a small catalog with a stand-in model."""

import numpy as np
import pytest

from portal.procedures.hybrid import HybridIndex, reads_as_unmarked_vietnamese
from portal.procedures.model import Level, ProcedureSummary
from portal.procedures.search import SearchIndex
from portal.procedures.semantic import CatalogVectors, quantize


def _procedure(code: str, name: str, popularity: int = 0) -> ProcedureSummary:
    return ProcedureSummary(
        code, name, "", "Hộ tịch", "Civil status", (Level.COMMUNE,), "UBND cấp xã", "", None, True, False,
        popularity=popularity,
    )  # fmt: skip


PROCEDURES = [
    _procedure("1.000001", "Đăng ký khai sinh", popularity=3),
    _procedure("1.000002", "Đăng ký thành lập hộ kinh doanh", popularity=2),
    _procedure("1.000003", "Cấp giấy phép khai thác khoáng sản"),
]
# A stand-in model: each procedure is one axis; a query "means" what its table says.
AXES = np.eye(3, dtype=np.float32)
MEANINGS = {"mở quán tạp hóa": [0.1, 0.99, 0.1], "khai sinh": [0.9, 0.1, 0.3], "đăng ký": [0.5, 0.5, 0.5]}


def _embed(text: str) -> np.ndarray:
    vector = np.array(MEANINGS.get(text, [0.3, 0.3, 0.9]), dtype=np.float32)
    return vector / np.linalg.norm(vector)


def _index(embed=_embed) -> HybridIndex:
    rows, scale = quantize(AXES)
    vectors = rows.astype(np.float32) * scale[:, None]
    return HybridIndex(SearchIndex(PROCEDURES), CatalogVectors([p.code for p in PROCEDURES], vectors, vectors), embed)


def test_a_need_sharing_no_word_with_the_name_is_found_by_its_meaning():
    assert [h.procedure.code for h in _index().search("mở quán tạp hóa")][0] == "1.000002"


def test_words_and_meaning_agreeing_rank_first():
    assert _index().search("khai sinh")[0].procedure.code == "1.000001"


def test_a_code_and_an_empty_query_are_the_lexical_index_alone():
    assert [h.procedure.code for h in _index().search("1.000003")] == ["1.000003"]
    assert len(_index().search("")) == 3


def test_a_failing_model_leaves_the_lexical_ranking_whole():
    def broken(text: str) -> np.ndarray:
        raise RuntimeError("model unavailable")

    lexical = [h.procedure.code for h in SearchIndex(PROCEDURES).search("khai sinh")]
    assert [h.procedure.code for h in _index(broken).search("khai sinh")] == lexical


def test_vectors_of_another_catalog_are_refused():
    vectors = CatalogVectors(["9.999999"] * 3, AXES, AXES)
    with pytest.raises(ValueError, match="catalog_vectors"):
        HybridIndex(SearchIndex(PROCEDURES), vectors, _embed)


@pytest.mark.parametrize(
    ("query", "unmarked"),
    [
        ("dang ky khai sinh cho con", True),
        ("lam lai so do bi mat", True),
        ("đăng ký khai sinh", False),
        ("how do I register a birth", False),
        ("work permit for foreigners", False),
    ],
)
def test_vietnamese_typed_without_marks_is_told_from_english(query, unmarked):
    assert reads_as_unmarked_vietnamese(query) is unmarked
