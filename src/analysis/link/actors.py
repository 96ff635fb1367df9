"""From parsed decisions to the ``actors``, ``ties`` and ``link_review`` tables.

``build_actor_tables`` is the step the decisions pipeline calls after parsing: it finds the
mentions in every decision (``analysis.extract.mentions``), resolves them within each decision
(``analysis.link.within_case``), links entities across decisions
(``analysis.link.across_cases``), reads ties (``analysis.link.ties``), and names every person
only by pseudonym. ``link_decisions`` does the same work and also returns the in-memory
mention → actor map that accuracy checks need.

Identifiers: a person's ``actor_id`` and ``label`` are ``privacy.pseudonym`` of the cluster's
canonical name key (the defendant's key when the cluster holds a defendant, so defendants
keep the person_id the identity block gave them; a name shared by two clusters gets the
first case id appended before hashing). Victims are pseudonymised per decision (``V-…``)
and never linked across decisions. Companies, places and agencies carry their names.

>>> from analysis.extract.model import ParsedDecision, DefendantMention
>>> t = ("Terdakwa SURYAWIGUNA TAMBAKBOYO bersama Sdr. MANIKMAYA (DPO) merekrut saksi korban NAWANGWULAN untuk "
...      "bekerja di Malaysia melalui PT. MAJU JAYA.")
>>> d = ParsedDecision(source_file="1_x.txt", raw_text=t, text=t, to_raw=list(range(len(t))), case_id="1/X",
...     defendants=[DefendantMention(name="SURYAWIGUNA TAMBAKBOYO", person_key="suryawiguna tambakboyo")])
>>> out = build_actor_tables([d], {})
>>> sorted(out["actors"]["kind"].tolist())
['company', 'person', 'person', 'person', 'place']
>>> sorted(out["ties"]["relation"].tolist())
['recruited']
"""

from __future__ import annotations

import logging
import re
from collections import Counter

import pandas as pd

from analysis.extract.mentions import find_mentions
from analysis.extract.model import ParsedDecision
from analysis.link import across_cases
from analysis.link.across_cases import LOWER, UPPER
from analysis.link.ties import TIE_COLUMNS, sentence_ties, structural_ties
from analysis.link.within_case import ENTITY_COLUMNS, resolve_within_case
from analysis.privacy import pseudonym

log = logging.getLogger(__name__)

ACTOR_COLUMNS = ["actor_id", "kind", "roles", "label", "n_cases", "cases", "courts", "first_year", "last_year",
                 "n_mentions", "place_role", "country"]
TIES_COLUMNS = ["source_id", "target_id", "relation", "case_id", "evidence", "date"]
REVIEW_COLUMNS = ["kind", "actor_a", "actor_b", "label_a", "label_b", "case_a", "case_b", "score", "reasons",
                  "evidence_a", "evidence_b"]
REJECT_COLUMNS = ["source", "stage", "reason", "detail"]
_COURT = re.compile(r"/(\d{4})/(PN\s*.+)$")


def _evidence_fn(doc: ParsedDecision):
    """Cleaned span → ``<file>:<start>-<end>`` in raw offsets (``to_raw`` may be a list or an array)."""
    to_raw = doc.to_raw
    n = len(to_raw) if to_raw is not None else 0

    def ev(start: int, end: int) -> str:
        if n == 0:
            return f"{doc.source_file}:{start}-{end}"
        s = int(to_raw[min(max(start, 0), n - 1)])
        e = int(to_raw[min(max(end - 1, 0), n - 1)]) + 1
        return f"{doc.source_file}:{s}-{e}"

    return ev


