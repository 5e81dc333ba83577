"""Compare two snapshots: which generated files differ, and the API changelog behind them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .changelog import Change, compare
from .snapshot import Snapshot, parse_document


@dataclass(frozen=True)
class Drift:
    """The difference from ``old`` to ``new``.

    ``changed``: files in both that differ; ``missing``: files only ``new`` has (generation
    would write them); ``stale``: files only ``old`` has (generation would remove them).
    """

    old: str
    new: str
    changed: tuple[str, ...]
    missing: tuple[str, ...]
    stale: tuple[str, ...]
    changes: tuple[Change, ...]

    @property
    def differs(self) -> bool:
        return bool(self.changed or self.missing or self.stale or self.changes)

    @property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.breaking)


def drift(old: Snapshot, new: Snapshot) -> Drift:
    """Files and API changes from ``old`` to ``new``."""
    changed = tuple(sorted(rel for rel in old.files.keys() & new.files.keys() if old.files[rel] != new.files[rel]))
    return Drift(
        old=old.label,
        new=new.label,
        changed=changed,
        missing=tuple(sorted(new.files.keys() - old.files.keys())),
        stale=tuple(sorted(old.files.keys() - new.files.keys())),
        changes=tuple(changelog(old, new)),
    )


def document_drift(old: Snapshot, new: Snapshot) -> Drift:
    """The API changes only, as ``docbind diff`` reports them.

    Two single documents are one service even when their file names differ.
    """
    old_docs, new_docs = old.documents(), new.documents()
    if len(old_docs) == len(new_docs) == 1 and old_docs.keys() != new_docs.keys():
        (text,) = old_docs.values()
        (name,) = new_docs
        old = Snapshot(old.label, {f"openapi/{name}.yaml": text}, old.sources, old.diagnostics)
    return Drift(old.label, new.label, (), (), (), tuple(changelog(old, new)))


def changelog(old: Snapshot, new: Snapshot) -> list[Change]:
    """The changes of every service whose OpenAPI document differs, each with the docs line
    it cites before and after (where the snapshots have the pages)."""
    old_docs, new_docs = old.documents(), new.documents()
    changes: list[Change] = []
    for service in sorted(old_docs.keys() | new_docs.keys()):
        old_text, new_text = old_docs.get(service), new_docs.get(service)
        if old_text == new_text:
            continue
        changes += compare(
            service,
            parse_document(old_text, f"{old.label}: {service}") if old_text is not None else None,
            parse_document(new_text, f"{new.label}: {service}") if new_text is not None else None,
            old.sources.get(service),
            new.sources.get(service),
        )
    return [_with_lines(c, old, new) for c in changes]


def _with_lines(change: Change, old: Snapshot, new: Snapshot) -> Change:
    """The change with the first line that differs between the cited rows, before and after."""
    if change.source == change.old_source:
        return dataclasses.replace(change, before=old.line(change.old_source))
    if not change.old_source:
        return dataclasses.replace(change, after=new.line(change.source))
    before, after = old.row_lines(change.old_source), new.row_lines(change.source)
    texts = [(b, a) for b, a in zip(before, after) if _text(b) != _text(a)]
    if not texts and len(before) != len(after):
        common = min(len(before), len(after))
        texts = [((before[common:] or [""])[0], (after[common:] or [""])[0])]
    first = texts[0] if texts else ((before or [""])[0], (after or [""])[0])
    return dataclasses.replace(change, before=first[0], after=first[1])


def _text(line: str) -> str:
    return line.split(": ", 1)[-1]
