"""Print the coverage table of all services under the given docs folders (documents only),
with the oracle's figures, and the largest ``type-unknown`` and ``table-orphan`` groups.

    python -m tests.catalogue_table --docs ../shared/corpus --docs ../shared/catalogue
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from generator.model.diagnostics import Diagnostic
from generator.parse.cache import PageCache
from generator.pipeline import Built, ServiceResult, build_models

from .coverage import ROOT, Coverage, coverage, load_document, oracle_pages

COLUMNS = ("service", "pages", "op pages", "ops", "rows", "in output", "op-page rows", "in output", "lost",
           "oracle op pages", "oracle rows", "errors")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=Path, action="append", required=True, help="docs folder (repeatable)")
    parser.add_argument("--groups", type=int, default=12, help="diagnostic groups listed per code (12)")
    args = parser.parse_args(argv)
    cache = PageCache(ROOT / ".cache" / "docbind")
    built = {b.result.name: (folder, b) for folder in args.docs for b in build_models(folder, cache)}
    coverages = {name: coverage(name, load_document(b.result), oracle_pages(folder, name))
                 for name, (folder, b) in built.items()}
    models = [b for _, b in built.values()]
    print(coverage_table([b.result for b in models], coverages))
    for code in ("type-unknown", "table-orphan"):
        print(f"\nlargest {code} groups (rows, tables, services, what, example):")
        for rows, tables, services, key, example in diagnostic_groups(models, code)[:args.groups]:
            print(f"  {rows:5} rows {tables:4} tables {services:2} services  {key}  e.g. {example}")
    return 0


def coverage_table(results: list[ServiceResult], coverages: dict[str, Coverage]) -> str:
    """One Markdown line per service and a total line."""
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
    rows = []
    for result in sorted(results, key=lambda r: r.name):
        r, c = result.report, coverages[result.name]
        errors = sum(1 for d in result.diagnostics if d.severity == "error")
        figures = [r.pages, r.operation_pages, r.operations, r.table_rows, r.rows_in_output, r.operation_page_rows,
                   r.operation_page_rows_in_output, len(r.rows_lost), c.pages_found, c.operation_pages,
                   c.rows_found, c.rows, errors]
        rows.append(figures)
        lines.append(_line(result.name, figures))
    lines.append(_line(f"**total ({len(results)})**", [sum(column) for column in zip(*rows)]))
    return "\n".join(lines)


def _line(name: str, f: list[int]) -> str:
    """Figures in table order: report counts, then oracle pages found/total, rows found/total, errors."""
    cells = [name, *map(str, f[:8]), f"{f[8]}/{f[9]} ({_share(f[8], f[9])})",
             f"{f[10]}/{f[11]} ({_share(f[10], f[11])})", str(f[12])]
    return "| " + " | ".join(cells) + " |"


def _share(found: int, total: int) -> str:
    return f"{100 * found / total:.1f}%" if total else "-"


def diagnostic_groups(models: list[Built], code: str) -> list[tuple[int, int, int, str, str]]:
    """Diagnostics of ``code`` grouped by what they are about (the Type cell text; the kind
    of orphan and its caption's wording), largest first by rows."""
    groups: dict[str, list[tuple[str, int, Diagnostic]]] = defaultdict(list)
    for built in models:
        tables = {(page.file, table.line): table for page in built.pages for table in page.tables}
        for d in built.result.diagnostics:
            if d.code != code:
                continue
            table = tables.get((d.file, d.line))
            rows = len(table.rows) if d.end_line and table is not None else 1
            groups[_group_key(d, table.caption if table is not None else "")].append((built.result.name, rows, d))
    found = [(sum(rows for _, rows, _ in members), len(members), len({s for s, _, _ in members}), key,
              f"{members[0][2].file}:{members[0][2].line}") for key, members in groups.items()]
    return sorted(found, key=lambda g: (-g[0], g[3]))


def _group_key(d: Diagnostic, caption: str) -> str:
    unknown = re.match(r"unknown type '(.*)' of ", d.message)
    if unknown:
        return repr(unknown.group(1))
    kind = re.sub(r"table '.*' names", "table <caption> names", d.message)
    kind = re.sub(r"\s*\(\d+ rows not in the output\)$", "", kind)
    words = [("<name>" if re.search(r"[._]|[a-z][A-Z]", w) else w.lower()) for w in caption.split()]
    return f"{kind} | caption: {' '.join(words) or '(none)'}"


if __name__ == "__main__":
    raise SystemExit(main())
