"""Constraints stated in a description cell: enumerations, defaults and numeric ranges.

Only what the text says: a bullet list after an options lead-in whose items each start with
a bold or literal value; "(Default value)" markers and "default value is **x**" phrases;
"ranges from A to B" and "Minimum:/Maximum:" phrases.
"""

from __future__ import annotations

import re

from docutils import nodes

from ..model.page import Facts
from .text import plain

_OPTIONS_LEAD = re.compile(
    r"(options?|as follows|enums?|enumeration values?|enumerated values?|possible values?|valid values?|"
    r"value range|values?|can be(?: one of)?(?: the following)?|one of the following|include)"
    r"(?: are)?\s*[:：]\s*$",
    re.IGNORECASE,
)
_DEFAULT_MARK = re.compile(r"\(\s*default(?: value)?\s*\)|\bby default\b", re.IGNORECASE)
_DEFAULT_PHRASE = re.compile(
    r"default(?: value)?(?: is|:| value:)\s*(?:\*\*|`)(?P<v>[^*`]{1,60})(?:\*\*|`)"
    r"|default(?: value)?(?: is|:)\s+(?P<w>-?[\w.:/-]{1,40}?)[.,;)]?(?:\s|$)",
    re.IGNORECASE,
)
_NUM = r"(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![.,]?\d))"  # 2,147,483,647; 1.7E308
_RANGE = re.compile(
    r"(?:ranges?|range of values?|value range|ranging)\s*(?:is|:)?\s*(?:from\s+)?\**" + _NUM
    + r"\**\s*(?:to|-|~|and)\s*\**" + _NUM,
    re.IGNORECASE,
)
_MIN = re.compile(r"\bminimum(?: value)?\s*(?:is|:)\s*\**" + _NUM, re.IGNORECASE)
_MAX = re.compile(r"\bmaximum(?: value)?\s*(?:is|:)\s*\**" + _NUM, re.IGNORECASE)
_CONDITION = re.compile(
    r"\b(?:if|when|unless)\b|\b(?:options|values?)\s+(?:for|with|under)\s+"
    r"(?!(?:this|the|that|each)\s+(?:parameter|field|attribute|property)\b)", re.IGNORECASE)
_VALUE_SEP = re.compile(r"^\s*(?:[:：]|-|–|\(|,|$)")


def extract_facts(cell: nodes.Element, markdown: str) -> Facts:
    """Facts from a description cell (its doctree for lists, its Markdown for phrases)."""
    enum, marked_default = _enum(cell)
    default = marked_default
    if default is None:
        match = _DEFAULT_PHRASE.search(markdown)
        if match:
            default = (match.group("v") or match.group("w") or "").strip() or None
    minimum = maximum = None
    ranges = {m.groups() for m in _RANGE.finditer(markdown)}
    match = _RANGE.search(markdown) if len(ranges) == 1 else None  # several: each for a case
    if match:
        minimum, maximum = match.group(1), match.group(2)
    else:
        low, high = _MIN.search(markdown), _MAX.search(markdown)
        minimum = low.group(1) if low else None
        maximum = high.group(1) if high else None
    return Facts(enum=enum, default=default, minimum=minimum, maximum=maximum)


def _enum(cell: nodes.Element) -> tuple[tuple[str, ...], str | None]:
    """Values of the first bullet list that follows an options lead-in paragraph."""
    children = [c for c in cell.children if not isinstance(c, nodes.system_message)]
    for lead, following in zip(children, children[1:]):
        if not (isinstance(lead, nodes.paragraph) and isinstance(following, nodes.bullet_list)):
            continue
        if not _OPTIONS_LEAD.search(plain(lead)) or applies_under_condition(plain(lead)):
            continue
        values: list[str] = []
        default = None
        for item in following.children:
            value, rest = _item_value(item)
            if value is None:
                return (), None
            values.append(value)
            if _DEFAULT_MARK.search(rest):
                default = value
        return tuple(dict.fromkeys(values)), default
    return (), None


def applies_under_condition(lead: str) -> bool:
    """An options lead-in that limits them to a case ("The options for dedicated resource
    pools with GPU specifications are", "If type is X, the value can be"): not a closed list.
    Only the sentence that introduces the list counts."""
    sentence = re.split(r"(?<=[.;])\s+", lead.strip())[-1]  # the sentence that introduces the list
    return bool(_CONDITION.search(sentence))


def _item_value(item: nodes.Element) -> tuple[str | None, str]:
    """The bold or literal value that opens a list item, and the text after it."""
    if not item.children or not isinstance(item.children[0], nodes.paragraph):
        return None, ""
    para = item.children[0]
    first = para.children[0] if para.children else None
    if not isinstance(first, (nodes.strong, nodes.literal)):
        return None, ""
    value = first.astext().strip()
    rest = "".join(c.astext() for c in para.children[1:])
    if not value or not _VALUE_SEP.match(rest):
        return None, ""
    return value, rest + " " + plain(item)
