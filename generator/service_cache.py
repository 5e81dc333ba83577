"""Whole services kept between runs: a service none of whose pages changed is read back —
files, diagnostics, report — without parsing, linking or rendering anything.

The key is every page's label and bytes, the docs label, whether clients are made, and
docbind's fingerprint (its source, templates and tool versions). Entries are JSON.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .fingerprint import key
from .json_store import JsonStore
from .model.result import ServiceResult


def service_key(name: str, pages: list[tuple[bytes, str]], docs_label: str, clients: bool) -> str:
    """The key of a service from its pages' ``(bytes, label)``."""
    listing = "\n".join(f"{label}\0{hashlib.sha256(data).hexdigest()}" for data, label in pages)
    return key("service", name, docs_label, "clients" if clients else "documents", listing)


class ServiceCache:
    """Service results under ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.store = JsonStore(folder)

    def get(self, entry: str) -> ServiceResult | None:
        data = self.store.get(entry)
        if not isinstance(data, dict):
            return None
        try:
            return ServiceResult.from_json(data)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None

    def put(self, entry: str, result: ServiceResult) -> None:
        self.store.put(entry, result.to_json())
