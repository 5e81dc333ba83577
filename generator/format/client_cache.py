"""Python clients kept between runs: a service whose OpenAPI document did not change keeps
its client without running datamodel-code-generator and black again.

The client is rendered from the document plus the service's name and title and the docs
label, so those are the key, with docbind's fingerprint (its source, templates and tool
versions). Entries are JSON (file name → text), never code.

A service whose document did change keeps the pieces black formatted for its last client
and its models module (:class:`~generator.memo.Memo`), so only the changed models
and methods are formatted again, and the models are made again only when the schemas changed.
The validation findings of each part of its document are kept the same way (see
:func:`~generator.check.validity.validate_document`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..fingerprint import key
from ..json_store import JsonStore
from ..memo import Memo


class ClientCache:
    """Client files under ``folder`` keyed by the document and what else the client shows."""

    def __init__(self, folder: Path) -> None:
        self.store = JsonStore(folder)

    @staticmethod
    def key(openapi_text: str, name: str, title: str, docs_label: str) -> str:
        return key("client", openapi_text, name, title, docs_label)

    def get(self, entry: str) -> dict[str, str] | None:
        """The client files of ``entry`` (a :meth:`key`), or None."""
        files = self.store.get(entry)
        if isinstance(files, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
            return files
        return None

    def put(self, entry: str, files: dict[str, str]) -> None:
        self.store.put(entry, files)

    def memo(self, name: str, docs_label: str, purpose: str = "client") -> Memo:
        """What the last build of service ``name`` made for ``purpose`` (``client``: the
        formatted pieces and the models module of its client; ``validity``: the validation
        findings of its document's parts; ``yaml``: the YAML of its document's operations
        and schemas)."""
        known = self.store.get(key("memo", purpose, name, docs_label))
        valid = isinstance(known, dict) and all(isinstance(v, str) for v in known.values())
        return Memo(known if valid else None)  # type: ignore[arg-type]

    def put_memo(self, name: str, docs_label: str, memo: Memo, purpose: str = "client") -> None:
        self.store.put(key("memo", purpose, name, docs_label), memo.used)

    @contextmanager
    def kept_memo(self, name: str, docs_label: str, purpose: str) -> Iterator[Memo]:
        """The memo of ``purpose`` (see :meth:`memo`), kept for the next run when the block
        ends without an error."""
        memo = self.memo(name, docs_label, purpose)
        yield memo
        self.put_memo(name, docs_label, memo, purpose)
