"""Malware scanners behind one interface (`scan(key, body) -> Verdict | None`).

- Locally: ClamAV's `clamscan` (Debian package clamav) on the file's bytes, with a signature database
  given by path. This machine is offline from ClamAV's mirrors, so infra/local/scanner.py builds a small
  database with `sigtool` from the EICAR test file; a deployment with freshclam uses the same class.
  With a small database a scan takes a few tens of milliseconds, so it runs inline when the upload completes.
- In AWS: GuardDuty Malware Protection for S3 scans each new object and tags it; its verdict arrives
  later (portal.store.objects.GuardDutyVerdicts reads the tag; an EventBridge rule reports the result).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from portal.documents.model import Verdict

CLAMSCAN_TIMEOUT_SECONDS = 30


class ClamScan:
    def __init__(self, database: Path, executable: str = "clamscan") -> None:
        self.database = database
        self.executable = executable

    def scan(self, key: str, body: bytes) -> Verdict:
        with tempfile.NamedTemporaryFile(prefix="scan-", suffix=".bin") as file:
            file.write(body)
            file.flush()
            done = subprocess.run(  # noqa: S603 - a fixed command line on our own temporary file
                [self.executable, "--no-summary", "--stdout", "-d", str(self.database), file.name],
                capture_output=True,
                text=True,
                timeout=CLAMSCAN_TIMEOUT_SECONDS,
                check=False,
            )
        if done.returncode == 0:
            return Verdict(clean=True)
        if done.returncode == 1:  # "<file>: <signature> FOUND"
            found = done.stdout.strip().rsplit(":", 1)[-1].replace("FOUND", "").strip()
            return Verdict(clean=False, reason=found or "malware")
        return Verdict(clean=False, reason="unreadable")


class NoVerdictYet:
    """A scanner that never answers inline (its verdicts come through `Documents.record_verdict`)."""

    def scan(self, key: str, body: bytes) -> None:
        return None
