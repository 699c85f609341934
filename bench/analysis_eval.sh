#!/bin/sh
# Prints the analysis evaluation tables (stemmer, language id, folding cost)
# and the analysis throughput per language. Usage: bench/analysis_eval.sh [BUILD_DIR]
# BEFORE=/path/to/analysis_throughput of an older build adds a "before" run.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shared=$here/../shared/realdata
"$build/bench/analysis_eval" "$here" "$here/../shared"
args="--mb 4 tg $shared/tajik-keyword-extractor/Payom_*.txt $shared/nltk-udhr2/tgk.txt \
  -- ru $shared/nltk-udhr2/rus.txt $here/corpus/tj/tj-dv-law-2013-ru.xml $here/corpus/md/md-dv-law-45-2007-ru.xml \
  -- en $shared/nltk-udhr2/eng.txt $here/corpus/tj/tj-dv-law-2013-en.xml $here/corpus/us/us-vawa-1994-en.xml"
echo
echo "## Analysis throughput (MB per CPU second, best of 3, fresh Analyzer each run)"
echo
# shellcheck disable=SC2086
"$build/bench/analysis_throughput" $args
if [ -n "${BEFORE:-}" ]; then
  echo "before:"
  # shellcheck disable=SC2086
  "$BEFORE" $args
fi
