#!/usr/bin/env python3
"""Attacks on `himoya serve` (issue 17), loopback only, every loop bounded in
time and count. Indexes the repository's corpus into a temporary directory,
starts a fresh server on a free port, runs each attack against it, stops the
servers it started, and prints one row per attack on stdout:

    attack<TAB>result<TAB>figure<TAB>PASS|FAIL

(progress goes to stderr). scripts/attack runs it and prints the table.

    bench/attack/server.py [--quick] [--himoya PATH]

The binary is $HIMOYA, else --himoya, else build/himoya; nothing is built.
Slow and idle connections come from 127.0.0.2-4 (three attacking hosts, each
within the server's per-client cap) and the normal client from 127.0.0.1;
Linux routes all of 127.0.0.0/8 to the loopback interface.
"""

import argparse
import json
import os
import re
import resource
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROWS = []


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def row(attack, result, figure, ok):
    ROWS.append((attack, result, figure, ok))
    print(f"{attack}\t{result}\t{figure}\t{'PASS' if ok else 'FAIL'}", flush=True)


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


# ---------------------------------------------------------------- the server

class Server:
    """`himoya serve --port 0` in the background; stop() kills it (always called)."""

    def __init__(self, himoya, db, extra=()):
        self.out = tempfile.TemporaryFile()
        self.err = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([himoya, "serve", "--db", db, "--port", "0", "--web",
                                      os.path.join(ROOT, "web"), *extra],
                                     stdout=subprocess.PIPE, stderr=self.err)
        line = b""
        deadline = time.time() + 20
        while time.time() < deadline and not line.endswith(b"\n"):
            ch = self.proc.stdout.read(1)
            if not ch:
                break
            line += ch
        m = re.match(rb"listening on http://([^:]+):(\d+)", line)
        if not m:
            self.stop()
            raise RuntimeError(f"server did not start: {line!r}")
        self.port = int(m.group(2))

    def rss_mb(self):
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                for l in f:
                    if l.startswith("VmRSS:"):
                        return int(l.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    def open_files(self):
        out = []
        try:
            for fd in os.listdir(f"/proc/{self.proc.pid}/fd"):
                try:
                    out.append(os.readlink(f"/proc/{self.proc.pid}/fd/{fd}"))
                except OSError:
                    pass
        except OSError:
            pass
        return out

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# ---------------------------------------------------------------- clients

def read_to_close(s, data=b"", until=None):
    """Appends what `s` receives to `data` until the peer closes, an error (timeout,
    reset) ends the reading, or time.time() passes `until`; what came is kept."""
    try:
        while until is None or time.time() < until:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    return data


def request(port, raw, timeout=5.0, source=None):
    """Sends raw bytes, reads until the server closes or `timeout`; returns (bytes, seconds)."""
    t0 = time.time()
    s = socket.socket()
    s.settimeout(timeout)
    if source:
        s.bind((source, 0))
    data = b""
    try:
        s.connect(("127.0.0.1", port))
        s.sendall(raw)
        data = read_to_close(s, data, until=t0 + timeout)
    except OSError:
        pass
    finally:
        s.close()
    return data, time.time() - t0


def status_of(raw):
    m = re.match(rb"HTTP/1\.[01] (\d{3})", raw)
    return int(m.group(1)) if m else 0


def answers(raw):
    """[(status, headers, body)] of the answers in `raw`, by Content-Length."""
    out = []
    at = 0
    while at < len(raw):
        end = raw.find(b"\r\n\r\n", at)
        if end < 0:
            break
        head = raw[at:end]
        m = re.search(rb"Content-Length: (\d+)", head)
        length = int(m.group(1)) if m else 0
        out.append((status_of(raw[at:]), head, raw[end + 4:end + 4 + length]))
        at = end + 4 + length
    return out


def get(port, path, headers=b"", timeout=10.0, source=None):
    raw, took = request(port, b"GET " + path.encode() + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" +
                        headers + b"\r\n", timeout, source)
    parts = answers(raw)
    if not parts:
        return 0, b"", took
    return parts[0][0], parts[0][2], took


class Probe(threading.Thread):
    """A normal client: GET /api/health on a new connection every `every` s; records each latency."""

    def __init__(self, port, every=0.25):
        super().__init__(daemon=True)
        self.port, self.every = port, every
        self.times, self.failures = [], 0
        self.halt = threading.Event()

    def run(self):
        while not self.halt.is_set():
            status, body, took = get(self.port, "/api/health", timeout=5.0)
            if status == 200 and b'"ok"' in body:
                self.times.append(took)
            else:
                self.failures += 1
                self.times.append(took)
            self.halt.wait(self.every)

    def stop(self):
        self.halt.set()
        self.join(10)

    def summary(self):
        if not self.times:
            return 99.0, 0.0, "no probe answered"
        t = sorted(self.times)
        return t[-1], t[len(t) // 2], f"{len(t)} probes, p50 {t[len(t) // 2] * 1000:.0f} ms, max {t[-1] * 1000:.0f} ms"


# ---------------------------------------------------------------- slow connections

ATTACKER = r'''
import json, resource, selectors, socket, sys, time
kind, port, count, seconds, source = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
sel = selectors.DefaultSelector()
conns = {}
stats = {"opened": 0, "closed_by_server": 0, "refused": 0, "answers": {}, "peak_open": 0}
def connect():
    s = socket.socket()
    s.setblocking(False)
    s.bind((source, 0))
    try:
        s.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    except OSError:
        stats["refused"] += 1
        s.close()
        return
    stats["opened"] += 1
    c = {"s": s, "next": time.time(), "n": 0, "started": False}
    conns[s.fileno()] = c
    sel.register(s, selectors.EVENT_READ, c)
def send(c, data):
    try:
        c["s"].send(data)
    except (BlockingIOError, InterruptedError):
        pass
    except OSError:
        drop(c)
def drop(c):
    try:
        sel.unregister(c["s"])
    except Exception:
        pass
    conns.pop(c["s"].fileno(), None)
    c["s"].close()
end = time.time() + seconds
for _ in range(count):
    connect()
print("ready", flush=True)
while time.time() < end:
    now = time.time()
    for c in list(conns.values()):
        if now < c["next"]:
            continue
        c["next"] = now + 1.0
        if kind == "header":      # the request line, then a header line a second
            send(c, b"GET /api/health HTTP/1.1\r\n" if c["n"] == 0 else b"X-Slow-%d: v\r\n" % c["n"])
        elif kind == "body":      # a complete head announcing 60 KB, then a byte a second
            send(c, b"GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n" if c["n"] == 0 else b"x")
        elif kind == "idle":      # one request, then silence on the kept-alive connection
            if c["n"] == 0:
                send(c, b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
        c["n"] += 1
    for key, _ in sel.select(0.05):
        c = key.data
        try:
            data = c["s"].recv(65536)
        except (BlockingIOError, InterruptedError):
            continue
        except OSError:
            data = b""
        if data:
            code = data[9:12].decode("ascii", "replace") if data.startswith(b"HTTP/1.1 ") else "?"
            stats["answers"][code] = stats["answers"].get(code, 0) + 1
            if code == "503":     # refused at the cap: counted, not retried
                drop(c)
            continue
        stats["closed_by_server"] += 1
        drop(c)
        if stats["opened"] < 20 * count:
            connect()             # reconnect at once: the pool of slow connections stays full
    stats["peak_open"] = max(stats["peak_open"], len(conns))
for c in list(conns.values()):
    drop(c)
print(json.dumps(stats), flush=True)
'''


def run_attackers(port, plan, seconds):
    """plan: [(kind, count, source)]; starts one process per kind; returns their Popen objects once ready."""
    procs = []
    for kind, count, source in plan:
        p = subprocess.Popen([sys.executable, "-c", ATTACKER, kind, str(port), str(count), str(seconds), source],
                             stdout=subprocess.PIPE, text=True)
        procs.append((kind, p))
    for kind, p in procs:
        line = p.stdout.readline()
        if line.strip() != "ready":
            log(f"attacker {kind} did not start: {line!r}")
    return procs


def collect(procs):
    out = {}
    for kind, p in procs:
        try:
            text, _ = p.communicate(timeout=60)
            out[kind] = json.loads(text.strip().splitlines()[-1])
        except Exception as e:  # noqa: BLE001 - reported as a failed attack
            p.kill()
            out[kind] = {"error": str(e)}
    return out


def slow_attack(server, name, plan, seconds):
    log(f"attack: {name} ({seconds:.0f} s)")
    procs = run_attackers(server.port, plan, seconds)
    time.sleep(0.5)  # all connected
    probe = Probe(server.port)
    probe.start()
    time.sleep(max(1.0, seconds - 1.5))
    probe.stop()
    stats = collect(procs)
    worst, p50, text = probe.summary()
    peak = sum(s.get("peak_open", 0) for s in stats.values())
    opened = sum(s.get("opened", 0) for s in stats.values())
    ok = worst < 1.0 and probe.failures == 0 and server.alive() and peak >= sum(c for _, c, _ in plan) * 0.95
    codes = {}
    for s in stats.values():
        for k, v in s.get("answers", {}).items():
            codes[k] = codes.get(k, 0) + v
    result = f"normal client max {worst * 1000:.0f} ms" + (f", {probe.failures} failed" if probe.failures else "")
    figure = f"{peak} attack connections open ({opened} opened), {text}; answers to attackers {codes or '{}'}"
    row(name, result, figure, ok)


# ---------------------------------------------------------------- single attacks

def range_attack(server):
    ranges = b"bytes=0-" + b",0-" * 2600
    rss0 = server.rss_mb()
    results = []
    for path in ("/api/topics", "/index.html"):
        status, body, took = get(server.port, path, b"Range: " + ranges + b"\r\n")
        results.append((path, status, len(body)))
    ok = all(s == 416 and n < 1000 for _, s, n in results)
    figure = "; ".join(f"{p}: {s}, {n} B" for p, s, n in results) + f"; RSS {rss0:.0f} -> {server.rss_mb():.0f} MB"
    row("Range amplification (2,600 ranges, 7.9 KB request)", "refused 416" if ok else "served", figure, ok)


def header_attacks(server):
    port = server.port
    # many small lines
    many = b"GET /api/health HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-H%d: v\r\n" % i for i in range(5000)) + b"\r\n"
    raw, took = request(port, many, 5)
    ok = status_of(raw) == 431
    row("header caps: 5,000 header lines", f"{status_of(raw)}", f"answered in {took * 1000:.0f} ms", ok)

    # 30 MB of headers in 8 KB lines, and one unterminated 50 MB line: how much is read before the refusal
    for name, first, piece, total in (
            ("header caps: 30 MB in many 8 KB lines", b"GET /api/health HTTP/1.1\r\n",
             b"X-Big: " + b"v" * 8000 + b"\r\n", 30 << 20),
            ("header caps: one unterminated 50 MB line", b"GET /api/health HTTP/1.1\r\nX-Endless: ",
             b"x" * 65536, 50 << 20)):
        rss0 = server.rss_mb()
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        sent, answer = 0, b""
        t0 = time.time()
        try:
            s.sendall(first)
            while sent < total and time.time() - t0 < 20:
                s.settimeout(0.0)
                try:
                    answer += s.recv(65536)
                    if answer:
                        break
                except BlockingIOError:
                    pass
                s.settimeout(5)
                s.sendall(piece)
                sent += len(piece)
            s.settimeout(3)
            answer = read_to_close(s, answer)
        except OSError:
            pass
        finally:
            s.close()
        status = status_of(answer)
        rss1 = server.rss_mb()
        # Refused early: a 431, or (a client that goes on sending after it may lose the
        # answer to the reset) the connection closed long before all was sent.
        ok = (status == 431 or status == 0) and sent < 8 << 20 and rss1 - rss0 < 20
        row(name, f"{status or 'closed'} after {sent / 1024:.0f} KB sent",
            f"{time.time() - t0:.2f} s; RSS {rss0:.0f} -> {rss1:.0f} MB", ok)


def pipelining(server):
    port = server.port
    two = (b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
           b"GET /api/nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    three = (b"GET /api/search?q=violence&per_page=1 HTTP/1.1\r\nHost: x\r\n\r\n"
             b"HEAD /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
             b"GET /api/analyze?text=zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    raw2, t2 = request(port, two, 5)
    raw3, t3 = request(port, three, 5)
    a2 = [s for s, _, _ in answers(raw2)]
    # the HEAD answer has a Content-Length but no body: split by hand
    a3 = [int(m) for m in re.findall(rb"HTTP/1\.1 (\d{3})", raw3)]
    ok = a2 == [200, 404] and a3 == [200, 200, 200] and b'"tokens"' in raw3
    row("pipelining: 2 and 3 requests in one write", f"{a2} and {a3}",
        f"in order, {t2 * 1000:.0f} / {t3 * 1000:.0f} ms to close", ok)


def non_get(server):
    s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    t0 = time.time()
    answer = b""
    try:
        s.sendall(b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n" + b"x" * 65536)
        answer = read_to_close(s, answer)
    except OSError:
        pass
    finally:
        s.close()
    took = time.time() - t0
    status = status_of(answer)
    closed = b"Connection: close" in answer
    ok = status == 405 and closed and took < 3.0
    row("POST with a 10 MB body", f"{status}, connection closed" if closed else f"{status}",
        f"{took * 1000:.0f} ms, 64 KB of the body sent", ok)


def two_servers(server, himoya, db):
    t0 = time.time()
    p = subprocess.Popen([himoya, "serve", "--db", db, "--port", str(server.port)], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    try:
        _, err = p.communicate(timeout=10)
    except subprocess.TimeoutExpired:  # it is serving: the port is shared
        p.kill()
        _, err = p.communicate()
        row("two servers on one port", "second one serves too", "still running after 10 s (killed)", False)
        return
    took = time.time() - t0
    message = err.strip().splitlines()[-1] if err.strip() else ""
    ok = p.returncode != 0 and f"port {server.port} is already in use" in err and took < 10
    status, _, _ = get(server.port, "/api/health")
    ok = ok and status == 200
    row("two servers on one port", f"second exits {p.returncode}", f"'{message[:90]}' in {took:.1f} s", ok)


def matrix_cost(server):
    # the 8 jurisdictions with most texts (from the facets), else the first 8 labels
    status, body, _ = get(server.port, "/api/search?q=&per_page=1")
    if status == 200:
        js = [f["value"] for f in json.loads(body)["facets"]["jurisdiction"]][:8]
    else:
        status, body, _ = get(server.port, "/api/labels?ui=en")
        if status != 200:
            raise RuntimeError(f"/api/search and /api/labels answered {status}")
        js = sorted(json.loads(body)["labels"]["jurisdiction"])[:8]
    path = "/api/matrix?scheme=istanbul&" + "&".join(f"jurisdiction={j}" for j in js)

    def four_at_once():
        results = [None] * 4
        def one(i):
            results[i] = get(server.port, path, timeout=30)
        threads = [threading.Thread(target=one, args=(i,)) for i in range(4)]
        t0 = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.time() - t0, results
    cold, r1 = four_at_once()
    warm, r2 = four_at_once()
    statuses = [r[0] for r in r1 + r2]
    ok = all(s == 200 for s in statuses) and warm < 0.5 and cold < 3.0
    row(f"matrix: {len(js)} jurisdictions, 4 at once", f"all {statuses[0]}" if len(set(statuses)) == 1 else str(statuses),
        f"cold {cold * 1000:.0f} ms, cached {warm * 1000:.0f} ms (4 requests each)", ok)


def per_client_cap(server, count):
    log("attack: per-client cap")
    procs = run_attackers(server.port, [("idle", count, "127.0.0.5")], 3)
    time.sleep(0.5)
    status, _, took = get(server.port, "/api/health")
    stats = collect(procs)["idle"]
    answers_ = stats.get("answers", {})
    held, refused = answers_.get("200", 0), answers_.get("503", 0)
    ok = status == 200 and took < 1.0 and held == 512 and refused == count - 512
    row(f"{count} connections from one address", f"{held} served, 503 to {refused} beyond the cap of 512",
        f"normal client from another address: {status} in {took * 1000:.0f} ms", ok)


def searchers_released(server, himoya, corpus, db):
    log("attack: searchers released on switch")
    # 24 requests at once so that several Searchers open, then a reindex
    threads = [threading.Thread(target=get, args=(server.port, "/api/search?q=violence")) for _ in range(24)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    gens_before = {f for f in server.open_files() if "/gen-" in f}
    before = {re.search(r"gen-\d+", f).group(0) for f in gens_before}
    for _ in range(2):  # two rebuilds: the first generation is deleted by the second
        subprocess.run([himoya, "index", "--corpus", corpus, "--db", db, "--quiet"], check=False, timeout=300,
                       capture_output=True)
    with open(os.path.join(db, "XAPIANDB")) as f:
        current = f.read().split()[-1]
    time.sleep(2.0)  # no request at all: the background check closes them
    stale = [f for f in server.open_files() if "/gen-" in f and current not in f]
    deleted = [f for f in stale if f.endswith("(deleted)")]
    status, _, _ = get(server.port, "/api/health")
    ok = not stale and status == 200
    row("searchers released on switch (2 reindexes, no request)", f"{len(stale)} handles to old generations",
        f"{len(deleted)} to deleted ones; before: {len(gens_before)} handles on {sorted(before)}", ok)


def global_cap(himoya, db, count):
    log("attack: global connection cap")
    server = Server(himoya, db, ["--max-connections", "100"])
    try:
        procs = run_attackers(server.port, [("idle", count, "127.0.0.6")], 3)
        stats = collect(procs)["idle"]
        answers_ = stats.get("answers", {})
        held, refused = answers_.get("200", 0), answers_.get("503", 0)
        ok = held == 100 and refused == count - 100 and server.alive()
        row(f"{count} connections, server capped at 100 (--max-connections)", f"{held} served, 503 to {refused}",
            "server alive" if server.alive() else "server dead", ok)
    finally:
        server.stop()


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="short runs (about 35 s in all)")
    ap.add_argument("--himoya", default=os.environ.get("HIMOYA") or os.path.join(ROOT, "build", "himoya"))
    args = ap.parse_args()
    himoya = os.path.abspath(args.himoya)
    if not os.access(himoya, os.X_OK):
        log(f"server.py: no himoya binary at {himoya} (set HIMOYA or build first)")
        return 2
    raise_fd_limit()
    # stopped from outside (scripts/attack's time limit): still stop the servers and clean up
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    seconds = 3.0 if args.quick else 15.0
    n = 500

    work = tempfile.mkdtemp(prefix="himoya-attack-")
    corpus = os.path.join(ROOT, "corpus")
    db = os.path.join(work, "index")
    server = None
    try:
        log(f"indexing {corpus} into {db}")
        p = subprocess.run([himoya, "index", "--corpus", corpus, "--db", db, "--quiet"], capture_output=True,
                           text=True, timeout=600)
        if p.returncode != 0:
            log(p.stderr)
            row("setup: index the corpus", f"exit {p.returncode}", "", False)
            return 1
        server = Server(himoya, db)
        log(f"server on port {server.port}, RSS {server.rss_mb():.0f} MB")

        def attempt(name, fn, *fn_args):
            # an attack that breaks is a failed row, and the others still run
            try:
                fn(*fn_args)
            except Exception as e:  # noqa: BLE001
                row(name, "attack script error", f"{type(e).__name__}: {e}"[:200], False)

        attempt("slow headers", slow_attack, server, f"{n} slow-header connections", [("header", n, "127.0.0.2")],
                seconds)
        attempt("slow bodies", slow_attack, server, f"{n} slow-body connections", [("body", n, "127.0.0.3")], seconds)
        attempt("idle keep-alive", slow_attack, server, f"{n} idle keep-alive connections",
                [("idle", n, "127.0.0.4")], seconds)
        attempt("all three together", slow_attack, server, f"all three together ({3 * n})",
                [("header", n, "127.0.0.2"), ("body", n, "127.0.0.3"), ("idle", n, "127.0.0.4")],
                seconds + 3 if args.quick else 20.0)
        attempt("Range amplification", range_attack, server)
        attempt("header caps", header_attacks, server)
        attempt("pipelining", pipelining, server)
        attempt("POST with a body", non_get, server)
        attempt("two servers on one port", two_servers, server, himoya, db)
        attempt("matrix cost", matrix_cost, server)
        attempt("per-client cap", per_client_cap, server, 600)
        if not args.quick:
            attempt("global cap", global_cap, himoya, db, 150)
        attempt("searchers released on switch", searchers_released, server, himoya, corpus, db)
        alive = server.alive()
        row("server after every attack", "alive" if alive else "dead", f"RSS {server.rss_mb():.0f} MB", alive)
    finally:
        if server:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0 if all(ok for *_, ok in ROWS) else 1


if __name__ == "__main__":
    sys.exit(main())
