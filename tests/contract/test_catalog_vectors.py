"""The catalog's vectors shipped for semantic search are those of the shipped catalog: they cannot drift."""

import numpy as np

from infra.reference.catalog_vectors import fingerprint
from portal.procedures.catalog import shipped_index
from portal.procedures.semantic import VECTORS_FILE, CatalogVectors, codes_fingerprint
from tests.support.catalog import catalog


def test_the_vectors_are_a_fresh_embedding_of_the_catalog():
    with np.load(VECTORS_FILE) as data:
        shipped = str(data["fingerprint"])
    procedures = sorted(catalog(), key=lambda p: p.code)
    assert shipped == fingerprint(procedures), "run `python -m infra.reference.catalog_vectors`"


def test_one_unit_vector_per_procedure_of_the_index_in_its_order():
    vectors = CatalogVectors.load()
    assert vectors.codes == [p.code for p in shipped_index().procedures]
    assert vectors.fingerprint == codes_fingerprint(vectors.codes)
    norms = np.linalg.norm(vectors._vietnamese, axis=1)  # noqa: SLF001 - the quantized rows stay unit vectors
    assert np.all(np.abs(norms - 1) < 0.01)


def test_the_semantic_search_function_answers_a_question_with_every_procedures_cosine():
    from portal.entrypoints.semantic_search import handler
    from portal.procedures.semantic import decode

    answer = decode(handler({"query": "làm giấy khai sinh cho con"}, None))
    index = shipped_index()
    assert answer.fingerprint == codes_fingerprint([p.code for p in index.procedures])
    nearest = max(range(len(answer.values)), key=answer.values.__getitem__)
    assert "khai sinh" in index.procedures[nearest].name.lower()
