"""The interface's words, per area (frontend/assets/text/<area>.js, each exporting vi and en): the same
keys in both languages, none blank, each written in one area only; and every word a module may ask for
is loaded with it: in text/common.js (loaded by i18n.js) or in an area that the module, or a module it
imports, adds with addText. A word missing there would show its key instead of its text."""

import re

from tests.support.site_modules import ASSETS, Module, read_words, site_modules

FRONTEND = ASSETS.parent
COMMON = "common"


def differences(vi: dict, en: dict, where: str = "") -> list[str]:
    """Keys in one language only, values of different kinds, blank values (nested tables included)."""
    found = []
    for key in sorted(set(vi) | set(en)):
        at = f"{where}{key}"
        if key not in en:
            found.append(f"{at}: no English")
        elif key not in vi:
            found.append(f"{at}: no Vietnamese")
        elif isinstance(vi[key], dict) and isinstance(en[key], dict):
            found += differences(vi[key], en[key], f"{at}.")
        elif vi[key] != en[key]:
            found.append(f"{at}: {vi[key]} in Vietnamese, {en[key]} in English")
        elif vi[key] == "blank":
            found.append(f"{at}: blank")
    return found


def mentioned(module: Module, keys: set[str]) -> set[str]:
    """The keys a module may ask for: every plain string that is a key (t("x"), say("x"), ["x", ...]
    returned as a problem, { refund: "x" }[field]), and the keys a template can make: `slip_${s}` (every
    key it can start and end with) and `${name}Hint` (a string of the module followed by "Hint")."""
    found = keys & module.strings
    for parts in module.templates:
        first, last = parts[0], parts[-1]
        if first:
            found |= {k for k in keys if k.startswith(first) and k.endswith(last)}
        elif last:
            found |= {k for k in keys if k.endswith(last) and k[: -len(last)] in module.strings}
    return found


def loaded_areas(name: str, modules: dict[str, Module]) -> set[str]:
    """The text areas added when `name` has loaded: those it or any module it imports adds."""
    seen, todo, areas = set(), [name], {COMMON}
    while todo:
        current = todo.pop()
        if current in seen or current not in modules:
            continue
        seen.add(current)
        for i in modules[current].imports:
            if i.target and i.target.startswith("text/") and not i.dynamic:
                areas.add(i.target.removeprefix("text/").removesuffix(".js"))
            elif i.target and not i.dynamic:
                todo.append(i.target)
    return areas


def missing_words(modules: dict[str, Module], area_keys: dict[str, set[str]]) -> list[str]:
    every = set().union(*area_keys.values())
    found = []
    for name, module in sorted(modules.items()):
        if name.startswith("text/"):
            continue
        loaded = set().union(*(area_keys.get(a, set()) for a in loaded_areas(name, modules)))
        for key in sorted(mentioned(module, every) - loaded):
            area = next(a for a, keys in area_keys.items() if key in keys)
            found.append(f"{name} may ask for {key!r}, a word of text/{area}.js it does not load")
    return found


def area_keys() -> dict[str, set[str]]:
    return {area: set(words["vi"]) for area, words in read_words().items()}


def test_each_area_exports_its_words_in_vietnamese_and_english_alike():
    words = read_words()
    assert COMMON in words
    for area, both in words.items():
        assert both["exports"] == ["en", "vi"], f"text/{area}.js exports vi and en, nothing else"
        assert both["vi"], f"text/{area}.js has no words"
        assert differences(both["vi"], both["en"]) == [], f"text/{area}.js"


def test_a_word_is_written_in_one_area_only():
    seen: dict[str, str] = {}
    twice = []
    for area, keys in sorted(area_keys().items()):
        twice += [f"{key}: text/{seen[key]}.js and text/{area}.js" for key in keys if key in seen]
        seen.update(dict.fromkeys(keys, area))
    assert twice == []


def test_every_word_a_module_may_ask_for_is_loaded_with_it():
    assert missing_words(site_modules(), area_keys()) == []


def test_every_word_asked_for_is_written():
    modules = site_modules()
    every = set().union(*area_keys().values())
    asked = set().union(*(m.words for m in modules.values()))
    html = (FRONTEND / "index.html").read_text(encoding="utf-8")
    in_page = set(re.findall(r'data-i18n(?:-label)?="(\w+)"', html))  # app.js writes these with t()
    assert asked - every == set(), "words asked for but never written"
    assert in_page - area_keys()[COMMON] == set(), "index.html's words are the frame's: text/common.js"


def test_a_module_that_imports_an_area_adds_it():
    for name, module in site_modules().items():
        areas = [i.target for i in module.imports if i.target and i.target.startswith("text/")]
        if areas and name != "i18n.js":
            assert "addText" in module.calls, f"{name} imports {areas} without addText"


def test_the_check_finds_a_word_of_an_area_not_loaded():
    def module(strings=(), templates=(), imports=()):
        from tests.support.site_modules import Import

        return Module(
            tuple(Import(t, False) for t in imports), (), frozenset(strings), tuple(templates), frozenset(), frozenset()
        )

    modules = {
        "pages/pay.js": module(strings={"payTitle", "email"}, imports=["components/card.js"]),
        "components/card.js": module(templates=[("slip_", "")], imports=["text/documents.js"]),
        "pages/form.js": module(strings={"phone"}, templates=[("", "Hint")]),
    }
    areas = {COMMON: {"email"}, "payments": {"payTitle"}, "documents": {"slip_receipt"}, "filing": {"phoneHint"}}
    assert missing_words(modules, areas) == [
        "pages/form.js may ask for 'phoneHint', a word of text/filing.js it does not load",
        "pages/pay.js may ask for 'payTitle', a word of text/payments.js it does not load",
    ]
    assert differences(
        {"a": "string", "b": {"x": "string"}, "c": "blank"}, {"a": "function", "b": {}, "c": "blank", "d": "string"}
    ) == [
        "a: string in Vietnamese, function in English",
        "b.x: no English",
        "c: blank",
        "d: no Vietnamese",
    ]
