"""The Type column grammar: each documented shape in, the parsed type out."""

import pytest

from generator.model.page import TypeExpr
from generator.parse.types import parse_type

S, I32, I64 = TypeExpr("string"), TypeExpr("integer", "int32"), TypeExpr("integer", "int64")


@pytest.mark.parametrize("text, expected", [
    ("String", S),
    ("string", S),
    ("Integer", I32),
    ("int", I32),
    ("Long", I64),
    ("Float", TypeExpr("number", "float")),
    ("Double", TypeExpr("number", "double")),
    ("Number", TypeExpr("number")),
    ("Boolean", TypeExpr("boolean")),
    ("bool", TypeExpr("boolean")),
    ("Object", TypeExpr("object")),
    ("Array of strings", TypeExpr("array", items=S)),
    ("Array of integers", TypeExpr("array", items=I32)),
    ("Array of objects", TypeExpr("array", items=TypeExpr("object"))),
    ("Array<String>", TypeExpr("array", items=S)),
    ("List<String>", TypeExpr("array", items=S)),
    ("Array[String]", TypeExpr("array", items=S)),
    ("String array", TypeExpr("array", items=S)),
    ("Map<String,String>", TypeExpr("map", items=S)),
    ("Map<String,Array<String>>", TypeExpr("map", items=TypeExpr("array", items=S))),
    ("Map<String,Map<String,Integer>>", TypeExpr("map", items=TypeExpr("map", items=I32))),
    ("JSON object", TypeExpr("object")),
    ("JSON Array", TypeExpr("array")),
    ("Dict", TypeExpr("map")),
    ("Table 3 object", TypeExpr("ref", ref="#table 3")),
    ("TokenAuthIdentity object", TypeExpr("ref", ref="#name TokenAuthIdentity")),
    ("Array of Listener objects", TypeExpr("array", items=TypeExpr("ref", ref="#name Listener"))),
    ("specs array", TypeExpr("array", items=TypeExpr("ref", ref="#name specs"))),
    ("Dictionary data structure", TypeExpr("object")),
    ("List data structure", TypeExpr("array", items=TypeExpr("object"))),
    ("checkpoint_req", TypeExpr("ref", ref="#type checkpoint_req")),
    ("List<resource>", TypeExpr("array", items=TypeExpr("ref", ref="#type resource"))),
    ("Array of checkpoint_item", TypeExpr("array", items=TypeExpr("ref", ref="#type checkpoint_item"))),
    ("CheckpointReq[]", TypeExpr("array", items=TypeExpr("ref", ref="#type CheckpointReq"))),
    ("Dict<enterprise_project>", TypeExpr("ref", ref="#type enterprise_project")),
    ("Dict<String>", TypeExpr("map", items=S)),
    ("io.k8s.api.core.v1.Pod", TypeExpr("ref", ref="#type io.k8s.api.core.v1.Pod")),
    ("Data structure", TypeExpr("object")),
    ("DependJobs data structure", TypeExpr("ref", ref="#name DependJobs")),
    ("Enumeration", S),
    ("datetime", S),
    ("Date Time", S),
    ("String(255)", S),
    ("Long integer", I64),
    ("Array String", TypeExpr("array", items=S)),
    ("AnyType", TypeExpr("any")),
    ("Null", TypeExpr("any")),
])
def test_plain_types(text, expected):
    assert parse_type(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("@0 object", TypeExpr("ref", ref="t")),
    ("Array of @0 objects", TypeExpr("array", items=TypeExpr("ref", ref="t"))),
    ("Map<String, @0 >", TypeExpr("map", items=TypeExpr("ref", ref="t"))),
    ("Dictionary data structure. For details, see @0 .", TypeExpr("ref", ref="t")),
    ("List data structure. For details, see @0 .", TypeExpr("array", items=TypeExpr("ref", ref="t"))),
    ("@0", TypeExpr("ref", ref="t")),
])
def test_types_with_refs(text, expected):
    assert parse_type(text, ("t",)) == expected


@pytest.mark.parametrize("text", ["String or Int", "see the description", "Map<String", "Array of"])
def test_unknown_types_are_none(text):
    assert parse_type(text) is None
