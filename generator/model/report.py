"""Per-service figures: what was read, what reached the output, what only a diagnostic holds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServiceReport:
    """Counts for one service. ``rows_lost`` lists ``file:line`` of rows in neither place."""

    service: str
    pages: int
    operation_pages: int
    operations: int
    table_rows: int
    rows_in_output: int
    operation_page_rows: int
    operation_page_rows_in_output: int
    rows_in_diagnostics: int
    rows_lost: tuple[str, ...]
    examples_json: int
    examples_parsed: int
    examples_validated: int
    diagnostics_by_code: tuple[tuple[str, int], ...]
