#!/usr/bin/env python3
"""Real answers of every endpoint checked against docs/openapi.yaml.

    check_responses.py PATH/TO/himoya

Indexes the repository's corpus/ into a temporary directory, serves it with
`himoya serve --port 0` on 127.0.0.1, sends representative requests to every
endpoint (and the error cases of the HTTP layer: 400, 404, 405, 408, 411, 413,
414, 416, 431, 503, 505), and validates each answer against the OpenAPI
description of its path, method and status: the status must be documented, the
media type must be one the response lists, a JSON body must satisfy the
response's schema (JSON Schema 2020-12, $refs resolved), headers marked
required must be present and documented headers must match their schemas. A
second server over a one-document index without a thesaurus or fact tables,
allowing one connection per client, gives the 404s of /api/topics and /api/facts
and the 503.

Fails naming the request, the JSON pointer in the answer and the problem. Also
fails when a path of the description is never answered 200, or when a route
under /api in server/ or docs/api.md is missing from the description.

Needs Python 3 with PyYAML and jsonschema >= 4 (Debian: python3-yaml,
python3-jsonschema; scripts/setup --test installs them).
"""

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import jsonschema
import yaml
from jsonschema.exceptions import best_match

ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = ROOT / "docs" / "openapi.yaml"

failures = []
checked = []  # (method, spec path, status, media type)


def fail(what, problem):
    failures.append(f"{what}: {problem}")
    print(f"FAIL {what}: {problem}", flush=True)


# --- the description -------------------------------------------------------

SPEC = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
# Everything a $ref may point into; the validator resolves "#/..." against it.
REF_ROOT = {"components": SPEC.get("components", {}), "paths": SPEC.get("paths", {})}


def escape_pointer(token):
    return str(token).replace("~", "~0").replace("/", "~1")


def lookup(pointer):
    node = SPEC
    for token in pointer.lstrip("/").split("/"):
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[token]
    return node


def resolve(obj, pointer):
    """Follows $ref chains of non-schema objects (responses, headers): (object, its pointer)."""
    while isinstance(obj, dict) and "$ref" in obj:
        pointer = obj["$ref"][1:]
        obj = lookup(pointer)
    return obj, pointer


