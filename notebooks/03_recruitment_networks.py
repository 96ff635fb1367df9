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
import networkx as nx
import pandas as pd

from analysis.network import geography, graphs, loaders
from analysis.report.display import not_built, note, show_table
from analysis.report.explorer import show_explorer
from analysis.report.figures import save_figure
from analysis.report.network_views import edge_table, graph_summary, syndicate_network
from analysis.report.setup import notebook_context
from analysis.report.summaries import count_values

ctx = notebook_context(data_dir, processed_dir, figures_dir, fast)
data, tables = ctx.data, ctx.tables
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
# ## From home to destination: the routes in the decisions
#
# Each decision names places: where victims were recruited (origin), where they waited or
# crossed (transit: ports, border towns, shelters' cities) and where they were sent
# (destination). Joining them within each decision gives a flow network; an arrow's weight is the
# number of decisions that describe that leg.

# %%
flows = graphs.flow_network(actors, ties, tables["cases"]) if len(actors) and len(ties) else None
place_names = dict(zip(actors["actor_id"], actors["label"])) if len(actors) else {}


def _place(node):
    return str(node).split(":", 1)[1] if str(node).startswith("country:") else str(place_names.get(node, node))


legs = edge_table(flows) if flows is not None else pd.DataFrame(columns=["source", "target", "weight"])
if len(legs):
    stage = dict(flows.nodes(data="stage"))
    legs = legs.assign(from_stage=legs["source"].map(stage), to_stage=legs["target"].map(stage),
                       source=legs["source"].map(_place), target=legs["target"].map(_place))
    legs = legs.rename(columns={"source": "from", "target": "to", "weight": "decisions"})
note(f"**{flows.number_of_nodes()} places** joined by **{flows.number_of_edges()} route legs**."
     if flows is not None else "*No places yet: the case tables are not built.*")

# %%
top_legs = legs.head(15)
fig, ax = plt.subplots(figsize=(7, 5))
if len(top_legs):
    ax.barh([f"{a} → {b}" for a, b in zip(top_legs["from"], top_legs["to"])][::-1], top_legs["decisions"][::-1])
ax.set_title("Most frequent route legs")
ax.set_xlabel("decisions describing the leg")
save_figure(fig, top_legs, "flow_route_legs",
            "The 15 legs of the origin → transit → destination routes named in most court decisions "
            "(a decision counts once per leg it describes).", out=figures_dir)

# %% [markdown]
# ## Where victims are recruited from
#
# The `victims` table reads, for each decision, the victims (or the group, when only a count is
# given), the regency and province they come from, the places they passed through and where
# they were taken. Counts of fewer than five victims are shown as `<5`. No maintained boundary
# file of Indonesian regencies installs from the package registries, so origins are ranked here
# rather than mapped.

# %%
victims = tables["victims"]
provinces = geography.province_totals(victims)
fig, ax = plt.subplots(figsize=(7, 5))
top_prov = provinces.dropna(subset=["origin_province"]).head(12)
if len(top_prov):
    ax.barh(top_prov["origin_province"].astype(str)[::-1], top_prov["n_victims"].fillna(0).astype(int)[::-1])
ax.set_title("Victims by province of origin")
ax.set_xlabel("victims named or counted in the decisions")
save_figure(fig, geography.for_policy(top_prov, ["n_victims", "n_cases"], small_cell_threshold), "victims_by_province",
            "Victims by the province they were recruited from, as the decisions state it (the 12 provinces "
            "with most victims; counts below 5 hidden in the table).", out=figures_dir)

# %%
routes = geography.recruitment_flows(victims)
show_table(routes.dropna(subset=["origin_regency"]).head(20), "The routes victims took, origin regency → transit → "
           "destination, with victims and decisions (counts below 5 hidden).", suppress=["n_victims", "n_cases"],
           threshold=small_cell_threshold)

# %%
origin_syn = tables["origin_syndicates"]
show_table(origin_syn.head(20), "Which syndicates recruit where: origin regencies of victims joined to the syndicates "
           "whose members act in the same decisions (counts below 5 hidden).",
           suppress=[c for c in ["n_cases", "n_victims"] if c in origin_syn.columns], threshold=small_cell_threshold)

# %% [markdown]
# ## Indonesia among source countries in the US Trafficking in Persons reports, 2001–2016
#
# The US State Department's yearly reports name the countries people are trafficked from and to.
# Read as a country network, Indonesia's out-degree is the number of destinations named for
# people from Indonesia; its rank compares it with every other source country that year.

# %%
tip_edges = loaders.read_tip_edges(data / "networks" / "tip_country_network")
tip_ranks = graphs.tip_source_ranks(tip_edges, "Indonesia")
fig, ax = plt.subplots()
ax.plot(tip_ranks["year"], tip_ranks["rank_out_degree"].astype(float), marker="o", label="by destinations named")
ax.plot(tip_ranks["year"], tip_ranks["rank_out_strength"].astype(float), marker="s", label="by mentions")
ax.invert_yaxis()
ax.set_title("Indonesia's rank among source countries (1 = most)")
ax.set_xlabel("report year")
ax.set_ylabel("rank")
ax.legend()
save_figure(fig, tip_ranks, "tip_indonesia_rank",
            "Indonesia's rank among all source countries in each US Trafficking in Persons report, by the "
            "number of destination countries named (circles) and by mentions (squares). Rank 1 is the source "
            "with most destinations; the count of source countries each year is in the table.",
            out=figures_dir)

