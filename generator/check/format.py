"""Print a drift: plain text for the terminal, Markdown for a PR comment, JSON for machines."""

from __future__ import annotations

import json
from dataclasses import asdict
from itertools import groupby

from .drift import Drift

FORMATS = ("text", "markdown", "json")
_FILE_STATES = (("changed", "differs from a fresh generation"),
                ("missing", "not there yet: generation would write it"),
                ("stale", "no longer generated: `make generate` removes it"))


def render(d: Drift, fmt: str, files: bool) -> str:
    """The report of ``d``; ``files`` adds the file list (``check``), else changelog only (``diff``)."""
    return {"text": _text, "markdown": _markdown, "json": _json}[fmt](d, files)


def _summary(d: Drift) -> str:
    breaking = len(d.breaking)
    return f"{breaking} breaking, {len(d.changes) - breaking} non-breaking"


def _file_rows(d: Drift):
    for state, meaning in _FILE_STATES:
        for rel in getattr(d, state):
            yield state, rel, meaning


def _text(d: Drift, files: bool) -> str:
    lines = []
    if files:
        if not d.differs:
            return f"{d.old} is up to date with {d.new}\n"
        lines.append(f"{d.old} is out of date with {d.new}; run `make generate` and commit the result.")
        lines += [f"  {state:<8} {d.old}/{rel}  ({meaning})" for state, rel, meaning in _file_rows(d)]
        lines.append("")
    if not d.changes:
        lines.append(f"API changelog ({d.old} → {d.new}): no API changes")
        return "\n".join(lines) + "\n"
    lines.append(f"API changelog ({d.old} → {d.new}): {_summary(d)}")
    for (service, operation), group in groupby(d.changes, key=lambda c: (c.service, c.operation)):
        lines.append(f"{service} {operation}".rstrip())
        for c in group:
            label = "BREAKING" if c.breaking else "non-breaking"
            lines.append(f"  {label:<12}  {c.message}  [{c.kind}]  {c.source}".rstrip())
            if c.also:
                lines.append(f"                also in {', '.join(c.also)} (they link this table)")
            if c.before:
                lines.append(f"                - {_short(c.before)}")
            if c.after:
                lines.append(f"                + {_short(c.after)}")
    return "\n".join(lines) + "\n"


def _short(line: str, width: int = 200) -> str:
    return line if len(line) <= width else line[:width - 1] + "…"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _markdown(d: Drift, files: bool) -> str:
    lines = []
    if files:
        if not d.differs:
            return f"**docbind check**: `{d.old}` is up to date with `{d.new}`.\n"
        lines += [f"## docbind check: `{d.old}` is out of date with `{d.new}`", "",
                  "Run `make generate` and commit the result.", "",
                  "| file | state |", "|---|---|"]
        lines += [f"| `{d.old}/{rel}` | {state}: {_cell(meaning)} |" for state, rel, meaning in _file_rows(d)]
        lines.append("")
    lines.append(f"### API changelog: {_summary(d) if d.changes else 'no API changes'}")
    if d.changes:
        lines += ["", "| | service | operation | change | source |", "|---|---|---|---|---|"]
        for c in d.changes:
            label = "**breaking**" if c.breaking else "non-breaking"
            operation = f"`{c.operation}`" if c.operation else ""
            lines.append(f"| {label} | {c.service} | {_cell(operation)} | {_cell(c.message)} | `{c.source}` |")
    return "\n".join(lines) + "\n"


def _json(d: Drift, files: bool) -> str:
    data: dict = {"old": d.old, "new": d.new, "differs": d.differs if files else bool(d.changes)}
    if files:
        data["files"] = {"changed": list(d.changed), "missing": list(d.missing), "stale": list(d.stale)}
    breaking = len(d.breaking)
    data["summary"] = {"breaking": breaking, "non_breaking": len(d.changes) - breaking}
    data["changes"] = [{**asdict(c), "message": c.message} for c in d.changes]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
