#!/usr/bin/python3
"""Writes the query mix as request paths: himoya (/api/search) or omega (CGI).

    bench/http_paths.py himoya|omega QUERIES.tsv > paths.txt
"""
import sys
import urllib.parse

kind, path = sys.argv[1], sys.argv[2]
for line in open(path, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    cls, q, params = (line.split("\t") + ["", ""])[:3]
    if kind == "himoya":
        print("/api/search?q=" + urllib.parse.quote(q) + ("&" + "&".join(
            k + "=" + urllib.parse.quote(v) for k, v in urllib.parse.parse_qsl(params)) if params else ""))
    else:
        # Omega's CGI: P = query, DEFAULTOP=and as Himoya, 10 hits per page (its default).
        print("/cgi-bin/omega?DB=bench&DEFAULTOP=and&P=" + urllib.parse.quote(q))
