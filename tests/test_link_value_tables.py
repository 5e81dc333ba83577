"""Tables that hold the fields a body takes for one value of a scalar row ("``job_type``:
- 5: DistCp ... For details, see Table 3"): another form of the body (``anyOf``), its rows
placed, the body's first form knowing them as optional."""

from __future__ import annotations

from .test_link import page, spec_of

VALUE_FORMS = """
Request
-------

.. table:: **Table 2** Request parameter description

   ========== ========= ======= ===================================================================
   Parameter  Mandatory Type    Description
   ========== ========= ======= ===================================================================
   job_type   Yes       Integer Job type code

                                -  1: MapReduce
                                -  5: DistCp, importing and exporting data. For details, see :ref:`Table 3 <d>`.
   job_name   Yes       String  Job name.
   jar_path   Yes       String  Path of the JAR file.
   ========== ========= ======= ===================================================================

.. _d:

.. table:: **Table 3** **DistCp** parameter description

   =========== ========= ====== ==================
   Parameter   Mandatory Type   Description
   =========== ========= ====== ==================
   job_name    Yes       String Job name.
   file_action Yes       String import or export.
   =========== ========= ====== ==================

Example
-------

.. code-block::

   {"job_type": 1, "job_name": "a", "jar_path": "s3a://b/c.jar", "file_action": ""}

.. code-block::

   {"job_type": 5, "job_name": "a", "file_action": "import"}
"""


def test_a_table_linked_from_a_value_bullet_is_another_form_of_the_body(make_docs):
    # mapreduce-service: "Adding a Job and Executing the Job" (job_type 5: DistCp, 7: Spark SQL)
    spec, diagnostics = spec_of(make_docs({"a.rst": page("Adding a Job", "POST /v1.1/{project_id}/jobs", VALUE_FORMS)}))
    body = spec["paths"]["/v1.1/{project_id}/jobs"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    first, distcp = (spec["components"]["schemas"][o["$ref"].split("/")[-1]] for o in body["anyOf"])
    assert first["required"] == ["job_type", "job_name", "jar_path"]
    assert "file_action" in first["properties"]
    assert distcp["required"] == ["job_name", "file_action", "job_type"]
    assert set(distcp["properties"]) == {"job_name", "file_action", "job_type", "jar_path"}
    codes = {d.code for d in diagnostics}
    assert not codes & {"table-scalar-link", "example-mismatch", "example-undocumented-field"}


def test_a_scalar_row_linking_a_table_from_its_prose_keeps_it_a_note(make_docs):
    text = VALUE_FORMS.replace("-  5: DistCp, importing and exporting data. For", "For DistCp")
    _, diagnostics = spec_of(make_docs({"a.rst": page("Adding a Job", "POST /v1.1/{project_id}/jobs", text)}))
    assert "table-scalar-link" in {d.code for d in diagnostics}
