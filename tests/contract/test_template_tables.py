"""template.yaml is the single source of truth for tables: the pynamodb models must agree with it."""

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from pynamodb.models import Model

from infra.tables import local_table_names
from infra.template import ROOT, TEMPLATE, table_resources
from portal.config import settings
from portal.store import (
    center_items,
    document_items,
    dossier_items,
    drafts,
    integration_items,
    notification_items,
    procedure_items,
    rate_limit_items,
)

MODULES = (
    procedure_items,
    center_items,
    dossier_items,
    rate_limit_items,
    notification_items,
    document_items,
    integration_items,
    drafts,  # the drafts live in the Dossiers table
)


def _models_by_table() -> dict[str, list[type[Model]]]:
    grouped = defaultdict(list)
    for module in MODULES:
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Model)
                and value is not Model
                and value.__module__ == module.__name__
            ):
                grouped[value.Meta.table_name].append(value)
    return grouped


def _keys(key_schema) -> dict[str, str]:
    return {k["AttributeName"]: k["KeyType"] for k in key_schema}


def _model_side(models):
    key_schemas = {tuple(sorted(_keys(m._get_schema()["key_schema"]).items())) for m in models}
    indexes, attributes = {}, {}
    for m in models:
        schema = m._get_schema()
        attributes.update({a["AttributeName"]: a["AttributeType"] for a in schema["attribute_definitions"]})
        for gsi in schema["global_secondary_indexes"]:
            indexes[gsi["index_name"]] = (_keys(gsi["key_schema"]), gsi["projection"]["ProjectionType"])
        assert not schema["local_secondary_indexes"]
    return key_schemas, indexes, attributes


def _template_side(properties):
    indexes = {
        gsi["IndexName"]: (_keys(gsi["KeySchema"]), gsi["Projection"]["ProjectionType"])
        for gsi in properties.get("GlobalSecondaryIndexes", [])
    }
    attributes = {a["AttributeName"]: a["AttributeType"] for a in properties["AttributeDefinitions"]}
    return _keys(properties["KeySchema"]), indexes, attributes


TABLES = sorted(local_table_names(settings()).items())


def test_every_model_has_a_table_in_the_template_and_every_table_a_model():
    assert set(_models_by_table()) == set(local_table_names(settings()).values())


@pytest.mark.parametrize(("logical_id", "table_name"), TABLES)
def test_models_and_template_agree_on_keys_indexes_and_key_types(logical_id, table_name):
    key_schemas, model_indexes, model_attributes = _model_side(_models_by_table()[table_name])
    template_keys, template_indexes, template_attributes = _template_side(table_resources()[logical_id])
    assert key_schemas == {tuple(sorted(template_keys.items()))}, "every model of a table uses the table's keys"
    assert model_indexes == template_indexes
    assert model_attributes == template_attributes


@pytest.mark.parametrize(("logical_id", "table_name"), TABLES)
def test_tables_are_on_demand_with_point_in_time_recovery(logical_id, table_name):
    properties = table_resources()[logical_id]
    assert properties["BillingMode"] == "PAY_PER_REQUEST"
    assert properties["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True


@pytest.mark.parametrize("template", [TEMPLATE, ROOT / "infra" / "waf.yaml"], ids=lambda p: p.name)
def test_cfn_lint_passes_on_the_templates(template: Path):
    result = subprocess.run(
        [str(Path(sys.executable).parent / "cfn-lint"), str(template)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
