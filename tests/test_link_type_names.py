"""Type names in the Type cell linked to the table whose caption describes that type: one
mechanism (``references.type_table``) for every caption wording found in the catalogue."""

from __future__ import annotations

import pytest

from .test_link import page, spec_of

REQUEST = """
Request Parameters
------------------

.. table:: **Table 2** Parameter description

   ========== ========= {rule} ===========
   Parameter  Mandatory {head} Description
   ========== ========= {rule} ===========
   checkpoint Yes       {type} Backup.
   ========== ========= {rule} ===========

-  {caption}

.. table:: **Table 3** {caption}

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   plan_id   Yes       String Policy ID.
   ========= ========= ====== ===========
"""


def request_page(type_cell: str, caption: str) -> str:
    width = max(len(type_cell), 4)
    body = REQUEST.format(rule="=" * width, head="Type".ljust(width), type=type_cell.ljust(width), caption=caption)
    return page("Executing a Backup Policy", "POST /v1/{project_id}/checkpoints", body)


def checkpoint_property(spec: dict) -> dict:
    body = spec["paths"]["/v1/{project_id}/checkpoints"]["post"]["requestBody"]["content"]["application/json"]
    return spec["components"]["schemas"][body["schema"]["$ref"].split("/")[-1]]["properties"]["checkpoint"]


def checkpoint_schema(spec: dict) -> dict:
    prop = checkpoint_property(spec)
    ref = prop.get("allOf", [prop])[0].get("$ref") or prop["items"]["$ref"]
    return spec["components"]["schemas"][ref.split("/")[-1]]


@pytest.mark.parametrize("caption", [
    "Parameter description of field **checkpoint_req**",   # cloud-server-backup-service
    "**checkpoint_req** field description",                 # elastic-load-balancing, vpc
    "Description of the checkpoint_req field",              # image-management-service
    "Description of field checkpoint_req",                  # bare-metal-server
    "Data structure of the checkpoint_req field",           # elastic-volume-service
    "checkpoint_req data structure description",            # enterprise-project-service
    "**checkpoint_req** field data structure description",  # enterprise-project-service
    "checkpoint_req data structure",                        # data-arts-studio
    "checkpoint_req parameters",                            # data-arts-studio
    "checkpoint_req parameter description",                 # mapreduce-service
    "checkpoint_req objects",                               # elastic-load-balancing
    "checkpoint_req",                                       # bare type names (PageInfo)
])
def test_a_type_name_finds_the_table_its_caption_describes(make_docs, caption):
    spec, diagnostics = spec_of(make_docs({"a.rst": request_page("checkpoint_req", caption)}))
    schema = checkpoint_schema(spec)
    assert schema["properties"]["plan_id"]["type"] == "string"
    assert not {d.code for d in diagnostics} & {"type-unknown", "table-orphan"}


@pytest.mark.parametrize("type_cell, is_array", [
    ("checkpoint_req", False),                 # cloud-server-backup-service
    ("CheckpointReq", False),                  # elastic-load-balancing
    ("List<checkpoint_req>", True),            # cloud-server-backup-service
    ("Array of checkpoint_req", True),         # mapreduce-service
    ("checkpoint_req[]", True),                # data-replication-service
    ("Dict<checkpoint_req>", False),           # enterprise-project-service: the object itself
    ("checkpoint_req data structure", False),  # data-arts-studio
    ("checkpoint_req object", False),          # style of the seed pages
])
def test_each_way_of_naming_a_type_in_the_type_cell(make_docs, type_cell, is_array):
    spec, diagnostics = spec_of(make_docs({"a.rst": request_page(type_cell, "Parameter description of field checkpoint_req")}))
    assert (checkpoint_property(spec).get("type") == "array") == is_array
    assert checkpoint_schema(spec)["properties"]["plan_id"]["type"] == "string"
    assert "type-unknown" not in {d.code for d in diagnostics}


def test_a_dotted_type_name_finds_its_table(make_docs):
    # cloud-container-instance: ``io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta``
    name = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
    spec, _ = spec_of(make_docs({"a.rst": request_page(name, name)}))
    assert "plan_id" in checkpoint_schema(spec)["properties"]


def test_a_plural_caption_describes_a_singular_type(make_docs):
    # data-arts-studio: ``List<Instance>`` described by ``instances parameters``
    spec, _ = spec_of(make_docs({"a.rst": request_page("List<Instance>", "instances parameters")}))
    assert "plan_id" in checkpoint_schema(spec)["properties"]


def test_the_schema_is_named_after_the_type(make_docs):
    spec, _ = spec_of(make_docs({"a.rst": request_page("checkpoint_req", "Parameter description of field checkpoint_req")}))
    assert "CheckpointReq" in spec["components"]["schemas"]


