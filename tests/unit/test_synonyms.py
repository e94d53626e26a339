"""The synonym table: every everyday phrase leads to words the catalog really uses."""

import pytest

from portal.procedures.catalog import shipped_index
from portal.procedures.search import _normalize
from portal.procedures.synonyms import ABBREVIATIONS, STOP_WORDS, SYNONYMS, expand_abbreviations, rewrite


@pytest.fixture(scope="module")
def catalog_names() -> str:
    index = shipped_index()
    return " | ".join(index.folded_name(i) for i in range(len(index.procedures)))


@pytest.mark.parametrize(("said", "meant"), SYNONYMS)
def test_each_catalog_phrase_occurs_in_some_procedures_name(said, meant, catalog_names):
    words = _normalize(meant).split()
    assert all(f" {w} " in f" {catalog_names} " for w in words), f"{said!r} -> {meant!r}: not all in the catalog"


def test_everyday_names_are_read_as_the_catalogs():
    def read(q):
        return " ".join(rewrite(_normalize(q).split(), _normalize))

    assert read("đổi bằng lái xe") == "doi giay phep lai xe"
    assert read("sang tên sổ đỏ") == "dang ki bien dong quyen su dung dat"
    assert read("thẻ BHYT cho trẻ em") == "the bao hiem y te tre em"
    assert read("the bao hiem y te") == "the bao hiem y te"
    assert read("Tôi muốn cấp lại căn cước vì bị mất thẻ") == "cap lai can cuoc the"  # "bị mất": cấp lại


def test_abbreviations_are_written_out_on_both_sides():
    assert expand_abbreviations("the bhyt") == "the bao hiem y te"
    assert _normalize("Cấp lại thẻ BHYT") == _normalize("cấp lại thẻ bảo hiểm y tế")
    assert all(k.isascii() and " " not in k for k in ABBREVIATIONS)


def test_asking_words_alone_are_kept_rather_than_emptying_the_query():
    assert rewrite(["toi", "muon"], _normalize) == ["toi", "muon"]
    assert "can" not in STOP_WORDS and "the" not in STOP_WORDS  # căn (cước), thẻ
