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
    return _reader(cls)(value)


@cache
def _reader(cls: object) -> typing.Callable[[object], typing.Any]:
    """The function that rebuilds values of type ``cls`` (worked out once per type)."""
    if cls is object:
        return _same
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(cls)
        (inner,) = [o for o in options if o is not type(None)]
        nullable = type(None) in options
        return lambda value: None if value is None and nullable else _reader(inner)(value)
    if origin is tuple:
        item, _ = typing.get_args(cls)

        def read_tuple(value: object) -> tuple:
            _expect(value, list, cls)
            read = _reader(item)
            return tuple(read(v) for v in value)  # type: ignore[union-attr]
        return read_tuple
    if dataclasses.is_dataclass(cls):
        hints = typing.get_type_hints(cls)

        def read_dataclass(value: object) -> object:
            _expect(value, dict, cls)
            if not value.keys() <= hints.keys():  # type: ignore[union-attr]
                raise ValueError(f"unknown fields for {cls.__name__}: {sorted(set(value) - hints.keys())}")
            return cls(**{name: _reader(hints[name])(v) for name, v in value.items()})  # type: ignore[union-attr]
        return read_dataclass
    if cls is int:
        def read_int(value: object) -> int:
            _expect(value, int, cls)
            if isinstance(value, bool):
                raise ValueError("expected int, got bool")
            return value  # type: ignore[return-value]
        return read_int
    if cls in (str, bool):
        def read_scalar(value: object) -> object:
            _expect(value, cls, cls)  # type: ignore[arg-type]
            return value
        return read_scalar
    raise ValueError(f"cannot rebuild {cls!r}")


def _same(value: object) -> object:
    return value


def _expect(value: object, kind: type, cls: object) -> None:
    if not isinstance(value, kind):
        raise ValueError(f"expected {cls!r}, got {type(value).__name__}")


def dumps(value: object) -> str:
    """JSON text of a model object, indented and deterministic."""
    return json.dumps(to_plain(value), indent=2, ensure_ascii=False) + "\n"
