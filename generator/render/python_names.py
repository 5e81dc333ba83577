"""Python names and literals for generated code: identifiers, snake_case, safe docstrings."""

from __future__ import annotations

import keyword
import re

_ACRONYM_PLURAL = re.compile(r"([A-Z]{2,})s(?=[A-Z0-9]|$)")
_WORD_BOUNDARY = (re.compile(r"([A-Z]+)([A-Z][a-z])"), re.compile(r"([a-z0-9])([A-Z])"))


def snake(name: str) -> str:
    """``ListTasks`` → ``list_tasks``; ``ListECSs`` → ``list_ecss``; ``X-Auth-Token`` → ``x_auth_token``."""
    text = _ACRONYM_PLURAL.sub(lambda m: m.group(1).title() + "s", name)
    for pattern in _WORD_BOUNDARY:
        text = pattern.sub(r"\1_\2", text)
    return identifier(text.lower())


def identifier(text: str) -> str:
    """An ASCII identifier from any text: other characters become ``_``; keywords get a ``_``."""
    name = re.sub(r"_+", "_", re.sub(r"[^0-9A-Za-z_]", "_", text)).strip("_") or "value"
    if name[0].isdigit():
        name = "n" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


def literal(value: object) -> str:
    """``value`` as a Python literal: ``repr``, with a string in the double quotes black
    prefers where that needs no escaping (so black has nothing to change)."""
    text = repr(value)
    if isinstance(value, str) and text.startswith("'") and '"' not in value:
        return f'"{text[1:-1]}"'
    return text


def class_name(schema: str, taken: set[str]) -> str:
    """A class name for a schema that datamodel-code-generator keeps as it is (PascalCase
    ASCII without underscores, unique in ``taken``, where it is recorded):
    ``listCciV2NamespaceResponse`` → ``ListCciV2NamespaceResponse``, ``v2.job_spec`` →
    ``V2JobSpec``; a second ``ListX`` becomes ``ListX2``."""
    name = "".join(word[0].upper() + word[1:] for word in re.split(r"[^0-9A-Za-z]+", schema) if word) or "Model"
    if name[0].isdigit() or keyword.iskeyword(name):
        name = "Model" + name
    return unique(name, taken, separator="")


def unique(name: str, taken: set[str], separator: str = "_") -> str:
    """``name``, or ``name_2``, ``name_3``... (with ``separator``) whichever is not in
    ``taken``; records the choice."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}{separator}{n}"
    taken.add(candidate)
    return candidate


def escape_docstring_text(text: str) -> str:
    """Text that reads back as ``text`` inside a triple-quoted string: backslashes, runs of
    quotes, a final quote and unprintable characters are escaped."""
    if "\\" not in text and '"' not in text and text.replace("\n", "").isprintable():
        return text  # nothing to escape
    out = []
    for i, ch in enumerate(text):
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"' and (text[i + 1:i + 2] == '"' or i == len(text) - 1):
            out.append('\\"')
        elif ch != "\n" and not ch.isprintable():
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def docstring(text: str, indent: str) -> str:
    """A docstring literal of ``text``; lines after the first are indented by ``indent``."""
    lines = escape_docstring_text(text.strip()).split("\n")
    body = "\n".join([lines[0]] + [indent + line if line.strip() else "" for line in lines[1:]])
    closing = f"\n{indent}" if len(lines) > 1 else ""
    return f'"""{body}{closing}"""'


def comment(text: str) -> str:
    """``text`` on one line, safe to follow a ``#``."""
    return "".join(ch if ch.isprintable() else " " for ch in text)
