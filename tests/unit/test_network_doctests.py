"""The runnable examples in the network modules' docstrings stay correct."""

import doctest
import importlib

import pytest

MODULES = ["loaders", "graphs", "engine", "measures", "brokerage", "syndicates", "disruption", "robustness",
           "temporal", "export", "tables", "significance", "positions"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"analysis.network.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
