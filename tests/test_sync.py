"""``docbind sync`` against a git repository made in the test (no network): the upstream folder
replaces docs/<service>/, the resolved commit is recorded, the changelog names the change, and
a bad ref or URL is a one-line error that leaves the docs folder as it was."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.sync.sources import read_sources, record_commit

from .check_edits import line_of, set_cell
from .conftest import SEEDS

LIST = "data/list_tasks.rst"
LIST_OP = "GET /v2/{project_id}/datasets/{dataset_id}/tasks"
GIT_ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, env=GIT_ENV, check=True, capture_output=True,
                          text=True).stdout.strip()


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", message)
    return git(repo, "rev-parse", "HEAD")


@pytest.fixture
def upstream(tmp_path) -> Path:
    """A docs repository: the seed pages under api-ref/source/ (one in a subfolder), a page
    outside that folder, a non-page file inside it."""
    repo = tmp_path / "upstream"
    source = repo / "api-ref" / "source"
    (source / "data").mkdir(parents=True)
    for page in sorted((SEEDS / "modelarts").glob("*.rst")):
        dest = source / ("data" if page.name == "list_tasks.rst" else "") / page.name
        dest.write_bytes(page.read_bytes())
    (source / "conf.py").write_text("project = 'x'\n")
    (repo / "umn" / "source").mkdir(parents=True)
    (repo / "umn" / "source" / "index.rst").write_text("User guide\n==========\n")
    git(repo, "init", "--quiet", "--initial-branch=main")
    commit_all(repo, "first")
    return repo


@pytest.fixture
def project(tmp_path, upstream) -> Path:
    """A project whose docs_src/sources.toml points at the upstream repository."""
    docs = tmp_path / "project" / "docs_src"
    docs.mkdir(parents=True)
    (docs / "sources.toml").write_text(
        "# upstreams\n\n[modelarts]\n"
        f'repository = "{upstream.as_uri()}"  # a local repository\n'
        'path = "api-ref/source"\n')
    return docs


def sync(docs: Path, *args: str) -> int:
    return main(["sync", "--docs", str(docs), "--no-cache", *args])


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_first_sync_brings_the_pages_and_records_the_commit(project, upstream, capsys):
    assert sync(project, "--format", "json") == 0
    out, err = capsys.readouterr()
    head = git(upstream, "rev-parse", "HEAD")
    assert sorted(tree(project / "modelarts")) == [
        "auto_annotation_progress.rst", LIST, "desc_workforce_task.rst", "update_workforce_sampling_task.rst"]
    assert read_sources(project / "sources.toml")["modelarts"].commit == head
    assert "# a local repository" in (project / "sources.toml").read_text()
    assert f"modelarts: unsynced → {head} (4 pages added, 0 changed, 0 removed)" in err
    changes = json.loads(out)["changes"]
    assert sorted(c["kind"] for c in changes) == ["operation-added"] * 4
    assert not [p for p in project.iterdir() if p.name.startswith(".")], "staging left behind"


def test_a_commit_that_edits_one_page_updates_exactly_that_page(project, upstream, capsys):
    assert sync(project) == 0
    before = tree(project / "modelarts")
    page = upstream / "api-ref" / "source" / LIST
    page.write_text(set_cell(page.read_text(), "| total_count ", "| Integer ", "| String"))
    head = commit_all(upstream, "total_count is a string")
    capsys.readouterr()

    assert sync(project, "--format", "json") == 0
    out, err = capsys.readouterr()
    after = tree(project / "modelarts")
    assert [rel for rel in after if after[rel] != before.get(rel)] == [LIST]
    assert after.keys() == before.keys()
    assert read_sources(project / "sources.toml")["modelarts"].commit == head
    assert "(0 pages added, 1 changed, 0 removed)" in err
    report = json.loads(out)
    assert [{k: c[k] for k in ("operation", "kind", "target", "detail", "breaking", "source")}
            for c in report["changes"]] == [{
                "operation": LIST_OP, "kind": "type-changed", "target": "response 200 field `total_count`",
                "detail": "type integer/int32 → string", "breaking": True,
                "source": f"docs_src/modelarts/{LIST}:{line_of(page.read_text(), '| total_count ')}"}]


def test_the_docs_folder_given_as_dot_cites_pages_by_its_name(project, upstream, capsys, monkeypatch):
    monkeypatch.chdir(project)
    assert sync(Path("."), "--sources", "sources.toml") == 0
    page = upstream / "api-ref" / "source" / LIST
    page.write_text(set_cell(page.read_text(), "| total_count ", "| Integer ", "| String"))
    commit_all(upstream, "total_count is a string")
    capsys.readouterr()
    assert sync(Path("."), "--sources", "sources.toml", "--format", "json") == 0
    (change,) = json.loads(capsys.readouterr().out)["changes"]
    assert change["source"].startswith(f"docs_src/modelarts/{LIST}:")


def test_ref_fetches_a_branch_tag_or_commit(project, upstream, capsys):
    first = git(upstream, "rev-parse", "HEAD")
    git(upstream, "tag", "v1")
    (upstream / "api-ref" / "source" / "desc_workforce_task.rst").unlink()
    commit_all(upstream, "drop a page")
    for ref in ("v1", "main", first):
        assert sync(project, "--ref", ref) == 0
        assert ("desc_workforce_task.rst" in tree(project / "modelarts")) == (ref != "main")
    assert read_sources(project / "sources.toml")["modelarts"].commit == first
    assert "operation-removed" not in capsys.readouterr().out.split("API changelog")[-1]


def test_markdown_changelog_for_a_pull_request(project, capsys):
    assert sync(project, "--format", "markdown") == 0
    out = capsys.readouterr().out
    assert out.startswith("### API changelog: 0 breaking, 4 non-breaking")
    assert "| non-breaking | modelarts | `GET /v2/{project_id}/datasets/{dataset_id}/tasks` |" in out


@pytest.mark.parametrize("args, message", [
    (["--ref", "no-such-branch"], "cannot fetch no-such-branch from file://"),
    (["--ref", "--upload-pack=touch /tmp/x"], "invalid ref '--upload-pack=touch /tmp/x'"),
    (["--service", "nope"], "lists no service nope"),
])
def test_a_bad_ref_is_one_line_and_leaves_the_docs_untouched(project, capsys, args, message):
    assert sync(project) == 0
    before = tree(project)
    capsys.readouterr()
    assert sync(project, *args) == 2
    err = capsys.readouterr().err
    assert err.startswith("docbind: error: ") and message in err and err.count("\n") == 1
    assert tree(project) == before
    assert not [p for p in project.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("repository, folder, message", [
    ("{tmp}/nowhere", "api-ref/source", "does not appear to be a git repository"),
    ("{upstream}", "api-ref/missing", "has no folder api-ref/missing"),
])
def test_a_bad_url_or_folder_is_one_line_and_leaves_the_docs_untouched(
        project, upstream, tmp_path, capsys, repository, folder, message):
    assert sync(project) == 0
    url = repository.format(tmp=tmp_path.as_uri(), upstream=upstream.as_uri())
    (project / "sources.toml").write_text(f'[modelarts]\nrepository = "{url}"\npath = "{folder}"\n')
    before = tree(project)
    capsys.readouterr()
    assert sync(project) == 2
    err = capsys.readouterr().err
    assert err.startswith("docbind: error: ") and message in err and err.count("\n") == 1
    assert tree(project) == before


def test_a_file_sync_did_not_write_stops_it(project, capsys):
    assert sync(project) == 0
    (project / "modelarts" / "data" / "notes.txt").write_text("mine")
    before = tree(project)
    assert sync(project) == 2
    assert "notes.txt is not a page sync writes" in capsys.readouterr().err
    assert tree(project) == before


def test_a_first_sync_that_fails_creates_no_docs_folder(tmp_path, capsys):
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[svc]\nrepository = "{(tmp_path / "nowhere").as_uri()}"\npath = "x"\n')
    assert main(["sync", "--docs", str(tmp_path / "docs"), "--sources", str(sources), "--no-cache"]) == 2
    assert not (tmp_path / "docs").exists()


@pytest.mark.parametrize("text, message", [
    ('[svc]\npath = "x"\n', "`repository` is required"),
    ('[svc]\nrepository = "r"\npath = "../x"\n', "`path` is a folder inside the repository"),
    ('[svc]\nrepository = "r"\npath = "x"\nbranch = "main"\n', "unknown keys branch"),
    ("[svc\n", "not TOML"),
])
def test_an_invalid_sources_file_is_named(tmp_path, capsys, text, message):
    (tmp_path / "sources.toml").write_text(text)
    assert main(["sync", "--docs", str(tmp_path)]) == 2
    assert message in capsys.readouterr().err


def test_recording_a_commit_keeps_the_other_lines(tmp_path):
    file = tmp_path / "sources.toml"
    file.write_text('# top\n[a]\nrepository = "r"  # why\npath = "p"\n\n# about b\n[b]\nrepository = "s"\n'
                    'commit = "old"\npath = "q"')
    record_commit(file, "a", "c1")
    record_commit(file, "b", "c2")
    assert file.read_text() == ('# top\n[a]\nrepository = "r"  # why\npath = "p"\ncommit = "c1"\n\n# about b\n'
                                '[b]\nrepository = "s"\ncommit = "c2"\npath = "q"')
