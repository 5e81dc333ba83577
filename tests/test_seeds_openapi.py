"""The seed pages (tests/fixtures/seeds) as an OpenAPI document: the bar of the pipeline issue."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import jsonschema
import pytest
from openapi_spec_validator import validate

from .conftest import ROOT, SEEDS, SEEDS_OUT
from .table_reader import read_tables

SEED_OPERATIONS = {
    ("get", "/v2/{project_id}/datasets/{dataset_id}/tasks"): "ListTasks",
    ("get", "/v2/{project_id}/datasets/{dataset_id}/tasks/{task_id}"): "AutoAnnotationProgress",
    ("put", "/v2/{project_id}/datasets/{dataset_id}/workforce-tasks/{workforce_task_id}/acceptance/status"):
        "UpdateWorkforceSamplingTask",
    ("get", "/v2/{project_id}/datasets/{dataset_id}/workforce-tasks/{workforce_task_id}"): "DescWorkforceTask",
}


def operations(spec: dict) -> dict[str, dict]:
    return {op["operationId"]: op for item in spec["paths"].values() for op in item.values()}


def test_document_passes_openapi_spec_validator(seed_spec):
    validate(seed_spec)


def test_document_passes_redocly_lint():
    redocly = ROOT / "node_modules" / ".bin" / "redocly"
    result = subprocess.run([str(redocly), "lint", "--format=json", str(SEEDS_OUT / "openapi" / "modelarts.yaml")],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    problems = json.loads(result.stdout)["problems"] if result.stdout.strip().startswith("{") else None
    assert problems is not None, result.stderr
    errors = [p for p in problems if p["severity"] == "error"]
    assert errors == [] and result.returncode == 0


def test_all_four_operations_with_exact_method_and_path(seed_spec):
    found = {(method, path): op["operationId"] for path, item in seed_spec["paths"].items()
             for method, op in item.items()}
    assert found == SEED_OPERATIONS


def test_list_tasks_type_is_an_enum_of_four_strings(seed_spec):
    param = _param(seed_spec, "ListTasks", "type")
    assert param["schema"]["enum"] == ["auto-label", "pre-label", "auto-grouping", "auto-deploy"]
    assert param["in"] == "query" and param["required"] is False


def test_locale_is_a_required_query_parameter(seed_spec):
    param = _param(seed_spec, "UpdateWorkforceSamplingTask", "locale")
    assert (param["in"], param["required"], param["schema"]["type"]) == ("query", True, "string")


def test_limit_has_range_and_default(seed_spec):
    schema = _param(seed_spec, "ListTasks", "limit")["schema"]
    assert (schema["minimum"], schema["maximum"], schema["default"]) == (1, 100, 10)
    assert (schema["type"], schema["format"]) == ("integer", "int32")


def test_search_label_property_is_a_map_of_string_arrays(seed_spec):
    for name, schema in seed_spec["components"]["schemas"].items():
        if name.endswith("SearchLabel"):
            prop = schema["properties"]["property"]
            assert prop["type"] == "object"
            assert prop["additionalProperties"] == {"type": "array", "items": {"type": "string"}}


def test_integer_enums_are_integers(seed_spec):
    body = seed_spec["components"]["schemas"]["UpdateWorkforceSamplingTaskRequest"]
    assert body["properties"]["action"]["enum"] == [0, 1, 2, 3, 4, 5]
    assert body["required"] == ["action"]
    assert body["properties"]["overwrite_last_result"]["default"] is False


def test_same_named_different_tables_both_survive(seed_spec):
    schemas = seed_spec["components"]["schemas"]
    sizes = sorted(len(s["properties"]) for n, s in schemas.items() if n.endswith("SampleMetadata"))
    assert 4 in sizes and 5 in sizes


def test_operations_and_schemas_cite_their_source(seed_spec):
    for op in operations(seed_spec).values():
        assert re.fullmatch(r"seeds/modelarts/\w+\.rst:\d+", op["x-source"])
    for schema in seed_spec["components"]["schemas"].values():
        assert re.fullmatch(r"seeds/modelarts/\w+\.rst:\d+", schema["x-source"])


@pytest.mark.parametrize("page", sorted(p.name for p in (SEEDS / "modelarts").glob("*.rst")))
def test_every_table_row_is_in_the_document_at_its_place(seed_spec, page):
    """Read the tables independently and find each row where it belongs."""
    text = (SEEDS / "modelarts" / page).read_text()
    op = next(o for o in operations(seed_spec).values() if o["x-source"].split(":")[0].endswith(page))
    params = {(p["in"], p["name"]): p for p in op.get("parameters", [])}
    reachable = _reachable_schemas(seed_spec, op)
    for table in read_tables(text):
        names = [row["Parameter"] if "Parameter" in row else row["Status Code"] for _, row in table.rows]
        caption = table.caption.lower()
        if "Status Code" in table.headers:
            assert set(names) <= set(op["responses"])
        elif "path" in caption or "uri" in caption:
            for _, row in table.rows:
                assert params[("path", row["Parameter"])]["required"] is True
        elif "query" in caption:
            for _, row in table.rows:
                assert params[("query", row["Parameter"])]["required"] == (row["Mandatory"] == "Yes")
        else:
            matches = [s for s in reachable if list(s["properties"]) == names]
            assert matches, f"{page}: table {table.caption!r} (line {table.line}) not reachable"
            if "Mandatory" in table.headers:
                required = [row["Parameter"] for _, row in table.rows if row["Mandatory"] == "Yes"]
                assert any(s.get("required", []) == required for s in matches)


def test_zero_rows_unaccounted(seed_results):
    report = seed_results["modelarts"].report
    assert (report.table_rows, report.rows_in_output, report.rows_lost) == (573, 573, ())
    assert report.table_rows == report.rows_in_output + report.rows_in_diagnostics
    independent = sum(len(t.rows) for p in (SEEDS / "modelarts").glob("*.rst") for t in read_tables(p.read_text()))
    assert report.table_rows == independent


def test_examples_validate_or_are_diagnosed(seed_results, seed_models, seed_spec):
    """Each JSON example validates against its operation's schema, or a diagnostic names it."""
    diagnosed = {(d.file, d.line) for d in seed_results["modelarts"].diagnostics
                 if d.code in ("example-mismatch", "example-invalid-json")}
    for op in operations(seed_spec).values():
        for response in op["responses"].values():
            content = response.get("content", {}).get("application/json", {})
            for example in content.get("examples", {}).values():
                schema = {**content["schema"], "components": seed_spec["components"]}
                jsonschema.Draft4Validator(schema).validate(example["value"])
    for built in seed_models.values():
        for page in built.pages:
            for example in page.examples:
                if example.is_json and (page.file, example.line) not in diagnosed:
                    assert _example_in(seed_spec, example.data), (page.file, example.line)
    messages = [d.message for d in seed_results["modelarts"].diagnostics if d.code == "example-mismatch"]
    assert all("$." in m and "example of" in m for m in messages)


