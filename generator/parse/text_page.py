"""Plain text copied from a help-center page → the doctree the RST front-end builds → the
same :class:`Page`.

Copying a page keeps its words and loses its markup: a breadcrumb and an "Updated on" line
come first, section titles are lines of their own, every table cell is a paragraph after a
``Table N caption`` line, list items are indented ``•`` lines, code is plain lines. The reader
splits the text into blocks at blank lines and recovers the structure from the words:

- section titles from the section names of the API reference style (``URI``, ``Request
  Parameters``, ``Example Responses``, ``Status Codes``...);
- tables from a ``Table N caption`` line followed by header cells (the words the RST reader
  knows as column headers): their number is the column count, and a row starts where a name
  cell is followed by cells that read as what their columns hold (a type the type grammar
  knows, a Yes/No); the description cell takes every block up to the next row; ``Table N``
  mentioned in a cell is a ref to that table (the link it was on the web page);
- inline option lists (``Options: - 0: off - 1: on``) as lists;
- list items that open with a value (``-1: queuing``, ``CSV``) get that value in bold, as the
  help center shows it, so option lists read as in RST;
- JSON (from ``{`` or ``[`` to its balancing bracket) and, in example sections, request lines
  as literal blocks.

Nested objects need no links: ``SmartTaskConfig object`` names the table captioned
``SmartTaskConfig``, which the linker finds by caption.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docutils import nodes

from ..model.page import Page
from .page import guarded, page_from_doctree
from .rst import empty_doctree, xref
from .tables import classify_columns
from .types import parse_type

_BULLET = re.compile(r"^\s*[•▪◦●·\-*]\s+")
_BREADCRUMB = re.compile(r"\S\s*>\s*\S.*>\s*\S")
_UPDATED = re.compile(r"^(?:last\s+)?(?:updated|published|modified)(?:\s+on)?\s*:?\s+\d", re.I)
_SECTION = re.compile(
    r"^(?:functions?|description|api description|debugging|uri(?: format)?|url|constraints?|scenarios?|"
    r"prerequisites?|procedure|precautions|notes?|"
    r"(?:example|sample)s?(?: (?:requests?|responses?))?|(?:requests?|responses?) (?:examples?|samples?)|"
    r"(?:requests?|responses?)(?: (?:parameters?|body|bodies|headers?|messages?))?|"
    r"(?:http )?status codes?|error codes?|returned values?|return values?)$", re.I)
_CAPTION = re.compile(r"^Table\s+\d+[.:]?\s+\S")
_STATUS_MARK = re.compile(r"^(?:HTTP )?status codes?\s*[:：]\s*[1-5]\d\d\b", re.I)
_REQUEST_LINE = re.compile(r"^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(?:https?://|/)\S*")
_EXAMPLE_SECTION = re.compile(r"example|sample", re.I)
_MANDATORY = re.compile(r"^(?:yes|no|mandatory|optional|required|conditional(?:ly)?(?: mandatory| required)?)\b",
                        re.I)
_OPTION_VALUE = re.compile(r"^(?P<value>[^\s:：]+)(?P<rest>\s*[:：]\s.*|\s*[:：]$|\s+\(.*|)$")
_INLINE_ITEM = re.compile(r"\s+-\s+(?=[^\s:：]+[:：]\s)")
_TABLE_MENTION = re.compile(r"\b(Table \d+)\b")
_MAX_JSON_BLOCKS = 200


@dataclass(frozen=True)
class _Block:
    """Lines between blank lines: ``line`` is the first one's number (1-based)."""

    line: int
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.lines).split())

    @property
    def bullet(self) -> bool:
        return bool(_BULLET.match(self.lines[0]))

    @property
    def single(self) -> bool:
        return len(self.lines) == 1 and not self.bullet


@dataclass(frozen=True)
class _Unit:
    """One table cell as copied: a block and the list items that follow it."""

    head: _Block
    items: tuple[_Block, ...]


