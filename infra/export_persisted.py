"""Write functions/portal/api/graphql/persisted_operations.json: the SHA-256 of every named operation of the
contract (graphql/operations/*.graphql, the exact text the site sends), the registry the API checks
requests against. Run by `make schema`; a test fails when it is stale.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OPERATIONS = ROOT / "graphql" / "operations"
TARGET = ROOT / "functions" / "portal" / "api" / "graphql" / "persisted_operations.json"


def operation_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def registry() -> dict[str, dict[str, str]]:
    entries = {}
    for path in sorted(OPERATIONS.glob("*.graphql")):
        text = path.read_text(encoding="utf-8")
        entries[operation_hash(text)] = {"name": path.stem, "query": text}
    return entries


def registry_file() -> str:
    return json.dumps(registry(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> int:
    TARGET.write_text(registry_file(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
