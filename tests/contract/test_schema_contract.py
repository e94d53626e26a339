"""graphql/ is the contract third-party apps and the frontend use: it must match the code."""

from pathlib import Path

import pytest

from graphql import OperationDefinitionNode, build_schema, parse, validate
from infra.export_schema import SCHEMA_FILE, printed_schema

OPERATIONS = sorted((SCHEMA_FILE.parent / "operations").glob("*.graphql"))


def test_the_committed_schema_is_the_one_printed_from_the_code():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == printed_schema(), (
        "run `make schema` and commit graphql/schema.graphql"
    )


def test_the_contract_folder_is_not_a_python_package():
    assert not (SCHEMA_FILE.parent / "__init__.py").exists()  # it would shadow graphql-core


@pytest.mark.parametrize("path", OPERATIONS, ids=lambda p: p.stem)
def test_each_operation_file_holds_one_operation_named_after_it_that_validates(path: Path):
    document = parse(path.read_text(encoding="utf-8"))
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    assert [op.name.value for op in operations] == [path.stem]
    assert validate(build_schema(SCHEMA_FILE.read_text(encoding="utf-8")), document) == []


def test_the_frontend_sends_exactly_the_contracts_operations():
    from infra.export_operations import TARGET, operations_module

    assert TARGET.read_text(encoding="utf-8") == operations_module(), (
        "run `make schema` and commit frontend/assets/operations.js"
    )


def test_the_persisted_operations_registry_is_the_contracts_operations():
    from infra.export_persisted import TARGET, registry_file

    assert TARGET.read_text(encoding="utf-8") == registry_file(), (
        "run `make schema` and commit functions/portal/api/graphql/persisted_operations.json"
    )
