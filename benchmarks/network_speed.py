"""Speed and accuracy of the project's syndicate detection against plain networkx.

On a planted-partition graph (stochastic block model, Holland, Laskey & Leinhardt 1983) the
project's path — one conversion to igraph (``engine.prepare``), then consensus Leiden
syndicates (``detect_syndicates``) plus betweenness sampled from 500 sources
(``engine.betweenness``) on that same graph — is timed against the
networkx baseline measured in the same run: ``louvain_communities`` plus
``betweenness_centrality(k=500)``. Both start from the same networkx graph. Accuracy is the
NMI of each partition against the planted communities.

Like for like: networkx's Louvain has no null model, so the timed syndicates skip theirs
(``null_rewirings=0``). The null comparison (``stability_null`` and ``weak``, each
rewiring re-running the procedure) is a significance test on top; its extra CPU time is
measured once and printed on its own line, with whether any planted community was marked
weak (none should be).

Speed is CPU time of this process (``time.process_time``), so the ratio does not move with
other work on a shared machine: a short project phase timed by the wall clock could catch a
burst of someone else's load that the long baseline phase averages out. Both paths are
single-threaded, so CPU time is also what a quiet machine's wall clock would show; the wall
clock ratio is printed as well. Contention for shared caches still inflates CPU time, so the
project (a few seconds) is timed three times — before, between and after the baseline's two
steps — and the median is used: its samples then see the same load as the baseline's long
run, and one burst during one short sample does not decide the ratio. The repeats must give
identical syndicates (same seed).

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


class Clock:
    """CPU time of this process (and wall time) since creation, with laps."""

    def __init__(self):
        self.cpu0 = self.cpu = time.process_time()
        self.wall0 = time.perf_counter()

    def lap(self) -> float:
        now = time.process_time()
        lap, self.cpu = now - self.cpu, now
        return lap

    def total(self) -> tuple[float, float]:
        return time.process_time() - self.cpu0, time.perf_counter() - self.wall0


def main(argv=None) -> str:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=20000)
    ap.add_argument("--community-size", type=int, default=100)
    ap.add_argument("--mean-degree", type=float, default=10.0)
    ap.add_argument("--mixing", type=float, default=0.2)
    ap.add_argument("--sources", type=int, default=500, help="betweenness sample size")
    ap.add_argument("--runs", type=int, default=50, help="Leiden runs in the consensus ensemble")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--null-rewirings", type=int, default=2, help="rewirings for the separately timed null model")
    a = ap.parse_args(argv)

    g, truth = planted_partition(a.nodes, a.community_size, a.mean_degree, a.mixing, a.seed)
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} ties, "
          f"mean degree {2 * g.number_of_edges() / g.number_of_nodes():.2f}")

    def project():
        clock = Clock()
        prepared = engine.prepare(g)  # one conversion to igraph, shared by both steps
        laps = [clock.lap()]
        res = detect_syndicates(prepared, n_runs=a.runs, seed=a.seed, null_rewirings=0)
        laps.append(clock.lap())
        engine.betweenness(prepared, k=min(a.sources, a.nodes), seed=a.seed)
        laps.append(clock.lap())
        return res, clock.total(), laps

    # The project is timed before, between and after the two baseline steps and the median
    # taken, so its samples see the same load as the baseline's long run does.
    samples = []
    res, *timing = project()
    samples.append(timing)
    clock = Clock()
    comms = nx.community.louvain_communities(g, seed=a.seed)
    louvain = clock.total()
    samples.append(project()[1:])
    clock = Clock()
    nx.betweenness_centrality(g, k=min(a.sources, a.nodes), seed=a.seed)
    between = clock.total()
    again, *timing = project()
    samples.append(timing)
    if not again.membership.equals(res.membership):
        raise RuntimeError("the project's syndicates differ between repeats with the same seed")

    (cpu_project, wall_project), laps = sorted(samples, key=lambda t: t[0][0])[1]
    nmi_project = engine.nmi(truth, res.membership.reindex(list(g.nodes())).to_numpy())
    print(f"project (consensus Leiden, {res.params['runs_made']} of at most {a.runs} runs, "
          f"+ betweenness k={a.sources}, igraph), median of 3: {cpu_project:.2f} s CPU "
          f"({wall_project:.2f} s wall), {res.membership.nunique()} syndicates; "
          f"samples {', '.join(f'{t[0][0]:.2f}' for t in samples)} s CPU")
    print(f"  CPU s: conversion {laps[0]:.2f}, syndicates {laps[1]:.2f}, betweenness {laps[2]:.2f}")

    cpu_nx, wall_nx = louvain[0] + between[0], louvain[1] + between[1]
    label = np.empty(g.number_of_nodes(), dtype=np.int64)
    for i, c in enumerate(comms):
        label[list(c)] = i
    nmi_nx = engine.nmi(truth, label)
    print(f"networkx baseline (louvain {louvain[0]:.2f} + betweenness k={a.sources} {between[0]:.2f}): "
          f"{cpu_nx:.2f} s CPU ({wall_nx:.2f} s wall), {len(comms)} communities")
    print(f"wall-clock ratio (sensitive to other load on the machine): {wall_nx / wall_project:.1f}")

    if a.null_rewirings:
        clock = Clock()
        full = detect_syndicates(engine.prepare(g), n_runs=a.runs, seed=a.seed, null_rewirings=a.null_rewirings)
        cpu_null = clock.total()[0] - laps[0] - laps[1]
        t = full.syndicates
        print(f"null model ({a.null_rewirings} degree-preserving rewirings): {cpu_null:.2f} s CPU on top; "
              f"{int(t['weak'].sum())} of {len(t)} syndicates weak; mean stability {t['stability'].mean():.3f} "
              f"vs null {t['stability_null'].mean():.3f}")

    line = f"speedup={cpu_nx / cpu_project:.1f} nmi_project={nmi_project:.4f} nmi_networkx={nmi_nx:.4f}"
    print(line)
    return line


if __name__ == "__main__":
    main()
