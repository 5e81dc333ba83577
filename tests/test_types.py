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
    ("REFERENCE", TypeExpr("object")),  # mapreduce-service's API Explorer kinds
    ("ARRAY_REFERENCE", TypeExpr("array")),
    ("Array of strings", TypeExpr("array", items=S)),
    ("Array of integers", TypeExpr("array", items=I32)),
    ("Array of objects", TypeExpr("array", items=TypeExpr("object"))),
    ("Array of arrays of strings", TypeExpr("array", items=TypeExpr("array", items=S))),
    ("Array of arrays of Dimension objects",
     TypeExpr("array", items=TypeExpr("array", items=TypeExpr("ref", ref="#name Dimension")))),
    ("objects", TypeExpr("array", items=TypeExpr("object"))),  # mapreduce-service, cloud-eye ("Objects")
    ("Array<String>", TypeExpr("array", items=S)),
    ("List<String>", TypeExpr("array", items=S)),
    ("Array[String]", TypeExpr("array", items=S)),
    ("Array(Object)", TypeExpr("array", items=TypeExpr("object"))),  # nat-gateway
    ("Array(String)", TypeExpr("array", items=S)),
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
    ("List data structure", TypeExpr("array")),  # rds v1: a list, its items unstated
    ("List of dictionary data structures", TypeExpr("array", items=TypeExpr("object"))),
    ("checkpoint_req", TypeExpr("ref", ref="#type checkpoint_req")),
    ("List<resource>", TypeExpr("array", items=TypeExpr("ref", ref="#type resource"))),
    ("Array of checkpoint_item", TypeExpr("array", items=TypeExpr("ref", ref="#type checkpoint_item"))),
    ("CheckpointReq[]", TypeExpr("array", items=TypeExpr("ref", ref="#type CheckpointReq"))),
    ("Dict<enterprise_project>", TypeExpr("ref", ref="#type enterprise_project")),
    ("Dict<String>", TypeExpr("map", items=S)),
    ("io.k8s.api.core.v1.Pod", TypeExpr("ref", ref="#type io.k8s.api.core.v1.Pod")),
    ("Data structure", TypeExpr("object", named_only=True)),  # says neither object nor array
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
    ("Objects in @0", TypeExpr("ref", ref="t")),  # geminidb: "Objects in Table 6"
    ("@0", TypeExpr("ref", ref="t", named_only=True)),  # object or array: the examples say
])
def test_types_with_refs(text, expected):
    assert parse_type(text, ("t",)) == expected


@pytest.mark.parametrize("text", ["String or Int", "see the description", "Map<String", "Array of"])
def test_unknown_types_are_none(text):
    assert parse_type(text) is None


def test_ranges_with_thousands_separators_and_exponents_are_read_whole():
    from generator.link.values import convert
    from generator.parse.facts import _RANGE
    assert _RANGE.search("The value ranges from 1 to 2,147,483,647.").groups() == ("1", "2,147,483,647")
    assert convert("2,147,483,647", "integer") == 2147483647
    assert _RANGE.search("Value range: 0 to 1.7976931348623157E108").groups() == ("0", "1.7976931348623157E108")


def test_options_that_apply_under_a_condition_are_not_a_closed_list():
    from generator.parse.facts import applies_under_condition
    assert applies_under_condition("The options for dedicated resource pools with GPU specifications are as follows:")
    assert applies_under_condition("If type is A, the value can be:")
    assert not applies_under_condition("The value can be:")
    assert not applies_under_condition("The options for this parameter are:")
    assert not applies_under_condition("Task type. If this parameter is not delivered, all are returned. "
                                       "The options are as follows:")


@pytest.mark.parametrize("text, expected", [
    ("Map<String,Stri ng>", TypeExpr("map", items=TypeExpr("string"))),  # data-arts-studio: a cell wrapped mid-word
    ("Inte ger", TypeExpr("integer", "int32")),
])
def test_a_type_word_broken_by_the_cell_wrap_is_read_whole(text, expected):
    assert parse_type(text) == expected


def test_two_words_of_the_grammar_are_not_joined():
    assert parse_type("Str ing") is None
