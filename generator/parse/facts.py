"""Value facts stated in a description cell: enumerations, defaults, numeric ranges and
string lengths.

One reading for every way the pages write a value list: bullet items or paragraphs that
each open with a value (``- **a**: meaning``, ``**b**: meaning (default value)``, ``- SAS:
High I/O``, ``- a`` after an options lead-in), and inline prose lists ("The value can be
**a**, **b**, or **c**.", "Only **obs** and **evs** are supported.", "1, 2, 4, 8, 16, or 28").
Ranges come from "Value range: 1-64" / "ranges from A to B" / "Minimum: / Maximum:" phrases,
lengths from "N to M characters" / "a maximum of N characters" / "no more than N characters"
sentences and "Minimum length: / Maximum length:" labels. Anything the text states unclearly
(two different ranges or lengths, a list with words between its values, a default that is a
word meaning "no value") is left out: it stays in the description, never in the schema.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from docutils import nodes

from ..model.page import Facts
from .text import block_markdown, inline_markdown, plain

_OPTIONS_LEAD = re.compile(
    r"(options?|as follows|enums?|enumeration values?|enumerated values?|possible values?|valid values?|"
    r"value range|values?|can be(?: one of)?(?: the following)?|one of the following|include|following)"
    r"(?: are)?\s*[:：]\s*$",
    re.IGNORECASE,
)
_EXAMPLE_LEAD = re.compile(r"(?:\b(?:examples?|example values?|for example|e\.g\.|for instance)\s*[:：]\s*$)"
                           r"|\bin the format\b|\bthe format is\b", re.IGNORECASE)
_DEFAULT_MARK = re.compile(r"\(\s*default[^)]{0,20}\)|\bby default\b|\bis the default\b"
                           r"|^\s*[:：\-–]?\s*(?:the\s+)?default(?: value)?\s*\.?\s*(?:\0|$)", re.IGNORECASE)
_DEFAULT_PHRASE = re.compile(
    r"default(?: value)?(?: is|:| value:)(?: set to)?\s*(?:\*\*|`)(?P<v>[^*`]{1,60})(?:\*\*|`)"
    r"|default(?: value)?(?: is|:)(?: set to)?\s+(?:(?P<n>-?\d+(?:\.\d+)?)(?![\w.:/-])"
    r"|(?P<w>-?[\w.:/-]{1,40}?)(?=[.,;)]|\s*$|\s+\())",
    re.IGNORECASE,
)
#: Words that say a value is absent or left to the server: never a default.
NO_VALUE = frozenset({"n/a", "na", "none", "null", "nil", "blank", "left", "left blank", "empty",
                      "empty string", "as", "-", "--", "—", "unset", "not set", "no default", "not specified",
                      "void", "undefined", "''", '""'})
#: Words that follow "the default value is" without naming a value ("... is used").
_NOT_A_VALUE = frozenset({"used", "applied", "adopted", "retained", "kept", "returned", "generated", "displayed",
                          "specified", "determined", "configured", "inherited", "recommended", "provided",
                          "selected", "assigned", "ignored", "automatically", "the"})
_CASE = re.compile(r"\b(?:if|when|unless|for|in case|where)\b", re.IGNORECASE)
_ABSENT = re.compile(
    r"\b(?:if|when)\b[^.;]*?\b(?:(?:is|are)\s+not\s+(?:specified|set|configured|passed|provided|transferred|assigned|given|entered|"
    r"carried|included|selected)|(?:is|are)\s+left\s+(?:blank|empty)|(?:is|are)\s+omitted|(?:is|are)\s+(?:empty|unspecified)|"
    r"(?:does|do)\s+not\s+exist|no\s+value\s+is\s+(?:specified|set))|\bif\s+no\b", re.IGNORECASE)
#: The field itself as the subject of a sentence ("this parameter", "the field", "it").
_ITSELF = r"(?:(?:this|the)\s+(?:parameter|field|attribute|property|element|value)|it)"
_REQUIRED_IN_A_CASE = re.compile(
    r"\b(?:if|when)\b[^.;]*?,\s*" + _ITSELF + r"\s+(?:is|becomes)\s+(?:mandatory|required)\b"
    r"|\b" + _ITSELF + r"\s+is\s+(?:mandatory|required)\s+(?:only\s+)?(?:when|if|for)\b[^.;]*",
    re.IGNORECASE)
#: Sentences naming a case in which the field is left out: "This parameter is optional during
#: installation.", "... is not contained in the request when unbinding the EIP.", "... is
#: available only when **type** is set to **DLISQL**.", "... is needed by Spark Script and Hive
#: Script jobs only", "... cannot be set if the value of **ip_version** is **6**.", "If this
#: parameter is not specified, all trackers are queried."
_OPTIONAL_IN_A_CASE = re.compile(
    r"\b" + _ITSELF + r"\s+(?:is|becomes)\s+optional\b[^.;]*"
    r"|\b" + _ITSELF + r"\s+is\s+not\s+(?:required|mandatory|needed|contained|transferred|carried|included|passed|"
    r"returned|displayed)\b[^.;]*?\b(?:when|if|for|during|in)\b[^.;]*"
    r"|\b" + _ITSELF + r"\s+is\s+(?:available|valid|used|needed|required|mandatory|supported|applicable|effective|"
    r"configurable|displayed|returned)\s+only\s+(?:when|if|for|by|in|during)\b[^.;]*"
    r"|\b" + _ITSELF + r"\s+is\s+(?:needed|required|used)\s+(?:by|for|in)\b[^.;]*?\bonly\b[^.;]*"
    r"|\b" + _ITSELF + r"\s+(?:cannot|can\s*not|must\s+not)\s+be\s+(?:set|specified|configured|transferred|passed|used|"
    r"carried)\s+(?:if|when|for)\b[^.;]*"
    r"|\b(?:if|when)\s+(?:[^.;]*?\band\s+)?" + _ITSELF + r"\s+is\s+not\s+(?:specified|set|transferred|passed|provided|"
    r"configured|carried|included|given)\b[^.;]*",
    re.IGNORECASE)
#: A list item that opens with another name (``- **password_expires_at**: ... This parameter is
#: optional.``) speaks of that name, not of the field.
_NAMED_ITEM = re.compile(r"^\s*[-*]\s+(?:\*\*[^*\n]+\*\*|``?[^`\n]+``?)\s*[:：].*$", re.MULTILINE)
_CASE_ITEM = re.compile(r"^\s*-\s+\**([A-Za-z][\w.\-]*)\**\s*[:：]\s*(.+)$", re.MULTILINE)
_CASE_LIST = re.compile(r"\b(?:value|number of [\w ]{1,20}?)\s+(?:is|(?:can|must|may) be)\s+(?:only\s+)?(\**-?\d+\**(?:\s*,\s*\**-?\d+\**)*"
                        r"(?:,?\s+(?:or|and)\s+\**-?\d+\**)?)(?![\w.,]*\d)(?!\s*(?:to|-)\s*\d)", re.IGNORECASE)
_UNIT = re.compile(r"\**\s*(seconds?|minutes?|hours?|days?|weeks?|months?|years?|milliseconds?|ms|GB|MB|KB|TB|"
                   r"GiB|MiB|KiB|bytes?|Mbit/s|kbit/s|Gbit/s)(?![\w/])", re.IGNORECASE)
_NUM = r"(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![.,]?\d))"  # 2,147,483,647; 1.7E308
_RANGE = re.compile(
    r"(?:ranges?|range of values?|value range|ranging)\s*(?:is|:|：)?\s*(?:from\s+)?(?:\*\*|`)?" + _NUM
    + r"(?:\*\*|`)?\s*(?:to|-|~|–|and)\s*(?:\*\*|`)?" + _NUM + r"(?!\s*(?:characters|bytes|chars))",
    re.IGNORECASE,
)
_FROM_TO = re.compile(r"\bfrom\s+\**-?\d[\d,.]*\**\s*(?:to|-|~|–)\s*\**-?\d", re.IGNORECASE)
_RANGE_WORD = re.compile(r"\b(?:value range|ranges?|ranging)\b", re.IGNORECASE)
_UPPER_BOUND = re.compile(r"\b(?:up to|at most|a maximum of|no more than)\s+\**(\d[\d,]*)\**(?![\d,])"
                          r"(?!\s+(?:(?:unicode|ascii)\s+)?(?:characters|chars|bytes))", re.IGNORECASE)
_MAY_BE_EMPTY = re.compile(r"\b(?:can|may)\s+be\s+(?:left\s+)?(?:empty|blank)\b|\b(?:empty|blank)\s+or\b"
                           r"|\b(?:is|are)\s+(?:left\s+)?(?:empty|blank)\s+by\s+default\b", re.IGNORECASE)
#: A range stated in a way not read ("ranges from 1 Mbit/s to 1000 Mbit/s"): bounds stated
#: beside it ("The default minimum value is 5 Mbit/s") are unsure.
_UNREAD_RANGE = re.compile(r"\b(?:ranges?|ranging)\s+(?:is\s+)?(?:from\s+)?\**-?\d|\bdefault (?:minimum|maximum)\b",
                           re.IGNORECASE)
_MIN = re.compile(r"\bminimum(?: value)?\s*(?:is|:)\s*\**" + _NUM + r"\b(?!\s*characters)", re.IGNORECASE)
_MAX = re.compile(r"\bmaximum(?: value)?\s*(?:is|:)\s*\**" + _NUM + r"\b(?!\s*characters)", re.IGNORECASE)
_INT = r"\**(\d{1,3}(?:,\d{3})+|\d+)\**"
_CHARS = r"\s+(?:(?:unicode|ascii|english|printable|single-byte|utf-8)\s+)?(?:characters|chars)\b"
_LENGTH_BETWEEN = re.compile(_INT + r"\s*(?:to|-|~|–)\s*" + _INT + _CHARS, re.IGNORECASE)
_LENGTH_AT_MOST = re.compile(
    r"(?:maximum of|up to|no more than|not more than|at most|cannot exceed|can not exceed|not exceed|"
    r"less than or equal to|max\.?|maximum length(?: is)?(?: of)?|length cannot exceed)\s*" + _INT
    + r"(?:" + _CHARS + r"|\s+bytes\b)"  # no more bytes than N: no more characters either
    + r"|(?:maximum length|max characters|max\. length)\s*[:：]\s*" + _INT + r"(?![\d,])",
    re.IGNORECASE,
)
_LENGTH_AT_LEAST = re.compile(
    r"(?:minimum of|at least|no less than|not less than|minimum length(?: is)?(?: of)?)\s*" + _INT + _CHARS
    + r"|(?:minimum length|min characters|min\. length)\s*[:：]\s*" + _INT + r"(?![\d,])", re.IGNORECASE)
_LENGTH_EXACT = re.compile(r"(?:contains?|containing|consists? of|string of|must be|is)\s+(?:exactly\s+)?" + _INT
                           + _CHARS + r"(?=\s*(?:[.,;)]|$|consisting|in length|long))", re.IGNORECASE)
_CONDITION = re.compile(
    r"\b(?:if|when|unless)\b|\b(?:options|values?)\s+(?:for|with|under)\s+"
    r"(?!(?:this|the|that|each)\s+(?:parameter|field|attribute|property)\b)", re.IGNORECASE)
_VALUE_SEP = re.compile(r"^\s*(?:[:：]|-\s|–|\(|,|$)")
_UNSUPPORTED = re.compile(
    r"^\s*(?:not supported|unsupported|unavailable(?: value)?(?: now)?|not available)\s*\.?\s*$"
    r"|\bthis (?:\w+ )?(?:type|value|option)\b[^.]{0,40}?\bis not supported\b"
    r"|\bwhich is not supported\b|\bnot supported currently\b|\bis currently not supported\b"
    r"|\b(?:has|have) not been supported\b|\bnot (?:yet )?supported yet\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"(?<![A-WYZa-wyz])(?:xxx|XXX)|(?<!\$)\{[^}]*\}|<[^>]*>|\.\.\.|…")
_MERGED = re.compile(r"(?:\s+-|;)\s+(?=[A-Za-z0-9_][\w.\-/+]*\s*[:：]\s)")
_SPELLINGS = re.compile(r"-?\d+/[A-Za-z]+|[A-Za-z]+/-?\d+")
_TOKEN = re.compile(r"^[A-Za-z0-9_][\w.\-/+]*$")
_DESCRIBED = re.compile(r"[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)* (?:ID|IDs|UUID|name|names|address|URL)")
_SPAN = re.compile(r"(?:\d+(?:[.:]\d+)+(?:/\d+)?)\s*[-~–]\s*\d+(?:[.:]\d+)+(?:/\d+)?")
_NAMED_CHARACTER = re.compile(r"[A-Za-z][\w ]*?\s*\((?P<char>[^\w\s()]{1,3}|\\[ntr])\)")
_ESCAPES = {"\\n": "\n", "\\t": "\t", "\\r": "\r"}
_NOTED_VALUE = re.compile(r"(?P<value>\S.*?)\s*\((?P<note>default(?: value)?|recommended)\)", re.IGNORECASE)
_VALUES_ELSEWHERE = re.compile(r"\bfor (?:more )?details (?:about|on) (?:the )?(?:possible |available |valid |supported )?"
                               r"values?(?: range)?(?: of [\w ]{1,30})?,\s*see\b", re.IGNORECASE)
_SENTENCE_LABEL = re.compile(r"[A-Z][a-z]+(?: [a-z]+)+")
_JOINED = re.compile(
    r"\b(?:multiple|several)\b[^.;]{0,80}?\bseparated?\b"
    r"|\bseparate (?:them|each|every|multiple|the (?:values|items))\b"
    r"|\b(?:values|items|IDs|names)\b[^.;]{0,40}?\bseparated (?:by|with)\b", re.IGNORECASE)
_WHOLE = re.compile(r"[\w.\-:]+")
_PART = re.compile(r"[.\-_:]")
_MARKED_SPAN = re.compile(r"\*\*([^*]{3,80})\*\*|`([^`]{3,80})`")

# Inline lists: a lead, then values (bold, literal or numbers) joined by commas, "or", "and".
_VALUE = r"(?:\*\*[^*]{1,60}\*\*|`[^`]{1,60}`|-?\d+(?:\.\d+)?(?![\w-]|\.\d))"
_MARKED = r"(?:\*\*[^*]{1,60}\*\*|`[^`]{1,60}`)"
_NOTE = r"(?:\s*\(default(?: value)?\))?"
_LIST = _VALUE + _NOTE + r"(?:\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|/)\s*" + _VALUE + _NOTE + r")*"
_NOTED_DEFAULT = re.compile(r"(?:\*\*([^*]{1,60})\*\*|`([^`]{1,60})`)\s*\(default(?: value)?\)", re.IGNORECASE)
_INLINE_LEADS = (
    re.compile(r"(?:(?:the |its |this )?(?:value|values|parameter|field|option)s?|which|it)\s+(?:can|must|may) "
               r"(?:only )?be(?: set to| one of)?(?: either)?[:：]?\s+(?P<list>" + _LIST + r")"
               r"(?:\s+only)?\s*(?=[.;]|\s*$|\s+\(default|,\s*(?:and )?(?:the )?default)", re.IGNORECASE),
    re.compile(r"(?:^|[.;]\s+)(?:enumeration values?|enumerated values?|possible values|valid values|"
               r"options|values|value options|value range|range)(?: are| include)?\s*[:：]\s*(?P<list>" + _LIST
               + r")\s*(?=[.;]|\s*$|\n\n)", re.IGNORECASE),
    re.compile(r"\b(?:can|must|may) be [^.:;*`]{0,40}[:：][ \t]*(?P<list>" + _LIST + r")\s*(?=[.;]|\s*$)",
               re.IGNORECASE),
    re.compile(r",\s+which is\s+(?P<list>" + _MARKED + r")\s*(?=[.;]|\s*$)", re.IGNORECASE),
    re.compile(r"(?:^|[.;]\s+)only\s+(?P<list>" + _LIST + r")\s+(?:is|are)\s+(?:currently\s+)?"
               r"(?:supported|available|allowed|valid)\s*(?=[.;]|\s*$)", re.IGNORECASE),
)
_SPLIT = re.compile(_VALUE)
#: What every value of a list starts with.
_ANY_VALUE = re.compile(r"\*\*|`|\d")

# Facts stated apart from the prose: under a label, or in a Range / Default column.
_RANGE_LABELS = frozenset({"range", "value range", "values", "value", "enumerated values", "enumerated value",
                           "valid values", "allowed values"})
_DEFAULT_LABELS = frozenset({"default", "default value", "default values"})
_OTHER_LABELS = frozenset({"definition", "constraint", "constraints", "description", "remark", "remarks", "note",
                           "notes", "example", "examples", "example value", "example values", "unit", "format",
                           "option", "options"})
#: Labels that open a paragraph of the template (``**Range**: ...``); words that may be values
#: (``default``, ``value``) are left out.
_PARAGRAPH_LABELS = frozenset({"definition", "constraint", "constraints", "range", "value range", "default value",
                               "default values", "example", "examples", "remarks"})
_LABEL_LINE = re.compile(r"^\s*\*\*[^*\n]{1,30}\*\*\s*[:：]?\s*$", re.MULTILINE)
_BARE_TOKEN = r"(?:\*\*[^*]{1,60}\*\*|``?[^`]{1,60}``?|[A-Za-z0-9_][\w.\-/+]*)"
_BARE_LIST = re.compile(_BARE_TOKEN + r"(?:\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+)" + _BARE_TOKEN + r")+\.?$")
_JOINERS = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+")
_BARE_RANGE = re.compile(r"^\**" + _NUM + r"\**\s*(?:to|-|~|–)\s*\**" + _NUM + r"\**\s*\.?$")
_BARE_VALUE = re.compile(r"^(?:\*\*([^*]{1,60})\*\*|``?([^`]{1,60})``?|(-?[A-Za-z0-9_][\w.\-/+:]*))\s*\.?$")


def extract_facts(cell: nodes.Element, markdown: str) -> Facts:
    """Facts from a description cell (its doctree for lists, its Markdown for phrases)."""
    enum, marked_default = _listed_values(cell)
    if not enum:
        enum = _inline_values(markdown)
    elif set(_inline_values(_before_items(markdown)) or enum) != set(enum):
        enum = ()  # "The value can be **instance** or **ram**." over "- **instances**: ..."
    cases = case_values(markdown)
    noted = [m.group("value") for m in map(_NOTED_VALUE.fullmatch, enum)
             if m is not None and m.group("note").lower().startswith("default")]
    enum = tuple(dict.fromkeys(written_value(value) for value in enum))
    if marked_default is not None:
        marked_default = written_value(marked_default)
    elif len(noted) == 1:  # "**AND (default value)**"
        marked_default = noted[0]
    if (not closed_values(enum) or any(placeholder(value) for value in enum)
            or len(set(enum) & set(cases)) > 1  # items name cases, not values
            or joins_several(markdown) or parts_of_a_value(markdown, enum) or _VALUES_ELSEWHERE.search(markdown)
            or any(_SENTENCE_LABEL.fullmatch(value) for value in enum)):  # "Log only": a console label
        enum = ()  # "For details about possible values, see ...": the values listed here are some of them
    if enum and _MAY_BE_EMPTY.search(markdown):  # "left blank by default. The value can be: auto"
        enum = (*enum, "")
    default = marked_default if marked_default is not None else _default(markdown)
    binding = without_hedged_sentences(markdown)
    minimum, maximum = _range(_LABEL_LINE.sub("", binding))
    if len(set(cases.values())) > 1:  # "- mongos: 2 to 32" / "- config: 1": per case, not the field's
        minimum = maximum = None
    if minimum is not None and minimum == maximum:  # "Minimum: 13 / Maximum: 13" of a timestamp: its digits
        minimum = maximum = None
    min_length, max_length = _lengths(binding)
    found = Facts(enum=enum, default=default, minimum=minimum, maximum=maximum,
                  min_length=min_length, max_length=max_length)
    sections = labelled_sections(cell)
    return stated_apart(found, sections.get("range", ""), sections.get("default", ""))


def labelled_sections(cell: nodes.Element) -> dict[str, str]:
    """The text under each label paragraph of a cell written as labelled sections
    (``**Definition**`` / ``**Range**`` / ``**Default Value**``, each alone on its line),
    keyed ``range`` or ``default``: its first paragraph, unless a later one names a case."""
    children = [c for c in cell.children if not isinstance(c, (nodes.system_message, nodes.target))]
    found: dict[str, str] = {}
    for index, child in enumerate(children[:-1]):
        label = section_label(child)
        after = children[index + 1]
        rest = itertools.takewhile(lambda n: section_label(n) is None, children[index + 2:])
        if label and isinstance(after, nodes.paragraph) and section_label(after) is None and not any(
                _CONDITION.search(plain(n)) for n in rest):
            found.setdefault(label, " ".join(inline_markdown(after).split()))
    return found


def section_label(node: nodes.Node) -> str | None:
    """``range`` or ``default`` for a paragraph that is only such a label (``**Range**``,
    ``**Value range**:``, ``**Default Value**``), ``other`` for another label (``**Definition**``,
    ``**Constraints**``), else None (``**v3**`` alone is a value)."""
    if not isinstance(node, nodes.paragraph) or not node.children or not isinstance(node.children[0], nodes.strong):
        return None
    if "".join(c.astext() for c in node.children[1:]).strip() not in ("", ":", "："):
        return None
    return label_kind(node.children[0].astext())


def label_kind(text: str) -> str | None:
    """``range``, ``default`` or ``other`` for the words of a template label (``Value range:``,
    ``Default Value``, ``Constraints``), else None."""
    words = " ".join(text.lower().strip(" :：").split())
    if words in _RANGE_LABELS:
        return "range"
    if words in _DEFAULT_LABELS:
        return "default"
    return "other" if words in _OTHER_LABELS else None


def label_word(text: str) -> bool:
    """Whether a bold word opening a paragraph is a section label (``**Range**: AZs in the
    region``, ``**Default value**: N/A``), not a value (in a bullet after an options lead-in,
    ``- **Default**: default format`` is one)."""
    return " ".join(text.lower().strip(" :：").split()) in _PARAGRAPH_LABELS


def stated_apart(facts: Facts, range_text: str, default_text: str) -> Facts:
    """The facts with those stated apart from the prose: in a Range / Default section of the
    cell or a table's own ``Value Range`` / ``Default Value`` column. A bare list
    (``**ACTIVE**, **BUILD**``, ``32 or 64``), range (``0 to 100``) or value (``false``) there is
    a fact; one disagreeing with the prose leaves both out."""
    enum = facts.enum or bare_values(range_text)
    low, high = bare_range(range_text)
    minimum = _agreed(facts.minimum, low)
    maximum = _agreed(facts.maximum, high)
    default = _agreed(facts.default, bare_default(default_text))
    return dataclasses.replace(facts, enum=enum, default=default, minimum=minimum, maximum=maximum)


def with_value_columns(facts: Facts, range_cell: nodes.Element | None, default_cell: nodes.Element | None) -> Facts:
    """The facts of a row whose table states values in columns of their own (``Attribute |
    Type | Default Value | Constraint | Remarks``): the Range / Constraint cell is read like a
    description (``The value can contain 0 to 64 characters.``) and as a bare statement
    (``4 or 6``); the Default cell as a bare value (``N/A`` and ``None`` are none)."""
    if range_cell is not None:
        markdown = block_markdown(range_cell)
        column = extract_facts(range_cell, markdown)
        facts = Facts(enum=facts.enum or column.enum, default=_agreed(facts.default, column.default),
                      minimum=_agreed(facts.minimum, column.minimum), maximum=_agreed(facts.maximum, column.maximum),
                      min_length=_agreed(facts.min_length, column.min_length),
                      max_length=_agreed(facts.max_length, column.max_length))
    default_text = " ".join(inline_markdown(default_cell).split()) if default_cell is not None else ""
    range_text = " ".join(inline_markdown(range_cell).split()) if range_cell is not None else ""
    return stated_apart(facts, range_text, default_text)


def _agreed(stated: str | None, apart: str | None) -> str | None:
    if stated is None or apart is None:
        return stated if apart is None else apart
    return stated if stated == apart else None


def bare_values(text: str) -> tuple[str, ...]:
    """A text that is only a list of two or more values: ``**a**, **b**, or **c**``,
    ``32 or 64``, ``Linux or Windows``."""
    match = _BARE_LIST.match(text.strip())
    if not match:
        return ()
    values = [v.strip("*`").strip() for v in _JOINERS.split(text.strip().rstrip("."))]
    values = [v for v in values if v]
    return tuple(dict.fromkeys(values)) if len(values) > 1 and not any(map(placeholder, values)) else ()


def bare_range(text: str) -> tuple[str | None, str | None]:
    """A text that is only a numeric range: ``0 to 100``, ``1-64``, ``**1** to **1,024**``."""
    match = _BARE_RANGE.match(text.strip())
    return (_digits(match.group(1)), _digits(match.group(2))) if match else (None, None)


def bare_default(text: str) -> str | None:
    """A text that is only one value (``false``, ``**v3**``, ``20``); never a word meaning
    "no value" (``N/A``, ``None``)."""
    match = _BARE_VALUE.match(text.strip())
    if not match:
        return None
    value = (match.group(1) or match.group(2) or match.group(3)).strip()
    return None if is_no_value(value) or placeholder(value) else value


def required_cases(description: str) -> frozenset[str]:
    """The cases in which a description makes its field required, as written ("If the
    uploaded file is in ISO format, this parameter is mandatory.", "This parameter is mandatory
    when you use a cloud server to create a system disk image.", "This parameter is mandatory
    for Apache Kafka links.")."""
    return _cases(_REQUIRED_IN_A_CASE, description)


def optional_cases(description: str) -> frozenset[str]:
    """The cases in which a description leaves its field out, as written ("This parameter is
    not contained in the request when unbinding the EIP.", "This parameter is available only
    when **type** is set to **DLISQL**.", "If this parameter is not transferred, the default
    backup time window is used.")."""
    return _cases(_OPTIONAL_IN_A_CASE, description)


def _cases(pattern: re.Pattern, description: str) -> frozenset[str]:
    text = _NAMED_ITEM.sub("", description)
    return frozenset(" ".join(m.group(0).lower().replace("*", "").split()) for m in pattern.finditer(text))


def required_always(mandatory: str | None, description: str) -> bool:
    """Whether a row's field is required in every call: its Mandatory cell says yes and
    names no case ("Yes if Tag is present", "Yes (If the volume is created from a snapshot,
    this parameter is optional.)"), and its description names no case in which the field is
    required or left out (see ``required_cases`` and ``optional_cases``); a field required in
    a case is optional, the case staying in its description."""
    cell = (mandatory or "").strip().lower()
    if not cell.startswith("yes") or cell[3:].strip(" .:;-–()"):
        return False
    return not required_cases(description) and not optional_cases(description)


def case_values(description: str) -> dict[str, tuple[tuple[str, ...], str | None, str | None]]:
    """The values a description allows per case, from items that name a case and state its
    values (``- shard: The value ranges from 2 to 32.``, ``- replica: The value can be 1 or 3
    (both create 3 nodes).``): case → (listed numbers, minimum, maximum); items stating
    neither are left out."""
    found: dict[str, tuple[tuple[str, ...], str | None, str | None]] = {}
    for match in _CASE_ITEM.finditer(description):
        text = match.group(2)
        listed = _CASE_LIST.search(text)
        values = tuple(re.findall(r"-?\d+", listed.group(1))) if listed else ()
        low, high = _range(text)
        if values or low is not None or high is not None:
            found.setdefault(match.group(1), (values, low, high))
    return found


def placeholder(value: str) -> bool:
    """Whether a listed value is a pattern with a part to fill in (``compute:xxx``, ``{az}``,
    ``<name>``), a phrase saying what to fill in (``Endpoint Service ID``, ``Instance name``),
    a span of addresses (``172.16.0.0/12-172.16.0.0/24``) or two spellings of one value (``0/false``, ``1/true``): the list is open or unsure, no
    enumeration."""
    return bool(_PLACEHOLDER.search(value) or _SPELLINGS.fullmatch(value) or _DESCRIBED.fullmatch(value)
                or _SPAN.fullmatch(value))


def written_value(value: str) -> str:
    """The value an option item writes: a name with the character it stands for in
    parentheses is that character (``Comma (,)`` → ``,``; ``Newline (\\n)`` → a newline); a
    value with a note in parentheses is the value (``AND (default value)`` → ``AND``); any
    other item as written."""
    named = _NAMED_CHARACTER.fullmatch(value)
    if named:
        return _ESCAPES.get(named.group("char"), named.group("char"))
    noted = _NOTED_VALUE.fullmatch(value)
    return noted.group("value") if noted else value


def joins_several(markdown: str) -> bool:
    """Whether a description says the value joins several items with a delimiter ("You can
    provide multiple items and separate them with semicolons (;)", "Use commas (,) to separate
    multiple EIP IDs", "Multiple parameters are separated by space"): a listed value is one
    item, so the list is no closed set of the whole value."""
    return bool(_JOINED.search(markdown))


def parts_of_a_value(markdown: str, values: tuple[str, ...]) -> bool:
    """Whether every listed value is a part of one value the description writes out ("Use
    **rds.mysql.n1.xlarge.4.rr** as an example." over ``- **rds**: … - **n1.xlarge**: …``):
    the items explain the parts of a value, they are no values of their own."""
    if len(values) < 2 or not all(re.search(r"[A-Za-z]", v) for v in values):
        return False
    wholes = {a or b for a, b in _MARKED_SPAN.findall(markdown)} - set(values)
    return any(all(_runs_of(_PART.split(v), _PART.split(whole)) for v in values)
               for whole in wholes if _WHOLE.fullmatch(whole))


def _runs_of(part: list[str], whole: list[str]) -> bool:
    return any(whole[i:i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def is_no_value(text: str) -> bool:
    """Whether a would-be default is a word meaning "no value" (N/A, None, null, blank, empty)."""
    return text.strip().strip("'\"").strip().lower() in NO_VALUE or not text.strip().strip("'\"")


def _default(markdown: str) -> str | None:
    matches = list(_DEFAULT_PHRASE.finditer(markdown))
    if any(conditional_default(markdown, m) or unit_not_stated(markdown, m) for m in matches):
        return None
    stated = {(m.group("v") or m.group("n") or m.group("w") or "").strip() for m in matches}
    if not stated:
        noted = {m.group(1) or m.group(2) for m in _NOTED_DEFAULT.finditer(markdown)}
        return next(iter(noted)).strip() if len(noted) == 1 else None
    if len(stated) > 1:
        return None
    value = next(iter(stated))
    return None if is_no_value(value) or value.lower() in _NOT_A_VALUE else value


def conditional_default(markdown: str, match: re.Match) -> bool:
    """Whether a default holds only in a case its sentence names ("The default value is 5 GB
    for EVS", "If **action** is **filter**, the default value is **1,000**", "... is **1000**
    when **action** is set to **filter**"); "If this parameter is not specified, the default
    value is **0**" names no case: it is what a default means."""
    start = max(markdown.rfind(mark, 0, match.start()) for mark in (". ", "; ", "\n", "- "))
    before = markdown[start + 1:match.start()]
    after = markdown[match.end():]
    after = re.split(r"(?<=[.;])\s|\n", after, maxsplit=1)[0]
    if _CASE.search(before) and not _ABSENT.search(before):
        return True
    return bool(re.match(r"^\**\s*(?:[\w/%]+\s+)?(?:for|when|if|unless|in case|on)\b", after, re.IGNORECASE))


def unit_not_stated(markdown: str, match: re.Match) -> bool:
    """Whether a number default carries a unit ("15 minutes") the field is not stated in
    ("Validity period (in seconds) ... The default value is 15 minutes."): the number is then
    not the field's value. "Timeout, in minutes. The default value is 15 minutes." is."""
    unit = _UNIT.match(markdown, match.end())
    if not (match.group("v") or match.group("n") or "").strip().replace(".", "").isdigit() or not unit:
        return False
    stem = re.escape(unit.group(1).rstrip("s").lower())
    stated = re.compile(rf"\bin (?:the unit of )?{stem}s?\b|\(\s*{stem}s?\s*\)|\bunit\s*(?:is|:)\s*{stem}",
                        re.IGNORECASE)
    return not stated.search(markdown)


_HEDGE = re.compile(r"\b(?:generally|usually|typically|normally|in most cases|in general)\b", re.IGNORECASE)


def without_hedged_sentences(markdown: str) -> str:
    """The text without the sentences that say what is usual, not what is allowed
    ("Generally, a project ID contains 32 characters."): no range or length is read there."""
    return "".join(part for part in re.split(r"(?<=[.;])(\s+)", markdown) if not _HEDGE.search(part))


def _range(markdown: str) -> tuple[str | None, str | None]:
    """The one numeric range the text states; none when it states another bound beside it
    (a second range, "from 0 to 255" for another case, "up to 2562 days", "the value range is
    shown in ...")."""
    matches = list(_RANGE.finditer(markdown))
    ranges = {(_digits(m.group(1)), _digits(m.group(2))) for m in matches}
    if len(ranges) > 1:
        return None, None
    if ranges:
        low, high = next(iter(ranges))
        spans = len(_FROM_TO.findall(markdown)) > sum(1 for m in matches if _FROM_TO.search(m.group(0)))
        mentions = len(_RANGE_WORD.findall(markdown)) > len(matches)
        others = {_digits(n) for n in _UPPER_BOUND.findall(markdown)} - {high}
        return (None, None) if spans or mentions or others else (low, high)
    low, high = _MIN.search(markdown), _MAX.search(markdown)
    if _UNREAD_RANGE.search(markdown):  # labels ("Minimum value: **1**") stay firm, prose does not
        low, high = (m if m and ":" in m.group(0) else None for m in (low, high))
    return _digits(low.group(1)) if low else None, _digits(high.group(1)) if high else None


def _lengths(markdown: str) -> tuple[str | None, str | None]:
    """The string length the text states: none when it gives two different "N to M" lengths
    (of different things); else each bound where every statement of it agrees ("1 to 64
    characters" and "Minimum length: 0, Maximum length: 64" give only the maximum 64);
    "contains N characters" alone is an exact length."""
    lower = markdown.lower()
    if "char" not in lower and "byte" not in lower and "length" not in lower:  # each statement names one
        return None, None
    between = list(_LENGTH_BETWEEN.finditer(markdown))

    def inside(match: re.Match) -> bool:
        return any(match.start() >= m.start() and match.end() <= m.end() for m in between)

    if len({(_digits(m.group(1)), _digits(m.group(2))) for m in between}) > 1:
        return None, None
    lows = {m.group(1) for m in between} | {m.group(1) or m.group(2) for m in _LENGTH_AT_LEAST.finditer(markdown)}
    highs = {m.group(2) for m in between} | {m.group(1) or m.group(2) for m in _LENGTH_AT_MOST.finditer(markdown)
                                             if not inside(m)}
    bounds = [m.span() for m in (*_LENGTH_AT_MOST.finditer(markdown), *_LENGTH_AT_LEAST.finditer(markdown))]
    exact = {m.group(1) for m in _LENGTH_EXACT.finditer(markdown)  # not "the maximum length is 256 characters"
             if not inside(m) and not any(start < m.end() and m.start() < end for start, end in bounds)}
    lows, highs = lows | exact, highs | exact
    low = _digits(next(iter(lows))) if len({_digits(v) for v in lows}) == 1 else None
    high = _digits(next(iter(highs))) if len({_digits(v) for v in highs}) == 1 else None
    if _MAY_BE_EMPTY.search(markdown):
        low = None
    if low is not None and high is not None and int(low) > int(high):
        return None, None
    return low, high


def _digits(number: str | None) -> str | None:
    """``1,024`` → ``1024``."""
    return number.replace(",", "") if number is not None else None


def _before_items(markdown: str) -> str:
    """The text before a description's first list item (its lead, not the items' own prose)."""
    return re.split(r"^\s*[-*]\s", markdown, maxsplit=1, flags=re.MULTILINE)[0]


def _inline_values(markdown: str) -> tuple[str, ...]:
    """The values of an inline list sentence, when the text has exactly one such list."""
    if not _ANY_VALUE.search(markdown):
        return ()
    lists = {m.group("list") for lead in _INLINE_LEADS for m in lead.finditer(markdown)
             if not _OF_A_PART.search(_sentence_before(markdown, m.start("list")))}
    if len(lists) != 1:
        return ()
    values = [part for v in _SPLIT.findall(next(iter(lists))) for part in marked_list(v.strip("*`").strip())]
    return tuple(dict.fromkeys(v for v in values if v))


def marked_list(value: str) -> list[str]:
    """The values of one marked-up span that is itself a list (``**5.0, 4.4, 4.2 or 4.0**``),
    each a single token; otherwise the span as one value (``**Linux server**``)."""
    parts = _JOINERS.split(value)
    if len(parts) > 1 and all(_TOKEN.match(part) for part in parts):
        return parts
    return [value]


_OF_A_PART = re.compile(r"\bvalues? of (?:\*\*|`)", re.IGNORECASE)


def _sentence_before(markdown: str, end: int) -> str:
    """The sentence that a list at ``end`` closes ("The values of **mm** and **MM** must be
    set to any of the following:": values of a part of the value, not of the field)."""
    return re.split(r"(?<=[.;])\s+|\n\s*[-*]\s+", markdown[:end])[-1]


def _listed_values(cell: nodes.Element) -> tuple[tuple[str, ...], str | None]:
    """Values of the first run of items (bullets, paragraphs or lines) that each open with a
    value.

    After an options lead-in a value may be bare (``- a``); without one, every item must read
    ``value: meaning`` and there must be two or more.
    """
    children = [c for c in cell.children if not isinstance(c, (nodes.system_message, nodes.target))]
    for start, lead in enumerate(children):
        last = plain(lead).splitlines()[-1] if isinstance(lead, nodes.paragraph) and plain(lead) else ""
        led = ((bool(_OPTIONS_LEAD.search(last)) or label_kind(last) == "range") and not _EXAMPLE_LEAD.search(last)
               or section_label(lead) == "range")
        entries = _entries(children, start + 1 if led else start, led)
        if not entries:
            continue
        at = start + 1 if led else start
        listed = children[at] if at < len(children) else None
        if _nested(listed):
            return (), None  # "- **Ready**:" over "- **True**: …": the items name cases of nested lists
        if led and (applies_under_condition(plain(lead)) or _mixed(listed)):
            return (), None
        single_ok = isinstance(children[start], nodes.bullet_list) and _marked(children[start])
        if any(value is None for value, _ in entries) or (not led and len(entries) < 2 and not single_ok):
            if led:
                return (), None
            continue
        values = [value for value, rest in entries if value is not None and not _unsupported(rest)]
        if not led and not _marked(children[start]) and not _named_before(children, start, values):
            continue
        if not led and _EXAMPLE_LEAD.search(_text_before(children, start)):
            continue
        if names_members(_text_before(children, start) if not led else plain(lead), values):
            return (), None
        defaults = [value for value, rest in entries if value is not None and _DEFAULT_MARK.search(rest)]
        return tuple(dict.fromkeys(values)), defaults[0] if len(defaults) == 1 else None
    return (), None


_MEMBERS = re.compile(r"\b(?:fields|parameters|attributes|properties|members|keys)\b\s*(?:[.:：]|are as follows[.:：]?)?\s*$",
                      re.IGNORECASE)


def names_members(lead: str, values: list[str]) -> bool:
    """Whether the sentence before a list says its items are fields ("Origin server
    information, including the **client_protocol**, **server_protocol** and **port** fields.",
    "It contains the following parameters:"): the list explains an object's members, it lists
    no values. A sentence that ends on "parameters" but names none of the items ("You are
    advised to use the multi-disk parameters.") introduces nothing."""
    sentence = _last_sentence(lead)
    if not _MEMBERS.search(sentence):
        return False
    return sentence.rstrip().endswith((":", "：")) or _names_any(sentence, values)


_OPEN_PATTERN = re.compile(r"x{3,}|\*|(?<!\$)\{[^}]*\}|<[^>]*>|\.\.\.", re.IGNORECASE)


def closed_values(values: tuple[str, ...]) -> bool:
    """Whether a value list names values, not patterns or absence: none holds a placeholder
    (``compute:xxx``, ``{id}``, ``*``) and not all are words meaning "no value" ("The value
    can be **null**")."""
    if not values:
        return True
    return (not any(_OPEN_PATTERN.search(v) for v in values)
            and not all(is_no_value(v) for v in values))


def applies_under_condition(lead: str) -> bool:
    """An options lead-in that limits them to a case ("The options for dedicated resource
    pools with GPU specifications are", "If type is X, the value can be"): not a closed list.
    Only the sentence that introduces the list counts."""
    sentence = _last_sentence(lead)
    return bool(_CONDITION.search(sentence))


def _last_sentence(text: str) -> str:
    """The sentence that introduces what follows a lead-in paragraph."""
    return re.split(r"(?<=[.;])\s+", text.strip())[-1]


def _unsupported(rest: str) -> bool:
    """Whether an item's meaning says its value is not accepted (``- **dc**: ... This type of
    attachments is not supported.``, ``- **size**: unavailable value now``)."""
    meaning = re.sub(r"^\s*[:：\-–]\s*", "", rest.split("\0", 1)[0])
    return bool(_UNSUPPORTED.search(meaning))


def _nested(node: nodes.Node | None) -> bool:
    """Whether a bullet list holds another list in one of its items."""
    return isinstance(node, nodes.bullet_list) and any(
        isinstance(child, (nodes.bullet_list, nodes.enumerated_list)) for item in node.children for child in item.children)


def _mixed(node: nodes.Node | None) -> bool:
    """Whether a bullet list mixes explained values (``- **on**: running``) with bare words
    (``- off``): the bare word may be a note, so the list is no value list."""
    if not isinstance(node, nodes.bullet_list):
        return False
    explained = [bool(re.match(r"^\S+\s*[:：]\s", item.astext().strip() + " ")) for item in node.children]
    return any(explained) and not all(explained)


def _marked(node: nodes.Node) -> bool:
    """Whether a list's values are marked up (bold or literal), not plain words."""
    items = node.children if isinstance(node, nodes.bullet_list) else [node]
    return all(_item_value(item, False)[0] is not None and isinstance(
        (item if isinstance(item, nodes.paragraph) else item.children[0]).children[0],
        (nodes.strong, nodes.literal)) for item in items)


def _text_before(children: list[nodes.Node], start: int) -> str:
    return plain(children[start - 1]) if start and isinstance(children[start - 1], nodes.paragraph) else ""


def _named_before(children: list[nodes.Node], start: int, values: list[str]) -> bool:
    """Whether the paragraph before a list of plain words names one of them (``Currently,
    SATA, SAS and SSD are supported.`` before ``- SAS: High I/O``)."""
    return _names_any(_text_before(children, start), values)


def _names_any(text: str, values: list[str]) -> bool:
    """Whether ``text`` names one of ``values`` as a word of its own."""
    return any(re.search(rf"(?<![\w-]){re.escape(v)}(?![\w-])", text) for v in values)


def _entries(children: list[nodes.Node], start: int, led: bool) -> list[tuple[str | None, str]]:
    """(value, text after it) of the bullet list at ``start``, or of the run of paragraphs (or
    lines of one paragraph) that open with a bold or literal value there."""
    if start >= len(children):
        return []
    first = children[start]
    if isinstance(first, nodes.bullet_list):
        return [entry for item in first.children for entry in merged_items(_item_value(item, led))]
    run: list[tuple[str | None, str]] = []
    for child in children[start:]:
        if isinstance(child, nodes.paragraph) and label_kind(plain(child)) is not None:
            break  # "**Default Value**" ends the values of "**Range**"
        if section_label(child) is not None or not (isinstance(child, nodes.paragraph) and child.children
                and isinstance(child.children[0], (nodes.strong, nodes.literal))) or _inline_list(child):
            break
        lines = [line for line in (child.rawsource or "").splitlines() if line.strip()]
        if len(lines) > 1:
            run += [entry for line in lines for entry in merged_items(_line_value(line))]
        else:
            run += merged_items(_item_value(child, led))
    return run


def merged_items(entry: tuple[str | None, str]) -> list[tuple[str | None, str]]:
    """One bullet item holding several (``- 0: initialized - **1**: running``, a bullet whose
    line break was lost) read as the items it holds."""
    value, rest = entry
    meaning, _, whole = rest.partition("\0")
    parts = _MERGED.split(meaning)
    if value is None or len(parts) == 1:
        return [entry]
    found = [(value, parts[0] + "\0" + parts[0])]
    for part in parts[1:]:
        head, _, tail = part.partition(":")
        found.append((head.strip(), ":" + tail + "\0" + part))
    return found


def _inline_list(para: nodes.paragraph) -> bool:
    """Whether a paragraph is an inline list of values (``**A**, **B**, **C**``, or each
    value with its meaning: ``**121** (expanding), **132** (changing)``), not an item."""
    rest = "".join(c.astext() for c in para.children[1:2])
    if rest.lstrip().startswith((",", "、")) or rest.strip() in ("or", "and"):
        return True
    marked = [i for i, c in enumerate(para.children) if isinstance(c, (nodes.strong, nodes.literal))]
    if len(marked) < 2 or marked[0] != 0:
        return False
    between = "".join(c.astext() for c in para.children[1:marked[1]])
    return re.fullmatch(r"\s*(?:\([^()]{1,60}\))?\s*[,、]\s*(?:or\s+|and\s+)?", between) is not None


def _line_value(line: str) -> tuple[str | None, str]:
    match = re.match(r"^\s*(?:\*\*([^*]+)\*\*|``([^`]+)``)(.*)$", line)
    if not match or not _VALUE_SEP.match(match.group(3)) or label_word(match.group(1) or match.group(2)):
        return None, ""
    return (match.group(1) or match.group(2)).strip(), match.group(3)


def _item_value(item: nodes.Element, led: bool) -> tuple[str | None, str]:
    """The value that opens a list item or paragraph, and the text after it."""
    para = item if isinstance(item, nodes.paragraph) else (
        item.children[0] if item.children and isinstance(item.children[0], nodes.paragraph) else None)
    if para is None or not para.children:
        return None, ""
    first = para.children[0]
    rest_all = plain(item)
    if isinstance(first, (nodes.strong, nodes.literal)):
        value = first.astext().strip()
        rest = "".join(c.astext() for c in para.children[1:])
        if not value or not _VALUE_SEP.match(rest) or (item is para and label_word(value)):
            return None, ""
        return value, rest + "\0" + rest_all
    text = para.astext().strip()
    value, sep, rest = text.partition(":")
    value = value.strip()
    if sep and _TOKEN.match(value) and (not rest or rest[0].isspace()):
        return value, rest + "\0" + rest_all
    bare = re.sub(r"\s*\(\s*default(?: value)?\s*\)\s*$", "", text, flags=re.IGNORECASE)
    if led and not sep and _TOKEN.match(bare):
        return bare, text
    return None, ""
