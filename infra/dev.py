"""`make dev`: the local engines of infra/local (DynamoDB Local, data kept in .local/dynamodb), tables from
template.yaml, reference data, then the GraphQL API (/graphql, with GraphiQL) and the static site (/) on
http://127.0.0.1:PORT.
Ctrl-C stops everything it started.
"""

from __future__ import annotations

import argparse
import sys

from infra import local_env
from infra.local.ports import port_is_free
from infra.local.process import EngineError
from infra.local.stack import local_stack


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8080, help="port of the portal (default 8080)")
    parser.add_argument("--dynamodb-port", type=int, default=8000, help="port of DynamoDB Local (default 8000)")
    args = parser.parse_args(argv)
    if not port_is_free(args.port):
        print(f"Port {args.port} is taken; choose another with --port.", file=sys.stderr)
        return 2

    base_url = f"http://127.0.0.1:{args.port}"
    stack = local_stack(
        data_dir=local_env.LOCAL, log_dir=local_env.LOCAL, dynamodb_port=args.dynamodb_port, webhook_worker=True
    )
    stack.apply_environment(base_url)
    names = ", ".join(engine.name for engine in stack.engines)
    print(f"Starting {names} (data in .local/, logs in .local/*.log)...", flush=True)
    try:
        stack.start()
    except EngineError as error:
        print(error, file=sys.stderr)
        return 2
    for engine in stack.engines:
        for note in engine.notes:
            print(f"{engine.name}: {note}", flush=True)
    try:
        import uvicorn

        from infra.dev_issuer import DevIssuer
        from infra.local_server import create_local_app, server_config
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
            f"  Sign in:  {base_url}/dev-issuer/sign-in?role=citizen  (local identity provider)\n"
            f"  Mail:     make mail  (what the portal sent, kept in .local/mail; SMS in .local/sms)\n",
            flush=True,
        )
        local_env.announce_serving(base_url)  # read by `make token`: tokens for this port's issuer
        uvicorn.Server(server_config(create_local_app(issuer), args.port)).run()
    except KeyboardInterrupt:
        pass
    finally:
        local_env.withdraw_serving(base_url)
        print(f"Stopping {names}...", flush=True)
        stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
