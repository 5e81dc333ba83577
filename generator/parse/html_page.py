"""Help-center HTML → the doctree the RST front-end builds → the same :class:`Page`.

The pages are help-center exports: an ``<h1>`` title, ``<h4>`` section titles (inside
``div.section`` or as flat siblings), captioned tables whose cells link to object tables by
``href="#id"``, ``Status code: NNN`` paragraphs and ``pre`` examples. lxml parses the markup;
this module only translates elements into docutils nodes, so everything the RST reader knows
(operation lines, locations, facts, examples) reads HTML the same way. A section runs from
its heading to the next heading, whatever ``div`` it sits in.
"""

from __future__ import annotations

import copy
import re
from pathlib import PurePosixPath

import lxml.html
from docutils import nodes
from lxml import etree

from ..model.page import Page
from .page import guarded, page_from_doctree
from .rst import empty_doctree, xref

_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {"p", "div", "ul", "ol", "li", "table", "pre", "h1", *_HEADINGS, "dl", "dt", "dd",
           "blockquote", "hr", "section", "figure", "center", "form", "caption"}
_SKIPPED = {"script", "style", "img", "head", "title", "meta", "link", "object", "iframe"}
_SKIPPED_CLASSES = {"familylinks", "ullinks", "notetitle", "noticetitle", "cautiontitle", "warningtitle",
                    "dangertitle"}
_ADMONITIONS = {"note": nodes.note, "notice": nodes.important, "caution": nodes.caution,
                "warning": nodes.warning, "danger": nodes.danger}
_STRONG = {"strong", "b"}
_EMPHASIS = {"em", "i"}
_LITERAL = {"code", "tt", "kbd", "samp"}


def parse_html_page(data: bytes, file: str) -> Page:
    """Read one HTML page. Never raises: an unreadable page yields a page-unreadable diagnostic."""

    def read() -> Page:
        content = data.removeprefix(b"\xef\xbb\xbf")
        builder = _Builder(file)
        if content.strip():
            parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True)
            builder.build(etree.fromstring(content, parser))
        return page_from_doctree(builder.document, file, content.decode("utf-8", errors="replace").splitlines())

    return guarded(file, read)


