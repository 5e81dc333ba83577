"""The seed operations read from their other renderings: seed 003 (text copied from the help
center) and the four help-center HTML pages give the operations, parameters and fields of
the RST seeds, every row; ``compare`` lists exactly their real differences."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.check.compare import compare, load_operations
from generator.parse.formats import read_page
from generator.pipeline import build_models, build_service

from .conftest import SEEDS

FIXTURES = Path(__file__).parent / "fixtures"
TEXT_SEED = FIXTURES / "text" / "003_798c8d144748fa05.txt"
RST = SEEDS / "modelarts"
HTML_OF = {"auto_annotation_progress.rst": "AutoAnnotationProgress.html", "list_tasks.rst": "ListTasks.html",
           "update_workforce_sampling_task.rst": "UpdateWorkforceSamplingTask.html",
           "desc_workforce_task.rst": "DescWorkforceTask.html"}

# What the older HTML snapshot says differently from the RST seeds, besides wording: read by
# eye in both files (see the README of ../shared/html and the closing note of issue 12).
HTML_DIFFERENCES = {
    "auto_annotation_progress.rst": [
        ("title", ""),  # "Obtaining Details About an Auto Labeling Task" vs "Obtaining Information About Intelligent Tasks"
        ("rows", "response 200 body"),  # the HTML has no export_type row
        ("field-only-in-a", "response 200 export_type"),
        ("rows", "response 200 config.samples[].metadata"),  # SampleMetadata: 5 rows vs 4
        ("field-only-in-a", "response 200 config.samples[].metadata.@modelarts:import_origin"),
        ("rows", "response 200 result.samples[].metadata"),
        ("field-only-in-a", "response 200 result.samples[].metadata.@modelarts:import_origin"),
        ("values", "response 200 config.collect_rule"),  # "Only **all** is available": no bold in the HTML
        ("values", "response 200 config.export_params.sample_state"),  # __ALL__ vs ALL (the export lost the underscores)
        ("values", "response 200 config.export_params.search_conditions[].label_list.labels[].type"),  # no 3 in HTML
        ("values", "response 200 config.samples[].labels[].type"),
        ("values", "response 200 result.dataset_type"),
        ("values", "response 200 result.events[].status"),  # RST: "- running" unmarked; HTML: **running**: running
        ("values", "response 200 result.samples[].labels[].type"),
    ],
    "list_tasks.rst": [],
    "update_workforce_sampling_task.rst": [
        ("values", "query locale"),  # the RST's list has no marked values
        ("required", "request action"),  # Yes in RST, No in HTML
        ("rows", "request body"),  # the HTML also lists locale in the body
        ("field-only-in-b", "request locale"),
        ("values", "response 200 samples[].labels[].type"),
        ("rows", "response 200 samples[].metadata"),
        ("field-only-in-a", "response 200 samples[].metadata.@modelarts:import_origin"),
        ("values", "response 200 samples[].sample_status"),  # one RST item unmarked
    ],
    "desc_workforce_task.rst": [
        ("values", "response 200 label_stats[].type"),
        ("values", "response 200 sample_search_conditions[].label_list.labels[].type"),
        ("values", "response 200 sample_search_conditions[].sample_time"),  # the HTML's list broke into a code block
        ("values", "response 200 status"),  # RST item "\\**4: Rejected" lost its bold
    ],
}


def _rows_all_in_output(path: Path):
    page = read_page(path.read_bytes(), path.as_posix())
    report = build_service("modelarts", [page], "docs", clients=False).result.report
    return page, report


def test_text_seed_yields_the_rst_seed_operation_every_row():
    rst, rst_report = _rows_all_in_output(RST / "auto_annotation_progress.rst")
    text, text_report = _rows_all_in_output(TEXT_SEED)
    assert [(e.method, e.path) for e in text.endpoints] == [(e.method, e.path) for e in rst.endpoints]
    assert [(t.caption, len(t.rows)) for t in text.tables] == [(t.caption, len(t.rows)) for t in rst.tables]
    assert text_report.table_rows == rst_report.table_rows == text_report.rows_in_output


def test_compare_text_seed_with_rst_seed_lists_their_real_differences():
    differences = compare(load_operations(RST / "auto_annotation_progress.rst"), load_operations(TEXT_SEED))
    # collect_rule, "Only **all** is available": the copied text lost the bold that marks the value
    assert [(d.kind, d.target) for d in differences] == [("values", "response 200 config.collect_rule"),
                                                         ("description", "response 200 result.dataset_name")]
    difference = differences[1]
    assert difference.a.endswith("auto_annotation_progress.rst:449") and difference.b.endswith("003_798c8d144748fa05.txt:864")


@pytest.mark.parametrize("rst", sorted(HTML_OF))
def test_html_seed_pages_yield_the_rst_seed_operations_every_row(rst):
    rst_page, _ = _rows_all_in_output(RST / rst)
    html_page, report = _rows_all_in_output(FIXTURES / "html" / HTML_OF[rst])
    assert [(e.method, e.path) for e in html_page.endpoints] == [(e.method, e.path) for e in rst_page.endpoints]
    assert len(html_page.tables) == len(rst_page.tables)
    assert report.rows_in_output == report.table_rows


@pytest.mark.parametrize("rst", sorted(HTML_OF))
def test_compare_html_with_rst_lists_the_real_differences(rst):
    differences = compare(load_operations(RST / rst), load_operations(FIXTURES / "html" / HTML_OF[rst]))
    assert sorted((d.kind, d.target) for d in differences if d.kind != "description") == sorted(HTML_DIFFERENCES[rst])


def test_a_service_mixing_formats_generates_every_page(tmp_path):
    from generator.pipeline import discover

    service = tmp_path / "docs" / "modelarts"
    service.mkdir(parents=True)
    shutil.copy(RST / "list_tasks.rst", service)
    shutil.copy(TEXT_SEED, service)
    shutil.copy(FIXTURES / "html" / "DescWorkforceTask.html", service)
    assert [p.name for p in discover(tmp_path / "docs")["modelarts"]] == [
        "003_798c8d144748fa05.txt", "DescWorkforceTask.html", "list_tasks.rst"]
    (built,) = build_models(tmp_path / "docs")
    result = built.result
    assert sorted(op.operation_id for op in built.service.operations) == [
        "DescWorkforceTask", "ListTasks", "ShowAutoLabelingTask"]
    assert result.report.rows_lost == ()
