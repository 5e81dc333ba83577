"""A response table the page names as the body of failed calls is the operation's error
body (``error_tables``), not an object no field has."""

from __future__ import annotations

import pytest

from .test_link import page, spec_of

ABNORMAL = """
Response Parameters
-------------------

.. table:: **Table 3** Normal response

   ========= ====== ===========
   Parameter Type   Description
   ========= ====== ===========
   job_id    String Task ID.
   ========= ====== ===========

.. table:: **Table 4** {caption}

   ========= ========================= ===================================================
   Parameter Type                      Description
   ========= ========================= ===================================================
   error     Dictionary data structure Error. For details, see :ref:`Table 5 <error_table>`.
   ========= ========================= ===================================================

.. _error_table:

.. table:: **Table 5** **error** data structure

   ========= ====== ==============
   Parameter Type   Description
   ========= ====== ==============
   message   String Error message.
   code      String Error code.
   ========= ====== ==============

Returned Values
---------------

============== ===========
Returned Value Description
============== ===========
202            Accepted.
============== ===========
"""


@pytest.mark.parametrize("caption", ["Abnormal response", "Error response", "Failed response"])
def test_a_table_of_the_abnormal_response_is_the_error_body_of_the_operation(make_docs, caption):
    body = page("Attaching a Disk", "POST /v1/servers/{server_id}/attachvolume", ABNORMAL.format(caption=caption))
    spec, diagnostics = spec_of(make_docs({"a.rst": body}))
    responses = spec["paths"]["/v1/servers/{server_id}/attachvolume"]["post"]["responses"]
    error = responses["4XX"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    assert error == "AttachDiskResponseError"
    schemas = spec["components"]["schemas"]
    inner = schemas[error]["properties"]["error"]
    inner = inner.get("allOf", [inner])[0]["$ref"].split("/")[-1]
    assert set(schemas[inner]["properties"]) == {"message", "code"}
    assert set(schemas["AttachDiskResponse"]["properties"]) == {"job_id"}
    assert "table-orphan" not in {d.code for d in diagnostics}
