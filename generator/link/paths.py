"""The path of an operation line: template names, query strings written into it, and the
form two pages must share to document the same operation."""

from __future__ import annotations

import re

TEMPLATE = re.compile(r"\{([^}]+)\}")


def split_query(path: str) -> tuple[str, list[str]]:
    """``/a/{id}?x={x}&y=1`` and ``/a{?x,y}`` → the path and the query parameter names."""
    names: list[str] = []
    expansion = re.search(r"\{\?([^}]*)\}", path)
    if expansion:
        names.extend(n.strip() for n in expansion.group(1).split(",") if n.strip())
        path = path[: expansion.start()] + path[expansion.end():]
    if "?" in path:
        path, _, query = path.partition("?")
        names.extend(part.split("=")[0] for part in query.split("&") if part.split("=")[0])
    return path, names


def template_names(path: str) -> list[str]:
    """The ``{name}`` parameters of a path, in order."""
    return TEMPLATE.findall(path)


def without_trailing_slash(path: str) -> str:
    """``/v1/servers/`` → ``/v1/servers`` (the root stays ``/``)."""
    return path.rstrip("/") or "/"


def operation_path_key(path: str) -> str:
    """The path as two pages of one operation share it: parameters unnamed, no trailing slash."""
    return TEMPLATE.sub("{}", split_query(path)[0].rstrip("/")) or "/"
