"""The breaking rules of the API changelog, on small OpenAPI documents (README, "Breaking rules")."""

from __future__ import annotations

import copy

from generator.check.changelog import compare

PATH = "/v1/things/{thing_id}"
OP = f"POST {PATH}"


def document(request: dict | None = None, response: dict | None = None, parameters: list | None = None,
             schemas: dict | None = None, **operation) -> dict:
    """A one-operation document; ``request``/``response`` are the JSON body schemas."""
    op = {"operationId": "CreateThing", "summary": "Create a thing", "parameters": parameters or [],
          "responses": {"200": {"description": "OK"}}, "x-source": "docs/svc/create.rst:10", **operation}
    if request is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": request}}}
    if response is not None:
        op["responses"]["200"]["content"] = {"application/json": {"schema": response}}
    return {"openapi": "3.0.3", "paths": {PATH: {"post": op}}, "components": {"schemas": schemas or {}}}


def obj(required=(), table="docs/svc/create.rst:40", **properties) -> dict:
    return {"type": "object", **({"required": list(required)} if required else {}),
            "properties": properties, "x-source": table}


def changes(old: dict, new: dict, **sources) -> list[tuple]:
    return [(c.kind, c.target, c.detail, c.breaking) for c in compare("svc", old, new, **sources)]


STRING = {"type": "string"}
INT = {"type": "integer", "format": "int32"}


def test_identical_documents_have_no_changes():
    doc = document(request=obj(name=STRING))
    assert compare("svc", doc, copy.deepcopy(doc)) == []


def test_operations_added_and_removed():
    empty = {"openapi": "3.0.3", "paths": {}}
    assert changes(empty, document()) == [("operation-added", "operation", "added", False)]
    assert changes(document(), empty) == [("operation-removed", "operation", "removed", True)]
    assert changes(document(), None) == [("operation-removed", "operation", "removed", True)]


def test_a_renamed_path_parameter_is_the_same_operation():
    old = document()
    new = {**old, "paths": {"/v1/things/{id}": old["paths"][PATH]}}
    assert changes(old, new) == [("path-template-changed", "operation", f"path parameters renamed (was {OP}); "
                                  "generated clients name their arguments after them", True)]


def test_a_changed_operation_id_breaks_generated_clients():
    assert changes(document(), document(operationId="MakeThing")) == [
        ("operation-id-changed", "operationId", "CreateThing → MakeThing", True)]


def test_response_field_rules():
    old = document(response=obj(required=["id"], id=STRING, state={**STRING, "enum": ["a", "b"]}))
    looser = document(response=obj(id=STRING, state={**STRING, "enum": ["a"]}, extra=INT))
    assert changes(old, looser) == [
        ("field-added", "response 200 field `extra`", "added (optional)", False),
        ("required-changed", "response 200 field `id`", "became optional", True),
        ("enum-values-removed", "response 200 field `state`", "enum values removed: b", False),
    ]
    assert changes(looser, old) == [
        ("field-removed", "response 200 field `extra`", "removed", True),
        ("required-changed", "response 200 field `id`", "became required", False),
        ("enum-values-added", "response 200 field `state`", "enum values added: b", True),
    ]


def test_request_field_rules():
    old = document(request=obj(name={**STRING, "enum": ["a", "b"]}, size={**INT, "maximum": 10}))
    new = document(request=obj(required=["name"], name={**STRING, "enum": ["a", "c"]},
                               size={**INT, "maximum": 20}))
    assert changes(old, new) == [
        ("required-changed", "request field `name`", "became required", True),
        ("enum-values-added", "request field `name`", "enum values added: c", False),
        ("enum-values-removed", "request field `name`", "enum values removed: b", True),
        ("range-changed", "request field `size`", "maximum 10 → 20", False),
    ]


def test_a_request_field_required_in_a_new_case_breaks_callers():
    said = "OS version. This parameter is mandatory when **quick** is **true**."
    old = document(request=obj(os_version={**STRING, "description": said}))
    new = document(request=obj(os_version={**STRING, "description": said + " If the file is an ISO file, this "
                                            "parameter is mandatory."}))
    assert changes(old, new) == [("required-changed", "request field `os_version`",
                                  "became required in a case its description names", True)]
    assert [c[0] for c in changes(new, old)] == ["documentation"]


