"""Security headers over real HTTP from the local server: the site, the API, errors and GraphiQL."""

import base64
import hashlib
import json
import re
import urllib.error
import urllib.request

import pytest

from portal.api.http.security_headers import SECURITY_HEADERS, SITE_CSP


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:  # noqa: S310 - local server
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.mark.parametrize(
    ("path", "status"),
    [("/", 200), ("/assets/app.js", 200), ("/no-such-page", 404), ("/dev-issuer/jwks.json", 200)],
)
def test_every_page_of_the_site_carries_the_security_headers(local_server, path, status):
    code, headers, _ = fetch(f"{local_server.base_url}{path}")
    assert code == status
    for name, value in SECURITY_HEADERS.items():
        assert headers[name] == value, name


def test_the_api_carries_the_security_headers(local_server):
    body = json.dumps({"query": "{ procedureFields }"}).encode()
    code, headers, _ = fetch(f"{local_server.base_url}/graphql", body, {"content-type": "application/json"})
    assert code == 200 and headers["content-security-policy"] == SITE_CSP
    assert headers["strict-transport-security"].startswith("max-age=63072000")
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_graphiql_gets_a_policy_of_its_own_that_allows_exactly_its_cdn_and_its_inline_script(local_server):
    code, headers, html = fetch(f"{local_server.base_url}/graphql", headers={"accept": "text/html"})
    assert code == 200 and "graphiql" in html.lower()
    csp = headers["content-security-policy"]
    assert csp != SITE_CSP and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    inline = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert inline, "the page has an inline script"
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert headers["x-frame-options"] == "DENY" and headers["x-content-type-options"] == "nosniff"


def test_the_local_server_does_not_name_its_software(local_server):
    for path in ("/", "/graphql"):
        _, headers, _ = fetch(f"{local_server.base_url}{path}")
        assert headers.get("server") is None, path
