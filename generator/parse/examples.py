"""Example blocks: strip a request line and headers, then parse the JSON if it looks like JSON."""

from __future__ import annotations

import json
import re

from ..model.page import Example

_REQUEST_LINE = re.compile(r"^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\S+", re.I)
_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*\s*:\s*\S")
_STATUS_LINE = re.compile(r"^HTTP/\d")
#: Examples nested deeper are not read: every later stage (schema checks, YAML) recurses.
MAX_EXAMPLE_DEPTH = 64
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


def request_line(text: str) -> tuple[str, str] | None:
    """The method and target of the request line an example block opens with, if any."""
    lines = text.strip().splitlines()
    match = _REQUEST_LINE.match(lines[0].strip()) if lines else None
    return (match.group(1).upper(), match.group(0).split(None, 1)[1]) if match else None


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
        too_deep = _depth(data) > MAX_EXAMPLE_DEPTH
    except ValueError as exc:
        return Example(line, kind, status, title, text, is_json=True, data=None, file=file,
                       alternative=alternative, elided=elided), str(exc)
    except RecursionError:
        too_deep = True
    if too_deep:
        error = f"nested deeper than {MAX_EXAMPLE_DEPTH} levels, which docbind does not read"
        return Example(line, kind, status, title, text, is_json=True, data=None, file=file,
                       alternative=alternative, elided=elided), error
    data, dropped = without_elided_items(data)
    return Example(line, kind, status, title, text, is_json=True, data=data, file=file,
                   alternative=alternative, elided=elided or dropped), None


_ELIDED_ITEM = re.compile(r"^\s*(?:\.{3,}|…)\s*$")


def without_elided_items(data: object) -> tuple[object, bool]:
    """The data without the array items that only say "more of the same" (``}, "......",
    {``), and whether there were any."""
    dropped = False

    def clean(value: object) -> object:
        nonlocal dropped
        if isinstance(value, list):
            kept = [clean(v) for v in value if not (isinstance(v, str) and _ELIDED_ITEM.match(v))]
            dropped = dropped or len(kept) < len(value)
            return kept
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return clean(data), dropped


def _depth(value: object) -> int:
    """How deeply arrays and objects nest in a JSON value (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, level)
            if level <= MAX_EXAMPLE_DEPTH:
                stack.extend((child, level + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest
