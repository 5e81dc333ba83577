"""Plain text copied from a help-center page in, the same page model as RST out: section
titles from their words, tables from header cells and column count, option values in bold."""

from generator.model.page import Endpoint, Facts, TypeExpr
from generator.parse.text_page import parse_text_page

PAGE = """\
Help Center> Things> API Reference> Querying Things
Updated on 2023-12-14 GMT+08:00

Querying Things

Function

This API lists things.

URI

GET /v1/{project_id}/things

Table 1 Query parameters

Parameter

Mandatory

Type

Description

kind

Yes

String

Kind. Options:

  • a: first

  • b: second (Default value)

limit

No

Integer

Page size. The value ranges from 1 to 100.

A second paragraph.

Response Parameters

Status code: 200

Table 2 Response body parameters

Parameter

Type

Description

error_code

String

Error code

things

Array of Thing objects

Things.

Table 3 Thing

Parameter

Type

Description

name

String

Name

state

String

State. Options:

  • on: running

  • off

Example Responses

Status code: 200

OK

{
  "things" : [ {

    "name" : "x"
  } ]
}

Status Codes

Status Code

Description

200

OK
"""


def parse(text: str = PAGE):
    return parse_text_page(text.encode(), "svc/things.txt")


def test_breadcrumb_and_updated_line_are_not_content():
    page = parse()
    assert (page.title, page.title_line) == ("Querying Things", 4)
    assert page.description == "This API lists things."
    assert page.endpoints == (Endpoint(12, "GET", "/v1/{project_id}/things"),)


def test_table_from_header_cells_and_column_count():
    table = parse().tables[0]
    assert (table.number, table.caption, table.location, table.line) == ("1", "Query parameters", "query", 16)
    assert table.columns == ("Parameter", "Mandatory", "Type", "Description")
    kind, limit = table.rows
    assert (kind.line, kind.name, kind.mandatory, kind.type) == (24, "kind", "Yes", TypeExpr("string"))
    assert kind.description == "Kind. Options:\n\n- **a**: first\n- **b**: second (Default value)"
    assert kind.facts == Facts(enum=("a", "b"), default="b")
    assert limit.description == "Page size. The value ranges from 1 to 100.\n\nA second paragraph."


def test_a_description_worded_like_a_section_title_stays_in_its_row():
    body = parse().tables[1]
    assert [(r.name, r.description) for r in body.rows] == [("error_code", "Error code"), ("things", "Things.")]
    assert body.status == "200" and body.location == "response"


def test_nested_objects_named_by_caption():
    things = parse().tables[1].rows[1]
    assert things.type == TypeExpr("array", items=TypeExpr("ref", ref="#name Thing"))
    assert parse().tables[2].caption == "Thing"


def test_bare_word_among_explained_values_is_not_a_value():
    state = parse().tables[2].rows[1]
    assert state.description == "State. Options:\n\n- **on**: running\n- off"
    assert state.facts.enum == ()


def test_json_example_across_blank_lines_and_status_table():
    page = parse()
    (example,) = page.examples
    assert (example.line, example.kind, example.status) == (100, "response", "200")
    assert example.data == {"things": [{"name": "x"}]}
    assert [(s.line, s.code, s.description) for s in page.status_codes] == [(113, "200", "OK")]


def test_empty_text_is_an_empty_page():
    page = parse_text_page(b"", "svc/empty.txt")
    assert (page.title, page.tables, page.diagnostics) == ("", (), ())


def test_inline_option_list_reads_as_a_list():
    page = parse(PAGE.replace("State. Options:", "State. Options: - up: running - down: stopped"))
    state = page.tables[2].rows[1]
    assert state.description.startswith("State. Options:\n\n- **up**: running\n- **down**: stopped")


def test_object_named_by_a_caption_of_one_generic_word():
    from generator.pipeline import build_service

    text = PAGE.replace("Array of Thing objects", "Array of Field objects").replace("Table 3 Thing", "Table 3 Field")
    result = build_service("svc", [parse(text)], "docs", clients=False).result
    assert [d.code for d in result.diagnostics if d.code in ("table-alternative", "object-free-form")] == []
    assert result.report.rows_in_output == result.report.table_rows


HAND_WRITTEN = """\
Querying Servers

URI

GET /v2/{project_id}/servers

Response

Table 1 describes the response parameters.

Table 1 Response parameters

Parameter

Type

Description

servers

Array of objects

Specifies the servers. For details, see Table 2.

Table 2 servers field description

Parameter

Type

Description

id

String

Specifies the server ID.
"""


def test_a_lead_in_naming_a_table_is_no_caption():
    page = parse(HAND_WRITTEN)
    assert [(t.number, t.caption, t.lead_in) for t in page.tables] == [
        ("1", "Response parameters", "Table 1 describes the response parameters."),
        ("2", "servers field description", "")]


def test_a_table_mentioned_in_a_cell_is_a_ref_to_it():
    from generator.pipeline import build_service

    servers = parse(HAND_WRITTEN).tables[0].rows[0]
    assert servers.refs == ("#table 2",)
    assert servers.description == "Specifies the servers. For details, see Table 2."
    result = build_service("svc", [parse(HAND_WRITTEN)], "docs", clients=False)
    (schema,) = [s for s in result.service.schemas if s.title == "servers field description"]
    assert [f.name for f in schema.fields] == ["id"]
