#!/usr/bin/env bash
# Runs check_responses.py (real answers of every endpoint against docs/openapi.yaml)
# with a Python 3 that has PyYAML and jsonschema >= 4: Debian's (python3-yaml,
# python3-jsonschema; scripts/setup --test installs them) first, else python3 on PATH.
#   tests/openapi/responses.sh PATH/TO/himoya
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
for py in /usr/bin/python3 python3; do
  if command -v "$py" >/dev/null && "$py" -c 'import yaml; from jsonschema import Draft202012Validator' 2>/dev/null; then
    exec "$py" "$HERE/check_responses.py" "$@"
  fi
done
echo "$0: no Python 3 with PyYAML and jsonschema >= 4: run scripts/setup --test" \
     "(apt-get install -y python3-yaml python3-jsonschema)" >&2
exit 1
