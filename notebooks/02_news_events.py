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
# # News reports: what events the press records
#
# Court decisions show the cases that reached a verdict. News reports show more: police
# operations, departures prevented at ports, victims sent home, and official statements with
# running totals. This report reads the facts extracted from news reports (`articles`,
# `events`) and a hand-made index of 62 real Indonesian news reports that serves as reference.

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

from analysis.news.index import VICTIM_UNIT
from analysis.report.display import not_built, note, show_table
from analysis.report.figures import save_figure
from analysis.report.quality import coverage_of_tables, rejects_summary
from analysis.report.setup import notebook_context
from analysis.report.source_views import reference_news
from analysis.report.summaries import count_values, per_year

ctx = notebook_context(data_dir, processed_dir, figures_dir, fast)
data, tables = ctx.data, ctx.tables
articles, events = tables["articles"], tables["events"]
reference = reference_news(tables, data)
index, index_events = reference["articles"], reference["events"]

# %% [markdown]
# ## The reference index of news reports
#
# Each row of the index is one published article with the facts it reports; several articles
# can report the same event. It was typed by hand from the articles and carries no article text.
# The build reads it into the same `articles` and `events` tables as the extracted news (article
# codes `NI-…`), with places, countries and agencies resolved by the same lists.

# %%
note(f"**{len(index)} articles** from **{index['outlet'].nunique()} outlets**, reporting "
     f"**{index['event_id'].nunique()} distinct events** published "
     f"{index['published_at'].min():%B %Y} – {index['published_at'].max():%B %Y}.")

# %%
per_year_index = per_year(index, "published_at", name="articles")
fig, ax = plt.subplots()
ax.bar(per_year_index["label"], per_year_index["articles"])
ax.set_title("News reports in the index by year of publication")
ax.set_ylabel("articles")
save_figure(fig, per_year_index, "news_index_articles_by_year",
            "Articles in the reference news index by year of publication. The index was compiled "
            "by hand, so the counts show what was collected, not how much the press wrote.",
            out=figures_dir)

# %%
show_table(count_values(index, "topic", top=12, name="articles"), "What the indexed articles are about.")

# %%
show_table(count_values(index, "countries", top=12, name="articles"),
           "Destination countries named in the indexed articles.")

# %%
victims_events = (index_events.loc[index_events["count_unit"] == VICTIM_UNIT].sort_values("date")
                  .drop_duplicates("event_id")[["event_id", "date", "places", "count"]]
                  .rename(columns={"count": "n_victims_or_cpmi"}))
show_table(victims_events, "Victims or prospective migrant workers reported per event (first article "
           "per event; counts below 5 hidden).", suppress=["n_victims_or_cpmi"], threshold=small_cell_threshold)

# %% [markdown]
# ## Events extracted from the articles
#
# The news step reads article text, removes page furniture (links to other stories, photo
# credits), anchors partial dates ("Selasa (10/12)") on the publication date and extracts one
# event per reported fact, with the sentence it came from.

# %%
not_built(tables, ["articles", "events"])

# %%
show_table(count_values(events, "event_type", name="events"), "Extracted events by type.")

# %%
events_year = per_year(events, "date", name="events")
fig, ax = plt.subplots()
ax.bar(events_year["label"], events_year["events"])
ax.set_title("Extracted news events by year")
ax.set_ylabel("events")
save_figure(fig, events_year, "news_events_by_year",
            "Events extracted from news articles by the year they happened (or were reported, "
            "when the article gives no date of its own).", out=figures_dir)

# %%
show_table(count_values(events, "countries", top=12, name="events"), "Countries named in extracted events.")

# %%
show_table(count_values(events, "agencies", top=12, name="events"), "Agencies named in extracted events.")

# %% tags=["academic"]
show_table(coverage_of_tables(tables, ["articles", "events"]), "Coverage of every field of the news tables.",
           max_rows=60)

# %% tags=["academic"]
news_rejects = tables["rejects"]
show_table(rejects_summary(news_rejects), "Rejected inputs by stage and reason (all sources).")

# %% [markdown]
# ## What news can and cannot show
#
# News follows what is newsworthy and what officials announce: large operations and
# repatriations are reported, routine prosecutions rarely. Several articles often repeat one
# official figure, so articles are grouped by event before anything is counted. Totals quoted
# by officials are running sums for a period and are not added to one another.
