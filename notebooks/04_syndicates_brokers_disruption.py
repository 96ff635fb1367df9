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
# A syndicate here is a group of actors more densely tied to one another, by relations the
# decisions state, than to the rest of the network, found by community detection (Leiden
# algorithm, Traag, Waltman & van Eck, 2019) repeated many times to measure how stable each
# group is, and compared with the same procedure on rewired networks.
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
import pandas as pd

from analysis.network.robustness import measure_robustness
from analysis.network.temporal import syndicate_continuity, windowed_graphs
from analysis.report.display import not_built, note, show_table
from analysis.report.figures import save_figure
from analysis.report.network_facts import fact, network_facts
from analysis.report.network_views import disruption_table, syndicate_network
from analysis.report.setup import notebook_context

ctx = notebook_context(data_dir, processed_dir, figures_dir, fast)
data, tables = ctx.data, ctx.tables
syndicates, metrics = tables["syndicates"], tables["actor_metrics"]

# %%
not_built(tables, ["syndicates", "actor_metrics"])

# %%
facts = network_facts(tables)
show_table(facts, "Every number this report states about actors and syndicates, the table it is counted "
           "from and how (the brief reads the same table).", max_rows=40)

# %%
note(f"**{fact(facts, 'persons_with_role_in_2plus_decisions', 0)} persons with a part in the scheme** are named in "
     f"two or more decisions (**{fact(facts, 'persons_with_role_in_2plus_courts', 0)}** in more than one court), "
     f"beside **{fact(facts, 'companies_in_2plus_decisions', 0)} companies**, "
     f"**{fact(facts, 'agencies_in_2plus_decisions', 0)} agencies** and **{fact(facts, 'places_in_2plus_decisions', 0)} "
     f"places**. Agencies and places recur because every case passes through them; they are not links "
     f"between schemes and never count as syndicate members.")

# %% [markdown]
# ## Syndicates rest on stated ties, and are compared with a null model
#
# Members are persons with a part in the scheme and companies; two members are tied only when a
# decision states a relation between them (recruited, paid, escorted, ordered, worked for,
# co-defendant, or acting on the same victim). Being named in the same decision is shown as
# context, never as membership. Each syndicate's stability (how often repeated runs keep it
# together) is compared with the same procedure run on degree-preserving rewirings of its own
# component: a syndicate is **weak** when it is not clearly more stable than its rewired copies.

# %%
note(f"**{fact(facts, 'syndicates', 0)} syndicates** with **{fact(facts, 'syndicate_members', 0)} members**; the largest "
     f"has **{fact(facts, 'largest_syndicate', 0)}**. **{fact(facts, 'syndicates_not_weak', 0)}** are more stable "
     f"than their rewired copies; **{fact(facts, 'syndicates_in_2plus_decisions', 0)}** draw on two or more decisions "
     f"and **{fact(facts, 'syndicates_in_2plus_courts', 0)}** on decisions of more than one court.")

# %%
typology = (syndicates.groupby(["operation", "structure"]).size().rename("syndicates").reset_index()
            if len(syndicates) and "operation" in syndicates else pd.DataFrame(columns=["operation", "structure",
                                                                                      "syndicates"]))
show_table(typology, "Syndicates by reach (local: one regency; regional: one province or neighbouring ones; "
           "transregional: several provinces or abroad, after the UNODC Global Report typology) and by structure "
           "of their stated ties.")

# %%
profile_cols = [c for c in ["syndicate_id", "n_persons", "n_companies", "n_cases", "n_courts", "relations", "n_bridges",
                            "weak", "type", "role_mix", "destinations", "companies"] if c in syndicates.columns]
spanning = syndicates.loc[(syndicates["n_cases"].fillna(0).astype(int) >= 2)
                          | (syndicates["n_courts"].fillna(0).astype(int) >= 2)] if len(syndicates) else syndicates
show_table(spanning.sort_values(["n_courts", "n_cases"], ascending=False)[profile_cols],
           "Syndicates whose stated ties come from two or more decisions: persons (never named) and companies, the "
           "relations that tie them, their cut points (members whose removal splits them), whether they are weak, "
           "their type, roles, destinations and companies.", max_rows=15)

# %%
links = (syndicates[["syndicate_id", "court_links"]].explode("court_links").dropna()
         if len(syndicates) and "court_links" in syndicates else pd.DataFrame(columns=["syndicate_id", "court_links"]))
show_table(links, "Every stated tie that joins decisions of two courts, with its evidence (decision and "
           "character span); empty when no syndicate spans courts.", max_rows=30)

# %%
cols = [c for c in ["syndicate_id", "n_actors", "n_cases", "n_courts", "stability", "stability_null", "weak",
                    "n_bridges", "type"] if c in syndicates.columns]
show_table(syndicates.sort_values(["n_cases", "n_actors"], ascending=False)[cols],
           "Syndicates ordered by the number of decisions they span (stability: share of repeated runs that keep "
           "the group together; stability_null: the same on degree-preserving rewirings; weak: not clearly above "
           "the null).", max_rows=20)

# %%
tests = tables["network_tests"]
show_table(tests, "The stated-tie network as a whole: observed density and Freeman centralization, CUG tests "
           "against random graphs of the same size and density (p_ge: share of random graphs at least as "
           "high), and QAP correlations between relation layers.", max_rows=30)

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
# the way in or out), itinerant (also called consultant) and liaison (between others' groups).
# Groups here are roles (recruiter, sponsor, company, …).

