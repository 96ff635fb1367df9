"""Network results shaped for the reports, computed with ``analysis.network``.

``disruption_table`` runs the network module's removal strategies (``disruption_curves``) on
the cross-case syndicate graph and averages repeated random runs, giving one curve per
strategy to plot. An empty network gives an empty table rather than an error, so the report
still renders before the case tables exist.

>>> import pandas as pd
>>> disruption_table(pd.DataFrame(columns=["actor_id", "kind", "roles", "label"]),
...                  pd.DataFrame(columns=["source_id", "target_id", "relation", "case_id"])).empty
True
"""

from __future__ import annotations

import pandas as pd

COLUMNS = ["strategy", "n_removed", "largest_share", "n_components", "n_actors"]


def syndicate_network(actors: pd.DataFrame, ties: pd.DataFrame):
    """The graph syndicates are detected on (persons and companies tied through shared cases)."""
    from analysis.network import graphs
    from analysis.network.tables import syndicate_graph

    actors = actors if "roles" in actors else actors.assign(roles=[[] for _ in range(len(actors))])
    ok, _ = graphs.check_ties(actors, ties)
    return syndicate_graph(actors, ok)


def disruption_table(actors: pd.DataFrame, ties: pd.DataFrame, *, k: int = 20, repeats: int = 10,
                     strategies=("degree", "betweenness", "random")) -> pd.DataFrame:
    """Mean fragmentation after removing 0..k actors, per strategy (random runs averaged)."""
    if not len(actors) or not len(ties):
        return pd.DataFrame(columns=COLUMNS)
    from analysis.network.disruption import disruption_curves

    g = syndicate_network(actors, ties)
    if g.number_of_nodes() == 0:
        return pd.DataFrame(columns=COLUMNS)
    k = min(k, g.number_of_nodes())
    curves = disruption_curves(g, strategies, k=k, repeats=repeats)
    out = (curves.groupby(["strategy", "n_removed"], as_index=False)[["largest_share", "n_components"]].mean())
    out["n_actors"] = g.number_of_nodes()
    return out[COLUMNS]


GRAPH_COLUMNS = ["network", "nodes", "edges", "density", "components", "largest_share", "mean_degree", "clustering"]


def graph_summary(graphs: dict) -> pd.DataFrame:
    """One row per named graph: nodes, edges, density, connected components, share of nodes in
    the largest component, mean degree and average clustering — to set networks side by side.

    >>> import networkx as nx
    >>> graph_summary({"florentine": nx.florentine_families_graph()})[["nodes", "edges", "components"]].values.tolist()
    [[15, 20, 1]]
    """
    import networkx as nx

    rows = []
    for name, g in graphs.items():
        u = nx.Graph(g.to_undirected()) if g.is_directed() or g.is_multigraph() else g
        n = u.number_of_nodes()
        comps = list(nx.connected_components(u)) if n else []
        rows.append({"network": name, "nodes": n, "edges": u.number_of_edges(),
                     "density": round(nx.density(u), 4) if n > 1 else 0.0, "components": len(comps),
                     "largest_share": round(max(map(len, comps)) / n, 3) if n else 0.0,
                     "mean_degree": round(2 * u.number_of_edges() / n, 2) if n else 0.0,
                     "clustering": round(nx.average_clustering(u), 3) if n else 0.0})
    return pd.DataFrame(rows, columns=GRAPH_COLUMNS)


def edge_table(g, *, weight: str = "weight", top: int | None = None) -> pd.DataFrame:
    """The edges of a graph as ``source``, ``target``, ``weight``, heaviest first (ties by name).

    >>> import networkx as nx
    >>> g = nx.Graph(); g.add_edge("a", "b", weight=2); g.add_edge("b", "c", weight=5)
    >>> edge_table(g).values.tolist()
    [['b', 'c', 5], ['a', 'b', 2]]
    """
    rows = [(str(u), str(v), d.get(weight, 1)) for u, v, d in g.edges(data=True)]
    out = pd.DataFrame(rows, columns=["source", "target", "weight"])
    out = out.sort_values(["weight", "source", "target"], ascending=[False, True, True], ignore_index=True)
    return out.head(top) if top else out
