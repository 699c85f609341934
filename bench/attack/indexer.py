#!/usr/bin/env python3
"""Attacks on `himoya index` (issue 17), in temporary directories only, every
run bounded in time. Prints one row per attack on stdout:

    attack<TAB>result<TAB>figure<TAB>PASS|FAIL

(progress goes to stderr; scripts/attack runs it and prints the table) and
exits 1 if any attack failed.

    bench/attack/indexer.py [--quick] [--no-tmpfs] [--himoya PATH]

The binary is $HIMOYA, else --himoya, else build/himoya; nothing is built.

- full disk: as root, a small tmpfs (mount -t tmpfs -o size=8m, unmounted at
  the end); otherwise (or with --no-tmpfs) a file-size limit (RLIMIT_FSIZE,
  SIGXFSZ ignored) stands in for it. Refused
  before building when the estimate does not fit; the disk filled while the
  indexer is stopped at a point of its run (the test hook HIMOYA_TEST_PAUSE_AT)
  and then let go. Each time: a message, exit 1 (never 134), no debris, the
  previous index still served.
- two indexers on one --db at once, and --no-wait while another runs.
- SIGKILL at each point of a run (building, commit, stub-written, stub-renamed,
  cleanup): the index served through the stub is whole; the next run removes
  the debris and succeeds.
- an unreadable folder (run as nobody when root), a symbolic link loop, a
  dangling link, a FIFO named .xml (must not block), the same document id in
  two --corpus folders (the first --corpus wins).
- caps: a 10 MB provision and a 100,000-provision document are cut, reported.
"""

import argparse
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROWS = []
HIMOYA = None
WORK = ""
NOBODY = 65534
STUB = "XAPIANDB"
LOCK = "himoya-index.lock"


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def row(attack, result, figure, ok):
    if WORK:  # temporary paths shortened for the table
        result, figure = result.replace(WORK, "$TMP"), figure.replace(WORK, "$TMP")
    ROWS.append((attack, result, figure, ok))
    print(f"{attack}\t{result}\t{figure}\t{'PASS' if ok else 'FAIL'}", flush=True)


# ---------------------------------------------------------------- corpus

def document(doc_id, text, sections=12):
    body = []
    for i in range(sections):
        words = " ".join(f"w{doc_id}x{i * 40 + w}" for w in range(40))
        body.append(f'    <section num="{i + 1}"><p>{text} {words}</p></section>\n')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<document xmlns="urn:himoya:corpus:1" id="{doc_id}" version="1">\n'
            f"  <meta>\n    <title>Test {doc_id}</title>\n    <jurisdiction>INT</jurisdiction>\n"
            "    <language>en</language>\n    <type>report</type>\n    <date>2024-05-01</date>\n"
            "    <issuing-body>Test body</issuing-body>\n    <text-status>summary</text-status>\n"
            "    <source><official-title>Test</official-title></source>\n  </meta>\n  <body>\n"
            + "".join(body) + "  </body>\n</document>\n")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def write_corpus(corpus, n, extra):
    """n documents, the first with "kestrelwing"; with `extra` one more with "zebrafinch"."""
    for i in range(n):
        write(os.path.join(corpus, f"doc{i}.xml"),
              document(f"doc{i}", "The kestrelwing order." if i == 0 else "Plain text."))
    if extra:
        write(os.path.join(corpus, "extra.xml"), document("extra", "The zebrafinch hotline."))


# ---------------------------------------------------------------- running himoya

def index(corpus, db, *extra, timeout=120, env=None, preexec=None):
    corpora = corpus if isinstance(corpus, list) else [corpus]
    args = [HIMOYA, "index", "--db", db, "--quiet"]
    for c in corpora:
        args += ["--corpus", c]
    args += list(extra)
    started = time.time()
    p = subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=env, preexec_fn=preexec)
    return p.returncode, p.stderr, time.time() - started


