"""Rows without a Type cell: the scalar type a "Type: integer" paragraph of the description
states; else none is stated, and a parameter is a string, a body property any JSON value, so
no example contradicts a type the page never gave."""

from __future__ import annotations

from generator.parse.types import type_in_description

from .test_link import page, spec_of

NO_TYPE_COLUMN = """
-  Parameter description

   .. table:: **Table 1** URI parameter description

      ========== ========= ===========
      Parameter  Mandatory Description
      ========== ========= ===========
      cluster_id Yes       Cluster ID.
      ========== ========= ===========

Request
-------

-  Example:

   .. code-block:: text

      POST /web/v1/clusters/{cluster_id}/services/start HTTP/1.1

      {
        "user_password": "xxx",
        "only_self": true
      }

-  Parameter description

   .. table:: **Table 2** Request parameter description

      +---------------+------------------+---------------------------------------------------+
      | Parameter     | Mandatory or Not | Description                                       |
      +===============+==================+===================================================+
      | user_password | No               | Password of the login user.                       |
      +---------------+------------------+---------------------------------------------------+
      | only_self     | No               | Whether to operate only the specified service     |
      |               |                  |                                                   |
      |               |                  | **false**: The services it depends on also start. |
      |               |                  |                                                   |
      |               |                  | **true**: Only the specified service is started.  |
      +---------------+------------------+---------------------------------------------------+
"""


def test_a_body_row_without_a_type_column_holds_any_value_and_its_example_is_kept(make_docs):
    # mapreduce-service, MRS Manager web APIs: "Starting a Service"
    spec, diagnostics = spec_of(make_docs({"a.rst": page(
        "Starting a Service", "POST /web/v1/clusters/{cluster_id}/services/start", NO_TYPE_COLUMN)}))
    request = spec["components"]["schemas"]["StartServiceRequest"]["properties"]
    assert "type" not in request["only_self"] and "enum" not in request["only_self"]
    assert "type" not in request["user_password"]
    operation = spec["paths"]["/web/v1/clusters/{cluster_id}/services/start"]["post"]
    assert [p["schema"] for p in operation["parameters"]] == [{"type": "string"}]
    assert "example-mismatch" not in {d.code for d in diagnostics}
    examples = operation["requestBody"]["content"]["application/json"]["examples"]
    assert [e["value"] for e in examples.values()] == [{"user_password": "xxx", "only_self": True}]


TYPED = """
Request
-------

-  Example:

   .. code-block:: text

      POST /web/v1/clusters/{cluster_id}/services/start HTTP/1.1

      {
        "only_self": true
      }

-  Parameter description

   .. table:: **Table 2** Request parameter description

      ========= ================ ====== ============================================
      Parameter Mandatory or Not Type   Description
      ========= ================ ====== ============================================
      only_self No               String Whether to operate only the specified service
      ========= ================ ====== ============================================
"""


def test_a_body_row_with_a_type_is_still_checked_against_the_example(make_docs):
    spec, diagnostics = spec_of(make_docs({"a.rst": page(
        "Starting a Service", "POST /web/v1/clusters/{cluster_id}/services/start", TYPED)}))
    assert spec["components"]["schemas"]["StartServiceRequest"]["properties"]["only_self"]["type"] == "string"
    assert "example-mismatch" in {d.code for d in diagnostics}


STATED_IN_DESCRIPTION = """
Response
--------

.. table:: **Table 3** Response elements

   +-----------+----------------------------------------------------+
   | Parameter | Description                                        |
   +===========+====================================================+
   | Days      | Days after which the rule takes effect.            |
   |           |                                                    |
   |           | Type: integer                                      |
   +-----------+----------------------------------------------------+
   | Delivered | Whether the ACL applies to the bucket's objects.   |
   |           |                                                    |
   |           | Type: boolean                                      |
   +-----------+----------------------------------------------------+
   | Canned    | Grants permissions to all users.                   |
   |           |                                                    |
   |           | Type: string. The value can only be **Everyone**.  |
   +-----------+----------------------------------------------------+
   | Rule      | Container for a rule.                              |
   |           |                                                    |
   |           | Type: container                                    |
   +-----------+----------------------------------------------------+
"""


def test_a_row_without_a_type_column_takes_the_scalar_type_its_description_states(make_docs):
    # object-storage-service element tables: "Type: integer" as a paragraph of the description
    spec, _ = spec_of(make_docs({"a.rst": page("Querying a Rule", "GET /v1/rules", STATED_IN_DESCRIPTION)}))
    response = spec["components"]["schemas"]["ShowRuleResponse"]["properties"]
    assert response["Days"]["type"] == "integer"
    assert response["Delivered"]["type"] == "boolean"
    assert (response["Canned"]["type"], response["Canned"]["enum"]) == ("string", ["Everyone"])
    assert "type" not in response["Rule"]  # a container's children are the rows around it


def test_type_in_description_reads_only_a_type_paragraph():
    assert type_in_description("Days after which it applies.\n\nType: integer\n\nParent: Rule") == "integer"
    assert type_in_description("Type: string **request_id-timestamp-hostname**") == "string"
    assert type_in_description("Type: XML\n\nChild: Rule") == ""
    assert type_in_description("Sent as Content-Type: application/xml") == ""
    assert type_in_description("The MIME type.") == ""
