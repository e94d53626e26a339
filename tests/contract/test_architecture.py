"""The layering of STYLE.md, held by import-linter and by these tests: modules in layers, one direction,
access decided by services (never in portal/api), every Lambda handler in portal/entrypoints."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT / "functions",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _layers() -> list[str]:
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    layered = next(c for c in contracts if c["type"] == "layers")
    return [name.strip() for layer in layered["layers"] for name in layer.replace(":", "|").split("|")]


def test_every_module_of_the_portal_is_in_a_layer():
    portal = ROOT / "functions" / "portal"
    top_level = {p.stem for p in portal.glob("*.py") if p.stem != "__init__"} | {
        p.name for p in portal.iterdir() if (p / "__init__.py").exists()
    }
    layers = _layers()
    assert len(layers) == len(set(layers)), "a module is in two layers"
    assert sorted(top_level - set(layers)) == [], "add these to a layer of the contract in pyproject.toml"
    assert sorted(set(layers) - top_level) == [], "the contract names modules that do not exist"


GUARDS = ("require_", "check_can_")


def test_no_resolver_decides_access():
    """Access is the services' to decide: no module under portal/api calls a guard (require_*, check_can_*)."""
    import ast

    offenders = []
    for path in (ROOT / "functions" / "portal" / "api").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
                if name.startswith(GUARDS):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert offenders == [], "move these checks into the service the resolver calls"


def test_every_lambda_handler_is_an_entry_point():
    from infra.template import load_template

    handlers = {
        name: resource["Properties"]["Handler"]
        for name, resource in load_template()["Resources"].items()
        if resource["Type"] == "AWS::Serverless::Function"
    }
    elsewhere = {name: h for name, h in handlers.items() if not h.startswith("portal.entrypoints.")}
    assert elsewhere == {}, "every Lambda handler lives in functions/portal/entrypoints/"
    for handler in set(handlers.values()):
        module = ROOT / "functions" / Path(*handler.split(".")[:-1]).with_suffix(".py")
        assert module.exists(), handler
