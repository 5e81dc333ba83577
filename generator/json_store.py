"""A folder of JSON entries under content keys: the store behind docbind's page, service and
client caches. Entries are data, read with ``json``, never code. Each holds its own key and a digest
of its payload, so a missing, truncated, altered or swapped entry is a miss, and so is anything
that is not a regular file of bounded size; a store that cannot be written is no error."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .read import PageReadError, read_regular
from .write import write_atomic

#: Entries larger than this are misses (a catalogue service's client is a few MB).
MAX_ENTRY_BYTES = 256 * 1024 * 1024


class JsonStore:
    """``key → JSON value`` under ``folder``, one file per key (``ab/abcdef….json``)."""

    def __init__(self, folder: Path, max_bytes: int = MAX_ENTRY_BYTES) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> object | None:
        """The stored value, or None."""
        try:
            data = read_regular(self._path(key), self.max_bytes)
        except PageReadError:
            return None
        header, _, payload = data.partition(b"\n")
        if header != _header(key, payload):
            return None
        try:
            return json.loads(payload)
        except (ValueError, RecursionError):
            return None

    def put(self, key: str, value: object) -> None:
        """Store ``value`` (atomically: a reader sees the old entry, the new one or none)."""
        try:
            payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
            write_atomic(self._path(key), _header(key, payload) + b"\n" + payload)
        except (OSError, ValueError, RecursionError):
            pass


def _header(key: str, payload: bytes) -> bytes:
    """The entry's key and the digest of its payload."""
    return f"{key} {hashlib.sha256(payload).hexdigest()}".encode()