def hits(db, word):
    p = subprocess.run([HIMOYA, "search", "--db", db, "--json", word], capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        return None
    m = re.search(r'"total"\s*:\s*(\d+)', p.stdout)
    return int(m.group(1)) if m else None


def current_generation(db):
    try:
        with open(os.path.join(db, STUB)) as f:
            parts = f.read().split()
        return parts[1] if len(parts) >= 2 else ""
    except OSError:
        return ""


def generations(db):
    return sorted(n for n in os.listdir(db) if n.startswith("gen-") and "." not in n)


def debris(db):
    return sorted(n for n in os.listdir(db)
                  if n not in (STUB, LOCK) and not (n.startswith("gen-") and "." not in n))


def served_whole(db, word="kestrelwing"):
    """The stub names a generation on disk and a search through it finds `word`."""
    gen = current_generation(db)
    if not gen or not os.path.isdir(os.path.join(db, gen)):
        return False, f"stub names '{gen}'"
    n = hits(db, word)
    return bool(n), f"{gen} served, '{word}' {n} hits"


class Paused:
    """`himoya index` with HIMOYA_TEST_PAUSE_AT=point: waits until it stops there."""

    def __init__(self, args, point, env=None):
        env = dict(env or os.environ, HIMOYA_TEST_PAUSE_AT=point)
        self.proc = subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
        self.lines = []
        self.seen = threading.Event()
        self.point = point
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stderr:
            self.lines.append(line)
            if f"test pause at {self.point}" in line:
                self.seen.set()

    def wait_paused(self, seconds=60):
        if not self.seen.wait(seconds):
            return False
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                with open(f"/proc/{self.proc.pid}/stat") as f:
                    if f.read().rsplit(")", 1)[1].split()[0] == "T":
                        return True
            except OSError:
                return False
            time.sleep(0.01)
        return False

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=30)

    def resume(self, seconds=120):
        os.kill(self.proc.pid, signal.SIGCONT)
        try:
            self.proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            self.kill()
        time.sleep(0.05)  # the reader thread drains stderr
        return self.proc.returncode, "".join(self.lines)


def plural(n, word):
    return f"{n} {word}" + ("" if str(n) == "1" else "s")


def as_nobody():
    os.setgid(NOBODY)
    os.setuid(NOBODY)


# ---------------------------------------------------------------- full disk

def mount_tmpfs(path, size):
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    os.makedirs(path, exist_ok=True)
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", path], capture_output=True, timeout=30)
    return p.returncode == 0


def umount(path):
    if subprocess.run(["umount", path], capture_output=True, timeout=30).returncode != 0:
        subprocess.run(["umount", "-l", path], capture_output=True, timeout=30)


