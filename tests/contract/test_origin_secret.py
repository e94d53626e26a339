"""CloudFront sends the origin secret the function checks: same header name, same SSM parameter."""

from infra.template import load_template
from portal.api.http.protection.origin import ORIGIN_SECRET_HEADER


def test_the_distribution_sends_the_header_the_function_checks_with_the_secret_it_is_given():
    template = load_template()
    environment = template["Globals"]["Function"]["Environment"]["Variables"]
    origins = template["Resources"]["Distribution"]["Properties"]["DistributionConfig"]["Origins"]
    [api] = [o for o in origins if o["Id"] == "api"]
    [header] = api["OriginCustomHeaders"]
    assert header["HeaderName"] == ORIGIN_SECRET_HEADER
    assert header["HeaderValue"] == environment["ORIGIN_SECRET"]
    assert "resolve:ssm:" in str(environment["ORIGIN_SECRET"]), "the secret comes from SSM, never the repository"
