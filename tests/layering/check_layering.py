#!/usr/bin/env python3
"""The layering of docs/architecture.md, checked on every #include (ctest `layering`).

    analysis  <-  indexer (readers under indexer/readers)  <-  cli
    analysis  <-  search  <-  server  <-  cli

Each folder may include the folders of ours listed for it and nothing else of
ours; some third-party headers are kept out of some folders. The rule on Xapian
is transitive: no header that server/ or cli/ includes, directly or through our
other headers, may include <xapian.h>, so the HTTP edge cannot come to depend on
the index by accident. Prints every violation as `file:line: problem`; exit 1
if there is one.

    tests/layering/check_layering.py [REPO]
"""
import os
import re
import sys

OURS = ("analysis", "indexer", "search", "server", "cli")

# folder -> prefixes of our headers it may include (a prefix ending in "/" is a folder)
ALLOWED = {
    "analysis": ("analysis/",),
    "indexer/readers": ("analysis/", "indexer/readers/", "indexer/document.h", "indexer/ingest_report.h",
                        "indexer/source_file.h"),
    "indexer": ("analysis/", "indexer/"),
    "search": ("analysis/", "search/"),
    "server": ("analysis/", "search/", "server/"),
    "cli": ("analysis/", "search/", "server/", "cli/", "indexer/indexer.h", "indexer/ingest_report.h",
            "indexer/metadata_inference.h"),
}
# folder -> third-party headers it must not include directly
FORBIDDEN_EXTERNAL = {
    "search": ("nlohmann/json.hpp", "httplib.h"),
    "analysis": ("httplib.h",),
    "indexer": ("httplib.h",),
    "server": ("xapian.h", "pugixml.hpp"),
    "cli": ("xapian.h", "pugixml.hpp"),
}
# folders whose whole include closure must be free of <xapian.h>
XAPIAN_FREE = ("server", "cli")

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def folder_of(path):
    if path.startswith("indexer/readers/"):
        return "indexer/readers"
    top = path.split("/", 1)[0]
    return top if top in OURS else None


def includes(repo, path):
    out = []
    with open(os.path.join(repo, path), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                out.append((number, m.group(1), m.group(2)))
    return out


def main():
    repo = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    repo = os.path.abspath(repo)
    files = []
    for top in OURS:
        for root, _, names in os.walk(os.path.join(repo, top)):
            for n in names:
                if n.endswith((".h", ".cc")):
                    files.append(os.path.relpath(os.path.join(root, n), repo))
    files.sort()
    problems = []
    graph = {}
    for path in files:
        folder = folder_of(path)
        graph[path] = []
        for number, kind, target in includes(repo, path):
            ours = kind == '"' and target.split("/", 1)[0] in OURS
            if ours:
                graph[path].append(target)
                if not target.startswith(ALLOWED[folder]):
                    problems.append(f"{path}:{number}: {folder}/ may not include \"{target}\"")
            elif target in FORBIDDEN_EXTERNAL.get(folder.split("/")[0], ()):
                problems.append(f"{path}:{number}: {folder}/ may not include <{target}>")
            elif kind == "<" and target == "xapian.h":
                graph[path].append("<xapian.h>")
    # transitive: the headers server/ and cli/ reach
    def reaches_xapian(start):
        seen, stack, parent = {start}, [start], {}
        while stack:
            cur = stack.pop()
            for nxt in graph.get(cur, []):
                if nxt == "<xapian.h>":
                    chain = [cur]
                    while chain[-1] in parent:
                        chain.append(parent[chain[-1]])
                    return list(reversed(chain))
                if nxt not in seen and nxt in graph:
                    seen.add(nxt)
                    parent[nxt] = cur
                    stack.append(nxt)
        return None
    for path in files:
        if folder_of(path) in XAPIAN_FREE:
            chain = reaches_xapian(path)
            if chain:
                problems.append(f"{path}:1: reaches <xapian.h> through " + " -> ".join(chain))
    for p in problems:
        print(p)
    print(f"layering: {len(files)} files, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
