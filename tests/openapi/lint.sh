#!/usr/bin/env bash
# Lints docs/openapi.yaml with @redocly/cli at the version pinned in package.json
# (installed into tests/openapi/node_modules, which git ignores), under the rules
# of redocly.yaml at the repository root: any error or warning fails.
#   tests/openapi/lint.sh
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "$0: node and npm are missing: run scripts/setup --test (apt-get install -y nodejs npm)" >&2
  exit 1
fi
pinned="$(node -p "require('$HERE/package.json').devDependencies['@redocly/cli']")"
installed="$(node -p "try { require('$HERE/node_modules/@redocly/cli/package.json').version } catch (e) { '' }")"
if [ "$installed" != "$pinned" ]; then
  echo "$0: installing @redocly/cli $pinned (package-lock.json) into $HERE/node_modules" >&2
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error) || { echo "$0: npm ci failed" >&2; exit 1; }
fi

# No usage data sent to Redocly, no update check.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
cd "$ROOT"
if ! "$HERE/node_modules/.bin/redocly" lint --config redocly.yaml docs/openapi.yaml; then
  echo "" >&2
  echo "FAILED: docs/openapi.yaml does not pass 'redocly lint' (@redocly/cli $pinned, rules in redocly.yaml)" >&2
  exit 1
fi
