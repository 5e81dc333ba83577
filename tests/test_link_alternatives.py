"""A row linking several tables as alternatives (one per node type, job type or action) is
any of them (``anyOf``), so every row of every table is in the operation; tables linked for
another reason (nested in one of them, another row's object, another parameter) are not."""

from __future__ import annotations

from .test_link import page, spec_of

TABLE = """
.. _{label}:

.. table:: **Table {number}** {caption}

   ============ ========= ====== ===========
   Parameter    Mandatory Type   Description
   ============ ========= ====== ===========
   {name:<12} Yes       String {name}.
   ============ ========= ====== ===========
"""


def request(row_type: str, description: str, *tables: tuple[str, str, str], response_row: str = "") -> str:
    """A POST page whose request body has one row ``node`` (Type ``row_type``) described by
    ``description``, then the tables (label, caption, field name), numbered from 3."""
    tw, dw = max(len(row_type), 4), max(len(description), 11)
    body = f"""
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   +-----------+-----------+-{'-' * tw}-+-{'-' * dw}-+
   | Parameter | Mandatory | {'Type':<{tw}} | {'Description':<{dw}} |
   +===========+===========+={'=' * tw}=+={'=' * dw}=+
   | node      | Yes       | {row_type:<{tw}} | {description:<{dw}} |
   +-----------+-----------+-{'-' * tw}-+-{'-' * dw}-+
"""
    if response_row:
        body += f"""
Response Parameters
-------------------

.. table:: **Table 9** Response body parameters

   ========= ======================================= ===========
   Parameter Type                                    Description
   ========= ======================================= ===========
   pool      {response_row:<39} Pool.
   ========= ======================================= ===========
"""
    for number, (label, caption, name) in enumerate(tables, 3):
        body += TABLE.format(label=label, number=number, caption=caption, name=name)
    return page("Creating a Job", "POST /v1/jobs", body)


def node_schema(spec: dict) -> dict:
    return spec["components"]["schemas"]["CreateJobRequest"]["properties"]["node"]


def fields_of(spec: dict, schema: dict) -> set[str]:
    """The field names of the tables a schema (``$ref``, ``anyOf``, ``allOf``, ``items``) reaches."""
    if "items" in schema:
        return fields_of(spec, schema["items"])
    options = schema.get("anyOf") or schema.get("allOf") or [schema]
    return {name for o in options for name in spec["components"]["schemas"][o["$ref"].split("/")[-1]]["properties"]}


NODE_TABLES = (("prop", "Property parameters", "name"), ("hive", "Parameters of the Hive SQL node", "scriptName"),
               ("cdm", "Parameters of the CDM Job node", "jobName"))


def test_a_list_of_one_table_per_kind_is_any_of_them(make_docs):
    description = ("Node properties. See :ref:`Table 3 <prop>`. Each type of node has its own properties: "
                   "Hive SQL: see :ref:`Table 4 <hive>`. CDM Job: see :ref:`Table 5 <cdm>`.")  # data-arts-studio
    spec, diagnostics = spec_of(make_docs({"a.rst": request("List<Property>", description, *NODE_TABLES)}))
    node = node_schema(spec)
    assert node["type"] == "array" and len(node["items"]["anyOf"]) == 3
    assert fields_of(spec, node) == {"name", "scriptName", "jobName"}
    assert "table-orphan" not in {d.code for d in diagnostics}


def test_tables_named_under_conditions_are_alternatives(make_docs):
    description = ("If **action** is **add**, see :ref:`Table 3 <add>`. "
                   "If **action** is **delete**, see :ref:`Table 4 <delete>`.")  # elastic-load-balancing
    spec, _ = spec_of(make_docs({"a.rst": request("Object", description, ("add", "members parameters", "address"),
                                                  ("delete", "members parameters", "id"))}))
    node = node_schema(spec)
    assert len(node["anyOf"]) == 2 and fields_of(spec, node) == {"address", "id"}


def test_tables_linked_from_the_type_cell_are_alternatives(make_docs):
    row_type = "Object. See :ref:`Table 3 <single>` or :ref:`Table 4 <replica>`"  # relational-database-service
    spec, _ = spec_of(make_docs({"a.rst": request(row_type, "Instance.", ("single", "instance (single)", "flavor"),
                                                  ("replica", "instance (read replica)", "replica_of"))}))
    assert fields_of(spec, node_schema(spec)) == {"flavor", "replica_of"}


def test_a_table_nested_in_another_linked_table_is_no_alternative(make_docs):
    text = request("Object", "Backup policy. For details, see :ref:`Table 3 <policy>` and :ref:`Table 4 <plan>`.",
                   ("policy", "policy parameters", "plan"), ("plan", "plan parameters", "begin_at"))
    text = text.replace("plan         Yes       String plan.", "plan         Yes       Object :ref:`Table 4 <plan>`.")
    spec, _ = spec_of(make_docs({"a.rst": text}))  # distributed-cache-service
    node = node_schema(spec)
    assert "anyOf" not in node and fields_of(spec, node) == {"plan"}


def test_a_table_offered_instead_of_the_row_is_no_alternative(make_docs):
    description = ("Nodes. See :ref:`Table 3 <groups>`. You can select either this parameter or the "
                   "parameters listed in :ref:`Table 4 <sizes>`.")  # mapreduce-service
    spec, _ = spec_of(make_docs({"a.rst": request("Object", description, ("groups", "node_groups parameters", "group"),
                                                  ("sizes", "Node configuration", "master_size"))}))
    assert fields_of(spec, node_schema(spec)) == {"group"}


def test_a_table_another_row_links_to_is_no_alternative(make_docs):
    # virtual-private-cloud: the request row's Type cell links the response's table by mistake
    response_row = ":ref:`Table 4 <response>`"
    text = request("Object", "Pool. See :ref:`Table 3 <request>` and :ref:`Table 4 <response>`.",
                   ("request", "pool objects", "name"), ("response", "pool objects", "id"), response_row=response_row)
    spec, _ = spec_of(make_docs({"a.rst": text}))
    assert fields_of(spec, node_schema(spec)) == {"name"}


def test_a_ref_in_the_description_wins_over_a_name_in_the_type_cell(make_docs):
    # data-arts-studio: ``cronTrigger`` of Type "Cron data structure" is described by "CronTrigger"
    spec, _ = spec_of(make_docs({"a.rst": request("Cron data structure", "Cron trigger. See :ref:`Table 4 <trigger>`.",
                                                  ("cron", "Cron data structure description", "expression"),
                                                  ("trigger", "CronTrigger data structure description", "period"))}))
    assert fields_of(spec, node_schema(spec)) == {"period"}
