"""Networks over time: one graph per window and the continuity of syndicates between windows.

Each tie is dated by its own ``date`` when known, else by its case's ``decision_date``
(``tie_dates``); ties with neither are reported, not dropped silently. Windows are calendar
years (``"Y"``) or half-years (``"6M"``). Syndicates of consecutive windows are matched by
Jaccard similarity of their member sets (Greene, Doyle & Cunningham 2010's
community-tracking step): a syndicate continues when its best match scores at least
``min_jaccard``.

>>> import pandas as pd
>>> ties = pd.DataFrame({"source_id": ["a", "b", "c"], "target_id": ["b", "c", "d"],
...     "case_id": ["K1", "K1", "K2"], "relation": ["paid"] * 3,
...     "date": pd.to_datetime(["2023-03-01", None, "2024-07-01"])})
>>> cases = pd.DataFrame({"case_id": ["K1"], "decision_date": pd.to_datetime(["2023-09-01"])})
>>> sorted(windowed_graphs(ties, cases, freq="Y"))
['2023', '2024']
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from analysis.network.syndicates import detect_syndicates


def tie_dates(ties: pd.DataFrame, cases: pd.DataFrame | None = None) -> pd.Series:
    """Each tie's date: its own ``date``, else its case's ``decision_date`` (NaT if neither)."""
    own = pd.to_datetime(ties["date"], errors="coerce") if "date" in ties else pd.Series(pd.NaT, index=ties.index)
    if cases is not None and "decision_date" in cases:
        dd = pd.to_datetime(cases.set_index("case_id")["decision_date"], errors="coerce")
        dd = dd[~dd.index.duplicated()]
        own = own.fillna(ties["case_id"].map(dd))
    return own.rename("tie_date")


def window_label(dates: pd.Series, freq: str = "Y") -> pd.Series:
    """``"2024"`` for years, ``"2024H1"``/``"2024H2"`` for half-years.

    >>> window_label(pd.Series(pd.to_datetime(["2024-02-01", "2024-08-01"])), "6M").tolist()
    ['2024H1', '2024H2']
    """
    if freq == "Y":
        return dates.dt.year.astype("Int64").astype(str).where(dates.notna())
    if freq == "6M":
        half = (dates.dt.month > 6).map({False: "H1", True: "H2"})
        return (dates.dt.year.astype("Int64").astype(str) + half).where(dates.notna())
    raise ValueError(f"freq must be 'Y' or '6M', got {freq!r}")


def windowed_graphs(ties: pd.DataFrame, cases: pd.DataFrame | None = None, *, freq: str = "Y",
                    cumulative: bool = False) -> dict[str, nx.Graph]:
    """One undirected graph per window (ties counted as ``weight``). With ``cumulative`` each
    window also holds every earlier tie. Ties without any date fall in no window; their
    number is kept in every graph's ``n_undated_ties`` attribute so they are not lost silently."""
    dates = tie_dates(ties, cases)
    labels = window_label(dates, freq)
    out: dict[str, nx.Graph] = {}
    acc = nx.Graph()
    for w in sorted(labels.dropna().unique()):
        sub = ties[labels == w]
        g = acc.copy() if cumulative else nx.Graph()
        for s, t in sub[["source_id", "target_id"]].itertuples(index=False, name=None):
            if s == t:
                continue
            if g.has_edge(s, t):
                g[s][t]["weight"] += 1
            else:
                g.add_edge(s, t, weight=1)
        g.graph["window"] = w
        out[w] = g
        if cumulative:
            acc = g
    n_undated = int(labels.isna().sum())
    for g in out.values():
        g.graph["n_undated_ties"] = n_undated
    return out


def match_communities(prev: dict, curr: dict, *, min_jaccard: float = 0.3) -> pd.DataFrame:
    """Best Jaccard match for each current community among the previous window's.
    Inputs: community id -> set of members.

    >>> match_communities({"A": {1, 2, 3}}, {"B": {2, 3, 4}, "C": {9}}).to_dict("records")
    [{'community': 'B', 'matched': 'A', 'jaccard': 0.5, 'continues': True}, {'community': 'C', 'matched': None, 'jaccard': 0.0, 'continues': False}]
    """
    rows = []
    for cid, members in curr.items():
        best, score = None, 0.0
        for pid, pm in prev.items():
            j = len(members & pm) / len(members | pm) if members | pm else 0.0
            if j > score:
                best, score = pid, j
        rows.append({"community": cid, "matched": best if score > 0 else None, "jaccard": score,
                     "continues": score >= min_jaccard})
    out = pd.DataFrame(rows, columns=["community", "matched", "jaccard", "continues"])
    out["matched"] = out["matched"].astype(object).where(out["matched"].notna(), None)
    return out


def syndicate_continuity(graphs_by_window: dict[str, nx.Graph], *, min_jaccard: float = 0.3, min_size: int = 2,
                         n_runs: int = 20, seed: int = 0) -> pd.DataFrame:
    """Syndicates per window and their match in the previous window: window, community,
    n_actors, matched, jaccard, continues. Communities smaller than ``min_size`` are skipped."""
    rows = []
    prev: dict = {}
    for w in sorted(graphs_by_window):
        memb = detect_syndicates(graphs_by_window[w], n_runs=n_runs, seed=seed, null_rewirings=0).membership
        comms = {f"{w}:{c}": set(m.index) for c, m in memb.groupby(memb.values) if len(m) >= min_size}
        m = match_communities(prev, comms, min_jaccard=min_jaccard)
        m.insert(0, "window", w)
        m.insert(2, "n_actors", [len(comms[c]) for c in m["community"]])
        rows.append(m)
        prev = comms
    if not rows:
        return pd.DataFrame(columns=["window", "community", "n_actors", "matched", "jaccard", "continues"])
    return pd.concat(rows, ignore_index=True)
