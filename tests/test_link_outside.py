"""Field tables outside the URI, request and response sections of an operation page
(``outside``): other data when no row names anything of the operation, else orphans."""

from __future__ import annotations

import pytest

from .test_link import page, spec_of
from .test_link_requests import section, table

REQUEST = section("Request Parameters", table("Request body parameters", [("target_bucket", "Yes", "String")]))


@pytest.mark.parametrize("rows, code", [
    ([("BucketOwner", "", ""), ("Remote IP", "", "")], "table-other-data"),   # object-storage-service logging page
    ([("target_bucket", "Yes", "String")], "table-orphan"),                   # a request table in the wrong place
])
def test_a_table_outside_the_operation_sections_is_other_data_unless_it_names_the_operation(
        make_docs, rows, code):
    body = REQUEST + section("Format of Access Logs", "\nEach access log contains:\n"
                             + table("Format of access logs", rows, 3))
    _, diagnostics = spec_of(make_docs({"a.rst": page("Configuring Logging", "PUT /v1/logging", body)}))
    found = [(d.code, d.severity) for d in diagnostics if d.code in ("table-other-data", "table-orphan")]
    assert found == [(code, "info" if code == "table-other-data" else "warning")]
