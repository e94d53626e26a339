"""`make token ROLE=...`: a token from the local identity provider, for GraphiQL or curl.

curl -H "authorization: Bearer $(make -s token)" ...
"""

from __future__ import annotations

import argparse
import sys

from infra.dev_issuer import DevIssuer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("role", choices=["citizen", "officer", "admin", "app"])
    parser.add_argument("--center", default="hcc-01", help="the officer's center id")
    parser.add_argument("--center-role", default="lead", choices=["reception", "processing", "lead"])
    parser.add_argument("--scope", default="public:read", help="the app's scopes")
    parser.add_argument("--port", type=int, default=8080, help="port of the local portal (the issuer's address)")
    args = parser.parse_args(argv)
    issuer = DevIssuer(f"http://127.0.0.1:{args.port}/dev-issuer")
    print(issuer.mint_for(args.role, center_id=args.center, center_role=args.center_role, scope=args.scope))
    return 0


if __name__ == "__main__":
    sys.exit(main())
