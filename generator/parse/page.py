"""Parse one page into a :class:`~generator.model.page.Page`: a doctree visitor that collects
sections, tables, endpoint lines and example blocks. A pure function of the page's bytes."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from docutils import nodes

from ..model.diagnostics import ERROR, INFO, WARNING, Diagnostic
from ..model.page import Endpoint, Example, Page, Row, StatusCode, Table, XmlBody
from .examples import parse_example
from .facts import extract_facts, is_no_value, with_value_columns
from .request_syntax import read_syntax_block
from .rst import disabled, doctree, xref
from .shifted import shifted_cells
from .tables import classify_columns, location_hint, value_columns
from .text import block_markdown, plain, ref_targets, tokens_with_refs
from .types import parse_type, type_in_description

METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")
_ENDPOINT = re.compile(
    r"^(?:[-*•]\s*)?(?P<method>GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s*[:]?\s+"
    r"(?:https?://\s*\{?\s*\*?\s*[\w.*-]+\s*\*?\s*\}?(?::\d+)?)?(?P<path>/\S*)$"
)
_PATH_LINE = re.compile(r"^(?:URI|PATH|URL)\s*[:：]\s*(?:https?://\{?\*?[\w.*-]+\*?\}?)?(?P<path>/\S*)$", re.I)
_METHOD_LINE = re.compile(r"^(?:Method|HTTP method|Request method)\s*[:：]\s*(?P<method>[A-Z]+)$", re.I)
_STATUS_MARK = re.compile(r"^(?:HTTP )?status codes?\s*[:：]?\s*(?P<code>[1-5]\d\d)\b", re.I)
_BARE_STATUS = re.compile(r"^(?P<code>[1-5]\d\d)(?P<rest>(?:\s+\D.*)?)$")
_STATUS_SECTION = re.compile(r"status codes?|returned values?|return codes?|response codes?", re.I)
_LABEL = re.compile(r"^\.\.\s+_(?P<label>[^:]+):\s*$")
_EXAMPLE_TITLE = re.compile(r"example|sample", re.I)
_EXAMPLE_WORD = re.compile(r"\b(?:example|sample)s?\b", re.I)
_REQUEST_WORD = re.compile(r"\brequests?\b", re.I)
_RESPONSE_WORD = re.compile(r"\bresponses?\b", re.I)
_URI_WORD = re.compile(r"\b(?:uri|url|link)s?\b", re.I)
_FAILED = re.compile(r"\b(fail(?:ed|ure)?|error|abnormal|unsuccessful)\b", re.I)
_TEMPLATE = re.compile(r"\{[A-Za-z0-9_.-]+\}")
_TEMPLATE_LEFT = re.compile(r"[{}]")
_SYNTAX_SECTION = re.compile(r"\bsyntax\b|\brequests?\b|\bresponses?\b", re.I)
_OUTCOME_LEAD = re.compile(
    r"^(?:success(?:ful)?|normal|fail(?:ed|ure)?|error|abnormal|unsuccessful)\s+(?:response|example)s?\b", re.I)
_OR_LINE = re.compile(r"^or\s*[.:：]?$", re.I)
_TABLE_NUMBER = re.compile(r"^\s*Table\s+(\d+)[.:]?\s*", re.I)


def parse_page(data: bytes, file: str) -> Page:
    """Read one RST page. Never raises: an unreadable page yields a page-unreadable diagnostic."""

    def read() -> Page:
        text = data.decode("utf-8-sig")
        return page_from_doctree(doctree(text, file), file, text.splitlines())

    return guarded(file, read)


def page_from_doctree(document: nodes.document, file: str, lines: list[str]) -> Page:
    """The page a doctree describes: what every front-end (RST, HTML, plain text) ends in.

    ``lines`` is the page's text, where literal blocks without a known line are looked up;
    a front-end that knows a block's line marks it ``exact_line``."""
    visitor = _PageVisitor(document, file, lines)
    document.walkabout(visitor)
    return visitor.page()


