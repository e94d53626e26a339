"""The app uvicorn serves in the throughput benchmark (`uvicorn tests.bench.server:app --factory`): the
portal's ASGI app, configured by the environment the benchmark passes to its workers."""

from __future__ import annotations

from starlette.types import ASGIApp


def app() -> ASGIApp:
    from portal.api.http.app import create_app

    return create_app()
