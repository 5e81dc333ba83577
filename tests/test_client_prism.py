"""The generated modelarts client against Prism mocking the generated OpenAPI document: every
operation is called, Prism accepts the request, and the response parses into its model."""

from __future__ import annotations

import asyncio
import inspect
import typing

import pytest
import yaml

from generator.render.python_names import snake

from .client_support import SEED_OPENAPI, prism_mock

from modelarts_client import AsyncClient, Client, ClientError, TokenAuth, models  # noqa: E402

SPEC = yaml.safe_load(SEED_OPENAPI.read_text(encoding="utf-8"))
OPERATIONS = [(path, method, op) for path, item in SPEC["paths"].items() for method, op in item.items()]
SAMPLES = {"string": "abc", "integer": 1, "number": 1.5, "boolean": True}


@pytest.fixture(scope="module")
def prism():
    with prism_mock(SEED_OPENAPI) as url:
        yield url


def arguments(op: dict, method: typing.Callable) -> dict:
    """A valid argument for every parameter of the method: enum, default, example or a sample
    of the schema's type; the body from the operation's first request example."""
    accepted = inspect.signature(method).parameters
    values = {}
    for parameter in op.get("parameters", []):
        name = snake(parameter["name"])
        if name in accepted:
            schema = parameter["schema"]
            values[name] = (schema["enum"][0] if "enum" in schema else schema.get("default")
                            or schema.get("minimum") or SAMPLES[schema["type"]])
    if "requestBody" in op:
        content = op["requestBody"]["content"]["application/json"]
        example = next(iter(content.get("examples", {}).values()), {"value": {}})["value"]
        model = getattr(models, content["schema"]["$ref"].split("/")[-1])
        values["body"] = model.model_validate(example)
    return values


def returned_type(method: typing.Callable) -> type:
    return typing.get_type_hints(method)["return"]


@pytest.mark.parametrize("path, verb, op", OPERATIONS, ids=[op["operationId"] for _, _, op in OPERATIONS])
def test_every_operation_is_accepted_by_prism_and_parses(prism, path, verb, op):
    with Client(endpoint=prism, project_id="proj", auth=TokenAuth("token")) as client:
        method = getattr(client, snake(op["operationId"]))
        result = method(**arguments(op, method))
    assert isinstance(result, returned_type(method))


def test_every_operation_works_through_the_async_client(prism):
    async def call_all():
        async with AsyncClient(endpoint=prism, project_id="proj", auth=TokenAuth("token")) as client:
            methods = [getattr(client, snake(op["operationId"])) for _, _, op in OPERATIONS]
            return [(await m(**arguments(op, m)), m) for m, (_, _, op) in zip(methods, OPERATIONS)]

    for result, method in asyncio.run(call_all()):
        assert isinstance(result, returned_type(method))


def test_prism_rejects_a_request_that_breaks_the_document(prism):
    with Client(endpoint=prism, project_id="proj", auth=TokenAuth("token")) as client:
        with pytest.raises(ClientError) as caught:
            client.update_workforce_sampling_task("ds", "wt", body={"action": "not a number"}, locale="en")
    assert caught.value.status == 422


def test_iter_reads_prism_pages_until_a_page_repeats(prism):
    with Client(endpoint=prism, project_id="proj", auth=TokenAuth("token")) as client:
        tasks = list(client.iter_list_tasks("ds", limit=1))
    assert tasks and all(isinstance(t, models.RunningTask) for t in tasks)
