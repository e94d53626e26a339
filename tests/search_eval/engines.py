"""Maintained engines searched like the portal's own index, to compare on the evaluation set.

Each gets the same national procedures, folded text (accents off, abbreviations written out), and either
the citizen's words as typed (`raw`) or as the portal reads them (synonyms and asking words applied,
`read`), so the comparison is of the ranking, not of the table of synonyms.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.search_eval.evaluation import Search


def _national():
    from portal.procedures.catalog import shipped_index
    from portal.procedures.search import _normalize

    index = shipped_index()
    docs = [p for p in index.procedures if p.province_code is None]
    return docs, _normalize


def _reader(read: bool) -> Callable[[str], str]:
    from portal.procedures.search import _normalize
    from portal.procedures.synonyms import rewrite

    if read:
        return lambda q: " ".join(rewrite(_normalize(q).split(), _normalize))
    return _normalize


def rapidfuzz_search(read: bool = True) -> Search:
    """rapidfuzz's WRatio (fuzzy token matching, typo-tolerant) of the query against each name + field."""
    from rapidfuzz import fuzz, process

    docs, normalize = _national()
    choices = [f"{normalize(p.name)} {normalize(p.field)}" for p in docs]
    reader = _reader(read)

    def search(query: str) -> Sequence[str]:
        found = process.extract(reader(query), choices, scorer=fuzz.WRatio, limit=10)
        return [docs[i].code for _, _, i in found]

    return search


def tantivy_search(read: bool = True) -> Search:
    """tantivy (Rust, BM25) over name (boosted), field and agency, each query word optional."""
    import tantivy

    docs, normalize = _national()
    schema_builder = tantivy.SchemaBuilder()
    schema_builder.add_text_field("code", stored=True, tokenizer_name="raw")
    for name in ("name", "field", "agency"):
        schema_builder.add_text_field(name)
    schema = schema_builder.build()
    index = tantivy.Index(schema)
    writer = index.writer(50_000_000, 1)
    for p in docs:
        writer.add_document(
            tantivy.Document(code=p.code, name=normalize(p.name), field=normalize(p.field), agency=normalize(p.agency))
        )
    writer.commit()
    index.reload()
    searcher = index.searcher()
    reader = _reader(read)

    def search(query: str) -> Sequence[str]:
        words = [w for w in reader(query).split() if w.isalnum()]
        if not words:
            return []
        parsed = index.parse_query(" ".join(words), ["name", "field", "agency"], field_boosts={"name": 3.0})
        hits = searcher.search(parsed, 10).hits
        return [searcher.doc(address)["code"][0] for _, address in hits]

    return search


def build(name: str, read: bool = True) -> Search:
    return {"rapidfuzz": rapidfuzz_search, "tantivy": tantivy_search}[name](read)
