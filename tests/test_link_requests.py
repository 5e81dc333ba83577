"""Request reading rules: where a request table's rows go on methods without a body, which
headers are not header parameters, and which status is the success status."""

from __future__ import annotations

import pytest

from .test_link import page, spec_of


def table(caption: str, rows: list[tuple[str, str, str]], number: int = 2) -> str:
    lines = [f"{n:14} {m:9} {t:7} Row {n}." for n, m, t in rows]
    rule = f"{'=' * 14} {'=' * 9} {'=' * 7} {'=' * 12}"
    return (f"\n.. table:: **Table {number}** {caption}\n\n   {rule}\n   {'Parameter':14} {'Mandatory':9} "
            f"{'Type':7} Description\n   {rule}\n" + "".join(f"   {line}\n" for line in lines) + f"   {rule}\n")


def section(title: str, text: str) -> str:
    return f"\n{title}\n{'-' * len(title)}\n{text}"


LIST_ROWS = [("limit", "No", "Integer"), ("offset", "No", "Integer")]


def operation(spec: dict, path: str, method: str) -> dict:
    return spec["paths"][path][method]


# -- 1. request tables of methods without a body ---------------------------------------------

def test_a_get_request_table_without_a_location_is_query_parameters(make_docs):
    # data-arts-studio, direct-connect: "Request" section, caption "Request parameter"
    body = section("Request", table("Request parameter", LIST_ROWS))
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying Jobs", "GET /v1/jobs", body)}))
    op = operation(spec, "/v1/jobs", "get")
    assert "requestBody" not in op
    assert [(p["name"], p["in"], p["required"]) for p in op["parameters"]] == [
        ("limit", "query", False), ("offset", "query", False)]
    assert [d.code for d in diagnostics if d.code == "body-as-parameters"] == ["body-as-parameters"]


def test_a_get_request_table_captioned_parameter_description_is_query_parameters(make_docs):
    # cloud-server-backup-service: "Request" section, caption "Parameter description"
    body = section("Request", table("Parameter description", LIST_ROWS))
    spec, _ = spec_of(make_docs({"a.rst": page("Querying Backups", "GET /v1/backups", body)}))
    assert {p["in"] for p in operation(spec, "/v1/backups", "get")["parameters"]} == {"query"}


def test_request_rows_that_are_path_parameters_go_to_the_path(make_docs):
    # direct-connect: the "Request parameter" table repeats the URI's path parameter
    body = section("Request", table("Request parameter", [("gateway_id", "Yes", "String")]))
    spec, _ = spec_of(make_docs({"a.rst": page("Deleting a Gateway", "DELETE /v2/gateways/{gateway_id}", body)}))
    op = operation(spec, "/v2/gateways/{gateway_id}", "delete")
    assert "requestBody" not in op
    assert [(p["name"], p["in"]) for p in op["parameters"]] == [("gateway_id", "path")]


def test_a_delete_table_with_a_json_request_example_stays_a_body(make_docs):
    # cloud-server-backup-service: DELETE with a JSON body in its request example
    body = section("Request", table("Parameter description", [("ids", "Yes", "String")]) + """
-  Example request

   .. code-block::

      {"ids": "a"}
""")
    spec, _ = spec_of(make_docs({"a.rst": page("Deleting Backups", "DELETE /v1/backups", body)}))
    assert "requestBody" in operation(spec, "/v1/backups", "delete")


def test_a_delete_body_caption_stays_a_body(make_docs):
    # cloud-firewall, log-tank-service: "Request body parameters" on DELETE
    body = section("Request Parameters", table("Request body parameters", [("ids", "Yes", "String")]))
    spec, _ = spec_of(make_docs({"a.rst": page("Deleting Rules", "DELETE /v1/rules", body)}))
    assert "requestBody" in operation(spec, "/v1/rules", "delete")


def test_a_delete_table_named_by_the_example_query_is_query_parameters(make_docs):
    # volume-backup-service: a "Request filter" table whose names the example URL sets
    body = section("Request", table("Request filter parameter description", [("is_backup_id", "No", "Boolean")]) + """
-  Example request

   .. code-block::

      DELETE /v2/shares/e842?is_backup_id=true
""")
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Canceling Sharing", "DELETE /v2/shares/{id}", body)}))
    op = operation(spec, "/v2/shares/{id}", "delete")
    assert ("is_backup_id", "query") in [(p["name"], p["in"]) for p in op["parameters"]]
    assert "body-as-parameters" not in {d.code for d in diagnostics}


def test_a_delete_table_nothing_places_is_query_with_a_warning(make_docs):
    body = section("Request", table("Parameter description", [("force", "No", "Boolean")]))
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Deleting a Pool", "DELETE /v1/pools/{id}", body)}))
    assert ("force", "query") in [(p["name"], p["in"]) for p in operation(spec, "/v1/pools/{id}", "delete")["parameters"]]
    assert [(d.code, d.severity) for d in diagnostics if d.code == "body-as-parameters"] == [
        ("body-as-parameters", "warning")]


def test_a_body_captioned_table_under_a_response_section_is_the_response(make_docs):
    # image-management-service: caption "Body parameters" under "Response"
    body = section("Response", table("Body parameters", [("name", "Yes", "String")]))
    spec, _ = spec_of(make_docs({"a.rst": page("Querying an Image", "GET /v2/images/{id}", body)}))
    op = operation(spec, "/v2/images/{id}", "get")
    assert "requestBody" not in op
    assert "content" in op["responses"]["200"]


