#!/usr/bin/env bash
# Concept tagging against tests/data/concept_gold: precision/recall of "about"
# by jurisdiction, identical concepts across language versions, and (with
# --errors) every disagreement with the judges.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
cmake --build "$build" --target concept_eval -j"$(nproc)" >/dev/null
"$build/bench/concept_eval" corpus tests/data/concept_gold "$@"
