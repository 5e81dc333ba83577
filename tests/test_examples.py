"""Examples against their tables: every example diagnostic is a true docs contradiction,
cites its own page and line, and what the page's examples show (``null``, error bodies,
alternatives) is read into the document."""

from __future__ import annotations

import pytest

from tests.test_link import page, spec_of

RESPONSE_TABLE = """
Response Parameters
-------------------

**Status code: 200**

.. table:: **Table 2** Response body parameters

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   name      String  Name.
   size      Integer Size.
   ========= ======= ===========
"""


def responses_of(spec: dict, path: str, method: str = "get") -> dict:
    return spec["paths"][path][method]["responses"]


def examples_of(response: dict) -> list:
    media = response.get("content", {}).get("application/json", {})
    return [e["value"] for e in media.get("examples", {}).values()]


def codes(diagnostics: list, *wanted: str) -> list:
    return [d for d in diagnostics if d.code in wanted]


def test_an_example_after_or_is_an_alternative_not_the_success_body(make_docs):
    body = RESPONSE_TABLE + """
Example Responses
-----------------

.. code-block::

   {"name": "a", "size": 1}

Or

.. code-block::

   {"error": {"message": "XXXX", "code": "XXX"}}

In the preceding example, **error** indicates a general error, for example, **badrequest**
or **itemNotFound**. An example is provided as follows:

.. code-block::

   {"badrequest": {"message": "XXXX", "code": "XXX"}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Disk", "GET /v1/disks/{id}", body)}))
    responses = responses_of(spec, "/v1/disks/{id}")
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []
    assert examples_of(responses["200"]) == [{"name": "a", "size": 1}]
    assert examples_of(responses["4XX"]) == [{"error": {"message": "XXXX", "code": "XXX"}},
                                              {"badrequest": {"message": "XXXX", "code": "XXX"}}]


def test_the_error_body_is_the_one_the_service_documents(make_docs):
    error = """
Status Codes
------------

=========== ===========
Status Code Description
=========== ===========
200         OK
400         Bad request.
=========== ===========

Example Responses
-----------------

**Status code: 400**

.. code-block::

   {"error": {"code": "1101", "message": "Invalid name.", "title": "Bad Request"}}
"""
    spec, diagnostics = spec_of(make_docs({
        "a.rst": page("Creating an Agency", "POST /v3/agencies", error),
        "b.rst": page("Deleting an Agency", "DELETE /v3/agencies/{id}"),
    }))
    schemas = spec["components"]["schemas"]
    assert schemas["Error"]["properties"]["error"] == {"$ref": "#/components/schemas/ErrorError"}
    assert set(schemas["ErrorError"]["properties"]) == {"code", "message", "title"}
    assert responses_of(spec, "/v3/agencies/{id}", "delete")["4XX"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_every_operation_declares_an_error_response(make_docs):
    spec, _ = spec_of(make_docs({"a.rst": page("Querying Disks", "GET /v1/disks", RESPONSE_TABLE)}))
    responses = responses_of(spec, "/v1/disks")
    assert sorted(responses) == ["200", "4XX"]
    assert responses["4XX"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}


LIST_BODY = """
Response Parameters
-------------------

**Status code: 200**

.. table:: **Table 2** Response body parameters

   ============= ============================== ===========
   Parameter     Type                           Description
   ============= ============================== ===========
   {row:<13} Array of :ref:`Chart <chart>`  Charts.
   ============= ============================== ===========

.. _chart:

.. table:: **Table 3** Chart

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   id        String  Chart ID.
   ========= ======= ===========

Example Responses
-----------------

**Status code: 200**

.. code-block::

   {example}
"""


@pytest.mark.parametrize("row, example, bare", [
    ("[items]", '[ {"id": "1abd"} ]', True),  # a bracketed row is the body
    ("ChartList", '[ {"id": "1abd"} ]', True),  # a one-row list table, every example a bare array
    ("charts", '{"charts": [{"id": "1abd"}]}', False),  # the example keeps the row a property
])
def test_a_one_row_list_table_documents_a_bare_array_body(make_docs, row, example, bare):
    body = LIST_BODY.format(row=row, example=example)
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Obtaining a Chart List", "GET /v2/charts", body)}))
    response = responses_of(spec, "/v2/charts")["200"]
    schema = response["content"]["application/json"]["schema"]
    if bare:
        assert schema == {"type": "array", "items": {"$ref": "#/components/schemas/Chart"}}
        assert examples_of(response) == [[{"id": "1abd"}]]
    else:
        assert schema == {"$ref": "#/components/schemas/ShowChartResponse"}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_bracketed_phrase_row_documents_a_bare_array_body(make_docs):
    body = """
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   =============== ================ ========= ===========
   Parameter       Type             Mandatory Description
   =============== ================ ========= ===========
   [Array element] Array of objects Yes       Events.
   =============== ================ ========= ===========

Example Requests
----------------

