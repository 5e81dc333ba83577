"""Rows that state no type (a table without a Type column, or an empty Type cell): a
parameter is a string, a body property any JSON value, so no example contradicts a type
the page never gave."""

from __future__ import annotations

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