class _Builder:
    """Appends the doctree of one HTML page, element by element, in document order."""

    def __init__(self, file: str) -> None:
        self.document = empty_doctree(file)
        self.page: nodes.section | None = None
        self.section: nodes.Element = self.document
        self.names: list[str] = []

    def build(self, root: etree._Element) -> None:
        body = root.find("body")
        # the page is its own original: ``:original_name: Stem.html`` in the RST conversion
        name = PurePosixPath(self.document["source"]).name
        self.document += nodes.field_list("", nodes.field(
            "", nodes.field_name("", "original_name"), nodes.field_body("", nodes.paragraph("", name))))
        self.content(body if body is not None else root, None)

    # -- flow ---------------------------------------------------------------------------
    def content(self, element: etree._Element, into: nodes.Element | None) -> None:
        """Append ``element``'s children to ``into`` (None: the current section): runs of
        inline content become paragraphs, block elements their own nodes."""
        paragraph = self._paragraph(element)
        if element.text:
            paragraph += nodes.Text(element.text)
        for child in element:
            if not isinstance(child.tag, str) or child.tag in _SKIPPED or _classes(child) & _SKIPPED_CLASSES:
                pass
            elif child.tag in _BLOCKS:
                self._flush(paragraph, into)
                self.block(child, into)
                paragraph = self._paragraph(child, tail=True)
            else:
                self.inline(child, paragraph)
            if child.tail:
                paragraph += nodes.Text(child.tail)
        self._flush(paragraph, into)

    def _paragraph(self, element: etree._Element, tail: bool = False) -> nodes.paragraph:
        paragraph = nodes.paragraph()
        paragraph.line = _line(element) if not tail else _end_line(element)
        return paragraph

    def _flush(self, paragraph: nodes.paragraph, into: nodes.Element | None) -> None:
        if paragraph.astext().strip():
            for node in _inline_list(paragraph):
                self._append(node, into)

    def _append(self, node: nodes.Node, into: nodes.Element | None) -> None:
        (into if into is not None else self.section).append(node)

    def block(self, element: etree._Element, into: nodes.Element | None) -> None:
        tag, classes = element.tag, _classes(element)
        if tag == "h1" and into is None and self.page is None:
            self.page = nodes.section()
            self.page += self._title(element)
            self.document.append(self.page)
            self.section = self.page
        elif tag in _HEADINGS and into is None and self.page is not None:
            self.section = nodes.section()
            self.section += self._title(element)
            self.page.append(self.section)
        elif tag in ("ul", "ol"):
            listing = nodes.bullet_list() if tag == "ul" else nodes.enumerated_list()
            for item in element:
                if isinstance(item.tag, str) and item.tag == "li":
                    list_item = nodes.list_item()
                    self.content(item, list_item)
                    listing += list_item
            if listing.children:
                self._append(listing, into)
        elif tag == "table":
            self._append(self.table(element), into)
        elif tag == "pre":
            self._append(_literal_block(element), into)
        elif classes & _ADMONITIONS.keys():
            admonition = _ADMONITIONS[sorted(classes & _ADMONITIONS.keys())[0]]()
            body = next((c for c in element if isinstance(c.tag, str) and "notebody" in _classes(c)), element)
            self.content(body, admonition)
            self._append(admonition, into)
        elif tag != "caption":
            self.content(element, into)

    def _title(self, element: etree._Element) -> nodes.title:
        title = nodes.title()
        self.inline_children(element, title)
        title.line = _line(element) + 1  # docutils puts a title on its underline; the reader takes one off
        return title

    # -- inline -------------------------------------------------------------------------
    def inline(self, element: etree._Element, into: nodes.Element) -> None:
        """Append one inline element (with its descendants, without its tail) to ``into``."""
        tag = element.tag
        if tag == "a" and element.get("name") and not element.get("href") and not element.text_content().strip():
            self._anchor(element.get("name"), into)
            return
        if tag == "a" and element.get("href"):
            target = _link_target(element.get("href"))
            if target:
                into += xref(element.text_content(), element.text_content(), reftarget=target, reftype="ref")
                return
        if tag == "br":
            into += nodes.Text(" ")
            return
        if tag in _LITERAL:
            into += nodes.literal(element.text_content(), element.text_content())
            return
        wrapper = nodes.strong() if tag in _STRONG else nodes.emphasis() if tag in _EMPHASIS else None
        if wrapper is not None and isinstance(into, type(wrapper)):
            wrapper = None  # <strong><strong>X</strong></strong> is one emphasis
        self.inline_children(element, wrapper if wrapper is not None else into)
        if wrapper is not None:
            into += wrapper

    def inline_children(self, element: etree._Element, into: nodes.Element) -> None:
        if element.text:
            into += nodes.Text(element.text)
        for child in element:
            if isinstance(child.tag, str) and child.tag not in _SKIPPED and not _classes(child) & _SKIPPED_CLASSES:
                self.inline(child, into)
            if child.tail:
                into += nodes.Text(child.tail)

    def _anchor(self, name: str, into: nodes.Element) -> None:
        """``<a name="X">``: the page's label before the title, else a name for the next table."""
        if self.page is None:
            # the same target ``.. _X:`` makes in RST, where the reader takes the label's spelling
            self.document.append(nodes.target(f".. _{name}:", "", names=[name.lower()]))
        else:
            self.names.append(name.lower())

    # -- tables -------------------------------------------------------------------------
    def table(self, element: etree._Element) -> nodes.table:
        """A docutils table: caption as title, header rows in thead, the id and the anchors
        just before it as names; rowspan cells repeated in the rows they span."""
        table = nodes.table()
        ids = [element.get("id").lower()] if element.get("id") else []
        table["names"] = list(dict.fromkeys([*self.names, *ids]))
        self.names = []
        caption = element.find("caption")
        if caption is not None:
            title = nodes.title()
            self.inline_children(caption, title)
            table += title
        rows = [tr for tr in element.iter("tr")]
        head_rows = [tr for tr in rows if tr.getparent().tag == "thead"]
        if not head_rows and rows and all(c.tag == "th" for c in _cells(rows[0])):
            head_rows = rows[:1]
        grid = self._grid(rows)
        tgroup = nodes.tgroup(cols=max((len(r) for r in grid), default=0))
        thead, tbody = nodes.thead(), nodes.tbody()
        for tr, cells in zip(rows, grid):
            row = nodes.row()
            row.extend(cells)
            (thead if tr in head_rows else tbody).append(row)
        tgroup.extend(n for n in (thead, tbody) if n.children)
        table += tgroup
        return table

    def _grid(self, rows: list[etree._Element]) -> list[list[nodes.entry]]:
        spanning: dict[int, tuple[int, nodes.entry]] = {}  # column → (rows left, entry)
        grid = []
        for tr in rows:
            entries: list[nodes.entry] = []
            cells = iter(_cells(tr))
            column = 0
            while True:
                if column in spanning:
                    left, entry = spanning[column]
                    entries.append(_moved(entry, _line(tr)))
                    spanning[column] = (left - 1, entry)
                    if left <= 1:
                        del spanning[column]
                    column += 1
                    continue
                cell = next(cells, None)
                if cell is None:
                    break
                entry = nodes.entry()
                self.content(cell, entry)
                entries.append(entry)
                span = _span(cell.get("rowspan"))
                if span > 1:
                    spanning[column] = (span - 1, entry)
                column += 1
                for _ in range(_span(cell.get("colspan")) - 1):
                    entries.append(nodes.entry())
                    column += 1
            grid.append(entries)
        return grid


