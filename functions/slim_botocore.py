"""Slims the botocore data the package ships (run by functions/Makefile after the services are pruned).

A client's creation parses endpoints.json (1.25 MB, every service of every partition) and its service's
model (DynamoDB's: 556 KB, four fifths of it documentation). Kept: in every partition the endpoints of
the services still shipped, found by their models' endpointPrefix; each model's operations and shapes
without their documentation (botocore reads it there only to write docstrings, with a default); no
examples (docs only). Not shipped: this file itself.

    python slim_botocore.py ARTIFACTS_DIR/botocore/data
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path


def _without_documentation(node):
    if isinstance(node, dict):
        # a text, not a member that happens to be named so
        return {k: _without_documentation(v) for k, v in node.items() if k != "documentation" or not isinstance(v, str)}
    if isinstance(node, list):
        return [_without_documentation(v) for v in node]
    return node


def _read(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def _write(path: Path, document) -> None:
    text = json.dumps(document, separators=(",", ":"))
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode(), mtime=0))
    else:
        path.write_text(text, encoding="utf-8")


def slim(data: Path) -> None:
    prefixes = set()
    for model in data.glob("*/*/service-2.json*"):
        document = _read(model)
        prefixes.add(document["metadata"].get("endpointPrefix"))
        for part in ("operations", "shapes"):  # the bulk; clientContextParams must keep theirs (model.py)
            document[part] = _without_documentation(document.get(part, {}))
        _write(model, document)
    for examples in data.glob("*/*/examples-1.json*"):
        examples.unlink()
    endpoints = _read(data / "endpoints.json")
    for partition in endpoints["partitions"]:
        partition["services"] = {k: v for k, v in partition["services"].items() if k in prefixes}
    _write(data / "endpoints.json", endpoints)


if __name__ == "__main__":
    slim(Path(sys.argv[1]))
