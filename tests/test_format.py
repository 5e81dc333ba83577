"""Piecewise black: a module formatted piece by piece, with or without pieces from an
earlier run, is exactly black's text for the whole module."""

from __future__ import annotations

import textwrap

import black
import pytest

from generator.format.python import (Call, DictDisplay, Parameter, argument, def_params, format_python,
                                     pydantic_models)
from generator.memo import Memo
from generator.render.python_names import literal

MODE = black.Mode(target_versions={black.TargetVersion.PY311})

MODULES = {
    "classes and methods": '''
        """Doc."""
        import os
        X = 1
        class A:
            """A."""
            x: int = 1
            def f(self, a,b):
                return a+b



            async def g(self): return 1
            @property
            def h(self): return (1,
              2)
        class B(A): pass
        def top(a = 1): return a
        ''',
    "comments, stubs and nesting": '''
        class A:
            def f(self): ...
            def g(self): ...

            # about h
            def h(self):
                def inner(): return 1
                return inner
            class Inner:
                def m(self): pass
            def k(self): pass
            y = 2
        # about C

        class C: ...
        @decorated
        class D:
            def f(self):
                pass
        Z = [C,
          D]
        def last(): pass
        ''',
}


@pytest.mark.parametrize("source", MODULES.values(), ids=MODULES.keys())
def test_pieces_give_blacks_text_for_the_whole_module(source):
    source = textwrap.dedent(source).lstrip()
    assert format_python(source) == black.format_str(source, mode=MODE)


def test_the_client_modules_of_the_seeds_are_blacks_text(seed_results):
    for rel, text in seed_results["modelarts"].files.items():
        if rel.endswith(".py"):
            assert format_python(text) == text, rel


def test_known_pieces_are_reused_and_only_used_ones_kept():
    source = textwrap.dedent(MODULES["classes and methods"]).lstrip()
    memo = Memo()
    first = format_python(source, memo)
    reused = Memo(memo.used)
    edited = source.replace("return a+b", "return a-b")
    assert format_python(edited, reused) == black.format_str(edited, mode=MODE)
    assert len(reused.used) == len(memo.used) and reused.used != memo.used
    assert first == black.format_str(source, mode=MODE)


TWINS = (("response = self._transport.request(", "response = await self._transport.request("),)
CLIENTS = '''
class Client:
    def __init__(self) -> None:
        self.x = 1

    def short(self, a: int) -> int:
        """Short."""
        response = self._transport.request(
            "GET",
            f"/v1/{a}",
            timeout=timeout,
        )
        return response

    def crosses_the_line_when_async(self, pid: str, x: int, *, t: float | None) -> A:
        """The ``async def`` no longer fits on one line."""
        response = self._transport.request(
            "GET",
            "/v1/path",
            timeout=timeout,
        )
        return response

    def differs_elsewhere(self) -> int:
        """Doc."""
        response = self._transport.request(
            "GET",
            "/v1",
            timeout=timeout,
        )
        return response.x

    def black_changes_it(self) -> int:
        response = self._transport.request("GET", "/v1", query={"a": 1}, headers={"b": 2}, timeout=timeout, body=None)
        return response


class AsyncClient:
    def __init__(self) -> None:
        self.x = 2

    async def short(self, a: int) -> int:
        """Short."""
        response = await self._transport.request(
            "GET",
            f"/v1/{a}",
            timeout=timeout,
        )
        return response

    async def crosses_the_line_when_async(self, pid: str, x: int, *, t: float | None) -> A:
        """The ``async def`` no longer fits on one line."""
        response = await self._transport.request(
            "GET",
            "/v1/path",
            timeout=timeout,
        )
        return response

    async def differs_elsewhere(self) -> int:
        """Doc."""
        response = await self._transport.request(
            "GET",
            "/v1",
            timeout=timeout,
        )
        return response.y

    async def black_changes_it(self) -> int:
        response = await self._transport.request("GET", "/v1", query={"a": 1}, headers={"b": 2}, timeout=timeout, body=None)
        return response
'''.lstrip()


def test_a_twin_method_has_black_format_only_its_header(monkeypatch):
    seen = []
    real = black.format_str
    monkeypatch.setattr(black, "format_str", lambda text, mode: seen.append(text) or real(text, mode=mode))
    assert format_python(CLIENTS, twins=TWINS) == real(CLIENTS, mode=MODE)
    bodies = [name for name in ("short", "crosses_the_line_when_async", "differs_elsewhere", "black_changes_it")
              if any(f"async def {name}(" in text and "await" in text for text in seen)]
    assert bodies == ["differs_elsewhere", "black_changes_it"]


