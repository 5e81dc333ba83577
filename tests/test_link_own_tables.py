"""An object row whose Type-cell link does not name the table its page means: the page's own
label (the description links the table), or another page's table while the page holds its
own copy captioned by the row (``own_tables``)."""

from __future__ import annotations

import pytest

from .test_link import page, spec_of


def target(prop: dict) -> str:
    """The schema a property refers to (``$ref``, or the one of its ``allOf``)."""
    return prop.get("allOf", [prop])[0]["$ref"].split("/")[-1]


def fields_of(spec: dict, body: str, prop: str) -> set[str]:
    """The property names of the object that property ``prop`` of schema ``body`` refers to."""
    schemas = spec["components"]["schemas"]
    return set(schemas[target(schemas[body]["properties"][prop])]["properties"])

TYPE_NAMES_THE_PAGE = """
Request Parameters
------------------

.. table:: **Table 1** Request parameter

   +-----------+--------------------------------------+-----------+----------------------------------------------------------------------+
   | Parameter | Type                                 | Mandatory | Description                                                          |
   +===========+======================================+===========+======================================================================+
   | route     | :ref:`route <vpc_route_0003>` object | Yes       | Specifies the route. For details, see :ref:`Table 2 <route_table>`.  |
   +-----------+--------------------------------------+-----------+----------------------------------------------------------------------+

.. _route_table:

.. table:: **Table 2** **route** objects

   =========== ====== ========= ===========
   Parameter   Type   Mandatory Description
   =========== ====== ========= ===========
   destination String Yes       CIDR.
   nexthop     String Yes       Next hop.
   =========== ====== ========= ===========
"""


def test_a_type_link_to_the_page_itself_takes_the_table_the_description_links(make_docs):
    body = page("Creating a VPC Route", "POST /v2.0/vpc/routes", TYPE_NAMES_THE_PAGE, label="vpc_route_0003")
    spec, diagnostics = spec_of(make_docs({"a.rst": body}))
    assert fields_of(spec, "CreateVpcRouteRequest", "route") == {"destination", "nexthop"}
    assert not {d.code for d in diagnostics} & {"ref-unresolved", "table-orphan"}


REQUEST_LINKS_THE_RESPONSE = """
Request Parameters
------------------

.. table:: **Table 1** Request parameter

   ========== ======================================== ========= =========================================================
   Parameter  Type                                     Mandatory Description
   ========== ======================================== ========= =========================================================
   subnetpool :ref:`subnetpool <response_pool>` object Yes       Subnet pool. For details, see :ref:`Table 2 <request_pool>`.
   ========== ======================================== ========= =========================================================

.. _request_pool:

.. table:: **Table 2** **subnetpool** objects

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   name      No        String Name.
   ========= ========= ====== ===========

Response Parameters
-------------------

.. table:: **Table 3** Response parameter

   ========== ======================================== ============
   Parameter  Type                                     Description
   ========== ======================================== ============
   subnetpool :ref:`subnetpool <response_pool>` object Subnet pool.
   ========== ======================================== ============

.. _response_pool:

.. table:: **Table 4** **subnetpool** objects

   ========= ====== ===========
   Parameter Type   Description
   ========= ====== ===========
   id        String ID.
   name      String Name.
   ========= ====== ===========
"""


CREATE_POOL = """
Request Parameters
------------------

.. table:: **Table 1** Request body parameters

   ============ ========= ============ ===========
   Parameter    Mandatory Type         Description
   ============ ========= ============ ===========
   nodeTemplate Yes       NodeTemplate Template.
   ============ ========= ============ ===========

.. _create_node_template:

.. table:: **Table 2** NodeTemplate

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   flavor    Yes       String Flavor.
   az        Yes       String AZ.
   ========= ========= ====== ===========
"""

UPDATE_POOL = """
Request Parameters
------------------

.. table:: **Table 1** Request body parameters

   +--------------+-----------+--------------------------------------------------------------------------------+-------------+
   | Parameter    | Mandatory | Type                                                                           | Description |
   +==============+===========+================================================================================+=============+
   | nodeTemplate | Yes       | :ref:`Data structure of the nodeTemplate field <create_node_template>` object  | Template.   |
   +--------------+-----------+--------------------------------------------------------------------------------+-------------+

.. table:: **Table 2** Data structure of the **nodeTemplate** field

   ========= ========= ================== ===========
   Parameter Mandatory Type               Description
   ========= ========= ================== ===========
   k8sTags   No        Map<String,String> Labels.
   ========= ========= ================== ===========
"""


def test_a_link_to_another_pages_table_yields_to_the_pages_own_copy_captioned_by_the_row(make_docs):
    spec, diagnostics = spec_of(make_docs({
        "create.rst": page("Creating a Node Pool", "POST /v3/nodepools", CREATE_POOL),
        "update.rst": page("Updating a Node Pool", "PUT /v3/nodepools/{id}", UPDATE_POOL),
    }))
    assert fields_of(spec, "UpdateNodePoolRequest", "nodeTemplate") == {"k8sTags"}
    assert fields_of(spec, "CreateNodePoolRequest", "nodeTemplate") == {"flavor", "az"}
    assert "table-orphan" not in {d.code for d in diagnostics}


