"""Dump model objects as JSON for debugging (``docbind parse --json``)."""

from __future__ import annotations

import dataclasses
import json


def to_plain(value: object) -> object:
    """Turn dataclasses, tuples and dicts into JSON-ready values, keeping field order."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


def dumps(value: object) -> str:
    """JSON text of a model object, indented and deterministic."""
    return json.dumps(to_plain(value), indent=2, ensure_ascii=False) + "\n"