def parse_text_page(data: bytes, file: str) -> Page:
    """Read one plain-text page. Never raises: an unreadable page yields a page-unreadable
    diagnostic."""

    def read() -> Page:
        text = data.decode("utf-8-sig", errors="replace")
        lines = text.splitlines()
        return page_from_doctree(_Reader(file, _blocks(lines)).document(), file, lines)

    return guarded(file, read)


def _blocks(lines: list[str]) -> list[_Block]:
    """Runs of non-blank lines; a list item starts a block of its own."""
    blocks: list[_Block] = []
    start, run = 0, []
    for number, line in enumerate(lines + [""], 1):
        if not line.strip() or (run and _BULLET.match(line)):
            if run:
                blocks.append(_Block(start, tuple(run)))
            start, run = number, ([line] if line.strip() else [])
        else:
            if not run:
                start = number
            run.append(line)
    return blocks


class _Reader:
    def __init__(self, file: str, blocks: list[_Block]) -> None:
        self.file = file
        self.blocks = blocks
        self.pos = 0
        self.section: nodes.section | None = None
        self.in_examples = False

    def document(self) -> nodes.document:
        document = empty_doctree(self.file)
        while self.pos < len(self.blocks) and self._preamble(self.blocks[self.pos]):
            self.pos += 1
        if self.pos == len(self.blocks):
            return document
        title_block = self.blocks[self.pos]
        self.pos += 1
        page = nodes.section("", _title(title_block))
        document += page
        self.section = page
        while self.pos < len(self.blocks):
            block = self.blocks[self.pos]
            if _is_section_title(block) and not self._header_at(self.pos):
                self.section = nodes.section("", _title(block))
                self.in_examples = bool(_EXAMPLE_SECTION.search(block.text))
                page += self.section
                self.pos += 1
            elif self._caption_at(self.pos):
                self.pos += 1
                self.section += self._table(block)
            elif self._header_at(self.pos):
                self.section += self._table(None)
            else:
                self.section += self._flow()
        return document

    def _preamble(self, block: _Block) -> bool:
        """The breadcrumb (``Help Center> ModelArts> …``) and the "Updated on" line."""
        return bool(_BREADCRUMB.search(block.text) and ">" in block.lines[0]) or bool(_UPDATED.match(block.text))

    # -- prose and code -----------------------------------------------------------------
    def _flow(self) -> nodes.Node:
        block = self.blocks[self.pos]
        if block.lines[0].lstrip().startswith(("{", "[")):
            return self._code(self._json_end(self.pos))
        if self.in_examples and _REQUEST_LINE.match(block.lines[0].strip()):
            end = self.pos + 1
            if end < len(self.blocks) and self.blocks[end].lines[0].lstrip().startswith(("{", "[")):
                end = self._json_end(end)
            return self._code(end)
        if block.bullet:
            end = self.pos
            while end < len(self.blocks) and self.blocks[end].bullet:
                end += 1
            listing = _list(self.blocks[self.pos:end])
            self.pos = end
            return listing
        self.pos += 1
        return _paragraphs(block)

    def _json_end(self, start: int) -> int:
        """The block after the one that balances the brackets opened at ``start``."""
        depth, end = 0, start
        while end < len(self.blocks) and end - start < _MAX_JSON_BLOCKS:
            depth += _bracket_balance("\n".join(self.blocks[end].lines))
            end += 1
            if depth <= 0:
                break
        return end

    def _code(self, end: int) -> nodes.literal_block:
        blocks = self.blocks[self.pos:end]
        self.pos = end
        first = blocks[0].line
        lines = [""] * (blocks[-1].line + len(blocks[-1].lines) - first)
        for block in blocks:
            lines[block.line - first: block.line - first + len(block.lines)] = block.lines
        text = "\n".join(lines)
        literal = nodes.literal_block(text, text)
        literal.line = first
        literal["exact_line"] = True
        return literal

    # -- tables -------------------------------------------------------------------------
    def _header(self, start: int) -> list[str]:
        """The header cells from ``start``: capitalised single lines each naming a column role
        not yet seen (a first row's name cell, ``code`` or ``name``, is not capitalised)."""
        cells: list[str] = []
        seen: set[str] = set()
        for index in range(start, len(self.blocks)):
            block = self.blocks[index]
            capitalised = block.single and block.text[:1].isupper()
            role = next(iter(classify_columns([block.text])), None) if capitalised else None
            if role is None or role in seen:
                break
            seen.add(role)
            cells.append(block.text)
        return cells

    def _caption_at(self, index: int) -> bool:
        """A ``Table N caption`` line followed by header cells (not a lead-in such as ``Table 1
        describes the parameters.``)."""
        block = self.blocks[index]
        return block.single and bool(_CAPTION.match(block.text)) and len(classify_columns(self._header(index + 1))) >= 2

    def _header_at(self, start: int) -> bool:
        """Whether an uncaptioned parameter or status table starts at ``start``."""
        roles = classify_columns(self._header(start))
        return len(roles) >= 2 and ("status" in roles or ("name" in roles and ("type" in roles or "description" in roles)))

    def _table(self, caption: _Block | None) -> nodes.table:
        headers = self._header(self.pos)
        header_blocks = self.blocks[self.pos:self.pos + len(headers)]
        self.pos += len(headers)
        table = nodes.table()
        if caption is not None:
            title = nodes.title("", caption.text)
            title.line = caption.line
            table += title
        tgroup = nodes.tgroup(cols=len(headers))
        if headers:
            tgroup += nodes.thead("", nodes.row("", *(_entry([_Unit(b, ())]) for b in header_blocks)))
        units = self._units(headers)
        rows = _rows(units, headers)
        if rows:
            tgroup += nodes.tbody("", *(nodes.row("", *(_entry(cell) for cell in row)) for row in rows))
        table += tgroup
        return table

    def _units(self, headers: list[str]) -> list[_Unit]:
        """The table's cells up to the next caption, status marker or section title (a title's
        words where a row awaits its description, ``Error code``, are that description)."""
        units: list[_Unit] = []
        head = classify_columns(headers).get("description")
        roles = {index: role for role, index in classify_columns(headers).items()}
        while self.pos < len(self.blocks):
            block = self.blocks[self.pos]
            if self._caption_at(self.pos) or block.single and _STATUS_MARK.match(block.text):
                break
            if _is_section_title(block) and not (
                    head and len(units) >= head and _row_starts(units, len(units) - head, head, roles)):
                break
            self.pos += 1
            if block.bullet and units:
                units[-1] = _Unit(units[-1].head, units[-1].items + (block,))
            else:
                units.append(_Unit(block, ()))
        return units


