"""`make deploy` builds every function: each one template.yaml declares is built by functions/Makefile
(sam build stops at the first `No rule to make target`), and the deploy tools live in a virtualenv of
their own (.tools/deploy), never in the portal's .venv, whose pinned boto3 aws-sam-cli would downgrade."""

import re
import subprocess

import pytest

from infra.template import ROOT, load_template

FUNCTIONS = sorted(
    name for name, resource in load_template()["Resources"].items() if resource["Type"] == "AWS::Serverless::Function"
)


def test_the_template_declares_the_functions_we_know_of():
    assert {"GraphQLFunction", "StreamConsumerFunction", "JobsFunction", "WebhookWorkerFunction"} <= set(FUNCTIONS)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_each_function_is_built_by_its_makefile_target(name, tmp_path):
    resource = load_template()["Resources"][name]
    assert resource.get("Metadata", {}).get("BuildMethod") == "makefile", f"{name}: BuildMethod makefile"
    assert resource["Properties"]["CodeUri"].rstrip("/") == "functions"
    # what sam build runs (make build-<LogicalId> in CodeUri), as a dry run: the rule must exist
    made = subprocess.run(
        ["make", "--dry-run", "-C", str(ROOT / "functions"), f"build-{name}", f"ARTIFACTS_DIR={tmp_path}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    assert "pip install" in made.stdout and "compileall" in made.stdout, made.stdout


def test_the_deploy_tools_have_a_virtualenv_of_their_own():
    deploy = (ROOT / "infra" / "deploy.sh").read_text()
    bootstrap = (ROOT / "infra" / "bootstrap.sh").read_text()
    requirements = (ROOT / "infra" / "deploy-requirements.txt").read_text()
    assert not re.search(r"\.venv/bin/(pip|sam)\b", deploy), "aws-sam-cli must not go into (nor run from) .venv"
    assert "bootstrap.sh --deploy" in deploy and "sam=.tools/deploy/bin/sam" in deploy
    assert 'python_bin" -m venv .tools/deploy' in bootstrap
    assert ".tools/deploy/bin/pip install -q -r infra/deploy-requirements.txt" in bootstrap
    assert re.search(r"^aws-sam-cli==\d+\.\d+\.\d+$", requirements, re.M), "pinned, as checkov is"