def fill(directory, leave_bytes):
    """Fills the file system of `directory` until `leave_bytes` are free."""
    st = os.statvfs(directory)
    left = st.f_bavail * st.f_frsize - leave_bytes
    fd = os.open(os.path.join(directory, "filler"), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    chunk = b"x" * 65536
    try:
        while left > 0:
            left -= os.write(fd, chunk[:min(len(chunk), left)])
    except OSError:
        pass
    finally:
        os.close(fd)


def judge_failed_run(db, before, status, err):
    """A failed write: exit 1 (not 134), a message, no debris, the previous index served."""
    whole, served = served_whole(db)
    clean = not debris(db)
    ok = (status == 1 and "terminate called" not in err and current_generation(db) == before and whole
          and clean and hits(db, "zebrafinch") == 0)
    last = [l for l in err.splitlines() if l.startswith("himoya index:")]
    message = last[-1][len("himoya index: "):] if last else err.strip()[-120:]
    return ok, f"exit {status}; {'no debris' if clean else 'debris ' + str(debris(db))}; {served}", message


def full_disk_tmpfs(work, quick):
    mnt = os.path.join(work, "tmpfs")
    if not mount_tmpfs(mnt, "8m"):
        return False
    try:
        corpus = os.path.join(work, "fd-corpus")
        write_corpus(corpus, 20, False)
        db = os.path.join(mnt, "index")
        status, err, _ = index(corpus, db, "--threads", "2")
        if status != 0:
            row("full disk: setup (tmpfs 8 MB)", f"exit {status}", err.strip()[-200:], False)
            return True
        before = current_generation(db)
        write_corpus(corpus, 20, True)

        # 1. Not enough space for the estimate: refused before anything is written.
        fill(mnt, 200 * 1024)
        status, err, seconds = index(corpus, db, "--threads", "2")
        ok, result, message = judge_failed_run(db, before, status, err)
        ok = ok and "not enough free space" in message
        row("full disk before building (tmpfs 8 MB, 200 KB left)", result, message, ok)
        os.unlink(os.path.join(mnt, "filler"))

        # 2. The disk fills while the run is stopped at a point: the write fails later.
        points = ["building", "commit"] if quick else ["lock", "building", "commit"]
        for point in points:
            for threads in (["2"] if quick else ["1", "2"]):
                p = Paused([HIMOYA, "index", "--db", db, "--quiet", "--corpus", corpus, "--threads", threads], point)
                if not p.wait_paused():
                    p.kill()
                    row(f"full disk at {point} (tmpfs, {plural(threads, 'thread')})", "did not pause", "", False)
                    continue
                fill(mnt, 0)
                status, err = p.resume()
                os.unlink(os.path.join(mnt, "filler"))
                ok, result, message = judge_failed_run(db, before, status, err)
                row(f"full disk at {point} (tmpfs, {plural(threads, 'thread')})", result, message, ok)

        # 3. A sweep of nearly full disks at the building point: never an abort, never debris.
        leaves = [256, 1024, 2048] if quick else [0, 128, 256, 512, 768, 1024, 1536, 2048, 3072, 4096, 5120]
        results = []
        bad = []
        for kb in leaves:
            p = Paused([HIMOYA, "index", "--db", db, "--quiet", "--corpus", corpus, "--threads", "2"], "building")
            if not p.wait_paused():
                p.kill()
                bad.append(f"{kb} KB: no pause")
                continue
            fill(mnt, kb * 1024)
            status, err = p.resume()
            os.unlink(os.path.join(mnt, "filler"))
            results.append(status)
            whole, _ = served_whole(db)
            if status not in (0, 1) or "terminate called" in err or debris(db) or not whole:
                bad.append(f"{kb} KB left: exit {status}, debris {debris(db)}")
            if status == 0:
                before = current_generation(db)
        row(f"nearly full disk, {len(leaves)} sizes (tmpfs)",
            f"exits {sorted(set(results))}" + ("" if not bad else f"; {bad}"),
            "never 134, never debris, always served", not bad)
    finally:
        umount(mnt)
    return True


def full_disk_rlimit(work):
    corpus = os.path.join(work, "fsize-corpus")
    db = os.path.join(work, "fsize-index")
    write_corpus(corpus, 20, False)
    status, err, _ = index(corpus, db)
    before = current_generation(db)
    write_corpus(corpus, 20, True)

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (40 * 1024, 40 * 1024))

    for threads in ("1", "2"):
        status, err, _ = index(corpus, db, "--threads", threads, preexec=limit)
        ok, result, message = judge_failed_run(db, before, status, err)
        row(f"full disk as RLIMIT_FSIZE 40 KB ({plural(threads, 'thread')})", result, message, ok)


# ---------------------------------------------------------------- concurrency

def concurrent(work):
    corpus = os.path.join(work, "cc-corpus")
    db = os.path.join(work, "cc-index")
    write_corpus(corpus, 30, True)
    args = [HIMOYA, "index", "--db", db, "--quiet", "--corpus", corpus, "--threads", "2"]
    procs = [subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True) for _ in range(2)]
    outs = []
    for p in procs:
        try:
            _, err = p.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            p.kill()
            _, err = p.communicate()
        outs.append((p.returncode, err))
    waited = sum("waiting for it to finish" in err for _, err in outs)
    whole, served = served_whole(db)
    ok = all(s == 0 for s, _ in outs) and waited == 1 and whole and not debris(db) and len(generations(db)) == 2
    row("two indexers on one --db at once", f"exits {[s for s, _ in outs]}, {waited} waited",
        f"{served}; {len(generations(db))} generations, debris {debris(db)}", ok)

    # --no-wait while another holds the lock (stopped at "building").
    p = Paused(args, "building")
    if not p.wait_paused():
        p.kill()
        row("--no-wait while another indexer runs", "first did not pause", "", False)
        return
    started = time.time()
    status, err, _ = index(corpus, db, "--no-wait")
    seconds = time.time() - started
    unfinished = [n for n in os.listdir(db) if n.endswith(".parts")]
    first_status, first_err = p.resume()
    whole, served = served_whole(db)
    ok = (status == 75 and f"pid {p.proc.pid}" in err and unfinished and first_status == 0 and whole
          and not debris(db))
    line = [l for l in err.splitlines() if "another indexer" in l]
    row("--no-wait while another indexer runs", f"exit {status} in {seconds:.2f} s; first exit {first_status}",
        (line[0][len("himoya index: "):] if line else err.strip()[-200:]), ok)


# ---------------------------------------------------------------- kills

