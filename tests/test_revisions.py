"""The revisions tier: ``docbind diff`` on every real revision pair, scored against its
hand-made CHANGES.md, must not fall below the figures in ``revisions_floor.json``."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from .revisions import below_floor, run_diff, score, table

REVISIONS = Path(os.environ.get("DOCBIND_REVISIONS", Path(__file__).resolve().parents[2] / "shared" / "revisions"))
FLOOR = Path(__file__).with_name("revisions_floor.json")

pytestmark = [pytest.mark.revisions, pytest.mark.corpus]  # a heavy tier: run with the corpus tier


@pytest.mark.skipif(not REVISIONS.is_dir(), reason=f"no revision pairs at {REVISIONS}")
def test_the_changelog_of_every_pair_stays_above_the_floor():
    pairs = sorted(p for p in REVISIONS.iterdir() if (p / "CHANGES.md").is_file())
    scores = [score(pair, *run_diff(pair, [sys.executable, "-m", "generator.cli"])) for pair in pairs]
    print("\n" + table(scores))
    assert below_floor(scores, json.loads(FLOOR.read_text())) == []
