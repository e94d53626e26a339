"""python -m tests.search_eval [--misses] [--engine hand|rapidfuzz|tantivy]"""

from __future__ import annotations

import argparse

from tests.search_eval.evaluation import evaluate, figures, portal_search, read_needs


def main() -> None:
    parser = argparse.ArgumentParser(description="search evaluation: top-1, top-3, MRR")
    parser.add_argument("--misses", action="store_true", help="list the needs not answered in the top 3")
    parser.add_argument("--engine", default="hand", choices=("hand", "rapidfuzz", "tantivy"))
    args = parser.parse_args()
    if args.engine == "hand":
        search = portal_search()
    else:
        from tests.search_eval import engines

        search = engines.build(args.engine)
    results = evaluate(search, read_needs())
    f = figures(results)
    print(
        f"{args.engine}: {f['needs']} needs across {f['fields']} fields: "
        f"top-1 {f['top1']:.1%}, top-3 {f['top3']:.1%}, MRR {f['mrr']:.3f}"
    )
    if args.misses:
        for r in results:
            if r.rank is None or r.rank > 3:
                found = search(r.need.query)[:3]
                print(f"  {r.rank or '-':>2}  {r.need.query!r}  expected {sorted(r.need.codes)}  got {found}")


if __name__ == "__main__":
    main()