REQUEST_DESCRIPTION_LINKS_THE_RESPONSE = """
Request Parameters
------------------

.. table:: **Table 1** Parameter description

   =================== ========= ====== ====================================================================
   Parameter           Mandatory Type   Description
   =================== ========= ====== ====================================================================
   session_persistence No        Object Sticky sessions. For details, see :ref:`Table 3 <response_session>`.
   =================== ========= ====== ====================================================================

.. table:: **Table 2** **session_persistence** parameter description

   =========== ========= ====== ===========
   Parameter   Mandatory Type   Description
   =========== ========= ====== ===========
   type        Yes       String Type.
   =========== ========= ====== ===========

Response Parameters
-------------------

.. table:: **Table 3** Parameter description

   =================== ====== ====================================================================
   Parameter           Type   Description
   =================== ====== ====================================================================
   session_persistence Object Sticky sessions. For details, see :ref:`Table 4 <response_session>`.
   =================== ====== ====================================================================

.. _response_session:

.. table:: **Table 4** **session_persistence** parameter description

   =========== ====== ===========
   Parameter   Type   Description
   =========== ====== ===========
   type        String Type.
   cookie_name String Cookie.
   =========== ====== ===========
"""


@pytest.mark.parametrize("title, line, body, prop, request_fields, response_fields", [
    # virtual-private-cloud: the Type cell links the response's table, the description the request's
    ("Updating a Subnet Pool", "PUT /v2.0/subnetpools/{id}", REQUEST_LINKS_THE_RESPONSE, "subnetpool",
     {"name"}, {"id", "name"}),
    # elastic-load-balancing: the description links the response's table; the request has its own
    ("Updating a Pool", "PUT /v2/pools/{id}", REQUEST_DESCRIPTION_LINKS_THE_RESPONSE, "session_persistence",
     {"type"}, {"type", "cookie_name"}),
])
def test_a_request_row_linking_the_responses_table_takes_the_request_sections_table(
        make_docs, title, line, body, prop, request_fields, response_fields):
    spec, diagnostics = spec_of(make_docs({"a.rst": page(title, line, body)}))
    op = title.replace("Updating a ", "Update").replace(" ", "")
    assert fields_of(spec, f"{op}Request", prop) == request_fields
    assert fields_of(spec, f"{op}Response", prop) == response_fields
    assert "table-orphan" not in {d.code for d in diagnostics}


DESCRIBED_BEFORE_ITS_ROW = """
Response Parameters
-------------------

.. table:: **Table 3** Response body parameter

   ========= ============================= ===========
   Parameter Type                          Description
   ========= ============================= ===========
   instance  :ref:`Detail <detail>` object Instance.
   ========= ============================= ===========

.. _detail:

.. table:: **Table 4** MysqlInstanceInfoDetail

   ========= =================================== ===========
   Parameter Type                                Description
   ========= =================================== ===========
   nodes     Array of :ref:`Node <node>` objects Nodes.
   ========= =================================== ===========

.. _volume:

.. table:: **Table 5** MysqlInstanceNodeVolumeInfo

   ========= ====== ===========
   Parameter Type   Description
   ========= ====== ===========
   size      String Size.
   ========= ====== ===========

.. _node:

.. table:: **Table 6** MysqlInstanceNodeInfo

   ========= ============================== ===========
   Parameter Type                           Description
   ========= ============================== ===========
   volume    :ref:`Table 5 <volume>` object Volume.
   ========= ============================== ===========
"""


def test_a_table_described_before_the_row_linking_it_is_that_rows_object_not_an_orphan(make_docs):
    body = page("Querying an Instance", "GET /v3/instances/{id}", DESCRIBED_BEFORE_ITS_ROW)
    spec, diagnostics = spec_of(make_docs({"a.rst": body}))
    assert fields_of(spec, "MysqlInstanceNodeInfo", "volume") == {"size"}
    assert "table-orphan" not in {d.code for d in diagnostics}


SKIPPED_LEVEL = """
Response Parameters
-------------------

.. table:: **Table 2** Parameter description

   ========= ====================================================================== ===========
   Name      Type                                                                   Description
   ========= ====================================================================== ===========
   instances List data structure. For details, see :ref:`Table 4 <instance_table>`. Instances.
   ========= ====================================================================== ===========

.. table:: **Table 3** instances field data structure description

   ======== ============================================================================ ===========
   Name     Type                                                                         Description
   ======== ============================================================================ ===========
   instance Dictionary data structure. For details, see :ref:`Table 4 <instance_table>`. Instance.
   ======== ============================================================================ ===========

.. _instance_table:

.. table:: **Table 4** instance field data structure description

   ==== ====== ===========
   Name Type   Description
   ==== ====== ===========
   id   String ID.
   name String Name.
   ==== ====== ===========
"""


def test_a_link_that_skips_the_table_captioned_by_the_row_yields_to_that_table(make_docs):
    spec, diagnostics = spec_of(make_docs({
        "list.rst": page("Obtaining a DB Instance List", "GET /v1.0/instances", SKIPPED_LEVEL),
    }))
    schemas = spec["components"]["schemas"]
    body = next(s for s in schemas.values() if "instances" in s.get("properties", {}))
    element = schemas[target(body["properties"]["instances"]["items"])]
    assert set(element["properties"]) == {"instance"}
    assert set(schemas[target(element["properties"]["instance"])]["properties"]) == {"id", "name"}
    assert "table-orphan" not in {d.code for d in diagnostics}
