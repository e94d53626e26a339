"""The static site's modules as a parser reads them (tests/support/site_modules.mjs, acorn from
infra/node_modules): each module's imports, the pages app.js routes to, the strings it holds; and the text
modules' words as the browser sees them. Node reads them, not regular expressions."""

from __future__ import annotations

import json
import posixpath
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ROOT / "frontend" / "assets"
ACORN = ROOT / "infra" / "node_modules" / "acorn" / "dist" / "acorn.mjs"


def node() -> str:
    found = shutil.which("node")
    assert found, "Node.js is needed (infra/bootstrap.sh installs it with the rest)"
    return found


@dataclass(frozen=True)
class Import:
    target: str | None  # the imported module, relative to frontend/assets; None when not a plain string
    dynamic: bool


@dataclass(frozen=True)
class Module:
    imports: tuple[Import, ...]
    routed_pages: tuple[str, ...]  # lazyPage("./pages/x.js", ...) calls, resolved
    strings: frozenset[str]
    templates: tuple[tuple[str, ...], ...]  # the fixed parts of each template with expressions
    calls: frozenset[str]  # functions called by name
    words: frozenset[str]  # t("key") and say("key") with a plain string


def _resolve(module: str, specifier: str | None) -> str | None:
    if specifier is None:
        return None
    if not specifier.startswith("."):
        return specifier  # not a file of the site (none today)
    return posixpath.normpath(posixpath.join(posixpath.dirname(module), specifier))


def read_modules(assets: Path = ASSETS) -> dict[str, Module]:
    """Every module under `assets`, by its path relative to it (pages/search.js)."""
    assert ACORN.exists(), "acorn is missing: run infra/bootstrap.sh (infra/package.json)"
    script = Path(__file__).with_name("site_modules.mjs")
    out = subprocess.run([node(), str(script), str(assets), ACORN.as_uri()], capture_output=True, text=True, check=True)
    modules = {}
    for name, m in json.loads(out.stdout).items():
        modules[name] = Module(
            imports=tuple(Import(_resolve(name, i["specifier"]), i["dynamic"]) for i in m["imports"]),
            routed_pages=tuple(_resolve(name, p) for p in m["lazyPages"]),
            strings=frozenset(m["strings"]),
            templates=tuple(tuple(q) for q in m["templates"]),
            calls=frozenset(m["calls"]),
            words=frozenset(m["words"]),
        )
    return modules


@cache
def site_modules() -> dict[str, Module]:
    return read_modules()


def read_words(assets: Path = ASSETS) -> dict[str, dict[str, dict]]:
    """Each text/<area>.js module's words, {area: {"vi": {key: kind}, "en": {...}}}, where kind is the
    value's type and, for strings, whether it is blank; nested tables as {key: {...}}."""
    script = """
const describe = (v) => typeof v === "string" ? (v.trim() ? "string" : "blank")
  : typeof v === "function" ? "function" : v && typeof v === "object"
  ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, describe(x)])) : typeof v;
const out = {};
for (const path of process.argv.slice(1)) {
  const m = await import(path);
  const area = path.split("/").pop().replace(/\\.js$/, "");
  out[area] = { vi: describe(m.vi ?? null), en: describe(m.en ?? null), exports: Object.keys(m).sort() };
}
console.log(JSON.stringify(out));
"""
    with tempfile.TemporaryDirectory() as folder:  # a copy marked as ES modules, as the browser reads them
        copy = Path(folder)
        (copy / "package.json").write_text('{"type": "module"}', encoding="utf-8")
        areas = []
        for source in sorted((assets / "text").glob("*.js")):
            areas.append(copy / source.name)
            areas[-1].write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        out = subprocess.run(
            [node(), "--input-type=module", "-e", script, *(p.as_uri() for p in areas)],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(out.stdout)


def link_problems(assets: Path = ASSETS) -> list[str]:
    """What fails when the site's modules are linked as the browser links them (site_link.mjs): an imported
    name its module does not export, a module that does not exist."""
    script = Path(__file__).with_name("site_link.mjs")
    out = subprocess.run(
        [node(), "--experimental-vm-modules", "--no-warnings", str(script), str(assets)],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.splitlines()
