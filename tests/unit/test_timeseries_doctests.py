"""The runnable examples in the time-series and official-source modules' docstrings."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "analysis.sources.official_stats", "analysis.sources.tip_flows",
    "analysis.timeseries", "analysis.timeseries.changepoints", "analysis.timeseries.checks", 
    "analysis.timeseries.decompose", "analysis.timeseries.design", "analysis.timeseries.forecast",
    "analysis.timeseries.glm", "analysis.timeseries.grid", "analysis.timeseries.groups", "analysis.timeseries.its",
    "analysis.timeseries.questions", "analysis.timeseries.results", "analysis.timeseries.seasonality",
    "analysis.timeseries.series", "analysis.timeseries.series_cases", "analysis.timeseries.series_events",
    "analysis.timeseries.series_official",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0