def _court_year(case_id: str, cases: pd.DataFrame | None) -> tuple[str | None, int | None]:
    court = year = None
    m = _COURT.search(case_id or "")
    if m:
        year, court = int(m.group(1)), " ".join(m.group(2).split())
    if cases is not None and len(cases) and "case_id" in cases:
        row = cases.loc[cases["case_id"] == case_id]
        if len(row):
            if "court" in row and isinstance(row["court"].iat[0], str):
                court = row["court"].iat[0]
            if "decision_date" in row and pd.notna(row["decision_date"].iat[0]):
                year = pd.Timestamp(row["decision_date"].iat[0]).year
    return court, year


def decision_entities(doc: ParsedDecision) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """One decision's (entities, mentions with ``entity``, ties between entities)."""
    ev = _evidence_fn(doc)
    mentions = find_mentions(doc, evidence=ev)
    entities, mentions = resolve_within_case(mentions, doc.defendants)
    # A defendant's identity block is a mention too (it is where the decision names them in
    # full); defendants known only from it take its span as their evidence.
    extra = []
    for i, r in entities.iterrows():
        if r["defendant_index"] is None or pd.isna(r["defendant_index"]):
            continue
        d = doc.defendants[int(r["defendant_index"])]
        if d.span:
            extra.append({"source_file": doc.source_file, "case_id": doc.case_id or doc.source_file, "kind": "person",
                          "key": r["key"], "start": d.span[0], "end": d.span[1], "evidence": ev(*d.span),
                          "roles": ["defendant"], "cue": "identity", "entity": r["entity"], "mention_id": -1 - len(extra)})
        if not isinstance(r["evidence"], str):
            entities.at[i, "evidence"] = ev(*d.span) if d.span else f"{doc.source_file}:0-0"
    if extra:
        mentions = pd.concat([mentions, pd.DataFrame(extra)], ignore_index=True)
    roles = dict(zip(entities["entity"], entities["roles"]))
    place_roles = dict(zip(entities["entity"], entities["place_role"]))
    ties = pd.concat([structural_ties(entities),
                      sentence_ties(doc.text or "", mentions.loc[mentions["cue"] != "identity"], roles, place_roles, ev)], ignore_index=True)
    return entities, mentions, ties


def _canonical(keys: list[str], defendant_keys: list[str]) -> str:
    pool = defendant_keys or keys
    c = Counter(pool)
    return min(c, key=lambda k: (-c[k], -len(k.split()), -len(k), k))


def _company_label(names: list[str]) -> str:
    c = Counter(names)
    return min(c, key=lambda n: (-(len(n.split()) > 2), -c[n], -len(n), n))


def _assign_ids(entities: pd.DataFrame, roots: dict[str, str]) -> dict[str, str]:
    """Cluster root → actor_id (pseudonyms for people and victims)."""
    entities = entities.assign(root=entities["entity"].map(roots).fillna(entities["entity"]))
    key_of: dict[str, tuple[str, str]] = {}
    for root, g in entities.groupby("root", sort=True):
        kind = g["kind"].iat[0]
        if kind == "person":
            is_victim = all("victim" in r for r in g["roles"]) and not any("defendant" in r for r in g["roles"])
            if is_victim:
                key_of[root] = ("victim", f"{g['key'].iat[0]}|{g['case_id'].iat[0]}")
                continue
            def_keys = [k for k, r in zip(g["key"], g["roles"]) if "defendant" in r and k]
            keys = [k for k in g["key"] if k]
            if not keys:
                # A defendant whose name the court withheld keeps the per-case id of the identity block.
                pid = next((p for p in g["person_id"] if p), "")
                key_of[root] = ("fixed", pid or f"{g['case_id'].iat[0]}#{g['entity'].iat[0]}")
                continue
            key_of[root] = ("person", _canonical(keys, def_keys))
        elif kind == "company":
            cores = [across_cases.company_core(k) for k in g["key"]]
            multi = [c for c in cores if len(c.split()) > 1]
            key_of[root] = ("company", Counter(multi or cores).most_common(1)[0][0])
        else:
            key_of[root] = (kind, g["key"].iat[0])
    first_case = entities.groupby("root")["case_id"].min()
    used = Counter(key_of.values())
    out = {}
    for root, (kind, key) in key_of.items():
        if kind == "fixed":
            out[root] = key if key.startswith("P-") else pseudonym(key, kind="person")
            continue
        if not key:
            key = f"{root}"          # nothing of a name is left: an id of its own, never shared
        text = key if used[(kind, key)] == 1 else f"{key}|{first_case[root]}"
        out[root] = pseudonym(text, kind=kind)
    return out