@pytest.mark.parametrize("params", [
    ["self", "*", "timeout: Timeout | None = None"],
    ["self", "instance_id: str", "*", "body: models.CreateInstanceRequest", "timeout: Timeout | None = None"],
    ["self", "project_id: str", "instance_id: str", "*", "limit: int | None = None", "offset: int | None = None",
     "marker: str | None = None", "timeout: Timeout | None = None"],
])
def test_def_params_are_laid_out_as_black_lays_them_out(params):
    head, tail = "    def list_instances_of_a_project(", ") -> models.ListInstancesResponse:"
    source = f"class C:\n{head}{def_params(head, params, tail)}{tail}\n        pass\n"
    assert black.format_str(source, mode=MODE) == source


def _items(count: int, width: int = 10) -> tuple[str, ...]:
    return tuple(f'"{"k" * width}{i}": name_{i}' for i in range(count))


PATH = '"/v3/{project_id}/vpc/firewalls/{firewall_id}/associate-subnets"'
ARGUMENTS = {
    "a call that fits": ("", Call("expand_path(", ('"/v1/{id}"', DictDisplay(('"id": id',)))), False),
    "arguments on a line of their own": (
        "", Call("expand_path(", (PATH, DictDisplay(('"project_id": self._project_id()',)))), True),
    "one argument per line": ("", Call("expand_path(", (PATH, DictDisplay(
        ('"project_id": self._project_id()', '"firewall_id": firewall_id')))), True),
    "a dict of many items, one per line": ("", Call("expand_path(", (PATH, DictDisplay(_items(5)))), True),
    "a path longer than the line": ("", Call("expand_path(", ('"/v2/' + "x" * 90 + '"', DictDisplay(_items(2)))), True),
    "a lone dict argument": ("query=", Call("query_pairs(", (DictDisplay(_items(4)),)), True),
    "a lone dict argument that fits": ("query=", Call("query_pairs(", (DictDisplay(_items(2, 20)),)), True),
    "a one-item dict too long": ("headers=", Call("header_values(", (DictDisplay(_items(1, 60)),)), True),
    "keyword arguments of a lambda's call": (
        "lambda cursor: ", Call("self.list_ports(", tuple(f"argument_{i}=argument_{i}" for i in range(8))), True),
}


@pytest.mark.parametrize("prefix, value, split", ARGUMENTS.values(), ids=ARGUMENTS.keys())
def test_arguments_are_laid_out_as_black_lays_them_out(prefix, value, split):
    text = argument(value, 12, prefix)
    source = (f"class C:\n    def m(self):\n        response = request(\n            \"GET\",\n"
              f"            {prefix}{text},\n            timeout=timeout,\n        )\n")
    assert black.format_str(source, mode=MODE) == source
    assert ("\n" in text) == split


LITERAL = Call("Literal[", tuple(f'"value_number_{i}"' for i in range(4)))
LONG_LITERAL = Call("Literal[", tuple(f'"value_number_{i}"' for i in range(8)))


@pytest.mark.parametrize("param", [
    Parameter("the_parameter_name", LITERAL), Parameter("the_parameter_name", LONG_LITERAL),
    Parameter("the_parameter_name", LITERAL, optional=True), Parameter("the_parameter_name", LONG_LITERAL, True),
    Parameter("kind", Call("Literal[", ("0", "1", "3", "100", "101", "102", "103", "200", "201", "202")), True),
])
def test_long_literal_parameters_are_laid_out_as_black_lays_them_out(param):
    head, tail = "    def list_instances_of_a_project(", ") -> models.ListInstancesResponse:"
    params = ["self", "*", param, "timeout: Timeout | None = None"]
    source = f"class C:\n{head}{def_params(head, params, tail)}{tail}\n        pass\n"
    assert black.format_str(source, mode=MODE) == source


@pytest.mark.parametrize("value", ["GET", "it's", 'say "hi"', "both ' and \"", "tab\there", 3, None])
def test_literals_are_python_and_in_blacks_quotes(value):
    text = literal(value)
    assert eval(text) == value  # noqa: S307 - the test's own constants
    assert black.format_str(f"x = {text}\n", mode=MODE) == f"x = {text}\n" or "'" in str(value)


def test_a_models_module_made_before_is_not_made_again_and_keeps_its_pieces(monkeypatch):
    document = ("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
                "    Server:\n      type: object\n      properties:\n        name: {type: string}\n")
    memo = Memo()
    first = pydantic_models(document, "# h", {}, memo)
    again = Memo(memo.used)
    monkeypatch.setattr("generator.format.python._pydantic_models", lambda *args: pytest.fail("made again"))
    assert pydantic_models(document, "# h", {}, again) == first
    assert again.used == memo.used  # the module's pieces are kept for a run whose schemas change
