"""An object row whose Type-cell link does not name the table its page means: the page's own
label (the description links the table), or another page's table while the page holds its
own copy captioned by the row (``own_tables``)."""

from __future__ import annotations

from .test_link import page, spec_of


def target(prop: dict) -> str:
    """The schema a property refers to (``$ref``, or the one of its ``allOf``)."""
    return prop.get("allOf", [prop])[0]["$ref"].split("/")[-1]

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
    request = spec["components"]["schemas"]["CreateVpcRouteRequest"]
    route = spec["components"]["schemas"][target(request["properties"]["route"])]
    assert set(route["properties"]) == {"destination", "nexthop"}
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


def test_a_request_rows_type_link_to_the_response_table_yields_to_its_description_link(make_docs):
    body = page("Updating a Subnet Pool", "PUT /v2.0/subnetpools/{id}", REQUEST_LINKS_THE_RESPONSE)
    spec, diagnostics = spec_of(make_docs({"a.rst": body}))
    schemas = spec["components"]["schemas"]
    request = target(schemas["UpdateSubnetPoolRequest"]["properties"]["subnetpool"])
    response = target(schemas["UpdateSubnetPoolResponse"]["properties"]["subnetpool"])
    assert set(schemas[request]["properties"]) == {"name"}
    assert set(schemas[response]["properties"]) == {"id", "name"}
    assert "table-orphan" not in {d.code for d in diagnostics}


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
    schemas = spec["components"]["schemas"]
    update = target(schemas["UpdateNodePoolRequest"]["properties"]["nodeTemplate"])
    create = target(schemas["CreateNodePoolRequest"]["properties"]["nodeTemplate"])
    assert set(schemas[update]["properties"]) == {"k8sTags"}
    assert set(schemas[create]["properties"]) == {"flavor", "az"}
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


def test_a_request_row_linking_the_responses_table_takes_its_own_sections_table_captioned_by_it(make_docs):
    body = page("Updating a Pool", "PUT /v2/pools/{id}", REQUEST_DESCRIPTION_LINKS_THE_RESPONSE)
    spec, diagnostics = spec_of(make_docs({"a.rst": body}))
    schemas = spec["components"]["schemas"]
    request = target(schemas["UpdatePoolRequest"]["properties"]["session_persistence"])
    response = target(schemas["UpdatePoolResponse"]["properties"]["session_persistence"])
    assert set(schemas[request]["properties"]) == {"type"}
    assert set(schemas[response]["properties"]) == {"type", "cookie_name"}
    assert "table-orphan" not in {d.code for d in diagnostics}
