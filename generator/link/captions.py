"""What a table caption or lead-in says about the object the table describes."""

from __future__ import annotations

import re
from functools import lru_cache

from .naming import pascal

_CAPTION_NOISE = re.compile(
    r"(?i)\b(parameters?|fields?|descriptions?|description of|objects?|structures?|data|the|of|in|"
    r"request|response|body|elements?|attributes?|format|for|details|table|information|info|\d+)\b")


def caption_names(caption: str) -> set[str]:
    """Field names a caption or lead-in may stand for: ``role.policy`` → {policy}, and the
    caption's remaining words joined (``listeners parameter description`` → {listeners})."""
    caption = re.sub(r"\(.*?\)", " ", caption)
    names = set()
    for word in re.findall(r"[A-Za-z_][\w.@:-]*", caption):
        if "." in word or "_" in word:
            names.add(norm(word.split(".")[-1]))
    for word in re.findall(r"[\w.]+/([A-Za-z_]\w*)", caption):
        names.add(norm(word))
    rest = _CAPTION_NOISE.sub(" ", caption)
    joined = pascal(rest).lower()
    if joined:
        names.add(joined)
        names.update(norm(word) for word in rest.split() if re.search(r"[a-z][A-Z]", word))
    return names


def names_one_object(caption: str) -> bool:
    """Whether a caption is about one named object (``notebook parameters``, ``token.roles``,
    ``V2Job``) rather than a generic body (``Parameter for Replica creation``)."""
    caption = re.sub(r"\(.*?\)", " ", caption)
    if re.search(r"[\w]+[._/][\w]+|[a-z][A-Z]|\b[A-Z][a-z]+[A-Z]", caption):
        return True
    return len(_CAPTION_NOISE.sub(" ", caption).split()) == 1


def object_name(caption: str) -> str:
    """The one field name a caption is about, as written (``**auto_scaling_policy** parameter
    description`` → ``auto_scaling_policy``), else empty."""
    words = _CAPTION_NOISE.sub(" ", re.sub(r"\(.*?\)", " ", caption)).split()
    return words[0] if len(words) == 1 and re.fullmatch(r"[A-Za-z_][\w.-]*", words[0]) else ""


@lru_cache(maxsize=1 << 16)
def norm(name: str) -> str:
    """A name compared without case or punctuation (``publicip_id`` ~ ``PublicIpId``)."""
    return re.sub(r"[^a-z0-9]", "", name.lower())
