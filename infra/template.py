"""Reading template.yaml: the one place the DynamoDB tables are defined."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "template.yaml"


class _CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short-form intrinsics (!Ref, !Sub, !GetAtt...) kept as {tag: value}."""


def _intrinsic(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = "Ref" if tag_suffix == "Ref" else f"Fn::{tag_suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if tag_suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_CfnLoader.add_multi_constructor("!", _intrinsic)


@cache
def load_template(path: Path = TEMPLATE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_CfnLoader)  # noqa: S506 - a SafeLoader subclass


def table_resources(template: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """Logical id -> Properties of every AWS::DynamoDB::Table."""
    template = template or load_template()
    return {
        logical_id: resource["Properties"]
        for logical_id, resource in template["Resources"].items()
        if resource["Type"] == "AWS::DynamoDB::Table"
    }


def table_environment(template: dict[str, Any] | None = None) -> dict[str, str]:
    """Environment variable -> table logical id, from Globals.Function.Environment (`VAR: !Ref Table`)."""
    template = template or load_template()
    tables = table_resources(template)
    variables = template["Globals"]["Function"]["Environment"]["Variables"]
    return {
        name: value["Ref"]
        for name, value in variables.items()
        if isinstance(value, dict) and value.get("Ref") in tables
    }
