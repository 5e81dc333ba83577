"""Score ``docbind diff`` on real revision pairs against their hand-made ``CHANGES.md``.

Each folder of ``--revisions`` holds ``old/<service>/``, ``new/<service>/`` and a
``CHANGES.md`` whose numbered list (and, where a pair summarises, the "by file" table) names
every API change as ``file:line`` with a breaking / non-breaking mark, and whose "Not counted"
section lists edits that only look like changes. Per pair:

- found: listed changes with an API entry (not ``documentation``) citing the same file at the
  table row that holds the listed line (the entry cites the row's first line, the list may
  cite a changed line inside the row; ``TOLERANCE`` lines either side for other citations);
  each entry answers one listed change, and where one row has several (a type refined and
  a value dropped) the entry of the kind the list describes answers it; right flag: of those, the closest entry has the listed breaking flag;
- false: "Not counted" edits with an API entry citing one of their lines (or, when they give
  no line, their file or a page of the entry's operation) that matches no listed change;
- own page: entries whose citation is a line on a page of the operation (its own page, or
  for a removal the old page).

Usage: ``python tests/revisions.py [--revisions ../shared/revisions] [--json OUT] [--floor FILE]``;
with ``--floor`` (``tests/revisions_floor.json``) it exits 1 when a pair scores below its
recorded figures (found, right flag) or above its false entries.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

TOLERANCE = 2
_TYPE_WORDS = re.compile(r"Array of strings|type `|→ `String`", re.IGNORECASE)
_VALUE_WORDS = re.compile(r"\bvalues?\b|enumeration|\badds\b|\bdrops\b|\bgains\b|not supported", re.IGNORECASE)
_REF = re.compile(r"`(old:)?([\w./-]+\.rst):(\d+)`")
_ITEM = re.compile(r"^\d+\.\s+(.*)$")
_BREAKING = re.compile(r"—\s*\*\*breaking\*\*")


@dataclass(frozen=True)
class Expected:
    file: str
    line: int
    breaking: bool
    text: str


@dataclass(frozen=True)
class NotCounted:
    refs: tuple[tuple[str, int | None, int | None], ...]  # file suffix, first line, last line
    text: str


@dataclass
class Score:
    pair: str
    listed: int = 0
    found: int = 0
    right_flag: int = 0
    not_counted: int = 0
    false: int = 0
    entries: int = 0
    api_entries: int = 0
    unlisted: int = 0
    own_page: int = 0
    seconds: float = 0.0
    missed: list[str] = field(default_factory=list)
    wrong_flag: list[str] = field(default_factory=list)
    false_entries: list[str] = field(default_factory=list)


def read_changes(text: str) -> tuple[list[Expected], list[NotCounted]]:
    """The listed changes and the "Not counted" edits of a ``CHANGES.md``."""
    listed_part, _, rest = text.partition("## Not counted")
    expected: list[Expected] = []
    in_list = False
    for line in listed_part.splitlines():
        if line.startswith("## API-fact changes"):
            in_list = True
            continue
        if not in_list:
            continue
        item = _ITEM.match(line)
        if item:
            ref = _REF.search(line)
            if ref:
                expected.append(Expected(ref.group(2), int(ref.group(3)), bool(_BREAKING.search(line)), line))
        elif line.startswith("| `") and ".rst" in line:
            expected += _summary_row(line)
    not_counted = [NotCounted(_bullet_refs(b), b) for b in re.split(r"\n(?=- )", rest) if b.startswith("- ")]
    return expected, not_counted


def _summary_row(line: str) -> list[Expected]:
    """``| `a.rst`, `b.rst` | 2 | `:46` x; `:44` y — **breaking** |`` → one change per line number."""
    cells = [c.strip() for c in line.strip("|").split("|")]
    files = re.findall(r"`([\w./-]+\.rst)`", cells[0])
    folder = files[0].rsplit("/", 1)[0] + "/" if "/" in files[0] else ""
    files = [f if "/" in f else folder + f for f in files]
    found = []
    for segment in cells[-1].split(";"):
        breaking = "**breaking**" in segment
        for group in re.findall(r"`:([\d,]+)`", segment):
            found += [(int(n), breaking, segment) for n in group.split(",")]
    if len(files) == len(found):
        return [Expected(f, n, b, s) for f, (n, b, s) in zip(files, found)]
    return [Expected(files[0], n, b, s) for n, b, s in found]


def _bullet_refs(text: str) -> tuple[tuple[str, int | None, int | None], ...]:
    refs = []
    for match in re.finditer(r"`(?:old:)?([\w./*-]+\.rst)(?::([\d,\-–]+))?`", text):
        name, lines = match.group(1), match.group(2)
        if not lines:
            refs.append((name, None, None))
            continue
        for part in lines.split(","):
            low, _, high = part.replace("–", "-").partition("-")
            if low:
                refs.append((name, int(low), int(high or low)))
    return tuple(refs)


def _kind_miss(text: str, kind: str) -> int:
    """0 when the entry's kind is the kind of change the listed text describes, else 1."""
    if _TYPE_WORDS.search(text):
        return 0 if kind.startswith("type") else 1
    if _VALUE_WORDS.search(text):
        return 0 if kind.startswith("enum") else 1
    return 0