def test_a_type_described_twice_on_a_page_takes_the_table_after_the_row(make_docs):
    # cloud-server-backup-service: ``policy_param`` described under Request and again under Response
    text = request_page("policy_param", "Parameter description of field policy_param") + """
Response Parameters
-------------------

.. table:: **Table 4** Response body parameters

   ========== ============ ===========
   Parameter  Type         Description
   ========== ============ ===========
   checkpoint policy_param Backup.
   ========== ============ ===========

.. table:: **Table 5** Parameter description of field policy_param

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   count     Integer Count.
   ========= ======= ===========
"""
    spec, diagnostics = spec_of(make_docs({"a.rst": text}))
    response = spec["paths"]["/v1/{project_id}/checkpoints"]["post"]["responses"]["200"]
    ref = response["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    nested = spec["components"]["schemas"][ref]["properties"]["checkpoint"]["allOf"][0]["$ref"].split("/")[-1]
    assert list(spec["components"]["schemas"][nested]["properties"]) == ["count"]
    assert "table-orphan" not in {d.code for d in diagnostics}


def test_a_type_name_no_table_describes_is_reported_at_its_row(make_docs):
    text = request_page("common_param", "Parameter description of field other")
    spec, diagnostics = spec_of(make_docs({"a.rst": text}))
    row_line = text.splitlines().index("   checkpoint Yes       common_param Backup.") + 1
    assert [(d.code, d.line) for d in diagnostics if d.code == "type-unknown"] == [("type-unknown", row_line)]
    assert checkpoint_property(spec) == {"description": "Backup."}


SECTIONS = """
Response Parameters
-------------------

**Status code: 200**

.. table:: **Table 2** Response body parameters

   ========= ============ ===========
   Parameter Type         Description
   ========= ============ ===========
   metadata  :ref:`Meta`  Metadata.
   ========= ============ ===========

.. _Meta:

.. table:: **Table 3** ObjectMeta

   ========= ====== ===========
   Parameter Type   Description
   ========= ====== ===========
   name      String Name.
   ========= ====== ===========

**Status code: 201**

.. table:: **Table 4** Response body parameters

   ========= ============ ===========
   Parameter Type         Description
   ========= ============ ===========
   metadata  :ref:`Meta`  Metadata.
   ========= ============ ===========

.. table:: **Table 5** ObjectMeta

   ========= ====== ===========
   Parameter Type   Description
   ========= ====== ===========
   name      String Name.
   ========= ====== ===========
"""


def test_a_label_defined_once_links_each_status_to_its_own_copy(make_docs):
    # cloud-container-instance: every status section repeats ``ObjectMeta``; only the first copy has the label
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Creating a ConfigMap", "POST /v1/configmaps", SECTIONS)}))
    assert "table-orphan" not in {d.code for d in diagnostics}
    assert set(spec["paths"]["/v1/configmaps"]["post"]["responses"]) == {"200", "201", "4XX"}


def test_api_explorer_reference_kinds_are_an_object_and_an_array_of_the_captioned_table(make_docs):
    body = """
Response Parameters
-------------------

.. table:: **Table 1** Response parameter description

   ========= ========= ========= ===============
   Parameter Mandatory Type      Description
   ========= ========= ========= ===============
   res_obj   No        REFERENCE Response object
   ========= ========= ========= ===============

.. table:: **Table 2** **res_obj** parameter description

   ================ ========= =============== =========================
   Parameter        Mandatory Type            Description
   ================ ========= =============== =========================
   fail_entity_list No        ARRAY_REFERENCE List of failed operations.
   ================ ========= =============== =========================

.. table:: **Table 3** **fail_entity_list** parameter description

   =========== ========= ====== ===============
   Parameter   Mandatory Type   Description
   =========== ========= ====== ===============
   fail_entity No        STRING Failed instance
   =========== ========= ====== ===============
"""
    spec, _ = spec_of(make_docs({"a.rst": page("Querying Progress", "GET /v1/progress", body)}))
    res_obj = spec["components"]["schemas"]["ResObj"]
    assert res_obj["properties"]["fail_entity_list"] == {
        "type": "array", "items": {"$ref": "#/components/schemas/FailEntityList"},
        "description": "List of failed operations."}


LEAD_IN = """
Request Parameters
------------------

Request parameters

========= ========= ============ ===========
Parameter Mandatory Type         Description
========= ========= ============ ===========
params    No        List<Params> Parameters.
========= ========= ============ ===========

Params connection parameters

========= ========= ====== ===========
Parameter Mandatory Type   Description
========= ========= ====== ===========
name      Yes       String Name.
========= ========= ====== ===========
"""

OTHER_PAGE = """
Request Parameters
------------------

.. table:: **Table 6** Param data structure description

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   value     Yes       String Value.
   ========= ========= ====== ===========
"""


def test_a_type_name_opening_the_lead_in_of_an_untitled_table_binds_on_its_own_page(make_docs):
    # data-arts-studio: ``List<Params>`` and "Params connection parameters" on the import page, while
    # "Param data structure description" of the job pages describes another Params
    spec, diagnostics = spec_of(make_docs({
        "a.rst": page("Importing Connections", "POST /v1/{project_id}/connections/import", LEAD_IN),
        "b.rst": page("Editing a Job", "PUT /v1/{project_id}/jobs/{job_name}", OTHER_PAGE)}))
    body = spec["components"]["schemas"]["ImportConnectionsRequest"]["properties"]["params"]
    item = spec["components"]["schemas"][body["items"]["$ref"].split("/")[-1]]
    assert set(item["properties"]) == {"name"}
    assert "table-alternative" not in {d.code for d in diagnostics}
