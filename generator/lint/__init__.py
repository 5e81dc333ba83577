"""``docbind lint``: the defects docbind finds in the docs, for the people who write them.

Lint runs the documents-only pipeline (no Python client) and reports every diagnostic except
the notes on how docbind chose to read a page (``NOT_DEFECTS``; ``every=True`` keeps them),
each with the path of its page as given on the command line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..model.diagnostics import Diagnostic
from ..pipeline import RunContext, generate

#: Diagnostics that describe a reading, not a fault of the page (README, "docbind lint").
NOT_DEFECTS = frozenset({
    "object-free-form",     # an object the docs leave open (maps, metadata): a free-form schema
    "table-alternative",    # another body table: kept as an alternative (anyOf)
    "table-unused",         # tables on pages without operations (error codes, appendices)
    "table-columns",        # tables of other content (supported OS versions, status mappings)
    "example-before-operation",  # an example in a page's opening text (a policy set up elsewhere)
    "table-other-data",     # a table outside the request and response naming none of their fields (log records)
    "operation-duplicate",  # one action endpoint documented per action (POST .../action)
    "path-trailing-slash",  # a path as the docs write it; docbind drops the slash
    "client-failed",        # docbind's own failure; lint renders no client
    "header-transport",     # Content-Type/Accept/X-Auth-Token rows: the security scheme and media types
    "param-renamed",        # a path placeholder spelled one way per path position (S3-style pages)
    "path-parameter-renamed",  # the methods of one path share its parameter names
})


@dataclass(frozen=True, order=True)
class Finding:
    """One docs defect: ``path`` is the page as reachable from where lint ran."""

    path: str
    line: int
    code: str
    severity: str
    message: str
    service: str


def lint(docs: Path, only: list[str] | None = None, context: RunContext | None = None,
         every: bool = False) -> list[Finding]:
    """The findings of every service under ``docs``, sorted by page, line and code
    (``every``: the reading notes too)."""
    if not docs.is_dir():
        raise ValueError(f"docs folder {docs} does not exist")
    findings = {
        _finding(docs, d) for result in generate(docs, only, clients=False, context=context)
        for d in result.diagnostics if every or d.code not in NOT_DEFECTS
    }
    return sorted(findings)


def counts(findings: list[Finding]) -> dict[str, dict[str, int]]:
    """Service → code → number of findings."""
    table: dict[str, Counter] = {}
    for f in findings:
        table.setdefault(f.service, Counter())[f.code] += 1
    return {service: dict(sorted(c.items())) for service, c in sorted(table.items())}


def _finding(docs: Path, d: Diagnostic) -> Finding:
    """Diagnostics cite ``<docs name>/<service>/<page>``; findings cite the page under ``docs``."""
    rel = PurePosixPath(d.file)
    if docs.name and rel.parts[0] == docs.name:
        rel = rel.relative_to(docs.name)
    return Finding((docs / rel).as_posix(), d.line, d.code, d.severity, d.message, rel.parts[0])
