"""The static site as served: every module and stylesheet addressed with the site's version
(`?v=<hash of all its files>`), so they are cached for a year and a new deploy is fetched at once,
while index.html and config.json are revalidated each time. No build step for the sources: the
version is written into the served copies only (relative import specifiers, index.html's links).
Used by the local server and by `infra/publish.py`, so both serve exactly the same bytes and headers."""

from __future__ import annotations

import hashlib
import mimetypes
import re
import time
from dataclasses import dataclass
from pathlib import Path

from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send

LONG_CACHE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# A relative module path in a string literal: import/export ... from "./x.js", import("./x.js"), lazyPage("./x.js").
_RELATIVE_JS = re.compile(r"""(["'])(\.{1,2}/[^"'?]+\.js)\1""")
_INDEX_ASSET = re.compile(r"""((?:src|href)=")(/assets/[^"?]+\.(?:js|css))(")""")


@dataclass(frozen=True)
class SiteFile:
    body: bytes
    content_type: str
    cache_control: str


def site_version(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def build_site(root: Path) -> dict[str, SiteFile]:
    """Served path -> file, with the version in every module's imports and in index.html."""
    version = site_version(root)
    files: dict[str, SiteFile] = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        key = "/" + path.relative_to(root).as_posix()
        body = path.read_bytes()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".js":
            content_type = "text/javascript; charset=utf-8"
            body = _RELATIVE_JS.sub(lambda m: f"{m[1]}{m[2]}?v={version}{m[1]}", body.decode()).encode()
        if path.name == "index.html":
            body = _INDEX_ASSET.sub(lambda m: f"{m[1]}{m[2]}?v={version}{m[3]}", body.decode()).encode()
        versioned = path.suffix in {".js", ".css", ".svg", ".png", ".woff2"} and path.name != "config.json"
        files[key] = SiteFile(body, content_type, LONG_CACHE if versioned else REVALIDATE)
    files["/"] = files["/index.html"]
    return files


class VersionedSite:
    """ASGI app serving build_site(root), rebuilt when a source file changes (for `make dev`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: dict[str, SiteFile] = {}
        self._stamp: tuple[float, int] | None = None
        self._checked = 0.0

    def _current(self) -> dict[str, SiteFile]:
        now = time.monotonic()
        if now - self._checked > 1.0:
            self._checked = now
            paths = [p for p in self.root.rglob("*") if p.is_file()]
            stamp = (max(p.stat().st_mtime for p in paths), len(paths))
            if stamp != self._stamp:
                self._files, self._stamp = build_site(self.root), stamp
        return self._files

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"]
        found = self._current().get(path)
        if found is None or scope["method"] not in ("GET", "HEAD"):
            response: Response = PlainTextResponse("Not Found", status_code=404)
        else:
            cache = found.cache_control
            if cache == LONG_CACHE and b"v=" not in scope.get("query_string", b""):
                cache = REVALIDATE  # an unversioned address may change under the same name
            response = Response(found.body, media_type=found.content_type, headers={"cache-control": cache})
        await response(scope, receive, send)
