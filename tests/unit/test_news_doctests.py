"""The runnable examples in the news modules' docstrings."""

import doctest
import importlib

import pytest

MODULES = ["anchor", "clean", "counts", "dedup", "entities", "evaluate", "events", "gazetteer", "index",
           "language", "lexicon", "link", "pipeline", "place", "readers", "sentences"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    mod = importlib.import_module(f"analysis.news.{name}")
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and (result.attempted > 0 or name == "lexicon")
