#!/usr/bin/env python3
"""Counts agree everywhere: a facet value's count is the number of results
ticking it gives (docs/api.md, facets). Against a running server, for a few
queries in each interface language, ticks the first values of every facet
(a year as year_from = year_to) and compares the total with the count.

    python3 bench/facet_agreement.py [BASE_URL]     # default http://127.0.0.1:8080

Prints each mismatch and the number checked; exits 1 on any mismatch.
"""
import json
import sys
import urllib.parse
import urllib.request

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
QUERIES = ["", "shelter", "охранный ордер", "зӯроварӣ", "police",
           "what does Moldova say about shelters", "sheltrz"]
VALUES_PER_FACET = 6


def search(params):
    url = BASE + "/api/search?" + urllib.parse.urlencode(params, doseq=True)
    with urllib.request.urlopen(url) as r:
        return json.load(r)


def main():
    checked = bad = 0
    for q in QUERIES:
        for ui in ("en", "ru", "tg"):
            answer = search({"q": q, "ui": ui})
            for facet, values in answer["facets"].items():
                for v in values[:VALUES_PER_FACET]:
                    params = {"q": q, "ui": ui}
                    if facet == "year":
                        params.update(year_from=v["value"], year_to=v["value"])
                    else:
                        params[facet] = v["value"]
                    total = search(params)["total"]
                    checked += 1
                    if total != v["count"]:
                        bad += 1
                        print(f"mismatch: q={q!r} ui={ui} {facet}={v['value']}: count {v['count']}, ticked {total}")
    print(f"{checked} facet values ticked, {bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
