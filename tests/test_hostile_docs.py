"""Careless and hostile docs text: nothing dropped without a diagnostic at its line, and the
output always loads. Each test reproduces one defect the hardening probe found."""

from __future__ import annotations

import textwrap

import yaml

from generator.pipeline import generate


def page(rows: str, label: str = "ShowThing", path: str = "/v1/things/{thing_id}", tables: str = "",
         extra: str = "") -> str:
    """A page with one GET operation whose 200 response table has ``rows`` (list-table rows)."""
    return textwrap.dedent("""\
        .. _{label}:

        Showing a Thing
        ===============

        URI
        ---

        GET {path}

        .. list-table:: **Table 1** Path parameters
           :header-rows: 1

           * - Parameter
             - Mandatory
             - Type
             - Description
           * - thing_id
             - Yes
             - String
             - Thing ID.

        Response Parameters
        -------------------

        **Status code: 200**

        .. list-table:: **Table 2** Response body parameters
           :header-rows: 1

           * - Parameter
             - Type
             - Description
        """).format(label=label, path=path) + textwrap.indent(textwrap.dedent(rows), "   ") + tables + extra


def row(name: str, type_: str, *description: str) -> str:
    lines = [f"* - {name}", f"  - {type_}", f"  - {description[0]}"]
    lines += [f"    {line}" if line else "" for line in description[1:]]
    return "\n".join(lines) + "\n"


def nested_table(label: str, caption: str, rows: str) -> str:
    return f"\n.. _{label}:\n\n.. list-table:: **Table 9** {caption}\n   :header-rows: 1\n\n" \
        "   * - Parameter\n     - Type\n     - Description\n" + textwrap.indent(rows, "   ")


def run(make_docs, pages: dict[str, str], service: str = "svc"):
    docs = make_docs(pages, service=service)
    (result,) = [r for r in generate(docs) if r.name == service]
    spec = yaml.safe_load(result.files[f"openapi/{service}.yaml"])
    assert not [d for d in result.diagnostics if d.code == "client-failed"], result.diagnostics
    return result, spec


def codes(result) -> list[tuple[str, int, str]]:
    return [(d.file.split("/")[-1], d.line, d.code) for d in result.diagnostics]


def body(spec, path="/v1/things/{thing_id}"):
    ref = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    return spec["components"]["schemas"][ref.split("/")[-1]]


def test_keys_over_1024_characters_load_back(make_docs):
    """Defect: long paths and schema names were plain YAML keys no YAML reader loads."""
    long_path = "/v1/" + "segment/" * 150 + "{thing_id}"
    caption = " ".join(["Verylongword"] * 120)
    rows = row("name", "String", "Name.") + row("detail", f":ref:`Detail <detail_table>`", "Detail.")
    result, spec = run(make_docs, {"show.rst": page(
        rows, path=long_path, tables=nested_table("detail_table", caption, row("a", "String", "A.")))})
    assert long_path in spec["paths"]
    assert any(len(name) > 1024 for name in spec["components"]["schemas"])


def test_a_service_folder_name_with_a_newline_stays_in_its_comment(make_docs):
    """Defect: a service folder name with a newline spilled into the header comment."""
    result, spec = run(make_docs, {"show.rst": page(row("name", "String", "Name."))}, service="sv\nc")
    document = result.files["openapi/sv\nc.yaml"]
    assert document.splitlines()[1] == "openapi: 3.0.3"
    assert spec["servers"][0]["variables"]["endpoint"]["default"] == "sv\nc.example.com"


def test_lines_over_10000_characters_are_read(make_docs):
    """Defect: any line over 10,000 characters dropped the whole page (warning at :1)."""
    long = "word " * 4000
    result, spec = run(make_docs, {"show.rst": page(row("name", "String", long.strip()))})
    assert body(spec)["properties"]["name"]["description"] == long.strip()
    assert not [d for d in result.diagnostics if d.severity != "info"]


def test_disabled_directives_are_reported_at_their_own_lines(make_docs):
    """Defect: include, raw and csv-table :file: vanished without a diagnostic."""
    extra = textwrap.dedent("""
        .. include:: /etc/passwd

        .. raw:: html

           <script>alert(1)</script>

        .. csv-table:: **Table 5** From a file
           :file: /etc/passwd

        .. csv-table:: **Table 6** From a URL
           :url: https://example.com/t.csv
        """)
    text = page(row("name", "String", "Name."), extra=extra)
    result, spec = run(make_docs, {"show.rst": text})
    lines = text.splitlines()
    expected = [i + 1 for i, line in enumerate(lines) if line.startswith((".. include", ".. raw", ".. csv-table"))]
    found = [(line, code) for file, line, code in codes(result) if code == "directive-disabled"]
    assert found == [(line, "directive-disabled") for line in expected]
    assert "root:" not in result.files["openapi/svc.yaml"] and "<script>" not in result.files["openapi/svc.yaml"]


