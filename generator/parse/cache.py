"""An on-disk cache of parsed pages: parsing is a pure function of a page's bytes (its label
only names the page), so a page parsed once by the same parser is read back instead of parsed
again, under whatever folder it now sits (the old and new side of a ``diff`` share entries).

The key covers the page's bytes and file suffix (which picks the front-end), the parser's own
source files and the docutils and lxml versions; a changed parser or page is a new key.
Entries are pickles this cache wrote itself.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from functools import cache
from pathlib import Path

import docutils
from lxml import etree

from ..model.page import Page

_PACKAGE = Path(__file__).resolve().parents[1]
_PARSER_SOURCES = ("parse/*.py", "model/page.py", "model/diagnostics.py")


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
        self.folder = folder

    def _path(self, data: bytes, label: str) -> Path:
        suffix = Path(label).suffix.lower().encode()
        key = hashlib.sha256(parser_fingerprint().encode() + b"\0" + suffix + b"\0" + data).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, data: bytes, label: str) -> Page | None:
        """The cached page, or None (missing or unreadable entries are simply misses)."""
        try:
            page = pickle.loads(self._path(data, label).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return relabel(page, label) if isinstance(page, Page) else None

    def put(self, data: bytes, label: str, page: Page) -> None:
        """Store a page; a cache that cannot be written is no error."""
        path = self._path(data, label)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(path)
        except OSError:
            pass


def relabel(page: Page, label: str) -> Page:
    """The page as parsed under ``label``: its file and its diagnostics' files renamed."""
    if page.file == label:
        return page
    diagnostics = tuple(dataclasses.replace(d, file=label) if d.file == page.file else d
                        for d in page.diagnostics)
    return dataclasses.replace(page, file=label, diagnostics=diagnostics)
