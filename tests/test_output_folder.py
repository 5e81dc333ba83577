"""The output folder: docbind removes only files its manifest says it wrote, never writes into
the docs folder, never leaves a half-written file, and keeps a client that failed this time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from generator import write
from generator.cli import main
from generator.write import MANIFEST, TEMPORARY, manifest_files, write_tree

from .test_cli import GOOD

PAGE = GOOD.replace("{DESC}", "Thing ID.")


def test_files_docbind_did_not_write_are_never_removed(make_docs, tmp_path):
    """Defect: ``--out .`` in a project deleted python/mylib/core.py."""
    docs = make_docs({"show.rst": PAGE})
    mine = tmp_path / "python" / "mylib" / "core.py"
    mine.parent.mkdir(parents=True)
    mine.write_text("VALUE = 1\n")
    (tmp_path / "openapi").mkdir()
    (tmp_path / "openapi" / "handwritten.yaml").write_text("openapi: 3.0.3\n")
    assert main(["generate", "--docs", str(docs), "--out", str(tmp_path), "--quiet"]) == 0
    assert mine.read_text() == "VALUE = 1\n"
    assert (tmp_path / "openapi" / "handwritten.yaml").exists()
    assert (tmp_path / "openapi" / "svc.yaml").exists()
    assert "python/mylib/core.py" not in manifest_files(tmp_path)


def test_stale_files_of_the_manifest_are_removed(make_docs, tmp_path):
    docs = make_docs({"show.rst": PAGE})
    make_docs({"show.rst": PAGE}, service="gone")
    out = tmp_path / "out"
    assert main(["generate", "--docs", str(docs), "--out", str(out), "--quiet"]) == 0
    assert (out / "python" / "gone").is_dir()
    (docs / "gone" / "show.rst").unlink()
    (docs / "gone").rmdir()
    assert main(["generate", "--docs", str(docs), "--out", str(out), "--quiet"]) == 0
    assert not (out / "openapi" / "gone.yaml").exists()
    assert not (out / "python" / "gone").exists()
    assert (out / "openapi" / "svc.yaml").exists()
    assert not [rel for rel in manifest_files(out) if "gone" in rel]


@pytest.mark.parametrize("out", ["docs", "docs/svc", "docs/generated"])
def test_out_equal_to_or_inside_the_docs_folder_is_refused(make_docs, tmp_path, capsys, out):
    """Defect: ``--out`` = the docs folder deleted pages."""
    docs = make_docs({"show.rst": PAGE})
    before = sorted(p.relative_to(docs) for p in docs.rglob("*"))
    assert main(["generate", "--docs", str(docs), "--out", str(tmp_path / out)]) == 2
    assert "inside the docs folder" in capsys.readouterr().err
    assert sorted(p.relative_to(docs) for p in docs.rglob("*")) == before


def test_a_manifest_cannot_name_files_outside_the_output_folder(tmp_path):
    out, victim = tmp_path / "out", tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    (out / "openapi").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "x.yaml").write_text("keep me too\n")
    (out / "linked").symlink_to(outside)
    entries = ["../victim.txt", str(victim), "openapi/../../victim.txt", "linked/x.yaml", MANIFEST]
    (out / MANIFEST).write_text(json.dumps({"format": "docbind-manifest", "version": 1, "files": entries}))
    write_tree(out, {"openapi/svc.yaml": "openapi: 3.0.3\n"})
    assert victim.read_text() == "keep me\n"
    assert (outside / "x.yaml").read_text() == "keep me too\n"
    assert manifest_files(out) == ["openapi/svc.yaml"]


def test_a_corrupt_manifest_owns_nothing(tmp_path):
    (tmp_path / "openapi").mkdir()
    (tmp_path / "openapi" / "old.yaml").write_text("x\n")
    (tmp_path / MANIFEST).write_text("{not json")
    assert write_tree(tmp_path, {"openapi/svc.yaml": "y\n"}) == (["openapi/svc.yaml"], [])
    assert (tmp_path / "openapi" / "old.yaml").exists()


def test_a_failed_client_leaves_the_previous_client(make_docs, tmp_path, monkeypatch, capsys):
    """Defect: a client that failed to generate deleted the previous client."""
    docs = make_docs({"show.rst": PAGE})
    out = tmp_path / "out"
    assert main(["generate", "--docs", str(docs), "--out", str(out), "--quiet"]) == 0
    client = sorted(p.relative_to(out) for p in (out / "python").rglob("*") if p.is_file())

    def fail(*args, **kwargs):
        raise RuntimeError("black exploded")

    monkeypatch.setattr("generator.render.python_client.render_python_client", fail)
    assert main(["generate", "--docs", str(docs), "--out", str(out), "--quiet", "--no-cache"]) == 1
    assert "client-failed" in capsys.readouterr().err
    assert sorted(p.relative_to(out) for p in (out / "python").rglob("*") if p.is_file()) == client
    assert {str(p) for p in client} <= set(manifest_files(out))


def test_one_service_regenerated_keeps_the_others(make_docs, tmp_path):
    docs = make_docs({"show.rst": PAGE})
    make_docs({"show.rst": PAGE}, service="other")
    out = tmp_path / "out"
    assert main(["generate", "--docs", str(docs), "--out", str(out), "--quiet"]) == 0
    assert main(["generate", "--docs", str(docs), "--out", str(out), "--quiet", "--service", "svc"]) == 0
    assert (out / "openapi" / "other.yaml").exists() and (out / "python" / "other").is_dir()


def test_files_are_renamed_into_place_never_written_in_place(tmp_path, monkeypatch):
    """Defect: files were written in place, so a kill left truncated files."""
    write_tree(tmp_path, {"openapi/a.yaml": "old\n"})
    inode = (tmp_path / "openapi" / "a.yaml").stat().st_ino
    renamed = []
    real_replace = os.replace
    monkeypatch.setattr(write.os, "replace", lambda a, b: (renamed.append(str(b)), real_replace(a, b)))
    write_tree(tmp_path, {"openapi/a.yaml": "new\n"})
    assert str(tmp_path / "openapi" / "a.yaml") in renamed
    assert (tmp_path / "openapi" / "a.yaml").stat().st_ino != inode
    assert not list(tmp_path.rglob("*" + TEMPORARY))


KILLER = """
import os, sys
from pathlib import Path
from generator import write
from tests.test_output_folder import new_files
kill_at, count, real = int(sys.argv[2]), [0], write.os.replace
def replace(a, b):
    count[0] += 1
    if count[0] == kill_at:
        os._exit(9)
    real(a, b)
