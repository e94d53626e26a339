"""Every dossier action has an entry in EVENT_HANDLERS (even an empty one), and the schedules of
template.yaml are exactly the JOBS the jobs function knows."""

import json

from infra.template import load_template
from portal.dossiers.model import Action
from portal.jobs.registry import JOBS
from portal.notifications import templates
from portal.notifications.handlers import EVENT_HANDLERS, tell_applicant, tell_center, tell_other_side


def test_every_action_has_an_entry_in_the_event_handlers():
    missing = [a.value for a in Action if a not in EVENT_HANDLERS]
    assert not missing, f"add these actions to EVENT_HANDLERS (an empty tuple if nobody is told): {missing}"


def test_every_handler_has_a_template_for_each_action_it_handles():
    for action, handlers in EVENT_HANDLERS.items():
        if tell_applicant in handlers or tell_other_side in handlers:
            assert action in templates.APPLICANT, action
        if tell_center in handlers or tell_other_side in handlers:
            assert action in templates.CENTER, action


def _schedules() -> dict[str, dict]:
    resources = load_template()["Resources"]
    found = {}
    for resource in resources.values():
        if resource["Type"] != "AWS::Serverless::Function":
            continue
        for event in resource["Properties"].get("Events", {}).values():
            if event["Type"] == "ScheduleV2":
                found[json.loads(event["Properties"]["Input"])["job"]] = {
                    "handler": resource["Properties"]["Handler"],
                    **event["Properties"],
                }
    return found


def test_the_template_schedules_exactly_the_jobs_there_are():
    assert set(_schedules()) == set(JOBS)
    assert {s["handler"] for s in _schedules().values()} == {"portal.entrypoints.jobs.handler"}


def test_the_officers_digest_runs_in_the_morning_in_vietnam():
    digest = _schedules()["officers-digest"]
    assert digest["ScheduleExpressionTimezone"] == "Asia/Ho_Chi_Minh"
    assert digest["ScheduleExpression"].startswith("cron(0 7 ")


def test_the_stream_consumer_reports_partial_failures_and_has_a_dead_letter_queue():
    resources = load_template()["Resources"]
    mapping = resources["StreamConsumerFunction"]["Properties"]["Events"]["DossierEvents"]["Properties"]
    assert mapping["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    assert mapping["DestinationConfig"]["OnFailure"]["Destination"] == {"Fn::GetAtt": ["StreamDeadLetterQueue", "Arn"]}
    assert resources["DossiersTable"]["Properties"]["StreamSpecification"]["StreamViewType"] == "KEYS_ONLY"
    alarms = {
        r["Properties"]["MetricName"]
        for r in resources.values()
        if r["Type"] == "AWS::CloudWatch::Alarm"
        and r["Properties"].get("Dimensions", [{}])[0].get("Value") in ({"Ref": "StreamConsumerFunction"},)
    }
    assert alarms == {"IteratorAge", "Errors"}
