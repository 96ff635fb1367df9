"""Speed of the significance tests on the real actor network against plain networkx loops.

The network is the one the build's syndicates and brokerage use: the actors and ties built
from the court decisions (``data/processed`` or ``--processed DIR``), as the co-mention
graph of ``tables.syndicate_graph`` (CUG tests), the directed tie graph of
``tables.tie_digraph`` with each actor's primary role as its group (Gould–Fernandez
permutation null) and one layer per relation type (QAP). Without built tables it falls back
to the Mexican trafficking network in ``../shared/data/networks`` (roles as groups, no QAP).

Project: ``significance_table`` (CUG of density with 1,000 draws, of degree centralization
with 1,000, of betweenness centralization with ``--paths`` draws, QAP for every pair of
relation layers with 1,000 permutations) plus ``gould_fernandez(null="permutation",
n_perm=1000)``.

Baseline, measured in the same run: the same tests written as networkx loops — each draw
builds a networkx random graph (``gnp_random_graph``/``gnm_random_graph``) and computes the
statistic with networkx; each QAP permutation relabels a layer with ``relabel_nodes`` and
correlates dense matrices; each brokerage permutation shuffles the labels and recounts every
broker's two-paths. The baseline is timed on a few draws per test and scaled to the
project's number of draws (printed), since running it in full would take hours.

Goal: the project finishes in under 60 s. Times are CPU time of this process
(``time.process_time``), robust to other load on a shared machine; wall time is printed too.

Last line: ``speedup=<x> project_cpu_s=<s> under_60s=<True|False>``.

    python benchmarks/network_significance.py [--processed DIR] [--data DIR]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from analysis.config import data_dir, out_dir
from analysis.network import graphs, loaders
from analysis.network.brokerage import gould_fernandez
from analysis.network.significance import relation_layers, significance_table
from analysis.network.tables import primary_role, syndicate_graph, tie_digraph


def load(processed: Path | None, data: str | None):
    """(co-mention graph, tie digraph, groups, layers, description)."""
    if processed and (processed / "actors.parquet").exists() and (processed / "ties.parquet").exists():
        actors = pd.read_parquet(processed / "actors.parquet")
        ties = pd.read_parquet(processed / "ties.parquet")
        ok, _ = graphs.check_ties(actors, ties)
        g = syndicate_graph(actors, ok)
        nodes = list(g.nodes())
        info = actors.set_index("actor_id")
        groups = {a: primary_role(info.at[a, "kind"], info.at[a, "roles"]) for a in nodes}
        d = tie_digraph(actors, ok, nodes)
        layers = relation_layers(ok)
        return g, d, groups, layers, f"court-decision actors from {processed}"
    g = loaders.read_mexico_ht(data_dir(data) / "networks" / "mexico_ht")
    return g, g, dict(g.nodes(data="role")), {}, "Mexican trafficking network (no processed tables found)"


def per_draw(fn, draws: int) -> float:
    """CPU seconds per call of ``fn``, from ``draws`` calls."""
    t = time.process_time()
    for _ in range(draws):
        fn()
    return (time.process_time() - t) / draws


def baseline(g, d, groups, layers, *, n_sim: int, n_paths: int, n_perm: int, seed: int) -> tuple[float, list[str]]:
    rng = random.Random(seed)
    und = nx.Graph(g)
    und.remove_edges_from(list(nx.selfloop_edges(und)))
    n, m = und.number_of_nodes(), und.number_of_edges()
    parts, lines = [], []

    def degree_cent(h):
        c = nx.degree_centrality(h)
        top = max(c.values())
        return sum(top - v for v in c.values()) / (n - 2)

    def betweenness_cent(h):
        c = nx.betweenness_centrality(h)
        top = max(c.values())
        return sum(top - v for v in c.values()) / (n - 1)

    tests = [
        ("CUG density (size, p = 0.5)", lambda: nx.density(nx.gnp_random_graph(n, 0.5, seed=rng.randrange(2 ** 31))), n_sim, 2),
        ("CUG degree centralization (edges)", lambda: degree_cent(nx.gnm_random_graph(n, m, seed=rng.randrange(2 ** 31))),
         n_sim, 10),
        ("CUG betweenness centralization (edges)",
         lambda: betweenness_cent(nx.gnm_random_graph(n, m, seed=rng.randrange(2 ** 31))), n_paths, 1),
    ]
    names = list(layers)
    if len(names) >= 2:
        nodes = list(dict.fromkeys(v for h in layers.values() for v in h.nodes()))
        a = nx.to_numpy_array(layers[names[0]], nodelist=nodes, weight=None)
        mask = ~np.eye(len(nodes), dtype=bool)

        def qap_draw():
            perm = nodes[:]
            rng.shuffle(perm)
            h = nx.relabel_nodes(layers[names[1]], dict(zip(nodes, perm)))
            b = nx.to_numpy_array(h, nodelist=nodes, weight=None)
            return np.corrcoef(a[mask], b[mask])[0, 1]

        n_pairs = len(names) * (len(names) - 1) // 2
        tests.append((f"QAP ({n_pairs} layer pairs)", qap_draw, n_perm * n_pairs, 2))

    dd = nx.DiGraph(d) if d.is_directed() else nx.DiGraph(nx.Graph(d).to_directed())
    labels = [groups[v] for v in dd.nodes()]

    def gf_draw():
        shuffled = labels[:]
        rng.shuffle(shuffled)
        counts = 0
        lab = dict(zip(dd.nodes(), shuffled))
        for b in dd:
            for x in dd.predecessors(b):
                for y in dd.successors(b):
                    if x != y and not dd.has_edge(x, y):
                        counts += lab[x] == lab[y]
        return counts

    tests.append(("Gould-Fernandez permutations", gf_draw, n_perm, 5))
    for name, fn, total_draws, timed in tests:
        sec = per_draw(fn, timed)
        parts.append(sec * total_draws)
        lines.append(f"  {name}: {sec:.4f} s per draw x {total_draws} = {sec * total_draws:.1f} s "
                     f"(timed on {timed})")
    return float(sum(parts)), lines


def main(argv=None) -> str:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--processed", default=None, help="folder with actors.parquet and ties.parquet "
                    "(default: the project's data/processed)")
    ap.add_argument("--data", default=None, help="real-data folder (default: $TPPO_DATA or ../shared/data)")
    ap.add_argument("--sims", type=int, default=1000, help="CUG draws and QAP / brokerage permutations")
    ap.add_argument("--paths", type=int, default=100, help="CUG draws for betweenness centralization")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)

    processed = Path(a.processed) if a.processed else out_dir()
    g, d, groups, layers, what = load(processed, a.data)
    print(f"network: {what}; CUG graph {g.number_of_nodes()} actors, {g.number_of_edges()} ties; "
          f"tie graph {d.number_of_edges()} ties; {len(layers)} relation layers")

    cpu0, wall0 = time.process_time(), time.perf_counter()
    sig = significance_table(g, layers=layers, n_sim=a.sims, n_sim_paths=a.paths, seed=a.seed)
    cpu_sig = time.process_time() - cpu0
    br = gould_fernandez(d, groups, null="permutation", n_perm=a.sims, seed=a.seed)
    cpu_project, wall_project = time.process_time() - cpu0, time.perf_counter() - wall0
    print(f"project: {cpu_project:.2f} s CPU ({wall_project:.2f} s wall): significance table {cpu_sig:.2f} s "
          f"({len(sig)} tests), brokerage permutation null {cpu_project - cpu_sig:.2f} s "
          f"({(br['total'] > 0).sum()} brokers: {br['null'].value_counts().to_dict()})")
    for r in sig.itertuples():
        pair = f" {r.layer_a}~{r.layer_b}" if isinstance(r.layer_a, str) else ""
        print(f"  {r.test} {r.statistic}{pair} ({r.condition}): observed {r.observed:.4f}, "
              f"null {r.null_mean:.4f} +- {r.null_sd:.4f}, p_ge {r.p_ge:.3f}, p_le {r.p_le:.3f}")

    cpu_base, lines = baseline(g, d, groups, layers, n_sim=a.sims, n_paths=a.paths, n_perm=a.sims, seed=a.seed)
    print(f"networkx baseline (extrapolated): {cpu_base:.1f} s CPU")
    for line in lines:
        print(line)
    line = f"speedup={cpu_base / cpu_project:.1f} project_cpu_s={cpu_project:.1f} under_60s={cpu_project < 60}"
    print(line)
    return line


if __name__ == "__main__":
    main()
