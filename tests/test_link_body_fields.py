"""Tables no object row links to: in a body documented one table per top-level field, a
table naming an object no row names is that object, a field of the body; a table a scalar
row links to is said to be linked by it, not an orphan."""

from __future__ import annotations

from .test_link import page, spec_of

FIELD_BY_FIELD = """
Request
-------

Table 2 and Table 3 describe the request parameters.

.. table:: **Table 2** **node_group** parameter description

   ========== ========= ====== ===========
   Parameter  Mandatory Type   Description
   ========== ========= ====== ===========
   node_group Yes       String Node group.
   ========== ========= ====== ===========

.. table:: **Table 3** **auto_scaling_policy** parameter description

   ============ ========= ======= ============
   Parameter    Mandatory Type    Description
   ============ ========= ======= ============
   min_capacity Yes       Integer Minimum.
   max_capacity Yes       Integer Maximum.
   ============ ========= ======= ============
"""


def test_a_table_per_top_level_field_adds_its_object_to_the_body(make_docs):
    # mapreduce-service: "Configuring an Auto Scaling Rule"
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Configuring an Auto Scaling Rule",
                                                         "POST /v1.1/{project_id}/autoscaling-policy", FIELD_BY_FIELD)}))
    request = spec["components"]["schemas"]["ConfigureAutoScalingRuleRequest"]["properties"]
    assert set(request) == {"node_group", "auto_scaling_policy"}
    policy = spec["components"]["schemas"][request["auto_scaling_policy"]["$ref"].split("/")[-1]]
    assert policy["required"] == ["min_capacity", "max_capacity"]
    assert "table-orphan" not in {d.code for d in diagnostics}


def test_a_body_table_not_captioned_by_its_own_row_gains_no_field(make_docs):
    body = FIELD_BY_FIELD.replace("**node_group** parameter description", "Request parameters")
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Configuring an Auto Scaling Rule",
                                                         "POST /v1.1/{project_id}/autoscaling-policy", body)}))
    assert set(spec["components"]["schemas"]["ConfigureAutoScalingRuleRequest"]["properties"]) == {"node_group"}
    assert "table-orphan" in {d.code for d in diagnostics}


VALUE_TABLE = """
Request Parameters
------------------

.. table:: **Table 2** Request body parameters

   ========== ========= ====== =====================================================
   Parameter  Mandatory Type   Description
   ========== ========= ====== =====================================================
   expression Yes       {type} Cron expression. For each field, see :ref:`Table 3 <f>`.
   ========== ========= ====== =====================================================

.. _f:

.. table:: **Table 3** Values in the Cron expression fields

   ====== {rule} ===========
   Field  {head} Description
   ====== {rule} ===========
   Second 0-59{pad} Seconds.
   ====== {rule} ===========
"""


def value_table(type_cell: str, second_column: str) -> str:
    rule = "=" * len(second_column)
    text = VALUE_TABLE.format(type=type_cell, rule=rule, head=second_column, pad=" " * (len(second_column) - 4))
    return page("Creating a Job", "POST /v1/jobs", text)


def test_a_table_only_a_scalar_links_to_is_no_object(make_docs):
    # data-arts-studio: "Values in the Cron expression fields" (Field, Value Range, ...)
    _, diagnostics = spec_of(make_docs({"a.rst": value_table("String", "Value Range")}))
    (note,) = [d for d in diagnostics if d.code.startswith("table-")]
    assert note.code == "table-scalar-link" and "'expression' (String) at docs/svc/a.rst:18" in note.message


PLURAL_ROW = """
Request Parameters
------------------

.. table:: **Table 2** Request parameters

   ========= ========= ============= ===========
   Parameter Mandatory Type          Description
   ========= ========= ============= ===========
   tags      No        Array<Object> Tags.
   ========= ========= ============= ===========

.. table:: **Table 3** Description of field **tag**

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   key       Yes       String Tag key.
   ========= ========= ====== ===========
"""


def test_a_caption_naming_the_singular_of_an_object_row_describes_it(make_docs):
    # nat-gateway: ``tags`` (Array<Object>) described by "Description of field **tag**"
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Querying Gateways by Tag", "POST /v2/gateways/action",
                                                         PLURAL_ROW)}))
    body = spec["paths"]["/v2/gateways/action"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    tags = spec["components"]["schemas"][body["$ref"].split("/")[-1]]["properties"]["tags"]
    assert spec["components"]["schemas"][tags["items"]["$ref"].split("/")[-1]]["required"] == ["key"]
    assert "table-orphan" not in {d.code for d in diagnostics}
