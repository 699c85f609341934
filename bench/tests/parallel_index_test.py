#!/usr/bin/python3
"""`himoya index --threads N` writes the index `--threads 1` writes.

Builders run on N threads but the one writer takes their output in file order,
so the records (data, values, terms with wdf and positions), term statistics,
spelling table, synonyms and metadata (index_dump) must be byte-identical, and
so must every search result. The corpus gets a malformed file and a duplicate
id too, so that problems reported from builder threads reach the report in the
same order as well.

    parallel_index_test.py HIMOYA INDEX_DUMP
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import compare, compare_dumps, run  # noqa: E402

himoya, dump = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="himoya-par-")
try:
    corpus = os.path.join(tmp, "corpus")
    shutil.copytree("corpus", corpus)
    with open(os.path.join(corpus, "tj", "broken.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?>\n<document id="broken">\n  <title>x</title>\n')
    shutil.copy(os.path.join(corpus, "ge", "ge-dv-law-2006-en.xml"), os.path.join(corpus, "zz-duplicate.xml"))

    dbs, reports = {}, {}
    for threads in (1, 4):
        db = os.path.join(tmp, "t%d" % threads)
        r = run([himoya, "index", "--quiet", "--threads", str(threads), "--corpus", corpus, "--db", db])
        assert r.returncode == 2, "expected exit 2 (files skipped), got %d" % r.returncode
        dbs[threads] = db
        # the report, without the lines that name the database or the time taken
        reports[threads] = [l for l in r.stderr.splitlines()
                            if not l.startswith("index ready") and not (" in " in l and "MB/s" in l)]
    bad = 0
    if reports[1] != reports[4]:
        print("reports differ:\n  1: %s\n  4: %s" % (reports[1], reports[4]))
        bad += 1
    else:
        print("reports identical: %d lines" % len(reports[1]))
    bad += compare_dumps(dump, dbs[1], dbs[4], "1", "4")
    bad += compare(himoya, [dbs[1]], [dbs[4]], "threads 1 vs 4")
    print("FAIL" if bad else "OK")
    sys.exit(1 if bad else 0)
finally:
    shutil.rmtree(tmp, ignore_errors=True)
