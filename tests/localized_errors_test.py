#!/usr/bin/python3
"""Every message a request can be refused with is written in English, Russian and Tajik.

A BadRequest (search/search_types.h) takes a Localized {en, ru, tg}; a translation left
empty falls back to English, which a Russian or Tajik page would then show. This scans the
library and server sources for every `BadRequest(` and `send_error(..., {` and fails when
one is given fewer than two Cyrillic strings (the Russian and the Tajik) beside the English.
Run: tests/localized_errors_test.py [SOURCE_DIR]
"""
import os
import re
import sys

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
CYRILLIC = re.compile('[\u0400-\u04ff]')


def call_text(src, start):
    """The text of the call whose '(' is at src[start], to its matching ')'."""
    depth, i, in_str = 0, start, False
    while i < len(src):
        c = src[i]
        if in_str:
            if c == '\\':
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str = True
        elif c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
            if depth == 0:
                return src[start:i + 1]
        i += 1
    return src[start:]


def main():
    failures, checked = [], 0
    for folder in ('search', 'server'):
        for dirpath, _, files in os.walk(os.path.join(ROOT, folder)):
            for name in files:
                if not name.endswith(('.cc', '.h')):
                    continue
                path = os.path.join(dirpath, name)
                src = open(path, encoding='utf-8').read()
                for m in re.finditer(r'\bthrow BadRequest\(|\bsend_error\(res, \d+,\s*\{', src):
                    paren = src.index('(', m.start())
                    text = call_text(src, paren)
                    if 'not_utf8(' in text:
                        continue  # a helper that returns a Localized (server/request_params.cc)
                    checked += 1
                    cyrillic = [s for s in STRING.findall(text) if CYRILLIC.search(s)]
                    if len(cyrillic) < 2:
                        line = src.count('\n', 0, m.start()) + 1
                        failures.append(f'{os.path.relpath(path, ROOT)}:{line}: refused without a Russian and a Tajik message')
    for f in failures:
        print(f)
    print(f'{checked} refusals checked, {len(failures)} without translations')
    return 1 if failures or checked == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
