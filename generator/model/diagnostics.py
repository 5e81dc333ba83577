"""Diagnostics: findings about the docs, each with a stable code and a source location.

The codes and their meanings are listed in the README (Diagnostic codes); a code never
changes meaning once released."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"


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
