"""Every field that takes an id (an argument or input field named id, ids, ...Id or ...Ids, found in the
schema itself, so a new one is covered the day it is added) refuses an empty or malformed id with a typed
error: never INTERNAL_SERVER_ERROR (issue 25, item 3: markNotificationsRead(ids: [""]) reached DynamoDB
with an empty sort key). Each is called as a citizen, an officer and an admin; the other arguments get
plain well-typed values."""

from __future__ import annotations

import re

import pytest

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    Undefined,
    get_named_type,
    is_composite_type,
)

ID_NAME = re.compile(r"^(id|ids|.*Id|.*Ids)$")
BAD_IDS = ["", "   ", "a\x00#../b", "x" * 300]
SCALARS = {"String": "x", "Int": 1, "Float": 1.0, "Boolean": False, "Date": "2026-03-02", "JSON": "{}"}
SCALARS["DateTime"] = "2026-03-02T09:00:00+07:00"


def _value(kind, bad=None, path=()):
    """A well-typed value of `kind`; the id at `path` (names within input objects) set to `bad`."""
    if isinstance(kind, GraphQLNonNull):
        return _value(kind.of_type, bad, path)
    if isinstance(kind, GraphQLList):
        return [_value(kind.of_type, bad, path)]
    if isinstance(kind, GraphQLInputObjectType):
        value = {}
        for name, field in kind.fields.items():
            if path and name == path[0]:
                value[name] = _value(field.type, bad, path[1:])
            elif isinstance(field.type, GraphQLNonNull) and field.default_value is Undefined:
                value[name] = _value(field.type)
        return value
    if isinstance(kind, GraphQLEnumType):
        return next(iter(kind.values))
    if bad is not None and not path:
        return bad
    return SCALARS.get(kind.name, "x")


def _id_paths(kind, seen=()):
    """The paths to id fields inside an input type."""
    kind = get_named_type(kind)
    if not isinstance(kind, GraphQLInputObjectType) or kind.name in seen:
        return []
    paths = []
    for name, field in kind.fields.items():
        if ID_NAME.match(name) and get_named_type(field.type).name == "String":
            paths.append((name,))
        paths += [(name, *rest) for rest in _id_paths(field.type, (*seen, kind.name))]
    return paths


def _cases():
    from portal.api.graphql.schema import build_schema

    schema = build_schema()._schema
    cases = []
    for operation, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        for field_name, field in root.fields.items():
            for arg_name, arg in field.args.items():
                paths = [()] if ID_NAME.match(arg_name) and get_named_type(arg.type).name == "String" else []
                paths += _id_paths(arg.type)
                for path in paths:
                    cases.append((operation, field_name, arg_name, path))
    return cases


CASES = _cases()


def test_the_schema_has_id_fields_to_check():
    names = {(field, arg, path) for _, field, arg, path in CASES}
    assert ("markNotificationsRead", "input", ("ids",)) in names
    assert ("documentDownload", "documentId", ()) in names
    assert len(CASES) >= 20


@pytest.mark.parametrize(("operation", "field_name", "arg_name", "path"), CASES, ids=lambda c: str(c))
def test_an_empty_or_malformed_id_gets_a_typed_error(api, people, operation, field_name, arg_name, path):
    from portal.api.graphql.schema import build_schema

    schema = build_schema()._schema
    root = schema.query_type if operation == "query" else schema.mutation_type
    field = root.fields[field_name]
    selection = " { __typename }" if is_composite_type(get_named_type(field.type)) else ""
    declared = ", ".join(f"${name}: {arg.type}" for name, arg in field.args.items())
    passed = ", ".join(f"{name}: ${name}" for name in field.args)
    document = f"{operation} Probe({declared}) {{ {field_name}({passed}){selection} }}"
    tokens = {"citizen": people.citizen(), "officer": people.officer("hcc-01"), "admin": people.admin()}
    for bad in BAD_IDS:
        variables = {}
        for name, arg in field.args.items():
            if name == arg_name:
                variables[name] = _value(arg.type, bad, path)
            elif isinstance(arg.type, GraphQLNonNull) and arg.default_value is Undefined:
                variables[name] = _value(arg.type)
        for who, token in tokens.items():
            r = api.query(document, variables, token=token)
            assert r.status < 500, (who, bad, r.status, r.body)
            assert "INTERNAL_SERVER_ERROR" not in r.error_codes, (who, repr(bad), r.body)
            assert all(code for code in r.error_codes), (who, repr(bad), r.body)  # every error typed
