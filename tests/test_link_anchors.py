"""A label written on the wrong table: the row's ``:ref:`` lands on its own table, and the
table describing its object follows, captioned by the row's name (``anchors``)."""

from __future__ import annotations

from .test_link import page, spec_of

MISPLACED = """
Request Parameters
------------------

.. _req_statement:

.. table:: **Table 2** Request body parameter

   +-----------+-----------+---------------------------------------------------+-------------+
   | Parameter | Mandatory | Type                                              | Description |
   +===========+===========+===================================================+=============+
   | Statement | No        | Array of :ref:`Statement <req_statement>` objects | Statements. |
   +-----------+-----------+---------------------------------------------------+-------------+

.. table:: **Table 3** Statement

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   Sid       No        String Statement ID.
   ========= ========= ====== ===========
"""

RECURSIVE = """
Response Parameters
-------------------

.. _node:

.. table:: **Table 2** Response body parameters

   +-----------+-----------------------------------------+-------------+
   | Parameter | Type                                    | Description |
   +===========+=========================================+=============+
   | name      | String                                  | Node name.  |
   +-----------+-----------------------------------------+-------------+
   | children  | Array of :ref:`children <node>` objects | Sub-nodes.  |
   +-----------+-----------------------------------------+-------------+
"""


def test_a_label_on_the_rows_own_table_means_the_table_captioned_by_the_row(make_docs):
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Configuring an ACL", "PUT /v1/acl", MISPLACED)}))
    body = spec["paths"]["/v1/acl"]["put"]["requestBody"]["content"]["application/json"]["schema"]
    request = spec["components"]["schemas"][body["$ref"].split("/")[-1]]
    item = request["properties"]["Statement"]["items"]["$ref"].split("/")[-1]
    assert list(spec["components"]["schemas"][item]["properties"]) == ["Sid"]
    assert [(d.code, d.line) for d in diagnostics if d.code in ("label-misplaced", "table-orphan")] == [
        ("label-misplaced", 20)]


def test_a_recursive_structure_keeps_linking_to_its_own_table(make_docs):
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Tree", "GET /v1/tree", RECURSIVE)}))
    body = spec["paths"]["/v1/tree"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    name = body["$ref"].split("/")[-1]
    assert spec["components"]["schemas"][name]["properties"]["children"]["items"] == body
    assert "label-misplaced" not in {d.code for d in diagnostics}
