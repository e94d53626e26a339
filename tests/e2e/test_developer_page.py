"""The developer page (#/nha-phat-trien) in a real browser, and its signature samples run for real."""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import PHONE, csp_violations

PAGE = Path(__file__).resolve().parents[2] / "frontend" / "assets" / "pages" / "developers.js"


def _sample(name: str) -> str:
    source = PAGE.read_text(encoding="utf-8")
    body = re.search(rf"const {name} = `(.*?)`;\n", source, re.S).group(1)
    return body.replace("\\`", "`").replace("\\$", "$")


def _signed() -> tuple[str, dict[str, str], str]:
    from portal.webhooks import signing

    secret = signing.subscription_secret(b"k" * 32, "wh-doc")
    body = '{"type":"dossier.received","data":{"code":"X79.069.00-260302-010001","seq":1}}'
    return secret, signing.headers(secret, "X79.069.00-260302-010001.1", int(time.time()), body), body


def test_the_python_sample_verifies_a_real_signature_and_refuses_a_forged_one():
    namespace: dict = {}
    exec(_sample("PYTHON"), namespace)  # noqa: S102 - the page's own sample, run as a receiver would
    secret, headers, body = _signed()
    assert namespace["verify_webhook"](secret, headers, body.encode())
    assert not namespace["verify_webhook"](secret, headers, body.replace("1}", "2}").encode())


def test_the_javascript_sample_verifies_a_real_signature_and_refuses_a_forged_one(tmp_path):
    secret, headers, body = _signed()
    module = tmp_path / "verify.mjs"
    module.write_text(
        _sample("JAVASCRIPT")
        + f"\nconst [s, h, b] = {json.dumps([secret, headers, body])};\n"
        + "const forged = Buffer.from(b + ' ');\n"
        + "console.log(JSON.stringify([verifyWebhook(s, h, Buffer.from(b)), verifyWebhook(s, h, forged)]));\n"
    )
    out = subprocess.run(["node", str(module)], capture_output=True, text=True, check=True, timeout=30).stdout
    assert json.loads(out) == [True, False]


@pytest.mark.browser
def test_the_developer_page_lists_the_operations_with_their_registered_hashes(page, local_server):
    from infra.export_persisted import registry

    page.goto(f"{local_server.base_url}/#/nha-phat-trien")
    expect(page.locator("h1")).to_have_text("Dành cho nhà phát triển")
    blocks = page.locator("details")
    expect(blocks.first).to_be_visible()
    hashes = {entry["name"]: digest for digest, entry in registry().items()}
    blocks.filter(has_text="DossierChanges").locator("summary").click()
    shown = blocks.filter(has_text="DossierChanges").locator("p code")
    expect(shown).to_have_text(hashes["DossierChanges"])
    assert page.locator("pre.code", has_text="verify_webhook").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "no sideways scrolling on a phone"
    assert csp_violations(page) == []