.. code-block::

   [ {"event_name": "a"} ]
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Reporting Events", "POST /v1/events", body)}))
    schema = spec["paths"]["/v1/events"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert schema["type"] == "array"
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_field_an_example_shows_as_null_is_nullable(make_docs):
    body = RESPONSE_TABLE + """
Example Responses
-----------------

.. code-block::

   {"name": null, "size": 1}
"""
    spec, _ = spec_of(make_docs({"a.rst": page("Querying a Disk", "GET /v1/disks/{id}", body)}))
    properties = spec["components"]["schemas"]["ShowDiskResponse"]["properties"]
    assert properties["name"]["nullable"] is True
    assert "nullable" not in properties["size"]


def test_a_truncated_example_is_checked_for_what_it_shows(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= ========= ======= ===========
   Parameter Mandatory Type    Description
   ========= ========= ======= ===========
   name      Yes       String  Name.
   size      Yes       Integer Size.
   ========= ========= ======= ===========

Example Responses
-----------------

.. code-block::

   {
     "size": 1,
     ......
   }
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Disk", "GET /v1/disks/{id}", body)}))
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field", "example-invalid-json") == []
    assert examples_of(responses_of(spec, "/v1/disks/{id}")["200"]) == []  # shown in part: no valid example


def test_a_merged_operation_names_each_example_by_its_own_page(make_docs):
    wrong = RESPONSE_TABLE + "\nExample Responses\n-----------------\n\n.. code-block::\n\n   {\"size\": \"big\"}\n"
    spec, diagnostics = spec_of(make_docs({
        "a.rst": page("Starting a Server", "POST /v1/servers/{id}/action", RESPONSE_TABLE),
        "b.rst": page("Stopping a Server", "POST /v1/servers/{id}/action", "\n\n\n" + wrong),
    }))
    (mismatch,) = codes(diagnostics, "example-mismatch")
    assert mismatch.file.endswith("svc/b.rst")
    lines = (make_docs({}) / "svc" / "b.rst").read_text().splitlines()
    assert lines[mismatch.line - 1].strip() == '{"size": "big"}'


def test_a_dict_with_its_structure_table_is_that_object(make_docs):
    body = """
Response Parameter
------------------

========= ==== ==== ============================================
Parameter In   Type Description
========= ==== ==== ============================================
resource  body Dict Specifies resource information of the stack.
========= ==== ==== ============================================

**resource** structure information

============= ==== ====== =====================
Parameter     In   Type   Description
============= ==== ====== =====================
resource_name body String Specifies the name.
============= ==== ====== =====================
"""
    spec, _ = spec_of(make_docs({"a.rst": page("Querying a Stack Resource", "GET /v1/resources/{id}", body)}))
    response = spec["components"]["schemas"]["ShowStackResourceResponse"]
    assert response["properties"]["resource"]["allOf"] == [{"$ref": "#/components/schemas/Resource"}]


def test_an_object_row_stating_a_map_of_objects_is_a_map_of_its_table(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   +-----------+--------+---------------------------------------------------+
   | Parameter | Type   | Description                                       |
   +===========+========+===================================================+
   | addresses | Object | Specifies the networks of the server.             |
   |           |        |                                                   |
   |           |        | The structure is Map<String, Object>.             |
   |           |        |                                                   |
   |           |        | For details, see :ref:`Table 3 <net>`.            |
   +-----------+--------+---------------------------------------------------+
   | metadata  | Object | The structure is Map<String, String>.             |
   |           |        | For details, see :ref:`Table 4 <meta>`.           |
   +-----------+--------+---------------------------------------------------+

.. _net:

.. table:: **Table 3** Data structure of the network

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   addr      String  IP address.
   ========= ======= ===========

.. _meta:

.. table:: **Table 4** Metadata

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   image     String  Image name.
   ========= ======= ===========

Example Responses
-----------------

.. code-block::

   {"addresses": {"01d7aef8": {"addr": "192.168.26.22"}}, "metadata": {"image": "a"}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Server", "GET /v1/servers/{id}", body)}))
    properties = spec["components"]["schemas"]["ShowServerResponse"]["properties"]
    assert properties["addresses"]["type"] == "object"
    assert properties["addresses"]["additionalProperties"] == {"$ref": "#/components/schemas/Network"}
    assert properties["metadata"]["allOf"] == [{"$ref": "#/components/schemas/Metadata"}]  # a map of strings: as read
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_stated_map_whose_example_values_are_arrays_is_a_map_of_arrays(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   +-----------+--------+---------------------------------------------------+
   | Parameter | Type   | Description                                       |
   +===========+========+===================================================+
   | addresses | Object | Network addresses of the server.                  |
   |           |        |                                                   |
   |           |        | The structure is Map<String, Object>.             |
   |           |        |                                                   |
   |           |        | For details, see :ref:`Table 3 <net>`.            |
   +-----------+--------+---------------------------------------------------+

.. _net:

.. table:: **Table 3** Data structure of the network

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   addr      String  IP address.
   ========= ======= ===========

Example Responses
-----------------

.. code-block::

   {"addresses": {"01d7aef8": [{"addr": "192.168.26.22"}, {"addr": "192.168.26.23"}]}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Server", "GET /v1/servers/{id}", body)}))
    addresses = spec["components"]["schemas"]["ShowServerResponse"]["properties"]["addresses"]
    assert addresses["additionalProperties"] == {"type": "array", "items": {"$ref": "#/components/schemas/Network"}}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


@pytest.mark.parametrize("saying", [
    "Default value. The type of the return value is the same as that defined in the type field.",
    "Value of the parameter. Its type depends on the parameter type.",
    "Value of the parameter. It can be of any type.",
    "Default parameter value. The returned parameter can be of integer, string, or Boolean type.",
])
def test_an_object_row_whose_description_says_its_type_varies_is_any_value(make_docs, saying):
    body = f"""
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   type      String  Type.
   default   Object  {saying}
   ========= ======= ===========

Example Responses
-----------------

.. code-block::

   {{"type": "string", "default": "my_default_vpc"}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Parsing Variables", "GET /v1/variables", body)}))
    (schema,) = [s for n, s in spec["components"]["schemas"].items() if n.endswith("Response")]
    default = schema["properties"]["default"]
    assert "type" not in default
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_row_named_by_a_phrase_stands_for_any_key(make_docs):
    body = """
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   ========= ========= ============================== ===========
   Parameter Mandatory Type                           Description
   ========= ========= ============================== ===========
   metadata  Yes       :ref:`Table 3 <meta>` object   Metadata.
   ========= ========= ============================== ===========

.. _meta:

.. table:: **Table 3** **metadata** data structure

   ===================================== ====== ===========================
   Parameter                             Type   Description
   ===================================== ====== ===========================
   User-defined field key and value pair String Key and value of metadata.
   ===================================== ====== ===========================

Example Requests
----------------

.. code-block::

   {"metadata": {"key1": "value1", "key2": "value2"}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Updating Metadata", "PUT /v1/servers/{id}/metadata", body)}))
    request = spec["components"]["schemas"]["UpdateMetadataRequest"]
    assert request["properties"]["metadata"]["additionalProperties"] == {"type": "string"}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_placeholder_row_typed_as_a_map_is_that_map(make_docs):
    body = """
Response Parameters
-------------------

**Status code: 200**

.. table:: **Table 2** Response body parameters

   ================== =============================================== ===========
   Parameter          Type                                            Description
   ================== =============================================== ===========
   {User defined key} Map<String,Array<:ref:`PackageOptions <po>`>>   Parameters.
   ================== =============================================== ===========

.. _po:

.. table:: **Table 3** PackageOptions

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   name      String  Name.
   ========= ======= ===========

Example Responses
-----------------

**Status code: 200**

.. code-block::

   {"kube-apiserver": [{"name": "a"}]}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying Parameters", "GET /v1/parameters", body)}))
    schema = responses_of(spec, "/v1/parameters")["200"]["content"]["application/json"]["schema"]
    assert schema == {"type": "object", "additionalProperties": {
        "type": "array", "items": {"$ref": "#/components/schemas/PackageOptions"}}}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_failed_response_lead_in_marks_an_error_example(make_docs):
    body = RESPONSE_TABLE + """
Sample Response
---------------

-  Successful response

   .. code-block::

      {"name": "a", "size": 1}

-  Failed response

   .. code-block::

      {"error_message": "The instance does not exist.", "error_code": "ModelArts.6309"}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Disk", "GET /v1/disks/{id}", body)}))
    responses = responses_of(spec, "/v1/disks/{id}")
    assert examples_of(responses["200"]) == [{"name": "a", "size": 1}]
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_type_cell_naming_only_a_table_is_an_array_where_the_example_shows_one(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= ====================== ===========
   Parameter Type                   Description
   ========= ====================== ===========
   items     :ref:`Table 3 <rule>`  The rule objects.
   options   :ref:`Table 4 <opt>`   The options.
   ========= ====================== ===========

.. _rule:

.. table:: **Table 3** items

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   id        String  Rule ID.
   ========= ======= ===========

.. _opt:

.. table:: **Table 4** options

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   webattack Boolean On or off.
   ========= ======= ===========

Example Responses
-----------------

.. code-block::

   {"items": [{"id": "3a9b"}], "options": {"webattack": true}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying Rules", "GET /v1/rules", body)}))
    properties = spec["components"]["schemas"]["ListRulesResponse"]["properties"]
    assert properties["items"]["type"] == "array"
    assert properties["options"]["allOf"] == [{"$ref": "#/components/schemas/Options"}]
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_resource_with_an_error_code_field_is_not_an_error_body():
    from generator.link.errors import looks_like_error
    assert looks_like_error({"error": {"code": "1101", "message": "Invalid.", "title": "Bad Request"}})
    assert looks_like_error({"error_code": "APIGW.0101", "error_msg": "Not found", "request_id": "a1"})
    assert not looks_like_error({"status": "FAIL", "entities": {}, "job_id": "a", "job_type": "x",
                                 "begin_time": "", "end_time": "", "error_code": "", "fail_reason": ""})
    assert not looks_like_error({"error_log_list": [], "total_record": 0})


def test_a_value_the_row_names_beside_its_range_is_no_contradiction(make_docs):
    body = """
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   ========= ========= ======= ================================================================
   Parameter Mandatory Type    Description
   ========= ========= ======= ================================================================
   keep_days Yes       Integer Retention days. The value can be 0 or ranges from 7 to 732.
   disk      Yes       String  Disk type, supporting SATA, SAS, and SSD currently.

                               -  SAS: High I/O
                               -  SSD: Ultra-high I/O
   project   No        String  The value is a UUID containing 36 characters. If none is
                               specified, 0 is returned.
   size      No        Integer The value ranges from 5 to 1440.
   ========= ========= ======= ================================================================

Example Requests
----------------

.. code-block::

   {"keep_days": 0, "disk": "SATA", "project": "0", "size": 10}

.. code-block::

   {"keep_days": 0, "disk": "SAS", "project": "0", "size": 0}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Setting a Policy", "PUT /v1/policy", body)}))
    properties = spec["components"]["schemas"]["SetPolicyRequest"]["properties"]
    assert "minimum" not in properties["keep_days"] and "minLength" not in properties["project"]
    assert properties["disk"]["enum"] == ["SAS", "SSD"]  # an item per value: the list is the rule
    assert properties["size"]["minimum"] == 5  # 0 is named nowhere in its row: a true contradiction
    messages = sorted(d.message for d in codes(diagnostics, "example-mismatch", "example-undocumented-field"))
    assert len(messages) == 2  # SATA in the first example, size 0 in the second
    assert any("$.size: 0 is less than the minimum of 5" in m for m in messages)
    assert any("$.disk: 'SATA' is not one of the listed options" in m for m in messages)


def test_a_value_in_other_letter_case_keeps_the_list_and_is_a_contradiction(make_docs):
    body = """
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   ============= ========= ====== ==========================
   Parameter     Mandatory Type   Description
   ============= ========= ====== ==========================
   resource_type Yes       String Attachment type.

                                  -  **vpc**: VPC attachments
                                  -  **vgw**: gateway attachments
   ============= ========= ====== ==========================

Example Requests
----------------

.. code-block::

   {"resource_type": "VPC"}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Setting a Policy", "PUT /v1/policy", body)}))
    properties = spec["components"]["schemas"]["SetPolicyRequest"]["properties"]
    assert properties["resource_type"]["enum"] == ["vpc", "vgw"]  # "VPC attachments" is prose
    (mismatch,) = codes(diagnostics, "example-mismatch")
    assert "VPC" in mismatch.message


def test_an_error_body_under_a_success_status_is_an_error_example(make_docs):
    body = RESPONSE_TABLE + """
Example Responses
-----------------

-  Response to the request for querying a disk

   .. code-block::

      {"name": "a", "size": 1}

-  Response returned when a frozen disk fails to be queried

   .. code-block::

      {"error_code": "EVS.0001", "error_msg": "invalid request", "request_id": "8c83"}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Disk", "GET /v1/disks/{id}", body)}))
    responses = responses_of(spec, "/v1/disks/{id}")
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []
    assert examples_of(responses["200"]) == [{"name": "a", "size": 1}]
    assert examples_of(responses["4XX"]) == [
        {"error_code": "EVS.0001", "error_msg": "invalid request", "request_id": "8c83"}]


def test_an_example_of_another_call_is_not_checked_against_this_one(make_docs):
    body = RESPONSE_TABLE + """
Example Responses
-----------------

-  Step 2: Bind the address.

   .. code-block:: text

      PUT /v1/publicips/f588ccfa

      {"publicip": {"port_id": "a7ec"}}

-  Example response

   .. code-block::

      {"publicip": {"port_id": "a7ec", "status": "ACTIVE"}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Creating a Disk", "POST /v1/disks", body)}))
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []
    request, response = codes(diagnostics, "example-other-operation")
    assert request.message.startswith("example of PUT /v1/publicips/f588ccfa on the page of CreateDisk (POST /v1/disks)")
    assert response.message.startswith("response example after the PUT /v1/publicips/f588ccfa example")
    assert examples_of(responses_of(spec, "/v1/disks", "post")["200"]) == []


def test_an_example_of_another_resource_with_the_same_method_is_another_call(make_docs):
    body = RESPONSE_TABLE + """
Example Responses
-----------------

-  Step 1: Apply for an EIP.

   .. code-block:: text

      POST https://{VPCEndpoint}/v1/8b7e35ad/publicips

      {"publicip": {"type": "5_bgp"}}

-  Example response

   .. code-block::

      {"publicip": {"id": "f588", "status": "PENDING_CREATE"}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Creating a Load Balancer", "POST /v2.0/lbaas/loadbalancers", body)}))
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []
    request, response = codes(diagnostics, "example-other-operation")
    assert request.message.startswith("example of POST https://{VPCEndpoint}/v1/8b7e35ad/publicips on the page of")
    assert response.message.startswith("response example after the POST https://{VPCEndpoint}/v1/8b7e35ad/publicips")


@pytest.mark.parametrize("target, path, other", [
    ("POST https://{VPCEndpoint}/v1/8b7e/publicips", "/v2.0/lbaas/loadbalancers", True),
    ("/v1/b384/systemTasks/008aae2e", "/v1/{project_id}/system-tasks/{task_id}", False),  # one word, two spellings
    ("https://{dcs_endpoint}/v2/{project_id}/instance/{instance_id}", "/v2/{project_id}/instances/{instance_id}", False),
    ("/v1.1/1551/clusters/6ec9/cdm/job/es_css", "/v1.1/{project_id}/clusters/{cluster_id}/cdm/job/{job_name}", False),
    ("https://rds.example.com/v3/0483/instances/", "/v3/{project_id}/instances/{instance_id}/sql-limit/switch", False),
    ("/v2/{project_id}/servers/{server_id}/action", "/v2.1/{project_id}/servers/{server_id}/action", False),
])
def test_another_resource_is_read_at_the_last_fixed_segment_of_the_path(target, path, other):
    from generator.link.examples import another_resource
    assert another_resource(target.split()[-1], path) is other


def test_a_finding_on_merged_bodies_names_what_the_closest_one_lacks(make_docs):
    listed = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= ========== ===========
   Parameter Type       Description
   ========= ========== ===========
   backups   list<dict> Backups.
   ========= ========== ===========
"""
    other = RESPONSE_TABLE + """
Example Responses
-----------------

.. code-block::

   {"backups": [{"id": "1"}], "backups_links": []}
"""
    _, diagnostics = spec_of(make_docs({
        "a.rst": page("Querying Backups", "GET /v3/backups", listed),
        "b.rst": page("Querying Backups (Deprecated)", "GET /v3/backups", other),
    }))
    (finding,) = codes(diagnostics, "example-mismatch", "example-undocumented-field")
    assert "('backups_links' was unexpected)" in finding.message


def test_a_finding_on_merged_bodies_holds_the_example_to_the_table_that_lists_its_fields(make_docs):
    def request(rows: str) -> str:
        return f"""
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   ============= ========= ======= ===========
   Parameter     Mandatory Type    Description
   ============= ========= ======= ===========
{rows}
   ============= ========= ======= ===========
"""
    replica = request("   replica_of_id Yes       String  Primary.\n   name          Yes       String  Name.")
    instance = request("   name          Yes       String  Name.\n   port          No        String  Port.\n"
                       "   flavor        Yes       String  Flavor.\n   region        Yes       String  Region.")
    example = """
Example Requests
----------------

.. code-block::

   {"name": "db", "port": 8635, "flavor": "s2", "region": "eu"}
"""
    _, diagnostics = spec_of(make_docs({
        "a.rst": page("Creating a Read Replica", "POST /v3/instances", replica),
        "b.rst": page("Creating an Instance", "POST /v3/instances", instance + example),
    }))
    (finding,) = codes(diagnostics, "example-mismatch", "example-undocumented-field")
    assert finding.file.endswith("b.rst") and "at $.port: an integer 8635 where the table says string" in finding.message


def test_a_finding_on_merged_bodies_does_not_name_a_table_with_none_of_the_example_fields(make_docs):
    cancel = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= ====== ===========
   Parameter Type   Description
   ========= ====== ===========
   error     Object The error.
   ========= ====== ===========
"""
    export = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ===================== ====== ===========
   Parameter             Type   Description
   ===================== ====== ===========
   upload                Object The export.
   ===================== ====== ===========

.. table:: **Table 3** **upload** field description

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   id        String  Image ID.
   size      Integer Size.
   ========= ======= ===========

Example Responses
-----------------

.. code-block::

   {"upload": {"id": "1", "size": 40, "status": "uploading", "image": "c533"}}
"""
    _, diagnostics = spec_of(make_docs({
        "a.rst": page("Canceling a Reservation", "POST /v2/volumes/{id}/action", cancel),
        "b.rst": page("Exporting a Disk", "POST /v2/volumes/{id}/action", export),
    }))
    (finding,) = codes(diagnostics, "example-mismatch", "example-undocumented-field")
    assert finding.file.endswith("b.rst")
    assert "$.upload Additional properties are not allowed ('image', 'status' were unexpected)" in finding.message


@pytest.mark.parametrize("rows, shown, note, finding", [
    (["password  Yes       String  The password contains 8 to 32 characters.",
      "name      Yes       String  The name contains 8 to 32 characters."],
     ['{"password": "******", "name": "abcdefgh"}', '{"password": "******", "name": "abc"}'],
     "shows a masked value at $.password ('******')", "$.name: 'abc' is too short"),
    (["password  No        String  Engine type. The value can be **mysql** or **mongodb**.",
      "name      No        String  Task status. The value can be **RUNNING** or **FAILED**."],
     ['{"password": "", "name": "RUNNING"}', '{"password": "", "name": "DONE"}'],
     "shows a blank value at $.password ('')", "'DONE' is not one of the listed options"),
])
def test_a_masked_or_blank_value_is_a_placeholder_not_a_contradiction(make_docs, rows, shown, note, finding):
    rule = "========= ========= ======= ======================================================"
    table = "\n".join(f"   {line}" for line in [rule, "Parameter Mandatory Type    Description", rule, *rows, rule])
    examples = "\n\n".join(f".. code-block::\n\n   {example}" for example in shown)
    body = f"""
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

{table}

Example Requests
----------------

{examples}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Resetting a Password", "PUT /v1/password", body)}))
    (placeholder,) = codes(diagnostics, "example-placeholder")
    assert note in placeholder.message
    (mismatch,) = codes(diagnostics, "example-mismatch")
    assert finding in mismatch.message


@pytest.mark.parametrize("shown, masked, finding", [
    ('{"id": "07664aec578026691f00c003a...", "result": {}}', "$.id ('07664aec578026691f00c003a...')", None),
    ('{"id": "07664aec578026691f00c003a0000000", "result": "xxx"}', "$.result ('xxx')", None),
    ('{"id": "07664aec5.", "result": "done"}', None, "$.id: '07664aec5.' is too short"),  # a full stop cuts nothing
])
def test_a_cut_value_or_a_mask_in_place_of_an_object_is_a_placeholder(make_docs, shown, masked, finding):
    body = f"""
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= ======= ===========================================
   Parameter Type    Description
   ========= ======= ===========================================
   id        String  User ID that contains 32 characters.
   result    Object  Result of the task.
   ========= ======= ===========================================

Example Responses
-----------------

.. code-block::

   {shown}
"""
    _, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Task", "GET /v1/tasks/{{id}}", body)}))
    assert [masked in d.message for d in codes(diagnostics, "example-placeholder")] == ([True] if masked else [])
    assert [finding in d.message for d in codes(diagnostics, "example-mismatch")] == ([True] if finding else [])


@pytest.mark.parametrize("options", [
    ["The value can be **engine_id**, **engine_name**, or **image_url**."],
    ["The options are as follows:", "", "- **engine_id**: the ID only.",
     "- **engine_name+image_url**: a name and an image."],
])
def test_a_list_of_the_fields_to_set_is_no_value_list(make_docs, options):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   =========== ====== ====================================================================================================
   Parameter   Type   Description
   =========== ====== ====================================================================================================
   engine_id   String Engine ID. OPTIONS
   image_url   String Custom image URL.
   engine_name String Engine name.
   =========== ====== ====================================================================================================

Example Responses
-----------------

.. code-block::

   {"engine_id": "pytorch-1.4", "image_url": "swr/a:b"}
""".replace("OPTIONS", ("\n" + " " * 22).join(options))
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Job", "GET /v1/jobs/{id}", body)}))
    assert "enum" not in spec["components"]["schemas"]["ShowJobResponse"]["properties"]["engine_id"]
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_key_and_value_table_is_a_map_where_the_example_shows_other_keys(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= =========================== ===========
   Parameter Type                        Description
   ========= =========================== ===========
   values    :ref:`Table 3 <kv>` object  Parameters.
   ========= =========================== ===========

.. _kv:

.. table:: **Table 3** values field data structure description

   ========= ====== ===================================================================================
   Parameter Type   Description
   ========= ====== ===================================================================================
   key       String Parameter name. For example, in **"max_connections": "10"**, the key is **max_connections**.
   value     String Parameter value.
   ========= ====== ===================================================================================

Example Responses
-----------------

.. code-block::

   {"values": {"max_connections": "10", "autocommit": "OFF"}}
"""
    spec, diagnostics = spec_of(make_docs({
        "a.rst": page("Querying a Template", "GET /v1/templates/{id}", body),
        "b.rst": page("Querying a Default Template", "GET /v1/default-template", body.replace("kv", "kv2"))}))
    values = spec["components"]["schemas"]["ShowTemplateResponse"]["properties"]["values"]
    assert values["type"] == "object" and values["additionalProperties"] == {"type": "string"}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []
    notes = codes(diagnostics, "table-key-value-map")  # each page's copy of the merged table
    assert sorted((d.file.rpartition("/")[2], d.line) for d in notes) == [
        ("a.rst", 28), ("a.rst", 29), ("b.rst", 28), ("b.rst", 29)]


def test_an_elided_array_item_is_no_data(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= ================= ===========
   Parameter Type              Description
   ========= ================= ===========
   sizes     Array of integers Sizes.
   ========= ================= ===========

Example Responses
-----------------

.. code-block::

   {"sizes": [1, "......", 3]}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Disk", "GET /v1/disks/{id}", body)}))
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_an_array_elements_row_documents_a_bare_array_body(make_docs):
    body = """
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   ============== ================ ========= ===========
   Parameter      Type             Mandatory Description
   ============== ================ ========= ===========
   Array elements Array of objects Yes       Data.
   ============== ================ ========= ===========

Example Requests
----------------

.. code-block::

   [ {"metric": "cpu"} ]
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Adding Data", "POST /v1/data", body)}))
    schema = spec["paths"]["/v1/data"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert schema["type"] == "array"
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_rows_after_a_dict_row_are_its_members_where_the_example_nests_them(make_docs):
    body = """
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   ========= ========= ========== ===========
   Parameter Mandatory Type       Description
   ========= ========= ========== ===========
   name      Yes       string     Name.
   tags      No        list<dict> Tags.
   key       Yes       string     Tag key.
   value     Yes       string     Tag value.
   ========= ========= ========== ===========

Example Requests
----------------

.. code-block::

   {"name": "a", "tags": [{"key": "k", "value": "v"}]}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Creating a Policy", "POST /v1/policies", body)}))
    schemas = spec["components"]["schemas"]
    assert set(schemas["CreatePolicyRequest"]["properties"]) == {"name", "tags"}
    assert schemas["CreatePolicyRequest"]["properties"]["tags"]["items"] == {
        "$ref": "#/components/schemas/CreatePolicyRequestTags"}
    assert schemas["CreatePolicyRequestTags"]["required"] == ["key", "value"]
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def request_body(rows: str, example: str = "") -> str:
    """A Request Parameters section with one body table (``rows`` under a Parameter,
    Mandatory, Type, Description header), then ``example`` as the request example."""
    lines = [line.split(None, 3) for line in rows.strip().splitlines()]
    widths = [max(len(cells[i]) for cells in lines + [["Parameter", "Mandatory", "Type", "Description"]])
              for i in range(3)]
    rule = "   " + " ".join("=" * w for w in widths) + " ==========="
    body = "\n".join("   " + " ".join(c.ljust(w) for c, w in zip(cells, widths)) + " " + cells[3]
                     for cells in [["Parameter", "Mandatory", "Type", "Description"]] + lines)
    header, table_rows = body.split("\n", 1)
    text = (f"\nRequest Parameters\n------------------\n\n.. table:: **Table 2** Request body parameters\n\n"
            f"{rule}\n{header}\n{rule}\n{table_rows}\n{rule}\n")
    if example:
        text += f"\nExample Requests\n----------------\n\n.. code-block::\n\n   {example}\n"
    return text


def test_a_field_mandatory_in_a_case_only_is_optional(make_docs):
    body = request_body("""
name      Yes String Name.
type      Yes String Script type.
queueName Yes String Queue. This parameter is available only when **type** is set to **DLISQL**.
""", '{"name": "echo", "type": "Shell"}')
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Creating a Script", "POST /v1/scripts", body)}))
    assert spec["components"]["schemas"]["CreateScriptRequest"]["required"] == ["name", "type"]
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_rows_before_a_last_object_row_are_its_members_where_the_example_nests_them(make_docs):
    body = request_body("""
psk                   Yes String Key.
name                  No  String Name.
peer_id               Yes String Peer.
ipsec_site_connection Yes Object The connection.
""", '{"ipsec_site_connection": {"psk": "secret", "peer_id": "1.2.3.4"}}')
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Creating a Connection", "POST /v2.0/connections", body)}))
    schemas = spec["components"]["schemas"]
    assert set(schemas["CreateConnectionRequest"]["properties"]) == {"ipsec_site_connection"}
    assert set(schemas["CreateConnectionRequestIpsecSiteConnection"]["properties"]) == {"psk", "name", "peer_id"}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_row_named_by_a_dash_documents_the_body_itself(make_docs):
    body = request_body("``-`` Yes Object The patch.", '{"metadata": {"labels": {"a": "b"}}}')
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Patching a Pod", "PATCH /v1/pods/{name}", body)}))
    schema = spec["paths"]["/v1/pods/{name}"]["patch"]["requestBody"]["content"]["application/json"]["schema"]
    assert schema.get("type") == "object" and "-" not in schema.get("properties", {})
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_an_example_that_fits_another_pages_table_only_loosely_is_held_to_its_own(make_docs):
    password = request_body("methods Yes String Methods.")
    mfa = request_body("""
methods Yes String Methods.
totp    No  Object :ref:`totp <totp>` data.
""") + """
.. _totp:

.. table:: **Table 3** totp

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   id        Yes       String User ID.
   passcode  Yes       String Code.
   ========= ========= ====== ===========

Example Requests
----------------

.. code-block::

   {"methods": "totp", "totp": {"name": "user A", "passcode": "123456"}}
"""
    _, diagnostics = spec_of(make_docs({
        "a.rst": page("Obtaining a Token", "POST /v3/auth/tokens", password),
        "b.rst": page("Obtaining a Token with MFA", "POST /v3/auth/tokens", mfa),
    }))
    (finding,) = codes(diagnostics, "example-mismatch", "example-undocumented-field")
    assert finding.file.endswith("b.rst") and "at $.totp: 'id' is a required property" in finding.message


@pytest.mark.parametrize("saying", [
    "Information about the user. You can specify either **user.id** or **user.name**.",
    "Information about the user. Either **id** or **name** must be specified.",
])
def test_fields_named_as_either_one_or_the_other_are_not_required(make_docs, saying):
    body = f"""
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   =========== ========= ============================= ==================================================================
   Parameter   Mandatory Type                          Description
   =========== ========= ============================= ==================================================================
   user        Yes       :ref:`user <user>` object     {saying}
   =========== ========= ============================= ==================================================================

.. _user:

.. table:: **Table 3** user

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   id        Yes       String User ID.
   name      Yes       String User name.
   ========= ========= ====== ===========

Example Requests
----------------

.. code-block::

   {{"user": {{"name": "alice"}}}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Creating a Token", "POST /v3/tokens", body)}))
    assert "required" not in spec["components"]["schemas"]["User"]
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_one_of_two_either_fields_the_table_leaves_out_leaves_the_other_optional(make_docs):
    body = """
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   =========== ========= ============================= ==================================================================
   Parameter   Mandatory Type                          Description
   =========== ========= ============================= ==================================================================
   totp        Yes       :ref:`totp <totp>` object      Authentication. You can specify either **user.id** or **user.name**.
   =========== ========= ============================= ==================================================================

.. _totp:

.. table:: **Table 3** totp

   ========= ========= ===================== ===========
   Parameter Mandatory Type                  Description
   ========= ========= ===================== ===========
   user      Yes       :ref:`user <user>`    The user.
   ========= ========= ===================== ===========

.. _user:

.. table:: **Table 4** totp.user

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   id        Yes       String User ID.
   passcode  Yes       String MFA code.
   ========= ========= ====== ===========

Example Requests
----------------

.. code-block::

   {"totp": {"user": {"name": "alice", "passcode": "123456"}}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Creating a Token", "POST /v3/tokens", body)}))
    assert spec["components"]["schemas"]["TotpUser"]["required"] == ["passcode"]
    (undocumented,) = codes(diagnostics, "example-undocumented-field")
    assert "'name' was unexpected" in undocumented.message
    assert codes(diagnostics, "example-mismatch") == []


def test_an_object_without_members_whose_example_is_a_list_holds_any_value(make_docs):
    body = """
Request Parameters
------------------

.. table:: **Table 2** PolicyParameterValue

   =========== ========= ====== =======================================
   Parameter   Mandatory Type   Description
   =========== ========= ====== =======================================
   value       No        Object Specifies the value of the rule parameter.
   =========== ========= ====== =======================================

Example Requests
----------------

.. code-block::

   {"value": ["c6.large.2", "s6.small.1"]}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Modifying a Rule", "PUT /v1/rules/{id}", body)}))
    value = spec["components"]["schemas"]["UpdateRuleRequest"]["properties"]["value"]
    assert "type" not in value and value["description"] == "Specifies the value of the rule parameter."
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []
    (note,) = codes(diagnostics, "object-any-value")
    assert "row 'value' is typed as an object without members" in note.message



def test_a_row_capitalised_unlike_its_examples_is_named_as_they_spell_it(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= ======= ===============================
   Parameter Type    Description
   ========= ======= ===============================
   Id        String  Job ID.
   name      String  Job name.
   ========= ======= ===============================

Example Responses
-----------------

.. code-block::

   {"id": "a1", "name": "job"}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Job", "GET /v1/jobs/{id}", body)}))
    assert list(spec["components"]["schemas"]["ShowJobResponse"]["properties"]) == ["id", "name"]
    (note,) = codes(diagnostics, "row-name-case")
    assert "row 'Id' is 'id' in the examples" in note.message
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_bare_data_structure_type_is_an_array_where_the_example_shows_one(make_docs):
    body = """
Response
--------

-  Parameter description

   ==================== ============== ==========================================
   Name                 Type           Description
   ==================== ============== ==========================================
   top10                Data structure Top 10 attacked IP addresses
   ==================== ============== ==========================================

-  Data structure description of **top10**

   =================== ======= =======================
   Parameter           Type    Description
   =================== ======= =======================
   floating_ip_address String  EIP
   times               Integer Number of attacks.
   =================== ======= =======================

Example Responses
-----------------

.. code-block::

   {"top10": [{"floating_ip_address": "1.2.3.4", "times": 2}]}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying Statistics", "GET /v1/weekly", body)}))
    top10 = spec["components"]["schemas"]["ListStatisticsResponse"]["properties"]["top10"]
    assert top10["type"] == "array" and top10["items"] == {"$ref": "#/components/schemas/Top10"}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_an_array_whose_description_names_a_key_is_a_map_of_arrays_where_the_example_shows_one(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ====================== ========================================= ==============================================
   Parameter              Type                                      Description
   ====================== ========================================= ==============================================
   object_compare_details Array of :ref:`Details <details>` objects Details. The key value is the object type.
   ====================== ========================================= ==============================================

.. _details:

.. table:: **Table 3** Details

   ============== ====== ===============
   Parameter      Type   Description
   ============== ====== ===============
   source_db_name String Source database.
   ============== ====== ===============

Example Responses
-----------------

.. code-block::

   {"object_compare_details": {"TABLE": [{"source_db_name": "a"}], "INDEX": [{"source_db_name": "b"}]}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying Results", "GET /v1/results", body)}))
    details = spec["components"]["schemas"]["ListResultsResponse"]["properties"]["object_compare_details"]
    assert details["additionalProperties"] == {"type": "array", "items": {"$ref": "#/components/schemas/Details"}}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_a_one_row_table_standing_for_a_key_is_a_map_where_the_example_shows_other_keys(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= ======================================= ==========================================
   Parameter Type                                    Description
   ========= ======================================= ==========================================
   Condition :ref:`Condition <condition>` object     Conditions for the permission.
   ========= ======================================= ==========================================

.. _condition:

.. table:: **Table 3** Condition

   ========= ======================================= ==============================================
   Parameter Type                                    Description
   ========= ======================================= ==============================================
   operator  :ref:`operator <operator>` object       Operator, for example, Bool and StringEquals.
   ========= ======================================= ==============================================

.. _operator:

.. table:: **Table 4** Condition.operator

   ========= ================ ===============================================
   Parameter Type             Description
   ========= ================ ===============================================
   attribute Array of strings Condition key. A key is a valid attribute.
   ========= ================ ===============================================

Example Responses
-----------------

.. code-block::

   {"Condition": {"StringStartWith": {"g:ProjectName": ["eu-de"]}}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Policy", "GET /v3/policies/{id}", body)}))
    condition = spec["components"]["schemas"]["ShowPolicyResponse"]["properties"]["Condition"]
    assert condition["additionalProperties"] == {"type": "object", "additionalProperties": {
        "type": "array", "items": {"type": "string"}}}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []
    assert len(codes(diagnostics, "table-one-row-map")) == 2


def test_a_type_the_description_states_for_one_case_is_an_alternative(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   +-----------+------------------+-----------------------------------------------------------------+
   | Parameter | Type             | Description                                                     |
   +===========+==================+=================================================================+
   | Action    | Array of strings | Permissions.                                                    |
   +-----------+------------------+-----------------------------------------------------------------+
   | Resource  | Array of strings | Resources.                                                      |
   |           |                  |                                                                 |
   |           |                  | - In the case of a custom policy for agencies, the type of this |
   |           |                  |   parameter is **Object**, and the value should be              |
   |           |                  |   *"Resource": {"uri": ["/iam/agencies/agencyTest"]}*.          |
   +-----------+------------------+-----------------------------------------------------------------+

Example Responses
-----------------

.. code-block::

   {"Action": ["iam:agencies:assume"], "Resource": {"uri": ["/iam/agencies/agencyTest"]}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Policy", "GET /v3/policy", body)}))
    (schema,) = [s for n, s in spec["components"]["schemas"].items() if n.endswith("Response")]
    assert schema["properties"]["Resource"]["anyOf"] == [
        {"type": "array", "items": {"type": "string"}}, {"type": "object"}]
    assert schema["properties"]["Action"]["type"] == "array"
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_an_object_row_that_may_be_empty_holds_its_required_rows_only_where_given(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= ======= ====================================================================
   Parameter Type    Description
   ========= ======= ====================================================================
   ip_range  Object  Peer IP segment. See Table 3. The value of **ip_range** or **group**
                     must be empty.
   group     Object  Peer group. See Table 4. The value of **ip_range** or **group** must
                     be empty.
   ========= ======= ====================================================================

.. table:: **Table 3** **ip_range** objects

   ========= ========= ======= ===========
   Parameter Mandatory Type    Description
   ========= ========= ======= ===========
   cidr      Yes       String  CIDR.
   ========= ========= ======= ===========

.. table:: **Table 4** **group** objects

   ========= ========= ======= ===========
   Parameter Mandatory Type    Description
   ========= ========= ======= ===========
   name      Yes       String  Name.
   ========= ========= ======= ===========

Example Responses
-----------------

.. code-block::

   {"ip_range": {}, "group": {"name": "default"}}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Rule", "GET /v1/rule", body)}))
    (schema,) = [s for n, s in spec["components"]["schemas"].items() if n.endswith("Response")]
    assert "$ref" in schema["properties"]["ip_range"]["anyOf"][0]
    assert schema["properties"]["ip_range"]["anyOf"][1] == {"type": "object"}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


def test_rows_repeated_after_each_list_of_dict_row_are_the_members_of_its_element(make_docs):
    body = request_body("""
tags     No  list<dict>   Tags.
key      Yes string       Tag key.
values   Yes list<string> Tag values.
tags_any No  list<dict>   Any of these tags.
key      Yes string       Tag key.
values   Yes list<string> Tag values.
matches  No  list<dict>   Search criteria.
key      Yes string       Field for searching.
value    Yes string       Search value.
limit    No  string       Number of records.
action   Yes string       Operator.
""", '{"limit": "10", "tags": [{"key": "Tag001", "values": ["Value001"]}], "action": "filter"}')
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying Policies by Tag", "POST /v1/policies/action", body)}))
    schema = spec["paths"]["/v1/policies/action"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    schema = spec["components"]["schemas"][schema["$ref"].rpartition("/")[2]]
    assert list(schema["properties"]) == ["tags", "tags_any", "matches", "limit", "action"]
    assert schema["required"] == ["action"]
    schemas = spec["components"]["schemas"]
    element = {name: schemas[schema["properties"][name]["items"]["$ref"].rpartition("/")[2]]
               for name in ("tags", "tags_any", "matches")}
    tags_any = element["tags_any"]
    assert list(tags_any["properties"]) == ["key", "values"] and tags_any["required"] == ["key", "values"]
    matches = element["matches"]
    assert list(matches["properties"]) == ["key", "value"] and matches["required"] == ["key", "value"]
    assert list(element["tags"]["properties"]) == ["key", "values"]
    notes = codes(diagnostics, "row-flattened-element")
    assert [n.message.split(" after ")[1].split()[0] for n in notes] == ["'tags'", "'tags_any'", "'matches'"]
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field", "row-duplicate") == []


def test_a_name_under_one_dict_row_only_is_no_sign_of_a_flattened_element(make_docs):
    body = request_body("""
tags     No  list<dict> Tags.
key      Yes string     Tag key.
value    Yes string     Tag value.
""")
    _, diagnostics = spec_of(make_docs({"a.rst": page("Creating a Policy", "POST /v1/policies", body)}))
    assert codes(diagnostics, "row-flattened-element") == []


def test_a_flattened_element_the_example_shows_inside_the_element_before_it_is_its_member(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========== ========== ===========
   Parameter  Type       Description
   ========== ========== ===========
   shared     list<dict> Sharings.
   id         string     Sharing ID.
   updated_at string     Sharing update time.
   backup     dict       Source backup.
   id         string     Backup ID.
   updated_at string     Backup update time.
   volume_id  string     Source disk.
   ========== ========== ===========

Example Responses
-----------------

.. code-block::

   {"shared": [{"id": "s1", "updated_at": null,
                "backup": {"id": "b1", "updated_at": "2017", "volume_id": "v1"}}]}
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying Sharings", "GET /v1/sharings", body)}))
    schemas = spec["components"]["schemas"]
    (top,) = [s for n, s in schemas.items() if n.endswith("Response")]
    assert list(top["properties"]) == ["shared"]
    shared = schemas[top["properties"]["shared"]["items"]["$ref"].rpartition("/")[2]]
    assert list(shared["properties"]) == ["id", "updated_at", "backup"]
    assert shared["properties"]["updated_at"]["nullable"] is True
    backup = schemas[shared["properties"]["backup"]["allOf"][0]["$ref"].rpartition("/")[2]]
    assert list(backup["properties"]) == ["id", "updated_at", "volume_id"]
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


NULLABLE_OBJECT = """
Response Parameters
-------------------

**Status code: 200**

.. table:: **Table 2** Response body parameters

   ========= ============================= ===========
   Parameter Type                          Description
   ========= ============================= ===========
   flavor    :ref:`Flavor <flavor>` object Flavor.
   ========= ============================= ===========

.. _flavor:

.. table:: **Table 3** Flavor

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   vcpus     Integer vCPUs.
   ram       Integer Memory.
   disk      Integer Disk size.
   ========= ======= ===========

Example Responses
-----------------

.. code-block::

   {"flavor": {"vcpus": "60", "ram": "1024", "disk": "0"}}
"""


def test_every_wrong_field_inside_an_optional_object_is_counted(make_docs):
    # ``flavor`` is optional (``anyOf [Flavor, null]``): its three wrong fields are three errors,
    # the message states one and counts the other two (ECS target flavors: vcpus "60", disk "0")
    _, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Flavor", "GET /v1/flavor", NULLABLE_OBJECT)}))
    (mismatch,) = codes(diagnostics, "example-mismatch")
    assert "where the table says integer (and 2 more)" in mismatch.message
    assert mismatch.message.count("$.flavor.") == 1


LIST_DATA_STRUCTURE = """
Response Parameters
-------------------

.. table:: **Table 2** Response parameters

   ======== =================== ===========
   Name     Type                Description
   ======== =================== ===========
   versions List data structure Versions.
   id       String              Version ID.
   status   String              Status.
   jobId    List data structure Job IDs.
   ======== =================== ===========

Example Responses
-----------------

.. code-block::

   {"versions": [{"id": "v1", "status": "CURRENT"}], "jobId": ["ff808081"]}
"""


def test_a_list_data_structure_holds_the_items_its_example_shows(make_docs):
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying Versions", "GET /v1/versions", LIST_DATA_STRUCTURE)}))
    schemas = spec["components"]["schemas"]
    assert set(schemas["ListVersionsResponse"]["properties"]) == {"versions", "jobId"}
    assert set(schemas["ListVersionsResponseVersions"]["properties"]) == {"id", "status"}
    assert schemas["ListVersionsResponse"]["properties"]["jobId"] == {"type": "array", "items": {}, "description": "Job IDs."}
    assert codes(diagnostics, "example-mismatch", "example-undocumented-field") == []


ID_KEYED = """
Response Parameters
-------------------

.. table:: **Table 1** Response parameters

   ====== =============================================== =======================================================
   Name   Type                                            Description
   ====== =============================================== =======================================================
   Vpc_id Array of :ref:`address <address_table>` objects **Vpc_id** indicates the ID of the VPC used by the BMS.
   ====== =============================================== =======================================================

.. _address_table:

.. table:: **Table 2** address

   ======= ======= ===========
   Name    Type    Description
   ======= ======= ===========
   version Integer IP version.
   addr    String  IP address.
   ======= ======= ===========

Example Responses
-----------------

.. code-block::

   {EXAMPLE}
"""


@pytest.mark.parametrize("example, keyed", [
    ('{"5849fdf1-9d79-4589-80c2-fe557990c417": [{"version": 4, "addr": "192.168.0.3"}]}', True),
    ('{"Vpc_id": [{"version": 4, "addr": "192.168.0.3"}]}', False),
    ('{"vpc": [{"version": 4, "addr": "192.168.0.3"}]}', False),  # a name, not an ID: a finding
])
def test_a_one_row_body_named_for_an_id_is_keyed_by_the_ids_its_examples_show(make_docs, example, keyed):
    body = ID_KEYED.replace("{EXAMPLE}", example)
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying IP Addresses", "GET /v2.1/servers/{id}/ips", body)}))
    schema = spec["paths"]["/v2.1/servers/{id}/ips"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ("additionalProperties" in schema) is keyed
    assert (len(codes(diagnostics, "table-one-row-map")) == 1) is keyed
    assert (codes(diagnostics, "example-undocumented-field") == []) is (example.startswith('{"vpc"') is False)
