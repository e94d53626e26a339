"""Search by words and meaning (procedures/hybrid.py), on a small catalog with a stand-in model."""

import pytest

from portal.procedures.hybrid import HybridIndex, reads_as_unmarked_vietnamese
from portal.procedures.model import Level, ProcedureSummary
from portal.procedures.search import SearchIndex
from portal.procedures.semantic import Cosines, codes_fingerprint, decode, encode


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
FINGERPRINT = codes_fingerprint([p.code for p in PROCEDURES])
# A stand-in model: what each question "means", as its cosine with each procedure.
MEANINGS = {"mở quán tạp hóa": [0.80, 0.91, 0.78], "khai sinh": [0.92, 0.80, 0.81]}


def _cosines(text: str) -> Cosines:
    return Cosines(FINGERPRINT, MEANINGS.get(text, [0.8, 0.8, 0.9]))


def _index(cosines=_cosines) -> HybridIndex:
    return HybridIndex(SearchIndex(PROCEDURES), cosines)


def test_a_need_sharing_no_word_with_the_name_is_found_by_its_meaning():
    assert [h.procedure.code for h in _index().search("mở quán tạp hóa")][0] == "1.000002"


def test_words_and_meaning_agreeing_rank_first():
    assert _index().search("khai sinh")[0].procedure.code == "1.000001"


def test_a_code_and_an_empty_query_are_the_lexical_index_alone():
    assert [h.procedure.code for h in _index().search("1.000003")] == ["1.000003"]
    assert len(_index().search("")) == 3


def test_a_failing_model_leaves_the_lexical_ranking_whole():
    def broken(text: str) -> Cosines:
        raise RuntimeError("model unavailable")

    lexical = [h.procedure.code for h in SearchIndex(PROCEDURES).search("khai sinh")]
    assert [h.procedure.code for h in _index(broken).search("khai sinh")] == lexical


def test_cosines_of_another_catalog_are_not_used():
    def other_catalog(text: str) -> Cosines:
        return Cosines("another", [0.1, 0.9, 0.1])

    lexical = [h.procedure.code for h in SearchIndex(PROCEDURES).search("mở quán tạp hóa")]
    assert [h.procedure.code for h in _index(other_catalog).search("mở quán tạp hóa")] == lexical


def test_cosines_travel_as_16_bit_integers_within_a_hair():
    answer = decode(encode("abc", [0.8731, -0.25, 1.0]))
    assert answer.fingerprint == "abc"
    assert answer.values == pytest.approx([0.8731, -0.25, 1.0], abs=1e-4)


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


class _FakeLambda:
    def __init__(self, answer: dict, error: str | None = None) -> None:
        self.answer, self.error, self.asked = answer, error, []

    def invoke(self, FunctionName: str, Payload: bytes) -> dict:  # noqa: N803 - boto3's names
        import io
        import json

        self.asked.append((FunctionName, json.loads(Payload)))
        answer = {"Payload": io.BytesIO(json.dumps(self.answer).encode())}
        return {**answer, "FunctionError": self.error} if self.error else answer


def test_in_aws_the_api_asks_the_semantic_search_function(monkeypatch):
    import boto3

    from portal import semantic_search

    fake = _FakeLambda(encode(FINGERPRINT, [0.80, 0.91, 0.78]))
    monkeypatch.setattr(boto3, "client", lambda service, region_name: fake)
    ask = semantic_search.function("portal-semantic", "ap-southeast-1")
    index = _index(ask)
    assert index.search("mở quán tạp hóa")[0].procedure.code == "1.000002"
    assert fake.asked == [("portal-semantic", {"query": "mở quán tạp hóa"})]


def test_a_failed_semantic_search_function_leaves_the_words(monkeypatch):
    import boto3

    from portal import semantic_search

    fake = _FakeLambda({"errorMessage": "boom"}, error="Unhandled")
    monkeypatch.setattr(boto3, "client", lambda service, region_name: fake)
    lexical = [h.procedure.code for h in SearchIndex(PROCEDURES).search("khai sinh")]
    index = _index(semantic_search.function("portal-semantic", "ap-southeast-1"))
    assert [h.procedure.code for h in index.search("khai sinh")] == lexical
