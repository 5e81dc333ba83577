"""Diagnostics: findings about the docs, each with a stable code and a source location."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"

#: Stable diagnostic codes and what they mean. Codes never change meaning once released.
CODES: dict[str, str] = {
    "page-unreadable": "the page could not be read or parsed at all",
    "rst-error": "invalid reStructuredText markup; docutils dropped the construct",
    "type-unknown": "a Type cell the type grammar does not know; the field becomes a free-form schema",
    "ref-unresolved": "a :ref: target that names no table in the service",
    "table-columns": "a table whose columns are not a parameter, field or status-code table",
    "table-orphan": "a table on an operation page that no operation or object links to",
    "table-unused": "a table on a page that documents no operation",
    "table-alternative": "another top-level body table on a page: an alternative body (anyOf)",
    "row-empty-name": "a table row without a parameter name",
    "row-duplicate": "a row repeating a name already defined in the same table",
    "param-not-in-path": "a path parameter the path template does not contain",
    "param-missing": "a path-template parameter that no table documents",
    "object-free-form": "an object or map with no table describing it",
    "operation-duplicate": "two pages document the same method and path; merged into one operation",
    "path-trailing-slash": "a path written with a trailing slash, generated without it",
    "operation-missing": "a page with request/response tables but no method and path line",
    "example-invalid-json": "an example that looks like JSON but does not parse",
    "example-mismatch": "a JSON example that contradicts the schema of its table",
    "example-undocumented-field": "a JSON example with a field its table does not list",
    "client-failed": "the Python client of a service could not be generated (its OpenAPI document still is)",
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding. ``end_line`` marks the last line covered when it accounts for several rows."""

    file: str
    line: int
    severity: str
    code: str
    message: str
    end_line: int = 0

    def format(self) -> str:
        """The one-line form printed to users: ``path:line: severity: message [code]``."""
        return f"{self.file}:{self.line}: {self.severity}: {self.message} [{self.code}]"

    def covers(self, file: str, line: int) -> bool:
        """Whether this diagnostic accounts for the row at ``file:line``."""
        return file == self.file and self.line <= line <= max(self.line, self.end_line)
