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
