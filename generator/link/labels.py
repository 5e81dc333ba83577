"""Labels are global to a service: a ``:ref:`` names a table by its label, whichever page
defines it. A label that two pages give to a table is reported on the one references miss."""

from __future__ import annotations

from ..model.diagnostics import WARNING, Diagnostic
from ..model.page import Page


def duplicate_labels(pages: list[Page]) -> list[Diagnostic]:
    """A ``label-duplicate`` warning for each table whose label an earlier page's table has
    (pages in file order, as the linker indexes them: the first keeps the label)."""
    first: dict[str, tuple[str, int]] = {}
    found = []
    for page in sorted(pages, key=lambda p: p.file):
        for table in page.tables:
            for label in table.labels:
                owner = first.setdefault(label, (page.file, table.line))
                if owner[0] != page.file:
                    found.append(Diagnostic(
                        page.file, table.line, WARNING, "label-duplicate",
                        f"label {label!r} also names the table at {owner[0]}:{owner[1]}; "
                        "every :ref:`" + label + "` links to that one, not to this table"))
    return found
