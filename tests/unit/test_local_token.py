"""`make -s token` signs for the issuer of the running `make dev`, whatever its port: `make dev ARGS="--port
9090"` writes its address to .local/serving while it serves, and `make token` reads it (PORT=… names another)."""

from __future__ import annotations

import functools
import subprocess
from pathlib import Path

import jwt

from infra import local_env, token
from infra.dev_issuer import DevIssuer

ROOT = Path(__file__).resolve().parents[2]


def test_without_a_running_portal_the_issuer_is_the_default_ports(tmp_path):
    assert token.issuer_url(None, tmp_path / "serving") == "http://127.0.0.1:8080/dev-issuer"


def test_the_issuer_is_where_make_dev_serves_and_a_given_port_wins(tmp_path):
    serving = tmp_path / "serving"
    local_env.announce_serving("http://127.0.0.1:9090", serving)
    assert token.issuer_url(None, serving) == "http://127.0.0.1:9090/dev-issuer"
    assert token.issuer_url(9191, serving) == "http://127.0.0.1:9191/dev-issuer"


def test_stopping_forgets_its_own_address_only(tmp_path):
    serving = tmp_path / "serving"
    local_env.announce_serving("http://127.0.0.1:9090", serving)
    local_env.withdraw_serving("http://127.0.0.1:8080", serving)  # another one, stopping after 9090 started
    assert local_env.serving_url(serving) == "http://127.0.0.1:9090"
    local_env.withdraw_serving("http://127.0.0.1:9090", serving)
    assert local_env.serving_url(serving) is None and not serving.exists()


def test_make_token_prints_a_token_of_the_running_portals_issuer(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(local_env, "SERVING", tmp_path / "serving")
    monkeypatch.setattr(token, "DevIssuer", functools.partial(DevIssuer, key_dir=tmp_path / "keys"))
    local_env.announce_serving("http://127.0.0.1:9090")
    assert token.main(["citizen"]) == 0
    claims = jwt.decode(capsys.readouterr().out.strip(), options={"verify_signature": False})
    assert claims["iss"] == "http://127.0.0.1:9090/dev-issuer"
    assert token.main(["officer", "--port", "9191"]) == 0
    claims = jwt.decode(capsys.readouterr().out.strip(), options={"verify_signature": False})
    assert claims["iss"] == "http://127.0.0.1:9191/dev-issuer"


def test_make_token_passes_port_only_when_given():
    def command(*variables: str) -> str:
        dry_run = ["make", "-n", "-s", "token", *variables]
        return subprocess.run(dry_run, cwd=ROOT, capture_output=True, text=True, check=True).stdout

    assert "--port" not in command()
    assert "--port 9090" in command("PORT=9090")
