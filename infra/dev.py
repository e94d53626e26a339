"""`make dev`: DynamoDB Local (data kept in .local/dynamodb), tables from template.yaml, reference data,
then the GraphQL API (/graphql, with GraphiQL) and the static site (/) on http://127.0.0.1:PORT.
Ctrl-C stops everything it started.
"""

from __future__ import annotations

import argparse
import socket
import sys

from infra import local_env
from infra.dynamodb_local import DynamoDBLocal


def _port_is_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8080, help="port of the portal (default 8080)")
    parser.add_argument("--dynamodb-port", type=int, default=8000, help="port of DynamoDB Local (default 8000)")
    args = parser.parse_args(argv)
    for port, what in ((args.port, "--port"), (args.dynamodb_port, "--dynamodb-port")):
        if not _port_is_free(port):
            print(f"Port {port} is taken; choose another with {what}.", file=sys.stderr)
            return 2

    base_url = f"http://127.0.0.1:{args.port}"
    ddb = DynamoDBLocal(
        args.dynamodb_port, data_dir=local_env.LOCAL / "dynamodb", log_path=local_env.LOCAL / "dynamodb.log"
    )
    local_env.apply(ddb.endpoint, base_url)
    print(f"Starting DynamoDB Local on port {args.dynamodb_port} (data in .local/dynamodb)...", flush=True)
    ddb.start()
    try:
        import uvicorn

        from infra.dev_issuer import DevIssuer
        from infra.local_server import create_local_app
        from infra.seed import reference_fingerprint, seed_reference_data
        from infra.tables import create_tables
        from portal.config import settings

        created = create_tables(settings())
        print(f"Tables: {', '.join(created) or 'already there'}", flush=True)
        marker = local_env.LOCAL / "dynamodb" / ".seeded"
        fingerprint = reference_fingerprint()
        if created or not marker.exists() or marker.read_text() != fingerprint:
            report = seed_reference_data()
            marker.write_text(fingerprint)
            print(
                f"Reference data: {report.procedures} procedures, {report.centers} centers ({report.seconds}s)",
                flush=True,
            )
        else:
            print("Reference data: unchanged since the last seed", flush=True)
        issuer = DevIssuer(settings().oidc_issuer)
        print(
            f"\n  Portal:   {base_url}/\n  GraphQL:  {base_url}/graphql  (GraphiQL in a browser)\n"
            f"  Sign in:  {base_url}/dev-issuer/sign-in?role=citizen  (local identity provider)\n",
            flush=True,
        )
        uvicorn.run(
            create_local_app(issuer), host="127.0.0.1", port=args.port, log_level="warning", server_header=False
        )
    except KeyboardInterrupt:
        pass
    finally:
        print("Stopping DynamoDB Local...", flush=True)
        ddb.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