_DASH = re.compile(r"(?:^|\s)-\s*$")


def _inline_list(paragraph: nodes.paragraph) -> list[nodes.Element]:
    """A paragraph that lists options inline (``Options: - <strong>0</strong>: a. -
    <strong>1</strong>: b.``) as its lead-in and a bullet list, as the RST pages write it."""
    children = list(paragraph.children)
    starts = [i + 1 for i, (child, following) in enumerate(zip(children, children[1:]))
              if isinstance(child, nodes.Text) and _DASH.search(child.astext())
              and isinstance(following, (nodes.strong, nodes.literal))]
    if len(starts) < 2:
        return [paragraph]

    def part(nodes_: list[nodes.Node]) -> nodes.paragraph:
        if nodes_ and isinstance(nodes_[-1], nodes.Text):
            nodes_[-1] = nodes.Text(_DASH.sub("", nodes_[-1].astext()).rstrip())
        result = nodes.paragraph("", "", *nodes_)
        result.line = paragraph.line
        return result

    lead = part(children[: starts[0]])
    listing = nodes.bullet_list()
    for start, end in zip(starts, starts[1:] + [len(children)]):
        listing += nodes.list_item("", part(children[start:end]))
    return [lead, listing] if lead.astext().strip() else [listing]


def _cells(tr: etree._Element) -> list[etree._Element]:
    return [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]


def _span(value: str | None) -> int:
    return min(int(value), 100) if value and value.strip().isdigit() else 1


def _moved(entry: nodes.entry, line: int) -> nodes.entry:
    """A copy of a rowspan cell for a later row, its paragraphs on that row's line."""
    moved = copy.deepcopy(entry)
    for paragraph in moved.findall(nodes.paragraph):
        paragraph.line = line
    return moved


def _literal_block(element: etree._Element) -> nodes.literal_block:
    text = element.text_content()
    leading = text[: len(text) - len(text.lstrip())]
    block = nodes.literal_block(text, text.strip("\n"))
    block.line = _line(element) + leading.count("\n")
    block["exact_line"] = True
    return block


def _link_target(href: str) -> str | None:
    """``#X`` and ``Page.html#X`` → ``x`` (a table or anchor); ``Page.html`` → ``page``
    (the page's label); links leaving the reference → None."""
    if "://" in href or href.startswith(("mailto:", "javascript:")):
        return None
    page, _, fragment = href.partition("#")
    if fragment:
        return fragment.lower()
    stem = PurePosixPath(page).stem
    return stem.lower() if page.endswith((".html", ".htm")) and stem else None


def _classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def _line(element: etree._Element) -> int:
    return element.sourceline or 1


def _end_line(element: etree._Element) -> int:
    """The line where ``element`` ends, where its tail starts."""
    last = element
    for last in element.iter():
        pass
    return _line(last) + (last.text or "").count("\n")
