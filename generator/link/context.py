"""What linking one service shares between its reading rules.

Tables are addressed by ``TableKey`` (page index, table index) while linking; a schema built
from a table is referred to provisionally as ``"page:table"`` until ``schemas`` names it.
"""

from __future__ import annotations

import dataclasses

from ..model.api import Field
from ..model.diagnostics import Diagnostic
from ..model.page import Page

TableKey = tuple[int, int]
RowKey = tuple[int, int]  # page index, row line
LabelUse = tuple[int, int, str]  # page index, row line, label the row links to


@dataclasses.dataclass
class LinkContext:
    """The pages of one service, how their tables link, the schema tables built so far, the
    findings and the rows (``file``, ``line``) that reached the output."""

    name: str
    pages: list[Page]
    labels: dict[str, TableKey]
    referenced: set[TableKey] = dataclasses.field(default_factory=set)
    implicit: dict[RowKey, TableKey] = dataclasses.field(default_factory=dict)
    relabelled: dict[LabelUse, TableKey] = dataclasses.field(default_factory=dict)  # see anchors
    diagnostics: list[Diagnostic] = dataclasses.field(default_factory=list)
    placed: set[tuple[str, int]] = dataclasses.field(default_factory=set)
    fields: dict[TableKey, tuple[Field, ...]] = dataclasses.field(default_factory=dict)
    hints: dict[TableKey, str] = dataclasses.field(default_factory=dict)
    owner: dict[TableKey, str] = dataclasses.field(default_factory=dict)
    order: list[TableKey] = dataclasses.field(default_factory=list)
    example_values: dict[int, dict[str, list[object]]] = dataclasses.field(default_factory=dict)  # see shown_structures
    value_forms: dict[TableKey, tuple[TableKey, ...]] = dataclasses.field(default_factory=dict)  # see value_tables
    left_out: set[str] = dataclasses.field(default_factory=set)  # pages with an operation line left out
    current_op: str = ""
    error_source: str = ""
    depth: int = 0  # tables being built, one inside the other (see limits)
    index_titles: dict | None = None  # see operations.operation_tag


def table_ref(key: TableKey) -> str:
    """The provisional reference of the schema built from a table."""
    return f"{key[0]}:{key[1]}"


def ref_key(ref: str) -> TableKey:
    """The table a provisional reference names."""
    pi, ti = ref.split(":")
    return int(pi), int(ti)