def link_decisions(parsed: list[ParsedDecision], cases: pd.DataFrame | None = None, *,
                   upper: float = UPPER, lower: float = LOWER) -> dict[str, pd.DataFrame]:
    """All the linking work; returns tables plus in-memory ``mentions`` and ``entities`` (with names).

    Never write ``mentions`` or ``entities`` out: they hold names. ``build_actor_tables`` keeps
    only the pseudonymised tables.
    """
    ents, ments, ties, rejects = [], [], [], []
    for doc in parsed:
        try:
            e, m, t = decision_entities(doc)
        except Exception as exc:  # noqa: BLE001 - one bad decision must not stop the corpus; it is reported
            log.warning("mentions failed for %s: %s", doc.source_file, exc)
            rejects.append((doc.source_file, "extract", "actor extraction failed", f"{type(exc).__name__}: {exc}"))
            continue
        court, year = _court_year(doc.case_id or "", cases)
        e = e.assign(court=court, year=year)
        t = t.assign(case_id=doc.case_id or doc.source_file)
        ents.append(e)
        ments.append(m)
        ties.append(t)
    entities = pd.concat(ents, ignore_index=True) if ents else pd.DataFrame(columns=[*ENTITY_COLUMNS, "court", "year"])
    mentions = pd.concat(ments, ignore_index=True) if ments else pd.DataFrame()
    context = across_cases.build_context(entities) if len(entities) else {}
    roots, scored = across_cases.link_entities(entities, context, upper=upper, lower=lower) if len(entities) \
        else ({}, pd.DataFrame(columns=across_cases.PAIR_COLUMNS))
    entities["root"] = entities["entity"].map(roots).fillna(entities["entity"])
    ids = _assign_ids(entities, roots) if len(entities) else {}
    entities["actor_id"] = entities["root"].map(ids)
    actor_of = dict(zip(entities["entity"], entities["actor_id"]))
    if len(mentions):
        mentions["actor_id"] = mentions["entity"].map(actor_of)

    actors = _actors_table(entities)
    ties_df = pd.concat(ties, ignore_index=True) if ties else pd.DataFrame(columns=[*TIE_COLUMNS, "case_id"])
    ties_df = pd.DataFrame({
        "source_id": ties_df["source"].map(actor_of), "target_id": ties_df["target"].map(actor_of),
        "relation": ties_df["relation"], "case_id": ties_df["case_id"], "evidence": ties_df["evidence"],
        "date": pd.to_datetime(ties_df["date"]),
    }, columns=TIES_COLUMNS)
    ties_df = ties_df.loc[ties_df["source_id"] != ties_df["target_id"]].drop_duplicates(
        ["source_id", "target_id", "relation", "case_id"]).reset_index(drop=True)
    review = _review_table(scored, entities, upper)
    return {"actors": actors, "ties": ties_df, "link_review": review, "entities": entities, "mentions": mentions,
            "scored": scored, "rejects": pd.DataFrame(rejects, columns=REJECT_COLUMNS)}


