"""An independent reader of grid and simple tables in RST text, for checking docbind's output.

It knows nothing of docbind: it splits table blocks by their rules and returns each table's
caption and rows as ``{header: cell text}`` with the line of each row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class RawTable:
    caption: str
    line: int
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]]


def read_tables(text: str) -> list[RawTable]:
    lines = text.splitlines()
    tables, caption, i = [], "", 0
    while i < len(lines):
        stripped = lines[i].strip()
        directive = re.match(r"\.\. table::\s*(.*)", stripped)
        if directive:
            caption = re.sub(r"\*\*Table \d+\*\*\s*", "", directive.group(1)).strip()
        elif stripped.startswith("+-"):
            i = _grid(lines, i, caption, tables)
            caption = ""
            continue
        elif re.fullmatch(r"=+( +=+)+", stripped):
            i = _simple(lines, i, caption, tables)
            caption = ""
            continue
        i += 1
    return tables


def _grid(lines: list[str], start: int, caption: str, tables: list[RawTable]) -> int:
    end = start
    while end < len(lines) and lines[end].strip().startswith(("+", "|")):
        end += 1
    block = [line.strip() for line in lines[start:end]]
    headers: list[str] = []
    rows: list[tuple[int, dict[str, str]]] = []
    current: list[list[str]] = []
    current_line = 0
    for offset, line in enumerate(block):
        if line.startswith("+"):
            if current:
                cells = [" ".join(" ".join(parts).split()) for parts in zip(*current)]
                if not headers:
                    headers = cells
                else:
                    rows.append((current_line, dict(zip(headers, cells))))
            current = []
            continue
        if not current:
            current_line = start + offset + 1
        current.append([c.strip() for c in line.strip("|").split("|")])
    tables.append(RawTable(caption, start + 1, headers, rows))
    return end


def _simple(lines: list[str], start: int, caption: str, tables: list[RawTable]) -> int:
    rule = lines[start]
    spans = [m.span() for m in re.finditer(r"=+", rule)]

    def cells(line: str) -> list[str]:
        return [line[a:(spans[k + 1][0] if k + 1 < len(spans) else len(line))].strip()
                for k, (a, _) in enumerate(spans)]

    headers = cells(lines[start + 1])
    i = start + 3
    rows = []
    while i < len(lines) and not re.fullmatch(r"=+( +=+)+", lines[i].strip()):
        if lines[i].strip():
            rows.append((i + 1, dict(zip(headers, cells(lines[i])))))
        i += 1
    tables.append(RawTable(caption, start + 1, headers, rows))
    return i + 1