def test_output_is_byte_identical_across_hash_seeds(tmp_path):
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--docs", str(SEEDS),
                        "--out", str(out), "--quiet"],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        outputs.append({p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()})
    assert outputs[0] == outputs[1] and outputs[0]


def test_committed_document_matches_the_docs(seed_results):
    """tests/fixtures/seeds_generated/ is the golden file for the seeds (`make generate`)."""
    committed = (SEEDS_OUT / "openapi" / "modelarts.yaml").read_text()
    assert committed == seed_results["modelarts"].files["openapi/modelarts.yaml"]


def _param(spec: dict, op_id: str, name: str) -> dict:
    return next(p for p in operations(spec)[op_id]["parameters"] if p["name"] == name)


def _reachable_schemas(spec: dict, op: dict) -> list[dict]:
    schemas = spec["components"]["schemas"]
    seen: dict[str, dict] = {}
    stack = re.findall(r"#/components/schemas/(\w+)", json.dumps(op))
    while stack:
        name = stack.pop()
        if name not in seen:
            seen[name] = schemas[name]
            stack.extend(re.findall(r"#/components/schemas/(\w+)", json.dumps(schemas[name])))
    return list(seen.values())


def _example_in(spec: dict, data: object) -> bool:
    return json.dumps(data, sort_keys=True) in {
        json.dumps(e["value"], sort_keys=True)
        for op in operations(spec).values()
        for part in [op.get("requestBody", {}), *op["responses"].values()]
        for e in part.get("content", {}).get("application/json", {}).get("examples", {}).values()
    }
