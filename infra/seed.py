"""Loading reference data into DynamoDB: the procedure catalog and the center directory (with the agencies).

Idempotent: items are written with batch writes keyed by their ids, so running it again rewrites the
same items (a changed source file updates them) and never duplicates anything.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from infra.reference.agency_receivers import agency_receivers
from infra.reference.catalog import load_catalog
from infra.reference.centers import build_centers
from portal.store.centers import CenterStore
from portal.store.procedures import ProcedureStore


@dataclass(frozen=True)
class SeedReport:
    procedures: int
    centers: int
    seconds: float


REFERENCE = Path(__file__).parent / "reference"
UNITS = Path(__file__).parent.parent / "functions" / "portal" / "units"  # the centers use the address reader
SOURCE_PACKAGES = ("vietnam-provinces", "vietnamadminunits")


def reference_fingerprint() -> str:
    """Changes whenever the seeded data could: the source files, their builders, the data packages."""
    digest = hashlib.sha256()
    for folder in (REFERENCE, UNITS):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in {".json", ".jsonl", ".py"}:
                digest.update(path.relative_to(folder.parent).as_posix().encode())
                digest.update(path.read_bytes())
    for package in SOURCE_PACKAGES:
        digest.update(f"{package}=={version(package)}".encode())
    return digest.hexdigest()


def seed_reference_data() -> SeedReport:
    started = time.perf_counter()
    _, procedures = load_catalog()
    written_procedures = ProcedureStore().put_many(procedures)
    written_centers = CenterStore().put_many([*build_centers(), *agency_receivers()])
    return SeedReport(written_procedures, written_centers, round(time.perf_counter() - started, 2))
