"""Does the consensus ensemble recover planted syndicates better than a single Leiden run?

On planted-partition graphs of rising mixing (share of each actor's ties that leave its
community), the project's consensus syndicates (``detect_syndicates``) are compared with the
baseline of one Leiden run (``engine.leiden``, seed 0) and with networkx's Louvain, all
scored by NMI against the planted communities in the same run. The baseline is the single
run; the last line gives the mean ratio over the mixing levels.

    python benchmarks/network_consensus.py [--nodes 2000] [--mixing 0.2 0.35 0.5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import networkx as nx
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from network_speed import planted_partition

from analysis.network import engine
from analysis.network.syndicates import detect_syndicates


def main(argv=None) -> str:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--community-size", type=int, default=50)
    ap.add_argument("--mean-degree", type=float, default=10.0)
    ap.add_argument("--mixing", type=float, nargs="+", default=[0.2, 0.35, 0.5])
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    ratios = []
    print("mixing  nmi_single  nmi_consensus  nmi_louvain  runs  mean_stability")
    for mu in a.mixing:
        g, truth = planted_partition(a.nodes, a.community_size, a.mean_degree, mu, a.seed)
        order = list(g.nodes())
        single = engine.nmi(truth, engine.leiden(g, seed=0).reindex(order).to_numpy())
        res = detect_syndicates(g, seed=a.seed)
        consensus = engine.nmi(truth, res.membership.reindex(order).to_numpy())
        label = np.empty(len(order), dtype=np.int64)
        for i, c in enumerate(nx.community.louvain_communities(g, seed=a.seed)):
            label[list(c)] = i
        louvain = engine.nmi(truth, label)
        ratios.append(consensus / single)
        print(f"{mu:6.2f}  {single:10.4f}  {consensus:13.4f}  {louvain:11.4f}  {res.params['runs_made']:4d}  "
              f"{res.summary()['mean_stability']:.4f}")
    line = f"nmi_ratio_consensus_vs_single={np.mean(ratios):.4f}"
    print(line)
    return line


if __name__ == "__main__":
    main()
