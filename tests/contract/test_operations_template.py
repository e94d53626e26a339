"""What running the portal for a whole country needs from template.yaml: the alarms (to one SNS topic with
the on-call e-mail), the dashboard, the canary deployment rolled back on alarms, encrypted and protected
data, access logs, and checkov passing with every skipped check explained."""

import json
import subprocess
import tomllib

import pytest

from infra.template import ROOT, TEMPLATE, load_template

CHECKOV = ROOT / ".tools" / "checkov" / "bin" / "checkov"  # made by infra/bootstrap.sh

ALARMS = {
    "ApiServerErrorsAlarm": ("AWS/ApiGateway", "5xx"),
    "ApiLatencyP99Alarm": ("AWS/ApiGateway", "Latency"),
    "FunctionErrorsAlarm": ("AWS/Lambda", "Errors"),
    "FunctionThrottlesAlarm": ("AWS/Lambda", "Throttles"),
    "FunctionConcurrencyAlarm": ("AWS/Lambda", "ConcurrentExecutions"),
    "DynamoDBSystemErrorsAlarm": ("AWS/DynamoDB", "SystemErrors"),
    "DynamoDBThrottlesAlarm": ("AWS/DynamoDB", "WriteThrottleEvents"),
    "OperationErrorsAlarm": ("Portal", "InternalErrors"),
    "StreamConsumerIteratorAgeAlarm": ("AWS/Lambda", "IteratorAge"),
    "StreamConsumerErrorsAlarm": ("AWS/Lambda", "Errors"),
    "StreamDeadLetterAlarm": ("AWS/SQS", "ApproximateNumberOfMessagesVisible"),
    "JobsErrorsAlarm": ("AWS/Lambda", "Errors"),
}


@pytest.fixture(scope="module")
def resources():
    return load_template()["Resources"]


def metrics_of(alarm: dict) -> set[tuple[str, str]]:
    props = alarm["Properties"]
    if "MetricName" in props:
        return {(props["Namespace"], props["MetricName"])}
    return {
        (m["MetricStat"]["Metric"]["Namespace"], m["MetricStat"]["Metric"]["MetricName"])
        for m in props["Metrics"]
        if "MetricStat" in m
    }


@pytest.mark.parametrize(("logical_id", "metric"), ALARMS.items())
def test_every_alarm_exists_watches_its_metric_and_tells_the_alarm_topic(resources, logical_id, metric):
    alarm = resources[logical_id]
    assert alarm["Type"] == "AWS::CloudWatch::Alarm"
    assert metric in metrics_of(alarm)
    props = alarm["Properties"]
    assert props["AlarmActions"] == [{"Ref": "AlarmTopic"}] and props["OKActions"] == [{"Ref": "AlarmTopic"}]
    assert len(props["AlarmDescription"]) > 30  # says what went wrong, for whoever is woken up


def test_the_alarm_topic_mails_the_on_call_address_given_as_a_parameter(resources):
    template = load_template()
    assert template["Parameters"]["AlarmEmail"]["Type"] == "String"
    subscription = resources["AlarmEmailSubscription"]["Properties"]
    assert subscription == {"TopicArn": {"Ref": "AlarmTopic"}, "Protocol": "email", "Endpoint": {"Ref": "AlarmEmail"}}
    assert "KmsMasterKeyId" in resources["AlarmTopic"]["Properties"]


def test_the_dashboard_exists_and_shows_every_alarm(resources):
    dashboard = resources["OperationsDashboard"]
    assert dashboard["Type"] == "AWS::CloudWatch::Dashboard"
    body, variables = dashboard["Properties"]["DashboardBody"]["Fn::Sub"]
    shown = {v["Fn::GetAtt"][0] for v in variables.values()}
    assert shown == set(ALARMS)
    widgets = json.loads(body.replace("${", "{"))["widgets"]  # the placeholders aside, it is JSON
    assert len(widgets) >= 6 and any(w["type"] == "alarm" for w in widgets)


