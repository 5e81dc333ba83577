"""Texts made in an earlier run, by the digest of what each was made from: black's pieces,
models modules, validation findings. Kept per service by the client cache; data, never code."""

from __future__ import annotations


class Memo:
    """Texts made before (``known``: the digest of what a text was made from → the text:
    pieces black formatted, models modules) and those used since (``used``: what is worth
    keeping for the next run)."""

    def __init__(self, known: dict[str, str] | None = None) -> None:
        self.known = dict(known or {})
        self.used: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        text = self.known.get(key)
        if text is not None:
            self.used[key] = text
        return text

    def put(self, key: str, text: str) -> None:
        self.known[key] = self.used[key] = text
