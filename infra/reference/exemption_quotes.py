"""Quote, for each fee exemption, the published fee text it is read from (procedures/fee_exemptions.json).

    python -m infra.reference.exemption_quotes

Each exemption gets `published`: the sentence of the crawled fee cell ("Miễn lệ phí cho người thuộc gia đình
có công với cách mạng") that names its group, verbatim, and `published_file`: the crawl file it is in (read
from imported.jsonl's source texts, so no crawl copy is needed). An exemption no published sentence names
keeps `published` empty: it is not offered (portal.procedures.model.FeeExemption.published). Running it
again writes the same file.
"""

from __future__ import annotations

import json
import re

from infra.reference.catalog import EXEMPTIONS_FILE, IMPORTED_FILE, read_imported
from infra.reference.catalog_import import cited
from portal.text import fold

_SENTENCE = re.compile(r"[^\n()]*\bmiễn\b[^\n()]*", re.IGNORECASE)
# Words of a group's description that say nothing of who is exempt.
_COMMON = {"nguoi", "thuoc", "nhan", "hoac", "cho", "doi", "voi", "truong", "hop", "le", "phi", "mien", "dang", "ky"}


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", fold(text))) - _COMMON


def quote(description: str, fee_text: str) -> str:
    """The published sentence with "miễn" that names the most of the group's own words (at least all but one)."""
    wanted = _words(description)
    best, score = "", 0
    for match in _SENTENCE.finditer(fee_text):
        sentence = " ".join(match.group(0).split())
        found = len(wanted & _words(sentence))
        if found > score:
            best, score = sentence, found
    return best if wanted and score >= max(1, len(wanted) - 1) else ""


def main() -> None:
    entries = {e["code"]: e for e in read_imported(IMPORTED_FILE)}
    document = json.loads(EXEMPTIONS_FILE.read_text(encoding="utf-8"))
    quoted = missing = 0
    for code, exemptions in document["procedures"].items():
        entry = entries.get(code) or {}
        source = cited(entry, "fees")
        text = source["text"] if source else ""
        for exemption in exemptions:
            exemption["published"] = quote(exemption["description"], text)
            exemption["published_file"] = source["file"] if source and exemption["published"] else ""
            quoted += bool(exemption["published"])
            missing += not exemption["published"]
    EXEMPTIONS_FILE.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{quoted} exemptions quoted from the published fee text, {missing} with no published sentence")


if __name__ == "__main__":
    main()
