"""ASCII fast paths for docutils' character-width helpers, the same results sooner.

docutils looks at every character of every grid-table line for combining and East Asian
wide characters (``column_indices``, ``find_combining_chars``, ``StringList.pad_double_width``):
a quarter of the parse of a page of tables. No ASCII character is combining or wide, so an
ASCII line needs no look; other lines go the way docutils goes. ``install`` puts the fast
paths in place (once per process; tests/test_parse_page.py holds them to docutils' own).
"""

from __future__ import annotations

from unicodedata import east_asian_width

from docutils import statemachine, utils

_column_indices = utils.column_indices
_find_combining_chars = utils.find_combining_chars
_pad_double_width = statemachine.StringList.pad_double_width


def column_indices(text: str) -> list[int]:
    """docutils' ``column_indices``: the indices of ``text`` that are not combining characters."""
    return list(range(len(text))) if text.isascii() else _column_indices(text)


def find_combining_chars(text: str) -> list[int]:
    """docutils' ``find_combining_chars``: the indices of the combining characters of ``text``."""
    return [] if text.isascii() else _find_combining_chars(text)


def pad_double_width(self: statemachine.StringList, pad_char: str) -> None:
    """docutils' ``StringList.pad_double_width``: ``pad_char`` after each wide character."""
    for i, line in enumerate(self.data):
        if isinstance(line, str) and not line.isascii():
            self.data[i] = "".join(c + pad_char if east_asian_width(c) in "WF" else c for c in line)


def install() -> None:
    """Use the fast paths in this process."""
    utils.column_indices = column_indices
    utils.find_combining_chars = find_combining_chars
    statemachine.StringList.pad_double_width = pad_double_width
