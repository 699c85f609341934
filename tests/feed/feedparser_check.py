#!/usr/bin/python3
"""Reads an Atom feed written by /api/search.atom with feedparser (Debian's
python3-feedparser) and checks that a common feed reader sees what we meant:
no parse problem (bozo), an Atom 1.0 feed with a title, self link, and entries
each with an id, title, link, summary and published/updated dates.

    feedparser_check.py FEED.xml MIN_ENTRIES

Exit 0: fine; 1: a problem (printed); 77: feedparser is not installed.
"""
import sys

try:
    import feedparser
except ImportError:
    print("feedparser is not installed (apt-get install python3-feedparser)")
    sys.exit(77)

path, min_entries = sys.argv[1], int(sys.argv[2])
with open(path, "rb") as f:
    d = feedparser.parse(f.read())
problems = []
if d.bozo:
    problems.append("bozo: %r" % d.bozo_exception)
if d.version != "atom10":
    problems.append("version %r, not atom10" % d.version)
if not d.feed.get("title"):
    problems.append("feed has no title")
if not any(l.get("rel") == "self" for l in d.feed.get("links", [])):
    problems.append("feed has no self link")
if len(d.entries) < min_entries:
    problems.append("%d entries, expected at least %d" % (len(d.entries), min_entries))
for e in d.entries:
    for key in ("id", "title", "link", "summary", "published_parsed", "updated_parsed"):
        if not e.get(key):
            problems.append("entry %s has no %s" % (e.get("id"), key))
ids = [e.get("id") for e in d.entries]
if len(set(ids)) != len(ids):
    problems.append("duplicate entry ids")
print("\n".join(problems) if problems else "OK %d entries" % len(d.entries))
sys.exit(1 if problems else 0)
