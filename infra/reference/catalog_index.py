"""Write the search index's data that ships with the function (portal/procedures/data/catalog_index.json).

python -m infra.reference.catalog_index      (also run by `make schema`)
"""

from __future__ import annotations

from infra.reference.catalog import load_catalog
from portal.procedures import index_file


def build() -> str:
    return index_file.dumps(p.summary() for p in load_catalog()[1])


def main() -> None:
    text = build()
    index_file.INDEX_FILE.write_text(text, encoding="utf-8")
    print(f"{index_file.INDEX_FILE}: {len(text.encode()) // 1024} KiB")


if __name__ == "__main__":
    main()
