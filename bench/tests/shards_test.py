#!/usr/bin/python3
"""Two shards give the results and facets of one index: locally (`--db a --db b`)
and remotely (two xapian-tcpsrv on loopback, reached through one stub file).

The corpus is split in two by alternating works (both halves keep the tables: thesaurus.xml,
so documents are tagged alike, the label tables, place names and the word lexicon; the fact
tables go with the first). Scores are equal
because Xapian combines the shards' statistics before weighting.

    shards_test.py HIMOYA
"""
import glob
import re
import os
import shutil
import socket
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import compare, run  # noqa: E402

himoya = sys.argv[1]
tmp = tempfile.mkdtemp(prefix="himoya-shards-")
servers = []


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def current_generation(db):
    return os.path.join(db, open(os.path.join(db, "XAPIANDB")).read().split()[1])


try:
    halves = [os.path.join(tmp, "a"), os.path.join(tmp, "b")]
    # tables every index of the corpus reads (not documents); both halves get them
    tables = ("thesaurus.xml", "bodies.xml", "istanbul-articles.xml", "jurisdictions.xml", "lexicon.tsv")
    docs = sorted(p for p in glob.glob("corpus/**/*.xml", recursive=True)
                  if "/schema/" not in p and "/facts/" not in p and os.path.basename(p) not in tables)
    # Shards hold whole works: the language versions of a provision agree on
    # its concepts only when they are indexed together (docs/scaling.md).
    works = sorted({re.sub(r"-(en|ru|tg)\.xml$", "", p) for p in docs})
    for p in docs:
        work = re.sub(r"-(en|ru|tg)\.xml$", "", p)
        dst = os.path.join(halves[works.index(work) % 2], os.path.relpath(p, "corpus"))
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy(p, dst)
    for h in halves:
        for t in tables:
            shutil.copy(os.path.join("corpus", t), h)
    shutil.copytree("corpus/facts", os.path.join(halves[0], "facts"))
    full, da, dbb = os.path.join(tmp, "full"), os.path.join(tmp, "db-a"), os.path.join(tmp, "db-b")
    run([himoya, "index", "--quiet", "--corpus", "corpus", "--db", full])
    run([himoya, "index", "--quiet", "--corpus", halves[0], "--db", da])
    run([himoya, "index", "--quiet", "--corpus", halves[1], "--db", dbb])
    bad = compare(himoya, [full], [da, dbb], "local shards")

    tcpsrv = shutil.which("xapian-tcpsrv")
    if not tcpsrv:
        print("xapian-tcpsrv not found (apt-get install xapian-tools): remote shards not tested")
    else:
        stub = os.path.join(tmp, "remote.stub")
        lines = []
        for shard in (da, dbb):
            port = free_port()
            srv = subprocess.Popen([tcpsrv, "--interface", "127.0.0.1", "--port", str(port),
                                    current_generation(shard)], stdout=subprocess.PIPE, text=True,
                                   start_new_session=True)  # it signals its whole process group on exit
            servers.append(srv)
            for line in srv.stdout:  # "Starting server on ...", then "Listening..."
                if line.startswith("Listening"):
                    break
            lines.append("remote 127.0.0.1:%d" % port)  # TCP; a leading ":" would mean a program
        open(stub, "w").write("\n".join(lines) + "\n")
        # What the remote backend does not serve (docs/scaling.md, "Beyond one machine"):
        # spelling suggestions and word translations (both read the synonym table), and
        # our text-counting spy (a remote shard counts records). Compare without them:
        # every version a hit, no translations.
        import common
        common.QUERIES = [(q, e + ["--versions", "separate", "--no-cross-language"])
                          for q, e in common.QUERIES if q not in ("violense", "зуроварй")]
        bad += compare(himoya, [full], [stub], "remote shards")
    print("FAIL" if bad else "OK")
    sys.exit(1 if bad else 0)
finally:
    for s in servers:
        s.terminate()
        try:
            s.wait(timeout=5)
        except subprocess.TimeoutExpired:
            s.kill()
            s.wait()
    shutil.rmtree(tmp, ignore_errors=True)
