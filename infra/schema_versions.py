"""The contract's versions: graphql/released/schema-<version>.graphql is the last schema released to
third-party apps; the schema printed from the code may only break it through a declared deprecation.

A breaking change (graphql-core's `find_breaking_changes`) is allowed only when the released schema
already marked the removed field, argument or enum value `@deprecated(reason: "... since YYYY-MM-DD ...")`
and DEPRECATION_DAYS have passed since that date: apps are told in the schema itself, and have time.

    python -m infra.schema_versions check     # what `make schema` checks (non-zero on an undeclared break)
    python -m infra.schema_versions release 1.1.0   # freeze the printed schema as the new released version
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from graphql import (
    BreakingChange,
    BreakingChangeType,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    build_schema,
    find_breaking_changes,
)

ROOT = Path(__file__).resolve().parent.parent
RELEASED = ROOT / "graphql" / "released"
DEPRECATION_DAYS = 90  # how long a deprecated part stays in the schema before it may be removed
DATED = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")

# graphql-core 3.3's wording: "Field Query.foo was removed.", "Argument Query.foo(bar:) was removed.",
# "Enum value Status.DONE was removed."
_FIELD_REMOVED = re.compile(r"^Field (?P<type>\w+)\.(?P<field>\w+) was removed\.$")
_ARG_REMOVED = re.compile(r"^Argument (?P<type>\w+)\.(?P<field>\w+)\((?P<arg>\w+):\) was removed\.$")
_VALUE_REMOVED = re.compile(r"^Enum value (?P<type>\w+)\.(?P<value>\w+) was removed\.$")


@dataclass(frozen=True)
class UndeclaredBreak:
    change: BreakingChange
    why: str

    def __str__(self) -> str:
        return f"{self.change.description} ({self.why})"


def _version_key(path: Path) -> tuple[int, ...]:
    return tuple(int(p) for p in path.stem.removeprefix("schema-").split("."))


def released_schema_file() -> Path:
    """The last released schema: the highest version in graphql/released."""
    files = sorted(RELEASED.glob("schema-*.graphql"), key=_version_key)
    if not files:
        raise FileNotFoundError(f"no released schema in {RELEASED}")
    return files[-1]


def deprecation_reason(schema: GraphQLSchema, change: BreakingChange) -> str | None:
    """The `@deprecated` reason the released schema gave for what `change` removed (None if none)."""
    text = change.description
    if change.type is BreakingChangeType.FIELD_REMOVED and (m := _FIELD_REMOVED.match(text)):
        owner = schema.get_type(m["type"])
        if isinstance(owner, GraphQLObjectType | GraphQLInterfaceType):
            field = owner.fields.get(m["field"])
            return field.deprecation_reason if field else None
        if isinstance(owner, GraphQLInputObjectType):
            field = owner.fields.get(m["field"])
            return field.deprecation_reason if field else None
    if change.type is BreakingChangeType.ARG_REMOVED and (m := _ARG_REMOVED.match(text)):
        owner = schema.get_type(m["type"])
        if isinstance(owner, GraphQLObjectType | GraphQLInterfaceType) and m["field"] in owner.fields:
            arg = owner.fields[m["field"]].args.get(m["arg"])
            return arg.deprecation_reason if arg else None
    if change.type is BreakingChangeType.VALUE_REMOVED_FROM_ENUM and (m := _VALUE_REMOVED.match(text)):
        owner = schema.get_type(m["type"])
        if isinstance(owner, GraphQLEnumType) and m["value"] in owner.values:
            return owner.values[m["value"]].deprecation_reason
    return None


def undeclared_breaks(released_sdl: str, current_sdl: str, today: date) -> list[UndeclaredBreak]:
    """The breaking changes from `released_sdl` to `current_sdl` that no deprecation period covers."""
    released = build_schema(released_sdl)
    found = []
    for change in find_breaking_changes(released, build_schema(current_sdl)):
        reason = deprecation_reason(released, change)
        if reason is None:
            found.append(UndeclaredBreak(change, "not deprecated in the released schema"))
            continue
        dated = DATED.search(reason)
        if dated is None:
            found.append(UndeclaredBreak(change, "its deprecation has no date"))
            continue
        ends = date.fromisoformat(dated[1]) + timedelta(days=DEPRECATION_DAYS)
        if today < ends:
            found.append(UndeclaredBreak(change, f"deprecated on {dated[1]}: removable from {ends.isoformat()}"))
    return found


def undated_deprecations(sdl: str) -> list[str]:
    """Every deprecated field, argument or enum value whose reason carries no YYYY-MM-DD date."""
    schema = build_schema(sdl)
    found = []
    for name, kind in schema.type_map.items():
        if name.startswith("__"):
            continue
        if isinstance(kind, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
            for field_name, field in kind.fields.items():
                if field.deprecation_reason is not None and not DATED.search(field.deprecation_reason):
                    found.append(f"{name}.{field_name}")
                for arg_name, arg in getattr(field, "args", {}).items():
                    if arg.deprecation_reason is not None and not DATED.search(arg.deprecation_reason):
                        found.append(f"{name}.{field_name}({arg_name})")
        if isinstance(kind, GraphQLEnumType):
            for value_name, value in kind.values.items():
                if value.deprecation_reason is not None and not DATED.search(value.deprecation_reason):
                    found.append(f"{name}.{value_name}")
    return found


def main(argv: list[str]) -> int:
    from infra.export_schema import printed_schema

    if argv[:1] == ["release"] and len(argv) == 2:
        target = RELEASED / f"schema-{argv[1]}.graphql"
        target.write_text(printed_schema(), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
        return 0
    breaks = undeclared_breaks(released_schema_file().read_text(encoding="utf-8"), printed_schema(), date.today())
    for problem in breaks:
        print(f"breaking change: {problem}", file=sys.stderr)
    return 1 if breaks else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
