# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Counts over time: decisions, news events and official figures
#
# This report lines up the counts that can be followed over time: court decisions by month,
# events in the news, migrant-worker placements and complaints published by the placement
# agency (BP2MI), police trafficking figures, and the number of times the US Trafficking in
# Persons reports name Indonesia as a source country. Each series keeps its source; a missing
# period is shown as a gap, never as a zero.

# %% tags=["parameters"]
data_dir = None
processed_dir = None
figures_dir = None
reports_dir = None
small_cell_threshold = 5
max_nodes = 600
fast = False

# %% tags=["academic"]
import matplotlib.pyplot as plt
import pandas as pd

from analysis.report.display import not_built, note, show_table
from analysis.report.figures import save_figure
from analysis.report.series_views import (
    first_matching,
    model_view,
    one_series,
    result_notes,
    seasonality_table,
    series_catalogue,
    try_model,
)
from analysis.report.setup import notebook_context
from analysis.report.source_views import series_for_report
from analysis.sources.official_stats import load_official_stats
from analysis.timeseries import detect_changepoints, get_series, stl_decompose
from analysis.timeseries.questions import (
    forecast_for,
    growing_groups,
    satgas_decision_its,
    satgas_rate_comparison,
    seasonality_answers,
)

ctx = notebook_context(data_dir, processed_dir, figures_dir, fast)
data, tables = ctx.data, ctx.tables
series = series_for_report(tables, data)

# %%
not_built(tables, ["series"])

# %%
catalogue = series_catalogue(series)
note(f"**{len(catalogue)} series** from **{catalogue['source'].nunique() if len(catalogue) else 0} sources**.")

# %% tags=["academic"]
show_table(catalogue, "Every series: its frequency, periods on its grid, periods with a value, span and total.",
           max_rows=400)

# %% [markdown]
# ## Court decisions by month
#
# The month of the decision date, as read from each decision. The collection is concentrated
# in 2024–2025 because of how it was gathered, so the level says little; the figure shows
# where the collection is dense enough to compare months.

# %%
sid = first_matching(series, "decisions_by_decision_date", "/M")
decisions = one_series(series, sid) if sid else one_series(series, "")
fig, ax = plt.subplots()
ax.bar(decisions["period_start"], decisions["count"].fillna(0), width=25)
ax.set_title("Court decisions per month")
ax.set_ylabel("decisions")
save_figure(fig, decisions, "decisions_per_month",
            "Court decisions in the collection per month of decision date.", out=figures_dir)

# %% [markdown]
# ## Migrant-worker placements and complaints (BP2MI)

# %%
placements = one_series(series, first_matching(series, "penempatan_total", "/M") or "")
complaints = one_series(series, first_matching(series, "pengaduan_total", "/M") or "")
fig, ax = plt.subplots()
ax.plot(placements["period_start"], placements["count"], label="placements")
ax.set_ylabel("placements per month")
ax2 = ax.twinx()
ax2.plot(complaints["period_start"], complaints["count"], color="#D55E00", label="complaints")
ax2.set_ylabel("complaints per month")
ax2.grid(False)
ax.set_title("Placements abroad and complaints of migrant workers")
fig.legend(loc="upper left", bbox_to_anchor=(0.1, 0.88))
both = placements.rename(columns={"count": "placements"}).merge(
    complaints.rename(columns={"count": "complaints"}), on="period_start", how="outer")
save_figure(fig, both, "bp2mi_placements_complaints",
            "Monthly placements of Indonesian migrant workers abroad (left axis) and complaints received "
            "by BP2MI (right axis), as published; gaps are months without a published figure.",
            out=figures_dir)

# %% [markdown]
# ## Indonesia as a source country in the US Trafficking in Persons reports

# %%
tip = one_series(series, first_matching(series, "tip/indonesia_source_mentions/Y") or "")
fig, ax = plt.subplots()
ax.plot(tip["period_start"].dt.year, tip["count"], marker="o")
ax.set_title("Destinations linked to Indonesia as a source, per TIP report")
ax.set_xlabel("report year")
ax.set_ylabel("source→destination mentions")
save_figure(fig, tip, "tip_indonesia_source_mentions",
            "How many destination countries the US Trafficking in Persons report of each year names "
            "for people trafficked from Indonesia (2001–2016). A change can reflect reporting practice "
            "as much as trafficking.", out=figures_dir)

# %% [markdown]
# ## Did the police report more cases during the 2023 task force?
#
# In June 2023 the police set up a trafficking task force (Satgas TPPO) and published running
# totals of its police reports. Their rate per day is set beside the rate the police reported
# for earlier periods. The ratio uses an exact test for two Poisson rates; it compares what was
# *reported*, and a task force set up to find cases will report more of them whether or not
# trafficking changed.

