#!/usr/bin/env bash
# make deploy [STAGE=staging|prod]: build and deploy the stack, seed reference data, publish the site.
# Needs AWS credentials for the target account. Before the first deploy of a stage, create the tracking key:
#   aws ssm put-parameter --name /portal/tracking-key --type SecureString --value "$(openssl rand -base64 32)"
set -euo pipefail
cd "$(dirname "$0")/.."
stage="${STAGE:-staging}"
./infra/bootstrap.sh
[[ -x .venv/bin/sam ]] || .venv/bin/pip install -q aws-sam-cli 2> >(grep -v "^WARNING: Location '" >&2)
.venv/bin/python -m infra.export_schema >/dev/null
.venv/bin/python -m infra.export_operations >/dev/null
.venv/bin/sam validate --lint --template template.yaml
.venv/bin/sam build --template template.yaml
.venv/bin/sam deploy --config-file infra/samconfig.toml --config-env "$stage"
.venv/bin/python -m infra.publish --config-env "$stage"
