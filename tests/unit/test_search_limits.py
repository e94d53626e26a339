"""A search cannot freeze the server: its text is bounded before the index is touched, and the typo
expansion of the longest allowed word costs kilobytes."""

import random
import string
import tracemalloc

import pytest

from portal.errors import InvalidInput
from portal.procedures import service
from portal.procedures.search import MAX_FUZZY_LENGTH, SearchIndex
from portal.procedures.search_limits import MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS
from tests.support.factories import make_procedure

INDEX = SearchIndex(
    [
        make_procedure(code="1.001193", name="Đăng ký khai sinh"),
        make_procedure(code="2.001711", name="Cấp Phiếu lý lịch tư pháp", name_en="Criminal record certificate"),
    ]
)


class UntouchableCatalog:
    """A catalog whose index must not be reached."""

    calls = 0

    def index(self) -> SearchIndex:
        self.calls += 1
        raise AssertionError("the index was touched")


def search(catalog, text: str):
    return service.search_procedures(catalog, text, service.ProcedureFilter(), None, None)


def random_word(length: int) -> str:
    """Letters drawn at random: every deletion of such a word is a different string."""
    draw = random.Random(length)
    return "".join(draw.choice(string.ascii_lowercase) for _ in range(length))


def test_a_word_longer_than_the_search_limit_is_refused_before_the_index_is_touched():
    catalog = UntouchableCatalog()
    with pytest.raises(InvalidInput) as refused:
        search(catalog, random_word(MAX_SEARCH_LENGTH + 1))
    assert catalog.calls == 0
    assert refused.value.code == "BAD_USER_INPUT"
    assert str(MAX_SEARCH_LENGTH) in refused.value.message_en and refused.value.problems[0].field == "search"
    assert len(refused.value.message) + len(refused.value.message_en) < 200  # the input is not echoed


def test_too_many_words_are_refused_before_the_index_is_touched_counting_words_as_the_index_splits_them():
    catalog = UntouchableCatalog()
    for text in (" ".join(["a"] * (MAX_SEARCH_WORDS + 1)), ",".join(["a"] * (MAX_SEARCH_WORDS + 1))):
        with pytest.raises(InvalidInput) as refused:
            search(catalog, text)
        assert str(MAX_SEARCH_WORDS) in refused.value.message_en
    assert catalog.calls == 0


def test_filters_are_bounded_too():
    catalog = UntouchableCatalog()
    with pytest.raises(InvalidInput):
        service.search_procedures(catalog, "", service.ProcedureFilter(agency="x" * 201), None, None)
    assert catalog.calls == 0


def test_the_longest_allowed_search_fits_the_limits_and_is_answered():
    assert search(_Catalog(), random_word(MAX_SEARCH_LENGTH)).items == []
    assert search(_Catalog(), " ".join(["khai"] * MAX_SEARCH_WORDS)).items  # every word matches


class _Catalog:
    def index(self) -> SearchIndex:
        return INDEX


@pytest.mark.parametrize("length", [MAX_FUZZY_LENGTH, MAX_SEARCH_LENGTH])
def test_the_longest_allowed_word_raises_memory_by_less_than_a_megabyte(length):
    word = random_word(length)
    tracemalloc.start()
    try:
        INDEX.search(word)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, peak


def test_typo_expansion_grows_linearly_with_the_longest_expanded_word():
    """Deletions of a word of n letters are n strings of n-1: bounded by the cap, not by the input."""
    tracemalloc.start()
    try:
        INDEX.search(random_word(MAX_FUZZY_LENGTH))
        _, at_cap = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        INDEX.search(random_word(MAX_SEARCH_LENGTH))
        _, past_cap = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert past_cap < at_cap + 64 * 1024, (at_cap, past_cap)


def test_a_mistyped_word_up_to_the_cap_is_still_forgiven():
    long_index = SearchIndex([make_procedure(code="1.000001", name="Chứng nhận " + "a" * (MAX_FUZZY_LENGTH - 1) + "b")])
    typo = "a" * (MAX_FUZZY_LENGTH - 1) + "c"
    assert [h.procedure.code for h in long_index.search(typo)] == ["1.000001"]
