"""Generating the Python client package: layout, names, determinism, freshness, mypy --strict,
pip install, and docs text that tries to break out of docstrings."""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.render.python_client import package_name
from generator.render.python_names import class_name, docstring, snake

from .client_support import SEED_PACKAGE
from .conftest import ROOT, SEEDS, SEEDS_OUT

VENV_BIN = Path(sys.executable).parent


def python_files(results) -> dict[str, str]:
    return {rel: text for r in results.values() for rel, text in r.files.items() if rel.startswith("python/")}


def run(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})


# --- names ---------------------------------------------------------------------------------

@pytest.mark.parametrize("operation_id, method", [
    ("ListTasks", "list_tasks"),
    ("AutoAnnotationProgress", "auto_annotation_progress"),
    ("DescWorkforceTask", "desc_workforce_task"),
    ("ListECSs", "list_ecss"),
    ("ShowAPIVersion", "show_api_version"),
    ("ListDatabaseErrorLogs2", "list_database_error_logs2"),
    ("X-Auth-Token", "x_auth_token"),
    ("protocol _id", "protocol_id"),
    ("from", "from_"),
])
def test_method_and_argument_names_are_snake_case(operation_id, method):
    assert snake(operation_id) == method


@pytest.mark.parametrize("service, package", [
    ("modelarts", "modelarts_client"),
    ("virtual-private-cloud", "virtual_private_cloud_client"),
])
def test_the_import_name_is_the_service_with_underscores(service, package):
    assert package_name(service) == package


@pytest.mark.parametrize("text", [
    'a """ b', "ends with a quote \"", "back \\ slash \\", "{{ x }} {% y %}", "ü 中文 \u2028 \x00 \t",
    '""""""', "line\n\n  indented\nlast",
])
def test_docstring_literals_read_back_as_the_text(text):
    namespace: dict = {}
    exec(f"def f():\n    {docstring(text, '    ')}\n", namespace)
    assert inspect.cleandoc(namespace["f"].__doc__) == text.strip()


# --- the package ---------------------------------------------------------------------------

def test_the_seed_package_has_its_modules_and_metadata(seed_results):
    files = python_files(seed_results)
    root = "python/modelarts/modelarts_client/"
    assert sorted(files) == sorted(["python/modelarts/pyproject.toml", root + "py.typed"] + [
        root + f"{m}.py" for m in ("__init__", "_pagination", "_transport", "auth", "client",
                                   "errors", "models", "retry")])
    assert 'name = "modelarts-client"' in files["python/modelarts/pyproject.toml"]


def test_every_operation_has_a_method_with_docs_from_the_pages(seed_models):
    import modelarts_client

    for op in seed_models["modelarts"].service.operations:
        for cls in (modelarts_client.Client, modelarts_client.AsyncClient):
            method = getattr(cls, snake(op.operation_id))
            assert method.__doc__.startswith(op.summary)
            assert op.description in method.__doc__


def test_the_committed_package_is_what_generation_makes(seed_results):
    stale = [rel for rel, text in python_files(seed_results).items()
             if (SEEDS_OUT / rel).read_text(encoding="utf-8") != text]
    assert stale == [], "tests/fixtures/seeds_generated/python is stale: run `make generate`"


def test_generation_is_byte_identical_under_another_hash_seed(seed_results, tmp_path):
    done = run(str(VENV_BIN / "docbind"), "generate", "--docs", str(SEEDS), "--out", str(tmp_path),
               "--quiet", env={"PYTHONHASHSEED": "4242"})
    assert done.returncode == 0, done.stderr
    for rel, text in python_files(seed_results).items():
        assert (tmp_path / rel).read_text(encoding="utf-8") == text, rel


def test_the_package_passes_mypy_strict(tmp_path):
    done = run(str(VENV_BIN / "mypy"), "--strict", "--cache-dir", str(tmp_path), "modelarts_client",
               cwd=SEED_PACKAGE)
    assert done.returncode == 0, done.stdout + done.stderr


