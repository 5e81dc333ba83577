"""One page in, the page model out: endpoints, tables, rows, facts, examples."""

import textwrap

import pytest

from generator.model.page import Endpoint, Facts, TypeExpr
from generator.parse.page import parse_page

PAGE = """\
:original_name: ListThings.html

.. _ListThings:

Querying Things
===============

Function
--------

This API lists things.

URI
---

GET /v1/{project_id}/things

.. table:: **Table 1** Query parameters

   +-----------+-----------+---------+----------------------------------------------+
   | Parameter | Mandatory | Type    | Description                                  |
   +===========+===========+=========+==============================================+
   | limit     | No        | Integer | Page size. The value ranges from 1 to 100.   |
   |           |           |         | The default value is **10**.                 |
   +-----------+-----------+---------+----------------------------------------------+
   | kind      | Yes       | String  | Kind. Options:                               |
   |           |           |         |                                              |
   |           |           |         | -  **a**: first                              |
   |           |           |         | -  **b**: second (Default value)             |
   +-----------+-----------+---------+----------------------------------------------+

Response Parameters
-------------------

**Status code: 200**

.. table:: **Table 2** Response body parameters

   +-----------+--------------------------------------------------+-------------+
   | Parameter | Type                                             | Description |
   +===========+==================================================+=============+
   | things    | Array of :ref:`Thing <listthings_thing>` objects | Things.     |
   +-----------+--------------------------------------------------+-------------+

Example Responses
-----------------

**Status code: 200**

.. code-block::

   {"things": []}

Status Codes
------------

=========== ===========
Status Code Description
=========== ===========
200         OK
=========== ===========
"""


def parse(text: str):
    return parse_page(textwrap.dedent(text).encode(), "docs/svc/page.rst")


def test_identity_and_endpoint():
    page = parse(PAGE)
    assert page.label == "ListThings"
    assert page.original_name == "ListThings.html"
    assert page.title == "Querying Things"
    assert page.description == "This API lists things."
    assert page.endpoints == (Endpoint(16, "GET", "/v1/{project_id}/things"),)


def test_query_table_rows_with_facts():
    table = parse(PAGE).tables[0]
    assert (table.kind, table.caption, table.location) == ("fields", "Query parameters", "query")
    limit, kind = table.rows
    assert (limit.name, limit.type, limit.mandatory, limit.line) == ("limit", TypeExpr("integer", "int32"), "No", 23)
    assert limit.facts == Facts(default="10", minimum="1", maximum="100")
    assert kind.facts == Facts(enum=("a", "b"), default="b")


def test_response_table_keeps_ref_target_and_status():
    table = parse(PAGE).tables[1]
    assert (table.location, table.status) == ("response", "200")
    assert table.rows[0].type == TypeExpr("array", items=TypeExpr("ref", ref="listthings_thing"))


def test_examples_and_status_codes():
    page = parse(PAGE)
    (example,) = page.examples
    assert (example.kind, example.status, example.data) == ("response", "200", {"things": []})
    assert [(s.code, s.description) for s in page.status_codes] == [("200", "OK")]


def test_status_marker_written_with_separate_bold_parts():
    page = parse(PAGE.replace("**Status code: 200**", "**Status code**: **201**"))
    assert page.tables[1].status == "201"


def test_invalid_json_example_is_a_diagnostic():
    page = parse(PAGE.replace('{"things": []}', '{"things": [],}'))
    (diag,) = page.diagnostics
    assert (diag.code, diag.file) == ("example-invalid-json", "docs/svc/page.rst")
    assert page.examples[0].data is None


def test_unknown_type_is_a_diagnostic_not_a_crash():
    page = parse(PAGE.replace("| kind      | Yes       | String ", "| kind      | Yes       | Strin~ "))
    assert [d.code for d in page.diagnostics] == ["type-unknown"]
    assert page.tables[0].rows[1].type is None


def test_sphinx_roles_and_toctree_make_no_noise():
    page = parse(".. _X:\n\nT\n=\n\nSee :doc:`a`, :download:`b <c.zip>`.\n\n.. toctree::\n\n   a\n")
    assert page.diagnostics == ()
    assert page.title == "T"


def test_malformed_page_is_one_diagnostic():
    page = parse_page(b"\xff\xfe not utf-8", "docs/svc/bad.rst")
    (diag,) = page.diagnostics
    assert (diag.code, diag.severity, diag.file) == ("page-unreadable", "error", "docs/svc/bad.rst")


def test_markup_errors_are_diagnostics_with_their_line():
    broken = PAGE.replace("   | things    | Array", "   | things    | Arr ay|")
    page = parse(broken)
    assert [(d.code, d.severity) for d in page.diagnostics] == [("rst-error", "warning")]
    assert page.diagnostics[0].line > 30


