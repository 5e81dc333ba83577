"""A small grammar for the Type column.

The cell arrives as text in which every ``:ref:`` was replaced by a token ``@N`` (N indexes
the cell's ref targets). Grammar, case-insensitive::

    type    := map | array | refobj | scalar ["array" | "list" | "[" "]"] | "table" NUM "object"
             | named ["array" | "list" | "[" "]"] | PLURALWORD   (the latter: a list of them)
    map     := MAPWORD ["<" type "," type ">" | "<" named ">"]   (the latter: the object itself)
    array   := LISTWORD ["<" type ">" | "[" type "]" | "(" type ")" | "of" plural | scalar]
    plural  := refobj | PLURALWORD ["objects"] | type
    refobj  := REF ["object" | "objects"]
    scalar  := one word of SCALARS ["(" NUM ")"], or two ("json object", "json array", "long
               integer", "date time"); "Enumeration", "Date" and "DateTime" are strings
    named   := NAME ("object" | "objects" | "data structure")
                                               → ``#name NAME``: an object the page describes
             | "data structure"                → an object (its table linked from the row)
             | NAME                            → ``#type NAME``: a type the linker looks up
                                                 by caption (``checkpoint_req``, ``io.k8s.v1.Pod``)

Anything else is unknown: ``parse_type`` returns None and the caller reports it. A ``#type``
name no table describes is reported by the linker.
"""

from __future__ import annotations

import dataclasses
import re

from ..model.page import TypeExpr

_SCALARS: dict[str, TypeExpr] = {
    "string": TypeExpr("string"),
    "str": TypeExpr("string"),
    "char": TypeExpr("string"),
    "text": TypeExpr("string"),
    "integer": TypeExpr("integer", "int32"),
    "int": TypeExpr("integer", "int32"),
    "int32": TypeExpr("integer", "int32"),
    "short": TypeExpr("integer", "int32"),
    "long": TypeExpr("integer", "int64"),
    "int64": TypeExpr("integer", "int64"),
    "bigint": TypeExpr("integer", "int64"),
    "float": TypeExpr("number", "float"),
    "double": TypeExpr("number", "double"),
    "number": TypeExpr("number"),
    "numeric": TypeExpr("number"),
    "decimal": TypeExpr("number"),
    "bigdecimal": TypeExpr("number"),
    "enumeration": TypeExpr("string"),
    "enum": TypeExpr("string"),
    "datetime": TypeExpr("string"),
    "date": TypeExpr("string"),
    "boolean": TypeExpr("boolean"),
    "bool": TypeExpr("boolean"),
    "object": TypeExpr("object"),
    "json": TypeExpr("object"),
    "jsonobject": TypeExpr("object"),
    "xml": TypeExpr("object"),  # an XML element with child elements
    "container": TypeExpr("object"),
    "reference": TypeExpr("object"),  # API Explorer kinds: REFERENCE, ARRAY_REFERENCE (mapreduce-service)
    "array_reference": TypeExpr("array"),
    "dict": TypeExpr("map"),
    "dictionary": TypeExpr("map"),
    "map": TypeExpr("map"),
    "hashmap": TypeExpr("map"),
    "array": TypeExpr("array"),
    "list": TypeExpr("array"),
    "jsonarray": TypeExpr("array"),
}
_PLURALS = {
    "strings": "string",
    "integers": "integer",
    "ints": "integer",
    "longs": "long",
    "floats": "float",
    "doubles": "double",
    "numbers": "number",
    "booleans": "boolean",
    "objects": "object",
    "arrays": "array",
    "maps": "map",
    "dicts": "dict",
}
_MAP_WORDS = {"map", "dict", "dictionary", "hashmap"}
_LIST_WORDS = {"array", "list", "set"}
_TOKEN = re.compile(r"@\d+|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|\d+|[<>\[\](),]|\S")
_WORDS = set(_SCALARS) | set(_PLURALS) | _MAP_WORDS | _LIST_WORDS | {"table", "of", "objects", "any", "anytype",
                                                                    "null", "none", "mixed", "data", "structure"}


class _Unknown(Exception):
    """The cell does not follow the grammar."""


