"""The runnable examples in the report package's docstrings hold."""

import doctest
import importlib
import pkgutil

import pytest

import analysis.report

MODULES = sorted(m.name for m in pkgutil.iter_modules(analysis.report.__path__, "analysis.report."))


def test_every_module_is_listed():
    assert "analysis.report.render" in MODULES and "analysis.report.privacy_checks" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: {result.failed} failing example(s)"
