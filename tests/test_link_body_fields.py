"""A body documented one table per top-level field, each captioned by its field: a table
naming an object no row names is that object, a field of the body."""

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
