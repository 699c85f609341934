#!/usr/bin/env bash
# Browser test of the web UI against a real `himoya serve`.
#   tests/browser/run.sh PATH/TO/himoya
# Indexes the repository's corpus (plus a generated document whose title holds
# <script>, to prove titles stay text) into a temp dir, serves it on a free
# port, runs web.test.mjs in Debian's Chromium and exits with its status.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${1:-}"
if [ -z "$BIN" ] || [ ! -x "$BIN" ]; then
  echo "usage: $0 PATH/TO/himoya   (got '${BIN}', not an executable)" >&2
  exit 2
fi
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
CORPUS="$HERE/../../corpus"

if [ ! -x /usr/bin/chromium ]; then
  echo "$0: /usr/bin/chromium is missing: apt-get install -y chromium" >&2
  exit 1
fi
if ! command -v node >/dev/null; then
  echo "$0: node is missing: apt-get install -y nodejs npm" >&2
  exit 1
fi
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund) || { echo "$0: npm ci failed" >&2; exit 1; }
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/himoya-web.XXXXXX")"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$TMP/fixture"
cat > "$TMP/fixture/browser-test-xss.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:himoya:corpus:1" id="browser-test-xss-en" version="1">
  <meta>
    <title>Browser test &lt;script&gt;window.__himoyaXss=1&lt;/script&gt;&lt;img src=x onerror="window.__himoyaXss=2"&gt; xsscanary</title>
    <jurisdiction>INT</jurisdiction>
    <language>en</language>
    <type>report</type>
    <date>2000-01-01</date>
    <issuing-body>Himoya browser test &lt;b&gt;body&lt;/b&gt;</issuing-body>
    <text-status>summary</text-status>
    <source>
      <official-title>Browser test fixture</official-title>
    </source>
  </meta>
  <body>
    <section num="1" id="sec_1">
      <heading>Heading &lt;script&gt;window.__himoyaXss=3&lt;/script&gt;</heading>
      <p>The xsscanary provision: markup such as &lt;b&gt;bold&lt;/b&gt; and &lt;script&gt; must stay text.</p>
    </section>
  </body>
</document>
XML

echo "indexing $CORPUS into $TMP/db"
if ! "$BIN" index --corpus "$CORPUS" --corpus "$TMP/fixture" --db "$TMP/db" --quiet > "$TMP/index.log" 2>&1; then
  echo "$0: himoya index failed:" >&2
  cat "$TMP/index.log" >&2
  exit 1
fi

"$BIN" serve --db "$TMP/db" --host 127.0.0.1 --port 0 --web "$ROOT/web" > "$TMP/serve.out" 2> "$TMP/serve.err" &
SERVER_PID=$!
URL=""
for _ in $(seq 1 200); do
  URL="$(grep -o 'http://127\.0\.0\.1:[0-9]\+' "$TMP/serve.out" 2>/dev/null | head -n 1)"
  [ -n "$URL" ] && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "$0: himoya serve exited before listening:" >&2
    cat "$TMP/serve.out" "$TMP/serve.err" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$URL" ]; then
  echo "$0: himoya serve printed no 'listening on http://127.0.0.1:PORT' within 20 s" >&2
  cat "$TMP/serve.out" "$TMP/serve.err" >&2
  exit 1
fi
echo "server at $URL"

node "$HERE/web.test.mjs" "$URL"
STATUS=$?
if [ "$STATUS" -ne 0 ] && [ -s "$TMP/serve.err" ]; then
  echo "--- himoya serve stderr (last 20 lines) ---"
  tail -n 20 "$TMP/serve.err"
fi
exit "$STATUS"
