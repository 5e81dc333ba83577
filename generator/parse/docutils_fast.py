"""Fast paths for docutils, the same results sooner; ``install`` puts them in place (once
per process; tests/test_parse_page.py holds them to docutils' own).

- Character widths: docutils looks at every character of every grid-table line for
  combining and East Asian wide characters (``column_indices``, ``find_combining_chars``,
  ``StringList.pad_double_width``), a quarter of the parse of a page of tables. No ASCII
  character is combining or wide, so an ASCII line needs no look; other lines go the way
  docutils goes.
- States: every nested parse (a table cell, a list item) makes a state machine of fifteen
  states, each building its transition table, and readies all fifteen for each run, a
  fifth of the parse; most such machines use one or two. So a machine makes a state when
  it first asks for it (readied then if the machine is running), and a state class's
  transition table is built once and only bound to each new state (its patterns and
  methods are the class's).
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


class LazyStates(dict):
    """A state machine's states by name, each made when first asked for."""

    def __init__(self, machine: statemachine.StateMachine) -> None:
        super().__init__()
        self.machine = machine
        self.classes: dict[str, type] = {}

    def __missing__(self, name: str) -> statemachine.State:
        state = self[name] = self.classes[name](self.machine, self.machine.debug)  # KeyError: unknown state
        if getattr(self.machine, "memo", None) is not None:  # running: readied as the run readied the others
            state.runtime_init()
        return state


def add_state(self: statemachine.StateMachine, state_class: type) -> None:
    """docutils' ``StateMachine.add_state``, the state made when first asked for."""
    if not isinstance(self.states, LazyStates):
        self.states = LazyStates(self)
    name = state_class.__name__
    if name in self.states.classes:
        raise statemachine.DuplicateStateError(name)
    self.states.classes[name] = state_class


def install() -> None:
    """Use the fast paths in this process."""
    utils.column_indices = column_indices
    utils.find_combining_chars = find_combining_chars
    statemachine.StringList.pad_double_width = pad_double_width
    statemachine.State.make_transitions = make_transitions
    statemachine.StateMachine.add_state = add_state
