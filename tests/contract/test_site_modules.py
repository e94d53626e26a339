"""The site's modules as a graph, read by a parser (tests/support/site_modules.py): a page is loaded by the
router alone (app.js's lazyPage), so opening one page loads that page's modules and no other page's. No
module imports a page, statically or with import(); what pages share lives in components/ or a shared
module; and no module reaches itself through its imports."""

from pathlib import Path

from tests.support.site_modules import Module, link_problems, read_modules, site_modules

ROUTER = "router.js"  # lazyPage's import(path): the one import of a name computed at run time


def is_page(name: str | None) -> bool:
    return name is not None and name.startswith("pages/")


def imports_of_pages(modules: dict[str, Module]) -> list[str]:
    """Each import that loads a page, and each import() of a computed name outside the router."""
    found = []
    for name, module in sorted(modules.items()):
        for i in module.imports:
            how = "import()" if i.dynamic else "import"
            if is_page(i.target):
                found.append(f"{name}: {how} {i.target}")
            elif i.target is None and name != ROUTER:
                found.append(f"{name}: {how} of a name computed at run time")
    return found


def a_cycle(modules: dict[str, Module]) -> list[str]:
    """One chain of imports (static or import() of a plain name) that comes back to where it started; []
    when there is none."""
    edges = {name: sorted({i.target for i in m.imports if i.target in modules}) for name, m in modules.items()}
    state: dict[str, str] = {}  # "open" while on the current path, "done" once all it reaches is checked
    path: list[str] = []

    def visit(name: str) -> list[str]:
        state[name] = "open"
        path.append(name)
        for target in edges[name]:
            if state.get(target) == "open":
                return path[path.index(target) :] + [target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[name] = "done"
        return []

    for name in sorted(modules):
        if name not in state and (found := visit(name)):
            return found
    return []


def test_no_module_imports_a_page():
    assert imports_of_pages(site_modules()) == [], "share through components/ or a shared module, not a page"


def test_every_page_is_routed_and_every_route_has_its_page():
    modules = site_modules()
    pages = {name for name in modules if is_page(name)}
    routed = set(modules["app.js"].routed_pages)
    assert routed == pages, (
        f"pages without a route: {sorted(pages - routed)}; routes without a page: {sorted(routed - pages)}"
    )


def test_every_import_names_a_module_of_the_site():
    modules = site_modules()
    unknown = [
        f"{name}: {i.target}" for name, m in modules.items() for i in m.imports if i.target and i.target not in modules
    ]
    assert unknown == []


def test_every_imported_name_is_exported_by_its_module():
    assert link_problems() == []


def test_no_module_reaches_itself_through_its_imports():
    cycle = a_cycle(site_modules())
    assert cycle == [], " -> ".join(cycle)


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, source in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(source, encoding="utf-8")
    return folder


def test_the_checks_find_a_page_imported_by_a_page_and_a_cycle(tmp_path):
    """The shapes the checks forbid, made on purpose (the site had both: file-dossier -> receipt ->
    payment -> file-dossier, and seven pages importing the filing page)."""
    modules = read_modules(
        write(
            tmp_path,
            {
                "app.js": 'import { lazyPage } from "./router.js";\nlazyPage("./pages/a.js", "a");\n',
                "router.js": "export const lazyPage = (path) => () => import(path);\n",
                "pages/a.js": 'import { b } from "./b.js";\nexport const a = () => b;\n',
                "pages/b.js": 'export const b = () => import("../pages/c.js");\n',
                "pages/c.js": 'import { a } from "./a.js";\nexport const c = (name) => import(name);\n',
                "components/ok.js": (
                    'import { el } from "../dom.js";\n// import("./pages/a.js") in a comment is no import\n'
                    "export const ok = el;\n"
                ),
                "dom.js": "export const el = 1;\n",
            },
        )
    )
    assert imports_of_pages(modules) == [
        "pages/a.js: import pages/b.js",
        "pages/b.js: import() pages/c.js",
        "pages/c.js: import pages/a.js",
        "pages/c.js: import() of a name computed at run time",
    ]
    assert a_cycle(modules) == ["pages/a.js", "pages/b.js", "pages/c.js", "pages/a.js"]
    assert modules["app.js"].routed_pages == ("pages/a.js",)


def test_linking_finds_a_name_not_exported(tmp_path):
    write(
        tmp_path,
        {"a.js": 'import { gone } from "./b.js";\nexport const a = gone;\n', "b.js": "export const kept = 1;\n"},
    )
    assert link_problems(tmp_path) == ["a.js: The requested module './b.js' does not provide an export named 'gone'"]
