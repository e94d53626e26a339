"""The search index's data shipped to Lambda is generated from the reference catalog: it cannot drift."""

from infra.reference.catalog_index import build
from portal.procedures.index_file import INDEX_FILE


def test_the_committed_index_is_a_fresh_generation():
    assert INDEX_FILE.read_text(encoding="utf-8") == build(), "run `python -m infra.reference.catalog_index`"


def test_the_committed_syllable_pairs_are_a_fresh_generation():
    from infra.reference.catalog_index import build_pairs
    from portal.procedures.phrases import PAIRS_FILE

    assert PAIRS_FILE.read_text(encoding="utf-8") == build_pairs(), "run `python -m infra.reference.catalog_index`"


def test_the_shipped_index_reads_back_as_the_source_catalog_and_its_terms():
    """The compact encoding (postings as 16-bit arrays) loses nothing: what a container loads is what
    indexing the reference catalog yields."""
    from array import array
    from dataclasses import replace

    from portal.procedures import index_file
    from portal.procedures.search import index_terms
    from tests.support.catalog import catalog

    source = sorted((p.summary() for p in catalog()), key=lambda s: s.code)
    summaries, terms = index_file.load()
    # everyday names are in the terms only: they are searched, never shown
    assert summaries == [replace(s, everyday_names="", everyday_names_en="") for s in source]
    fresh = index_terms(source)
    assert all(isinstance(flat, array) for flat in terms.postings.values())
    assert {word: list(flat) for word, flat in terms.postings.items()} == fresh.postings
    assert terms.doc_length == fresh.doc_length
