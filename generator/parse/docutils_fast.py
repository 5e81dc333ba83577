"""Fast paths for docutils, the same results sooner; ``install`` puts them in place (once
per process; tests/test_parse_page.py holds them to docutils' own).

- Character widths: docutils looks at every character of every grid-table line for
  combining and East Asian wide characters (``column_indices``, ``find_combining_chars``,
  ``StringList.pad_double_width``), a quarter of the parse of a page of tables. No ASCII
  character is combining or wide, so an ASCII line needs no look; other lines go the way
  docutils goes.
- Transitions: every nested parse (a table cell, a list item) makes a state machine whose
  every state builds its transition table anew, a fifth of the parse. A state class's table
  is the same each time (its patterns and methods are the class's), so it is built once per
  class and only bound to each new state.
"""

from __future__ import annotations

from types import MethodType
from unicodedata import east_asian_width

from docutils import statemachine, utils

_column_indices = utils.column_indices
_find_combining_chars = utils.find_combining_chars
_pad_double_width = statemachine.StringList.pad_double_width
_make_transitions = statemachine.State.make_transitions
#: (state class, transition list) → the names in order and, per name, (pattern, function, next state)
_TRANSITIONS: dict[tuple[type, tuple], tuple[list[str], tuple[tuple[str, object, object, str], ...]]] = {}


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


def make_transitions(self: statemachine.State, name_list) -> tuple[list[str], dict[str, tuple]]:
    """docutils' ``State.make_transitions``: the transition names of ``name_list`` in order and
    their (pattern, method, next state), built once per state class."""
    try:
        key = (type(self), tuple(name_list))
        made = _TRANSITIONS.get(key)
    except TypeError:  # an unhashable transition list: docutils' way
        return _make_transitions(self, name_list)
    if made is None:
        names, transitions = _make_transitions(self, name_list)
        if not all(isinstance(method, MethodType) and method.__self__ is self
                   for _, method, _ in transitions.values()):
            return names, transitions
        made = _TRANSITIONS[key] = (names, tuple((name, pattern, method.__func__, state)
                                                 for name, (pattern, method, state) in transitions.items()))
    names, recipe = made
    return list(names), {name: (pattern, MethodType(function, self), state)
                         for name, pattern, function, state in recipe}


def install() -> None:
    """Use the fast paths in this process."""
    utils.column_indices = column_indices
    utils.find_combining_chars = find_combining_chars
    statemachine.StringList.pad_double_width = pad_double_width
    statemachine.State.make_transitions = make_transitions
