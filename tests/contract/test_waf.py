"""infra/waf.yaml: the web ACL CloudFront gets through template.yaml's WebAclArn parameter."""

import json

from infra.template import ROOT, load_template
from portal.ratelimit.service import MESSAGE, MESSAGE_EN

WAF = load_template(ROOT / "infra" / "waf.yaml")
ACL = WAF["Resources"]["WebAcl"]["Properties"]
RULES = {rule["Name"]: rule for rule in ACL["Rules"]}


def test_the_web_acl_is_for_cloudfront_and_its_arn_is_an_output():
    assert ACL["Scope"] == "CLOUDFRONT"
    assert WAF["Outputs"]["WebAclArn"]["Value"] == {"Fn::GetAtt": ["WebAcl", "Arn"]}
    portal = load_template()
    assert portal["Parameters"]["WebAclArn"]["Type"] == "String"
    web_acl = portal["Resources"]["Distribution"]["Properties"]["DistributionConfig"]["WebACLId"]
    assert web_acl == {"Fn::If": ["HasWebAcl", {"Ref": "WebAclArn"}, {"Ref": "AWS::NoValue"}]}


def test_requests_are_rate_limited_per_address_and_graphql_more_strictly():
    site = RULES["rate-per-address"]["Statement"]["RateBasedStatement"]
    graphql = RULES["graphql-rate-per-address"]["Statement"]["RateBasedStatement"]
    assert site["AggregateKeyType"] == graphql["AggregateKeyType"] == "IP"
    assert graphql["ScopeDownStatement"]["ByteMatchStatement"]["SearchString"] == "/graphql"
    parameters = WAF["Parameters"]
    assert parameters[graphql["Limit"]["Ref"]]["Default"] < parameters[site["Limit"]["Ref"]]["Default"], (
        "the API is dearer than static files"
    )
    assert RULES["graphql-rate-per-address"]["Priority"] < RULES["rate-per-address"]["Priority"]


def test_the_aws_common_rule_set_applies():
    group = RULES["aws-common-rule-set"]["Statement"]["ManagedRuleGroupStatement"]
    assert (group["VendorName"], group["Name"]) == ("AWS", "AWSManagedRulesCommonRuleSet")
    assert RULES["aws-common-rule-set"]["OverrideAction"] == {"None": {}}, "its rules block, not just count"


def test_a_refusal_is_the_apis_own_rate_limited_error():
    for name in ("rate-per-address", "graphql-rate-per-address"):
        response = RULES[name]["Action"]["Block"]["CustomResponse"]
        assert response["ResponseCode"] == 429
        body = json.loads(ACL["CustomResponseBodies"][response["CustomResponseBodyKey"]]["Content"])
        error = body["errors"][0]
        assert error["message"] == MESSAGE and error["extensions"]["messageEn"] == MESSAGE_EN
        assert error["extensions"]["code"] == "RATE_LIMITED" and body["data"] is None
