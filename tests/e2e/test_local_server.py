"""The local server over real HTTP: GraphQL, GraphiQL, the static site and the sign-in round trip."""

import json
import urllib.error
import urllib.request
from urllib.parse import quote, unquote

import pytest

from infra.dev_issuer import SAMPLE_CITIZEN


def post(base, payload, token=None):
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    request = urllib.request.Request(f"{base}/graphql", data=json.dumps(payload).encode(), headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - local server
        return response.headers, json.loads(response.read())


def test_the_api_answers_over_http_in_utf8(local_server):
    headers, body = post(local_server.base_url, {"query": '{ procedure(code: "1.001193") { name } }'})
    assert body == {"data": {"procedure": {"name": "Đăng ký khai sinh"}}}
    assert headers["x-request-id"]


def test_a_token_is_verified_against_the_servers_own_jwks_over_http(local_server):
    token = local_server.issuer.mint_for("citizen")
    _, body = post(local_server.base_url, {"query": "{ myDossiers(first: 1) { edges { node { code } } } }"}, token)
    assert "errors" not in body, body


def test_the_sign_in_page_returns_to_the_site_with_a_token_and_refuses_open_redirects(local_server):
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    for target, route in (
        ("#/tra-cuu-ho-so", "#/tra-cuu-ho-so"),
        ("https://evil.example/", "#/"),
        ("//evil.example", "#/"),
    ):
        with pytest.raises(urllib.error.HTTPError) as redirect:
            opener.open(
                f"{local_server.base_url}/dev-issuer/sign-in?role=citizen&next={quote(target, safe='')}", timeout=10
            )
        location = redirect.value.headers["location"]
        assert location.startswith("/#access_token=") and unquote(location).endswith(f"&next={route}"), location
    token = unquote(location.split("access_token=", 1)[1].split("&", 1)[0])
    assert local_server.issuer.mint_for("citizen").count(".") == token.count(".") == 2
    _, body = post(local_server.base_url, {"query": "{ myDossiers(first: 1) { edges { node { code } } } }"}, token)
    assert "errors" not in body and SAMPLE_CITIZEN["pid"]


def test_the_static_site_and_graphiql_are_served(local_server):
    with urllib.request.urlopen(f"{local_server.base_url}/", timeout=10) as r:  # noqa: S310
        assert "Cổng Dịch vụ công Quốc gia" in r.read().decode()
    request = urllib.request.Request(f"{local_server.base_url}/graphql", headers={"accept": "text/html"})
    with urllib.request.urlopen(request, timeout=10) as r:  # noqa: S310
        assert "graphiql" in r.read().decode().lower()


def _address_seen(config) -> str:
    """The client address the app reads (Starlette's request.client) for a request claiming 203.0.113.9."""
    import threading
    import time

    import uvicorn

    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{config.port}/", headers={"x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - local server
            return response.read().decode()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_the_local_server_takes_the_sockets_peer_as_the_address_never_x_forwarded_for():
    import uvicorn
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse

    from infra.local.ports import free_port
    from infra.local_server import server_config

    async def echo(scope, receive, send):
        await PlainTextResponse(Request(scope).client.host)(scope, receive, send)

    # uvicorn's defaults trust X-Forwarded-For from 127.0.0.1: a local client names its own address
    assert _address_seen(uvicorn.Config(echo, host="127.0.0.1", port=free_port(), log_level="warning")) == "203.0.113.9"
    assert _address_seen(server_config(echo, free_port())) == "127.0.0.1"
