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
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _field_names(kind)
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, in order (None for any other type)."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def from_plain(cls: object, value: object) -> typing.Any:
    """Rebuild a value of type ``cls`` (a model dataclass, ``tuple[X, ...]``, ``X | None``,
    ``str``, ``int``, ``bool`` or ``object``) from :func:`to_plain` output; ValueError when
    ``value`` does not have that shape."""
    return _reader(cls)(value)


@cache
def _reader(cls: object) -> typing.Callable[[object], typing.Any]:
    """The function that rebuilds values of type ``cls`` (worked out once per type; the
    readers of its parts when first needed, as types may refer to themselves)."""
    if cls is object:
        return _same
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(cls)
        (inner,) = [o for o in options if o is not type(None)]
        nullable = type(None) in options
        parts: list = []

        def read_option(value: object) -> object:
            if value is None and nullable:
                return None
            if not parts:
                parts.append(_reader(inner))
            return parts[0](value)
        return read_option
    if origin is tuple:
        item, _ = typing.get_args(cls)
        items: list = []

        def read_tuple(value: object) -> tuple:
            if not isinstance(value, list):
                raise ValueError(f"expected {cls!r}, got {type(value).__name__}")
            if not items:
                items.append(_reader(item))
            read = items[0]
            return tuple([read(v) for v in value])
        return read_tuple
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)
        fields: dict[str, typing.Callable[[object], typing.Any]] = {}

        def read_dataclass(value: object) -> object:
            if not isinstance(value, dict):
                raise ValueError(f"expected {cls!r}, got {type(value).__name__}")
            if not fields:
                fields.update({name: _reader(hint) for name, hint in hints.items()})
            if not value.keys() <= fields.keys():
                raise ValueError(f"unknown fields for {cls.__name__}: {sorted(set(value) - fields.keys())}")
            return cls(**{name: fields[name](v) for name, v in value.items()})  # type: ignore[operator]
        return read_dataclass
    if cls is int:
        def read_int(value: object) -> int:
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"expected int, got {type(value).__name__}")
            return value
        return read_int
    if cls in (str, bool):
        def read_scalar(value: object) -> object:
            if not isinstance(value, cls):  # type: ignore[arg-type]
                raise ValueError(f"expected {cls!r}, got {type(value).__name__}")
            return value
        return read_scalar
    raise ValueError(f"cannot rebuild {cls!r}")


def _same(value: object) -> object:
    return value


def dumps(value: object) -> str:
    """JSON text of a model object, indented and deterministic."""
    return json.dumps(to_plain(value), indent=2, ensure_ascii=False) + "\n"
