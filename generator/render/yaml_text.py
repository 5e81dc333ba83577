"""Values as YAML text for the templates: every docs value is serialised, never pasted."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

import yaml

from ..memo import Memo


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Safe dumper (libyaml's emitter where there is one) that writes multi-line strings as
    literal blocks and never aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


#: Plain scalars a YAML 1.2 reader (Redocly, Prism, Swagger UI) takes for a number or a
#: boolean although PyYAML's 1.1 rules leave them unquoted (``08``, ``0o17``, ``1_000``).
_NOT_A_STRING_IN_YAML_1_2 = re.compile(
    r"[-+]?(?:\d[\d_]*|0o[0-7]+|0x[0-9a-fA-F]+|(?:\.\d+|\d[\d_]*(?:\.\d*)?)(?:[eE][-+]?\d+)?)"
    r"|\.(?:inf|nan)|true|false|null|~", re.IGNORECASE)


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else "'" if _NOT_A_STRING_IN_YAML_1_2.fullmatch(data) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str)

#: YAML readers take implicit (``key: value``) keys of at most 1024 characters.
_IMPLICIT_KEY_LIMIT = 1000


def to_yaml(value: object, indent: int = 0) -> str:
    """A scalar or flow value for ``key: {{ v | yaml }}``, or a block for mappings and lists.

    A mapping or non-empty list becomes a newline plus the block indented by ``indent``.
    """
    if isinstance(value, (dict, list, tuple)) and value:
        text = _without_end_marker(yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                                             default_flow_style=False, width=1_000_000))
        pad = " " * indent
        return "\n" + "".join(pad + line if line.strip() else line for line in text.splitlines(True)).rstrip("\n")
    text = _without_end_marker(yaml.dump(value, Dumper=_Dumper, allow_unicode=True, default_flow_style=True,
                                         width=1_000_000)).rstrip("\n")
    if "\n" in text:
        pad = " " * indent
        first, *rest = text.split("\n")
        text = first + "\n" + "\n".join(pad + line if line.strip() else line for line in rest)
    return text


def _without_end_marker(text: str) -> str:
    """``text`` without the ``...`` document end the emitters add after an open-ended last
    scalar (libyaml also after a block)."""
    return text[: -len("...\n")] if text.endswith("\n...\n") else text


def to_yaml_key(value: object, indent: int) -> str:
    """A mapping key for ``{{ k | yaml_key(n) }}`` at column ``indent``, with its colon: plain
    ``key:`` when YAML readers take it as an implicit key, else the explicit ``? key`` form."""
    text = to_yaml(value, indent + 2)
    if len(text) <= _IMPLICIT_KEY_LIMIT and "\n" not in text:
        return text + ":"
    return f"? {text}\n{' ' * indent}:"



def memoised_yaml(memo: Memo) -> Callable[..., str]:
    """:func:`to_yaml`, with the blocks of mappings and lists kept in ``memo`` by the
    ``repr`` of the value (exact for the JSON-like values of a document: ``1``, ``1.0``,
    ``"1"`` and ``True`` differ, so do a list and a tuple): a service whose document changed
    in one operation dumps that operation again, not all of them."""
    def to_yaml_known(value: object, indent: int = 0) -> str:
        if not isinstance(value, (dict, list, tuple)) or not value:
            return to_yaml(value, indent)
        entry = "yaml:" + hashlib.sha256(f"{indent}\0{value!r}".encode()).hexdigest()
        text = memo.get(entry)
        if text is None:
            text = to_yaml(value, indent)
            memo.put(entry, text)
        return text
    return to_yaml_known
