"""The files of dossiers: object storage, the malware scanner and the result sealer, built on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from portal.bootstrap.secrets import signing_key_source
from portal.clock import Clock
from portal.config import Settings, StorageSettings
from portal.procedures.catalog import Catalog
from portal.store.dossiers import DossierStore

if TYPE_CHECKING:
    from portal.documents.repository import Scanner
    from portal.documents.service import Documents
    from portal.store.objects import S3Objects


def scanner_of(storage: StorageSettings, objects: S3Objects) -> Scanner:
    from portal.store.objects import GuardDutyVerdicts

    if storage.scanner == "clamscan":
        from pathlib import Path

        from portal.documents.scanners import ClamScan

        return ClamScan(Path(storage.clamscan_database))
    return GuardDutyVerdicts(objects)


def documents_of(config: Settings, dossiers: DossierStore, catalog: Catalog, clock: Clock) -> Documents | None:
    from portal.documents.seals import Sealer
    from portal.documents.service import Documents
    from portal.store.documents import DocumentStore
    from portal.store.objects import S3Objects

    storage = config.storage
    if not storage.bucket:
        return None
    objects = S3Objects(
        storage.bucket, config.region, storage.endpoint, storage.access_key, storage.secret_key, storage.upload_url
    )
    key = signing_key_source(config)
    sealer = Sealer(key) if key else None
    return Documents(DocumentStore(), objects, scanner_of(storage, objects), dossiers, catalog, clock, sealer)
