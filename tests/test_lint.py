"""``docbind lint``: one line per docs defect, counts per code and service, GitHub annotations,
SARIF 2.1.0 that validates against the OASIS schema (vendored: tests/sarif-schema-2.1.0.json),
and ``--fail-on`` that fails exactly when a named code occurs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from generator.cli import main

from .test_cli import GOOD

SARIF_SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

SHOW = GOOD.replace("{DESC}", "Thing ID.") + """
Response Parameters
-------------------

.. table:: **Table 2** Response body parameters

   ========= ========= ===========
   Parameter Type      Description
   ========= ========= ===========
   size      Integer   Size, 100 at most.
   owner     Strng     Owner, of the thing.
   ========= ========= ===========

Example Responses
-----------------

.. code-block::

   {"size": "large", "owner": "me"}
"""

LIST = """\
.. _ListThings:

Querying Things
===============

GET /v1/things

.. table:: **Table 1** Response body parameters

   ========= ============================= ===========
   Parameter Type                          Description
   ========= ============================= ===========
   things    Array of :ref:`Thing <Nope>`  Things.
   ========= ============================= ===========
"""

NOTES_ONLY = """\
.. _ShowMeta:

Showing Metadata
================

GET /v1/meta

.. table:: **Table 1** Response body parameters

   ========= ====== ===========
   Parameter Type   Description
   ========= ====== ===========
   labels    Object Free labels.
   ========= ====== ===========
"""


@pytest.fixture
def docs(make_docs) -> Path:
    make_docs({"list.rst": LIST}, service="beta")
    return make_docs({"show.rst": SHOW, "meta.rst": NOTES_ONLY}, service="alpha")


def lint(docs: Path, capsys, *args: str) -> tuple[int, str]:
    code = main(["lint", "--docs", str(docs), "--no-cache", *args])
    return code, capsys.readouterr().out


def test_one_line_per_defect_then_counts_per_code_and_service(docs, capsys):
    code, out = lint(docs, capsys)
    assert code == 0
    findings, table = out.split("\n\n")
    assert findings.splitlines() == [
        f"{docs}/alpha/show.rst:28: type-unknown: unknown type 'Strng' of 'owner': no table describes it; using a free-form schema",
        f"{docs}/alpha/show.rst:36: example-mismatch: response 200 example of ShowThing contradicts its table "
        "at $.size: a string 'large' where the table says integer; left out of the document",
        f"{docs}/beta/list.rst:13: ref-unresolved: 'things' refers to 'nope', which names no table; "
        "using a free-form object",
    ]
    assert table.splitlines() == [
        "code              alpha  beta  total",
        "example-mismatch      1     0      1",
        "ref-unresolved        0     1      1",
        "type-unknown          1     0      1",
        "total                 2     1      3",
    ]


def test_notes_on_how_a_page_was_read_are_not_defects(make_docs, capsys):
    code, out = lint(make_docs({"meta.rst": NOTES_ONLY}), capsys)
    assert (code, out) == (0, "no findings\n")


def test_all_adds_the_notes(make_docs, capsys):
    docs = make_docs({"meta.rst": NOTES_ONLY})
    code, out = lint(docs, capsys, "--all", "--fail-on", "object-free-form")
    assert code == 1
    assert out.startswith(f"{docs}/svc/meta.rst:13: object-free-form: 'labels' (Object) has no table describing it")


def test_service_limits_the_report(docs, capsys):
    _, out = lint(docs, capsys, "--service", "beta")
    assert out.startswith(f"{docs}/beta/list.rst:13: ref-unresolved: ")
    assert "alpha" not in out


@pytest.mark.parametrize("fail_on, exit_code", [
    ("type-unknown", 1),
    ("ref-unresolved,row-duplicate", 1),
    (" row-duplicate , example-mismatch ", 1),
    ("row-duplicate", 0),
    ("table-orphan,param-missing", 0),
    ("object-free-form", 0),  # a note, not a finding
    ("", 0),
])
def test_fail_on_exits_1_exactly_when_a_named_code_occurs(docs, capsys, fail_on, exit_code):
    assert lint(docs, capsys, "--fail-on", fail_on)[0] == exit_code


def test_json_lists_findings_and_counts(docs, capsys):
    data = json.loads(lint(docs, capsys, "--format", "json")[1])
    assert data["counts"] == {"alpha": {"example-mismatch": 1, "type-unknown": 1}, "beta": {"ref-unresolved": 1}}
    assert data["findings"][0] == {"path": f"{docs}/alpha/show.rst", "line": 28, "code": "type-unknown",
                                   "severity": "warning", "service": "alpha",
                                   "message": "unknown type 'Strng' of 'owner': no table describes it; using a free-form schema"}


def test_github_format_prints_workflow_annotations(docs, capsys):
    lines = lint(docs, capsys, "--format", "github")[1].splitlines()
    assert lines[0] == (f"::warning file={docs}/alpha/show.rst,line=28,title=type-unknown::"
                        "unknown type 'Strng' of 'owner': no table describes it; using a free-form schema")
    assert all(line.startswith("::warning file=") for line in lines[:3])
    assert lines[3].startswith("code ")


def test_github_annotations_escape_what_would_end_the_command(make_docs, capsys):
    docs = make_docs({"show.rst": SHOW.replace("Strng", "50%,x:")}, service="a,b")
    out = lint(docs, capsys, "--format", "github")[1]
    assert "file=" + str(docs).replace(":", "%3A").replace(",", "%2C") + "/a%2Cb/show.rst,line=28" in out
    assert "unknown type '50%25,x:' of 'owner'" in out


def test_sarif_validates_against_the_sarif_2_1_0_schema(docs, tmp_path, capsys):
    out = tmp_path / "reports" / "lint.sarif"
    assert main(["lint", "--docs", str(docs), "--no-cache", "--format", "sarif", "--output", str(out)]) == 0
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER).validate(log)
    (run,) = log["runs"]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["example-mismatch", "ref-unresolved", "type-unknown"]
    first = run["results"][0]
    assert first["ruleId"] == "type-unknown" and first["level"] == "warning"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": (docs / "alpha" / "show.rst").as_uri()}, "region": {"startLine": 28}}


def test_sarif_uses_relative_uris_for_relative_paths(docs, capsys, monkeypatch):
    monkeypatch.chdir(docs.parent)
    log = json.loads(lint(Path("docs"), capsys, "--format", "sarif")[1])
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]]
    assert uris == ["docs/alpha/show.rst", "docs/alpha/show.rst", "docs/beta/list.rst"]


def test_a_missing_docs_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["lint", "--docs", str(tmp_path / "nope")]) == 2
    assert "does not exist" in capsys.readouterr().err
