#!/bin/bash
# The foundation's figures on the bundled corpus: index time and size, and the
# median took_ms that /api/search reports for 20 queries (tg, ru, en; words,
# phrases, facets, substitute spelling), each asked 5 times after a warm-up.
#
#   bench/corpus_figures.sh [BUILD_DIR]      (default build/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
work=$(mktemp -d /tmp/himoya-figures.XXXXXX)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT

"$build/himoya" index --corpus "$root/corpus" --db "$work/index" 2>&1 | grep -E "documents|index ready" || true
echo "index size on disk: $(du -sh "$work/index" | cut -f1)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$build/himoya" serve --db "$work/index" --port "$port" --web "$root/web" > "$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/health" > /dev/null && break; sleep 0.1; done

python3 - "$port" <<'EOF'
import json, statistics, sys, urllib.parse, urllib.request
port = sys.argv[1]
queries = [
    ("зӯроварӣ дар оила", {}), ("ордери ҳимоявӣ", {}), ("ҳимояи ҷабрдидагон", {}), ("химояи чабрдидагон", {}),
    ("паноҳгоҳ", {}), ("қонун", {"jurisdiction": "TJ"}), ("\"пешгирии зӯроварӣ\"", {}),
    ("насилие в семье", {}), ("охранный ордер", {}), ("кризисный центр", {"lang": "ru"}),
    ("\"защитное предписание\"", {}), ("пострадавшие", {"type": "law"}), ("полиция", {}),
    ("domestic violence", {}), ("protection order", {}), ("emergency barring order", {}),
    ("\"marital rape\"", {}), ("shelter", {"jurisdiction": "BA-BIH"}), ("risk assessment", {}), ("police training", {}),
]
def ask(q, extra):
    params = {"q": q, **extra}
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?" + urllib.parse.urlencode(params)) as r:
        return json.load(r)
took = []
for q, extra in queries:
    ask(q, extra)  # warm-up
    for _ in range(5):
        d = ask(q, extra)
        took.append(d["took_ms"])
    print(f"  {d['total']:4d} hits  {statistics.median(took[-5:]):7.2f} ms  {q} {extra or ''}")
print(f"median took_ms over {len(queries)} queries x 5: {statistics.median(took):.2f} ms "
      f"(p90 {sorted(took)[int(len(took) * 0.9)]:.2f} ms, max {max(took):.2f} ms)")
EOF
