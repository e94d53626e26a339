"""Write the search index's data that ships with the function (portal/procedures/data/catalog_index.json,
and its syllable pairs, catalog_pairs.json).

python -m infra.reference.catalog_index      (also run by `make schema`)
"""

from __future__ import annotations

from infra.reference.catalog import load_catalog
from portal.procedures import index_file
from portal.procedures.phrases import PAIRS_FILE, pair_index_text


def build() -> str:
    return index_file.dumps(p.summary() for p in load_catalog()[1])


def build_pairs() -> str:
    return pair_index_text(p.summary() for p in load_catalog()[1])


def main() -> None:
    for path, text in ((index_file.INDEX_FILE, build()), (PAIRS_FILE, build_pairs())):
        path.write_text(text, encoding="utf-8")
        print(f"{path}: {len(text.encode()) // 1024} KiB")


if __name__ == "__main__":
    main()