def test_values_narrowed_in_a_case_break_callers():
    old = document(request=obj(num={**INT, "description": "- mongos: The value ranges from 2 to 32.\n"
                                                         "- replica: The number of nodes can be 3, 5, or 7."}))
    new = document(request=obj(num={**INT, "description": "- mongos: The value ranges from 2 to 32.\n"
                                                         "- shard: The value ranges from 2 to 32.\n"
                                                         "- replica: The value can be 1 or 3."}))
    assert changes(old, new) == [
        ("case-values-changed", "request field `num`", "values for shard now stated: 2 to 32", True),
        ("case-values-changed", "request field `num`", "values for replica: 3, 5, 7 → 1, 3", True),
    ]
    wider = document(request=obj(num={**INT, "description": "- replica: The value can be 1, 3, or 5."}))
    narrow = document(request=obj(num={**INT, "description": "- replica: The value can be 1 or 3."}))
    assert [c[3] for c in changes(narrow, wider)] == [False]


def test_a_list_of_values_appearing_restricts_requests_and_widens_nothing_in_responses():
    old, new = document(request=obj(kind=STRING)), document(request=obj(kind={**STRING, "enum": ["a"]}))
    assert changes(old, new) == [("enum-added", "request field `kind`", "values documented: a", False)]
    old, new = document(response=obj(kind=STRING)), document(response=obj(kind={**STRING, "enum": ["a"]}))
    assert changes(old, new) == [("enum-added", "response 200 field `kind`", "values documented: a", False)]
    assert changes(new, old) == [("enum-removed", "response 200 field `kind`", "no longer restricted to a", True)]


def test_parameter_rules():
    limit = {"name": "limit", "in": "query", "required": False, "schema": {**INT, "default": 10}}
    old = document(parameters=[limit])
    new = document(parameters=[{**limit, "in": "header", "schema": {**INT, "default": 20}},
                               {"name": "marker", "in": "query", "required": True, "schema": STRING}])
    assert changes(old, new) == [
        ("parameter-location-changed", "parameter `limit`", "moved from query to header", True),
        ("default-changed", "header parameter `limit`", "default 10 → 20", True),
        ("parameter-added", "query parameter `marker`", "added (required)", True),
    ]


def test_fields_are_compared_through_refs_and_all_of():
    schemas = {"Owner": obj(table="docs/svc/create.rst:60", name=STRING)}
    old = document(response=obj(owner={"allOf": [{"$ref": "#/components/schemas/Owner"}], "description": "Owner."}),
                   schemas=schemas)
    new = copy.deepcopy(old)
    new["components"]["schemas"]["Owner"]["properties"]["name"] = INT
    assert changes(old, new) == [("type-changed", "response 200 field `owner.name`", "type string → integer/int32", True)]


def test_a_schema_that_contains_itself_is_compared_once_per_branch():
    tree = {"Event": obj(events={"type": "array", "items": {"$ref": "#/components/schemas/Event"}}, name=STRING)}
    old = document(response={"$ref": "#/components/schemas/Event"}, schemas=tree)
    new = copy.deepcopy(old)
    new["components"]["schemas"]["Event"]["properties"]["level"] = INT
    assert changes(old, new) == [("field-added", "response 200 field `level`", "added (optional)", False)]


def test_a_changed_type_hides_the_changes_below_it():
    old = document(response=obj(owner=obj(name=STRING)))
    new = document(response=obj(owner=STRING))
    assert changes(old, new) == [("type-changed", "response 200 field `owner`", "type object → string", True)]


def test_bodies_and_status_codes():
    old = document(response=obj(id=STRING))
    new = document(request=obj(name=STRING))
    new["paths"][PATH]["post"]["responses"]["404"] = {"description": "Not Found"}
    assert changes(old, new) == [
        ("body-added", "request body", "added", True),
        ("body-removed", "response 200 body", "removed", True),
        ("response-added", "response 404", "added", False),
    ]
    del old["paths"][PATH]["post"]["responses"]["200"]
    assert changes(new, old)[-2:] == [("response-removed", "response 200", "removed", True),
                                       ("response-removed", "response 404", "removed", False)]


