"""``docbind check`` and ``docbind diff`` as users meet them: exit codes, stale and missing
files, the three report formats, and the inputs diff accepts (documents, folders, git revisions)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from generator.cli import main

PAGE = """\
.. _ListThings:

Listing Things
==============

URI
---

GET /v1/things

.. table:: **Table 1** Query parameters

   ========= ========= ======= ===========
   Parameter Mandatory Type    Description
   ========= ========= ======= ===========
   limit     No        Integer Page size.
   {EXTRA}
   ========= ========= ======= ===========

Response Parameters
-------------------

**Status code: 200**

.. table:: **Table 2** Response body parameters

   ========= ======= ===========
   Parameter Type    Description
   ========= ======= ===========
   count     Integer Things.
   ========= ======= ===========
"""
MARKER = "   marker    Yes       String  Page start."
OP = "GET /v1/things"


@pytest.fixture
def project(make_docs, tmp_path):
    """Docs with one service and its output, generated and up to date."""
    docs = make_docs({"list.rst": PAGE.replace("   {EXTRA}\n", "")})
    assert main(["generate", "--docs", str(docs), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    return docs, tmp_path / "out"


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def add_marker(docs):
    page = docs / "svc" / "list.rst"
    page.write_text(page.read_text().replace("   ========= ========= ======= ===========\n\nResponse",
                                             f"{MARKER}\n   ========= ========= ======= ===========\n\nResponse"))


def test_check_passes_when_the_output_is_up_to_date(project, capsys, tmp_path):
    docs, out = project
    capsys.readouterr()
    assert run(capsys, "check", "--docs", str(docs), "--out", str(out)) == (0, f"{out} is up to date with {docs}\n")


def test_check_prints_the_files_and_the_changelog(project, capsys):
    docs, out = project
    add_marker(docs)
    code, text = run(capsys, "check", "--docs", str(docs), "--out", str(out))
    assert code == 1
    assert f"  changed  {out}/openapi/svc.yaml  (differs from a fresh generation)" in text
    assert "API changelog" in text and "1 breaking, 0 non-breaking" in text
    assert f"svc {OP}\n  BREAKING      query parameter `marker` added (required)  [parameter-added]  docs/svc/list.rst:17" in text


def test_check_reports_stale_and_missing_files(project, make_docs, capsys):
    docs, out = project
    make_docs({"list.rst": PAGE.replace("   {EXTRA}\n", "")}, service="gone")
    assert main(["generate", "--docs", str(docs), "--out", str(out), "--quiet"]) == 0
    shutil.rmtree(docs / "gone")
    capsys.readouterr()
    (out / "openapi" / "mine.yaml").write_text("a file docbind did not write is not stale\n")
    make_docs({"list.rst": PAGE.replace("   {EXTRA}\n", "").replace("/v1/things", "/v1/items")}, service="new")
    code, report = run(capsys, "check", "--docs", str(docs), "--out", str(out), "--format", "json")
    report = json.loads(report)
    assert code == 1
    assert report["files"]["changed"] == []
    assert [rel for rel in report["files"]["stale"] if rel.startswith("openapi/")] == ["openapi/gone.yaml"]
    assert "python/gone/pyproject.toml" in report["files"]["stale"]
    assert "openapi/new.yaml" in report["files"]["missing"]
    assert [(c["service"], c["operation"], c["kind"], c["breaking"]) for c in report["changes"]] == [
        ("gone", OP, "operation-removed", True), ("new", "GET /v1/items", "operation-added", False)]


def test_a_hand_edit_to_a_generated_file_is_drift_without_api_changes(project, capsys):
    docs, out = project
    path = out / "openapi" / "svc.yaml"
    path.write_text(path.read_text() + "# edited\n")
    code, text = run(capsys, "check", "--docs", str(docs), "--out", str(out))
    assert code == 1
    assert "changed" in text and "no API changes" in text


def test_markdown_report_is_a_pr_comment(project, capsys):
    docs, out = project
    add_marker(docs)
    code, text = run(capsys, "check", "--docs", str(docs), "--out", str(out), "--format", "markdown")
    assert code == 1
    assert text.startswith(f"## docbind check: `{out}` is out of date with `{docs}`\n")
    assert "| | service | operation | change | source |" in text
    assert f"| **breaking** | svc | `{OP}` | query parameter `marker` added (required) | `docs/svc/list.rst:17` |" in text


def test_usage_and_input_errors_exit_2(tmp_path, capsys):
    assert main(["check", "--docs", str(tmp_path / "nope")]) == 2
    assert main(["diff", str(tmp_path / "a.yaml")]) == 2
    (tmp_path / "a.yaml").write_text("[not, a, document]\n")
    assert main(["diff", str(tmp_path / "a.yaml"), str(tmp_path / "a.yaml")]) == 2
    assert main(["diff", "--base", "no-such-ref", "--docs", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and "give OLD and NEW" in err and "not an OpenAPI document" in err


def test_diff_two_documents_with_different_names(project, tmp_path, capsys):
    docs, out = project
    old = out / "openapi" / "svc.yaml"
    add_marker(docs)
    assert main(["generate", "--docs", str(docs), "--out", str(tmp_path / "new"), "--quiet"]) == 0
    capsys.readouterr()
    code, report = run(capsys, "diff", str(old), str(tmp_path / "new" / "openapi" / "svc.yaml"), "--format", "json")
    assert code == 1
    assert json.loads(report)["summary"] == {"breaking": 1, "non_breaking": 0}
    assert run(capsys, "diff", str(old), str(old))[0] == 0


def test_diff_two_docs_folders(make_docs, tmp_path, capsys):
    old = make_docs({"list.rst": PAGE.replace("   {EXTRA}\n", "")}, service="svc")
    new = tmp_path / "docs2" / "svc"
    new.mkdir(parents=True)
    (new / "list.rst").write_text(PAGE.replace("   {EXTRA}\n", "").replace("Integer Page size.", "Long    Page size."))
    code, text = run(capsys, "diff", str(old), str(new.parent))
    assert code == 1
    assert "query parameter `limit` format integer/int32 → integer/int64  [format-changed]  docs2/svc/list.rst:16" in text


def test_diff_base_compares_the_docs_at_a_git_revision_with_the_work_tree(project, capsys):
    docs, _ = project
    repo = docs.parent

    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=repo, check=True,
                       capture_output=True)

    git("init", "-q")
    git("add", "docs")
    git("commit", "-q", "-m", "docs")
    add_marker(docs)
    code, text = run(capsys, "diff", "--base", "HEAD", "--docs", str(docs))
    assert code == 1
    assert text.startswith(f"API changelog (docs@HEAD → {docs}): 1 breaking, 0 non-breaking\n")
    assert "query parameter `marker` added (required)  [parameter-added]  docs/svc/list.rst:17" in text