class _Parser:
    def __init__(self, text: str, refs: tuple[str, ...]) -> None:
        self.raw = _TOKEN.findall(text)
        self.tokens = [t.lower() for t in self.raw]
        self.refs = refs
        self.pos = 0

    def peek(self, offset: int = 0) -> str | None:
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def take(self, *expected: str) -> str:
        tok = self.peek()
        if tok is None or (expected and tok not in expected):
            raise _Unknown
        self.pos += 1
        return tok

    def accept(self, *words: str) -> bool:
        if self.peek() in words:
            self.pos += 1
            return True
        return False

    def ref(self) -> TypeExpr:
        index = int(self.take()[1:])
        self.accept("object", "objects")
        return TypeExpr("ref", ref=self.refs[index])

    def type(self) -> TypeExpr:
        tok = self.peek()
        if tok is None:
            raise _Unknown
        if tok.startswith("@"):
            return self.ref()
        if tok == "table" and (self.peek(1) or "").isdigit():
            number = self.tokens[self.pos + 1]
            self.pos += 2
            self.accept("object", "objects")
            return TypeExpr("ref", ref=f"#table {number}")
        if tok in _MAP_WORDS:
            self.pos += 1
            if self.accept("<"):
                value = self.type()
                if self.accept(">"):  # Dict<enterprise_project>: the structure itself
                    return value if value.kind == "ref" else TypeExpr("map", items=value)
                self.take(",")
                value = self.type()
                self.take(">")
                return TypeExpr("map", items=value)
            return TypeExpr("map")
        if tok in _LIST_WORDS:
            self.pos += 1
            if self.accept("<"):
                return TypeExpr("array", items=self.inner(">"))
            if self.accept("["):
                item = self.type()
                self.take("]")
                return TypeExpr("array", items=item)
            if self.accept("("):  # "Array(Object)", "Array(String)"
                return TypeExpr("array", items=self.inner(")"))
            if self.accept("of"):
                return TypeExpr("array", items=self.plural())
            if self.peek() in _SCALARS:  # "Array String"
                return TypeExpr("array", items=_SCALARS[self.take()])
            return TypeExpr("array")
        if tok == "json" and self.peek(1) in ("object", "array"):
            self.pos += 2
            return TypeExpr("object") if self.tokens[self.pos - 1] == "object" else TypeExpr("array")
        if tok == "data" and self.peek(1) == "structure":  # "Data structure": an object
            self.pos += 2
            return TypeExpr("object")
        if tok not in _SCALARS and tok not in _PLURALS and tok[0].isalpha() and (self.peek(1) in (
                "object", "objects", "array", "list") or (self.peek(1), self.peek(2)) == ("data", "structure")):
            name = self.raw[self.pos]
            self.pos += 3 if self.peek(1) == "data" else 2
            named = TypeExpr("ref", ref=f"#name {name}")
            return TypeExpr("array", items=named) if self.tokens[self.pos - 1] in ("array", "list") else named
        if tok in _PLURALS and self.peek(1) in (None, "."):  # "Objects": a list of them
            self.pos += 1
            return TypeExpr("array", items=_SCALARS[_PLURALS[tok]])
        if tok in _SCALARS:
            self.pos += 1
            if (tok, self.peek()) in (("long", "integer"), ("date", "time")):  # "Long integer", "Date Time"
                self.pos += 1
            if self.peek() == "(" and (self.peek(1) or "").isdigit() and self.peek(2) == ")":  # "String(255)"
                self.pos += 3
            return self.element_of(_SCALARS[tok])
        if tok not in _WORDS and (tok[0].isalpha() or tok[0] == "_"):
            name = self.raw[self.pos]
            self.pos += 1
            return self.element_of(TypeExpr("ref", ref=f"#type {name}"))
        raise _Unknown

    def inner(self, close: str) -> TypeExpr | None:
        """The item type up to ``close``; None (items of any type) when it is a phrase
        (``Array<Storage type>``), so the array and its value facts are still read."""
        start = self.pos
        try:
            item = self.type()
            self.take(close)
            return item
        except (_Unknown, IndexError):
            self.pos = start
        while self.peek() not in (close, None, "<"):
            self.pos += 1
        self.take(close)
        return None

    def element_of(self, base: TypeExpr) -> TypeExpr:
        """``base`` or, followed by ``array``, ``list`` or ``[]``, an array of it."""
        if self.accept("array", "list"):
            return TypeExpr("array", items=base)
        if self.peek() == "[" and self.peek(1) == "]":
            self.pos += 2
            return TypeExpr("array", items=base)
        return base

    def plural(self) -> TypeExpr:
        tok = self.peek()
        if tok is not None and tok.startswith("@"):
            return self.ref()
        if tok in ("arrays", "lists") and self.peek(1) == "of":  # "Array of arrays of Dimension objects"
            self.pos += 2
            return TypeExpr("array", items=self.plural())
        if tok in _PLURALS:
            self.pos += 1
            word = _PLURALS[tok]
            self.accept("objects", "object")
            return _SCALARS[word]
        item = self.type()
        self.accept("objects", "object", "s")
        return item

    def parse(self) -> TypeExpr:
        result = self.type()
        self.accept(".")
        if self.peek() is not None:
            raise _Unknown
        return result


