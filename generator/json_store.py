"""A folder of JSON entries under content keys, each checked by a digest: the store behind
docbind's service and client caches. Entries are data, read with ``json``, never code; a
missing, truncated or altered entry is a miss, and a store that cannot be written is no error."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


class JsonStore:
    """``key → JSON value`` under ``folder``, one file per key (``ab/abcdef….json``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> object | None:
        """The stored value, or None."""
        try:
            data = self._path(key).read_bytes()
        except OSError:
            return None
        digest, _, payload = data.partition(b"\n")
        if hashlib.sha256(payload).hexdigest().encode() != digest:
            return None
        try:
            return json.loads(payload)
        except ValueError:
            return None

    def put(self, key: str, value: object) -> None:
        """Store ``value`` (atomically: a reader sees the old entry, the new one or none)."""
        payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
            temporary.replace(path)
        except OSError:
            pass