def guarded(file: str, read: Callable[[], Page]) -> Page:
    """``read()``, or a page with one page-unreadable diagnostic when it raises."""
    try:
        return read()
    except RecursionError:
        return unreadable_page(file, "cannot parse page: its markup nests deeper than docbind reads")
    except Exception as exc:  # parsers raise many kinds; one bad page must not stop the run
        line = getattr(exc, "line", None) or _line_of(exc) or 1
        message = " ".join(str(exc).split()) or type(exc).__name__
        return unreadable_page(file, f"cannot parse page: {message}", line)


def unreadable_page(file: str, message: str, line: int = 1) -> Page:
    """The page of a file that could not be read or parsed: nothing but its error."""
    diag = Diagnostic(file, line, ERROR, "page-unreadable", message)
    return Page(file, None, (), None, "", "", (), (), (), (), (diag,))


def _line_of(exc: Exception) -> int | None:
    match = re.search(r"line (\d+)", str(exc))
    return int(match.group(1)) if match else None


class _PageVisitor(nodes.SparseNodeVisitor):
    """Walks the doctree once, in document order."""

    def __init__(self, document: nodes.document, file: str, lines: list[str]) -> None:
        super().__init__(document)
        self.file = file
        self.lines = lines
        self.last_line = 0
        self.label: str | None = None
        self.original_name: str | None = None
        self.title = ""
        self.title_line = 1
        self.description_parts: list[str] = []
        self.sections: list[str] = []
        self.status: str | None = None
        self.lead_in = ""
        self.lead_in_labels: tuple[str, ...] = ()
        self.example_hint: str | None = None
        self.alternative = False
        self.pending_method: tuple[int, str] | None = None
        self.pending_path: tuple[int, str] | None = None
        self.endpoints: list[Endpoint] = []
        self.tables: list[Table] = []
        self.status_codes: list[StatusCode] = []
        self.stated_codes: list[StatusCode] = []
        self.examples: list[Example] = []
        self.diagnostics: list[Diagnostic] = []
        self.labels: list[str] = []
        self.xml_bodies: list[XmlBody] = []

    def unknown_visit(self, node: nodes.Node) -> None:
        """Nodes docbind does not read (including its own xref) are walked through."""

    def unknown_departure(self, node: nodes.Node) -> None:
        """Nothing to do on leaving a node docbind does not read."""

    # -- result -------------------------------------------------------------------------
    def page(self) -> Page:
        endpoints = [e for e in self.endpoints if not _instance_of_template(e, self.endpoints)]
        examples = self._operation_examples(endpoints)
        return Page(
            file=self.file,
            label=self.label,
            labels=tuple(self.labels),
            original_name=self.original_name,
            title=self.title,
            description="\n\n".join(self.description_parts),
            endpoints=tuple(endpoints),
            tables=tuple(self.tables),
            status_codes=_with_stated(self.status_codes, self.stated_codes),
            examples=tuple(examples),
            diagnostics=tuple(self.diagnostics),
            title_line=self.title_line,
            xml_bodies=tuple(self.xml_bodies),
        )

    def _operation_examples(self, endpoints: list[Endpoint]) -> list[Example]:
        """The examples of the page's operation: an example written before its first request
        line (``Example of agency permissions`` in the opening text: a policy set up
        elsewhere) is none, left out with an ``example-before-operation`` note."""
        first = min((e.line for e in endpoints), default=0)
        for example in self.examples:
            if example.line < first:
                self.diagnostics.append(Diagnostic(
                    self.file, example.line, INFO, "example-before-operation",
                    f"example before the request line (line {first}) is no example of the operation; left out"))
        return [example for example in self.examples if example.line >= first]

    # -- structure ----------------------------------------------------------------------
    def visit_field_list(self, node: nodes.field_list) -> None:
        for field in node.findall(nodes.field):
            if plain(field[0]).lower() == "original_name":
                self.original_name = plain(field[1]) or None
        raise nodes.SkipNode

    def visit_target(self, node: nodes.target) -> None:
        match = _LABEL.match(node.rawsource or "")
        if match:
            label = match.group("label").strip()
            self.labels.append(label.lower())
            if self.label is None and not self.title:
                self.label = label

    def visit_section(self, node: nodes.section) -> None:
        title = plain(node[0]) if node.children and isinstance(node[0], nodes.title) else ""
        if not self.title:
            self.title = title
            self.title_line = max((node[0].line or 2) - 1, 1) if node.children else 1
        self.sections.append(title)
        self._reset_context()

    def depart_section(self, node: nodes.section) -> None:
        self.sections.pop()
        self._reset_context()

    def _reset_context(self) -> None:
        self.status = None
        self.lead_in = ""
        self.lead_in_labels = ()
        self.example_hint = None
        self.alternative = False

    @property
    def section(self) -> str:
        """The title of the innermost section below the page title."""
        return self.sections[-1] if len(self.sections) > 1 else ""

    @property
    def in_examples(self) -> bool:
        return any(_EXAMPLE_TITLE.search(s) for s in self.sections[1:]) or self.example_hint is not None

    def visit_system_message(self, node: nodes.system_message) -> None:
        if node["level"] >= 3:
            message = " ".join(node.astext().split(":", 2)[-1].split())[:300]
            self.diagnostics.append(Diagnostic(self.file, node.get("line") or 1, WARNING, "rst-error",
                                               f"markup error, content dropped: {message}"))
        raise nodes.SkipNode

    def visit_disabled(self, node: disabled) -> None:
        self.diagnostics.append(Diagnostic(
            self.file, node["line"] or 1, WARNING, "directive-disabled",
            f"'{node['directive']}' not read: docbind reads no other files and no raw markup; "
            "its content is not in the output"))
        raise nodes.SkipNode

    # -- content ------------------------------------------------------------------------
    def visit_title(self, node: nodes.title) -> None:
        raise nodes.SkipNode

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        text = plain(node)
        self.last_line = max(self.last_line, node.line or 0)
        if len(self.sections) == 2 and self.section.lower() in ("function", "functions", "description", "api description"):
            if isinstance(node.parent, nodes.section):
                self.description_parts.append(block_markdown(nodes.Element("", node.deepcopy())))
        elif len(self.sections) == 1 and not self.tables and not self.endpoints:
            if isinstance(node.parent, nodes.section):
                self.description_parts.append(block_markdown(nodes.Element("", node.deepcopy())))
        marker = _STATUS_MARK.match(text)
        if marker:
            self.status = marker.group("code")
            self.alternative = False
        if _OR_LINE.match(text):
            self.alternative = True
        self._stated_status(node, text, marker)
        hint = _example_lead(text)
        if hint is not None:
            self.example_hint = hint or _example_kind(self.sections[1:], "")
            if self.example_hint == "response":
                failed = _FAILED.search(text)
                self.status = "error" if failed else (self.status if self.status != "error" else None)
        elif self.in_examples and _OUTCOME_LEAD.match(text):  # "- Failed response" in an examples section
            self.status = "error" if _FAILED.search(text) else (self.status if self.status != "error" else None)
        if not self.in_examples:
            self._endpoint_line(node, text)
        self.lead_in = text
        self.lead_in_labels = tuple(name for name in node.get("names", ()))

    def _stated_status(self, node: nodes.Element, text: str, marker: re.Match[str] | None) -> None:
        """A status code the page states outside a status-code table: a ``Status code: 201``
        line (even with no table after it), or a bare code (``202``, ``204 No Content``) in a
        Status Code / Returned Value section, as under its ``Normal`` bullet."""
        bare = _BARE_STATUS.match(text) if _STATUS_SECTION.search(self.section) else None
        found = marker or bare
        if found:
            code = found.group("code")
            description = (bare.group("rest") if bare else "") or ""
            self.stated_codes.append(StatusCode(node.line or self.last_line, code, description.strip(" :-")))

    def _endpoint_line(self, node: nodes.Element, text: str) -> None:
        line = node.line or 0
        text = _joined_query(_tight_braces(text))
        match = _ENDPOINT.match(text)
        if match:
            self._endpoint(line, match.group("method"), _clean_path(match.group("path")))
            return
        for part in text.split("  ") if "  " in text else [text]:
            path_match = _PATH_LINE.match(part.strip())
            method_match = _METHOD_LINE.match(part.strip())
            if path_match:
                self.pending_path = (line, _clean_path(path_match.group("path")))
            if method_match and method_match.group("method").upper() in METHODS:
                self.pending_method = (line, method_match.group("method").upper())
        if self.pending_path and self.pending_method:
            (pline, path), (_, method) = self.pending_path, self.pending_method
            self._endpoint(pline, method, path)
            self.pending_path = self.pending_method = None

    def _endpoint(self, line: int, method: str, path: str) -> None:
        """An operation line, unless its path has a template no OpenAPI tool reads (a
        ``path-invalid`` warning)."""
        if _TEMPLATE_LEFT.search(_TEMPLATE.sub("", _path_part(path))):
            self.diagnostics.append(Diagnostic(
                self.file, line, WARNING, "path-invalid",
                f"{method} {path}: a path template is not a plain {{name}} (letters, digits, _ . -); "
                "no operation generated"))
            return
        self.endpoints.append(Endpoint(line, method, path))

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        text = node.astext()
        line = self._block_line(node)
        self.last_line = max(self.last_line, line + len(text.strip().splitlines()) - 1)
        first = _joined_query(_tight_braces(text.strip().splitlines()[0].strip())) if text.strip() else ""
        if not self.in_examples:
            if _SYNTAX_SECTION.search(self.section):
                endpoint, xml = read_syntax_block(text, line)
                self.endpoints += [endpoint] if endpoint else []
                self.xml_bodies += [xml] if xml else []
            match = _ENDPOINT.match(first)
            if match and len(text.strip().splitlines()) == 1:
                self._endpoint(line, match.group("method"), _clean_path(match.group("path")))
            raise nodes.SkipNode
        kind = self.example_hint or _example_kind(self.sections[1:], self.lead_in)
        _, sample = read_syntax_block(text, line)
        self.xml_bodies += [dataclasses.replace(sample, kind=sample.kind + "-sample")] if sample else []
        example, error = parse_example(text, line, kind, self.status, self.lead_in, self.file,
                                       self.alternative)
        if error:
            self.diagnostics.append(Diagnostic(
                self.file, line, WARNING, "example-invalid-json",
                f"{kind} example is not valid JSON ({error}); not used"))
        self.examples.append(example)
        raise nodes.SkipNode

    visit_doctest_block = visit_literal_block

    def _block_line(self, node: nodes.Element) -> int:
        """The line of a literal block's first non-blank line, found in the page text after
        the last line seen (docutils gives code blocks in list items no line)."""
        if node.get("exact_line") and node.line:
            return node.line
        first = next((line.strip() for line in node.astext().splitlines() if line.strip()), "")
        for index in range(self.last_line, len(self.lines)):
            if first and self.lines[index].strip() == first:
                return index + 1
        return self.last_line or 1

    def visit_table(self, node: nodes.table) -> None:
        table = self._table(node)
        self.last_line = max(self.last_line, table.end_line)
        if table.kind == "status":
            for row in table.rows:
                code = row.name.split()[0] if row.name else ""
                if re.fullmatch(r"[1-5]\d\d", code) or code.lower() == "default":
                    self.status_codes.append(StatusCode(row.line, code.lower(), row.description))
        self.tables.append(table)
        self.lead_in = ""
        self.lead_in_labels = ()
        raise nodes.SkipNode

    # -- tables -------------------------------------------------------------------------
    def _table(self, node: nodes.table) -> Table:
        caption = number = ""
        for title in node.findall(nodes.title):
            text = plain(title)
            found = _TABLE_NUMBER.match(text)
            number = found.group(1) if found else ""
            caption = text[found.end():] if found else text
            break
        labels = tuple(node.get("names", ())) + self.lead_in_labels
        head = next(iter(node.findall(nodes.thead)), None)
        body = next(iter(node.findall(nodes.tbody)), None)
        header_cells = [plain(e) for e in head.findall(nodes.entry)] if head is not None else []
        roles = classify_columns(header_cells)
        kind = "fields" if "name" in roles and ("description" in roles or "type" in roles) else "other"
        if "status" in roles:
            kind = "status"
        rows: list[Row] = []
        body_rows = list(body.findall(nodes.row)) if body is not None else []
        lines = [p.line for p in node.findall(nodes.paragraph) if p.line]
        first_line = min(lines) if lines else 0
        last_line = max(lines) if lines else first_line
        for row_node in body_rows:
            row = self._row(row_node, roles, first_line, header_cells)
            if kind == "fields" and row.type_text and row.type is None:
                self.diagnostics.append(Diagnostic(
                    self.file, row.line, WARNING, "type-unknown",
                    f"unknown type {row.type_text!r} of {row.name!r}; using a free-form schema"))
            rows.append(row)
        section = " / ".join(self.sections[1:])
        location = location_hint(caption, self.lead_in, self.sections[1:])
        return Table(
            line=first_line,
            end_line=last_line,
            kind=kind,
            number=number,
            caption=caption,
            labels=labels,
            columns=tuple(header_cells),
            rows=tuple(rows),
            section=section,
            location=location,
            status=self.status,
            lead_in=self.lead_in,
        )

    def _row(self, row: nodes.row, roles: dict[str, int], fallback_line: int, headers: list[str]) -> Row:
        entries = [e for e in row.children if isinstance(e, nodes.entry)]
        lines = [p.line for p in row.findall(nodes.paragraph) if p.line]
        line = min(lines) if lines else fallback_line

        def cell(role: str) -> nodes.entry | None:
            index = roles.get(role)
            return entries[index] if index is not None and index < len(entries) else None

        name_cell = cell("name") if "name" in roles else cell("status")
        name_text, name_refs = tokens_with_refs(name_cell) if name_cell is not None else ("", ())
        name = re.sub(r"@\d+", lambda m: _ref_title(name_cell, int(m.group(0)[1:])), name_text).strip()
        type_cell = cell("type")
        type_text, type_refs = tokens_with_refs(type_cell) if type_cell is not None else ("", ())
        desc_cell = cell("description")
        description = block_markdown(desc_cell) if desc_cell is not None else ""
        desc_refs = ref_targets(desc_cell) if desc_cell is not None else ()
        mandatory_cell = cell("mandatory")
        mandatory = plain(mandatory_cell) if mandatory_cell is not None else None
        facts = extract_facts(desc_cell, description) if desc_cell is not None else extract_facts(nodes.Element(), "")
        if type_cell is None:
            type_text = type_in_description(description)
        shifted = shifted_cells(type_text, mandatory, description)
        if shifted is not None:
            self.diagnostics.append(Diagnostic(
                self.file, line, WARNING, "row-shifted",
                f"the Type cell of {name!r} holds {type_text!r} and the type {shifted[0]!r} stands in the "
                f"{'Mandatory' if mandatory is not None else 'Description'} cell: read as shifted cells"))
            type_text, mandatory, description = shifted
            type_refs = ()
        columns = {role: entries[index] for role, index in value_columns(headers).items() if index < len(entries)}
        if columns:
            facts = with_value_columns(facts, columns.get("range"), columns.get("default"))
            description = "\n\n".join([description] + [
                f"{headers[entries.index(entry)]}: {block_markdown(entry)}" for entry in sorted(
                    columns.values(), key=entries.index) if not is_no_value(plain(entry))])
        return Row(
            line=line,
            name=name,
            type_text=type_text,
            type=parse_type(type_text, type_refs) if type_text else None,
            mandatory=mandatory,
            description=description,
            refs=tuple(name_refs) + tuple(type_refs) + tuple(desc_refs),
            facts=facts,
        )


