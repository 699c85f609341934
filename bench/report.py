#!/usr/bin/python3
"""Ratios (Himoya / peer) and PNG charts from bench/results/*.csv.

    bench/report.py bench/results
Writes ratios.csv and indexing.png, latency.png, http.png, scaling.png (gnuplot).
When a (size, engine) was measured several times, the last row counts.
"""
import csv
import os
import shutil
import subprocess
import sys

res = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "results")


def rows(name):
    p = os.path.join(res, name)
    return list(csv.DictReader(open(p, encoding="utf-8"))) if os.path.exists(p) else []


def size_key(s):
    return float(s[:-1]) * {"k": 1e3, "m": 1e6}[s[-1]] if s[-1] in "km" else float(s)


idx = {}
for r in rows("indexing.csv"):
    idx[(r["size"], r["engine"])] = r
q = {}
for r in rows("queries.csv"):
    if r["class"] == "ALL":
        q[(r["size"], r["label"])] = r
http = {}
for r in rows("http.csv"):
    http[(r["size"], r["engine"], r["connections"])] = r
mem = {}
for r in rows("memory.csv"):
    mem[r["size"]] = r

sizes = sorted({k[0] for k in list(idx) + list(q)}, key=size_key)
out = [["size", "metric", "himoya", "peer", "peer_value", "ratio_himoya_over_peer", "goal", "met"]]


def add(size, metric, h, peer, p, goal, better_high):
    if h is None or p is None or float(p) == 0:
        return
    ratio = float(h) / float(p)
    met = ""
    if goal:
        met = "yes" if (ratio >= goal if better_high else ratio <= goal) else "no"
    out.append([size, metric, h, peer, p, "%.3f" % ratio, goal or "", met])


for s in sizes:
    h = idx.get((s, "himoya"))
    for peer in ("omega", "fts5"):
        p = idx.get((s, peer))
        if h and p:
            add(s, "indexing_mb_per_s", h["mb_per_s"], peer, p["mb_per_s"], 1.0 if peer == "omega" else None, True)
            add(s, "index_mb", h["index_mb"], peer, p["index_mb"], None, False)
    for peer, hl in (("omega", "himoya-nofacets"), ("fts5", "himoya"), ("fts5-nofacets", "himoya-nofacets")):
        hq, pq = q.get((s, hl)), q.get((s, peer))
        if hq and pq:
            for m in ("p50_ms", "p95_ms", "p99_ms"):
                add(s, "query_%s(%s vs %s)" % (m, hl, peer), hq[m], peer, pq[m], 1.0 if peer.startswith("fts5") else None,
                    False)
    for c in ("1", "8", "64"):
        hh, oh = http.get((s, "himoya", c)), http.get((s, "omega-cgi", c))
        if hh and oh:
            add(s, "http_rps_c%s" % c, hh["requests_per_s"], "omega-cgi", oh["requests_per_s"], 1.5, True)
            add(s, "http_p99_c%s" % c, hh["p99_ms"], "omega-cgi", oh["p99_ms"], None, False)
# growth: 10x data → p99 ratio
for a, b in zip(sizes, sizes[1:]):
    qa, qb = q.get((a, "himoya")), q.get((b, "himoya"))
    if qa and qb and abs(size_key(b) / size_key(a) - 10) < 0.5:
        add(b, "p99_growth_vs_%s" % a, qb["p99_ms"], "himoya@" + a, qa["p99_ms"], 3.0, False)
with open(os.path.join(res, "ratios.csv"), "w", newline="") as f:
    csv.writer(f).writerows(out)
for r in out:
    print(",".join(str(x) for x in r))

if not shutil.which("gnuplot"):
    print("gnuplot not found: no charts", file=sys.stderr)
    sys.exit(0)


def dat(name, header, lines):
    p = os.path.join(res, name)
    with open(p, "w") as f:
        f.write("# " + header + "\n")
        for l in lines:
            f.write(" ".join(str(x) for x in l) + "\n")
    return p


def plot(script):
    subprocess.run(["gnuplot"], input=script, text=True, check=False)


engines = ["himoya", "omega", "fts5"]
d = dat("indexing.dat", "size " + " ".join(engines),
        [[s] + [idx[(s, e)]["mb_per_s"] if (s, e) in idx else "NaN" for e in engines] for s in sizes])
plot("""set terminal pngcairo size 800,480; set output '%s/indexing.png'
set title 'Indexing throughput (MB/s of raw text, higher is better)'; set style data histogram
set style histogram clustered; set style fill solid border -1; set key top right; set ylabel 'MB/s'
plot '%s' using 2:xtic(1) title 'Himoya', '' using 3 title 'Omega omindex', '' using 4 title 'SQLite FTS5'
""" % (res, d))
labels = ["himoya", "himoya-nofacets", "omega", "fts5", "fts5-nofacets"]
for m in ("p50_ms", "p99_ms"):
    d = dat("latency-%s.dat" % m, "size " + " ".join(labels),
            [[s] + [q[(s, l)][m] if (s, l) in q else "NaN" for l in labels] for s in sizes])
    plot("""set terminal pngcairo size 800,480; set output '%s/latency-%s.png'
set title 'In-process query latency %s over the query mix (ms, lower is better)'; set style data histogram
set style histogram clustered; set style fill solid border -1; set key top left; set logscale y; set ylabel 'ms'
plot '%s' using 2:xtic(1) title 'Himoya (facets)', '' using 3 title 'Himoya (no facets)', '' using 4 title 'Omega (Xapian QueryParser)', '' using 5 title 'FTS5 (+4 GROUP BY facets)', '' using 6 title 'FTS5 (top 10 + count)'
""" % (res, m.split("_")[0], m.split("_")[0], d))
for s in sizes:
    lines = []
    for c in ("1", "8", "64"):
        hh, oh = http.get((s, "himoya", c)), http.get((s, "omega-cgi", c))
        if hh or oh:
            lines.append([c, hh["requests_per_s"] if hh else "NaN", oh["requests_per_s"] if oh else "NaN"])
    if lines:
        d = dat("http-%s.dat" % s, "connections himoya omega", lines)
        plot("""set terminal pngcairo size 800,480; set output '%s/http-%s.png'
set title 'HTTP throughput, query mix, %s provisions (requests/s, higher is better)'; set style data histogram
set style histogram clustered; set style fill solid border -1; set key top left; set logscale y; set xlabel 'connections'
plot '%s' using 2:xtic(1) title 'himoya serve', '' using 3 title 'Omega CGI (python3 http.server --cgi)'
""" % (res, s, s, d))
