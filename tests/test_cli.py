"""The command line as users meet it: diagnostics, exit codes, report, hostile docs text."""

from __future__ import annotations

import json

import yaml

from generator.cli import main

GOOD = """\
.. _ShowThing:

Showing a Thing
===============

URI
---

GET /v1/things/{thing_id}

.. table:: **Table 1** Path parameters

   ========= ========= ====== ===========
   Parameter Mandatory Type   Description
   ========= ========= ====== ===========
   thing_id  Yes       String {DESC}
   ========= ========= ====== ===========
"""


def test_generate_writes_a_document_per_service_and_a_report(make_docs, tmp_path, capsys):
    docs = make_docs({"show.rst": GOOD.replace("{DESC}", "Thing ID.")})
    code = main(["generate", "--docs", str(docs), "--out", str(tmp_path / "out"),
                 "--report", str(tmp_path / "report.json")])
    assert code == 0
    spec = yaml.safe_load((tmp_path / "out" / "openapi" / "svc.yaml").read_text())
    assert spec["paths"]["/v1/things/{thing_id}"]["get"]["operationId"] == "ShowThing"
    report = json.loads((tmp_path / "report.json").read_text())
    (service,) = report["services"]
    assert (service["pages"], service["operations"], service["table_rows"], service["rows_in_output"]) == (1, 1, 1, 1)


def test_a_page_that_cannot_be_read_fails_alone(make_docs, tmp_path, capsys):
    docs = make_docs({"show.rst": GOOD.replace("{DESC}", "Thing ID.")})
    (docs / "svc" / "broken.rst").write_bytes(b"\xff\xfe\x00broken")
    code = main(["generate", "--docs", str(docs), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert "docs/svc/broken.rst:1: error: cannot parse page" in err
    assert "Traceback" not in err
    assert (tmp_path / "out" / "openapi" / "svc.yaml").exists()


def test_warnings_print_as_path_line_severity_message(make_docs, tmp_path, capsys):
    docs = make_docs({"show.rst": GOOD.replace("{DESC}", "Thing ID.").replace("String", "Strng ")})
    assert main(["generate", "--docs", str(docs), "--out", str(tmp_path / "out")]) == 0
    assert "docs/svc/show.rst:16: warning: unknown type 'Strng' of 'thing_id'" in capsys.readouterr().err


def test_hostile_description_text_round_trips_through_yaml(make_docs, tmp_path):
    hostile = "A \"quoted\" 'x' \"\"\" \\\\ {{ x }} ${y} #z: - [a] & *b ü 雪 — end"
    docs = make_docs({"show.rst": GOOD.replace("{DESC}", hostile)})
    assert main(["generate", "--docs", str(docs), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    spec = yaml.safe_load((tmp_path / "out" / "openapi" / "svc.yaml").read_text(encoding="utf-8"))
    (param,) = spec["paths"]["/v1/things/{thing_id}"]["get"]["parameters"]
    assert param["description"] == hostile.replace("\\\\", "\\")


def test_missing_docs_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["generate", "--docs", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_parse_dumps_the_page_model_as_json(make_docs, capsys):
    docs = make_docs({"show.rst": GOOD.replace("{DESC}", "Thing ID.")})
    assert main(["parse", "--json", str(docs / "svc" / "show.rst")]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["label"] == "ShowThing"
    assert page["tables"][0]["rows"][0]["name"] == "thing_id"


def test_parse_of_an_unreadable_page_is_one_error_line_and_exit_1(tmp_path, capsys):
    missing = tmp_path / "gone.rst"
    assert main(["parse", "--json", str(missing)]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)["diagnostics"][0]["code"] == "page-unreadable"
    assert err.count("\n") == 1 and f"{missing.as_posix()}:1: error:" in err and "[page-unreadable]" in err
