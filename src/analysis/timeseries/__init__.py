"""Case counts over time: tidy series from decisions, news, official figures and TIP reports,
and the models that read them (STL, count GLMs, interrupted time series, SARIMAX, change points).

>>> from analysis.timeseries import interrupted_time_series
>>> callable(interrupted_time_series)
True
"""

from analysis.timeseries.changepoints import ChangepointResult, detect_changepoints
from analysis.timeseries.decompose import STLResult, stl_decompose
from analysis.timeseries.forecast import ForecastResult, sarimax_forecast
from analysis.timeseries.glm import CountGLMResult, count_glm, overdispersion_test
from analysis.timeseries.groups import group_trends
from analysis.timeseries.its import ITSResult, interrupted_time_series
from analysis.timeseries.seasonality import SeasonalityResult, seasonal_pattern
from analysis.timeseries.series import build_series_tables, get_series

__all__ = [
    "ChangepointResult", "CountGLMResult", "ForecastResult", "ITSResult", "STLResult", "SeasonalityResult",
    "build_series_tables", "count_glm", "detect_changepoints", "get_series", "group_trends",
    "interrupted_time_series", "overdispersion_test", "sarimax_forecast", "seasonal_pattern", "stl_decompose",
]
