"""An on-disk cache of parsed pages: parsing is a pure function of a page's bytes (its label
only names the page, its suffix picks the front-end), so a page parsed once by the same parser
is read back instead of parsed again, under whatever folder it now sits (the old and new side
of a ``diff`` share entries).

Entries are data, never code: JSON of the page model (:mod:`generator.model.dump`), in an
envelope with a format version, the entry's own key and a checksum of the page JSON. An
entry moved under another key, edited, truncated or of another version is a miss, and so is
anything that is not a regular file of bounded size. The key covers the page's bytes and file
suffix, the parser's own source files and the docutils and lxml versions.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

import dataclasses

import docutils
from lxml import etree

from ..model.dump import from_plain, to_plain
from ..model.page import Page
from ..read import PageReadError, read_regular
from ..write import write_atomic

FORMAT = "docbind-page-cache"
VERSION = 1
#: Entries larger than this are misses (a page's JSON is a few times the page's size).
MAX_ENTRY_BYTES = 64 * 1024 * 1024

_PACKAGE = Path(__file__).resolve().parents[1]
_PARSER_SOURCES = ("parse/*.py", "model/page.py", "model/diagnostics.py", "model/dump.py")


@cache
def parser_fingerprint() -> str:
    """A digest of everything that decides what ``parse_page`` returns."""
    digest = hashlib.sha256(docutils.__version__.encode() + b"\0" + repr(etree.LXML_VERSION).encode())
    for pattern in _PARSER_SOURCES:
        for path in sorted(_PACKAGE.glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _checksum(page_json: str) -> str:
    return hashlib.sha256(page_json.encode("utf-8")).hexdigest()


class PageCache:
    """Parsed pages under ``folder``, keyed by page bytes, file suffix and parser fingerprint."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @staticmethod
    def key(data: bytes, label: str) -> str:
        """The entry key of a page: its bytes, its file suffix and the parser."""
        suffix = Path(label).suffix.lower().encode()
        return hashlib.sha256(parser_fingerprint().encode() + b"\0" + suffix + b"\0" + data).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, data: bytes, label: str) -> Page | None:
        """The cached page, or None: a missing, foreign, corrupt or swapped entry is a miss."""
        key = self.key(data, label)
        try:
            entry = json.loads(read_regular(self._path(key), MAX_ENTRY_BYTES))
            if not isinstance(entry, dict) or (entry.get("format"), entry.get("version"), entry.get("key")) != (
                    FORMAT, VERSION, key):
                return None
            page_json = entry["page"]
            if not isinstance(page_json, str) or entry.get("checksum") != _checksum(page_json):
                return None
            page = from_plain(Page, json.loads(page_json))
        except (PageReadError, ValueError, KeyError, TypeError, RecursionError):
            return None
        return relabel(page, label)

    def put(self, data: bytes, label: str, page: Page) -> None:
        """Store a page; a cache that cannot be written is no error."""
        key = self.key(data, label)
        try:
            page_json = json.dumps(to_plain(page), ensure_ascii=False, separators=(",", ":"))
            entry = {"format": FORMAT, "version": VERSION, "key": key, "checksum": _checksum(page_json),
                     "page": page_json}
            write_atomic(self._path(key), json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        except (OSError, ValueError, RecursionError):
            pass


def relabel(page: Page, label: str) -> Page:
    """The page as parsed under ``label``: its file, its diagnostics' and its examples' files renamed."""
    if page.file == label:
        return page
    diagnostics = tuple(dataclasses.replace(d, file=label) if d.file == page.file else d
                        for d in page.diagnostics)
    examples = tuple(dataclasses.replace(e, file=label) if e.file == page.file else e for e in page.examples)
    return dataclasses.replace(page, file=label, diagnostics=diagnostics, examples=examples)
