"""An on-disk cache of parsed pages: parsing is a pure function of a page's bytes (its label
only names the page, its suffix picks the front-end), so a page parsed once by the same parser
is read back instead of parsed again, under whatever folder it now sits (the old and new side
of a ``diff`` share entries).

Entries are data, never code: JSON of the page model (:mod:`generator.model.dump`) with a
format version, in a :class:`~generator.json_store.JsonStore` (which checks each entry's own
key and checksum). An entry moved under another key, edited, truncated or of another version
is a miss, and so is anything that is not a regular file of bounded size. The key covers the
page's bytes and file suffix, the parser's own source files and the docutils and lxml versions.
"""

from __future__ import annotations

import dataclasses
import hashlib
from functools import cache
from pathlib import Path

import docutils
from lxml import etree

from ..json_store import JsonStore
from ..model.dump import from_plain, to_plain
from ..model.page import Page

FORMAT = "docbind-page-cache"
VERSION = 2
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


class PageCache:
    """Parsed pages under ``folder``, keyed by page bytes, file suffix and parser fingerprint."""

    def __init__(self, folder: Path) -> None:
        self.store = JsonStore(folder, MAX_ENTRY_BYTES)

    @staticmethod
    def key(data: bytes, label: str) -> str:
        """The entry key of a page: its bytes, its file suffix and the parser."""
        suffix = Path(label).suffix.lower().encode()
        return hashlib.sha256(parser_fingerprint().encode() + b"\0" + suffix + b"\0" + data).hexdigest()

    def get(self, data: bytes, label: str) -> Page | None:
        """The cached page, or None: a missing, foreign, corrupt or swapped entry is a miss."""
        entry = self.store.get(self.key(data, label))
        if not isinstance(entry, dict) or (entry.get("format"), entry.get("version")) != (FORMAT, VERSION):
            return None
        try:
            page = from_plain(Page, entry["page"])
        except (ValueError, KeyError, TypeError, RecursionError):
            return None
        return relabel(page, label)

    def put(self, data: bytes, label: str, page: Page) -> None:
        """Store a page; a cache that cannot be written is no error."""
        self.store.put(self.key(data, label), {"format": FORMAT, "version": VERSION, "page": to_plain(page)})


def relabel(page: Page, label: str) -> Page:
    """The page as parsed under ``label``: its file, its diagnostics' and its examples' files renamed."""
    if page.file == label:
        return page
    diagnostics = tuple(dataclasses.replace(d, file=label) if d.file == page.file else d
                        for d in page.diagnostics)
    examples = tuple(dataclasses.replace(e, file=label) if e.file == page.file else e for e in page.examples)
    return dataclasses.replace(page, file=label, diagnostics=diagnostics, examples=examples)
