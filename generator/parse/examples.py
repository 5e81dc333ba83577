"""Example blocks: strip a request line and headers, then parse the JSON if it looks like JSON."""

from __future__ import annotations

import json
import re

from ..model.page import Example

_REQUEST_LINE = re.compile(r"^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\S+", re.I)
_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*\s*:\s*\S")
_STATUS_LINE = re.compile(r"^HTTP/\d")
_ELISION = re.compile(r'^\s*"?(?:\.{3,}|…)"?\s*,?\s*$')
_DANGLING_COMMA = re.compile(r",(\s*[}\]])")


def json_body(text: str) -> str | None:
    """The JSON part of an example block, after any request/status line and headers."""
    lines = text.strip().splitlines()
    start = 0
    if lines and (_REQUEST_LINE.match(lines[0]) or _STATUS_LINE.match(lines[0])):
        start = 1
        while start < len(lines) and _HEADER_LINE.match(lines[start].strip()) and not lines[start].lstrip().startswith(("{", "[")):
            start += 1
    body = "\n".join(lines[start:]).strip()
    if body.startswith(("{", "[")):
        return body
    return None


def without_elisions(body: str) -> tuple[str, bool]:
    """A truncated example's JSON with its elision lines (``...``, ``"......"``) left out,
    and whether there were any: only what is shown is checked."""
    lines = body.splitlines()
    kept = [line for line in lines if not _ELISION.match(line)]
    if len(kept) == len(lines):
        return body, False
    return _DANGLING_COMMA.sub(r"\1", "\n".join(kept)), True


def parse_example(text: str, line: int, kind: str, status: str | None, title: str,
                  file: str = "", alternative: bool = False) -> tuple[Example, str | None]:
    """An example with its JSON parsed where it parses; else ``data`` is None and the error
    message is returned beside it."""
    body = json_body(text)
    if body is None:
        return Example(line, kind, status, title, text, is_json=False, file=file, alternative=alternative), None
    body, elided = without_elisions(body)
    try:
        data = json.loads(body)
    except ValueError as exc:
        return Example(line, kind, status, title, text, is_json=True, data=None, file=file,
                       alternative=alternative, elided=elided), str(exc)
    return Example(line, kind, status, title, text, is_json=True, data=data, file=file,
                   alternative=alternative, elided=elided), None
