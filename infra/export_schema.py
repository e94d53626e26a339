"""Write graphql/schema.graphql, the SDL printed from the code (a test fails when they differ)."""

from __future__ import annotations

import sys
from pathlib import Path

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "graphql" / "schema.graphql"


def printed_schema() -> str:
    from portal.api.graphql.schema import build_schema

    return build_schema(introspection=True).as_str() + "\n"


def main() -> int:
    SCHEMA_FILE.write_text(printed_schema(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE.relative_to(Path.cwd()) if SCHEMA_FILE.is_relative_to(Path.cwd()) else SCHEMA_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
