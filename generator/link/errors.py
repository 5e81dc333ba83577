"""The service's error body: the body of error responses that no table describes, read from
the error examples the service documents (its pages' 4xx/5xx examples), else this cloud's
``{error_code, error_msg}``."""

from __future__ import annotations

import re
from collections import Counter

from ..model.api import Field, Schema, Shape
from ..model.page import Example, Page
from .naming import pascal

_ERROR_KEY = re.compile(r"code|message|msg", re.I)
_ABOUT_ERROR = re.compile(r"^err|code$|message$|msg$|^code|^message|reason|title|details?$|request_?id|"
                          r"trace_?id|is_success|type$", re.I)
_SCALARS = {str: "string", bool: "boolean", int: "integer", float: "number"}


def documented_error_example(pages: list[Page]) -> tuple[str, Example] | None:
    """The error body most of the service's error examples show (``file``, example): an
    object naming an error code or message at its top or one level down."""
    found: list[tuple[str, Example]] = []
    for page in pages:
        for example in page.examples:
            if (example.kind == "response" and (example.status or "")[:1] in "45"
                    and looks_like_error(example.data)):
                found.append((page.file, example))
    if not found:
        return None
    counts = Counter(signature(e.data) for _, e in found)
    best = max(counts.values())
    return next(f for f in found if counts[signature(f[1].data)] == best)


def looks_like_error(data: object) -> bool:
    """An error body: a small object (itself, or its one member object) naming an error code
    or message, most of whose keys are about the error (``code``, ``message``, ``title``,
    ``request_id``...), not a resource that happens to have an ``error_code``."""
    if not isinstance(data, dict) or not data:
        return False
    inner = next(iter(data.values())) if len(data) == 1 else None
    for keys in (list(data), list(inner) if isinstance(inner, dict) else []):
        about_error = [k for k in keys if _ABOUT_ERROR.search(k)]
        if (keys and len(keys) <= 8 and any(_ERROR_KEY.search(k) for k in keys)
                and 2 * len(about_error) >= len(keys)):
            return True
    return False


def signature(data: object) -> object:
    """The structure of a JSON value: keys and value types, not values."""
    if isinstance(data, dict):
        return tuple((k, signature(v)) for k, v in data.items())
    if isinstance(data, list):
        return ("[]", signature(data[0]) if data else None)
    return type(data).__name__


def error_schemas(documented: tuple[str, Example] | None, fallback_source: str, taken: set[str]) -> list[Schema]:
    """The error body schema (first) and the schemas of its member objects."""
    name = next(n for n in ("Error", "ApiError", "DocbindError") if n not in taken)
    if documented is None:
        fields = (
            Field("error_code", Shape("string"), False, "Error code.", fallback_source),
            Field("error_msg", Shape("string"), False, "Error message.", fallback_source),
        )
        return [Schema(name, "error", fields, fallback_source)]
    file, example = documented
    schemas: list[Schema] = []
    _object_schema(name, example.data, f"{file}:{example.line}", taken, schemas)
    return schemas


def _object_schema(name: str, data: dict, source: str, taken: set[str], out: list[Schema]) -> Shape:
    taken.add(name)
    index = len(out)
    out.append(Schema(name, "error", (), source))
    fields = tuple(Field(key, _shape(name, key, value, source, taken, out), False, "", source)
                   for key, value in data.items())
    out[index] = Schema(name, "error", fields, source)
    return Shape("ref", ref=name)


def _shape(owner: str, key: str, value: object, source: str, taken: set[str], out: list[Schema]) -> Shape:
    if isinstance(value, dict):
        base = owner + (pascal(key) or "Item")
        name = next(n for n in [base] + [f"{base}{i}" for i in range(2, 100)] if n not in taken)
        return _object_schema(name, value, source, taken, out)
    if isinstance(value, list):
        return Shape("array", items=_shape(owner, key, value[0], source, taken, out) if value else Shape("any"))
    kind = _SCALARS.get(type(value))
    return Shape(kind) if kind else Shape("any")