def test_a_new_version_takes_traffic_gradually_and_is_rolled_back_on_the_alarms(resources):
    function = resources["GraphQLFunction"]["Properties"]
    assert function["AutoPublishAlias"] == "live"
    preference = function["DeploymentPreference"]
    assert preference["Type"] == {"Ref": "DeploymentType"}
    rollback = {a["Ref"] for a in preference["Alarms"]}
    assert rollback == {"FunctionErrorsAlarm", "ApiServerErrorsAlarm", "ApiLatencyP99Alarm"}
    assert rollback <= set(resources)
    assert "Canary10Percent10Minutes" in load_template()["Parameters"]["DeploymentType"]["AllowedValues"]
    assert function["ReservedConcurrentExecutions"] == {"Ref": "ReservedConcurrency"}


def test_tables_are_encrypted_with_the_customer_key_and_the_durable_ones_protected(resources):
    tables = {k: v for k, v in resources.items() if v["Type"] == "AWS::DynamoDB::Table"}
    assert len(tables) >= 4
    for logical_id, table in tables.items():
        props = table["Properties"]
        assert props["SSESpecification"]["SSEType"] == "KMS", logical_id
        assert props["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True, logical_id
        # counters of the current minute, and the stream consumer's idempotency records (hours): throwaway data
        if logical_id not in {"RateLimitsTable", "IdempotencyTable"}:
            assert props["DeletionProtectionEnabled"] is True, logical_id
            assert table["DeletionPolicy"] == "Retain", logical_id


def test_logs_are_kept_encrypted_and_access_is_logged(resources):
    for group in (r for r in resources.values() if r["Type"] == "AWS::Logs::LogGroup"):
        assert group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}
        assert "KmsKeyId" in group["Properties"]
    assert resources["SiteBucket"]["Properties"]["LoggingConfiguration"]["DestinationBucketName"] == {
        "Ref": "LogsBucket"
    }
    assert resources["Distribution"]["Properties"]["DistributionConfig"]["Logging"]["Prefix"] == "cloudfront/"


def test_samconfig_has_dev_staging_and_prod_with_their_operations_parameters():
    config = tomllib.loads((ROOT / "infra" / "samconfig.toml").read_text(encoding="utf-8"))
    allowed = set(load_template()["Parameters"]["Stage"]["AllowedValues"])
    for stage in ("dev", "staging", "prod"):
        overrides = dict(o.split("=", 1) for o in config[stage]["deploy"]["parameters"]["parameter_overrides"])
        assert overrides["Stage"] == stage and stage in allowed
        assert {"ReservedConcurrency", "DeploymentType", "LogRetentionDays"} <= set(overrides)
    prod = dict(o.split("=", 1) for o in config["prod"]["deploy"]["parameters"]["parameter_overrides"])
    assert prod["DeploymentType"].startswith("Canary") and prod["AlarmEmail"]


def test_checkov_finds_nothing_that_is_not_skipped_with_a_reason():
    assert CHECKOV.exists(), "run ./infra/bootstrap.sh (it installs checkov in .tools/checkov)"
    result = subprocess.run(
        [
            str(CHECKOV),
            "-f",
            str(TEMPLATE),
            "--framework",
            "cloudformation",
            "--skip-download",
            "-o",
            "json",
            "--compact",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    report = json.loads(result.stdout)
    failed = [(c["check_id"], c["resource"]) for c in report["results"]["failed_checks"]]
    assert failed == [] and result.returncode == 0
    skipped = report["results"]["skipped_checks"]
    assert skipped, "the skips below are expected to be seen by checkov"
    for check in skipped:
        assert len(check["check_result"].get("suppress_comment", "")) > 40, check["check_id"]


def test_aws_call_tracing_is_a_switch_per_stage_off_unless_asked_for():
    template = load_template()
    assert template["Parameters"]["TraceAwsCalls"]["Default"] == "off"
    variables = template["Globals"]["Function"]["Environment"]["Variables"]
    assert variables["TRACE_AWS_CALLS"] == {"Ref": "TraceAwsCalls"}
    assert template["Globals"]["Function"]["Tracing"] == "Active"