def _with_stated(rows: list[StatusCode], stated: list[StatusCode]) -> tuple[StatusCode, ...]:
    """Every status-table row, plus each code a ``Status code: 200`` line or bare code states
    that no row has (once), in page order."""
    known = {row.code for row in rows}
    extra: dict[str, StatusCode] = {}
    for code in stated:
        if code.code not in known:
            extra.setdefault(code.code, code)
    return tuple(sorted([*rows, *extra.values()], key=lambda c: c.line))


def _ref_title(cell: nodes.Element | None, index: int) -> str:
    refs = list(cell.findall(xref)) if cell is not None else []
    return refs[index].astext() if index < len(refs) else ""


def _tight_braces(text: str) -> str:
    """``{?a, b}`` and ``{begin _time}`` as written → without the spaces inside the braces."""
    return re.sub(r"\{[^{}]*\}", lambda m: m.group(0).replace(" ", ""), text)


def _joined_query(text: str) -> str:
    """A request line whose query string is wrapped or spaced at its ``&`` separators
    (``GET /v2/shares?limit={limit}& name~={name}``) → without the spaces around them."""
    line, mark, query = text.partition("?")
    if not mark or not re.match(rf"^(?:[-*•]\s*)?(?:{'|'.join(METHODS)})\s", line):
        return text
    return line + mark + re.sub(r"\s*&\s*", "&", query)


