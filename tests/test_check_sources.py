"""Changelog citations: each entry cites a row on its operation's own page, and diff keeps
operationIds and prints the docs lines before and after."""

from __future__ import annotations

import json

from generator.cli import main

PAGE = """\
.. _{label}:

{title}
{underline}

URI
---

GET /v1/{path}

Response Parameters
-------------------

**Status code: 200**

.. table:: **Table 1** Response body parameters

   ========= ======= ==============================================
   Parameter Type    Description
   ========= ======= ==============================================
   state     String  State. The value can be **a**{more} or **b**.
   ========= ======= ==============================================
"""


def page(label: str, path: str, more: str = "") -> str:
    title = f"Showing {path}"
    return PAGE.format(label=label, title=title, underline="=" * len(title), path=path,
                       more=more.ljust(7) if more else "       ")


def write(root, pages: dict[str, str]):
    for name, text in pages.items():
        path = root / "svc" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def diff(capsys, old, new) -> list[dict]:
    main(["diff", str(old), str(new), "--format", "json", "--no-cache"])
    return json.loads(capsys.readouterr().out)["changes"]


def test_identical_tables_on_two_pages_are_cited_on_each_operations_own_page(tmp_path, capsys):
    old = write(tmp_path / "old", {"a.rst": page("ShowA", "a"), "b.rst": page("ShowB", "b")})
    new = write(tmp_path / "new", {"a.rst": page("ShowA", "a", ", **c**"), "b.rst": page("ShowB", "b", ", **c**")})
    changes = diff(capsys, old, new)
    assert [(c["operation"], c["kind"], c["source"]) for c in changes] == [
        ("GET /v1/a", "enum-values-added", "new/svc/a.rst:21"),
        ("GET /v1/b", "enum-values-added", "new/svc/b.rst:21"),
    ]
    assert changes[0]["before"] == "old/svc/a.rst:21: state String State. The value can be **a** or **b**."
    assert changes[0]["after"] == "new/svc/a.rst:21: state String State. The value can be **a**, **c** or **b**."


def test_an_anchor_rename_keeps_the_operation_id(tmp_path, capsys):
    old = write(tmp_path / "old", {"a.rst": page("ShowA", "a")})
    new = write(tmp_path / "new", {"a.rst": page("svc_02_0001", "a")})
    assert diff(capsys, old, new) == []


def test_identical_trees_have_no_entries(tmp_path, capsys):
    old = write(tmp_path / "old", {"a.rst": page("ShowA", "a"), "b.rst": page("ShowB", "b")})
    new = write(tmp_path / "new", {"a.rst": page("ShowA", "a"), "b.rst": page("ShowB", "b")})
    assert main(["diff", str(old), str(new), "--no-cache"]) == 0
    assert capsys.readouterr().out.endswith("no API changes\n")


def test_a_change_on_a_page_merged_into_another_operation_cites_that_page(tmp_path, capsys):
    old = write(tmp_path / "old", {"a.rst": page("ShowA", "a", ", **c**"), "b.rst": page("ShowB", "a", ", **d**")})
    new = write(tmp_path / "new", {"a.rst": page("ShowA", "a", ", **c**"), "b.rst": page("ShowB", "a", ", **e**")})
    changes = diff(capsys, old, new)
    assert {c["source"] for c in changes} == {"new/svc/b.rst:21"}
