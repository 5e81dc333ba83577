"""What generating one service produced, as plain data: its files, diagnostics, coverage
report and row citations. Results are what the service cache keeps, so they convert to and
from JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .diagnostics import Diagnostic
from .report import ServiceReport

#: Row-level citations by ``(schema name, property)`` or ``(operationId, location, parameter)``.
Sources = dict[tuple[str, ...], str]


@dataclass(frozen=True)
class ServiceResult:
    """One service's output: ``files`` (relative path → text) and what was found on the way."""

    name: str
    files: dict[str, str]
    diagnostics: tuple[Diagnostic, ...]
    report: ServiceReport
    sources: Sources

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "files": self.files,
            "diagnostics": [asdict(d) for d in self.diagnostics],
            "report": asdict(self.report),
            "sources": [[list(k), v] for k, v in self.sources.items()],
        }

    @classmethod
    def from_json(cls, data: dict) -> ServiceResult:
        """The result of :meth:`to_json`; KeyError, TypeError or ValueError on other data."""
        report = dict(data["report"])
        report["rows_lost"] = tuple(report["rows_lost"])
        report["diagnostics_by_code"] = tuple((code, n) for code, n in report["diagnostics_by_code"])
        files = data["files"]
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
            raise ValueError("files are not text")
        return cls(
            name=str(data["name"]),
            files=dict(files),
            diagnostics=tuple(Diagnostic(**d) for d in data["diagnostics"]),
            report=ServiceReport(**report),
            sources={tuple(k): v for k, v in data["sources"]},
        )