def _actors_table(entities: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for actor_id, g in entities.groupby("actor_id", sort=True):
        kind = g["kind"].iat[0]
        roles: list[str] = []
        for rs in g["roles"]:
            roles += [r for r in rs if r not in roles]
        if kind == "person":
            label = actor_id
        elif kind == "company":
            label = _company_label([str(n) for n in g["name"]])
        else:
            label = str(g["name"].iat[0])
        years = g["year"].dropna()
        rows.append({"actor_id": actor_id, "kind": kind, "roles": roles, "label": label,
                     "n_cases": g["case_id"].nunique(), "cases": sorted(g["case_id"].unique().tolist()),
                     "courts": sorted({c for c in g["court"] if isinstance(c, str)}),
                     "first_year": int(years.min()) if len(years) else None,
                     "last_year": int(years.max()) if len(years) else None,
                     "n_mentions": int(g["n_mentions"].sum()),
                     "place_role": g["place_role"].dropna().iat[0] if g["place_role"].notna().any() else None,
                     "country": g["country"].dropna().iat[0] if g["country"].notna().any() else None})
    df = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    for c in ("first_year", "last_year"):
        df[c] = df[c].astype("Int64")
    df["n_cases"] = df["n_cases"].astype("Int64")
    return df


def _review_table(scored: pd.DataFrame, entities: pd.DataFrame, upper: float) -> pd.DataFrame:
    if not len(scored):
        return pd.DataFrame(columns=REVIEW_COLUMNS)
    e = entities.set_index("entity")
    band = scored.loc[scored["score"] < upper]
    rows = []
    for r in band.itertuples(index=False):
        a, b = e.loc[r.a], e.loc[r.b]
        if a["actor_id"] == b["actor_id"]:
            continue
        label = (lambda x: x["actor_id"] if x["kind"] == "person" else str(x["name"]))
        rows.append({"kind": r.kind, "actor_a": a["actor_id"], "actor_b": b["actor_id"], "label_a": label(a),
                     "label_b": label(b), "case_a": a["case_id"], "case_b": b["case_id"], "score": float(r.score),
                     "reasons": r.reasons, "evidence_a": a["evidence"], "evidence_b": b["evidence"]})
    return pd.DataFrame(rows, columns=REVIEW_COLUMNS).sort_values(["score", "actor_a", "actor_b"],
                                                                  ascending=[False, True, True]).reset_index(drop=True)


def _relink_defendants(defendants: pd.DataFrame, parsed: list[ParsedDecision], entities: pd.DataFrame) -> pd.DataFrame:
    """Replace each defendant's ``person_id`` by the linked actor_id (matched on case and identity-block order)."""
    if defendants is None or not len(defendants) or not len(entities):
        return defendants
    key = entities.loc[entities["defendant_index"].notna()]
    by_case = {(c, int(i)): a for c, i, a in zip(key["case_id"], key["defendant_index"], key["actor_id"])}
    old_to_new: dict[tuple[str, str], str] = {}
    for doc in parsed:
        case = doc.case_id or doc.source_file
        for i, d in enumerate(doc.defendants):
            new = by_case.get((case, i))
            old = d.person_id or (pseudonym(d.person_key) if d.person_key else None)
            if new and old:
                old_to_new[(case, old)] = new
    out = defendants.copy()
    out["person_id"] = [old_to_new.get((c, p), p) for c, p in zip(out["case_id"], out["person_id"])]
    return out


def build_actor_tables(parsed: list[ParsedDecision], tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """``actors``, ``ties``, ``link_review`` (and an updated ``defendants`` and ``rejects``) from parsed decisions.

    ``tables`` may hold ``cases`` (for courts and years), ``defendants`` (whose ``person_id``
    is replaced by the linked actor_id) and ``rejects`` (to which decisions that failed here
    are added). No column of the returned tables holds a person's name.
    """
    res = link_decisions(parsed, tables.get("cases"))
    out = {"actors": res["actors"], "ties": res["ties"], "link_review": res["link_review"]}
    if tables.get("defendants") is not None:
        out["defendants"] = _relink_defendants(tables["defendants"], parsed, res["entities"])
    rej = res["rejects"]
    if tables.get("rejects") is not None:
        rej = pd.concat([tables["rejects"], rej], ignore_index=True)
    if len(rej) or tables.get("rejects") is not None:
        out["rejects"] = rej
    return out
