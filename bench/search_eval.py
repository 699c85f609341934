#!/usr/bin/python3
"""Graded search evaluation: nDCG@10 of Himoya and of an SQLite FTS5 baseline on the same provisions.

    search_eval.py HIMOYA eval [NAME=VALUE ...] [--per-query]
                                          # the table (NAME=VALUE: extra /api/search parameters,
                                          # e.g. places=0 to measure with a feature off): nDCG@10 per language, Himoya (default,
                                          # versions=separate, cross_language=false) vs FTS5
    search_eval.py HIMOYA pool OUT_DIR [--ungraded]
                                          # candidates to grade: every query's top 20 texts from
                                          # the four systems, pooled, in random order, with their text;
                                          # --ungraded: only texts no judgments file grades yet (a
                                          # later round, graded into new judgments files)

Queries: tests/data/search_eval/queries-{tg,ru,en}.tsv (id, lang, form, need, query); judgments:
tests/data/search_eval/judgments-*.tsv (query id, version group, grade 0-3). Both were
written before any tuning (README there) and are never edited to fit; new ones are added instead.

Unit of relevance is the text (version group: work id + unit id): the language versions of one
provision are one answer. A ranking lists each text once, at its best rank; a text nobody graded
counts 0. FTS5 is built in the same run from the same provisions (every language version, heading
and text), tokenizer `unicode61 remove_diacritics 2`, ranked by bm25, the query's words OR-ed (a bare
index has no other way to answer a natural question).
"""
import csv
import glob
import json
import math
import os
import random
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "tests", "data", "search_eval")
LANGS = ("tg", "ru", "en")
SYSTEMS = ("himoya", "separate", "no-xl", "fts5")
K = 10
# Extra /api/search parameters for every Himoya run, e.g. --param places=0 to measure a feature off.
EXTRA_PARAMS = dict(a.split("=", 1) for a in sys.argv[3:] if "=" in a and not a.startswith("-"))


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def queries():
    out = []
    for lang in LANGS:
        path = os.path.join(DATA, "queries-%s.tsv" % lang)
        if os.path.exists(path):
            out += read_tsv(path)
    return out


def judgments():
    grades = {}  # (query id, group) -> grade
    for path in sorted(glob.glob(os.path.join(DATA, "judgments-*.tsv"))):
        for row in read_tsv(path):
            grades[(row["query"], row["group"])] = int(row["grade"])
    return grades


