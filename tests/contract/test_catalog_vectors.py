"""The catalog's vectors shipped for semantic search are those of the shipped catalog: they cannot drift."""

import numpy as np

from infra.reference.catalog_vectors import fingerprint
from portal.procedures.catalog import shipped_index
from portal.procedures.semantic import VECTORS_FILE, CatalogVectors
from tests.support.catalog import catalog


def test_the_vectors_are_a_fresh_embedding_of_the_catalog():
    with np.load(VECTORS_FILE) as data:
        shipped = str(data["fingerprint"])
    procedures = sorted(catalog(), key=lambda p: p.code)
    assert shipped == fingerprint(procedures), "run `python -m infra.reference.catalog_vectors`"


def test_one_unit_vector_per_procedure_of_the_index_in_its_order():
    vectors = CatalogVectors.load()
    assert vectors.codes == [p.code for p in shipped_index().procedures]
    norms = np.linalg.norm(vectors._vietnamese, axis=1)  # noqa: SLF001 - the quantized rows stay unit vectors
    assert np.all(np.abs(norms - 1) < 0.01)