def kills(work, quick):
    for point, switched in [("building", False), ("commit", False), ("stub-written", False),
                            ("stub-renamed", True), ("cleanup", True)]:
        for threads in (["2"] if quick else ["1", "2"]):
            base = os.path.join(work, f"kill-{point}-{threads}")
            corpus, db = os.path.join(base, "corpus"), os.path.join(base, "index")
            write_corpus(corpus, 8, False)
            index(corpus, db, "--threads", threads)
            index(corpus, db, "--threads", threads)
            write_corpus(corpus, 8, True)
            p = Paused([HIMOYA, "index", "--db", db, "--quiet", "--corpus", corpus, "--threads", threads], point)
            if not p.wait_paused():
                p.kill()
                row(f"SIGKILL at {point} ({plural(threads, 'thread')})", "did not pause", "".join(p.lines)[-200:], False)
                continue
            p.kill()
            whole, served = served_whole(db)
            new = (hits(db, "zebrafinch") or 0) > 0
            status, err, _ = index(corpus, db, "--threads", threads)
            removed = [os.path.basename(l.split(": ", 1)[1]) for l in err.splitlines()
                       if l.startswith("removed debris of an earlier run: ")]
            whole_after, _ = served_whole(db, "zebrafinch")
            ok = (whole and new == switched and status == 0 and removed and whole_after and not debris(db)
                  and len(generations(db)) <= 2)
            row(f"SIGKILL at {point} ({plural(threads, 'thread')})",
                f"{served} ({'new' if new else 'old'}); next run exit {status}",
                f"it removed {'; '.join(removed)}; {len(generations(db))} generations left", ok)


# ---------------------------------------------------------------- silent skips

def reported(err, path):
    for line in err.splitlines():
        if line.startswith(path + ":"):
            return line[len(path) + 2:]
    return ""


def skips(work):
    # Each case: a good document and one bad entry; exit 2, the entry reported; --strict exit 1.
    def case(name, make, expect, nobody=False):
        base = os.path.join(work, "skip-" + name.replace(" ", "-"))
        corpus, db = os.path.join(base, "corpus"), os.path.join(base, "index")
        write(os.path.join(corpus, "good.xml"), document("good", "The kestrelwing order.", 1))
        bad = make(corpus)
        pre = None
        if nobody and os.geteuid() == 0:
            os.chmod(base, 0o777)
            os.makedirs(db, exist_ok=True)
            os.chmod(db, 0o777)
            pre = as_nobody
        try:
            status, err, seconds = index(corpus, db, timeout=60, preexec=pre)
            strict, strict_err, _ = index(corpus, db + "-strict", "--strict", timeout=60, preexec=pre)
        except subprocess.TimeoutExpired:
            row(name, "indexer blocked", "killed after 60 s", False)
            return
        what = reported(err, bad)
        ok = status == 2 and expect in what and "[skipped]" in what and strict == 1 and (hits(db, "kestrelwing") or 0) > 0
        row(name, f"exit {status} (--strict {strict}) in {seconds:.2f} s", f"{os.path.basename(bad)}: {what}", ok)

    def locked(corpus):
        folder = os.path.join(corpus, "locked")
        write(os.path.join(folder, "inside.xml"), document("inside", "Never read.", 1))
        os.chmod(folder, 0)
        return folder

    def loop(corpus):
        os.symlink(".", os.path.join(corpus, "loop"))
        return os.path.join(corpus, "loop")

    def dangling(corpus):
        os.symlink("nowhere.xml", os.path.join(corpus, "gone.xml"))
        return os.path.join(corpus, "gone.xml")

    def fifo(corpus):
        os.mkfifo(os.path.join(corpus, "pipe.xml"))
        return os.path.join(corpus, "pipe.xml")

    case("unreadable folder" + (" (as nobody)" if os.geteuid() == 0 else ""), locked,
         "cannot read folder: Permission denied", nobody=True)
    case("symbolic link loop", loop, "symbolic link loop")
    case("dangling symbolic link", dangling, "dangling symbolic link")
    case("FIFO named .xml", fifo, "a FIFO, not a regular file")

    # The same document id in two --corpus folders: the first --corpus wins.
    base = os.path.join(work, "dup")
    first, second = os.path.join(base, "z-first"), os.path.join(base, "a-second")
    write(os.path.join(first, "law.xml"), document("dup", "The kestrelwing order.", 1))
    write(os.path.join(second, "law.xml"), document("dup", "The zebrafinch order.", 1))
    db = os.path.join(base, "index")
    status, err, _ = index([first, second], db, "--threads", "2")
    what = reported(err, os.path.join(second, "law.xml"))
    ok = (status == 2 and "duplicate document id 'dup'" in what and (hits(db, "kestrelwing") or 0) > 0
          and hits(db, "zebrafinch") == 0)
    row("same id in two --corpus folders", f"exit {status}; the first --corpus won",
        "a-second/law.xml: " + what.replace(base + "/", ""), ok)