def test_prose_and_examples_are_documentation():
    old = document(response=obj(id={**STRING, "description": "ID."}))
    new = document(response=obj(id={**STRING, "description": "The ID."}), summary="Create one thing")
    new["paths"][PATH]["post"]["responses"]["200"]["content"]["application/json"]["examples"] = {"e": {"value": {}}}
    assert changes(old, new) == [
        ("documentation", "operation summary", "changed", False),
        ("documentation", "response 200 field `id`", "description changed", False),
        ("documentation", "response 200 examples", "changed", False),
    ]


def test_moved_source_lines_alone_are_documentation_citing_the_first_moved_line():
    old = document(response=obj(id=STRING))
    new = document(response=obj(id=STRING, table="docs/svc/create.rst:42"))
    (change,) = compare("svc", old, new)
    assert (change.kind, change.breaking, change.source) == ("documentation", False, "docs/svc/create.rst:42")


def test_citations_prefer_the_row_then_the_table():
    old = document(response=obj(id=STRING, gone=STRING))
    new = document(response=obj(id=STRING, name=STRING))
    rows = {("", "name"): "docs/svc/create.rst:44"}
    cited = [(c.target, c.source) for c in compare("svc", old, new, new_sources=rows)]
    assert cited == [("response 200 field `gone`", "docs/svc/create.rst:40"),
                     ("response 200 field `name`", "docs/svc/create.rst:44")]


def test_provenance_keys_are_not_api_facts():
    old = document(request=obj(name=STRING), **{"x-merged-from": ["old/svc/a.rst:3"], "x-source": "old/svc/c.rst:1"})
    new = document(request=obj(name=STRING), **{"x-merged-from": ["new/svc/a.rst:3"], "x-source": "new/svc/c.rst:1"})
    assert compare("svc", old, new) == []


def test_a_renamed_path_parameter_is_compared_under_its_new_name():
    param = {"name": "thing_id", "in": "path", "required": True, "schema": STRING}
    old = document(parameters=[param])
    new = {**old, "paths": {"/v1/things/{id}": {"post": {**old["paths"][PATH]["post"],
                                                         "parameters": [{**param, "name": "id"}]}}}}
    assert [c[0] for c in changes(old, new)] == ["path-template-changed"]


def test_array_parameter_items_are_compared():
    def query(items):
        return document(parameters=[{"name": "state", "in": "query", "schema": {"type": "array", "items": items}}])
    assert changes(query({}), query({"type": "string"})) == [
        ("type-refined", "query parameter `state` items", "type any → string (was not stated)", False)]
    assert changes(query({"type": "string", "enum": ["a", "b"]}), query({"type": "string", "enum": ["a"]})) == [
        ("enum-values-removed", "query parameter `state` items", "enum values removed: b", True)]


def test_response_headers_are_compared():
    def with_header(schema):
        doc = document()
        doc["paths"][PATH]["post"]["responses"]["200"]["headers"] = {"X-Token": {"schema": schema}}
        return doc
    assert changes(with_header({}), with_header(STRING)) == [
        ("type-refined", "response 200 header `X-Token`", "type any → string (was not stated)", False)]


def test_alternative_bodies_are_compared_one_by_one():
    def union(required):
        schemas = {"A": obj(required=required, name=STRING), "B": obj(size=INT)}
        return document(request={"anyOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]},
                        schemas=schemas)
    assert changes(union(["name"]), union([])) == [
        ("required-changed", "request field `<A>.name`", "became optional", False)]


def test_a_value_list_the_old_text_already_named_is_documentation():
    old = document(request=obj(kind={**STRING, "description": "Either a or b."}))
    new = document(request=obj(kind={**STRING, "enum": ["a", "b"], "description": "- **a**\n- **b**"}))
    assert [c[0] for c in changes(old, new)] == ["documentation"]


def test_one_entry_for_one_row_reached_by_several_paths():
    schemas = {"Group": obj(kind={**STRING, "enum": ["a", "b"]})}
    narrower = {"Group": obj(kind={**STRING, "enum": ["a"]})}
    ref = {"$ref": "#/components/schemas/Group"}
    body = obj(nodes={"type": "array", "items": ref}, tasks={"type": "array", "items": ref})
    (change,) = compare("svc", document(request=body, schemas=schemas), document(request=body, schemas=narrower))
    assert change.target == "request field `nodes[].kind` (also `tasks[].kind`)"
