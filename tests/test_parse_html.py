"""Help-center HTML in, the same page model as RST out: sections, operation lines, captioned
tables with links to object tables, status markers, examples."""

from generator.model.page import Endpoint, Facts, TypeExpr
from generator.parse.formats import page_format, read_page
from generator.parse.html_page import parse_html_page

PAGE = """\
<a name="ListThings"></a><a name="ListThings"></a>

<h1 class="topictitle1">Querying Things</h1>
<div><div class="section"><h4 class="sectiontitle">Function</h4><p>This API lists <strong>things</strong>.</p>
</div>
<div class="section"><h4 class="sectiontitle">URI</h4><p>GET   /v1/{project_id}/things</p>
<div class="tablenoborder"><table cellpadding="4" frame="border" border="1" rules="all"><caption><b>Table 1 </b>Query parameters</caption><thead align="left"><tr><th id="m.1"><p>Parameter</p>
</th>
<th id="m.2"><p>Mandatory</p></th><th id="m.3"><p>Type</p></th><th id="m.4"><p>Description</p></th>
</tr>
</thead>
<tbody><tr><td headers="m.1 "><p>limit</p></td><td><p>No</p></td><td><p>Integer</p></td>
<td><p>Page size. The value ranges from 1 to 100.</p></td>
</tr>
<tr><td headers="m.1 "><p>kind</p></td><td><p>Yes</p></td><td><p>String</p></td>
<td><p>Kind. Options:</p><ul><li><strong>a</strong>: first</li><li><strong>b</strong>: second (Default value)</li></ul></td>
</tr>
</tbody>
</table>
</div>
</div>
<div class="section"><h4 class="sectiontitle">Response Parameters</h4><p><strong>Status code: 200</strong></p>
<div class="tablenoborder"><table id="ListThings__response_ListThingsResponse"><caption><b>Table 2 </b>Response body parameters</caption><thead align="left"><tr><th><p>Parameter</p></th><th><p>Type</p></th><th><p>Description</p></th></tr>
</thead>
<tbody><tr><td><p>things</p></td><td><p>Array of <a href="#ListThings__response_Thing">Thing</a> objects</p></td><td><p>Things.</p></td>
</tr>
</tbody>
</table>
</div>
<div class="tablenoborder"><table id="ListThings__response_Thing"><caption><b>Table 3 </b>Thing</caption><thead align="left"><tr><th><p>Parameter</p></th><th><p>Type</p></th><th><p>Description</p></th></tr>
</thead>
<tbody><tr><td><p>tags</p></td><td><p>Map&lt;String,Array&lt;<a href="#ListThings__response_Tag">Tag</a>&gt;&gt;</p></td><td><p>Status. The options are as follows: - <strong>0</strong>: off. - <strong>1</strong>: on.</p></td>
</tr>
</tbody>
</table>
</div>
</div>
<div class="section"><h4 class="sectiontitle">Example Responses</h4><p><strong>Status code: 200</strong></p>
<p>OK</p>
<pre class="screen">{
  "things" : [ ]
}</pre>
</div>
<div class="section"><h4 class="sectiontitle">Status Codes</h4>
<div class="tablenoborder"><table id="ListThings__status_code"><thead align="left"><tr><th><p>Status Code</p></th><th><p>Description</p></th></tr>
</thead>
<tbody><tr><td><p>200</p></td><td><p>OK</p></td></tr>
</tbody>
</table>
</div>
</div>
</div>
<div class="familylinks"><div class="parentlink"><strong>Parent topic:</strong> <a href="things.html">Things</a></div>
</div>
"""


def parse(text: str, file: str = "svc/ListThings.html"):
    return parse_html_page(text.encode(), file)


def test_title_label_original_name_and_description():
    page = parse(PAGE)
    assert (page.title, page.title_line, page.label, page.original_name) == (
        "Querying Things", 3, "ListThings", "ListThings.html")
    assert page.description == "This API lists **things**."
    assert page.diagnostics == ()


def test_operation_line_with_several_spaces():
    assert parse(PAGE).endpoints == (Endpoint(6, "GET", "/v1/{project_id}/things"),)


def test_captioned_table_rows_types_and_facts():
    table = parse(PAGE).tables[0]
    assert (table.number, table.caption, table.kind, table.location, table.line) == (
        "1", "Query parameters", "fields", "query", 7)
    assert table.columns == ("Parameter", "Mandatory", "Type", "Description")
    limit, kind = table.rows
    assert (limit.line, limit.name, limit.mandatory, limit.type) == (12, "limit", "No", TypeExpr("integer", "int32"))
    assert limit.facts == Facts(minimum="1", maximum="100")
    assert kind.description == "Kind. Options:\n\n- **a**: first\n- **b**: second (Default value)"
    assert kind.facts == Facts(enum=("a", "b"), default="b")