def template_regex(template):
    parts = re.split(r"(\{[^}]+\})", template)
    return re.compile("^" + "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "$")


PATH_TEMPLATES = [(p, template_regex(p)) for p in SPEC["paths"]]


def spec_path_of(path):
    for template, regex in PATH_TEMPLATES:
        if regex.match(path):
            return template
    return None


def validator_for(pointer):
    schema = dict(REF_ROOT)
    schema["$ref"] = "#" + pointer
    return jsonschema.Draft202012Validator(schema)


def json_pointer(path):
    return "/" + "/".join(escape_pointer(p) for p in path) if path else "(the whole body)"


def describe(error):
    """The most specific error under one/any-of branches, as 'pointer: problem'."""
    if error.context:
        deepest = best_match(error.context)
        if deepest is not None:
            error = deepest
    schema_path = "/".join(str(p) for p in error.absolute_schema_path)
    return f"at {json_pointer(error.absolute_path)}: {error.message} (schema keyword {schema_path})"


# --- HTTP over a plain socket (so that every malformed request can be sent) --


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        return self.headers.get(name.lower())


def exchange(port, data, timeout=60):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # refused early (414, 431, 413): the answer is still there to read
        return read_answer(s)


def read_answer(s):
    chunks = []
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    except ConnectionResetError:
        pass
    raw = b"".join(chunks)
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        raise RuntimeError(f"no complete HTTP answer (got {len(raw)} bytes: {raw[:200]!r})")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = body[: int(headers["content-length"])]
    return Answer(status, headers, body)


def request(port, target, method="GET", headers=(), request_line=None):
    line = request_line or f"{method} {target} HTTP/1.1"
    text = line + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    for h in headers:
        text += h + "\r\n"
    return exchange(port, (text + "\r\n").encode("utf-8"))


def target(path, **params):
    pairs = []
    for name, value in params.items():
        for v in value if isinstance(value, list) else [value]:
            pairs.append((name, v))
    return path + ("?" + urlencode(pairs, quote_via=quote, safe="") if pairs else "")


# --- checking one answer ------------------------------------------------------


def check(name, answer, expected_status, spec_path=None, method="get"):
    """Validates `answer` against the description; returns its JSON body (or None)."""
    what = f"{name} -> {answer.status}"
    if answer.status != expected_status:
        fail(what, f"expected status {expected_status}; body {answer.body[:300]!r}")
        return None
    media = (answer.header("content-type") or "").split(";")[0].strip()
    if spec_path is None:
        # A path under /api that the description does not list: the common error body.
        if media != "application/json":
            fail(what, f"Content-Type {media!r}, expected application/json")
            return None
        response, pointer = None, "/components/schemas/Error"
        schema_pointer = pointer
    else:
        operation = SPEC["paths"][spec_path].get(method)
        op_pointer = f"/paths/{escape_pointer(spec_path)}/{method}"
        if operation is None:
            fail(what, f"{method.upper()} {spec_path} is not in the description")
            return None
        responses = operation.get("responses", {})
        key = str(answer.status) if str(answer.status) in responses else "default"
        if key not in responses:
            fail(what, f"status {answer.status} is not documented for {method.upper()} {spec_path}")
            return None
        response, pointer = resolve(responses[key], f"{op_pointer}/responses/{key}")
        content = response.get("content", {})
        if media not in content:
            fail(what, f"Content-Type {media!r} is not among {sorted(content)} of {method.upper()} {spec_path} {key}")
            return None
        if "schema" not in content[media]:
            fail(what, f"no schema for {media} in #{pointer}")
            return None
        schema_pointer = f"{pointer}/content/{escape_pointer(media)}/schema"
        for header_name, header in response.get("headers", {}).items():
            header, header_pointer = resolve(header, f"{pointer}/headers/{escape_pointer(header_name)}")
            value = answer.header(header_name)
            if value is None:
                if header.get("required"):
                    fail(what, f"required header {header_name} is missing")
                continue
            if "schema" in header:
                for error in validator_for(f"{header_pointer}/schema").iter_errors(value):
                    fail(what, f"header {header_name}: {error.message}")
    checked.append((method.upper(), spec_path or "(not listed)", answer.status, media))

    if media != "application/json":
        try:
            text = answer.body.decode("utf-8")
        except UnicodeDecodeError as e:
            fail(what, f"{media} body is not UTF-8: {e}")
            return None
        if not text.strip():
            fail(what, f"empty {media} body")
        for error in validator_for(schema_pointer).iter_errors(text):
            fail(what, describe(error))
        return None
    try:
        body = json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        fail(what, f"body is not JSON: {e}; {answer.body[:200]!r}")
        return None
    errors = sorted(validator_for(schema_pointer).iter_errors(body), key=lambda e: list(e.absolute_path))
    for error in errors[:20]:
        fail(what, describe(error))
    if len(errors) > 20:
        fail(what, f"... and {len(errors) - 20} more schema errors")
    if answer.status >= 400 and isinstance(body, dict) and isinstance(body.get("error"), dict):
        if body["error"].get("code") != answer.status:
            fail(what, f"at /error/code: {body['error'].get('code')!r} is not the HTTP status {answer.status}")
    return body


def self_test(search_result):
    """The validator itself: a wrong key, a missing key and a wrong type in a real answer must be caught
    (a jsonschema that ignored $ref siblings or unevaluatedProperties would pass anything)."""
    pointer = "/components/schemas/SearchResult"
    mutations = {
        "an unknown key in a hit": lambda b: b["hits"][0].__setitem__("snipet", ""),
        "a hit without snippet": lambda b: b["hits"][0].pop("snippet"),
        "a result without total": lambda b: b.pop("total"),
        "a string year": lambda b: b["hits"][0].__setitem__("year", "2013"),
        "an unknown legal status": lambda b: b["hits"][0].__setitem__("legal_status", {"state": "x", "since": "", "relations": []}),
        "an unknown facet": lambda b: b["facets"].__setitem__("colour", []),
    }
    for name, mutate in mutations.items():
        body = json.loads(json.dumps(search_result))
        mutate(body)
        if not any(True for _ in validator_for(pointer).iter_errors(body)):
            fail("validator self-test", f"{name} passed the SearchResult schema")


def get(port, name, path, expected=200, **params):
    t = target(path, **params)
    return check(f"GET {t}" if not name else f"{name} (GET {t[:120]})", request(port, t), expected, spec_path_of(path))


# --- servers --------------------------------------------------------------------


class Server:
    def __init__(self, binary, db, workdir, *extra):
        self.out = open(workdir / f"serve-{os.path.basename(db)}.out", "w+")
        self.err = open(workdir / f"serve-{os.path.basename(db)}.err", "w+")
        self.proc = subprocess.Popen(
            [binary, "serve", "--db", str(db), "--host", "127.0.0.1", "--port", "0", "--web", str(ROOT / "web"), *extra],
            stdout=self.out, stderr=self.err)
        self.port = None
        deadline = time.time() + 30
        while time.time() < deadline:
            self.out.seek(0)
            m = re.search(r"http://127\.0\.0\.1:(\d+)", self.out.read())
            if m:
                self.port = int(m.group(1))
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        self.err.seek(0)
        raise RuntimeError(f"himoya serve did not start: {self.err.read()[-2000:]}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def index(binary, corpora, db):
    args = [binary, "index", "--db", str(db), "--quiet"]
    for c in corpora:
        args += ["--corpus", str(c)]
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"himoya index failed ({run.returncode}): {run.stdout[-2000:]} {run.stderr[-2000:]}")


# --- the requests -----------------------------------------------------------------


def endpoints(port):
    """Representative requests to every endpoint; ids are taken from earlier answers."""
    get(port, "health", "/api/health")

    # search: words, facets, every filter, browse, paging, the switches
    result = get(port, "search", "/api/search", q="protection order")
    get(port, "search with filters", "/api/search", q="protection order", jurisdiction=["TJ", "BA-BIH"],
        lang=["en", "ru"], type=["law", "code"], status=["in-force", "amended"], year_from="2000", year_to="2030",
        sort="date", ui="ru")
    get(port, "search separate versions", "/api/search", q="насилие в семье", versions="separate", qlang="ru",
        scope="all", per_page="20", ui="tg")
    get(port, "browse", "/api/search")
    get(port, "browse by topic, year and body", "/api/search", topic="protection-orders", year=["2013", "2025"],
        body="tj-majlisi-oli", audience="police")
    get(port, "search page 2 without facets", "/api/search", q="violence", page="2", per_page="5", facets="false")
    get(port, "search bad switch", "/api/search", 400, q="violence", relax="maybe")
    get(port, "search documents", "/api/search", q="shelter", scope="document", cross_language="false",
        places="0", relax="0")
    get(port, "did you mean", "/api/search", q="protecton ordr")
    get(port, "question with a place", "/api/search", q="кто выдает охранный ордер в Таджикистане")
    get(port, "latin tajik", "/api/search", q="zo'ravonii oilavi", qlang="auto")
    get(port, "bad sort", "/api/search", 400, sort="newest")
    get(port, "bad page", "/api/search", 400, page="0")
    get(port, "page window", "/api/search", 400, page="2000", per_page="10")
    get(port, "long q", "/api/search", 400, q="a" * 1100)
    get(port, "bad ui", "/api/search", 400, ui="fr")
    get(port, "bad qlang", "/api/search", 400, qlang="fr")
    get(port, "filter value no text has", "/api/search", 400, q="violence", type="laws")
    get(port, "control character in q", "/api/search", 400, q="police\nx")
    get(port, "search newest indexed", "/api/search", sort="indexed", per_page="3")
    # the Atom feed of a search
    get(port, "feed", "/api/search.atom", q="protection order", jurisdiction="TJ", per_page="5")
    get(port, "feed browse", "/api/search.atom")
    get(port, "feed bad per_page", "/api/search.atom", 400, per_page="0")

    if result and result.get("hits"):
        self_test(result)

    provision_id = "tj-dv-law-2013-en/protection-order"
    document_id = "tj-dv-law-2013-en"
    if result and result.get("hits"):
        provision = next((h for h in result["hits"] if h.get("kind") == "provision"), result["hits"][0])
        provision_id, document_id = provision["id"], provision["document_id"]

    # documents: metadata, versions, provisions paging; a practice document (legal_status null)
    doc = get(port, "document", f"/api/documents/{document_id}")
    get(port, "document page", f"/api/documents/{document_id}", offset="1", limit="2")
    get(port, "document past the end", f"/api/documents/{document_id}", offset="100000")
    practice = get(port, "practice documents", "/api/search", type="report", scope="document", per_page="1")
    if practice and practice.get("hits"):
        get(port, "practice document", f"/api/documents/{practice['hits'][0]['document_id']}")
    if doc:
        for v in doc.get("versions", [])[:1]:
            get(port, "another version", f"/api/documents/{v['id']}", limit="1")
    get(port, "unknown document", "/api/documents/no-such-document", 404)
    get(port, "document as akoma ntoso", f"/api/documents/{document_id}.akn.xml")
    get(port, "unknown document as akoma ntoso", "/api/documents/no-such-document.akn.xml", 404)
    get(port, "bad limit", f"/api/documents/{document_id}", 400, limit="0")
    get(port, "bad offset", f"/api/documents/{document_id}", 400, offset="x")
    get(port, "document bad ui", f"/api/documents/{document_id}", 400, ui="fr")

    # thesaurus
    topics = get(port, "topics", "/api/topics")
    topic_id = "emergency-protection-orders"
    get(port, "topic", f"/api/topics/{topic_id}", per_jurisdiction="2", ui="ru")
    if topics and topics.get("top"):
        get(port, "top topic", f"/api/topics/{topics['top'][0]}", ui="tg")
    get(port, "unknown topic", "/api/topics/no-such-topic", 404)
    get(port, "topic bad ui", f"/api/topics/{topic_id}", 400, ui="fr")
    get(port, "topic bad per_jurisdiction", f"/api/topics/{topic_id}", 400, per_jurisdiction="0")

    # compare: topic, Istanbul article, words; the exports
    get(port, "compare topic", "/api/compare", topic=topic_id, jurisdiction=["TJ", "BA-BIH"])
    get(port, "compare ic", "/api/compare", ic="52", jurisdiction=["TJ", "BA-BIH", "BA-SRP", "KZ"], lang="ru",
        include_repealed="1", per_jurisdiction="2", ui="ru")
    get(port, "compare words", "/api/compare", q="shelter", jurisdiction=["TJ", "US"], type="law")
    get(port, "compare csv", "/api/compare", topic=topic_id, jurisdiction=["TJ", "KZ"], format="csv")
    get(port, "compare md", "/api/compare", ic="52", jurisdiction=["TJ", "KZ"], format="md", ui="tg")
    get(port, "compare json", "/api/compare", topic=topic_id, jurisdiction=["TJ", "KZ"], format="json")
    get(port, "matrix json", "/api/matrix", jurisdiction="TJ", format="json")
    get(port, "glossary", "/api/glossary", concept="family-definition", ui="ru")
    get(port, "glossary lang", "/api/glossary", concept="domestic-violence-definition", lang="tg", per_jurisdiction="1",
        include_repealed="1")
    get(port, "glossary no concept", "/api/glossary", 400)
    get(port, "glossary unknown concept", "/api/glossary", 400, concept="no-such-concept")
    get(port, "glossary definitions itself", "/api/glossary", 400, concept="definitions")
    get(port, "glossary csv (JSON only)", "/api/glossary", 400, concept="family-definition", format="csv")
    get(port, "compare one jurisdiction", "/api/compare", 400, topic=topic_id, jurisdiction="TJ")
    get(port, "compare two subjects", "/api/compare", 400, topic=topic_id, ic="52", jurisdiction=["TJ", "KZ"])
    get(port, "compare bad format", "/api/compare", 400, topic=topic_id, jurisdiction=["TJ", "KZ"], format="xml")
    get(port, "compare bad include_repealed", "/api/compare", 400, topic=topic_id, jurisdiction=["TJ", "KZ"],
        include_repealed="maybe")

    # matrix
    get(port, "matrix", "/api/matrix", jurisdiction=["TJ", "BA-BIH", "KZ"])
    get(port, "matrix thesaurus", "/api/matrix", jurisdiction=["TJ", "MD"], scheme="thesaurus", lang="ru",
        include_repealed="true", ui="tg")
    get(port, "matrix csv", "/api/matrix", jurisdiction=["TJ", "KZ"], format="csv", ui="ru")
    get(port, "matrix without jurisdiction", "/api/matrix", 400)
    get(port, "matrix bad scheme", "/api/matrix", 400, jurisdiction="TJ", scheme="other")
    get(port, "matrix jurisdiction without texts", "/api/matrix", 400, jurisdiction=["TJ", "AM"])

    # facts
    get(port, "facts", "/api/facts", topic="protection-orders")
    get(port, "facts csv", "/api/facts", topic="protection-orders", format="csv", ui="ru")
    get(port, "facts json", "/api/facts", topic="protection-orders", format="json")
    get(port, "facts without topic", "/api/facts", 400)
    get(port, "facts bad format", "/api/facts", 400, topic="protection-orders", format="md")
    get(port, "facts unknown topic", "/api/facts", 404, topic="no-such-topic")

    # related
    get(port, "related", "/api/related", id=provision_id)
    get(port, "related ru", "/api/related", id=provision_id, limit="2", ui="ru")
    get(port, "related without id", "/api/related", 400)
    get(port, "related bad limit", "/api/related", 400, id=provision_id, limit="51")
    get(port, "related unknown", "/api/related", 404, id="no-such-document/art_1")
    get(port, "related bad ui", "/api/related", 400, id=provision_id, ui="xx")

    # labels
    get(port, "labels", "/api/labels")
    get(port, "labels ui", "/api/labels", ui="ru")
    get(port, "labels bad ui", "/api/labels", 400, ui="fr")

    # analyze
    get(port, "analyze tg", "/api/analyze", text="Зӯроварӣ дар оила", lang="tg")
    get(port, "analyze auto ru", "/api/analyze", text="Насилие в семье, охранный ордер")
    get(port, "analyze latin tajik", "/api/analyze", text="zo'ravonii oilavi va ordeni himoyavi")
    get(port, "analyze en", "/api/analyze", text="The protection orders", lang="en")
    get(port, "analyze empty", "/api/analyze")
    get(port, "analyze bad lang", "/api/analyze", 400, text="x", lang="fr")
    # the whole knowledge base
    get(port, "export", "/api/export.jsonl")

    # paths under /api that are not endpoints
    check("unknown endpoint (GET /api/nope)", request(port, "/api/nope"), 404)
    check("bare /api (GET /api)", request(port, "/api"), 404)


def http_layer(port):
    """Refusals of the HTTP layer, each on a path of the description."""
    def raw(name, spec_path, status, **kw):
        check(name, request(port, **kw), status, spec_path)

    raw("POST (405)", "/api/search", 405, target="/api/search?q=x", method="POST", headers=["Content-Length: 0"])
    raw("DELETE (405)", "/api/documents/{id}", 405, target="/api/documents/x", method="DELETE")
    raw("chunked body (411)", "/api/health", 411, target="/api/health", headers=["Transfer-Encoding: chunked"])
    raw("body over 64 KiB (413)", "/api/search", 413, target="/api/search", headers=["Content-Length: 1000000"])
    raw("request line over 8 KiB (414)", "/api/search", 414, target="/api/search?q=" + "a" * 9000)
    raw("Range (416)", "/api/health", 416, target="/api/health", headers=["Range: bytes=0-10"])
    raw("header line over 8 KiB (431)", "/api/labels", 431, target="/api/labels", headers=["X-Big: " + "a" * 9000])
    raw("control character in the path (400)", "/api/health", 400, target="/api/health%01")
    raw("malformed percent-escape (400)", "/api/search", 400, target="/api/search?q=%zz")
    raw("path not in UTF-8 (400)", "/api/documents/{id}", 400, target="/api/documents/%ff")
    raw("malformed request line (400)", "/api/health", 400, target=None, request_line="GET  /api/health HTTP/1.1")
    raw("HTTP/2.0 (505)", "/api/health", 505, target=None, request_line="GET /api/health HTTP/2.0")


def start_timeout(port):
    """An incomplete request: after 10 s the server answers 408 (read in a thread meanwhile)."""
    box = {}

    def run():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=40) as s:
                s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                box["answer"] = read_answer(s)
        except Exception as e:  # noqa: BLE001 - reported below
            box["error"] = e

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def finish():
        thread.join(45)
        if "answer" in box:
            check("incomplete request (408)", box["answer"], 408, "/api/health")
        else:
            fail("incomplete request (408)", f"no answer: {box.get('error', 'timed out')}")

    return finish