def test_spaces_inside_path_templates_are_dropped():
    page = parse("T\n=\n\nURI\n---\n\nGET /v3/endpoints{?interface, service_id}\n")
    assert page.endpoints == (Endpoint(7, "GET", "/v3/endpoints{?interface,service_id}"),)


def test_example_lead_ins_name_their_kind_wherever_the_words_stand():
    page = parse("""\
        Querying Jobs
        =============

        GET /v1/{project_id}/jobs

        Example Requests
        ----------------

        -  Example request

           .. code-block::

              GET https://x/v1/1/jobs

        Example Responses
        -----------------

        -  Successful sample response

           .. code-block::

              {"jobs": []}

        -  Example of a failed response

           .. code-block::

              {"error_code": "X"}
        """)
    assert [(e.kind, e.status) for e in page.examples] == [("request", None), ("response", None), ("response", "error")]


def test_a_short_paragraph_about_samples_is_no_example_lead_in():
    page = parse("""\
        Adding Samples
        ==============

        Adding samples in batches

        URI
        ---

        POST /v2/{project_id}/datasets/{dataset_id}/samples
        """)
    assert [e.path for e in page.endpoints] == ["/v2/{project_id}/datasets/{dataset_id}/samples"]


def test_a_query_string_spaced_at_its_separators_is_one_request_line():
    page = parse("T\n=\n\nURI\n---\n\n-  GET /v2/{project_id}/shares?limit={limit}& name~={name}& with_count={with_count}\n")
    assert page.endpoints == (
        Endpoint(7, "GET", "/v2/{project_id}/shares?limit={limit}&name~={name}&with_count={with_count}"),)


def test_a_template_only_in_the_query_makes_no_other_request_line_an_instance():
    page = parse("T\n=\n\nURI\n---\n\nGET /v2/cloudimages\n\nCommon Queries\n--------------\n\n"
                 "-  Private images\n\n   GET /v2/cloudimages?owner={project_id}\n")
    assert [e.line for e in page.endpoints] == [7, 14]


def test_an_example_before_the_request_line_is_no_example_of_the_operation():
    page = parse("T\n=\n\nExample of agency permissions\n-----------------------------\n\n"
                 ".. code-block::\n\n   {\"Version\": \"1.1\"}\n\nURI\n---\n\nPUT /v1/logging\n")
    assert page.examples == ()
    assert [(d.code, d.line) for d in page.diagnostics] == [("example-before-operation", 9)]


@pytest.mark.parametrize("line", ["", "| name | String | The name. |", "A t\u0306ab\u0306le\u0306", "| 名称 | String |",
                                  "ｆｕｌｌ width", "\t\x00 control", "e\u0301 and \u4e2d\u6587 mixed"])
def test_the_docutils_fast_paths_give_docutils_own_results(line):
    from docutils.statemachine import StringList

    from generator.parse import docutils_fast

    assert docutils_fast.column_indices(line) == docutils_fast._column_indices(line)
    assert docutils_fast.find_combining_chars(line) == docutils_fast._find_combining_chars(line)
    ours, theirs = StringList([line, line]), StringList([line, line])
    docutils_fast.pad_double_width(ours, "\\")
    docutils_fast._pad_double_width(theirs, "\\")
    assert ours.data == theirs.data


EVERY_CONSTRUCT = """\
Title
=====

Section
-------

Para with *emphasis*, ``literal``, `link <http://x>`_ and |sub|.

.. |sub| replace:: substituted

- bullet one

  - nested bullet
- bullet two

1. first
#. second

term
   definition

:field: value

-a         option
--long=x   another

| line one
|    line two

::

> quoted literal
> block

.. table:: **Table 1** caption

   +------+---------------------+
   | Name | Description         |
   +======+=====================+
   | a    | - item              |
   |      | - item              |
   |      |                     |
   |      | 1. one              |
   +------+---------------------+

===== =====
 A     B
===== =====
 1     - x
===== =====

.. note::

   A note with a list:

   * starred

.. comment

RFC-ish: not a header
"""
_PFORMAT = """
import sys
from docutils.core import publish_doctree
if sys.argv[1] == "ours":
    import generator.parse.rst  # noqa: F401 - puts the fast paths in place
doctree = publish_doctree(sys.stdin.read(), settings_overrides={"report_level": 5})
print(doctree.pformat())
print([(node.tagname, node.line, node.source, node.document is doctree) for node in doctree.findall()])
"""


def test_the_docutils_fast_states_give_docutils_own_doctree():
    """States made when first asked for, transition tables built once per class: the same
    doctree, construct for construct, each node with the same line, source and document."""
    import subprocess
    import sys

    def doctree(side: str) -> str:
        return subprocess.run([sys.executable, "-c", _PFORMAT, side], input=EVERY_CONSTRUCT, text=True,
                              capture_output=True, check=True).stdout

    ours = doctree("ours")
    assert ours == doctree("docutils") and "quoted literal" in ours and "option_list" in ours
