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
# # Syndicates, brokers and what disrupts them
#
# A syndicate here is a group of actors more densely tied to one another than to the rest of
# the network, found by community detection on the cross-case network (Leiden algorithm,
# Traag, Waltman & van Eck, 2019) and repeated many times to measure how stable each group is.
# Brokers are actors who connect groups (Gould & Fernandez, 1989). Disruption asks how much of
# the network falls apart when given actors are removed.

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

from analysis import config
from analysis.report.display import not_built, note, show_table
from analysis.report.figures import save_figure, use_style
from analysis.report.network_views import disruption_table
from analysis.report.tables import load_report_tables

use_style()
data = config.data_dir(data_dir)
tables = load_report_tables(config.out_dir(processed_dir), data)
syndicates, metrics = tables["syndicates"], tables["actor_metrics"]

# %%
not_built(tables, ["syndicates", "actor_metrics"])

# %%
multi_court = int((syndicates["n_courts"].fillna(0).astype(int) > 1).sum()) if len(syndicates) else 0
note(f"**{len(syndicates)} syndicates** of two or more actors; **{multi_court}** span more than one court.")

# %%
cols = [c for c in ["syndicate_id", "n_actors", "n_cases", "n_courts", "stability", "first_year", "last_year",
                    "destinations", "companies"] if c in syndicates.columns]
show_table(syndicates.sort_values(["n_cases", "n_actors"], ascending=False)[cols],
           "Syndicates ordered by the number of decisions they span (stability: share of repeated runs "
           "that keep the group together; 1 = always).", max_rows=20)

# %%
fig, ax = plt.subplots()
if len(syndicates):
    ax.scatter(syndicates["n_actors"], syndicates["n_cases"], s=20 + 30 * syndicates["n_courts"].fillna(0).astype(float))
ax.set_title("Syndicate size and reach")
ax.set_xlabel("actors in the syndicate")
ax.set_ylabel("decisions the syndicate appears in")
save_figure(fig, syndicates[[c for c in ["syndicate_id", "n_actors", "n_cases", "n_courts"] if c in syndicates]],
            "syndicate_size_reach",
            "Each point is a syndicate: its number of actors against the number of decisions it "
            "appears in; larger points span more courts.", out=figures_dir)

# %% [markdown]
# ## Brokers
#
# Gould and Fernandez distinguish five brokerage roles by the groups of the two actors a broker
# connects: coordinator (all in one group), gatekeeper and representative (between groups, on
# the way in or out), consultant and liaison (between others' groups). Groups here are roles
# (recruiter, sponsor, company, …).

# %%
broker_cols = [c for c in metrics.columns if c.startswith("brokerage_")]
top_brokers = metrics.sort_values("brokerage_total", ascending=False).head(15)[["actor_id", *broker_cols]] if "brokerage_total" in metrics else metrics.head(0)
show_table(top_brokers, "The 15 actors with most brokerage positions (persons by pseudonym).")

# %% [markdown]
# ## Disruption
#
# Removing the most central actors first breaks a network fastest in theory; in practice the
# actors who can be arrested are not always those. The figure compares removal by number of
# partners (degree), by brokerage position (betweenness) and at random, measuring the share of
# actors still joined to the largest connected group.

# %%
curves = disruption_table(tables["actors"], tables["ties"], k=10 if fast else 20, repeats=3 if fast else 10)
fig, ax = plt.subplots()
for strategy, part in curves.groupby("strategy"):
    ax.plot(part["n_removed"], part["largest_share"] * 100, marker="o", label=strategy)
ax.set_title("Network fragmentation as actors are removed")
ax.set_xlabel("actors removed")
ax.set_ylabel("actors in the largest connected group (%)")
if len(curves):
    ax.legend()
save_figure(fig, curves, "disruption_curves",
            "Share of actors in the largest connected group of the cross-case network as actors are "
            "removed: highest degree first, highest betweenness first, or at random (mean of repeated "
            "runs). A steeper fall means a more fragile network.", out=figures_dir)

# %% [markdown]
# ## Limits
#
# Syndicates are groups in the record of prosecutions, not confirmed organisations; a group
# with low stability may be an artefact of the method. Removal curves are a model of
# enforcement, not an evaluation of it.