# %%
note(f"Across 2001–2016 Indonesia ranked between **{int(tip_ranks['rank_out_degree'].min())}** and "
     f"**{int(tip_ranks['rank_out_degree'].max())}** among {int(tip_ranks['n_sources'].min())}–"
     f"{int(tip_ranks['n_sources'].max())} source countries by the number of destinations named.")

# %% [markdown]
# ## Which agencies act together: the news
#
# News reports name the agencies that took part in each event (police, immigration, the placement
# agency BP2MI and its provincial offices, local governments). Two agencies are tied when they
# appear in the same event; Newman's weight (Newman, 2001) counts an event shared by many agencies
# for less than one shared by two.

# %%
event_agencies = ctx.table("event_agencies")
coaction = (graphs.agency_coaction(event_agencies) if {"event_id", "agency"} <= set(event_agencies.columns)
            and len(event_agencies) else None)
if coaction is not None:
    pairs = edge_table(coaction, weight="weight").rename(columns={"source": "agency", "target": "with agency",
                                                                  "weight": "shared events"})
    pairs["newman_weight"] = [round(coaction.edges[a, b]["newman"], 3)
                              for a, b in zip(pairs["agency"], pairs["with agency"])]
    shown = show_table(pairs, f"Agencies named together in news events: {coaction.number_of_nodes()} agencies, "
                       f"{coaction.number_of_edges()} pairs, heaviest first.", max_rows=15)
else:
    shown = note("*The news tables (`event_agencies`) are not built yet.*")
shown

# %% [markdown]
# ## Who appears with whom: the person network
#
# Persons named in the same decision are tied; Newman's collaboration weight gives each decision
# a total weight of one shared among its pairs, so a large trial with many defendants does not
# dominate. Persons linked by two or more decisions are the cross-case links.

# %%
persons = graphs.person_projection(actors, ties) if len(actors) and len(ties) else None
if persons is not None:
    strong = edge_table(persons).assign(
        shared_decisions=lambda d: [persons.edges[a, b]["n_shared"] for a, b in zip(d["source"], d["target"])])
    strong = strong.loc[strong["shared_decisions"] >= 2].round(3).rename(columns={"weight": "newman_weight"})
    shown = show_table(strong, f"Pairs of persons (pseudonyms) named together in two or more decisions: "
                       f"{len(strong)} of {persons.number_of_edges()} pairs among {persons.number_of_nodes()} persons.",
                       max_rows=15)
else:
    shown = note("*No person network yet: the case tables are not built.*")
shown

# %% [markdown]
# ## Beside other criminal networks
#
# Networks reconstructed from police files and court records elsewhere (drug, gang and mafia
# networks collected by McDonald; the Mexican human-trafficking network; the 9/11 network as
# compiled by Krebs, 2002) show what sizes and densities such records produce. The cross-case
# network of the Indonesian decisions stands beside them.

# %%
net_dir = data / "networks"
others = loaders.load_criminal_networks(net_dir)
for name, reader in (("mexico_ht", loaders.read_mexico_ht), ("krebs_911", loaders.read_krebs)):
    if (net_dir / name).is_dir():
        others[name] = reader(net_dir / name)
cross_case = syndicate_network(actors, ties) if len(actors) and len(ties) else None
compared = {}
if cross_case is not None and cross_case.number_of_nodes():
    compared["TPPO cross-case (this project)"] = cross_case
    largest = max(nx.connected_components(cross_case.to_undirected()), key=len)
    compared["TPPO cross-case, largest connected group"] = cross_case.subgraph(largest).copy()
if persons is not None:
    compared["TPPO persons (this project)"] = persons
compared.update(others)
comparison = graph_summary(compared)
show_table(comparison, "Size, density and cohesion of the TPPO networks beside published criminal networks "
           "(undirected; two-mode networks counted with both kinds of node).", max_rows=30)

# %%
tppo_rows = comparison.loc[comparison["network"].str.startswith("TPPO cross-case")]
published = comparison.loc[~comparison["network"].str.startswith("TPPO")]
note(f"The published networks each come from one investigation and hang together (median share in the largest "
     f"group {published['largest_share'].median():.0%}, median density {published['density'].median():.3f}). The "
     f"TPPO network joins {int(tables['cases']['duplicate_of'].isna().sum())} separate decisions: it falls into "
     f"{int(tppo_rows['components'].iloc[0])} separate groups, and its largest group of "
     f"{int(tppo_rows['nodes'].iloc[-1])} actors is what cross-case links add to any single case."
     if len(tppo_rows) == 2 and len(published) else "")

# %% [markdown]
# ## Limits
#
# The network holds only what decisions state. Actors who were never prosecuted appear only
# when a decision names them, and one person spelled two ways may count twice (or two people
# with one name once) — the linking step keeps uncertain matches apart and lists them for review.
