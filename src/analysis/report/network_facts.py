"""Every number the reports state about actors, syndicates and network tests, in one table.

A sentence in a report is written from this table, never from a number computed on the
spot, and the table says where each number comes from: ``key``, ``value``, ``table`` (the
processed table it is counted from) and ``definition`` (how, in plain words). Tests recount
each value from its table, so a report cannot say more than its tables.

Actors in two or more decisions are counted by kind, and persons by whether the decisions
give them a part in the scheme (a role other than victim): an agency or a place named in
many decisions is not a recurring recruiter.

>>> import pandas as pd
>>> actors = pd.DataFrame({"actor_id": ["P-1", "P-2", "A-1"], "kind": ["person", "person", "agency"],
...     "roles": [["recruiter"], [], []], "n_cases": [2, 3, 4],
...     "courts": [["PN A", "PN B"], ["PN A"], ["PN A", "PN B"]]})
>>> f = network_facts({"actors": actors}).set_index("key")["value"]
>>> int(f["persons_with_role_in_2plus_decisions"]), int(f["persons_with_role_in_2plus_courts"])
(1, 1)
>>> int(f["agencies_in_2plus_decisions"]), int(f["persons_without_role_in_2plus_decisions"])
(1, 1)
"""

from __future__ import annotations

import pandas as pd

from analysis.report.summaries import _as_list

FACT_COLUMNS = ["key", "value", "table", "definition"]
#: person roles that are not a part in the scheme
NOT_SCHEME_ROLES = frozenset({"victim"})


def _fact(rows: list, key: str, value, table: str, definition: str) -> None:
    rows.append((key, float(value) if value is not None else float("nan"), table, definition))


def _has_scheme_role(roles) -> bool:
    return bool(set(_as_list(roles)) - NOT_SCHEME_ROLES)


def actor_facts(actors: pd.DataFrame) -> list[tuple]:
    """Actors named in two or more decisions (and courts), by kind and scheme role."""
    rows: list[tuple] = []
    if actors is None or not len(actors):
        return rows
    n_cases = pd.to_numeric(actors["n_cases"], errors="coerce").fillna(0)
    n_courts = actors["courts"].map(lambda c: len(set(_as_list(c)))) if "courts" in actors else pd.Series(0, index=actors.index)
    multi = n_cases >= 2
    person = actors["kind"] == "person"
    role = actors["roles"].map(_has_scheme_role) if "roles" in actors else pd.Series(False, index=actors.index)
    _fact(rows, "actors_in_2plus_decisions", multi.sum(), "actors", "actors of any kind named in two or more decisions")
    _fact(rows, "persons_with_role_in_2plus_decisions", (multi & person & role).sum(), "actors",
          "persons with a part in the scheme (any role but victim) named in two or more decisions")
    _fact(rows, "persons_with_role_in_2plus_courts", ((n_courts >= 2) & person & role).sum(), "actors",
          "persons with a part in the scheme named in decisions of two or more courts")
    _fact(rows, "persons_without_role_in_2plus_decisions", (multi & person & ~role).sum(), "actors",
          "persons named in two or more decisions with no part in the scheme known (witnesses, victims, others)")
    for kind, plural in (("company", "companies"), ("agency", "agencies"), ("place", "places")):
        _fact(rows, f"{plural}_in_2plus_decisions", (multi & (actors["kind"] == kind)).sum(), "actors",
              f"{plural} named in two or more decisions")
    _fact(rows, "companies_in_2plus_courts", ((n_courts >= 2) & (actors["kind"] == "company")).sum(), "actors",
          "companies named in decisions of two or more courts")
    return rows


def syndicate_facts(syndicates: pd.DataFrame) -> list[tuple]:
    """Counts of syndicates: all, not weak (stability above the null model), spanning decisions
    and courts, and by typology."""
    rows: list[tuple] = []
    if syndicates is None or not len(syndicates):
        return rows
    s = syndicates
    weak = s["weak"].fillna(True).astype(bool) if "weak" in s else pd.Series(True, index=s.index)
    _fact(rows, "syndicates", len(s), "syndicates", "groups of two or more members joined by stated ties")
    _fact(rows, "syndicate_members", pd.to_numeric(s["n_actors"]).sum(), "syndicates",
          "persons with a part in the scheme and companies that belong to a syndicate")
    _fact(rows, "largest_syndicate", pd.to_numeric(s["n_actors"]).max(), "syndicates", "members of the largest syndicate")
    _fact(rows, "syndicates_not_weak", (~weak).sum(), "syndicates",
          "syndicates whose stability is clearly above the same procedure on degree-preserving rewirings")
    _fact(rows, "syndicates_weak", weak.sum(), "syndicates",
          "syndicates whose stability is not clearly above rewired versions of themselves")
    _fact(rows, "syndicates_in_2plus_decisions", (pd.to_numeric(s["n_cases"]) >= 2).sum(), "syndicates",
          "syndicates whose stated ties come from two or more decisions")
    _fact(rows, "syndicates_in_2plus_courts", (pd.to_numeric(s["n_courts"]) >= 2).sum(), "syndicates",
          "syndicates whose stated ties come from decisions of two or more courts")
    for col in ("operation", "structure"):
        if col in s:
            for value, n in s[col].value_counts().sort_index().items():
                _fact(rows, f"syndicates_{col}_{value}", n, "syndicates", f"syndicates whose {col} is {value}")
    return rows


def significance_facts(network_tests: pd.DataFrame) -> list[tuple]:
    """Observed degree centralization of the stated-tie network and its CUG comparison."""
    rows: list[tuple] = []
    if network_tests is None or not len(network_tests):
        return rows
    t = network_tests
    obs = t[t["test"] == "observed"].set_index("statistic")["observed"]
    for stat in ("n_actors", "n_ties", "density", "degree_centralization"):
        if stat in obs:
            _fact(rows, f"network_{stat}", obs[stat], "network_tests", f"{stat.replace('_', ' ')} of the stated-tie network")
    cug = t[(t["test"] == "cug") & (t["statistic"] == "degree_centralization")]
    if len(cug):
        c = cug.iloc[0]
        _fact(rows, "network_degree_centralization_null_mean", c["null_mean"], "network_tests",
              "mean degree centralization of random graphs of the same size and density")
        _fact(rows, "network_degree_centralization_p", c["p_ge"], "network_tests",
              "share of those random graphs at least as centralized")
    return rows


def network_facts(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The facts table from whichever of ``actors``, ``syndicates`` and ``network_tests`` exist."""
    rows = (actor_facts(tables.get("actors")) + syndicate_facts(tables.get("syndicates"))
            + significance_facts(tables.get("network_tests")))
    return pd.DataFrame(rows, columns=FACT_COLUMNS)


def fact(facts: pd.DataFrame, key: str, default=None):
    """One value of the facts table as an int when whole (``default`` when absent)."""
    hit = facts.loc[facts["key"] == key, "value"]
    if not len(hit) or pd.isna(hit.iloc[0]):
        return default
    v = float(hit.iloc[0])
    return int(v) if v.is_integer() else v