def _is_section_title(block: _Block) -> bool:
    """A capitalised line naming a section (a field called ``description`` is no title)."""
    return block.single and block.text[:1].isupper() and bool(_SECTION.match(block.text))


def _rows(units: list[_Unit], headers: list[str]) -> list[list[list[_Unit]]]:
    """Cells (lists of units) per row. Columns before the description hold one unit each and
    are checked against their role; the description takes the units up to the next row."""
    width = len(headers)
    if not width:
        return [[[u]] for u in units]
    roles = classify_columns(headers)
    by_index = {index: role for role, index in roles.items()}
    description = roles.get("description")
    checked = description is not None and any(by_index.get(i) in ("type", "mandatory")
                                              for i in range(description))
    if not checked:
        return [[[u] for u in units[i:i + width]] for i in range(0, len(units), width)]
    head, tail = description, width - description - 1
    starts = [i for i in range(len(units) - head) if _row_starts(units, i, head, by_index)]
    rows: list[list[list[_Unit]]] = []
    kept = []
    for start in starts:  # a row holds at least its head cells and a description
        if not kept or start >= kept[-1] + head + 1:
            kept.append(start)
    for n, start in enumerate(kept):
        end = kept[n + 1] if n + 1 < len(kept) else len(units)
        body = units[start + head:end]
        described, after = (body[:len(body) - tail], body[len(body) - tail:]) if tail else (body, [])
        rows.append([[u] for u in units[start:start + head]] + [described] + [[u] for u in after])
    if kept and kept[0] > 0:  # cells before the first recognisable row: a row of their own
        rows.insert(0, [[u] for u in units[:kept[0]]])
    return rows