# %%
official = load_official_stats(data)
rates, why_not = try_model(satgas_rate_comparison, official["figures"], official["satgas_increments"])
if rates is not None:
    rates_shown = rates[["window", "period_start", "period_end", "count", "days", "per_day",
                         "task_force_rate_ratio", "ci_low", "ci_high"]].round(
        {"per_day": 3, "task_force_rate_ratio": 1, "ci_low": 1, "ci_high": 1})
    fig, ax = plt.subplots()
    labels = [f"{w}\n{s:%b %Y}–{e:%b %Y}" for w, s, e in zip(rates["window"], rates["period_start"], rates["period_end"])]
    ax.bar(labels, rates["per_day"])
    ax.set_ylabel("police reports per day")
    ax.set_title("Police trafficking reports per day, before and during the task force")
    shown = save_figure(fig, rates_shown, "satgas_rate_comparison",
                        "Police trafficking reports per day in earlier periods (police figures) and during the "
                        "2023 task force (its running totals). The task force was set up to find cases, so a "
                        "higher rate shows more enforcement activity, not more trafficking.", out=figures_dir)
else:
    shown = note(f"*Not compared: {why_not}.*")
shown

# %%
note(f"During the task force the police reported **{rates['per_day'].iloc[-1]:.1f} cases a day**, "
     f"{rates['task_force_rate_ratio'].min():.0f}–{rates['task_force_rate_ratio'].max():.0f} times the daily rate "
     f"of the earlier periods (95% intervals {rates['ci_low'].min():.0f}–{rates['ci_high'].max():.0f}). Definitions "
     "and counting rules of the two sources may differ; the figure shows a change in reporting."
     if rates is not None else "")

# %% [markdown]
# ## Did the 2023 task force change the number of decisions?
#
# In June 2023 the police set up a trafficking task force (Satgas TPPO). An interrupted time
# series (segmented regression of monthly counts with a step at the intervention; Lopez Bernal,
# Cummins & Gasparrini, 2017) compares decisions after that month with the trend before it.
# The caveats printed with the result matter more than the estimate.

# %%
its, why_not = try_model(satgas_decision_its, series)
if its is not None:
    fig, ax = plt.subplots()
    its.plot(ax)
    its_table = pd.DataFrame({"time": its.time, "observed": its.observed, "fitted": its.fitted,
                              "counterfactual": its.counterfactual})
    shown = save_figure(fig, its_table, "its_decisions_satgas",
                        "Court decisions per month (points), the fitted segmented regression (line) and the "
                        "level expected without the June 2023 task force (dashed). See the caveats below.",
                        out=figures_dir)
else:
    shown = note(f"*Not estimated: {why_not}.*")
shown

# %%
note("\n".join([f"**Estimate.** {its.summary().splitlines()[1]}."] + [f"- {n}" for n in its.notes])
     if its is not None else "")

# %% [markdown]
# ## When did the number of decisions change?
#
# Change points split the monthly decisions into stretches with a steady mean (PELT with a
# Poisson cost; Killick, Fearnhead & Eckley, 2012). In this collection the main break marks
# where the gathering of decisions became dense, which is why the later models start there.

# %%
decisions_id = first_matching(series, "cases/decisions_by_decision_date/M") or ""
changes, why_not = try_model(lambda: detect_changepoints(get_series(series, decisions_id), name="decisions per month"))
model_view(changes, why_not, "decisions_changepoints",
           "Court decisions per month (grey) and the mean of each stretch between change points (red). "
           "A break can be a change in how many decisions were collected, not in how many were made.",
           out=figures_dir, title="Court decisions per month: change points")

# %%
show_table(changes.table() if changes is not None else pd.DataFrame(),
           "Stretches between change points: first and last month, months, and mean decisions per month.")

# %% [markdown]
# ## Trend and season of monthly decisions
#
# Seasonal-trend decomposition by Loess (STL; Cleveland et al., 1990) splits a series into a
# smooth trend, a repeating yearly pattern and the rest. It needs a series without gaps covering
# at least two years.

# %%
stl, why_not = try_model(lambda: stl_decompose(get_series(series, decisions_id), name="decisions per month"))
model_view(stl, why_not, "decisions_stl",
           "Court decisions per month (grey) with their smooth trend and yearly seasonal pattern (STL). "
           "The trend follows the collection more than the courts.", out=figures_dir,
           table=stl.components.reset_index() if stl is not None else None,
           title="Court decisions per month: trend and season")

