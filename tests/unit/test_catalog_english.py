"""Every option value and document note of the catalog's procedures has English in the site
(frontend/assets/catalog-en.js): the English page shows none of them in Vietnamese."""

import json
import re
import subprocess
from pathlib import Path

from tests.support.catalog import catalog

ASSETS = Path(__file__).resolve().parents[2] / "frontend" / "assets"
SAME_IN_ENGLISH = re.compile(r"^[A-Z0-9]{1,4}$")  # driving licence classes: A1, B, C1E...


def _site_english() -> tuple[dict[str, str], dict[str, str]]:
    script = "import('./catalog-en.js').then((m) => console.log(JSON.stringify([m.optionsEn, m.notesEn])))"
    out = subprocess.run(["node", "-e", script], cwd=ASSETS, capture_output=True, text=True, check=True).stdout
    options, notes = json.loads(out)
    return options, notes


def test_every_option_and_note_of_the_checked_catalog_has_english():
    options, notes = _site_english()
    procedures = [p for p in catalog() if p.detail_level.value == "checked"]
    missing_options = {
        o
        for p in procedures
        for f in p.form_fields
        for o in f.options
        if o not in options and not SAME_IN_ENGLISH.match(o)
    }
    missing_notes = {d.note for p in procedures for d in p.documents if d.note and d.note not in notes}
    assert missing_options == set() and missing_notes == set()


def test_no_english_is_left_empty_or_vietnamese():
    options, notes = _site_english()
    for vi, en in {**options, **notes}.items():
        assert en.strip() and en != vi or SAME_IN_ENGLISH.match(vi), vi
        assert not re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", en.lower()), (vi, en)
