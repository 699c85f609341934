"""Helpers shared by the scaling tests: run himoya, normalise search results."""
import json
import os
import subprocess
import sys

QUERIES = [
    ("violence", []), ("насилие в семье", []), ("зӯроварӣ", []), ("protection order", []),
    ('"domestic violence"', []), ("police", ["--jurisdiction", "TJ"]), ("суд", ["--lang", "ru"]),
    ("", []), ("", ["--jurisdiction", "TJ", "--jurisdiction", "BA-BIH"]), ("violence", ["--topic", "protection-orders"]),
    ("violense", []), ("зуроварй", []),
]


def run(cmd, **kw):
    # Indexes compared byte for byte must agree on when their documents were
    # indexed (kSlotIndexed): a fixed clock, as for reproducible builds.
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    kw.setdefault("env", env)
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode not in (0, 2):
        sys.exit("FAILED %s\n%s%s" % (" ".join(cmd), r.stdout, r.stderr))
    return r


def search(himoya, dbs, q, extra):
    """Every hit of a query (all pages), as a sorted list of (score, id), with total and facets."""
    hits, page, total, facets, suggestion = [], 1, None, None, None
    while True:
        cmd = [himoya, "search", "--json", "--per-page", "100", "--page", str(page)]
        for d in dbs:
            cmd += ["--db", d]
        out = json.loads(run(cmd + extra + [q] if q else cmd + extra).stdout)
        if total is None:
            total, facets, suggestion = out["total"], out.get("facets"), out.get("suggestion")
        hits += [(round(h["score"], 6), h["id"], h.get("snippet", "")) for h in out["hits"]]
        if page * 100 >= total or not out["hits"]:
            break
        page += 1
    return {"total": total, "facets": facets, "suggestion": suggestion, "hits": sorted(hits)}


def same_hits(ha, hb):
    """The same hits with the same snippets, scores equal to 1%: a stem's forms are searched as
    one OP_SYNONYM, whose term frequency Xapian estimates per database (a union's size), so
    shards' combined statistics may weigh a synonym group slightly differently from one index."""
    a = {i: (s, snip) for s, i, snip in ha}
    b = {i: (s, snip) for s, i, snip in hb}
    if a.keys() != b.keys():
        return False
    return all(a[i][1] == b[i][1] and abs(a[i][0] - b[i][0]) <= 0.01 * max(abs(a[i][0]), abs(b[i][0]), 1e-9) for i in a)


def compare(himoya, a, b, label):
    bad = 0
    for q, extra in QUERIES:
        ra, rb = search(himoya, a, q, extra), search(himoya, b, q, extra)
        for k in ("total", "facets", "suggestion", "hits"):
            if k == "hits" and same_hits(ra[k], rb[k]):
                continue
            if ra[k] != rb[k]:
                bad += 1
                print("%s: query %r %s: %s differs:\n  %s\n  %s" % (label, q, extra, k, str(ra[k])[:600], str(rb[k])[:600]))
        print("%s: %-24r total=%s" % (label, q, ra["total"]))
    return bad


def compare_dumps(dump, db_a, db_b, label_a, label_b):
    """index_dump of two databases must be byte-identical; prints the first differences. Returns 0 or 1."""
    raw_a = subprocess.run([dump, db_a], capture_output=True, check=True).stdout
    raw_b = subprocess.run([dump, db_b], capture_output=True, check=True).stdout
    # values hold binary (sortable_serialise): compare bytes, print with replacement characters
    la, lb = raw_a.decode("utf-8", "replace").splitlines(), raw_b.decode("utf-8", "replace").splitlines()
    if raw_a == raw_b:
        print("index dumps identical: %d lines" % len(la))
        return 0
    print("index dumps differ (%d vs %d lines); first differences:" % (len(la), len(lb)))
    for x in [x for x in zip(la, lb) if x[0] != x[1]][:10]:
        print("  %s: %s\n  %s: %s" % (label_a, x[0], label_b, x[1]))
    return 1