# %%
broker_cols = [c for c in metrics.columns if c.startswith("brokerage_")]
top_brokers = metrics.sort_values("brokerage_total", ascending=False).head(15)[["actor_id", *broker_cols]] if "brokerage_total" in metrics else metrics.head(0)
show_table(top_brokers, "The 15 actors with most brokerage positions (persons by pseudonym).")

# %%
role_cols = [c for c in broker_cols if c != "brokerage_total"]
by_role = (metrics.groupby("primary_role")[role_cols].sum().astype(int)
           .rename(columns=lambda c: c.removeprefix("brokerage_")).reset_index()
           if role_cols and "primary_role" in metrics else pd.DataFrame(columns=["primary_role"]))
by_role = by_role.loc[by_role.drop(columns="primary_role").sum(axis=1) > 0] if len(by_role) else by_role
fig, ax = plt.subplots()
if len(by_role):
    by_role.set_index("primary_role").plot.barh(stacked=True, ax=ax)
    ax.legend(title="brokerage role", fontsize="small")
ax.set_title("Who brokers, and how")
ax.set_xlabel("brokerage positions (Gould & Fernandez)")
ax.set_ylabel("")
save_figure(fig, by_role, "brokerage_by_role",
            "Brokerage positions held by actors of each main role, split by the Gould–Fernandez type of "
            "brokerage: which kinds of actors connect groups, and whether they do so inside their own group "
            "(coordinator) or between groups.", out=figures_dir)

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
# ## How much do the results depend on missing data?
#
# Court records never hold the whole network: some actors are never named and some ties never
# stated. Following Borgatti, Carley & Krackhardt (2006), actors or ties are removed at random
# (10 % and 30 %) and the results recomputed: the share of the ten most central actors that stay
# in the top ten (1 = unchanged) and the agreement of the syndicates (normalised mutual
# information, 1 = identical).

# %%
network = syndicate_network(tables["actors"], tables["ties"]) if len(tables["actors"]) and len(tables["ties"]) else None
robust = (measure_robustness(network, rates=(0.1, 0.3), repeats=1 if fast else 3, n_runs=3 if fast else 10)
          if network is not None and network.number_of_nodes() > 10 else None)
if robust is not None:
    robust_table = (robust.groupby(["mode", "rate", "measure"], as_index=False)
                    .agg(top10_kept=("jaccard_topk", "mean"), rank_correlation=("kendall_tau", "mean"),
                         syndicate_agreement=("nmi", "mean")).round(3))
    fig, ax = plt.subplots()
    for (mode, measure), part in robust_table.groupby(["mode", "measure"]):
        y = part["syndicate_agreement"] if measure == "syndicates" else part["top10_kept"]
        ax.plot(part["rate"] * 100, y, marker="o", ls="-" if mode == "nodes" else "--", label=f"{measure}, {mode} missing")
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("share of actors or ties removed at random (%)")
    ax.set_ylabel("agreement with the full network")
    ax.set_title("Robustness of central actors and syndicates to missing data")
    ax.legend(fontsize="x-small", loc="lower left", ncol=2)
    shown = save_figure(fig, robust_table, "robustness_missing_data",
                        "How much of the top ten actors by each centrality (and of the syndicate partition) "
                        "survives when 10 % or 30 % of actors (solid) or ties (dashed) are removed at random; "
                        "1 means unchanged.", out=figures_dir)
else:
    shown = note("*Robustness not measured: the network is not built or too small.*")
shown

# %% [markdown]
# ## Do syndicates last over time?
#
# The network is cut into one network per year of the decisions; syndicates are found in each
# year and matched with the previous year's when they share at least 30 % of their members
# (Jaccard index; the matching idea of Greene, Doyle & Cunningham, 2010).

# %%
yearly = windowed_graphs(tables["ties"], tables["cases"]) if len(tables["ties"]) else {}
continuity = syndicate_continuity(yearly, n_runs=3 if fast else 10) if yearly else pd.DataFrame(
    columns=["window", "community", "n_actors", "matched", "jaccard", "continues"])
per_window = (continuity.groupby("window", as_index=False)
              .agg(syndicates=("community", "size"), continuing=("continues", "sum"))
              if len(continuity) else pd.DataFrame(columns=["window", "syndicates", "continuing"]))
fig, ax = plt.subplots()
if len(per_window):
    ax.bar(per_window["window"].astype(str), per_window["syndicates"], label="syndicates found")
    ax.bar(per_window["window"].astype(str), per_window["continuing"], label="continuing from the year before")
    ax.legend()
ax.set_title("Syndicates per year of decision and those that continue")
ax.set_ylabel("syndicates")
save_figure(fig, per_window, "syndicate_continuity",
            "Syndicates found in each year's network of decisions, and how many of them share at least 30 % "
            "of their members with a syndicate of the year before. Most years hold few decisions, so few "
            "groups can continue.", out=figures_dir)

# %% [markdown]
# ## Limits
#
# Syndicates are groups in the record of prosecutions, not confirmed organisations; a group
# with low stability may be an artefact of the method. Removal curves are a model of
# enforcement, not an evaluation of it.
