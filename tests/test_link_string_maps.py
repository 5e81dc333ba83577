"""String maps whose row links a structure table: an array of them is an array of the
objects the table names; a map whose table has one placeholder row is that map
(``string_maps``)."""

from __future__ import annotations

from .test_link import page, spec_of

DISK = """
Response Parameters
-------------------

.. table:: **Table 2** Response parameters

   ========= ========================= ===========================================================
   Parameter Type                      Description
   ========= ========================= ===========================================================
   links     list<map<String, String>> The disk URI. For details, see :ref:`links <links_field>`.
   metadata  Map<String,String>        The metadata. For details, see :ref:`metadata <meta_field>`.
   ========= ========================= ===========================================================

-  .. _links_field:

   Parameters in the **links** field

   ========= ====== ==============
   Parameter Type   Description
   ========= ====== ==============
   href      String The link.
   rel       String The link name.
   ========= ====== ==============

-  .. _meta_field:

   Parameter in the **metadata** field

   ========= ====== ====================================================
   Parameter Type   Description
   ========= ====== ====================================================
   key_val   String The metadata, made up of one or multiple key-value pairs.
   ========= ====== ====================================================
"""


def test_string_maps_linking_a_structure_table_are_read_through_it(make_docs):
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying a Disk", "GET /v2/volumes/{id}", DISK)}))
    schemas = spec["components"]["schemas"]
    response = schemas["ShowDiskResponse"]["properties"]
    link = schemas[response["links"]["items"]["$ref"].split("/")[-1]]
    assert set(link["properties"]) == {"href", "rel"}
    assert response["metadata"]["type"] == "object"
    assert response["metadata"]["additionalProperties"] == {"type": "string"}
    assert "table-orphan" not in {d.code for d in diagnostics}
