"""The ``series`` table shaped for reading: a catalogue of series and single series to plot.

>>> import pandas as pd
>>> s = pd.DataFrame({"series_id": ["a", "a", "b"], "source": ["x", "x", "y"], "freq": ["Y", "Y", "M"],
...     "period_start": pd.to_datetime(["2020-01-01", "2021-01-01", "2024-05-01"]), "count": [1.0, None, 4.0]})
>>> series_catalogue(s)[["series_id", "periods", "observed", "first", "last"]].values.tolist()
[['a', 2, 1, '2020-01', '2021-01'], ['b', 1, 1, '2024-05', '2024-05']]
>>> one_series(s, "a")["count"].tolist()
[1.0, nan]
"""

from __future__ import annotations

import pandas as pd

CATALOGUE = ["series_id", "source", "freq", "periods", "observed", "first", "last", "total"]


def series_catalogue(series: pd.DataFrame, contains: str | None = None) -> pd.DataFrame:
    """One row per series: periods on its grid, periods with a value, first and last period, total."""
    if not len(series):
        return pd.DataFrame(columns=CATALOGUE)
    s = series if contains is None else series[series["series_id"].str.contains(contains, regex=False)]
    count = pd.to_numeric(s["count"], errors="coerce")
    g = s.assign(_c=count).groupby("series_id", sort=True)
    out = pd.DataFrame({
        "source": g["source"].first(), "freq": g["freq"].first(), "periods": g.size(),
        "observed": g["_c"].count(), "first": g["period_start"].min().dt.strftime("%Y-%m"),
        "last": g["period_start"].max().dt.strftime("%Y-%m"), "total": g["_c"].sum(min_count=1),
    }).reset_index()
    return out[CATALOGUE]


def one_series(series: pd.DataFrame, series_id: str) -> pd.DataFrame:
    """``period_start``, ``count`` of one series in time order (missing periods stay NaN)."""
    rows = series[series["series_id"] == series_id]
    out = pd.DataFrame({"period_start": pd.to_datetime(rows["period_start"]),
                        "count": pd.to_numeric(rows["count"], errors="coerce").astype(float)})
    return out.sort_values("period_start").reset_index(drop=True)


def first_matching(series: pd.DataFrame, *fragments: str) -> str | None:
    """The first series id (sorted) containing every fragment, or None.

    >>> import pandas as pd
    >>> first_matching(pd.DataFrame({"series_id": ["x/M", "x/Y"]}), "x", "/Y")
    'x/Y'
    """
    if not len(series):
        return None
    ids = sorted(set(series["series_id"]))
    return next((i for i in ids if all(f in i for f in fragments)), None)


def try_model(fit, *args, **kwargs) -> tuple[object | None, str | None]:
    """``(result, None)`` when ``fit(*args, **kwargs)`` succeeds, ``(None, reason)`` when the data
    cannot support the model (``ValueError``/``KeyError``), so a report states why a model is absent.

    >>> try_model(int, "7"), try_model(int, "seven")[1]
    ((7, None), "invalid literal for int() with base 10: 'seven'")
    """
    try:
        return fit(*args, **kwargs), None
    except (ValueError, KeyError) as exc:
        return None, str(exc)


def seasonality_table(answers: dict) -> pd.DataFrame:
    """One row per series from ``timeseries.questions.seasonality_answers``: months observed,
    peak and trough month, peak/trough ratio and p-value — or the reason no model was fitted.

    >>> seasonality_table({"a/M": "too short"}).values.tolist()
    [['a/M', None, None, None, None, None, 'too short']]
    """
    rows = []
    for sid, res in answers.items():
        if isinstance(res, str):
            rows.append({"series_id": sid, "months_observed": None, "peak_month": None, "trough_month": None,
                         "peak_to_trough": None, "p_value": None, "note": res})
        else:
            rows.append({"series_id": sid, "months_observed": res.n_observed, "peak_month": res.peak_month,
                         "trough_month": res.trough_month, "peak_to_trough": round(float(res.peak_to_trough), 2),
                         "p_value": float(f"{res.p_value:.3g}"), "note": ""})
    return pd.DataFrame(rows, columns=["series_id", "months_observed", "peak_month", "trough_month",
                                       "peak_to_trough", "p_value", "note"])


def model_view(result, why_not: str | None, name: str, caption: str, *, out=None, table: pd.DataFrame | None = None,
               title: str | None = None):
    """The figure of a fitted model saved with its table and caption, or a note saying why it is absent.

    ``result`` is any time-series result object with ``plot(ax)`` and ``table()`` (ITS, forecast,
    change points, STL); ``table`` overrides the numbers saved beside the figure and ``title`` the
    plot's own title (which may be a series id).

    >>> model_view(None, "too short", "x", "A caption long enough.").text
    '*Not estimated: too short.*'
    """
    import matplotlib.pyplot as plt

    from analysis.report.display import note
    from analysis.report.figures import save_figure

    if result is None:
        return note(f"*Not estimated: {why_not}.*")
    fig, ax = plt.subplots()
    result.plot(ax)
    if title is not None:
        ax.set_title(title)
    return save_figure(fig, result.table() if table is None else table, name, caption, out=out)


def result_notes(result) -> str:
    """The first line of a result's summary and its notes as a Markdown list ('' without a result).

    >>> result_notes(None)
    ''
    """
    if result is None:
        return ""
    head = result.summary().splitlines()[0]
    return "\n".join([f"**Model.** {head}."] + [f"- {n}" for n in getattr(result, "notes", [])])
