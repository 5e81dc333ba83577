"""The catalogue tier against Prism: for every GET operation of three catalogue services,
docbind's own generated Python client builds the request and a Prism mock of docbind's own
OpenAPI document must accept it (no 4xx: no 422 validation error, no unknown route, no
missing credential). Runs in ``make test-catalogue``; needs ``DOCBIND_CATALOGUE``
(default ``../shared/catalogue``) and skips with the reason where it is absent."""

from __future__ import annotations

import importlib
import inspect
import os
import sys
from pathlib import Path

import pytest
import yaml

from generator.pipeline import generate
from generator.render.python_client import package_name
from generator.render.python_names import snake
from generator.write import write_tree

from .client_support import prism_mock
from .conftest import ROOT

CATALOGUE = Path(os.environ.get("DOCBIND_CATALOGUE", ROOT.parent / "shared" / "catalogue"))
SERVICES = ("cloud-server-backup-service", "enterprise-project-service", "tag-management-service")
SAMPLES = {"string": "abc", "integer": 1, "number": 1.5, "boolean": True}

pytestmark = [
    pytest.mark.catalogue,
    pytest.mark.skipif(not CATALOGUE.is_dir(), reason=f"catalogue folder {CATALOGUE} is absent (set DOCBIND_CATALOGUE)"),
]


@pytest.fixture(scope="module", params=SERVICES)
def service(request, tmp_path_factory):
    """One service generated (document and client) into a temporary folder: its document
    as data, its document's path and its imported client package."""
    name = request.param
    out = tmp_path_factory.mktemp(name)
    (result,) = generate(CATALOGUE, [name])
    write_tree(out, result.files)
    sys.path.insert(0, str(out / "python" / name))
    try:
        package = importlib.import_module(package_name(name))
    finally:
        sys.path.remove(str(out / "python" / name))
    document = out / "openapi" / f"{name}.yaml"
    return yaml.safe_load(document.read_text(encoding="utf-8")), document, package


def sample(schema: dict, spec: dict) -> object:
    """A value the schema accepts: its enum, default or minimum, else one of its type."""
    while "$ref" in schema or "allOf" in schema:
        ref = schema["$ref"] if "$ref" in schema else schema["allOf"][0]["$ref"]
        schema = spec["components"]["schemas"][ref.split("/")[-1]]
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("default") is not None:
        return schema["default"]
    if schema.get("type") == "array":
        return [sample(schema.get("items", {"type": "string"}), spec)]
    if schema.get("type") in ("integer", "number") and schema.get("minimum") is not None:
        return schema["minimum"]
    return SAMPLES.get(schema.get("type", "string"), "abc")


def arguments(op: dict, method, spec: dict) -> dict:
    """A valid value for every scalar parameter of the method the document declares."""
    accepted = inspect.signature(method).parameters
    values = {}
    for parameter in op.get("parameters", []):
        name = snake(parameter["name"])
        value = sample(parameter["schema"], spec)
        if name in accepted and (parameter["required"] or not isinstance(value, (dict, list))):
            values[name] = value
    return values


def test_prism_accepts_every_get_request_the_generated_client_builds(service):
    spec, document, package = service
    gets = [op for item in spec["paths"].values() for verb, op in item.items() if verb == "get"]
    assert gets, "the service documents no GET operation"
    rejected = []
    with prism_mock(document) as url, package.Client(endpoint=url, project_id="proj",
                                                     auth=package.TokenAuth("token")) as client:
        for op in gets:
            method = getattr(client, snake(op["operationId"]))
            try:
                method(**arguments(op, method, spec))
            except package.ClientError as error:
                rejected.append(f"{op['operationId']} ({op['x-source']}): {error} {error.body!r:.300}")
            except Exception:  # noqa: BLE001 - a response the model cannot read is not a rejected request
                pass
    assert rejected == []
