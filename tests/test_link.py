"""Linking pages into operations and schemas: small pages in, the OpenAPI fragment out."""

from __future__ import annotations

import pytest
import yaml

from generator.pipeline import generate


def spec_of(docs) -> tuple[dict, list]:
    (result,) = generate(docs, clients=False)
    return yaml.safe_load(result.files[f"openapi/{result.name}.yaml"]), list(result.diagnostics)


def page(title: str, line: str, body: str = "", label: str = "") -> str:
    head = f".. _{label}:\n\n" if label else ""
    return f"{head}{title}\n{'=' * len(title)}\n\nURI\n---\n\n{line}\n\n{body}"


BODY_WITH_CAPTION_LINK = """
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   ========= ========= ================ ===========
   Parameter Mandatory Type             Description
   ========= ========= ================ ===========
   listeners Yes       Array of objects Listeners.
   ========= ========= ================ ===========

.. table:: **Table 3** **listeners** field description

   ========= ========= ======= ===========
   Parameter Mandatory Type    Description
   ========= ========= ======= ===========
   port      Yes       Integer Port.
   ========= ========= ======= ===========
"""


def test_operation_id_comes_from_the_title_when_the_label_is_a_document_id(make_docs):
    spec, _ = spec_of(make_docs({
        "a.rst": page("Creating a VPC", "POST /v1/{project_id}/vpcs", label="vpc_api01_0001"),
        "b.rst": page("Querying Subnets", "GET /v1/{project_id}/subnets", label="en-us_topic_0000001234"),
        "c.rst": page("Querying Details About a Subnet", "GET /v1/{project_id}/subnets/{subnet_id}"),
    }))
    ids = {path: next(iter(item.values()))["operationId"] for path, item in spec["paths"].items()}
    assert ids == {"/v1/{project_id}/vpcs": "CreateVpc", "/v1/{project_id}/subnets": "ListSubnets",
                   "/v1/{project_id}/subnets/{subnet_id}": "ShowSubnet"}


def test_a_table_found_by_its_caption_describes_the_object_field(make_docs):
    spec, _ = spec_of(make_docs({"a.rst": page("Creating a Listener", "POST /v1/lbs", BODY_WITH_CAPTION_LINK)}))
    request = spec["components"]["schemas"]["CreateListenerRequest"]
    assert request["properties"]["listeners"]["items"] == {"$ref": "#/components/schemas/Listeners"}
    assert spec["components"]["schemas"]["Listeners"]["required"] == ["port"]


def test_query_strings_and_rfc6570_expansions_become_query_parameters(make_docs):
    spec, _ = spec_of(make_docs({
        "a.rst": page("Querying Flavors", "GET /v2.1/{project_id}/resize_flavors?instance_uuid={instance_uuid}&limit=1"),
        "b.rst": page("Querying Role Assignments", "GET /v3/role_assignments{?role.id,user.id}"),
    }))
    first = spec["paths"]["/v2.1/{project_id}/resize_flavors"]["get"]["parameters"]
    assert [(p["name"], p["in"]) for p in first] == [("project_id", "path"), ("instance_uuid", "query"), ("limit", "query")]
    second = spec["paths"]["/v3/role_assignments"]["get"]["parameters"]
    assert [(p["name"], p["in"]) for p in second] == [("role.id", "query"), ("user.id", "query")]


@pytest.mark.parametrize("line", [
    # as bare-metal-server writes it; the parser reads its final doubled brace as one
    "GET /v2.1/{project_id}/servers{?changes-since={changes-since}&image={image}&sort_dir={sort_dir}}",
    "GET /v2.1/{project_id}/servers&changes-since={changes-since}&image={image}&sort_dir={sort_dir}",
])
def test_query_templates_after_a_path_become_query_parameters(make_docs, line):
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying BMSs", line)}))
    params = spec["paths"]["/v2.1/{project_id}/servers"]["get"]["parameters"]
    assert [(p["name"], p["in"]) for p in params] == [
        ("project_id", "path"), ("changes-since", "query"), ("image", "query"), ("sort_dir", "query")]
    assert not [d for d in diagnostics if d.severity == "error"]


def test_a_path_that_cannot_be_an_openapi_path_is_left_out_with_a_warning(make_docs):
    uri = """
.. table:: **Table 1** URI parameters

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   id        Yes       String Server ID.
   ========= ========= ====== ===========
"""
    (result,) = generate(make_docs({"a.rst": page("Querying a Server", "GET /v1/servers/{id}#details", uri)}),
                         clients=False)
    spec = yaml.safe_load(result.files["openapi/svc.yaml"])
    assert spec["paths"] == {}
    found = [(d.file, d.line, d.severity) for d in result.diagnostics if d.code == "path-invalid"]
    assert found == [("docs/svc/a.rst", 7, "warning"), ("docs/svc/a.rst", 13, "info")]  # the line, its table
    assert result.report.rows_lost == ()


