"""The coverage table printed by ``docbind report`` and after ``generate``."""

from __future__ import annotations

from .model.report import ServiceReport

_COLUMNS = (
    ("service", "service"), ("pages", "pages"), ("op pages", "operation_pages"),
    ("ops", "operations"), ("rows", "table_rows"), ("in output", "rows_in_output"),
    ("op-page rows", "operation_page_rows"), ("in output", "operation_page_rows_in_output"),
    ("in diags", "rows_in_diagnostics"), ("lost", None), ("ex json", "examples_json"),
    ("ex parsed", "examples_parsed"), ("ex valid", "examples_validated"),
)


def coverage_table(reports: list[ServiceReport]) -> str:
    """A Markdown table, one line per service, plus the diagnostics by code."""
    head = "| " + " | ".join(title for title, _ in _COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in _COLUMNS) + "|"
    lines = [head, rule]
    for r in reports:
        cells = [str(len(r.rows_lost)) if attr is None else str(getattr(r, attr)) for _, attr in _COLUMNS]
        lines.append("| " + " | ".join(cells) + " |")
    for r in reports:
        codes = ", ".join(f"{code} {n}" for code, n in r.diagnostics_by_code) or "none"
        lines.append(f"{r.service} diagnostics: {codes}")
    return "\n".join(lines)
