"""The local server's security headers are CloudFront's: the middleware and template.yaml's response
headers policy must say the same thing."""

from infra.template import load_template
from portal.api.http.security_headers import SECURITY_HEADERS


def cloudfront_headers() -> dict[str, str]:
    config = load_template()["Resources"]["SecurityHeadersPolicy"]["Properties"]["ResponseHeadersPolicyConfig"]
    security = config["SecurityHeadersConfig"]
    hsts = security["StrictTransportSecurity"]
    hsts_value = f"max-age={hsts['AccessControlMaxAgeSec']}"
    hsts_value += "; includeSubDomains" if hsts["IncludeSubdomains"] else ""
    hsts_value += "; preload" if hsts["Preload"] else ""
    assert all(header.get("Override") is True for header in security.values()), "CloudFront's values must win"
    custom = config.get("CustomHeadersConfig", {}).get("Items", [])
    assert all(header.get("Override") is True for header in custom), "CloudFront's values must win"
    return {
        "content-security-policy": security["ContentSecurityPolicy"]["ContentSecurityPolicy"],
        "strict-transport-security": hsts_value,
        "x-content-type-options": "nosniff" if "ContentTypeOptions" in security else "",
        "x-frame-options": security["FrameOptions"]["FrameOption"],
        "referrer-policy": security["ReferrerPolicy"]["ReferrerPolicy"],
        **{header["Header"].lower(): header["Value"] for header in custom},
    }


def test_the_middleware_sends_what_cloudfront_sends():
    assert cloudfront_headers() == SECURITY_HEADERS


def test_the_policy_forbids_framing_and_foreign_code():
    csp = dict(d.strip().split(" ", 1) for d in SECURITY_HEADERS["content-security-policy"].split(";"))
    assert csp["default-src"] == "'self'" and csp["frame-ancestors"] == "'none'"
    assert csp["script-src"] == "'self'" and csp["object-src"] == "'none'"
