"""A row whose Type cell its page contradicts: a table of the page describes it (captioned by
its name or linked from it) and the page's examples show that table's object, or a list of
them. Read as the table and the examples show it, with a ``type-cell-contradicted`` note."""

from __future__ import annotations

import pytest

from generator.link.shown_structures import shown_structure

from .test_link import page, spec_of

RESPONSE = """
Response Parameters
-------------------

.. table:: **Table 2** Response parameters

   ============= {rule} ===========================================
   Parameter     {head} Description
   ============= {rule} ===========================================
   loadbalancers {type} {description}
   ============= {rule} ===========================================

.. table:: **Table 3** **{caption}** parameter description

   ========= ====== =================
   Parameter Type   Description
   ========= ====== =================
   id        String Load balancer ID.
   ========= ====== =================

Example Response
----------------

.. code-block::

   {{"loadbalancers": {shown}}}
"""


def listing(type_cell: str, shown: str, caption: str = "loadbalancers",
            description: str = "Lists the IDs of load balancers.") -> str:
    width = max(len(type_cell), 4)
    body = RESPONSE.format(rule="=" * width, head="Type".ljust(width), type=type_cell.ljust(width), caption=caption,
                           description=description, shown=shown)
    return page("Querying Backend Server Groups", "GET /v2/{project_id}/pools", body)


def loadbalancers(spec: dict) -> dict:
    response = spec["paths"]["/v2/{project_id}/pools"]["get"]["responses"]["200"]["content"]["application/json"]
    return spec["components"]["schemas"][response["schema"]["$ref"].split("/")[-1]]["properties"]["loadbalancers"]


@pytest.mark.parametrize("type_cell, caption, description", [
    ("String", "loadbalancers", "Lists the IDs of load balancers."),      # elastic-load-balancing
    ("Array of strings", "loadbalancer", "The loadbalancer objects."),   # scalable-file-service: export_locations
    ("Object", "loadbalancer", "List objects of all load balancers."),    # scalable-file-service: versions
])
def test_a_type_cell_the_table_and_the_examples_contradict_reads_as_they_show(make_docs, type_cell, caption, description):
    spec, diagnostics = spec_of(make_docs({"a.rst": listing(type_cell, '[{"id": "a"}]', caption, description)}))
    prop = loadbalancers(spec)
    assert prop["type"] == "array" and prop["items"]["$ref"]
    codes = [d.code for d in diagnostics]
    assert "type-cell-contradicted" in codes
    assert not set(codes) & {"example-mismatch", "table-orphan", "table-alternative"}


def test_a_string_the_examples_show_as_a_string_stays_a_string(make_docs):
    spec, diagnostics = spec_of(make_docs({"a.rst": listing("String", '"a"')}))
    assert loadbalancers(spec)["type"] == "string"
    assert "type-cell-contradicted" not in {d.code for d in diagnostics}


def test_an_object_row_not_said_to_be_a_list_keeps_its_type(make_docs):
    # the example's list contradicts a row that says nothing of a list: the docs' finding stays
    _, diagnostics = spec_of(make_docs({"a.rst": listing("Object", '[{"id": "a"}]', "loadbalancers", "Load balancer.")}))
    codes = {d.code for d in diagnostics}
    assert "example-mismatch" in codes and "type-cell-contradicted" not in codes



FAIL_LIST = """
Response Parameters
-------------------

.. table:: **Table 4** Response parameter

   ========= =============================== ======================================================================
   Parameter Type                            Description
   ========= =============================== ======================================================================
   fail      :ref:`fail <fail_table>` object {description}
   ========= =============================== ======================================================================

.. _fail_table:

.. table:: **Table 5** **fail** objects

   ========= ====== ================
   Parameter Type   Description
   ========= ====== ================
   id        String ID of the port.
   ========= ====== ================

Example normal response 1
-------------------------

.. code-block::

   {{"fail": []}}

Example normal response 2
-------------------------

.. code-block::

   {{"fail": [{{"id": "a"}}]}}
"""


@pytest.mark.parametrize("description", [
    "Specifies the failed ports. The **fail** list is blank if all succeed.",  # VPC: fail
    "Resource tag list",                                                        # ModelArts, CCE: tags, clusters
])
def test_an_object_naming_its_table_that_the_examples_show_as_a_list_reads_as_a_list(make_docs, description):
    # ``fail object`` linking its table, a description speaking of a list, examples showing a
    # list of that table's objects (one of them empty): a list, and the Type cell reported
    body = FAIL_LIST.format(description=description)
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Associating Ports", "POST /v1/ports/action", body)}))
    prop = fail_property(spec)
    assert prop["type"] == "array" and prop["items"]["$ref"]
    codes = [d.code for d in diagnostics]
    assert "type-cell-contradicted" in codes and "example-mismatch" not in codes


def test_an_object_naming_its_table_not_said_to_be_a_list_keeps_its_type(make_docs):
    body = FAIL_LIST.format(description="Pagination information")  # TMS: page_info
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Associating Ports", "POST /v1/ports/action", body)}))
    assert fail_property(spec).get("type") != "array"
    codes = {d.code for d in diagnostics}
    assert "example-mismatch" in codes and "type-cell-contradicted" not in codes


def fail_property(spec: dict) -> dict:
    response = spec["paths"]["/v1/ports/action"]["post"]["responses"]["200"]["content"]["application/json"]
    return spec["components"]["schemas"][response["schema"]["$ref"].split("/")[-1]]["properties"]["fail"]


def test_an_empty_list_is_a_list_of_any_items():
    # ``[]`` alone says nothing of the items; beside a list of objects it is one more such list
    assert shown_structure([[]]) is None
    assert shown_structure([[], [{"id": "a"}]]) == "array"
    assert shown_structure([[], ["a"]]) is None
