"""Stable operationIds: a method + path keeps its registered name; new names never collide."""

from __future__ import annotations

from generator.link.operation_ids import read_overrides, registry_from_document, stable_operation_ids
from generator.model.api import Operation, Service


def op(op_id: str, method: str, path: str) -> Operation:
    return Operation(op_id, method, path, "", "", (), (), None, (), (), "docs/s/p.rst:1")


def names(service: Service) -> list[str]:
    return [o.operation_id for o in service.operations]


def test_an_anchor_rename_renames_nothing():
    registry = {("GET", "/v1/{}/jobs"): "ListJobs"}
    service = Service("s", "S", (op("ModelartsV1", "GET", "/v1/{project_id}/jobs"),), ())
    assert names(stable_operation_ids(service, registry)) == ["ListJobs"]


def test_new_pages_of_a_newer_version_take_free_names():
    registry = {("GET", "/v1/{}/jobs"): "ListJobs"}
    service = Service("s", "S", (op("ListJobsV1", "GET", "/v1/{project_id}/jobs"),
                                 op("ListJobs", "GET", "/v2/{project_id}/jobs")), ())
    assert names(stable_operation_ids(service, registry)) == ["ListJobs", "ListJobs2"]


def test_a_maintainer_override_wins(tmp_path):
    file = tmp_path / "operation-ids.yaml"
    file.write_text("GET /v1/{project_id}/jobs: ListTrainingJobs\nbad line: x y\n")
    overrides, problems = read_overrides(file, "docs/s/operation-ids.yaml")
    service = Service("s", "S", (op("ListJobs", "GET", "/v1/{project_id}/jobs"),), ())
    assert names(stable_operation_ids(service, {("GET", "/v1/{}/jobs"): "ListJobs"}, overrides)) == ["ListTrainingJobs"]
    assert [d.code for d in problems] == ["operation-ids-unreadable"]


def test_the_registry_is_read_from_a_document():
    doc = {"paths": {"/v1/{id}/x": {"get": {"operationId": "ShowX"}, "parameters": []}}}
    assert registry_from_document(doc) == {("GET", "/v1/{}/x"): "ShowX"}


def test_a_kept_registry_is_the_registry_of_its_document(tmp_path):
    from generator.json_store import JsonStore
    from generator.link.operation_ids import registries_from_documents

    document = "openapi: 3.0.3\npaths:\n  /v1/{project_id}/jobs:\n    get:\n      operationId: ListJobs\n"
    store = JsonStore(tmp_path)
    first = registries_from_documents({"s": document}, store)
    assert list(tmp_path.rglob("*.json"))
    assert registries_from_documents({"s": document}, store) == first == {"s": {("GET", "/v1/{}/jobs"): "ListJobs"}}
    assert registries_from_documents({"s": document.replace("ListJobs", "Other")}, store) == \
        {"s": {("GET", "/v1/{}/jobs"): "Other"}}


def test_an_overrides_file_that_is_too_large_a_fifo_or_binary_is_a_warning(tmp_path):
    import os

    from generator.link.operation_ids import MAX_OVERRIDES_BYTES

    large, fifo, binary = tmp_path / "large.yaml", tmp_path / "fifo.yaml", tmp_path / "binary.yaml"
    large.write_text("#" * (MAX_OVERRIDES_BYTES + 1))
    os.mkfifo(fifo)
    binary.write_bytes(b"\xff\xfe GET /x: Y")
    for file in (large, fifo, binary):
        overrides, problems = read_overrides(file, "docs/s/operation-ids.yaml")
        assert overrides == {} and [d.code for d in problems] == ["operation-ids-unreadable"], file