def test_pip_installs_the_package(tmp_path):
    source = shutil.copytree(SEED_PACKAGE, tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "site"
    done = run(sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
               "--no-index", "--target", str(target), str(source))
    assert done.returncode == 0, done.stderr
    imported = run(sys.executable, "-c", "import modelarts_client, sys; "
                   "print(modelarts_client.__file__); print(hasattr(modelarts_client.Client, 'list_tasks'))",
                   cwd=tmp_path, env={"PYTHONPATH": str(target)})
    assert imported.stdout.splitlines() == [str(target / "modelarts_client" / "__init__.py"), "True"]
    assert (target / "modelarts_client" / "py.typed").exists()


# --- untrusted docs text -------------------------------------------------------------------

HOSTILE = {
    "title": 'Querying "Evil" \\\\ Things ü — 中文 {{ title }}',
    "function": "Ends with \\\\ backslash, \"\"\" triple \"\"\", ''' singles ''', {{ 7*7 }} {% if x %}, ü 中文 \"",
    "path": 'ID """; import os; os.system("touch PWNED") """ \\\\',
    "query": 'Keyword """ {{ x }} ü',
    "field": 'Size """)\\nraise SystemExit(1)\\n("""',
}
HOSTILE_PAGE = f"""
:original_name: ShowEvil.html

.. _ShowEvil:

{HOSTILE["title"]}
{"=" * 60}

Function
--------

{HOSTILE["function"]}

URI
---

GET /v1/{{project_id}}/evil/{{evil_id}}

.. table:: **Table 1** Path Parameters

   ========== ========= ====== ======================================================
   Parameter  Mandatory Type   Description
   ========== ========= ====== ======================================================
   project_id Yes       String Project ID.
   evil_id    Yes       String {HOSTILE["path"]}
   ========== ========= ====== ======================================================

.. table:: **Table 2** Query Parameters

   ========= ========= ======= ==================================================
   Parameter Mandatory Type    Description
   ========= ========= ======= ==================================================
   from      No        String  {HOSTILE["query"]}
   ========= ========= ======= ==================================================

Response Parameters
-------------------

**Status code: 200**

.. table:: **Table 3** Response body parameters

   =============== ======= ==================================================
   Parameter       Type    Description
   =============== ======= ==================================================
   @modelarts:size Integer {HOSTILE["field"]}
   =============== ======= ==================================================
"""


def test_hostile_docs_text_stays_text_in_the_generated_modules(make_docs, tmp_path):
    docs = make_docs({"evil.rst": HOSTILE_PAGE}, service="evil-svc")
    [result] = generate(docs)
    for rel, text in result.files.items():
        if rel.startswith("python/"):
            (tmp_path / "out" / rel).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / "out" / rel).write_text(text, encoding="utf-8")
    check = """
import inspect, json, evil_svc_client as c
op = inspect.getdoc(c.Client.show_evil)
field = c.models.ShowEvilResponse.model_fields["field_modelarts_size"].alias
print(json.dumps([op, field]))
"""
    done = run(sys.executable, "-c", check, cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "out/python/evil-svc")})
    assert done.returncode == 0, done.stderr
    doc, alias = __import__("json").loads(done.stdout)
    unescaped = {k: v.replace("\\\\", "\\") for k, v in HOSTILE.items()}
    assert doc.startswith(unescaped["title"] + "\n\n" + unescaped["function"] + "\n")
    assert f"evil_id: {unescaped['path']}" in doc and f"from_ (``from``): {unescaped['query']}" in doc
    assert alias == "@modelarts:size"
    models = (tmp_path / "out/python/evil-svc/evil_svc_client/models.py").read_text(encoding="utf-8")
    assert "raise SystemExit" in models and not (tmp_path / "PWNED").exists()


def test_a_service_without_schemas_still_gets_a_client(make_docs):
    docs = make_docs({"ping.rst": """
        Querying the Service Status
        ===========================

        URI
        ---

        GET /v1/ping
        """})
    [result] = generate(docs)
    root = "python/svc/svc_client/"
    assert result.files[root + "models.py"].startswith("# Generated by docbind")
    compile(result.files[root + "client.py"], "client.py", "exec")
    assert "def list_service_status(" in result.files[root + "client.py"]


@pytest.mark.parametrize("schema, name", [
    ("ListTasksResponse", "ListTasksResponse"),
    ("listCciV2NamespaceResponse", "ListCciV2NamespaceResponse"),
    ("v2.job_spec", "V2JobSpec"),
    ("2fa", "Model2fa"),
])
def test_schema_class_names_are_ones_the_model_generator_keeps(schema, name):
    assert class_name(schema, set()) == name


def test_schemas_named_from_camel_case_labels_get_their_classes(make_docs):
    # A label like ``listCciV2Namespace`` names the operation and its bodies; the model
    # generator capitalises class names, and a schema differing only in case gets its own class.
    body = """
Response Parameters
-------------------

.. table:: **Table 1** Response body parameters

   ======== ====== ===========
   Param    Type   Description
   ======== ====== ===========
   name     String Name.
   ======== ====== ===========
"""
    docs = make_docs({
        "a.rst": ".. _listCciV2Namespace:\n\nQuerying Namespaces\n===================\n\nURI\n---\n\n"
                 "GET /apis/cci/v2/namespaces\n" + body,
        "b.rst": ".. _ListCciV2Namespace:\n\nListing Namespaces\n==================\n\nURI\n---\n\n"
                 "GET /apis/cci/v2/spaces\n" + body.replace("name ", "kind "),
    })
    [result] = generate(docs)
    assert not [d.format() for d in result.diagnostics if d.code == "client-failed"]
    client = result.files["python/svc/svc_client/client.py"]
    assert "-> models.ListCciV2NamespaceResponse:" in client
    assert "-> models.ListCciV2NamespaceResponse2:" in client
