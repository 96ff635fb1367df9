"""Link the same person or company across decisions: candidate pairs, scores, clusters.

The method is classic record linkage (Fellegi & Sunter, 1969, "A Theory for Record Linkage",
JASA 64:1183–1210): block to keep the pairs few, score each pair from agreeing and
disagreeing evidence, accept above an upper threshold, send the band between a lower and
the upper threshold to clerical review (``link_review``), reject below. Accepted pairs are
merged strongest first with a union–find that refuses to put two entities of one decision
into one cluster (within a decision they were already judged different).

A name alone links only when it is unusual: the score of a person pair adds to half the name
similarity a bonus for a full (multi-word) name that few decisions carry (name frequency
across the corpus), and support from context — the same father's name (``bin``/``binti``),
other people named in both decisions (a co-defendant tried separately, a shared fugitive,
the same victims), a shared company, the same court, a shared transit or destination place.
A common first name with nothing else in common stays below the lower threshold.

>>> import pandas as pd
>>> ents = pd.DataFrame({"entity": ["a#0", "b#0", "c#0"], "case_id": ["A", "B", "C"], "kind": "person",
...     "key": ["ranumurti wirasenja", "ranumurti wirasenja", "ranumurti"], "keys": [["ranumurti wirasenja"], ["ranumurti wirasenja"], ["ranumurti"]],
...     "patronym": [None, None, None], "roles": [["fugitive"], ["defendant"], ["victim"]],
...     "is_initials": False, "court": ["PN Nnk", "PN Nnk", "PN Btm"]})
>>> ctx = {"A": {"persons": {"kartowiryo brotoseno"}}, "B": {"persons": {"kartowiryo brotoseno"}}, "C": {"persons": set()}}
>>> s = score_person_pairs(candidate_pairs(ents), ents, ctx)
>>> s[["a", "b"]].values.tolist(), [round(x, 2) for x in s["score"]]
([['a#0', 'b#0'], ['a#0', 'c#0'], ['b#0', 'c#0']], [1.0, 0.18, 0.18])
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pandas as pd
from rapidfuzz import fuzz

from analysis.link.companies import acronym_map, company_core, name_similarity

UPPER = 0.8      # accept a pair at or above this score
LOWER = 0.6      # review pairs in [LOWER, UPPER); reject below
NAME_MIN = 0.85  # person pairs whose names are less alike than this are not scored
RARE_CASES = 3   # a full name carried by at most this many decisions counts as rare
MAX_BLOCK = 400  # a blocking word shared by more entities than this is too common to pair on
SUPPORT_ROLES = frozenset({"defendant", "fugitive", "co-defendant tried separately", "recruiter", "sponsor",
                           "shelter", "document broker", "funder", "escort", "broker", "agent abroad", "owner",
                           "company officer"})

LOCAL_AGENCIES = frozenset({"polda", "polres", "polresta", "polrestabes", "polsek", "kantor imigrasi", "imigrasi",
                            "kejaksaan negeri", "kejari", "disnaker", "dinas tenaga kerja", "upt bp2mi", "lanal",
                            "lantamal", "kbri", "kjri", "bp3mi"})
PAIR_COLUMNS = ["a", "b", "kind", "score", "name_sim", "reasons"]


def _tokens(keys) -> set[str]:
    return {w for k in keys for w in k.split() if len(w) >= 3}


def candidate_pairs(entities: pd.DataFrame, max_block: int = MAX_BLOCK) -> pd.DataFrame:
    """Pairs of entities (of one kind, from different decisions) sharing a name word or its 4-letter start.

    Blocking by words keeps spelling variants of one word together through the 4-letter
    start (``ranumurti``/``ranumurty``); words carried by more than ``max_block`` entities are
    skipped as blocks (the other words of the name still pair them).
    """
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (kind, keys, init) in enumerate(zip(entities["kind"], entities["keys"], entities["is_initials"])):
        if init:
            continue
        for w in _tokens(keys):
            blocks[(kind, w)].append(i)
            blocks[(kind, "^" + w[:4])].append(i)
        if kind == "company":
            for k in keys:
                core = company_core(k)
                blocks[(kind, "#" + "".join(x[0] for x in core.split()))].append(i)
                blocks[(kind, "#" + core)].append(i)
    cases = entities["case_id"].to_numpy()
    ids = entities["entity"].to_numpy()
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > max_block:
            continue
        for i, j in combinations(sorted(set(members)), 2):
            if cases[i] != cases[j]:
                seen.add((i, j))
    rows = sorted(seen)
    return pd.DataFrame({"a": [ids[i] for i, _ in rows], "b": [ids[j] for _, j in rows]}, columns=["a", "b"])


def _records(entities: pd.DataFrame) -> dict[str, dict]:
    return {r["entity"]: r for r in entities.to_dict("records")}


def name_frequency(entities: pd.DataFrame) -> dict[str, int]:
    """For each person key, the number of decisions naming someone with it."""
    return entities.loc[entities["kind"] == "person"].groupby("key")["case_id"].nunique().to_dict()


def _name_sim(ka, kb) -> tuple[float, int]:
    """Best similarity over own names and aliases, and the word count of the forms that matched.

    A match through a one-word alias (A NICKNAME) counts as a one-word match, however long the
    own names are: two strangers may share a nickname.
    """
    best, words = 0.0, 0
    for x in ka:
        for y in kb:
            n = min(len(x.split()), len(y.split()))
            if x == y:
                s = 1.0
            else:
                sx, sy = set(x.split()), set(y.split())
                s = fuzz.token_sort_ratio(x, y) / 100.0
                if sx <= sy or sy <= sx:
                    s = max(s, 0.85)
            best, words = max((best, words), (s, n))
    return best, words


def score_person_pairs(pairs: pd.DataFrame, entities: pd.DataFrame, context: dict,
                       frequency: dict[str, int] | None = None) -> pd.DataFrame:
    """Score person pairs 0–1 (columns ``PAIR_COLUMNS``); ``reasons`` says what counted.

    ``context`` maps each case_id to sets ``persons`` (keys of people named in it),
    ``companies`` (linked company ids) and ``places``; ``frequency`` is ``name_frequency``.
    """
    e = _records(entities)
    freq = frequency if frequency is not None else name_frequency(entities)
    out = []
    for a, b in zip(pairs["a"], pairs["b"]):
        ra, rb = e[a], e[b]
        if ra["kind"] != "person" or rb["kind"] != "person" or ra["is_initials"] or rb["is_initials"]:
            continue
        sim, words = _name_sim(ra["keys"], rb["keys"])
        if sim < NAME_MIN:
            continue
        reasons = [f"name {sim:.2f}"]
        pa = ra["patronym"] if isinstance(ra["patronym"], str) and ra["patronym"] else None
        pb = rb["patronym"] if isinstance(rb["patronym"], str) and rb["patronym"] else None
        if pa and pb and fuzz.ratio(pa, pb) < 88:
            continue            # different fathers: different people
        score = 0.5 * sim
        if words >= 2 and sim >= 0.95:
            score += 0.1
            reasons.append("full name")
            if min(freq.get(ra["key"], 1), freq.get(rb["key"], 1)) <= RARE_CASES:
                score += 0.1
                reasons.append("rare name")
        if words < 2:
            score -= 0.15
            reasons.append("single word")
        if pa and pb:
            score += 0.3
            reasons.append("same father")
        ca, cb = context.get(ra["case_id"], {}), context.get(rb["case_id"], {})
        own = set(ra["keys"]) | set(rb["keys"])
        shared_p = (ca.get("persons", set()) & cb.get("persons", set())) - own
        if shared_p:
            score += min(0.2 * len(shared_p), 0.4)
            reasons.append(f"{len(shared_p)} shared people")
        shared_c = ca.get("companies", set()) & cb.get("companies", set())
        if shared_c:
            score += 0.2
            reasons.append("shared company")
        if ra.get("court") and ra.get("court") == rb.get("court"):
            score += 0.05
            reasons.append("same court")
        if ca.get("places", set()) & cb.get("places", set()):
            score += 0.05
            reasons.append("shared place")
        roa, rob = set(ra["roles"]), set(rb["roles"])
        if ("victim" in roa) != ("victim" in rob):
            score -= 0.1
            reasons.append("victim vs not")
        elif roa & SUPPORT_ROLES and rob & SUPPORT_ROLES:
            score += 0.05
            reasons.append("both in the scheme")
        out.append((a, b, "person", min(max(score, 0.0), 1.0), sim, "; ".join(reasons)))
    return pd.DataFrame(out, columns=PAIR_COLUMNS)


def score_company_pairs(pairs: pd.DataFrame, entities: pd.DataFrame, context: dict) -> pd.DataFrame:
    """Score company pairs 0–1: equal names and acronyms score on the name; near names need context.

    A near spelling (≥ 0.93, an OCR slip) is accepted on the name; a looser likeness
    (``Mapan Joyo``/``Mapan Jaya``) only with shared people, the same court or place.
    """
    e = _records(entities)
    cores = [company_core(k) for ks in entities.loc[entities["kind"] == "company", "keys"] for k in ks]
    acr = acronym_map(cores)
    out = []
    for a, b in zip(pairs["a"], pairs["b"]):
        ra, rb = e[a], e[b]
        if ra["kind"] != "company" or rb["kind"] != "company":
            continue
        sim = max(name_similarity(company_core(x), company_core(y), acr) for x in ra["keys"] for y in rb["keys"])
        if sim < 0.75:
            continue
        reasons = [f"name {sim:.2f}"]
        if sim >= 0.9:
            score = sim
        else:
            score = 0.5 * sim
            ca, cb = context.get(ra["case_id"], {}), context.get(rb["case_id"], {})
            if ca.get("persons", set()) & cb.get("persons", set()):
                score += 0.3
                reasons.append("shared people")
            if ra.get("court") and ra.get("court") == rb.get("court"):
                score += 0.1
                reasons.append("same court")
            if ca.get("places", set()) & cb.get("places", set()):
                score += 0.05
                reasons.append("shared place")
        out.append((a, b, "company", min(score, 1.0), sim, "; ".join(reasons)))
    return pd.DataFrame(out, columns=PAIR_COLUMNS)


def cluster(entities: pd.DataFrame, scored: pd.DataFrame, upper: float = UPPER) -> dict[str, str]:
    """Merge accepted pairs (score ≥ ``upper``), strongest first, into clusters.

    Union–find with a cannot-link rule: two clusters that already hold entities of the same
    decision are never joined. Returns entity → cluster root (an entity id).

    >>> ents = pd.DataFrame({"entity": ["a#0", "b#0", "a#1"], "case_id": ["A", "B", "A"]})
    >>> s = pd.DataFrame({"a": ["a#0", "b#0"], "b": ["b#0", "a#1"], "score": [0.9, 0.85]})
    >>> sorted(cluster(ents, s).items())
    [('a#0', 'a#0'), ('a#1', 'a#1'), ('b#0', 'a#0')]
    """
    parent = {e: e for e in entities["entity"]}
    cases = {e: {c} for e, c in zip(entities["entity"], entities["case_id"])}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    accepted = scored.loc[scored["score"] >= upper].copy()
    # Among equally scored pairs, the better-attested entities (more mentions) are joined first,
    # so that a decision's main form of a name wins over a stray shortened one.
    size = dict(zip(entities["entity"], entities["n_mentions"])) if "n_mentions" in entities else {}
    accepted["weight"] = [size.get(a, 0) + size.get(b, 0) for a, b in zip(accepted["a"], accepted["b"])]
    accepted = accepted.sort_values(["score", "weight", "a", "b"], ascending=[False, False, True, True])
    for a, b in zip(accepted["a"], accepted["b"]):
        ra, rb = find(a), find(b)
        if ra == rb or cases[ra] & cases[rb]:
            continue
        if ra > rb:
            ra, rb = rb, ra
        parent[rb] = ra
        cases[ra] |= cases.pop(rb)
    return {e: find(e) for e in parent}


def link_entities(entities: pd.DataFrame, context: dict, *, upper: float = UPPER,
                  lower: float = LOWER) -> tuple[dict[str, str], pd.DataFrame]:
    """Companies first, then people (whose context uses the linked companies).

    Returns (entity → cluster root, scored pairs with score ≥ ``lower``). Places and
    agencies are the same actor when their keys are equal.
    """
    roots: dict[str, str] = {}
    scored_all = []
    for kind in ("place", "agency"):
        sub = entities.loc[entities["kind"] == kind]
        # "Polres" or "Kantor Imigrasi" without a place is a different office in each decision.
        group = [f"{k}|{c}" if kind == "agency" and k in LOCAL_AGENCIES else k
                 for k, c in zip(sub["key"], sub["case_id"])]
        first = pd.Series(list(sub["entity"]), index=group).groupby(level=0).first()
        roots.update({e: first[g] for e, g in zip(sub["entity"], group)})
    comp = entities.loc[entities["kind"] == "company"].reset_index(drop=True)
    cs = score_company_pairs(candidate_pairs(comp), comp, context)
    roots.update(cluster(comp, cs, upper))
    scored_all.append(cs)
    for ctx in context.values():
        ctx["companies"] = {roots.get(x, x) for x in ctx.get("company_entities", set())}
    pers = entities.loc[(entities["kind"] == "person")].reset_index(drop=True)
    linkable = pers.loc[~pers["roles"].map(lambda r: "victim" in r)].reset_index(drop=True)
    ps = score_person_pairs(candidate_pairs(linkable), linkable, context, name_frequency(pers))
    roots.update(cluster(pers, ps, upper))
    scored_all.append(ps)
    scored = pd.concat([s for s in scored_all if len(s)], ignore_index=True) if any(len(s) for s in scored_all) \
        else pd.DataFrame(columns=PAIR_COLUMNS)
    return roots, scored.loc[scored["score"] >= lower].reset_index(drop=True)


def build_context(entities: pd.DataFrame, frequency: dict[str, int] | None = None) -> dict:
    """Per decision: keys of people worth sharing (full or rare names, no initials), company
    entities, and transit/destination places named in it."""
    freq = frequency if frequency is not None else name_frequency(entities)
    ctx: dict[str, dict] = defaultdict(lambda: {"persons": set(), "company_entities": set(), "places": set()})
    for r in entities.itertuples(index=False):
        c = ctx[r.case_id]
        if r.kind == "person" and not r.is_initials:
            if len(r.key.split()) >= 2 or freq.get(r.key, 0) <= RARE_CASES:
                c["persons"].add(r.key)
        elif r.kind == "company":
            c["company_entities"].add(r.entity)
        elif r.kind == "place" and r.country and r.country != "Indonesia" or (r.kind == "place" and r.place_role == "transit"):
            c["places"].add(r.key)
    return dict(ctx)
