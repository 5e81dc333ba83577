"""Every document docbind writes is validated: a problem is an error naming its page and line."""

from __future__ import annotations

import copy
import dataclasses
import random

from openapi_spec_validator import OpenAPIV30SpecValidator

import generator.check.validity
import generator.link.operations
from generator.check.validity import validate_document
from generator.memo import Memo
from generator.parse.page import parse_page
from generator.pipeline import build_service
from tests.test_link import page


def test_an_invalid_document_is_an_error_naming_the_page_of_the_operation(make_docs, monkeypatch):
    # Should parser and linker let a path through that OpenAPI cannot have, validation still
    # names the page.
    monkeypatch.setattr(generator.link.operations, "path_problem", lambda path: None)
    docs = make_docs({"a.rst": page("Querying a Server", "GET /v1/servers/{id}")})
    (file,) = (docs / "svc").iterdir()
    parsed = parse_page(file.read_bytes(), "docs/svc/a.rst")
    broken = dataclasses.replace(parsed, endpoints=(dataclasses.replace(parsed.endpoints[0], path="/v1/servers/{id}}"),))
    result = build_service("svc", [broken], "docs", clients=False).result
    errors = [d for d in result.diagnostics if d.severity == "error"]
    assert [(d.file, d.line, d.code) for d in errors] == [("docs/svc/a.rst", 7, "openapi-invalid")]
    assert errors[0].message.startswith("the OpenAPI document is invalid at /paths/~1v1~1servers~1{id}}/get: ")


def test_a_schema_problem_names_the_table_of_the_schema():
    document = {
        "openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
        "components": {"schemas": {"Server": {
            "type": "object", "properties": {"count": {"type": "integer", "default": "many"}},
            "x-source": "docs/svc/a.rst:21"}}},
    }
    (error,) = validate_document(document, "docs/svc")
    assert (error.file, error.line, error.code) == ("docs/svc/a.rst", 21, "openapi-invalid")
    assert error.message.endswith("'many' is not of type 'integer'")


def test_a_problem_outside_operations_and_schemas_names_the_service():
    document = {"openapi": "3.0.3", "info": {"title": "t"}, "paths": {}}
    (error,) = validate_document(document, "docs/svc")
    assert (error.file, error.line) == ("docs/svc", 1)
    assert "'version' is a required property" in error.message


def test_the_seed_documents_are_valid(seed_results):
    assert not [d for r in seed_results.values() for d in r.diagnostics if d.code == "openapi-invalid"]


def test_parts_validated_before_in_the_same_surroundings_are_not_validated_again(monkeypatch):
    document = {
        "openapi": "3.0.3", "info": {"title": "t", "version": "1"},
        "paths": {"/v1/servers": {"get": {"responses": {"200": {"description": "OK"}}, "x-source": "docs/svc/a.rst:7"}},
                  "/v1/volumes": {"get": {"responses": {"200": {"description": 5}}, "x-source": "docs/svc/b.rst:9"}}},
        "components": {"schemas": {"Server": {"type": "object", "x-source": "docs/svc/a.rst:21"}}},
    }
    memo = Memo()
    first = validate_document(document, "docs/svc", memo)
    assert [(d.file, d.line) for d in first] == [("docs/svc/b.rst", 9)]
    assert first == validate_document(document, "docs/svc")  # as without a memo

    document["paths"]["/v1/servers"]["get"]["summary"] = "Listing servers"
    checked = []
    real = generator.check.validity._meta
    monkeypatch.setattr(generator.check.validity, "_meta", lambda meta, doc: checked.append(doc) or real(meta, doc))
    again = validate_document(document, "docs/svc", Memo(memo.used))
    assert again == first
    assert [list(doc["paths"]) for doc in checked] == [["/v1/servers", "/v1/volumes"], ["/v1/servers"]]


def _places(value, where=()):
    """Every (container, key) of a document, depth first."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, inner in items:
        yield value, key
        yield from _places(inner, (*where, key))


def test_the_fast_check_passes_no_document_jsonschema_finds_fault_with(seed_spec):
    """jsonschema-rs only spares jsonschema's check where the document conforms: on documents
    broken in many places and ways, it passes none that jsonschema faults."""
    document = copy.deepcopy(seed_spec)
    document["paths"] = dict(list(document["paths"].items())[:6])
    document["components"]["schemas"] = dict(list(document["components"]["schemas"].items())[:6])
    meta = OpenAPIV30SpecValidator(document).schema_validator
    rng = random.Random(11)
    checked = faulted = 0
    for container, key in rng.sample(list(_places(document)), 150):
        for wrong in (123, "text", [], {}, None, True, 1.5):
            old = container[key]
            container[key] = wrong
            faults = any(True for _ in meta.iter_errors(document))
            assert not (faults and generator.check.validity._conforms(meta.schema, document)), (key, wrong)
            checked += 1
            faulted += faults
            container[key] = old
    assert checked == 1050 and faulted > 100
