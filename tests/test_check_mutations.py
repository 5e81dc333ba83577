"""Mutation suite: an upstream edit to a copy of the seed pages makes ``docbind check`` exit 1
and its changelog names exactly that change, classified and cited to the edited row.

Each mutation edits the copy in place and returns the one API change it must cause;
documentation entries (the edited description cell, examples the edit invalidates) may
come with it, nothing else may.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.render import python_client
from generator.cli import main
from generator.write import write_tree

from .check_edits import add_cell_line, copy_row, line_of, remove_cell_line, remove_row, set_cell
from .conftest import SEEDS

LIST = "modelarts/list_tasks.rst"
UPDATE = "modelarts/update_workforce_sampling_task.rst"
DESC = "modelarts/desc_workforce_task.rst"
LIST_OP = "GET /v2/{project_id}/datasets/{dataset_id}/tasks"
UPDATE_OP = "PUT /v2/{project_id}/datasets/{dataset_id}/workforce-tasks/{workforce_task_id}/acceptance/status"
DESC_OP = "GET /v2/{project_id}/datasets/{dataset_id}/workforce-tasks/{workforce_task_id}"


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """One cache folder for the module's checks: a page the copy shares with docs_src is
    not parsed again (parsing is pure)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module", autouse=True)
def fast_generation():
    """Each check regenerates the copy. The Python client is left out: it is rendered from
    the same model and compared by the same file check (test_check_cli), and the changelog
    is read from the OpenAPI document."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(python_client, "render_python_client", lambda *args: {})
        yield


@pytest.fixture(scope="module")
def committed(tmp_path_factory) -> Path:
    """generated/ as ``make generate`` writes it from the seed pages."""
    out = tmp_path_factory.mktemp("committed") / "generated"
    seeds = _copy(tmp_path_factory.mktemp("seeds"))
    write_tree(out, {rel: text for r in pipeline.generate(seeds) for rel, text in r.files.items()})
    return out


@pytest.fixture
def docs(tmp_path) -> Path:
    """A copy of the seed pages, named docs_src so that citations read as in a project."""
    return _copy(tmp_path)


def _copy(folder: Path) -> Path:
    return Path(shutil.copytree(SEEDS, folder / "docs_src"))


def check(docs: Path, out: Path, capsys, cache: Path) -> tuple[int, dict]:
    code = main(["check", "--docs", str(docs), "--out", str(out), "--format", "json", "--cache", str(cache)])
    return code, json.loads(capsys.readouterr().out)


def edit(docs: Path, page: str, change) -> str:
    path = docs / page
    text = change(path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    return text


def change(operation: str, kind: str, target: str, detail: str, breaking: bool, page: str, line: int) -> dict:
    return {"service": "modelarts", "operation": operation, "kind": kind, "target": target,
            "detail": detail, "breaking": breaking, "source": f"docs_src/{page}:{line}"}


# ---- the mutations -------------------------------------------------------------------------

def remove_query_parameter(docs):
    edit(docs, LIST, lambda t: remove_row(t, "| limit "))
    return change(LIST_OP, "parameter-removed", "query parameter `limit`", "removed", True, LIST, 24)


def add_optional_query_parameter(docs):
    text = edit(docs, LIST, lambda t: copy_row(t, "| task_name ", [("task_name", "sort_by")]))
    return change(LIST_OP, "parameter-added", "query parameter `sort_by`", "added (optional)", False,
                  LIST, line_of(text, "| sort_by "))


def add_required_query_parameter(docs):
    text = edit(docs, LIST, lambda t: copy_row(t, "| task_name ", [("task_name", "region"), ("No ", "Yes")]))
    return change(LIST_OP, "parameter-added", "query parameter `region`", "added (required)", True,
                  LIST, line_of(text, "| region "))


def make_query_parameter_mandatory(docs):
    text = edit(docs, LIST, lambda t: set_cell(t, "| offset ", "| No ", "| Yes"))
    return change(LIST_OP, "required-changed", "query parameter `offset`", "became required", True,
                  LIST, line_of(text, "| offset "))


def make_request_field_optional(docs):
    text = edit(docs, UPDATE, lambda t: set_cell(t, "| action ", "| Yes ", "| No"))
    return change(UPDATE_OP, "required-changed", "request field `action`", "became optional", False,
                  UPDATE, line_of(text, "| action "))


def change_response_field_type(docs):
    text = edit(docs, LIST, lambda t: set_cell(t, "| total_count ", "| Integer ", "| String"))
    return change(LIST_OP, "type-changed", "response 200 field `total_count`", "type integer/int32 → string", True,
                  LIST, line_of(text, "| total_count "))


def widen_request_field_format(docs):
    text = edit(docs, UPDATE, lambda t: set_cell(t, "| action ", "| Integer ", "| Long"))
    return change(UPDATE_OP, "format-changed", "request field `action`", "format integer/int32 → integer/int64",
                  True, UPDATE, line_of(text, "| action "))


def add_request_enum_value(docs):
    text = edit(docs, UPDATE, lambda t: add_cell_line(
        t, "**5**: Pass only single-accepted samples.", "-  **5**: Pass only single-accepted samples.",
        "-  **6**: Pass reviewed samples."))
    return change(UPDATE_OP, "enum-values-added", "request field `action`", "enum values added: 6", False,
                  UPDATE, line_of(text, "| action "))


def remove_request_enum_value(docs):
    text = edit(docs, LIST, lambda t: remove_cell_line(t, "**auto-deploy**"))
    return change(LIST_OP, "enum-values-removed", "query parameter `type`", "enum values removed: auto-deploy",
                  True, LIST, line_of(text, "| type "))


def add_response_enum_value(docs):
    text = edit(docs, UPDATE, lambda t: add_cell_line(t, "**9**: custom format", "-  **9**: custom format",
                                                      "-  **10**: point cloud", after="| sample_type "))
    return change(UPDATE_OP, "enum-values-added", "response 200 field `samples[].sample_type`",
                  "enum values added: 10", True, UPDATE, line_of(text, "| sample_type "))


def remove_response_field(docs):
    text = edit(docs, LIST, lambda t: remove_row(t, "| total_count "))
    return change(LIST_OP, "field-removed", "response 200 field `total_count`", "removed", True,
                  LIST, line_of(text, "| Parameter ", after="**Table 3** Response body parameters"))


def add_response_field(docs):
    text = edit(docs, LIST, lambda t: copy_row(t, "| total_count ", [("total_count", "page_count")]))
    return change(LIST_OP, "field-added", "response 200 field `page_count`", "added (optional)", False,
                  LIST, line_of(text, "| page_count "))


def add_required_request_field(docs):
    text = edit(docs, UPDATE, lambda t: copy_row(t, "| overwrite_last_result ",
                                                 [("overwrite_last_result", "dry_run"), ("No ", "Yes")]))
    return change(UPDATE_OP, "field-added", "request field `dry_run`", "added (required)", True,
                  UPDATE, line_of(text, "| dry_run "))


def change_nested_field_type(docs):
    text = edit(docs, LIST, lambda t: set_cell(t, "| status ", "| Integer ", "| String",
                                               after="**Table 4** RunningTask"))
    return change(LIST_OP, "type-changed", "response 200 field `tasks[].status`", "type integer/int32 → string",
                  True, LIST, line_of(text, "| status ", after="**Table 4** RunningTask"))


def raise_parameter_minimum(docs):
    text = edit(docs, LIST, lambda t: set_cell(t, "| limit ", "ranges from 1 to 100", "ranges from 5 to 100"))
    return change(LIST_OP, "range-changed", "query parameter `limit`", "minimum 1 → 5", True,
                  LIST, line_of(text, "| limit "))


def move_parameter_to_header(docs):
    edit(docs, UPDATE, lambda t: t.replace("**Table 2** Query Parameters", "**Table 2** Header Parameters"))
    return change(UPDATE_OP, "parameter-location-changed", "parameter `locale`", "moved from query to header", True,
                  UPDATE, line_of((docs / UPDATE).read_text(), "   locale "))


def rename_path(docs):
    edit(docs, LIST, lambda t: t.replace("GET /v2/{project_id}/datasets/{dataset_id}/tasks\n",
                                         "GET /v2/{project_id}/datasets/{dataset_id}/jobs\n"))
    return change(LIST_OP.replace("/tasks", "/jobs"), "operation-path-changed", "operation",
                  f"moved from {LIST_OP}", True, LIST, 24)


def remove_page(docs):
    (docs / DESC).unlink()
    return change(DESC_OP, "operation-removed", "operation", "removed", True, DESC, 21)


MUTATIONS = [
    remove_query_parameter, add_optional_query_parameter, add_required_query_parameter,
    make_query_parameter_mandatory, make_request_field_optional, change_response_field_type,
    widen_request_field_format, add_request_enum_value, remove_request_enum_value,
    add_response_enum_value, remove_response_field, add_response_field, add_required_request_field,
    change_nested_field_type, raise_parameter_minimum, move_parameter_to_header, rename_path, remove_page,
]


# ---- the specification ---------------------------------------------------------------------

def test_an_untouched_copy_passes(docs, committed, capsys, cache):
    code, report = check(docs, committed, capsys, cache)
    assert (code, report["differs"], report["changes"]) == (0, False, [])


@pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda m: m.__name__)
def test_each_edit_fails_the_check_with_exactly_its_change(mutate, docs, committed, capsys, cache):
    expected = mutate(docs)
    code, report = check(docs, committed, capsys, cache)
    assert code == 1
    assert report["files"] == {"changed": ["openapi/modelarts.yaml"], "missing": [], "stale": []}
    api = [{k: c[k] for k in expected} for c in report["changes"] if c["kind"] != "documentation"]
    assert api == [expected]


def test_a_prose_edit_is_non_breaking_documentation_drift(docs, committed, capsys, cache):
    text = edit(docs, LIST, lambda t: set_cell(t, "| task_name ", "Task name filtering.", "Filter by task name."))
    code, report = check(docs, committed, capsys, cache)
    assert code == 1
    expected = change(LIST_OP, "documentation", "query parameter `task_name`", "description changed", False,
                      LIST, line_of(text, "| task_name "))
    assert [{k: c[k] for k in expected} for c in report["changes"]] == [expected]
    assert report["summary"] == {"breaking": 0, "non_breaking": 1}


def test_the_kinds_of_edits_cover_the_bar():
    assert len(MUTATIONS) >= 12
