"""What a table is: the role of each column, and where its parameters live."""

from __future__ import annotations

import re

_ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "name": ("parameter", "parameters", "name", "field", "fields", "param", "parameter name",
             "attribute", "key", "element", "property", "field name", "header", "label"),
    "mandatory": ("mandatory", "required", "mandatory or not", "is mandatory", "optional",
                  "mandatory (yes/no)", "required or not", "must"),
    "type": ("type", "data type", "value type", "string", "parameter type", "field type"),
    "description": ("description", "desc", "descriptions", "remarks", "meaning", "explanation",
                    "notes", "note", "parameter description", "value", "comment"),
    "status": ("status code", "returned value", "http status code", "status codes", "return value",
               "returned values", "code", "http status", "return code", "returned code", "response code",
               "normal response code", "error response code"),
}


def classify_columns(headers: list[str]) -> dict[str, int]:
    """Map column roles (name, mandatory, type, description, status) to column indexes."""
    roles: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = " ".join(header.lower().replace("*", "").split())
        for role, words in _ROLE_WORDS.items():
            if key in words and role not in roles:
                if role == "status" and "name" in roles:
                    break
                roles[role] = index
                break
    if "status" in roles and "name" in roles:
        del roles["status"]
    if "status" in roles and "description" not in roles:
        extra = [i for i in range(len(headers)) if i not in roles.values()]
        if extra:
            roles["description"] = extra[-1]
    return roles


_VALUE_WORDS: dict[str, tuple[str, ...]] = {
    "range": ("value range", "range", "constraint", "constraints", "valid values", "allowed values",
              "value constraints", "values range"),
    "default": ("default", "default value", "default values"),
}


def value_columns(headers: list[str]) -> dict[str, int]:
    """Columns that state a field's allowed values (``Value Range``, ``Constraint``) or its
    default (``Default Value``) beside its description, by role."""
    found: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = " ".join(header.lower().replace("*", "").split())
        for role, words in _VALUE_WORDS.items():
            if key in words:
                found.setdefault(role, index)
    return found


_LOCATIONS = (
    ("header", re.compile(r"\bheaders?\b", re.I)),
    ("path", re.compile(r"\bpath\b", re.I)),
    ("query", re.compile(r"\bquery\b", re.I)),
    ("uri", re.compile(r"\buri\b|\burl\b", re.I)),
    ("response", re.compile(r"\bresponse|\breturned\b", re.I)),
    ("body", re.compile(r"\brequests?\b|\bbody\b", re.I)),
)


def location_hint(caption: str, lead_in: str, sections: list[str]) -> str | None:
    """Where a table's rows go, from its caption, then the lead-in, then the section titles."""
    for text in (caption, lead_in, *reversed(sections)):
        for location, pattern in _LOCATIONS:
            if pattern.search(text):
                if location == "header" and _RESPONSE.search(text):
                    return "response-header"
                return location
    return None


_RESPONSE = re.compile(r"\bresponse", re.I)