_ONLY_A_REF = re.compile(r"^(?:@\d+|data structure)\.?$", re.IGNORECASE)  # says neither object nor array
_ANY = {"any", "anytype", "null", "none", "mixed"}
_SENTENCE_LIST = re.compile(r"\b(list|array)\b", re.I)
_SENTENCE_OBJECT = re.compile(r"\b(dictionary|dict|objects?|structure|map)\b", re.I)


def parse_type(text: str, refs: tuple[str, ...] = ()) -> TypeExpr | None:
    """Parse a Type cell (refs already replaced by ``@N`` tokens); None when unknown."""
    text = text.strip()
    try:
        result = _Parser(text, refs).parse()
        return dataclasses.replace(result, named_only=True) if _ONLY_A_REF.match(text) else result
    except (_Unknown, IndexError, ValueError):
        pass
    rejoined = rejoin_wrapped_words(text)
    if rejoined != text:
        return parse_type(rejoined, refs)
    return _sentence(text, refs)


_FRAGMENTS = re.compile(r"([A-Za-z]+)\s+([A-Za-z]+)")


def rejoin_wrapped_words(text: str) -> str:
    """A Type cell with a type word the cell's wrap broke in two (``Map<String,Stri`` over
    ``ng>``: ``Stri ng``): the word made whole where neither part is a word of the grammar
    and both together are."""
    def join(match: re.Match[str]) -> str:
        head, tail = match.group(1).lower(), match.group(2).lower()
        whole = head + tail in _WORDS and head not in _WORDS and tail not in _WORDS
        return match.group(1) + match.group(2) if whole else match.group(0)
    return _FRAGMENTS.sub(join, text)


_STATED_TYPE = re.compile(r"^Type:[ \t]*([A-Za-z]+)\b", re.M)


def type_in_description(description: str) -> str:
    """The scalar type a row without a Type column states in its description, as a
    paragraph ``Type: integer`` (object storage's element and header tables: "Type:
    string", "Type: boolean"); "" where it states none, a word that is no type, or a
    container ("Type: XML", "Type: container": the element's children are the rows around it,
    not a table of its own)."""
    stated = _STATED_TYPE.search(description)
    expr = _SCALARS.get(stated.group(1).lower()) if stated is not None else None
    if expr is None or expr.kind not in ("string", "integer", "number", "boolean"):
        return ""
    return stated.group(1)


def _sentence(text: str, refs: tuple[str, ...]) -> TypeExpr | None:
    """Types written as prose: ``Dictionary data structure. For details, see @0.``"""
    if text.lower().strip(".") in _ANY:
        return TypeExpr("any")
    is_list = _SENTENCE_LIST.search(text)
    if not (is_list or _SENTENCE_OBJECT.search(text)) or len(text.split()) < 3:
        return None
    if is_list:
        return TypeExpr("array", items=_sentence_items(text, refs))
    return TypeExpr("ref", ref=refs[0]) if refs else TypeExpr("object")


_SENTENCE_ITEM_OBJECT = re.compile(r"\b(dictionar(y|ies)|dicts?|objects?|maps?)\b", re.I)


def _sentence_items(text: str, refs: tuple[str, ...]) -> TypeExpr | None:
    """The items of a list written as prose: the linked table's objects, objects where the
    sentence says so (``List of dictionaries``), else unstated (``List data structure``
    names a list, not what it holds: the items are whatever a table or the examples show)."""
    if refs:
        return TypeExpr("ref", ref=refs[0])
    return TypeExpr("object") if _SENTENCE_ITEM_OBJECT.search(text) else None
