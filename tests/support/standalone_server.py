"""The portal in a process of its own, on a DynamoDB Local of its own: for tests that stop the engine
under a running server (the session's DynamoDB Local must keep running for every other test).

python -m tests.support.standalone_server --port P --dynamodb-port D
"""

from __future__ import annotations

import argparse
import os


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dynamodb-port", type=int, required=True)
    args = parser.parse_args()

    from infra import local_env

    base = f"http://127.0.0.1:{args.port}"
    local_env.apply(f"http://127.0.0.1:{args.dynamodb_port}", base, table_prefix="standalone", key="standalone-key")
    os.environ["RATE_LIMITING"] = "on"  # its counters live in DynamoDB too
    os.environ["REFERENCE_CACHE_SECONDS"] = "0"  # every center read goes to DynamoDB

    import uvicorn

    from infra.local_server import server_config
    from infra.tables import create_tables
    from portal.api.http.app import create_app
    from portal.config import settings

    create_tables(settings())
    uvicorn.Server(server_config(create_app(), args.port)).run()


if __name__ == "__main__":
    main()
