"""Print lint findings: ``path:line: CODE: message`` lines, JSON, GitHub workflow annotations,
or a SARIF 2.1.0 log for code-scanning views."""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import quote

from . import Finding, counts

FORMATS = ("text", "json", "github", "sarif")
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def render(findings: list[Finding], fmt: str) -> str:
    return {"text": _text, "json": _json, "github": _github, "sarif": _sarif}[fmt](findings)


def count_table(findings: list[Finding]) -> str:
    """Findings per code (rows) and service (columns), with totals."""
    table = counts(findings)
    if not table:
        return "no findings\n"
    services = list(table)
    codes = sorted({code for per in table.values() for code in per})
    rows = [["code", *services, "total"]]
    for code in codes:
        row = [table[s].get(code, 0) for s in services]
        rows.append([code, *map(str, row), str(sum(row))])
    totals = [sum(table[s].values()) for s in services]
    rows.append(["total", *map(str, totals), str(sum(totals))])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "".join(
        "  ".join([r[0].ljust(widths[0]), *(cell.rjust(w) for cell, w in zip(r[1:], widths[1:]))]).rstrip() + "\n"
        for r in rows)


def _line(f: Finding) -> str:
    return f"{f.path}:{f.line}: {f.code}: {_one_line(f.message)}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _text(findings: list[Finding]) -> str:
    body = "".join(_line(f) + "\n" for f in findings)
    return body + ("\n" if body else "") + count_table(findings)


def _json(findings: list[Finding]) -> str:
    data = {
        "findings": [{"path": f.path, "line": f.line, "code": f.code, "severity": f.severity,
                      "service": f.service, "message": f.message} for f in findings],
        "counts": counts(findings),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(findings: list[Finding]) -> str:
    """Workflow commands (``::warning file=...,line=...,title=CODE::message``), then the counts."""
    lines = [f"::{_GITHUB_LEVEL.get(f.severity, 'warning')} file={_escape_property(f.path)},line={f.line},"
             f"title={_escape_property(f.code)}::{_escape_data(f.message)}" for f in findings]
    return "".join(line + "\n" for line in lines) + count_table(findings)


def _uri(path: str) -> str:
    """A relative path as a relative URI reference; an absolute one as a ``file:`` URI."""
    pure = PurePosixPath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())


def _sarif(findings: list[Finding]) -> str:
    codes = sorted({f.code for f in findings})
    rules = [{"id": code, "name": code, "shortDescription": {"text": f"docbind diagnostic {code}"},
              "help": {"text": f"docbind README, Diagnostic codes: {code} (example and how to fix the page)"}}
             for code in codes]
    results = [{
        "ruleId": f.code,
        "ruleIndex": codes.index(f.code),
        "level": _SARIF_LEVEL.get(f.severity, "warning"),
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(f.path)},
            "region": {"startLine": max(f.line, 1)},
        }}],
        "properties": {"service": f.service},
    } for f in findings]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "docbind", "rules": rules}},
            "results": results,
            "properties": {"counts": counts(findings)},
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
