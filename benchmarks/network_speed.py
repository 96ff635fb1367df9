"""Speed and accuracy of the project's syndicate detection against plain networkx.

On a planted-partition graph (stochastic block model, Holland, Laskey & Leinhardt 1983) the
project's path — consensus Leiden syndicates (``detect_syndicates``, igraph engine) plus
betweenness sampled from 500 sources (``engine.betweenness``) — is timed against the
networkx baseline measured in the same run: ``louvain_communities`` plus
``betweenness_centrality(k=500)``. Both start from the same networkx graph. Accuracy is the
NMI of each partition against the planted communities.

Last line: ``speedup=<x> nmi_project=<a> nmi_networkx=<b>``.

    python benchmarks/network_speed.py                 # 20,000 nodes, mean degree ~10
    python benchmarks/network_speed.py --nodes 2000    # quicker
"""

from __future__ import annotations

import argparse
import time

import igraph as ig
import networkx as nx
import numpy as np

from analysis.network import engine
from analysis.network.syndicates import detect_syndicates


def planted_partition(n_nodes: int, community_size: int, mean_degree: float, mixing: float, seed: int):
    """SBM graph as networkx plus the planted community of each node. ``mixing`` is the
    expected share of a node's ties that leave its community."""
    k = max(1, n_nodes // community_size)
    sizes = [n_nodes // k] * k
    sizes[-1] += n_nodes - sum(sizes)
    p_in = mean_degree * (1 - mixing) / (community_size - 1)
    p_out = mean_degree * mixing / max(n_nodes - community_size, 1)
    pref = np.full((k, k), p_out)
    np.fill_diagonal(pref, p_in)
    import random

    random.seed(seed)
    h = ig.Graph.SBM(pref.tolist(), sizes, directed=False)
    g = nx.Graph()
    g.add_nodes_from(range(n_nodes))
    g.add_edges_from(h.get_edgelist())
    truth = np.repeat(np.arange(k), sizes)
    return g, truth


def main(argv=None) -> str:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=20000)
    ap.add_argument("--community-size", type=int, default=100)
    ap.add_argument("--mean-degree", type=float, default=10.0)
    ap.add_argument("--mixing", type=float, default=0.2)
    ap.add_argument("--sources", type=int, default=500, help="betweenness sample size")
    ap.add_argument("--runs", type=int, default=50, help="Leiden runs in the consensus ensemble")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)

    g, truth = planted_partition(a.nodes, a.community_size, a.mean_degree, a.mixing, a.seed)
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} ties, "
          f"mean degree {2 * g.number_of_edges() / g.number_of_nodes():.2f}")

    t0 = time.perf_counter()
    res = detect_syndicates(g, n_runs=a.runs, seed=a.seed)
    engine.betweenness(g, k=min(a.sources, a.nodes), seed=a.seed)
    t_project = time.perf_counter() - t0
    nmi_project = engine.nmi(truth, res.membership.reindex(list(g.nodes())).to_numpy())
    print(f"project (consensus Leiden, {res.params['runs_made']} of at most {a.runs} runs, "
          f"+ betweenness k={a.sources}, igraph): {t_project:.2f} s, {res.membership.nunique()} syndicates")

    t0 = time.perf_counter()
    comms = nx.community.louvain_communities(g, seed=a.seed)
    nx.betweenness_centrality(g, k=min(a.sources, a.nodes), seed=a.seed)
    t_nx = time.perf_counter() - t0
    label = np.empty(g.number_of_nodes(), dtype=np.int64)
    for i, c in enumerate(comms):
        label[list(c)] = i
    nmi_nx = engine.nmi(truth, label)
    print(f"networkx baseline (louvain + betweenness k={a.sources}): {t_nx:.2f} s, {len(comms)} communities")

    line = f"speedup={t_nx / t_project:.1f} nmi_project={nmi_project:.4f} nmi_networkx={nmi_nx:.4f}"
    print(line)
    return line


if __name__ == "__main__":
    main()
