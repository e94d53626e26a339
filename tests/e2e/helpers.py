"""What the browser tests do besides clicking: call the API as another party would (an officer at
their desk, the applicant's phone app), and sign in through the local identity provider."""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import quote

from tests.support import journeys
from tests.support.graphql_client import Response, operation


class HttpApi:
    """The contract's named operations over real HTTP against the local server."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def run(self, name: str, variables: dict | None = None, token: str | None = None) -> Response:
        headers = {"content-type": "application/json"}
        if token:
            headers["authorization"] = f"Bearer {token}"
        body = json.dumps({"query": operation(name), "variables": variables or {}}).encode()
        request = urllib.request.Request(f"{self.base_url}/graphql", data=body, headers=headers)
        with urllib.request.urlopen(request, timeout=30) as r:
            return Response(r.status, json.loads(r.read()), dict(r.headers))


def sign_in_url(base_url: str, role: str, route: str, center: str | None = None) -> str:
    center_part = f"&center={center}" if center else ""
    return f"{base_url}/dev-issuer/sign-in?role={role}{center_part}&next={quote(route, safe='')}"


def my_dossier_codes(api: HttpApi, token: str) -> list[str]:
    codes, after = [], None
    while True:
        r = api.run("MyDossiers", {"first": 100, "after": after}, token=token)
        assert r.errors == [], r.errors
        page = r.data["myDossiers"]
        codes += [e["node"]["code"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return codes
        after = page["pageInfo"]["endCursor"]


def file_birth_registration(api: HttpApi, token: str, center_id: str) -> dict:
    return journeys.submit(api, token, center_id)


def act(api: HttpApi, token: str, code: str, action: str, **fields) -> dict:
    result = journeys.act(api, token, code, action, **fields)
    assert result["__typename"] == "DossierUpdated", result
    return result["dossier"]


# Text nodes with Vietnamese letters (marks, đ) set in a monospace font, whose marks it breaks: monospace is
# for codes and digits only.
VIETNAMESE_IN_MONOSPACE = r"""() => {
  const vietnamese = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || !vietnamese.test(node.textContent) || parent.closest("[hidden], script, style")) continue;
    if (/mono|menlo|consolas|courier/i.test(getComputedStyle(parent).fontFamily)) found.push(node.textContent.trim());
  }
  return found;
}"""


def vietnamese_in_monospace(page) -> list[str]:
    return page.evaluate(VIETNAMESE_IN_MONOSPACE)
