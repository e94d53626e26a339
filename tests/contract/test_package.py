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


def test_the_slimmed_botocore_data_describes_the_same_clients(tmp_path):
    """functions/slim_botocore.py drops other services' endpoints and the models' documentation: every
    packaged client keeps its endpoint, its operations and their shapes."""
    import shutil

    import botocore
    import botocore.session
    from slim_botocore import slim

    source = Path(botocore.__file__).parent / "data"
    data = tmp_path / "data"
    data.mkdir()
    for name in ("endpoints.json", "partitions.json", "_retry.json", "sdk-default-configuration.json"):
        shutil.copy(source / name, data / name)
    for service in packaged_services():
        shutil.copytree(source / service, data / service)
    slim(data)
    assert (data / "endpoints.json").stat().st_size < (source / "endpoints.json").stat().st_size / 10

    def described(data_path: Path | None, service: str):
        session = botocore.session.Session()
        if data_path is not None:
            session.set_config_variable("data_path", str(data_path))
        client = session.create_client(service, region_name="ap-southeast-1", aws_access_key_id="x",
                                       aws_secret_access_key="y")  # fmt: skip
        model = client.meta.service_model
        shapes = {op: sorted(model.operation_model(op).input_shape.members) for op in model.operation_names
                  if model.operation_model(op).input_shape is not None}  # fmt: skip
        return (
            client.meta.endpoint_url,
            model.client_context_parameters and len(model.client_context_parameters),
            shapes,
        )

    for service in packaged_services():
        assert described(data, service) == described(None, service), service
