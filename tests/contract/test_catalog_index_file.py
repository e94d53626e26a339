"""The search index's data shipped to Lambda is generated from the reference catalog: it cannot drift."""

from infra.reference.catalog_index import build
from portal.procedures.index_file import INDEX_FILE


def test_the_committed_index_is_a_fresh_generation():
    assert INDEX_FILE.read_text(encoding="utf-8") == build(), "run `python -m infra.reference.catalog_index`"
