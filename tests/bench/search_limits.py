"""The search's worst cases, in process on the real catalog: what an attacker can send, timed and weighed.

    .venv/bin/python -m tests.bench.search_limits [-n 200]

A word past the limit (195 KiB, the report's attack) is refused before the index; the longest allowed
word, the most words allowed, and the longest catalog name pasted are answered. For each: p50/p99 time
(the event loop is blocked for that long: it must stay far under a millisecond or two) and the peak
memory one search allocates (tracemalloc). Writes bench-results/search_limits.json.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import string
import sys
import tracemalloc


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=200)
    args = parser.parse_args()

    from infra.reference.catalog import load_catalog
    from portal.errors import InvalidInput
    from portal.procedures import service
    from portal.procedures.search import MAX_FUZZY_LENGTH, SearchIndex
    from portal.procedures.search_limits import MAX_SEARCH_LENGTH, MAX_SEARCH_WORDS
    from tests.bench.figures import header, measure, save

    procedures = load_catalog()[1]
    index = SearchIndex(procedures)

    class Catalog:
        def index(self) -> SearchIndex:
            return index

    draw = random.Random(7)

    def letters(n: int) -> str:
        return "".join(draw.choice(string.ascii_lowercase) for _ in range(n))

    def search(text: str):
        def call():
            with contextlib.suppress(InvalidInput):  # the refusal is what is timed
                service.search_procedures(Catalog(), text, service.ProcedureFilter(), 20, None)

        return call

    cases = {
        "refused: one word of 195 KiB": letters(195 * 1024),
        f"longest expanded word ({MAX_FUZZY_LENGTH} letters)": letters(MAX_FUZZY_LENGTH),
        f"longest allowed word ({MAX_SEARCH_LENGTH} letters)": letters(MAX_SEARCH_LENGTH),
        f"most words allowed ({MAX_SEARCH_WORDS} x 5 letters)": " ".join(letters(5) for _ in range(MAX_SEARCH_WORDS)),
        "longest catalog name, pasted": max((p.name for p in procedures), key=len),
        "a typical search (dang ky khai sonh)": "dang ky khai sonh",
    }
    header(f"Search worst cases on the catalog ({len(procedures)} procedures)")
    rows = []
    for name, text in cases.items():
        timing = measure(name, search(text), n=args.n, warmup=5)
        tracemalloc.start()
        search(text)()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{timing.row()}  peak {peak / 1024:8.1f} KiB")
        rows.append({**timing.__dict__, "peak_kib": round(peak / 1024, 1)})
    print(f"  -> {save('search_limits', rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