class _RowSpans:
    """Which lines a cited table row spans, read from the pair's pages."""

    def __init__(self, new: Path, old: Path) -> None:
        self.folders = {False: new, True: old}
        self.texts: dict[tuple[bool, str], list[str]] = {}

    def holds(self, path: str, cited: int, wanted: int, old: bool) -> bool:
        if abs(cited - wanted) <= TOLERANCE:
            return True
        if wanted < cited:
            return False
        key = (old, path)
        if key not in self.texts:
            file = self.folders[old] / path
            self.texts[key] = file.read_text(encoding="utf-8").splitlines() if file.is_file() else []
        lines = self.texts[key]
        for number in range(cited + 1, min(wanted + 1, len(lines) + 1)):
            stripped = lines[number - 1].strip()
            if not stripped or stripped[0] in "+=":
                return False
        return wanted <= len(lines)


def _same_file(cited: str, wanted: str) -> bool:
    if "*" in wanted:
        return re.fullmatch(".*" + re.escape(wanted).replace(r"\*", "[^/]*"), cited) is not None
    return cited == wanted or cited.endswith("/" + wanted)


def _cite(source: str, service: str) -> tuple[str, int]:
    path, _, line = source.rpartition(":")
    marker = f"/{service}/"
    path = path.split(marker, 1)[1] if marker in path else path
    return path, int(line) if line.isdigit() else 0


def run_diff(pair: Path, docbind: list[str]) -> tuple[dict, float]:
    start = time.perf_counter()
    done = subprocess.run([*docbind, "diff", str(pair / "old"), str(pair / "new"), "--format", "json"],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"docbind diff failed on {pair.name}: {done.stderr.strip()}")
    return json.loads(done.stdout), seconds


def score(pair: Path, report: dict, seconds: float = 0.0) -> Score:
    service = next(p.name for p in (pair / "new").iterdir() if p.is_dir())
    expected, not_counted = read_changes((pair / "CHANGES.md").read_text(encoding="utf-8"))
    result = Score(pair.name, listed=len(expected), not_counted=len(not_counted), seconds=seconds)
    changes = report.get("changes", [])
    api = [(c, *_cite(c["source"], service)) for c in changes if c["kind"] != "documentation"]
    result.entries, result.api_entries = len(changes), len(api)
    rows = _RowSpans(pair / "new" / service, pair / "old" / service)
    matched: set[int] = set()
    used: set[int] = set()
    for exp in expected:
        near = [(_kind_miss(exp.text, c["kind"]), abs(line - exp.line), i) for i, (c, path, line) in enumerate(api)
                if _same_file(path, exp.file) and rows.holds(path, line, exp.line, c["source"].startswith("old/"))]
        if not near:
            result.missed.append(exp.text.strip()[:200])
            continue
        result.found += 1
        matched.update(i for *_, i in near)
        free = [n for n in near if n[2] not in used] or near
        best = min(free)
        used.add(best[2])
        if api[best[2]][0]["breaking"] == exp.breaking:
            result.right_flag += 1
        else:
            result.wrong_flag.append(exp.text.strip()[:200])
    result.unlisted = len(api) - len(matched)
    for edit in not_counted:
        for i, (c, path, line) in enumerate(api):
            if i in matched:
                continue
            pages = [_cite(page + ":0", service)[0] for page in c.get("pages", ())]
            if any(_same_file(path, name) and (low is None or low <= line <= high)
                   or low is None and any(_same_file(page, name) for page in pages)
                   for name, low, high in edit.refs):
                result.false += 1
                result.false_entries.append(f"{c['operation']} {c['message']} {c['source']}")
                break
    result.own_page = sum(1 for c in changes if _own_page(c))
    return result


