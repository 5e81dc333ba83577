"""Whole services kept between runs: a service none of whose pages changed is read back —
files, diagnostics, report — without parsing, linking or rendering anything.

The key is everything a service's output depends on: every page's label (so its file
suffix, which picks the front-end) and bytes, or why it could not be read; the docs label;
whether clients are made; the operationIds already given to the service (its registry, from
the committed output or the old side of a diff) and its overrides file as read; and docbind's
fingerprint (its source, templates and tool versions). Entries are JSON.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from .fingerprint import key
from .json_store import JsonStore
from .link.operation_ids import Registry
from .model.diagnostics import Diagnostic
from .model.result import ServiceResult
from .read import PageFile


def service_key(name: str, pages: list[PageFile], docs_label: str, clients: bool, registry: Registry,
                overrides: tuple[Registry, list[Diagnostic]]) -> str:
    """The key of a service from its page files, its registry and its overrides."""
    listing = "\n".join(f"{p.label}\0{hashlib.sha256(p.data).hexdigest()}\0{p.unreadable}" for p in pages)
    names = json.dumps([sorted([*k, v] for k, v in registry.items()),
                        sorted([*k, v] for k, v in overrides[0].items()),
                        [asdict(d) for d in overrides[1]]])
    return key("service", name, docs_label, "clients" if clients else "documents", listing, names)


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
