#!/usr/bin/env bash
# ctest `package`: the .deb as a user gets it. Builds it with CPack from BUILD_DIR (into a
# temporary folder, so the build tree stays clean), checks its contents and control data
# (binary, web page, corpus, man pages, systemd unit, conffile, shlibs dependencies),
# unpacks it with `dpkg-deb -x` into a temporary root, indexes the installed corpus with the
# installed binary and serves it WITHOUT --web on a free loopback port, reading the shipped
# himoya.conf: / must be the installed index.html (found from the binary's location,
# cli/data_dir.h) and /api/search must answer JSON with hits. Every process it starts is
# stopped and every file removed on exit. About 15-30 s on 2 cores once himoya is built.
#
#   tests/package/check_package.sh BUILD_DIR
set -euo pipefail

build=$(cd "${1:?usage: check_package.sh BUILD_DIR}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/himoya-package.XXXXXX")
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "check_package: FAIL: $*" >&2; exit 1; }
step() { echo "check_package: $*"; }

cmake=${CMAKE:-cmake}   # ctest passes the ones of the build
cpack=${CPACK:-cpack}
for tool in "$cmake" "$cpack" dpkg-deb curl python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/setup --test installs it)"
done

step "building himoya and the .deb"
"$cmake" --build "$build" --target himoya >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "build of himoya failed"; }
# `cpack` alone would first build the `preinstall` target, i.e. every test program; run the
# build's install script instead (the same cmake_install.cmake, prefix /usr and stripped, as the
# `package` target does), so that only himoya needs to be built.
(cd "$tmp" && "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" \
   -D CPACK_INSTALL_CMAKE_PROJECTS= -D CPACK_INSTALL_SCRIPTS="$build/cmake_install.cmake" \
   -D CPACK_INSTALL_PREFIX=/usr -D CMAKE_INSTALL_DO_STRIP=1) >"$tmp/cpack.log" 2>&1 ||
  { cat "$tmp/cpack.log"; fail "cpack failed"; }
