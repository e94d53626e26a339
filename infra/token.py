"""`make token ROLE=...`: a token from the local identity provider, for GraphiQL or curl.

curl -H "authorization: Bearer $(make -s token)" ...

The token's issuer is the running `make dev`'s (it writes its address to .local/serving, so
`make dev ARGS="--port 9090"` needs nothing more); `--port` (make token PORT=9090) names another.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from infra import local_env
from infra.dev_issuer import DevIssuer


def issuer_url(port: int | None, serving: Path | None = None) -> str:
    """The local identity provider's address: on `port` when given, else where `make dev` serves."""
    if port is not None:
        base_url = f"http://127.0.0.1:{port}"
    else:
        base_url = local_env.serving_url(serving) or local_env.DEFAULT_BASE_URL
    return f"{base_url}{local_env.DEV_ISSUER_PATH}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("role", choices=["citizen", "officer", "admin", "app"])
    parser.add_argument("--center", default="hcc-01", help="the officer's center id")
    parser.add_argument("--center-role", default="lead", choices=["reception", "processing", "lead"])
    parser.add_argument("--scope", default="public:read", help="the app's scopes")
    parser.add_argument(
        "--port", type=int, help="port of the local portal (the issuer's address); default: where make dev serves"
    )
    args = parser.parse_args(argv)
    issuer = DevIssuer(issuer_url(args.port))
    print(issuer.mint_for(args.role, center_id=args.center, center_role=args.center_role, scope=args.scope))
    return 0


if __name__ == "__main__":
    sys.exit(main())
