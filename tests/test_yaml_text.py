"""Docs values written into YAML stay strings for YAML 1.2 readers too; the data of a document is
what its text reads."""

from __future__ import annotations

import math

import pytest
import yaml

from generator.render.openapi import render_document
from generator.memo import Memo
from generator.render.yaml_text import memoised_yaml, to_yaml


@pytest.mark.parametrize("value", ["08", "23", "1_000", "0o17", "1.5e3", "true", "null", ".inf"])
def test_strings_that_a_yaml_1_2_reader_would_take_for_numbers_are_quoted(value):
    assert to_yaml(value) == f"'{value}'"


def test_other_strings_stay_plain():
    assert to_yaml("x08") == "x08"


def same_data(a: object, b: object) -> bool:
    """``a == b`` with the same types all the way down (a tuple is not a list) and NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same_data(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def test_a_documents_data_is_what_its_text_reads(seed_models):
    """Validation and the client read the document as data without reading its text back."""
    for name, built in seed_models.items():
        rendered = render_document(built.service, "seeds")
        assert same_data(rendered.data, yaml.load(rendered.text, Loader=yaml.CSafeLoader)), name


def test_blocks_dumped_before_are_taken_from_the_memo_and_are_the_same_text():
    memo = Memo()
    dump = memoised_yaml(memo)
    values = [{"a": [1, 2.0, "3", True, None]}, {"a": [1, 2, "3", 1, None]}, ["x", ("y",)], "plain", 7]
    assert [dump(v, 4) for v in values] == [to_yaml(v, 4) for v in values]
    assert len(memo.known) == 3  # the mappings and lists, each by its own repr
    again = Memo(memo.used)
    again.known = {key: "from the memo" for key in again.known}
    assert memoised_yaml(again)(values[0], 4) == "from the memo"
    assert memoised_yaml(again)(values[0], 6) == to_yaml(values[0], 6)  # another indent, another block
