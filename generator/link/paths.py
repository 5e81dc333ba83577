"""The path of an operation line: template names, query strings written into it, and the
form two pages must share to document the same operation."""

from __future__ import annotations

import re

TEMPLATE = re.compile(r"\{([^}]+)\}")


def split_query(path: str) -> tuple[str, list[str]]:
    """The path and the query parameter names written into it: a query string
    (``/a/{id}?x={x}&y=1``, or without its ``?``: ``/a&x={x}&y=1``), RFC 6570 expansions
    (``/a{?x,y}``, ``{&z}``) and expansions holding a query template (``/a{?x={x}&y={y}}``)."""
    names: list[str] = []
    while (expansion := _query_expansion(path)) is not None:
        start, end = expansion
        names.extend(_query_names(path[start + 2:end], "[,&]"))
        path = path[:start] + path[end + 1:]
    if "?" in path or re.search(r"&[^&=/]+=", path):
        path, _, query = path.partition("?") if "?" in path else path.partition("&")
        names.extend(_query_names(query, "&"))
    return path, names


def _query_expansion(path: str) -> tuple[int, int] | None:
    """The first ``{?...}`` or ``{&...}`` with its matching closing brace (braces inside
    it, as in ``{?x={x}}``, nest; a missing last brace closes it at the end), as start and
    end index; None without one."""
    match = re.search(r"\{[?&]", path)
    if match is None:
        return None
    depth = 0
    for index in range(match.start(), len(path)):
        depth += {"{": 1, "}": -1}.get(path[index], 0)
        if depth == 0:
            return match.start(), index
    return match.start(), len(path)  # unclosed: it runs to the end of the line


def _query_names(query: str, separators: str) -> list[str]:
    """The names of ``x={x}``, ``y=1`` or bare ``z`` items."""
    return [name for part in re.split(separators, query) if (name := part.split("=")[0].strip())]


def path_problem(path: str) -> str | None:
    """Why a path (query already split off) cannot be an OpenAPI path key, or None: it must
    start with ``/`` and hold only ``{name}`` templates, no stray braces, query or fragment
    characters or spaces."""
    if not path.startswith("/"):
        return "it does not start with /"
    rest = TEMPLATE.sub("", path)
    for char, why in (("{", "an unbalanced {"), ("}", "an unbalanced }"), ("?", "a ?"), ("&", "an & outside a query"),
                      ("#", "a #")):
        if char in rest:
            return f"it has {why}"
    if any(ch.isspace() for ch in path) or any("{" in name for name in TEMPLATE.findall(path)):
        return "a parameter name is not a plain name"
    return None


def template_names(path: str) -> list[str]:
    """The ``{name}`` parameters of a path, in order."""
    return TEMPLATE.findall(path)


def without_trailing_slash(path: str) -> str:
    """``/v1/servers/`` → ``/v1/servers`` (the root stays ``/``)."""
    return path.rstrip("/") or "/"


def operation_path_key(path: str) -> str:
    """The path as two pages of one operation share it: parameters unnamed, no trailing slash."""
    return TEMPLATE.sub("{}", split_query(path)[0].rstrip("/")) or "/"
