#!/usr/bin/env bash
# Cross-language retrieval evaluation: recall@10 of tests/data/cross_language_queries.json
# over corpus/, per query, per query language and overall, with and without thesaurus
# expansion; then which jurisdictions the emergency-protection-orders topic lists.
#
#   bench/cross_language_eval.sh [BUILD_DIR]      (default: build, or $HIMOYA_BUILD)
#
# Builds himoya and cross_language_eval_test in BUILD_DIR if needed, then runs the
# test binary; the table goes to stdout, doctest's verdict follows it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-${HIMOYA_BUILD:-$root/build}}"
# (Re)configure: tests/*_test.cc are globbed, so a build dir configured before this
# test existed does not know the target yet.
cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" -j"${JOBS:-2}" --target himoya cross_language_eval_test >/dev/null
cd "$root"
exec "$build/tests/cross_language_eval_test" --no-version "${@:2}"