def small_server_cases(port):
    """The server over one document, no thesaurus, no fact tables; one connection per client."""
    def when_free(name, t, status):
        # The previous connection may still count (lingering until the server sees our close).
        for _ in range(50):
            answer = request(port, t)
            if answer.status != 503:
                break
            time.sleep(0.1)
        check(f"{name} (GET {t})", answer, status, spec_path_of(t.split("?")[0]))

    when_free("topics without a thesaurus", "/api/topics", 404)
    when_free("topic without a thesaurus", "/api/topics/protection-orders", 404)
    when_free("facts without fact tables", "/api/facts?topic=protection-orders", 404)
    when_free("health of the small index", "/api/health", 200)
    time.sleep(0.3)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as held:
        held.sendall(b"GET /api/health HTTP/1.1\r\n")  # open and unfinished: the client's one connection
        time.sleep(0.3)
        check("second connection from one client (503)", request(port, "/api/health"), 503, "/api/health")


# --- the description against the server's routes ------------------------------------


def routes_in_sources():
    routes = set()
    for f in (ROOT / "server").rglob("*"):
        if f.suffix in (".cc", ".h"):
            for m in re.finditer(r'"(/api/[a-z_]+(?:/\{[a-z_]+\})?)"', f.read_text(encoding="utf-8", errors="replace")):
                routes.add(m.group(1))
    for m in re.finditer(r"^## GET (/api/\S+)", (ROOT / "docs" / "api.md").read_text(encoding="utf-8"), re.M):
        routes.add(m.group(1))
    return routes