def test_a_requests_section_is_the_request_body(make_docs):
    # document-database-service: "Requests" / "Responses" section titles
    body = section("Requests", table("Parameter description", [("name", "Yes", "String")]))
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Creating a Backup", "POST /v3/backups", body)}))
    assert "requestBody" in operation(spec, "/v3/backups", "post")
    assert "table-orphan" not in {d.code for d in diagnostics}


# -- 2. the success status ---------------------------------------------------------------------

def test_a_bare_code_under_normal_in_a_status_code_section_is_the_success_status(make_docs):
    # relational-database-service, cloud-eye: "Status Code" / "Returned Value" with "-  Normal" then "202"
    for title in ("Status Code", "Returned Value"):
        body = section(title, "\n-  Normal\n\n   202\n\n-  Abnormal\n\n   For details, see Status Codes.\n")
        spec, _ = spec_of(make_docs({"a.rst": page("Deleting an Instance", "DELETE /v3/instances/{id}", body)}))
        assert list(operation(spec, "/v3/instances/{id}", "delete")["responses"]) == ["202", "4XX"]


def test_a_status_code_line_without_a_table_after_it_is_a_response(make_docs):
    body = section("Response Parameters", "\n**Status code: 204**\n\nNone\n")
    spec, _ = spec_of(make_docs({"a.rst": page("Deleting a Tag", "DELETE /v1/tags/{key}", body)}))
    responses = operation(spec, "/v1/tags/{key}", "delete")["responses"]
    assert responses["204"] == {"description": "No Content"} and set(responses) == {"204", "4XX"}


def test_a_default_row_of_the_status_table_is_the_default_response(make_docs):
    # document-database-service: "default  Client or server error."
    body = section("Status Code", "\n=========== =======================\nStatus Code Description\n"
                   "=========== =======================\n202         Accepted.\n"
                   "default     Client or server error.\n=========== =======================\n")
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Associating a Stream", "POST /v3/lts", body)}))
    responses = operation(spec, "/v3/lts", "post")["responses"]
    assert list(responses) == ["202", "default"]
    assert responses["default"]["description"] == "Client or server error."
    assert "$ref" in responses["default"]["content"]["application/json"]["schema"]


# -- 3. transport headers ----------------------------------------------------------------------

HEADERS = [("X-Auth-Token", "Yes", "String"), ("Content-Type", "Yes", "String"), ("Accept", "No", "String"),
           ("Authorization", "No", "String"), ("X-Language", "No", "String")]


def test_transport_headers_are_not_header_parameters(make_docs):
    # cloud-container-instance, enterprise-project-service: "Request header parameters"
    body = section("Request Parameters", table("Request header parameters", HEADERS))
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Listing Pods", "GET /v1/pods", body)}))
    op = operation(spec, "/v1/pods", "get")
    assert [(p["name"], p["in"], p["required"]) for p in op["parameters"]] == [("X-Language", "header", False)]
    notes = [d for d in diagnostics if d.code == "header-transport"]
    assert sorted(d.message.split("'")[1] for d in notes) == ["Accept", "Authorization", "Content-Type", "X-Auth-Token"]
    assert {d.severity for d in notes} == {"info"}
    assert spec["security"] == [{"token": []}, {"aksk": []}]
    assert spec["components"]["securitySchemes"]["token"] == {
        "type": "apiKey", "in": "header", "name": "X-Auth-Token",
        "description": "IAM token obtained from the Identity and Access Management service."}


@pytest.mark.parametrize("stated, media_type", [
    ("application/octet-stream", "application/octet-stream"),  # an upload
    ("application/json;charset=utf8", "application/json"),     # cloud-server-backup-service
])
def test_a_content_type_row_states_the_request_media_type(make_docs, stated, media_type):
    headers = table("Request header", [("Content-Type", "Yes", "String")]).replace("Row Content-Type.", stated)
    body = section("Request", headers + table("Request body parameters", [("name", "Yes", "String")], 3))
    spec, _ = spec_of(make_docs({"a.rst": page("Uploading a File", "POST /v1/files", body)}))
    assert list(operation(spec, "/v1/files", "post")["requestBody"]["content"]) == [media_type]


def test_a_return_code_table_states_the_success_status(make_docs):
    # resource-template-service: "Normal return code" tables with a "Return Code" column
    body = section("Response", "\n.. table:: **Table 2** Normal return code\n\n   =========== ========== "
                   "===========\n   Return Code Type       Description\n   =========== ========== ===========\n"
                   "   204         No Content Deleted.\n   =========== ========== ===========\n")
    spec, _ = spec_of(make_docs({"a.rst": page("Deleting a Stack", "DELETE /v1/stacks/{id}", body)}))
    responses = operation(spec, "/v1/stacks/{id}", "delete")["responses"]
    assert responses["204"] == {"description": "Deleted."} and set(responses) == {"204", "4XX"}


def test_a_json_request_example_on_a_get_is_no_body(make_docs):
    # host-security-service: a JSON "Example Request" on a GET page without a request table
    body = section("Example Requests", "\n.. code-block::\n\n   {\"host_id\": \"a\"}\n")
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Checklist", "GET /v5/checklist", body)}))
    assert "requestBody" not in operation(spec, "/v5/checklist", "get")
    assert "body-as-parameters" in {d.code for d in diagnostics}
