"""The deployment package keeps only the AWS service descriptions the portal uses (functions/Makefile):
a call to any other service would fail in Lambda with UnknownServiceError, so the code is checked for them."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLIENT_CALL = re.compile(r"""(?:boto3\.client|\.client|create_client)\(\s*["']([a-z0-9-]+)["']""")


def packaged_services() -> set[str]:
    makefile = (ROOT / "functions" / "Makefile").read_text()
    return set(re.search(r"^AWS_SERVICES = (.+)$", makefile, re.M).group(1).split())


def test_the_services_the_portal_calls_are_packaged():
    sources = "\n".join(p.read_text() for p in (ROOT / "functions" / "portal").rglob("*.py"))
    called = set(CLIENT_CALL.findall(sources))
    called.add("dynamodb")  # pynamodb
    if "parameters.get_parameter" in sources:
        called.add("ssm")  # powertools Parameters
    assert called <= packaged_services(), f"add {sorted(called - packaged_services())} to AWS_SERVICES"
