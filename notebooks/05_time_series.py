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

from analysis import config
from analysis.report.display import not_built, note, show_table
from analysis.report.figures import save_figure, use_style
from analysis.report.series_views import first_matching, one_series, seasonality_table, series_catalogue, try_model
from analysis.report.source_views import series_for_report
from analysis.report.tables import load_report_tables
from analysis.timeseries.questions import satgas_decision_its, seasonality_answers

use_style()
data = config.data_dir(data_dir)
tables = load_report_tables(config.out_dir(processed_dir), data)
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
