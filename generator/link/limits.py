"""Limits of linking: object tables nest through recursive calls, so a chain deeper than
:data:`MAX_TABLE_NESTING` would exhaust the stack. Past the limit a field becomes a free-form
object with a ``nesting-too-deep`` warning at its row, never a crash.

The linker calls :func:`nesting_limit` before it builds the table a row links to, with the
number of tables it is building at that moment (the row's own table counted).
"""

from __future__ import annotations

from ..model.diagnostics import WARNING, Diagnostic
from ..model.page import Row

#: Object tables nested in one another at most (real references nest fewer than 20).
MAX_TABLE_NESTING = 128


def nesting_limit(file: str, row: Row, depth: int) -> Diagnostic | None:
    """The diagnostic for ``row`` when the table it links to would be nested deeper than
    :data:`MAX_TABLE_NESTING`; None while within the limit."""
    if depth < MAX_TABLE_NESTING:
        return None
    return Diagnostic(
        file, row.line, WARNING, "nesting-too-deep",
        f"{row.name!r} links to a table nested more than {MAX_TABLE_NESTING} object tables deep; "
        "docbind reads no deeper: a free-form object here")
