"""Rows whose cells slipped one column: the Type cell holds the Mandatory value (``No``)
while the type sits in the Mandatory cell (the two cells swapped) or, in a table without a
Mandatory column, opens the Description cell (``No | Integer <br> **Details**: ...``)."""

from __future__ import annotations

from .types import parse_type

_MANDATORY_WORDS = {"yes", "no", "mandatory", "optional", "true", "false"}


def shifted_cells(type_text: str, mandatory: str | None, description: str) -> tuple[str, str, str] | None:
    """The (type, mandatory, description) a row means when its Type cell holds a Mandatory
    value and a type stands in the Mandatory cell or first line of the Description; None
    when the row is not shifted."""
    if type_text.strip().lower() not in _MANDATORY_WORDS:
        return None
    if mandatory is not None:
        if _is_type(mandatory):
            return mandatory.strip(), type_text.strip(), description
        return None
    first, _, rest = description.partition("\n\n")
    if _is_type(first):
        return first.strip(), type_text.strip(), rest.strip()
    return None


def _is_type(text: str) -> bool:
    """A short cell the type grammar reads as a built-in type, not as a type name it would
    look up (``Integer``, ``Array of strings``; not ``Details``)."""
    text = text.strip()
    if not text or len(text.split()) > 4 or text.lower() in _MANDATORY_WORDS:
        return False
    expr = parse_type(text)
    return expr is not None and expr.kind not in ("ref", "any")
