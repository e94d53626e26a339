"""No two item kinds of one table can share a key: each is told apart by its partition key's prefix, or,
sharing it, by a sort key neither of which begins the other (portal.store.keys names them all)."""

from itertools import combinations
from pathlib import Path

from portal.store import keys

STORE = Path(__file__).resolve().parents[2] / "functions" / "portal" / "store"


def _overlap(a: str, b: str) -> bool:
    """Could a key built from `a` equal one built from `b`? A prefix ends with '#' ("" is any key); any
    other key is a constant, equal only to itself."""
    if a.endswith("#") or b.endswith("#") or not a or not b:
        return a.startswith(b) or b.startswith(a)
    return a == b


def test_item_kinds_of_a_table_never_share_a_key():
    clashes = []
    for a, b in combinations(keys.ITEM_KINDS, 2):
        if a.table != b.table or not _overlap(a.pk_prefix, b.pk_prefix):
            continue
        natural = not a.pk_prefix or not b.pk_prefix  # a natural id (a dossier code) never has a '#'
        if natural and a.pk_prefix != b.pk_prefix:
            continue
        if _overlap(a.sk, b.sk):
            clashes.append(f"{a.table}: {a.name!r} and {b.name!r}")
    assert clashes == []


def test_prefixes_end_with_the_separator_or_are_constants():
    for kind in keys.ITEM_KINDS:
        for key in (kind.pk_prefix, kind.sk):
            assert key == "" or key.endswith("#") or key.replace("_", "").isalpha(), (kind.name, key)


def test_no_store_module_writes_a_key_prefix_of_its_own():
    """Key prefixes are named once, in keys.py: an f-string like f"INBOX#{...}" elsewhere is a second name."""
    import re

    literal = re.compile(r"""f?["'][A-Z][A-Z_]+#""")
    found = []
    for path in STORE.glob("*.py"):
        if path.name == "keys.py":
            continue
        code = path.read_text().split('"""', 2)[-1]  # past the module docstring (it shows the key layout)
        found += [f"{path.name}: {m.group()}" for m in literal.finditer(code)]
    assert found == []