# %%
note(f"Strength of the yearly pattern: **{stl.seasonal_strength:.2f}**, of the trend: **{stl.trend_strength:.2f}** "
     "(0 = none, 1 = all variation)." if stl is not None else "")

# %% [markdown]
# ## Which destinations and provinces grow?
#
# For each destination country named in decisions, and each home province of migrant workers
# placed abroad, a count model gives the yearly growth ratio (1 = no change; 2 = doubling a
# year). For decisions the share of all decisions is modelled, so that the growth of the
# collection itself cancels out.

# %%
grow_dest, why_dest = try_model(growing_groups, series, source="cases", measure="decisions_by_decision_date",
                                group_kind="destination", freq="Q", start="2024-01-01", relative=True)
grow_prov, why_prov = try_model(growing_groups, series, source="official:bp2mi_penempatan",
                                measure="penempatan_provinsi", group_kind="province", freq="M")
jatim_source = next((s for s in sorted(set(series["source"])) if "jatim" in s), "") if len(series) else ""
grow_regency, why_regency = try_model(growing_groups, series, source=jatim_source, measure="penempatan_kabupaten",
                                      group_kind="regency", freq="Y")
growth_cols = ["group", "n_periods", "total", "rate_ratio", "ci_low", "ci_high", "p_value"]


def _growth(t):
    if t is None:
        return pd.DataFrame(columns=growth_cols)
    return t.loc[t["skipped"].isna() & (t["group"] != "unknown"), growth_cols].round(3).sort_values(
        "rate_ratio", ascending=False)


show_table(_growth(grow_dest), "Destinations named in decisions since 2024 (by quarter): yearly change of their "
           "share of decisions (rate ratio with 95% interval)." + (f" Not estimated: {why_dest}." if why_dest else ""),
           max_rows=15)

# %%
show_table(_growth(grow_prov), "Provinces of origin of migrant workers placed abroad (BP2MI): yearly growth of "
           "placements (rate ratio with 95% interval)." + (f" Not estimated: {why_prov}." if why_prov else ""),
           max_rows=15)

# %%
show_table(_growth(grow_regency), "Regencies of East Java, 2011–2025: yearly growth of placements abroad (rate "
           "ratio with 95% interval; figures extracted from published PDFs by a third party, 2025 partial)."
           + (f" Not estimated: {why_regency}." if why_regency else ""), max_rows=15)

# %%
top_growth = _growth(grow_dest).head(10)
fig, ax = plt.subplots()
if len(top_growth):
    y = range(len(top_growth))[::-1]
    ax.errorbar(top_growth["rate_ratio"], list(y), xerr=[top_growth["rate_ratio"] - top_growth["ci_low"],
                top_growth["ci_high"] - top_growth["rate_ratio"]], fmt="o")
    ax.set_yticks(list(y), top_growth["group"])
    ax.set_xscale("log")
ax.axvline(1, color="0.5", lw=0.8)
ax.set_title("Destinations gaining share of decisions")
ax.set_xlabel("yearly change of share (1 = none, log scale)")
save_figure(fig, top_growth, "growing_destinations",
            "Destination countries whose share of court decisions grew most each year since 2024, with 95% "
            "intervals; an interval crossing 1 means no clear change.", out=figures_dir)

# %% [markdown]
# ## What the next months may hold
#
# A seasonal ARIMA model (statsmodels' SARIMAX) fitted to the months where the collection is
# dense gives a forecast with 95% intervals. The wide intervals are the message: a short,
# collection-driven series predicts little.

# %%
dense_from = str(changes.segments["start"].iloc[1].date()) if changes is not None and len(changes.segments) > 1 else None
forecast, why_not = try_model(forecast_for, series, decisions_id, steps=6 if fast else 12, start=dense_from)
model_view(forecast, why_not, "decisions_forecast",
           "Court decisions per month in the collection since it became dense, and a forecast of the next "
           "months with 95% prediction intervals (shaded).", out=figures_dir,
           title="Court decisions per month: forecast")

# %%
note(result_notes(forecast))

# %% [markdown]
# ## Seasonality
#
# Months of the year with more or fewer complaints, placements or decisions than the series'
# trend predicts (a Poisson model with one yearly harmonic).

# %%
seasons = seasonality_answers(series)
show_table(seasonality_table(seasons), "Seasonal pattern per monthly series: peak month and strength of the yearly "
           "cycle, or the reason a series could not support the model.")

# %% [markdown]
# ## What these series cannot show
#
# None of these counts is a count of trafficking. Decisions count prosecutions that reached a
# verdict and were published; news counts what was reported; placements and complaints count
# administrative acts of one agency whose definitions changed over the years. Comparing levels
# across series is not meaningful; comparing their changes over time needs care.