def coverage():
    for route in sorted(routes_in_sources()):
        if route not in SPEC["paths"]:
            fail("description", f"route {route} (server/ or docs/api.md) is not in docs/openapi.yaml")
    answered = {(p, s) for (_, p, s, _) in checked}
    for path in SPEC["paths"]:
        if (path, 200) not in answered:
            fail("coverage", f"{path} was never answered 200 here: add a request for it")
    statuses = sorted({s for (_, _, s, _) in checked})
    print(f"checked {len(checked)} answers of {len(SPEC['paths'])} paths; statuses {statuses}")
    for path in SPEC["paths"]:
        got = sorted({(s, m) for (_, p, s, m) in checked if p == path})
        print(f"  {path}: " + ", ".join(f"{s} {m}" for s, m in got))


def main():
    if len(sys.argv) != 2 or not os.access(sys.argv[1], os.X_OK):
        print(f"usage: {sys.argv[0]} PATH/TO/himoya", file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    # The description's own schemas must be valid JSON Schema 2020-12.
    for name, schema in SPEC.get("components", {}).get("schemas", {}).items():
        try:
            jsonschema.Draft202012Validator.check_schema(schema)
        except jsonschema.SchemaError as e:
            fail(f"components/schemas/{name}", e.message)

    with tempfile.TemporaryDirectory(prefix="himoya-openapi.") as tmp:
        tmp = Path(tmp)
        print(f"indexing {ROOT / 'corpus'}", flush=True)
        index(binary, [ROOT / "corpus"], tmp / "db")
        small = tmp / "small-corpus"
        small.mkdir()
        (small / "doc.xml").write_bytes((ROOT / "tests" / "data" / "example-corpus-doc.xml").read_bytes())
        index(binary, [small], tmp / "small-db")

        servers = []
        try:
            main_server = Server(binary, tmp / "db", tmp, "--threads", "4")
            servers.append(main_server)
            print(f"server at http://127.0.0.1:{main_server.port}", flush=True)
            finish_timeout = start_timeout(main_server.port)
            endpoints(main_server.port)
            http_layer(main_server.port)
            small_server = Server(binary, tmp / "small-db", tmp, "--max-per-client", "1")
            servers.append(small_server)
            small_server_cases(small_server.port)
            finish_timeout()
            if main_server.proc.poll() is not None:
                fail("server", f"himoya serve exited with {main_server.proc.returncode}")
        finally:
            for s in servers:
                s.stop()
            if failures:
                for s in servers:
                    s.err.seek(0)
                    tail = s.err.read()[-1500:]
                    if tail:
                        print("--- himoya serve stderr ---\n" + tail)
    coverage()
    if failures:
        print(f"\n{len(failures)} problem(s): the answers above do not match docs/openapi.yaml", file=sys.stderr)
        return 1
    print("every answer matches docs/openapi.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