def test_links_to_object_tables_are_refs_and_table_ids_are_labels():
    _, body, thing, _ = parse(PAGE).tables
    assert body.status == "200" and body.location == "response"
    assert thing.labels == ("listthings__response_thing",)
    things = body.rows[0]
    assert things.type == TypeExpr("array", items=TypeExpr("ref", ref="listthings__response_thing"))
    tags = thing.rows[0]
    assert tags.type == TypeExpr("map", items=TypeExpr("array", items=TypeExpr("ref", ref="listthings__response_tag")))


def test_inline_option_list_reads_as_a_list():
    tags = parse(PAGE).tables[2].rows[0]
    assert tags.description == "Status. The options are as follows:\n\n- **0**: off.\n- **1**: on."
    assert tags.facts.enum == ("0", "1")


def test_status_code_table_and_example():
    page = parse(PAGE)
    assert [(s.code, s.description) for s in page.status_codes] == [("200", "OK")]
    (example,) = page.examples
    assert (example.line, example.kind, example.status, example.data) == (40, "response", "200", {"things": []})


def test_flat_h4_sections_and_operation_line_variants():
    page = parse("""\
<a name="elb_1"></a><a name="elb_1"></a>
<h1 class="topictitle1">Deleting a Listener</h1>
<h4 class="sectiontitle">URI</h4>
<pre class="codeblock">DELETE /v2/{project_id}/listeners/{listener_id}</pre>
<h4 class="sectiontitle">Request</h4>
<div class="p"><a href="#elb_1__table1">Table 1</a> describes the parameters.
<a name="elb_1__table1"></a><table id="elb_1__table1"><caption><b>Table 1 </b>Parameter description</caption>
<thead align="left"><tr><th><p>Parameter</p></th><th><p>Type</p></th><th><p>Description</p></th></tr></thead>
<tbody><tr><td rowspan="2"><p>name</p></td><td><p>String</p></td><td><p>Name.</p></td></tr>
<tr><td><p>Integer</p></td><td><p>Also a number.</p></td></tr>
</tbody></table></div>
<strong>Parent topic:</strong> <a href="elb_0.html">Listeners</a>
""", "svc/elb_1.html")
    assert page.endpoints == (Endpoint(4, "DELETE", "/v2/{project_id}/listeners/{listener_id}"),)
    (table,) = page.tables
    assert table.section == "Request" and table.lead_in == "Table 1 describes the parameters."
    assert table.labels == ("elb_1__table1",)
    assert [(r.line, r.name, r.type_text) for r in table.rows] == [(9, "name", "String"), (10, "name", "Integer")]


def test_notes_and_nested_emphasis():
    page = parse("""\
<h1 class="topictitle1">Things</h1>
<div class="section"><h4 class="sectiontitle">URI</h4><p>GET /v1/things</p>
<table><caption><b>Table 1 </b>Query parameters</caption><thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>
<tbody><tr><td><p>state</p></td><td><p>String</p></td><td><p>Options:</p><ul><li><strong><strong>ALL</strong></strong>: all</li></ul>
<div class="note"><img src="x.png"><span class="notetitle"> NOTE: </span><div class="notebody"><p>Case-sensitive.</p></div></div></td></tr>
</tbody></table></div>
""")
    row = page.tables[0].rows[0]
    assert row.description == "Options:\n\n- **ALL**: all\n\n**Note:** Case-sensitive."
    assert row.facts.enum == ("ALL",)


def test_odd_input_is_read_or_empty_never_a_crash():
    page = parse_html_page(b"\xff\xfe<h1>", "svc/bad.html")
    assert page.endpoints == () and page.tables == ()
    assert parse_html_page(b"", "svc/empty.html").tables == ()
    declared = parse_html_page(b'<?xml version="1.0" encoding="UTF-8"?>\n<html><body><h1>T</h1>'
                               b"<h4>URI</h4><p>GET /v1/x</p></body></html>", "svc/x.html")
    assert (declared.title, declared.endpoints, declared.diagnostics) == ("T", (Endpoint(2, "GET", "/v1/x"),), ())
    assert parse_html_page(b"<div>" * 5000 + b"x", "svc/deep.html").tables == ()


def test_format_chosen_by_extension_then_content():
    assert page_format(b"<h1>x</h1>", "a.rst") == "rst"
    assert page_format(b"Title\n=====\n", "a.html") == "html"
    assert page_format(b"  <a name='X'></a><h1>T</h1>", "a.txt") == "html"
    assert page_format(b":original_name: X.html\n\nTitle\n=====\n", "a.txt") == "rst"
    assert page_format(b"Title\n=====\n", "a.txt") == "rst"
    assert page_format(b"Help Center> API\nUpdated on 2023-12-14\n\nTitle\n\nURI\n", "a.txt") == "text"
    assert read_page(PAGE.encode(), "svc/x.txt").title == "Querying Things"