debs=("$tmp"/out/himoya_*.deb)
[[ -f "${debs[0]}" && ${#debs[@]} -eq 1 ]] || { cat "$tmp/cpack.log"; fail "expected one himoya_*.deb in $tmp/out"; }
deb=${debs[0]}
step "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

step "contents (dpkg-deb -c)"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$tmp/contents"
for want in /usr/bin/himoya /usr/share/himoya/web/index.html /usr/share/himoya/web/js/page.js \
            /usr/share/himoya/corpus/thesaurus.xml /usr/share/himoya/corpus/jurisdictions.xml \
            /usr/share/man/man1/himoya.1.gz /usr/share/man/man1/himoya-index.1.gz \
            /usr/share/man/man1/himoya-search.1.gz /usr/share/man/man1/himoya-serve.1.gz \
            /usr/share/man/man1/himoya-compare.1.gz /usr/share/man/man1/himoya-analyze.1.gz \
            /usr/lib/systemd/system/himoya.service /etc/himoya/himoya.conf; do
  grep -qxF "$want" "$tmp/contents" || fail "$want is not in the package"
done
corpus_files=$(grep -c '^/usr/share/himoya/corpus/.*\.xml$' "$tmp/contents" || true)
((corpus_files > 20)) || fail "only $corpus_files corpus XML files in the package"
! grep -q '^/usr/local' "$tmp/contents" || fail "files under /usr/local in the package"
dpkg-deb -c "$deb" | grep -E ' \./usr/bin/himoya$' | grep -q '^-rwxr-xr-x root/root' ||
  fail "/usr/bin/himoya is not -rwxr-xr-x root/root"

step "control data"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libxapian30 libicu72 libpugixml1v5 zlib1g libstdc++6 libc6; do
  [[ "$depends" == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
[[ "$(dpkg-deb -f "$deb" Package)" == himoya ]] || fail "package name is not himoya"
mkdir "$tmp/control"
dpkg-deb -e "$deb" "$tmp/control"
grep -qxF /etc/himoya/himoya.conf "$tmp/control/conffiles" || fail "/etc/himoya/himoya.conf is not a conffile"
for script in postinst prerm postrm; do
  [[ -x "$tmp/control/$script" ]] || fail "maintainer script $script missing or not executable"
  sh -n "$tmp/control/$script" || fail "maintainer script $script does not parse"
done

step "unpacking into a temporary root"
root="$tmp/root"
dpkg-deb -x "$deb" "$root"
unit="$root/usr/lib/systemd/system/himoya.service"
grep -q '^ExecStart=/usr/bin/himoya serve --config /etc/himoya/himoya.conf$' "$unit" || fail "unexpected ExecStart in the unit"
grep -q '^ProtectSystem=strict$' "$unit" || fail "the unit is not ProtectSystem=strict"
if command -v systemd-analyze >/dev/null; then
  # The unit as systemd reads it, with the binary of the unpacked root in place of /usr/bin/himoya.
  sed "s|/usr/bin/himoya|$root/usr/bin/himoya|g" "$unit" >"$tmp/himoya.service"
  systemd-analyze verify --man=no "$tmp/himoya.service" >"$tmp/verify.log" 2>&1 ||
    { cat "$tmp/verify.log"; fail "systemd-analyze verify rejects the unit"; }
fi
if command -v man >/dev/null; then
  for page in "$root"/usr/share/man/man1/*.1.gz; do
    warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null || true)
    [[ -z "$warnings" ]] || fail "man warns on $(basename "$page"): $warnings"
  done
fi

step "indexing the installed corpus with the installed binary"
status=0
"$root/usr/bin/himoya" index --quiet --threads 2 --corpus "$root/usr/share/himoya/corpus" --db "$tmp/index" \
  >"$tmp/index.log" 2>&1 || status=$?
((status == 0 || status == 2)) || { cat "$tmp/index.log"; fail "himoya index exited $status"; }

step "serving from the unpacked root, without --web"
# Made here: the loop below may read them before the background shell has opened them.
: >"$tmp/serve.out"
: >"$tmp/serve.err"
# The shipped config sets db, host and port; the command line overrides db and port.
(cd "$tmp" && exec "$root/usr/bin/himoya" serve --config "$root/etc/himoya/himoya.conf" \
   --db "$tmp/index" --port 0 --threads 2) >"$tmp/serve.out" 2>"$tmp/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 200); do
  url=$(sed -n 's|^listening on \(http://127\.0\.0\.1:[0-9]*\)$|\1|p' "$tmp/serve.out")
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.err"; fail "himoya serve exited"; }
  sleep 0.1
done
[[ -n "$url" ]] || { cat "$tmp/serve.err"; fail "himoya serve did not start within 20 s"; }
grep -qF "options from $root/etc/himoya/himoya.conf" "$tmp/serve.err" || { cat "$tmp/serve.err"; fail "config not read"; }
! grep -q "not found; serving the API only" "$tmp/serve.err" || { cat "$tmp/serve.err"; fail "the installed web page was not found"; }

curl -fsS --max-time 10 "$url/" -o "$tmp/index.html" || fail "GET / failed"
cmp -s "$tmp/index.html" "$root/usr/share/himoya/web/index.html" || fail "GET / is not the installed index.html"
curl -fsS --max-time 10 "$url/js/page.js" -o "$tmp/page.js" || fail "GET /js/page.js failed"
cmp -s "$tmp/page.js" "$root/usr/share/himoya/web/js/page.js" || fail "GET /js/page.js is not the installed one"

curl -fsS --max-time 20 "$url/api/search?q=protection%20order" -o "$tmp/search.json" || fail "GET /api/search failed"
python3 - "$tmp/search.json" <<'PY' || fail "/api/search did not answer JSON with hits"
import json, sys
answer = json.load(open(sys.argv[1], encoding="utf-8"))
assert answer["total"] > 0 and len(answer["hits"]) > 0, answer.get("total")
print("check_package: /api/search?q=protection order: %d texts, first: %s" % (answer["total"], answer["hits"][0].get("title")))
PY

kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
step "OK"
