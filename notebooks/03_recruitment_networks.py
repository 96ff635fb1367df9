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
# # Recruitment networks: who works with whom across cases
#
# Each decision names defendants, fugitives (DPO), recruiters, sponsors, placement companies
# and shelters, and says who recruited, paid, sheltered or sent whom. Joined across decisions,
# the same fugitive or company links cases heard in different courts and years. This report
# shows that network. Persons appear only under pseudonyms (`P-…`); companies under their names,
# except a company named after a person, whose name is withheld.

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
from analysis.report.explorer import show_explorer
from analysis.report.figures import save_figure, use_style
from analysis.report.summaries import count_values
from analysis.report.tables import load_report_tables

use_style()
data = config.data_dir(data_dir)
tables = load_report_tables(config.out_dir(processed_dir), data)
actors, ties, metrics = tables["actors"], tables["ties"], tables["actor_metrics"]

# %%
not_built(tables, ["actors", "ties", "actor_metrics"])

# %%
multi = int((actors["n_cases"].fillna(0).astype(int) > 1).sum()) if len(actors) else 0
note(f"**{len(actors)} actors** (persons, companies, places, agencies) joined by **{len(ties)} observed "
     f"relations**; **{multi} actors appear in more than one decision** — the links that make cross-case "
     f"structure visible.")

# %%
show_table(count_values(actors, "kind", name="actors"), "Actors by kind.")

# %%
roles = count_values(actors, "roles", top=15, name="actors")
fig, ax = plt.subplots()
ax.barh(roles["roles"][::-1].astype(str), roles["actors"][::-1])
ax.set_title("Roles the decisions give to actors")
ax.set_xlabel("actors")
save_figure(fig, roles, "actor_roles",
            "Number of actors holding each role in at least one decision (an actor can hold several).",
            out=figures_dir)

# %%
relations = count_values(ties, "relation", name="ties")
fig, ax = plt.subplots()
ax.barh(relations["relation"][::-1].astype(str), relations["ties"][::-1])
ax.set_title("Relations observed between actors")
ax.set_xlabel("ties (one per decision that states the relation)")
save_figure(fig, relations, "tie_relations",
            "Observed relations between actors by type, counted once per decision that states them.",
            out=figures_dir)

# %%
n_cases = actors["n_cases"].fillna(0).astype(int).value_counts().sort_index().rename_axis("decisions").rename("actors").reset_index() if len(actors) else actors.head(0)
show_table(n_cases, "How many decisions each actor appears in.")

# %%
companies = actors[actors["kind"] == "company"].sort_values(["n_cases", "label"], ascending=[False, True])
show_table(companies[["label", "n_cases"]].rename(columns={"label": "company", "n_cases": "decisions"}),
           "Placement and other companies named in the decisions, by the number of decisions naming them "
           "(companies are not personal data).", max_rows=20)

# %% [markdown]
# ## Explore the network
#
# Filter by syndicate, role, year or court; click an actor to list its cases. The same page
# is saved as `reports/explorer.html` and opens offline in any browser.

# %%
show_explorer(actors, ties, metrics, tables["syndicates"], tables["cases"], max_nodes=max_nodes)

# %% [markdown]
# ## Central actors
#
# Degree counts an actor's direct partners; betweenness counts how often an actor lies on the
# shortest path between two others (Freeman, 1977) — a broker between otherwise separate groups.

# %%
cols = [c for c in ["actor_id", "degree", "betweenness", "brokerage_total", "syndicate_id"] if c in metrics.columns]
top = metrics.sort_values("betweenness", ascending=False).head(15)[cols] if "betweenness" in metrics else metrics.head(0)[cols]
show_table(top, "The 15 actors with the highest betweenness (persons by pseudonym).")

# %% [markdown]
# ## Limits
#
# The network holds only what decisions state. Actors who were never prosecuted appear only
# when a decision names them, and one person spelled two ways may count twice (or two people
# with one name once) — the linking step keeps uncertain matches apart and lists them for review.
