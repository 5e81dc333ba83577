"""``docbind compare A B`` as users meet it: two pages of any formats, or two folders matched
by method and path; exit 0 when they agree, 1 when they differ, 2 on bad input."""

from __future__ import annotations

import json
import shutil

from generator.cli import main

from .conftest import SEEDS
from .test_seed_formats import FIXTURES, TEXT_SEED

RST_SEED = SEEDS / "modelarts" / "auto_annotation_progress.rst"


def test_two_pages_cite_both_sides(capsys):
    assert main(["compare", str(RST_SEED), str(TEXT_SEED)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "GET /v2/{project_id}/datasets/{dataset_id}/tasks/{task_id}"
    assert ("  description          response 200 result.dataset_name: 'Dataset name' vs 'Dataset name, which can "
            "contain 1 to 100 characters. Only letters, digits, underscores (_), and hyphens (-) are allowed.'  "
            f"[A: {RST_SEED.as_posix()}:449  B: {TEXT_SEED.as_posix()}:864]") in out
    assert "operations: 1 in A, 1 in B, 1 matched by method and path, 1 of them differ" in out


def test_the_same_operation_in_two_formats_without_differences(capsys):
    assert main(["compare", str(SEEDS / "modelarts" / "list_tasks.rst"), str(FIXTURES / "html" / "ListTasks.html")]) == 0
    assert "no differences" in capsys.readouterr().out


def test_folders_are_matched_by_method_and_path(tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shutil.copy(RST_SEED, tmp_path / "a")
    shutil.copy(SEEDS / "modelarts" / "list_tasks.rst", tmp_path / "a")
    shutil.copy(TEXT_SEED, tmp_path / "b")
    shutil.copy(FIXTURES / "html" / "DescWorkforceTask.html", tmp_path / "b")
    assert main(["compare", str(tmp_path / "a"), str(tmp_path / "b"), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["operations"] == {"a": 2, "b": 2, "matched": 1}
    kinds = sorted((d["kind"], d["operation"]) for d in report["differences"])
    assert kinds == [
        ("description", "GET /v2/{project_id}/datasets/{dataset_id}/tasks/{task_id}"),
        ("operation-only-in-a", "GET /v2/{project_id}/datasets/{dataset_id}/tasks"),
        ("operation-only-in-b", "GET /v2/{project_id}/datasets/{dataset_id}/workforce-tasks/{workforce_task_id}"),
        # collect_rule, "Only **all** is available": the text copy lost the bold that marks the value
        ("values", "GET /v2/{project_id}/datasets/{dataset_id}/tasks/{task_id}"),
    ]


def test_summary_counts_kinds_only(capsys):
    main(["compare", str(SEEDS / "modelarts" / "desc_workforce_task.rst"),
          str(FIXTURES / "html" / "DescWorkforceTask.html"), "--summary"])
    out = capsys.readouterr().out
    assert not out.startswith("GET") and "  values               4" in out


def test_a_missing_side_is_a_usage_error(tmp_path, capsys):
    assert main(["compare", str(tmp_path / "nothing.rst"), str(RST_SEED)]) == 2
    assert "does not exist" in capsys.readouterr().err
