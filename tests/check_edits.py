"""Edits to reStructuredText tables that keep the table grid intact, for the mutation suite."""

from __future__ import annotations


def _index(lines: list[str], contains: str, after: str | None) -> int:
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i in range(start, len(lines)) if contains in lines[i])


def _padded(old: str, new: str) -> str:
    assert len(new) <= len(old), f"{new!r} does not fit in {old!r}"
    return new.ljust(len(old))


def set_cell(text: str, row: str, old: str, new: str, after: str | None = None) -> str:
    """On the first line containing ``row`` (below ``after``), replace ``old`` by ``new``
    padded to the same width."""
    lines = text.split("\n")
    i = _index(lines, row, after)
    assert old in lines[i], f"{old!r} not in {lines[i]!r}"
    lines[i] = lines[i].replace(old, _padded(old, new), 1)
    return "\n".join(lines)


def _grid_row(lines: list[str], i: int) -> range:
    """The lines of the grid table row starting at ``i``, down to its closing border."""
    end = i
    while not lines[end + 1].lstrip().startswith("+"):
        end += 1
    return range(i, end + 2)


def remove_row(text: str, row: str, after: str | None = None) -> str:
    """Delete a table row (a grid row with its border, or one line of a simple table)."""
    lines = text.split("\n")
    i = _index(lines, row, after)
    block = _grid_row(lines, i) if lines[i].lstrip().startswith("|") else range(i, i + 1)
    del lines[block.start:block.stop]
    return "\n".join(lines)


def copy_row(text: str, row: str, edits: list[tuple[str, str]], after: str | None = None) -> str:
    """Insert a copy of a grid row below it, with ``(old, new)`` cell edits on its first line."""
    lines = text.split("\n")
    i = _index(lines, row, after)
    block = [lines[j] for j in _grid_row(lines, i)]
    for old, new in edits:
        block[0] = block[0].replace(old, _padded(old, new), 1)
    lines[i + len(block):i + len(block)] = block
    return "\n".join(lines)


def add_cell_line(text: str, contains: str, old: str, new: str, after: str | None = None) -> str:
    """Below the line containing ``contains``, add the blank cell line above it and a copy with
    ``old`` replaced by ``new`` (a new list item in a description cell)."""
    lines = text.split("\n")
    i = _index(lines, contains, after)
    lines[i + 1:i + 1] = [lines[i - 1], lines[i].replace(old, _padded(old, new), 1)]
    return "\n".join(lines)


def remove_cell_line(text: str, contains: str, after: str | None = None) -> str:
    """Delete the line containing ``contains`` and the blank cell line above it."""
    lines = text.split("\n")
    i = _index(lines, contains, after)
    del lines[i - 1:i + 1]
    return "\n".join(lines)


def line_of(text: str, contains: str, after: str | None = None) -> int:
    """The 1-based line number of the first line containing ``contains`` (below ``after``)."""
    return _index(text.split("\n"), contains, after) + 1
