#!/usr/bin/env bash
# Server memory by worker-thread count: himoya serve on an index under 64 wrk
# connections for 30 s (the bench query mix), then its RSS high-water mark.
#
#   BUILD=/tmp/build-bench bench/rss_by_threads.sh [INDEX] [THREADS...]
#   (default: $WORK/himoya-1m, threads 16 64; needs bench/run's paths-himoya.txt)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD=${BUILD:-/tmp/build-bench}
WORK=${WORK:-/tmp/himoya-bench}
db=${1:-$WORK/himoya-1m}
shift || true
threads=("$@")
[ ${#threads[@]} -eq 0 ] && threads=(16 64)
for th in "${threads[@]}"; do
  port=$((18000 + th))
  "$BUILD/himoya" serve --db "$db" --port $port --threads $th > "$WORK/serve-threads-$th.log" 2>&1 &
  spid=$!
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.2; done
  WRK_PATHS="$WORK/paths-himoya.txt" wrk -t2 -c64 -d30s --timeout 20s -s bench/wrk_mix.lua http://127.0.0.1:$port | grep -E "^CSV|Requests/sec|Socket|Non-2xx" || true
  echo "threads=$th $(grep -E 'VmHWM|VmRSS' /proc/$spid/status | tr -s ' ' | tr '\n' ' ')"
  kill $spid; wait $spid 2>/dev/null || true
done
