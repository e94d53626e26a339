"""The site refuses the numbers the server refuses: same pattern, same bound (validation.js mirrors forms.py)."""

import re
from pathlib import Path

from portal.procedures import forms

VALIDATION = (Path(__file__).resolve().parents[2] / "frontend" / "assets" / "validation.js").read_text()


def test_the_site_and_the_server_read_numbers_alike():
    pattern = re.search(r"const NUMBER_TEXT = /(.+)/;", VALIDATION).group(1)
    assert pattern == forms._NUMBER_TEXT.pattern
    bound = re.search(r"export const MAX_NUMBER = ([\de]+);", VALIDATION).group(1)
    assert float(bound) == forms.MAX_NUMBER
