"""Generates infra/reference/agency_receivers.json: the ministries' and central agencies' receptions of dossiers.

    python -m infra.reference.agency_receivers          # rewrite the file
    python -m infra.reference.agency_receivers --check  # exit 1 when the committed file is stale

Source of the list: the catalog's own agency texts (infra/reference/procedures/imported.jsonl, read from the
crawls of dichvucong.gov.vn its entries' `source_files` name), routed by portal.centers.routing: one receiver
per agency that receives at least one central procedure of the served catalog. Per receiver:
- id and names (vi/en): portal.centers.agencies;
- agency code `G<nn>.000.00`: `G<nn>` is the number the catalog's result codes give the agency ("Mã:
  KQ.G15.000297" on the results of the procedures Bộ Tư pháp publishes: the most frequent), quoted with its
  count; `.000.00` (the agency itself, no department) is the portal's, so `agencyCode` is a sample field.
  An agency publishing nothing gets a number of the portal's own from G99 down (`agency_code_source` says so);
- address, hotline, opening hours, e-mail: no source we hold gives them: empty, with `address_note`;
- how many central procedures it receives, and how many of them are central only.
`routing` counts the central procedures routed and not routed, by reason, with the central-only ones not
routed listed by code.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from infra.reference.catalog import load_catalog, read_imported
from infra.reference.catalog_import import CHATBOT, PIPELINE
from portal.centers.agencies import AGENCIES, Agency
from portal.centers.model import CENTRAL_SCOPE, Center, CenterKind
from portal.centers.routing import named_agencies, route
from portal.datasets import ReferenceDataset
from portal.procedures.model import Level, Procedure

TARGET = Path(__file__).parent / "agency_receivers.json"
RESULT_CODE = re.compile(r"\bKQ\.(G\d{2})\.\d+")
ADDRESS_NOTE = (
    "Chưa có nguồn công khai cho địa chỉ, đường dây nóng và giờ tiếp nhận của bộ phận một cửa này: nộp trực tuyến "
    "trên Cổng. / No source we hold gives this reception's address, hotline or hours: file online on the portal."
)
SOURCE = {
    "name": "dichvucong.gov.vn (crawls)",
    "version": f"{CHATBOT[0]}@{CHATBOT[1][:7]}, {PIPELINE[0]}@{PIPELINE[1][:7]}",
    "note": "Cơ quan có thẩm quyền, thực hiện, ban hành và mã kết quả của các thủ tục / agency texts and result codes",
}


def _published_codes(entries: list[dict[str, Any]]) -> dict[str, Counter[str]]:
    """Per agency, the G-numbers of the result codes of the procedures it publishes."""
    codes: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        publisher = named_agencies(entry.get("issuing_body") or "")
        if len(publisher) != 1:
            continue
        text = " ".join(str(t) for t in (entry.get("source_texts") or {}).values())
        codes[publisher[0].id].update(set(RESULT_CODE.findall(text)))
    return codes


def _codes(agencies: list[Agency], published: dict[str, Counter[str]]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for agency in agencies:
        counts = published.get(agency.id)
        if counts:
            number, count = counts.most_common(1)[0]
            source = f"KQ.{number}.*: {count} of {sum(counts.values())} result codes of the procedures it publishes"
            found[agency.id] = {"agency_code": f"{number}.000.00", "agency_code_source": source}
    taken = {v["agency_code"][:3] for v in found.values()}
    spare = (f"G{n:02d}" for n in range(99, 0, -1) if f"G{n:02d}" not in taken)
    for agency in agencies:
        if agency.id not in found:
            source = "synthetic: no result code of the catalog names it; the portal's own number"
            found[agency.id] = {"agency_code": f"{next(spare)}.000.00", "agency_code_source": source}
    if len({v["agency_code"] for v in found.values()}) != len(found):
        raise ValueError(f"two agencies share a code: {found}")
    return found


def _routing(central: list[Procedure]) -> dict[str, Any]:
    counts: dict[str, Counter[str]] = {"central_only": Counter(), "central_and_local": Counter()}
    unrouted: dict[str, list[str]] = defaultdict(list)
    for p in central:
        how = route(p.agency, p.issuing_body)
        only = p.levels == (Level.CENTRAL,)
        counts["central_only" if only else "central_and_local"][how.how.value] += 1
        if only and how.agency is None:
            unrouted[how.how.value].append(p.code)
    return {
        **{kind: dict(sorted(c.items())) for kind, c in counts.items()},
        "central_only_not_routed": dict(sorted(unrouted.items())),
    }


def generate() -> str:
    central = [p for p in load_catalog()[1] if Level.CENTRAL in p.levels]
    received: dict[str, Counter[str]] = defaultdict(Counter)
    for p in central:
        agency = route(p.agency, p.issuing_body).agency
        if agency is not None:
            received[agency.id]["central"] += 1
            received[agency.id]["central_only"] += p.levels == (Level.CENTRAL,)
    agencies = [a for a in AGENCIES if a.id in received]
    codes = _codes(agencies, _published_codes(read_imported()))
    document = {
        "dataset": "agency-receivers",
        "source": SOURCE,
        "rule": "portal.centers.routing",
        "routing": _routing(central),
        "receivers": [
            {
                "id": a.id,
                "name": a.name,
                "name_en": a.name_en,
                **codes[a.id],
                "address": "",
                "address_note": ADDRESS_NOTE,
                "hotline": "",
                "opening_hours": "",
                "is_sample": True,
                "sample_fields": ["agencyCode"],
                "procedures": {"central": received[a.id]["central"], "central_only": received[a.id]["central_only"]},
            }
            for a in agencies
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def agency_receivers(path: Path = TARGET) -> list[Center]:
    """The receivers as centers of kind AGENCY: no province of their own (CENTRAL_SCOPE), no position (so never
    a "nearest center"), the file's values as they are."""
    document = json.loads(path.read_text(encoding="utf-8"))
    dataset = ReferenceDataset(**document["source"])
    return [
        Center(
            id=r["id"],
            kind=CenterKind.AGENCY,
            name=r["name"],
            name_en=r["name_en"],
            agency_code=r["agency_code"],
            province_code=CENTRAL_SCOPE,
            commune_code=None,
            address=r["address"],
            address_note=r["address_note"],
            hotline=r["hotline"],
            opening_hours=r["opening_hours"],
            location=None,
            is_sample=r["is_sample"],
            sample_fields=frozenset(r["sample_fields"]),
            datasets=(dataset,),
        )
        for r in document["receivers"]
    ]


def main() -> None:
    text = generate()
    if "--check" in sys.argv[1:]:
        sys.exit(0 if TARGET.read_text(encoding="utf-8") == text else 1)
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET}: {len(json.loads(text)['receivers'])} receivers")


if __name__ == "__main__":
    main()