def _own_page(change: dict) -> bool:
    """Whether the entry cites a page of its operation (``x-pages`` of the entry, when given)."""
    pages = change.get("pages")
    if not pages:
        return True
    return change["source"].rpartition(":")[0] in pages


def table(scores: list[Score]) -> str:
    rows = [("pair", "listed", "found", "right flag", "not counted", "false", "api entries", "unlisted",
             "own page", "s")]
    total = Score("total")
    for s in scores:
        for name in ("listed", "found", "right_flag", "not_counted", "false", "entries", "api_entries",
                     "unlisted", "own_page", "seconds"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
    for s in [*scores, total]:
        rows.append((s.pair, str(s.listed), _pct(s.found, s.listed), _pct(s.right_flag, s.listed),
                     str(s.not_counted), _pct(s.false, s.not_counted), str(s.api_entries), str(s.unlisted),
                     _pct(s.own_page, s.entries), f"{s.seconds:.1f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
                     for r in rows)


def _pct(n: int, total: int) -> str:
    return f"{n}/{total} {100 * n / total:.0f}%" if total else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revisions", type=Path, default=Path("../shared/revisions"))
    parser.add_argument("--json", type=Path, help="write the scores as JSON")
    parser.add_argument("--details", action="store_true", help="list missed, wrong-flag and false entries")
    parser.add_argument("--pair", action="append", help="only this pair (repeatable)")
    parser.add_argument("--floor", type=Path, help="fail below the figures recorded in this JSON file")
    args = parser.parse_args(argv)
    if not args.revisions.is_dir():
        print(f"no revision pairs at {args.revisions}; skipped")
        return 0
    docbind = [sys.executable, "-m", "generator.cli"]
    scores = []
    for pair in sorted(p for p in args.revisions.iterdir() if (p / "CHANGES.md").is_file()):
        if args.pair and pair.name not in args.pair:
            continue
        report, seconds = run_diff(pair, docbind)
        scores.append(score(pair, report, seconds))
    print(table(scores))
    if args.details:
        for s in scores:
            for what in ("missed", "wrong_flag", "false_entries"):
                for text in getattr(s, what):
                    print(f"{s.pair}: {what}: {text}")
    if args.json:
        args.json.write_text(json.dumps([asdict(s) for s in scores], indent=2) + "\n")
    if args.floor:
        problems = below_floor(scores, json.loads(args.floor.read_text()))
        for problem in problems:
            print(f"below the floor: {problem}")
        return 1 if problems else 0
    return 0


def below_floor(scores: list[Score], floor: dict) -> list[str]:
    """Where the scores fall below the recorded figures (pairs the floor does not name pass)."""
    problems = []
    for s in scores:
        want = floor.get(s.pair)
        if not want:
            continue
        for name in ("found", "right_flag"):
            if getattr(s, name) < want[name]:
                problems.append(f"{s.pair}: {name} {getattr(s, name)} < {want[name]}")
        if s.false > want["false"]:
            problems.append(f"{s.pair}: false {s.false} > {want['false']}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