def test_methods_of_one_path_share_its_parameter_names(make_docs):
    spec, diagnostics = spec_of(make_docs({
        "a.rst": page("Querying a Job", "GET /v1/{project_id}/jobs/{job_name}"),
        "b.rst": page("Deleting a Job", "DELETE /v1/{project_id}/jobs/{name}"),
    }))
    (item,) = spec["paths"].values()
    assert spec["paths"].keys() == {"/v1/{project_id}/jobs/{job_name}"}
    assert [p["name"] for p in item["delete"]["parameters"]] == ["job_name", "project_id"]
    assert [(d.file, d.code) for d in diagnostics if d.code == "path-parameter-renamed"] == [
        ("docs/svc/b.rst", "path-parameter-renamed")]


def test_two_pages_with_one_method_and_path_merge_into_one_operation(make_docs):
    stop = BODY_WITH_CAPTION_LINK.replace("listeners", "stop_info")
    start = BODY_WITH_CAPTION_LINK.replace("listeners", "startinfo")
    spec, diagnostics = spec_of(make_docs({
        "a.rst": page("Starting an ECS", "POST /v1/servers/{server_id}/action", start),
        "b.rst": page("Stopping an ECS", "POST /v1/servers/{server_id}/action", stop),
    }))
    op = spec["paths"]["/v1/servers/{server_id}/action"]["post"]
    assert op["requestBody"]["content"]["application/json"]["schema"] == {"anyOf": [
        {"$ref": "#/components/schemas/StartEcsRequest"}, {"$ref": "#/components/schemas/StopEcsRequest"}]}
    assert op["x-merged-from"] == ["docs/svc/b.rst:7"]
    assert [d.code for d in diagnostics if d.code == "operation-duplicate"] == ["operation-duplicate"]


def test_error_statuses_without_a_table_get_the_error_body(make_docs):
    status = "\nStatus Codes\n------------\n\n=========== ===========\nStatus Code Description\n" \
             "=========== ===========\n200         OK\n404         Not found.\n=========== ===========\n"
    spec, _ = spec_of(make_docs({"a.rst": page("Deleting a VPC", "DELETE /v1/vpcs/{vpc_id}", status)}))
    responses = spec["paths"]["/v1/vpcs/{vpc_id}"]["delete"]["responses"]
    assert responses["404"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    assert "content" not in responses["200"]
    assert set(spec["components"]["schemas"]["Error"]["properties"]) == {"error_code", "error_msg"}


def test_response_header_tables_become_response_headers(make_docs):
    body = """
Response Parameters
-------------------

**Status code: 201**

.. table:: **Table 3** Parameters in the response header

   =============== ====== =============
   Parameter       Type   Description
   =============== ====== =============
   X-Subject-Token String Signed token.
   =============== ====== =============
"""
    spec, _ = spec_of(make_docs({"a.rst": page("Obtaining a Token", "POST /v3/auth/tokens", body)}))
    op = spec["paths"]["/v3/auth/tokens"]["post"]
    assert "parameters" not in op
    assert op["responses"]["201"]["headers"] == {
        "X-Subject-Token": {"description": "Signed token.", "schema": {"type": "string"}}}


def test_an_unresolved_named_object_is_free_form_with_a_diagnostic(make_docs):
    body = BODY_WITH_CAPTION_LINK.replace("Array of objects", "Ghost object    ").replace("**listeners**", "other")
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Creating a Listener", "POST /v1/lbs", body)}))
    assert spec["components"]["schemas"]["CreateListenerRequest"]["properties"]["listeners"]["type"] == "object"
    assert "object-free-form" in {d.code for d in diagnostics}


def nested_tables(depth: int) -> str:
    """A request body table and a chain of ``depth`` object tables, each linking to the next
    by its number (``Table 3``) and ending in a string field."""
    tables = []
    for n in range(2, depth + 3):
        name, kind = (f"level{n - 1}", f"Table {n + 1}") if n < depth + 2 else ("leaf", "String")
        caption = "Request body parameters" if n == 2 else f"level{n - 2} field description"
        tables.append(f"""
.. table:: **Table {n}** {caption}

   ======== ========= ========= ===========
   Param    Mandatory Type      Description
   ======== ========= ========= ===========
   {name:8} Yes       {kind:9} A level.
   ======== ========= ========= ===========
""")
    return "\nRequest Parameters\n------------------\n" + "".join(tables)


def test_a_deep_chain_of_nested_tables_becomes_a_chain_of_schemas(make_docs):
    # The identity of a schema (which tables merge) takes nested tables by hash: linear in
    # depth. An identity embedding its children's text grows exponentially with the depth.
    spec, _ = spec_of(make_docs({"a.rst": page("Creating a Tree", "POST /v1/trees", nested_tables(40))}))
    schemas = spec["components"]["schemas"]
    assert len(schemas) == 41 + 1  # the tables and the service's error body
    assert schemas["CreateTreeRequest"]["properties"]["level1"]["allOf"] == [{"$ref": "#/components/schemas/Level1"}]
    assert schemas["Level39"]["properties"]["level40"]["allOf"] == [{"$ref": "#/components/schemas/Level40"}]
    assert schemas["Level40"]["properties"]["leaf"]["type"] == "string"
