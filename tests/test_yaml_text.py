"""Docs values written into YAML stay strings for YAML 1.2 readers too."""

from __future__ import annotations

import pytest

from generator.render.yaml_text import to_yaml


@pytest.mark.parametrize("value", ["08", "23", "1_000", "0o17", "1.5e3", "true", "null", ".inf"])
def test_strings_that_a_yaml_1_2_reader_would_take_for_numbers_are_quoted(value):
    assert to_yaml(value) == f"'{value}'"


def test_other_strings_stay_plain():
    assert to_yaml("x08") == "x08"
