"""Which files are pages: regular files inside the docs folder, of bounded size. Anything else
is a page-unreadable error at that file while the other pages still generate."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.read import MAX_PAGE_BYTES

from .test_cli import GOOD

PAGE = GOOD.replace("{DESC}", "Thing ID.")
ROOT = Path(__file__).resolve().parents[1]


def _generate_in_subprocess(docs: Path, out: Path) -> subprocess.CompletedProcess:
    """A run that cannot hang the test suite: a FIFO once blocked ``generate`` forever."""
    return subprocess.run([sys.executable, "-m", "generator.cli", "generate", "--docs", str(docs),
                           "--out", str(out), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_a_fifo_page_is_an_error_not_a_hang(make_docs, tmp_path):
    docs = make_docs({"show.rst": PAGE})
    os.mkfifo(docs / "svc" / "pipe.rst")
    done = _generate_in_subprocess(docs, tmp_path / "out")
    assert done.returncode == 1
    assert "docs/svc/pipe.rst:1: error: not a regular file (a FIFO); not read [page-unreadable]" in done.stderr
    assert (tmp_path / "out" / "openapi" / "svc.yaml").exists()


def test_a_link_to_a_device_is_not_read(make_docs, tmp_path, capsys):
    """Defect: a link to /dev/zero ended in a MemoryError."""
    docs = make_docs({"show.rst": PAGE})
    (docs / "svc" / "zero.rst").symlink_to("/dev/zero")
    assert main(["generate", "--docs", str(docs), "--out", str(tmp_path / "out"), "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "docs/svc/zero.rst:1: error: links to /dev/zero, outside the docs folder; not read" in err
    assert "Traceback" not in err


def test_links_out_of_the_docs_folder_are_not_followed(make_docs, tmp_path, capsys):
    """Defect: links that left the docs folder were followed and their text published."""
    secret = tmp_path / "secret.rst"
    secret.write_text(PAGE.replace("Thing ID.", "TOP SECRET"))
    docs = make_docs({"show.rst": PAGE})
    (docs / "svc" / "leak.rst").symlink_to(secret)
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "page.rst").write_text(PAGE.replace("Thing ID.", "TOP SECRET"))
    (docs / "linked").symlink_to(outside)
    assert main(["generate", "--docs", str(docs), "--out", str(tmp_path / "out"), "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "docs/svc/leak.rst:1: error: links to" in err and "outside the docs folder" in err
    assert "docs/linked/page.rst:1: error: links to" in err
    for path in (tmp_path / "out").rglob("*"):
        assert not path.is_file() or "TOP SECRET" not in path.read_text(errors="replace")


def test_links_inside_the_docs_folder_are_read(make_docs, tmp_path):
    docs = make_docs({"show.rst": PAGE})
    (docs / "svc" / "again.rst").symlink_to(docs / "svc" / "show.rst")
    assert main(["generate", "--docs", str(docs), "--out", str(tmp_path / "out"), "--no-cache", "--quiet"]) == 0


def test_a_page_over_the_size_limit_is_not_read(make_docs, tmp_path, capsys):
    docs = make_docs({"show.rst": PAGE})
    with open(docs / "svc" / "huge.rst", "wb") as handle:
        handle.truncate(MAX_PAGE_BYTES + 1)
    assert main(["generate", "--docs", str(docs), "--out", str(tmp_path / "out"), "--no-cache"]) == 1
    assert f"docs/svc/huge.rst:1: error: {MAX_PAGE_BYTES + 1} bytes, larger than the limit" in capsys.readouterr().err
    assert (tmp_path / "out" / "openapi" / "svc.yaml").exists()


def test_one_unreadable_page_does_not_stop_the_others(make_docs, tmp_path, capsys):
    """Defect: one unreadable page aborted the whole run (exit 2)."""
    docs = make_docs({"show.rst": PAGE})
    (docs / "svc" / "dangling.rst").symlink_to(tmp_path / "nowhere.rst")
    (docs / "svc" / "folder.rst").mkdir()
    assert main(["generate", "--docs", str(docs), "--out", str(tmp_path / "out"), "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert "docs/svc/dangling.rst:1: error: cannot read page: No such file or directory" in err
    assert "docs/svc/folder.rst:1: error: not a regular file (a folder)" in err
    assert (tmp_path / "out" / "openapi" / "svc.yaml").exists()


def test_check_fails_with_2_on_unreadable_pages(make_docs, tmp_path, capsys):
    """Defect: ``check`` said "up to date" when a page was unreadable."""
    docs = make_docs({"show.rst": PAGE})
    out = tmp_path / "out"
    assert main(["generate", "--docs", str(docs), "--out", str(out), "--no-cache", "--quiet"]) == 0
    (docs / "svc" / "dangling.rst").symlink_to(tmp_path / "nowhere.rst")
    assert main(["check", "--docs", str(docs), "--out", str(out), "--no-cache"]) == 2
    assert "docs/svc/dangling.rst:1: error: cannot read page" in capsys.readouterr().err


def test_parse_names_a_fifo_without_hanging(tmp_path, capsys):
    os.mkfifo(tmp_path / "pipe.rst")
    assert main(["parse", str(tmp_path / "pipe.rst")]) == 1
    assert "not a regular file (a FIFO)" in capsys.readouterr().out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_fifo_as_generated_output_is_replaced_not_read(make_docs, tmp_path):
    docs = make_docs({"show.rst": PAGE})
    (tmp_path / "out" / "openapi").mkdir(parents=True)
    os.mkfifo(tmp_path / "out" / "openapi" / "svc.yaml")
    done = _generate_in_subprocess(docs, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "openapi" / "svc.yaml").is_file()