def test_an_enum_value_of_three_quotes_is_kept(make_docs):
    """Defect: an enum value ``\"\"\"`` removed the whole enum."""
    rows = row("quote", "String", "The quote. The options are as follows:", "",
               '- **"""**: three quotes', "", "- **'**: one quote", "", "- **plain**: none")
    result, spec = run(make_docs, {"show.rst": page(rows)})
    assert body(spec)["properties"]["quote"]["enum"] == ['"""', "'", "plain"]


def test_quotes_in_defaults_are_kept(make_docs):
    """Defect: quotes were stripped from defaults (``"a" or "b"`` became ``a" or "b``)."""
    rows = (row("one", "String", 'One. The default value is **"a" or "b"**.')
            + row("two", "String", "Two. The default value is **'all'**.")
            + row("three", "String", 'Three. The default value is **"x\\\\"y"**.'))
    result, spec = run(make_docs, {"show.rst": page(rows)})
    properties = body(spec)["properties"]
    assert properties["one"]["default"] == '"a" or "b"'
    assert properties["two"]["default"] == "all"
    assert properties["three"]["default"] == 'x"y'


def test_duplicate_labels_across_pages_are_reported(make_docs):
    """Defect: a label two pages give to a table silently bound a field to the other page's table."""
    mine = row("detail", ":ref:`Detail <detail>`", "Detail.")
    first = page(mine, label="ListThings", path="/v1/things",
                 tables=nested_table("detail", "Detail", row("first_only", "String", "A.")))
    second = page(mine, tables=nested_table("detail", "Detail", row("second_only", "String", "B.")))
    result, spec = run(make_docs, {"a_list.rst": first, "b_show.rst": second})
    line = next(i + 1 for i, text in enumerate(second.splitlines()) if "second_only" in text) - 1
    (found,) = [d for d in result.diagnostics if d.code == "label-duplicate"]
    assert (found.file, found.severity) == ("docs/svc/b_show.rst", "warning")
    assert "docs/svc/a_list.rst:" in found.message
    assert found.line <= line


def test_an_example_nested_400_levels_is_a_finding_not_a_crash(make_docs):
    """Found by the fuzz tier: a deeply nested JSON example overflowed the stack when the
    document was rendered (400 levels) or the page cached (900)."""
    deep = '{"a": ' * 400 + "1" + "}" * 400
    extra = f"\nExample Responses\n-----------------\n\n**Status code: 200**\n\n.. code-block::\n\n   {deep}\n"
    text = page(row("name", "String", "Name."), extra=extra)
    result, spec = run(make_docs, {"show.rst": text})
    line = text.splitlines().index(f"   {deep}") + 1
    (found,) = [d for d in result.diagnostics if d.code == "example-invalid-json"]
    assert found.line == line and "nested deeper than 64 levels" in found.message
    assert "name" in body(spec)["properties"]


def test_tables_nested_past_the_limit_are_a_finding_not_a_stack_overflow(make_docs):
    """A chain of 400 nested tables once overflowed the linker's stack (a traceback)."""
    from generator.link.limits import MAX_TABLE_NESTING

    from .nesting import chain_page

    levels = MAX_TABLE_NESTING + 3
    result, spec = run(make_docs, {"chain.rst": chain_page(levels)})
    deep = [d for d in result.diagnostics if d.code == "nesting-too-deep"]
    assert len(deep) == 1 + 3 and deep[0].message.startswith("'child' links to a table nested more than")
    assert not [d for d in result.diagnostics if d.code == "table-orphan"]
    assert result.report.rows_lost == ()
    assert len(set(spec["components"]["schemas"]) - {"Error"}) == MAX_TABLE_NESTING


def test_a_path_template_no_openapi_tool_reads_is_a_finding(make_docs):
    """Found by the fuzz tier: ``{a:b}`` and unbalanced braces in a path made a document that
    openapi-spec-validator rejects."""
    text = page(row("name", "String", "Name."), path="/v1/{thing_id}/{a::b}/x") \
        .replace("GET /v1/{thing_id}/{a::b}/x", "GET /v1/{thing_id}/{a::b}/x\n\nGET /v2/{{thing_id}/x")
    result, spec = run(make_docs, {"show.rst": text})
    line = text.splitlines().index("GET /v1/{thing_id}/{a::b}/x") + 1
    assert [(d.line, d.severity) for d in result.diagnostics if d.code == "path-invalid"] == [(line, "warning")]
    assert list(spec["paths"]) == ["/v2/{thing_id}/x"]