def _instance_of_template(endpoint: Endpoint, endpoints: list[Endpoint]) -> bool:
    """A concrete URL (``/v1/0483b6/backups``) that fills in another line's path template (a
    template only in the query, ``/v2/images?owner={id}``, makes no other line an instance)."""
    if "{" in endpoint.path:
        return False
    parts = endpoint.path.split("?")[0].rstrip("/").split("/")
    for other in endpoints:
        template = other.path.split("?")[0].rstrip("/").split("/")
        if other is endpoint or other.method != endpoint.method or "{" not in _path_part(other.path):
            continue
        if len(template) == len(parts) and all("{" in t or t == p for t, p in zip(template, parts)):
            return True
    return False


def _clean_path(path: str) -> str:
    """Drop emphasis stars and trailing punctuation from a path as written; doubled braces
    (``{{tenant_id}``) are single."""
    path = path.replace("*", "").rstrip(".,;")
    return re.sub(r"\}+", "}", re.sub(r"\{+", "{", path))


def _path_part(path: str) -> str:
    """A path without its query string and ``{?a,b}`` expansions."""
    return re.sub(r"\{\?[^}]*\}", "", path).split("?")[0]




def _example_lead(text: str) -> str | None:
    """The kind of example a short lead-in announces ("Example request", "Successful sample
    response", "Example of a failed response", "The request example of Spark job:"): request,
    response or "" (a lead-in opening with "Example"/"Sample" and naming neither: the section
    decides); None when it is no lead-in ("Querying samples", or a URI example, read where it
    stands for the endpoint it may give)."""
    if len(text.split()) > 12 or not _EXAMPLE_WORD.search(text) or text.rstrip().endswith("."):
        return None
    if _URI_WORD.search(text) and not _RESPONSE_WORD.search(text):
        return None
    request, response = bool(_REQUEST_WORD.search(text)), bool(_RESPONSE_WORD.search(text))
    if not (request or response or _EXAMPLE_WORD.match(text.strip())):
        return None
    return "request" if request and not response else "response" if response and not request else ""


def _example_kind(sections: list[str], lead_in: str) -> str:
    text = " ".join(sections[-1:] + [lead_in]).lower()
    return "request" if "request" in text and "response" not in text else "response"

