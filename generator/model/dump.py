"""Model objects as JSON: ``docbind parse --json`` and the parsed-page cache.

``to_plain`` and ``from_plain`` are inverses for the frozen model dataclasses: JSON values
only, no code and no class names in the data; the target type comes from the caller.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache


def to_plain(value: object) -> object:
    """Turn dataclasses, tuples and dicts into JSON-ready values, keeping field order."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def from_plain(cls: object, value: object) -> typing.Any:
    """Rebuild a value of type ``cls`` (a model dataclass, ``tuple[X, ...]``, ``X | None``,
    ``str``, ``int``, ``bool`` or ``object``) from :func:`to_plain` output; ValueError when
    ``value`` does not have that shape."""
    if cls is object:
        return value
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(cls)
        if value is None and type(None) in options:
            return None
        (inner,) = [o for o in options if o is not type(None)]
        return from_plain(inner, value)
    if origin is tuple:
        item, _ = typing.get_args(cls)
        _expect(value, list, cls)
        return tuple(from_plain(item, v) for v in value)
    if dataclasses.is_dataclass(cls):
        _expect(value, dict, cls)
        hints = _hints(cls)
        if set(value) - hints.keys():
            raise ValueError(f"unknown fields for {cls.__name__}: {sorted(set(value) - hints.keys())}")
        return cls(**{name: from_plain(hints[name], v) for name, v in value.items()})
    if cls is int:
        _expect(value, int, cls)
        if isinstance(value, bool):
            raise ValueError("expected int, got bool")
        return value
    if cls in (str, bool):
        _expect(value, cls, cls)
        return value
    raise ValueError(f"cannot rebuild {cls!r}")


@cache
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def _expect(value: object, kind: type, cls: object) -> None:
    if not isinstance(value, kind):
        raise ValueError(f"expected {cls!r}, got {type(value).__name__}")


def dumps(value: object) -> str:
    """JSON text of a model object, indented and deterministic."""
    return json.dumps(to_plain(value), indent=2, ensure_ascii=False) + "\n"