write.os.replace = replace
write.write_tree(Path(sys.argv[1]), new_files())
"""


def new_files() -> dict[str, str]:
    files = {f"openapi/s{i}.yaml": f"new {i}\n" * 2000 for i in range(6)}
    files["python/pkg/extra.py"] = "x = 1\n"
    return files


@pytest.mark.parametrize("kill_at", range(1, 10))
def test_a_kill_at_any_point_then_generate_gives_the_clean_output(tmp_path, kill_at):
    """A kill before any rename (the manifest's, each file's), then a normal run:
    byte-identical to a clean run; no file half written; nothing outside the manifest removed."""
    old = {f"openapi/s{i}.yaml": f"old {i}\n" for i in range(8)}
    new = new_files()
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    for out in (killed, clean):
        write_tree(out, old)
        (out / "openapi" / "user.yaml").write_text("mine\n")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    done = subprocess.run([sys.executable, "-c", KILLER, str(killed), str(kill_at)], cwd=root)
    assert done.returncode == 9
    for rel, text in new.items():
        if (killed / rel).exists():
            assert (killed / rel).read_text() in {old.get(rel), text}
    write_tree(killed, new)
    write_tree(clean, new)
    assert _tree(killed) == _tree(clean)
    assert (killed / "openapi" / "user.yaml").read_text() == "mine\n"


def _tree(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_unchanged_files_are_not_touched(tmp_path):
    write_tree(tmp_path, {"openapi/a.yaml": "same\n"})
    before = (tmp_path / "openapi" / "a.yaml").stat().st_mtime_ns
    time.sleep(0.01)
    assert write_tree(tmp_path, {"openapi/a.yaml": "same\n"}) == ([], [])
    assert (tmp_path / "openapi" / "a.yaml").stat().st_mtime_ns == before
