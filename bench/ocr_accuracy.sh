#!/usr/bin/env bash
# OCR word accuracy on the scans of tests/data/office (make_scans.py): the share of
# the words each scan shows (scan-sources.tsv) found, case-folded, in what the
# readers extracted by OCR, per file and per language. The figure is printed by
# the doctest case below (which asserts only a floor of 0.6, as a broken OCR
# would fail); docs/corpus-format.md quotes it.
#
#   bench/ocr_accuracy.sh [BUILD_DIR]      (default: build)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$repo/build}"
cd "$repo"
"$build/tests/ocr_test" --test-case='OCR word accuracy*' --success=false 2>&1 |
  grep -E 'OCR word accuracy|words =|test cases'
