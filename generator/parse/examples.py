"""Example blocks: strip a request line and headers, then parse the JSON if it looks like JSON."""

from __future__ import annotations

import json
import re

from ..model.page import Example

_REQUEST_LINE = re.compile(r"^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\S+", re.I)
_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*\s*:\s*\S")
_STATUS_LINE = re.compile(r"^HTTP/\d")


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


def parse_example(text: str, line: int, kind: str, status: str | None, title: str) -> tuple[Example, str | None]:
    """An example with its JSON parsed where it parses; else ``data`` is None and the error
    message is returned beside it."""
    body = json_body(text)
    if body is None:
        return Example(line, kind, status, title, text, is_json=False), None
    try:
        data = json.loads(body)
    except ValueError as exc:
        return Example(line, kind, status, title, text, is_json=True, data=None), str(exc)
    return Example(line, kind, status, title, text, is_json=True, data=data), None
