"""A real local server (uvicorn on a free port) serving the site, the API and its own identity provider,
exactly as `make dev` does: tokens are minted and verified over HTTP against its own JWKS."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
import uvicorn

from infra.dev_issuer import DevIssuer
from infra.dynamodb_local import free_port
from infra.local_env import DEV_ISSUER_PATH


@dataclass
class LocalServer:
    base_url: str
    issuer: DevIssuer


@pytest.fixture(scope="session")
def local_server(seeded, tmp_path_factory) -> Iterator[LocalServer]:
    from infra.local_server import create_local_app
    from portal.api.dependencies import build_services
    from portal.config import settings

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    config = replace(
        settings(), oidc_issuer=f"{base}{DEV_ISSUER_PATH}", oidc_jwks_url=f"{base}{DEV_ISSUER_PATH}/jwks.json"
    )
    issuer = DevIssuer(config.oidc_issuer, key_dir=tmp_path_factory.mktemp("server-keys"))
    app = create_local_app(issuer, services=build_services(config))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise TimeoutError("the local server did not start")
        time.sleep(0.05)
    yield LocalServer(base, issuer)
    server.should_exit = True
    thread.join(timeout=10)
