#!/usr/bin/env bash
# make deploy [STAGE=staging|prod]: build and deploy the stack, seed reference data, publish the site.
# Needs AWS credentials for the target account. Before the first deploy of a stage, create the tracking key:
#   aws ssm put-parameter --name /portal/tracking-key --type SecureString --value "$(openssl rand -base64 32)"
set -euo pipefail
cd "$(dirname "$0")/.."
stage="${STAGE:-staging}"
./infra/bootstrap.sh --deploy # .venv, and aws-sam-cli in .tools/deploy (never in .venv: its pins clash)
sam=.tools/deploy/bin/sam
.venv/bin/python -m infra.export_schema >/dev/null
.venv/bin/python -m infra.export_operations >/dev/null
$sam validate --lint --template template.yaml
$sam build --template template.yaml
$sam deploy --config-file infra/samconfig.toml --config-env "$stage"
.venv/bin/python -m infra.publish --config-env "$stage"