# ---------------------------------------------------------------- caps

def caps(work):
    base = os.path.join(work, "caps")
    corpus, db = os.path.join(base, "corpus"), os.path.join(base, "index")
    words = " protection shelter hotline"
    text = "The kestrelwing order." + words * (10 * 1024 * 1024 // len(words)) + " zebrafinch."
    write(os.path.join(corpus, "huge.xml"), document("huge", "", 0).replace(
        "<body>\n", f'<body>\n    <section num="1"><p>{text}</p></section>\n'))
    status, err, seconds = index(corpus, db)
    what = reported(err, os.path.join(corpus, "huge.xml"))
    started = time.time()
    n = hits(db, "kestrelwing")
    search_ms = (time.time() - started) * 1000
    ok = status == 2 and "over the limit of 1 MiB" in what and "[truncated]" in what and n and hits(db, "zebrafinch") == 0
    row("a 10 MB provision", f"exit {status}; cut to 1 MiB, reported", f"indexed in {seconds:.1f} s; "
        f"`himoya search` hitting it {search_ms:.0f} ms", ok)

    base = os.path.join(work, "caps-many")
    corpus, db = os.path.join(base, "corpus"), os.path.join(base, "index")
    n = 100000
    sections = "".join(f'    <section num="{i + 1}"><p>provision number {i + 1}</p></section>\n' for i in range(n))
    write(os.path.join(corpus, "many.xml"), document("many", "", 0).replace("<body>\n", "<body>\n" + sections))
    status, err, seconds = index(corpus, db, timeout=300)
    what = reported(err, os.path.join(corpus, "many.xml"))
    indexed = re.search(r", (\d+) provisions,", err)
    kept = int(indexed.group(1)) if indexed else 0
    ok = status == 2 and "over the limit of 20000 per document" in what and "[truncated]" in what and kept == 20000
    row(f"a {n:,}-provision document", f"exit {status}; {kept:,} provisions kept, the rest reported",
        f"indexed in {seconds:.1f} s", ok)


# ---------------------------------------------------------------- main

def main():
    global HIMOYA, WORK
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="short runs (under a minute)")
    ap.add_argument("--no-tmpfs", action="store_true", help="full disk as RLIMIT_FSIZE even as root")
    ap.add_argument("--himoya", default=os.environ.get("HIMOYA") or os.path.join(ROOT, "build", "himoya"))
    args = ap.parse_args()
    HIMOYA = os.path.abspath(args.himoya)
    if not os.access(HIMOYA, os.X_OK):
        log(f"indexer.py: no himoya binary at {HIMOYA} (set HIMOYA or build first)")
        return 2
    # stopped from outside (scripts/attack's time limit): still unmount and clean up
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = WORK = tempfile.mkdtemp(prefix="himoya-attack-indexer-")
    os.chmod(work, 0o755)
    started = time.time()
    try:
        log("indexer.py: full disk")
        if args.no_tmpfs or not full_disk_tmpfs(work, args.quick):
            log("indexer.py: no tmpfs (not root, or mount refused): RLIMIT_FSIZE stands in for a full disk")
            full_disk_rlimit(work)
        log("indexer.py: concurrent indexers")
        concurrent(work)
        log("indexer.py: kills")
        kills(work, args.quick)
        log("indexer.py: silent skips")
        skips(work)
        log("indexer.py: caps")
        caps(work)
    finally:
        for d, dirs, _ in os.walk(work):
            for name in dirs:
                try:
                    os.chmod(os.path.join(d, name), 0o755)
                except OSError:
                    pass
        shutil.rmtree(work, ignore_errors=True)
    log(f"indexer.py: {len(ROWS)} attacks in {time.time() - started:.0f} s")
    return 0 if ROWS and all(ok for *_, ok in ROWS) else 1


if __name__ == "__main__":
    sys.exit(main())
