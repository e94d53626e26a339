"""python -m tests.search_eval [--set dev|test|earlier|all] [--engine hybrid|lexical|semantic] [--misses]

Prints top-1, top-3 and MRR per set and per kind of need (`make eval`). --misses lists the needs not in
the top 3: use it on the development set only (tuning on the test set would void its figure).
"""

from __future__ import annotations

import argparse

from tests.search_eval.evaluation import SETS, by_kind, evaluate, figures, portal_search, read_needs


def _line(label: str, f: dict[str, float]) -> str:
    return f"  {label:<14} {int(f['needs']):>4}  top-1 {f['top1']:6.1%}  top-3 {f['top3']:6.1%}  MRR {f['mrr']:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description="search evaluation: top-1, top-3, MRR per set and kind")
    parser.add_argument("--set", default="all", choices=(*SETS, "all"))
    parser.add_argument("--engine", default="hybrid", choices=("hybrid", "lexical", "semantic"))
    parser.add_argument("--misses", action="store_true", help="the needs not answered in the top 3")
    args = parser.parse_args()
    search = portal_search(args.engine)
    for name in SETS if args.set == "all" else (args.set,):
        results = evaluate(search, read_needs(SETS[name]))
        f = figures(results)
        print(f"{args.engine} on the {name} set: {f['needs']} needs across {f['fields']} fields")
        print(_line("all", f))
        for kind, kf in by_kind(results).items():
            print(_line(kind, kf))
        if args.misses:
            for r in results:
                if r.rank is None or r.rank > 3:
                    found = search(r.need.query)[:3]
                    print(f"    {r.rank or '-':>2}  {r.need.query!r}  expected {sorted(r.need.codes)}  got {found}")


if __name__ == "__main__":
    main()