def _row_starts(units: list[_Unit], start: int, head: int, roles: dict[int, str]) -> bool:
    for offset in range(head):
        unit = units[start + offset]
        if unit.items or not unit.head.single:
            return False
        text = unit.head.text
        role = roles.get(offset)
        if role in ("name", "status") and (" " in text or len(text) > 100):
            return False
        if role == "type" and (len(text) > 80 or parse_type(text) is None):
            return False
        if role == "mandatory" and not _MANDATORY.match(text):
            return False
    return True


def _entry(units: list[_Unit]) -> nodes.entry:
    """A cell; its mentions of ``Table N`` are refs to that table, as links are in HTML."""
    entry = nodes.entry()
    for unit in units:
        entry += _paragraphs(unit.head) if not unit.head.bullet else [_list([unit.head])]
        if unit.items:
            entry += _list(list(unit.items))
    for text in list(entry.findall(nodes.Text)):
        parts = _TABLE_MENTION.split(text.astext())
        if len(parts) > 1:
            pieces = [nodes.Text(p) if i % 2 == 0 else xref(p, p, reftarget=f"#table {p.split()[1]}", reftype="ref")
                      for i, p in enumerate(parts) if p]
            text.parent.replace(text, pieces)
    return entry


def _paragraphs(block: _Block) -> list[nodes.Element]:
    """A paragraph; one that lists options inline (``Options: - 0: off - 1: on``) as its
    lead-in and a list, as the HTML and RST pages write it."""
    parts = _INLINE_ITEM.split(block.text)
    if len(parts) < 3 or not parts[0].rstrip().endswith((":", "：")):
        return [_paragraph(block)]
    items = [_Block(block.line, ("• " + part.strip(),)) for part in parts[1:]]
    return [_paragraph(_Block(block.line, (parts[0].rstrip(),))), _list(items)]


def _paragraph(block: _Block) -> nodes.paragraph:
    paragraph = nodes.paragraph("", block.text)
    paragraph.line = block.line
    return paragraph


def _list(blocks: list[_Block]) -> nodes.bullet_list:
    """List items; those that open with a value (``fast: …``, ``CSV (…)``) have it in bold.
    Where some items explain their value after a colon, a bare word (``running``) is no
    marked value: help centers mark values uniformly within a list, and a copy cannot tell."""
    texts = [_BULLET.sub("", block.text, count=1) for block in blocks]
    matches = [_OPTION_VALUE.match(text) for text in texts]
    explained = any(m and m.group("rest").lstrip().startswith((":", "：")) for m in matches)
    listing = nodes.bullet_list()
    for block, text, match in zip(blocks, texts, matches):
        paragraph = nodes.paragraph()
        paragraph.line = block.line
        if match and (match.group("rest") or not explained):
            paragraph += nodes.strong("", match.group("value"))
            paragraph += nodes.Text(match.group("rest"))
        else:
            paragraph += nodes.Text(text)
        listing += nodes.list_item("", paragraph)
    return listing


def _title(block: _Block) -> nodes.title:
    title = nodes.title("", block.text)
    title.line = block.line + 1  # docutils puts a title on its underline; the reader takes one off
    return title


def _bracket_balance(text: str) -> int:
    """Opened minus closed brackets outside JSON strings."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
    return depth
