"""The docs repository's scheduled workflow (.github/workflows/docs-sync.yml): actionlint finds
nothing, and its steps run sync → lint → generate → pull request with the changelog as body."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli import main

from .conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "docs-sync.yml"
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")


def steps() -> list[dict]:
    (job,) = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"].values()
    return job["steps"]


@pytest.mark.skipif(ACTIONLINT is None, reason="actionlint is not installed (pip install -e '.[test]')")
def test_actionlint_finds_nothing():
    done = subprocess.run([ACTIONLINT, "-no-color", str(WORKFLOW.relative_to(ROOT))], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_it_runs_on_a_schedule_and_by_hand():
    triggers = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))[True]  # YAML 1.1 reads `on` as true
    assert triggers["schedule"][0]["cron"] and "workflow_dispatch" in triggers


def test_sync_then_lint_then_generate_then_a_pull_request_with_the_changelog():
    runs = [(s.get("run") or s.get("uses", "")) for s in steps()]
    order = [next(i for i, r in enumerate(runs) if word in r)
             for word in ("docbind sync", "docbind lint", "make generate", "create-pull-request")]
    assert order == sorted(order)
    sync = runs[order[0]]
    assert "--format markdown" in sync and '> "$RUNNER_TEMP/changelog.md"' in sync
    assert steps()[order[3]]["with"]["body-path"] == "${{ runner.temp }}/changelog.md"


def test_the_options_it_passes_exist(capsys):
    for command, options in (("sync", ("--format", "markdown", "--service", "--ref")),
                             ("lint", ("--format", "github", "sarif", "--output"))):
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0
        text = capsys.readouterr().out
        assert all(option in text for option in options)
