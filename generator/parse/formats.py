"""Which front-end reads a page: by extension (``.rst``, ``.html``/``.htm``), else by content
(``.txt`` and others: HTML markup, RST markup, or plain text copied from a help center)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from ..model.page import Page
from .html_page import parse_html_page
from .page import parse_page
from .text_page import parse_text_page

#: The file names page discovery reads, each a page of one of the formats below.
PAGE_PATTERNS = ("*.rst", "*.html", "*.htm", "*.txt")

_HTML = re.compile(r"\s*(?:<!doctype\s+html|<(?:html|head|body|h1|div|p|a|table)\b)", re.I)
_RST = re.compile(
    r"^(?::original_name:|\.\. [\w-]+::|\.\. _[^:]+:\s*$)"  # field, directive, label
    r"|^(?P<title>\S.*)\n(?P<rule>([=\-~^\"'`#*+]))(?P=rule){2,}\s*$",  # a title and its underline
    re.M)


def page_format(data: bytes, file: str) -> str:
    """``rst``, ``html`` or ``text``."""
    suffix = PurePosixPath(file).suffix.lower()
    if suffix == ".rst":
        return "rst"
    if suffix in (".html", ".htm"):
        return "html"
    head = data[:65536].decode("utf-8-sig", errors="replace")
    if _HTML.match(head):
        return "html"
    if _RST.search(head):
        return "rst"
    return "text"


def read_page(data: bytes, file: str) -> Page:
    """The page model of one page of any format. Never raises."""
    parsers = {"rst": parse_page, "html": parse_html_page, "text": parse_text_page}
    return parsers[page_format(data, file)](data, file)
