"""The local malware scanner: Debian's ClamAV `clamscan` with a signature database made here.

ClamAV's signature mirrors are not reachable from this machine, so the database is built with ClamAV's
own `sigtool` from the EICAR test file (the industry's harmless test virus): a hash signature of the file
itself (.hdb) and a body signature that finds the EICAR string anywhere in a file (.ndb), e.g. inside a
file that starts like a PDF. Not an engine that runs: `start` builds the database, `environment` points
the portal at it. With freshclam's databases instead, the same scanner finds real malware.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from infra.local.process import EngineError

# The EICAR test file, assembled at run time so no scanner flags this source file itself.
EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!" + "$H+H*"
SIGNATURE_NAME = "Portal.Test.EICAR"


class ClamAVDatabase:
    name = "ClamAV (clamscan)"

    def __init__(self, data_dir: Path | None = None) -> None:
        self.data_dir = data_dir
        self._temporary: Path | None = None
        self.notes: list[str] = []

    @property
    def folder(self) -> Path:
        if self.data_dir:
            return self.data_dir
        if self._temporary is None:
            self._temporary = Path(tempfile.mkdtemp(prefix="portal-clamav-"))
        return self._temporary

    def environment(self) -> dict[str, str]:
        return {"DOCUMENT_SCANNER": "clamscan", "CLAMSCAN_DATABASE": str(self.folder)}

    def start(self, timeout: float = 60.0) -> ClamAVDatabase:
        for tool in ("clamscan", "sigtool"):
            if shutil.which(tool) is None:
                raise EngineError(f"{self.name}: `{tool}` is missing: run ./infra/bootstrap.sh (apt package clamav)")
        folder = self.folder
        folder.mkdir(parents=True, exist_ok=True)
        sample = folder / "eicar.sample"
        sample.write_text(EICAR)
        hashes = subprocess.run(  # noqa: S603 - ClamAV's own tool on our own file
            [shutil.which("sigtool") or "sigtool", "--sha256", str(sample)],
            capture_output=True,
            text=True,
            check=True,
            timeout=timeout,
        ).stdout.strip()
        sample.unlink()
        (folder / "portal.hdb").write_text(hashes.rsplit(":", 1)[0] + f":{SIGNATURE_NAME}.File\n")
        (folder / "portal.ndb").write_text(f"{SIGNATURE_NAME}:0:*:{EICAR.encode().hex()}\n")
        return self

    def stop(self) -> None:
        if self._temporary is not None:
            shutil.rmtree(self._temporary, ignore_errors=True)
            self._temporary = None

    def healthy(self) -> bool:
        return (self.folder / "portal.ndb").exists()
