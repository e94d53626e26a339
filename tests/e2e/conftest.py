"""A real local server (uvicorn on a free port) serving the site, the API and its own identity provider,
exactly as `make dev` does: tokens are minted and verified over HTTP against its own JWKS."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest
import uvicorn

from infra.dev_issuer import DevIssuer
from infra.local.ports import free_port
from infra.local_env import DEV_ISSUER_PATH


@dataclass
class LocalServer:
    base_url: str
    issuer: DevIssuer


@pytest.fixture(scope="session")
def local_server(seeded, tmp_path_factory) -> Iterator[LocalServer]:
    from infra.local_server import create_local_app, server_config
    from portal.bootstrap import build_services
    from portal.config import settings

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    config = replace(
        settings(),
        oidc_issuer=f"{base}{DEV_ISSUER_PATH}",
        oidc_jwks_url=f"{base}{DEV_ISSUER_PATH}/jwks.json",
        portal_url=base,  # where the payment simulator returns the citizen and sends its notifications
    )
    issuer = DevIssuer(config.oidc_issuer, key_dir=tmp_path_factory.mktemp("server-keys"))
    app = create_local_app(issuer, services=build_services(config))
    server = uvicorn.Server(server_config(app, port))
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


# --- The browser (Debian's chromium through Playwright), on a phone-sized screen -------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
HOAN_KIEM_LAKE = {"latitude": 21.0288, "longitude": 105.8525}


@pytest.fixture(scope="module")  # not longer: Playwright's sync API holds an event loop while it runs
def browser():
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait as long as actions do (15 s, set on each page below), not Playwright's 5 s: in a random
    # order any browser test may be the first to reach the cold local server, and on a busy machine its
    # first lists took longer than 5 s ("Đang tải…"). A wrong value still fails; it is only waited for longer.
    expect.set_options(timeout=15_000)

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def csp_violations(page) -> list[str]:
    """What chromium refused under the page's content security policy (it reports each on the console)."""
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    return refused


@pytest.fixture
def new_page(browser):
    """Pages on a phone (390x844, Vietnamese); the test fails on any JavaScript error or any
    Content-Security-Policy violation. Options go to the browser context (e.g. geolocation)."""
    contexts, errors = [], []

    def make(**options):
        context = browser.new_context(**{"viewport": PHONE, "locale": "vi-VN", **options})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "console",
            lambda m: errors.append(m.text) if m.type == "error" and "Content Security Policy" in m.text else None,
        )
        return page

    yield make
    for context in contexts:
        context.close()
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def located_page(new_page):
    """A phone whose owner lets the site know it stands by Hoàn Kiếm lake."""
    return new_page(geolocation=HOAN_KIEM_LAKE, permissions=["geolocation"])