class Server:
    """`himoya serve` on a free loopback port over a fresh index of corpus/."""

    def __init__(self, himoya):
        self.tmp = tempfile.mkdtemp(prefix="himoya-search-eval-")
        db = os.path.join(self.tmp, "index")
        subprocess.run([himoya, "index", "--quiet", "--corpus", os.path.join(ROOT, "corpus"), "--db", db],
                       check=True, capture_output=True)
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self.proc = subprocess.Popen([himoya, "serve", "--db", db, "--port", str(self.port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                self.get("/api/health")
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("himoya serve did not start")

    def get(self, path, **params):
        url = "http://127.0.0.1:%d%s" % (self.port, path)
        if params:
            url += "?" + urllib.parse.urlencode(params, doseq=True)
        with urllib.request.urlopen(url, timeout=30) as r:
            return json.loads(r.read().decode("utf-8"))

    def close(self):
        self.proc.terminate()
        self.proc.wait()
        subprocess.run(["rm", "-rf", self.tmp])


def provisions(server):
    """Every provision record: id -> {group, lang, heading, text, title}."""
    docs = server.get("/api/search", q="", scope="document", per_page=100, versions="separate", facets=0, suggest=0)
    out = {}
    for hit in docs["hits"]:
        d = server.get("/api/documents/" + urllib.parse.quote(hit["id"]))
        for p in d["provisions"]:
            out[p["id"]] = {"group": d["work_id"] + "/" + p["unit_id"], "lang": d["lang"], "title": d["title"],
                            "heading": p.get("heading", ""), "text": p.get("text", ""), "label": p.get("label", "")}
    return out


def fts5_index(provs):
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, heading, text, "
               "tokenize = 'unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO p VALUES (?, ?, ?)", [(i, p["heading"], p["text"]) for i, p in provs.items()])
    return db


def fts5_search(db, q, n=20):
    words = re.findall(r"\w+", q, re.UNICODE)
    if not words:
        return []
    match = " OR ".join('"%s"' % w.replace('"', "") for w in words)
    rows = db.execute("SELECT id FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT ?", (match, n * 4)).fetchall()
    return [r[0] for r in rows]


def himoya_search(server, q, system, n=20):
    params = {"q": q, "per_page": n, "scope": "provision", "facets": 0, "suggest": 0}
    params.update(EXTRA_PARAMS)
    if system == "separate":
        params["versions"] = "separate"
    if system == "no-xl":
        params["cross_language"] = "false"
    return [h["id"] for h in server.get("/api/search", **params)["hits"]]


def ranked_groups(ids, provs, n):
    out = []
    for i in ids:
        g = provs[i]["group"] if i in provs else None
        if g and g not in out:
            out.append(g)
        if len(out) == n:
            break
    return out


def run_all(server, provs, qs, n):
    fts = fts5_index(provs)
    runs = {}
    for q in qs:
        for system in SYSTEMS:
            ids = fts5_search(fts, q["query"], n) if system == "fts5" else himoya_search(server, q["query"], system, n)
            runs[(q["id"], system)] = ranked_groups(ids, provs, n)
    return runs


def ndcg(ranking, qid, grades, k=K):
    gains = [grades.get((qid, g), 0) for g in ranking[:k]]
    dcg = sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(gains))
    ideal = sorted((v for (q, _), v in grades.items() if q == qid), reverse=True)[:k]
    idcg = sum((2 ** r - 1) / math.log2(i + 2) for i, r in enumerate(ideal))
    return dcg / idcg if idcg > 0 else None


def provisions_and_runs(himoya, qs):
    """Every provision and each system's top 20 texts per query, from a fresh index."""
    server = Server(himoya)
    try:
        provs = provisions(server)
        return provs, run_all(server, provs, qs, 20)
    finally:
        server.close()


def evaluate(himoya):
    qs, grades = queries(), judgments()
    provs, runs = provisions_and_runs(himoya, qs)
    table = {}  # (lang, system) -> [ndcg]
    empty = []
    for q in qs:
        for system in SYSTEMS:
            v = ndcg(runs[(q["id"], system)], q["id"], grades)
            if v is None:
                continue
            table.setdefault((q["lang"], system), []).append(v)
            table.setdefault(("all", system), []).append(v)
        if not runs[(q["id"], "himoya")] and any(v > 0 for (qq, _), v in grades.items() if qq == q["id"]):
            empty.append(q["id"])
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")
    print("nDCG@%d over %d graded queries (%d provisions, %d judgments)" % (K, len({q for q, _ in grades}), len(provs), len(grades)))
    print("%-6s %8s %9s %8s %8s %10s" % ("", "himoya", "separate", "no-xl", "fts5", "himoya/fts5"))
    for lang in LANGS + ("all",):
        row = [mean(table.get((lang, s), [])) for s in SYSTEMS]
        ratio = row[0] / row[3] if row[3] else float("nan")
        print("%-6s %8.3f %9.3f %8.3f %8.3f %10.2f" % ((lang,) + tuple(row) + (ratio,)))
    print("queries with no result where a relevant text exists: %d %s" % (len(empty), " ".join(empty)))
    # --min X: fail (exit 1) when Himoya's overall nDCG@10 is below X or a query with a relevant
    # text finds nothing (the ctest `search_eval` guards the figures of docs/architecture.md).
    floor = next((float(a.split("=", 1)[1]) for a in sys.argv if a.startswith("--min=")), None)
    if floor is not None:
        overall = mean(table.get(("all", "himoya"), []))
        if overall < floor or empty:
            print("FAIL: nDCG@10 %.3f (floor %.3f), %d empty" % (overall, floor, len(empty)))
            sys.exit(1)
        print("OK: nDCG@10 %.3f >= %.3f" % (overall, floor))
    holes = sum(1 for q in qs for g in runs[(q["id"], "himoya")][:K] if (q["id"], g) not in grades)
    print("ungraded texts in Himoya's top %d: %d (they count 0; grade them in a new judgments file)" % (K, holes))
    if "--show" in sys.argv:
        # Each query's top 10 with grades (? = ungraded) and the best-graded texts it missed.
        for q in qs:
            top = runs[(q["id"], "himoya")][:K]
            print("%s %s" % (q["id"], q["query"]))
            for g in top:
                print("   %s %s" % (grades.get((q["id"], g), "?"), g))
            missed = sorted(((v, g) for (qq, g), v in grades.items() if qq == q["id"] and v >= 2 and g not in top),
                            reverse=True)
            for v, g in missed[:6]:
                print("   missed %d %s" % (v, g))
    if "--per-query" in sys.argv:
        for q in qs:
            print("%s\t%s\t%s" % (q["id"], " ".join("%s=%.2f" % (s, ndcg(runs[(q["id"], s)], q["id"], grades) or 0)
                                                  for s in SYSTEMS), q["query"]))


def pool(himoya, out_dir):
    """Writes OUT_DIR/pool-LANG.md: each query with the texts to grade (every version's text)."""
    qs = queries()
    provs, runs = provisions_and_runs(himoya, qs)
    graded = judgments() if "--ungraded" in sys.argv else {}
    by_group = {}
    for i, p in provs.items():
        by_group.setdefault(p["group"], []).append((p["lang"], i, p))
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(20261205)
    for lang in LANGS:
        lines = []
        for q in (q for q in qs if q["lang"] == lang):
            groups = sorted({g for s in SYSTEMS for g in runs[(q["id"], s)] if (q["id"], g) not in graded})
            rng.shuffle(groups)
            lines.append("# QUERY %s: %s\nNeed: %s\nCandidates: %d\n" % (q["id"], q["query"], q["need"], len(groups)))
            for g in groups:
                lines.append("## TEXT %s" % g)
                # The version in the query's language and the English one (or whichever exist).
                versions = sorted(by_group[g], key=lambda v: (v[0] != lang, v[0] != "en", v[0]))
                shown = [v for v in versions if v[0] in (lang, "en")] or versions[:1]
                for l, i, p in shown:
                    lines.append("[%s] %s — %s. %s\n%s" % (l, p["title"], p["label"], p["heading"], p["text"]))
                lines.append("")
            lines.append("")
        # Two files a language, 15 queries each, for two graders.
        text = "\n".join(lines)
        parts = text.split("# QUERY ")
        head, items = parts[0], ["# QUERY " + x for x in parts[1:]]
        half = (len(items) + 1) // 2
        for n, chunk in enumerate((items[:half], items[half:]), 1):
            with open(os.path.join(out_dir, "pool-%s-%d.md" % (lang, n)), "w", encoding="utf-8") as f:
                f.write(head + "".join(chunk))
        print("pool-%s-1.md, pool-%s-2.md: %d queries" % (lang, lang, len(items)))


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[2] not in ("eval", "pool"):
        sys.exit(__doc__)
    if sys.argv[2] == "pool":
        pool(sys.argv[1], sys.argv[3])
    else:
        evaluate(sys.argv[1])
