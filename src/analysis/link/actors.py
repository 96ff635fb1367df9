"""From parsed decisions to the ``actors``, ``ties`` and ``link_review`` tables.

``build_actor_tables`` is the step the decisions pipeline calls after parsing: it finds the
mentions in every decision (``analysis.extract.mentions``), resolves them within each decision
(``analysis.link.within_case``), links entities across decisions
(``analysis.link.across_cases``), reads ties (``analysis.link.ties``), and names every person
only by pseudonym. ``link_decisions`` does the same work and also returns the in-memory
mention → actor map that accuracy checks need.

Identifiers: a person's ``actor_id`` and ``label`` are ``privacy.pseudonym`` of the cluster's
canonical name key (the defendant's key when the cluster holds a defendant; a name shared by
two clusters gets the first case id appended before hashing, and the entity id too when that
is shared as well). Distinct clusters always get distinct ids (``privacy.check_unique``
raises otherwise). Each defendant's ``person_id`` becomes the actor id of the person the
defendant was resolved to, so one id spans decisions only where the linker joined them.
Victims are pseudonymised per decision (``V-…``) and never linked across decisions.
Companies, places and agencies carry their names.

>>> from analysis.extract.model import ParsedDecision, DefendantMention
>>> t = ("Terdakwa SURYAWIGUNA TAMBAKBOYO bersama Sdr. MANIKMAYA (DPO) merekrut saksi korban NAWANGWULAN untuk "
...      "bekerja di Malaysia melalui PT. MAJU JAYA.")
>>> d = ParsedDecision(source_file="1_x.txt", raw_text=t, text=t, to_raw=list(range(len(t))), case_id="1/X",
...     defendants=[DefendantMention(name="SURYAWIGUNA TAMBAKBOYO", person_key="suryawiguna tambakboyo")])
>>> out = build_actor_tables([d], {})
>>> sorted(out["actors"]["kind"].tolist())
['company', 'person', 'person', 'person', 'place']
>>> sorted(out["ties"]["relation"].tolist())
['recruited', 'recruited']
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter

import pandas as pd

from analysis.extract.mentions import find_mentions
from analysis.extract.model import ParsedDecision
from analysis.link import across_cases
from analysis.link.across_cases import LOWER, UPPER
from analysis.link.ties import TIE_COLUMNS, sentence_ties, structural_ties
from analysis.link.within_case import ENTITY_COLUMNS, records, resolve_within_case
from analysis.privacy import RedactionError, check_unique, pseudonym, redact
from analysis.privacy.names import SecretNames, decision_guard, label_holds_name, role_then_name

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


def _court_year(case_id: str, cases: pd.DataFrame | None,
                lookup: dict[str, tuple] | None = None) -> tuple[str | None, int | None]:
    court = year = None
    m = _COURT.search(case_id or "")
    if m:
        year, court = int(m.group(1)), " ".join(m.group(2).split())
    lookup = _case_lookup(cases) if lookup is None else lookup
    if case_id in lookup:
        c, date = lookup[case_id]
        if isinstance(c, str):
            court = c
        if date is not None and pd.notna(date):
            year = pd.Timestamp(date).year
    return court, year


def _case_lookup(cases: pd.DataFrame | None) -> dict[str, tuple]:
    """case_id → (court, decision_date) of its first row in ``cases`` (either may be None)."""
    if cases is None or not len(cases) or "case_id" not in cases:
        return {}
    n = len(cases)
    courts = cases["court"].tolist() if "court" in cases else [None] * n
    dates = list(cases["decision_date"]) if "decision_date" in cases else [None] * n
    out: dict[str, tuple] = {}
    for case_id, court, date in zip(cases["case_id"].tolist(), courts, dates):
        out.setdefault(case_id, (court, date))
    return out


def decision_entities(doc: ParsedDecision) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """One decision's (entities, mentions with ``entity``, ties between entities)."""
    ev = _evidence_fn(doc)
    mentions = find_mentions(doc, evidence=ev)
    entities, mentions = resolve_within_case(mentions, doc.defendants)
    # A defendant's identity block is a mention too (it is where the decision names them in
    # full); defendants known only from it take its span as their evidence.
    extra = []
    for i, (entity, key, index, evidence) in enumerate(zip(entities["entity"].tolist(), entities["key"].tolist(),
                                                         entities["defendant_index"].tolist(),
                                                         entities["evidence"].tolist())):
        if index is None or pd.isna(index):
            continue
        d = doc.defendants[int(index)]
        if d.span:
            extra.append({"source_file": doc.source_file, "case_id": doc.case_id or doc.source_file, "kind": "person",
                          "key": key, "start": d.span[0], "end": d.span[1], "evidence": ev(*d.span),
                          "roles": ["defendant"], "cue": "identity", "entity": entity, "mention_id": -1 - len(extra)})
        if not isinstance(evidence, str):
            entities.at[entities.index[i], "evidence"] = ev(*d.span) if d.span else f"{doc.source_file}:0-0"
    if extra:
        mentions = pd.concat([mentions, pd.DataFrame(extra)], ignore_index=True)
    roles = dict(zip(entities["entity"], entities["roles"]))
    place_roles = dict(zip(entities["entity"], entities["place_role"]))
    ties = pd.concat([structural_ties(entities),
                      sentence_ties(doc.text or "", mentions.loc[mentions["cue"] != "identity"], roles, place_roles, ev)], ignore_index=True)
    return entities, mentions, ties


def prepare_decision(doc: ParsedDecision) -> ParsedDecision:
    """Do one decision's share of the linking (``decision_entities``) and keep it on ``doc``.

    The decisions pipeline calls this inside its worker processes, right after parsing, so
    that the per-decision work runs on every core; ``link_decisions`` then only links across
    decisions. A failure is kept as its message and becomes a ``rejects`` row there.

    >>> from analysis.extract.model import ParsedDecision
    >>> t = "Bahwa Sdr. WIRAPATI (DPO) merekrut saksi korban PUJIWATI."
    >>> d = prepare_decision(ParsedDecision(source_file="1_x.txt", raw_text=t, text=t, to_raw=list(range(len(t)))))
    >>> entities, mentions, ties = d.actor_parts
    >>> entities["roles"].tolist(), ties["relation"].tolist()
    ([['fugitive', 'recruiter'], ['victim']], ['recruited'])
    """
    try:
        doc.actor_parts = decision_entities(doc)
        doc.label_guard = decision_guard(doc.raw_text or doc.text or "")
    except (ImportError, RedactionError):
        raise
    except Exception as exc:  # noqa: BLE001 - reported as a rejects row by link_decisions
        doc.actor_parts = f"{type(exc).__name__}: {exc}"
    return doc


def _decision_parts(doc: ParsedDecision):
    """``decision_entities(doc)``, taken from ``prepare_decision`` when it already ran."""
    parts = getattr(doc, "actor_parts", None)
    if parts is None:
        return decision_entities(doc)
    if isinstance(parts, str):
        raise _PreparedFailure(parts)
    return parts


class _PreparedFailure(Exception):
    """A failure of ``decision_entities`` met earlier in a worker process (its message)."""


def _canonical(keys: list[str], defendant_keys: list[str]) -> str:
    pool = defendant_keys or keys
    c = Counter(pool)
    return min(c, key=lambda k: (-c[k], -len(k.split()), -len(k), k))


def _person_names(entities: pd.DataFrame) -> frozenset[str]:
    """Folded full names (two words or more) of every person entity, in memory only."""
    names = entities.loc[entities["kind"] == "person", "name"].dropna().astype(str)
    return frozenset(n for n in (" ".join(re.findall(r"[a-z]+", x.lower())) for x in names) if " " in n)


class LabelGuard:
    """Per decision, the person names (the broad list of ``analysis.privacy.names`` plus the names
    extraction found) and ordinary words, held in memory to keep names out of public labels.

    ``safe(label, kind, cases)`` returns the label, or its pseudonym (``C-``, ``L-``, ``A-``) when
    it holds a person name of one of ``cases`` — one-word names included, unless the word is a
    place, a legal-form or agency word, or a word that decision writes in lower case (the rule of
    ``label_holds_name``) — or a role word followed by a name ("Polda Terdakwa Fulan").

    >>> g = LabelGuard({"1/X": (frozenset({"wirapati", "kartolo"}), frozenset({"sentanu"}))})
    >>> g.safe("LPK WIRAPATI", "company", ["1/X"]).startswith("C-"), g.safe("LPK WIRAPATI", "company", ["2/Y"])
    (True, 'LPK WIRAPATI')
    >>> g.safe("PT MEKAR SENTANU", "company", ["1/X"]), g.safe("Polres Blitar", "agency", ["1/X"])
    ('PT MEKAR SENTANU', 'Polres Blitar')
    """

    def __init__(self, by_case: dict[str, tuple[frozenset[str], frozenset[str]]] | None = None,
                 person_names: frozenset[str] = frozenset()):
        self.by_case = by_case or {}
        self.person_names = person_names
        #: actor_id → the label before it was pseudonymised, in memory only (accuracy checks
        #: score extraction against the gold set by name); never written out.
        self.clear_labels: dict[str, str] = {}

    def holds_name(self, label: str, cases, kind: str = "agency") -> bool:
        # A role word inside a company's name is a word of that name ("LPK Anak Bangsa"); in an
        # agency's label it means the text ran on into a person.
        if (kind == "agency" and role_then_name(label)) or _safe_label(label, "company", self.person_names) != label:
            return True
        for c in cases:
            names, ordinary = self.by_case.get(c, (frozenset(), frozenset()))
            if label_holds_name(label, names, ordinary):
                return True
        return False

    def safe(self, label: str, kind: str, cases) -> str:
        if kind == "person" or not label:
            return label
        if self.holds_name(label, cases, kind):
            return pseudonym(" ".join(re.findall(r"[a-z0-9]+", label.lower())) or label, kind)
        return label


def _case_guards(parsed: list[ParsedDecision], entities: pd.DataFrame) -> dict[str, tuple]:
    """case_id → (person names, ordinary words): ``decision_guard`` of each decision's file text (taken
    from ``prepare_decision`` when it ran) plus the folded names extraction found in it."""
    found: dict[str, set[str]] = {}
    if len(entities):
        people = entities.loc[entities["kind"] == "person"]
        for case, name in zip(people["case_id"].tolist(), people["name"].tolist()):
            if isinstance(name, str):
                folded = " ".join(re.findall(r"[a-z]+", name.lower()))
                if folded:
                    found.setdefault(case, set()).add(folded)
    out = {}
    for doc in parsed:
        case = doc.case_id or doc.source_file
        guard = getattr(doc, "label_guard", None) or decision_guard(doc.raw_text or doc.text or "")
        names, ordinary = guard
        out[case] = (SecretNames(names | found.get(case, set())), ordinary)
    return out


def _safe_label(label: str, kind: str, person_names: frozenset[str]) -> str:
    """The label, unless it holds a person's full name (e.g. a training centre named after its
    owner): then a pseudonym of the label, so that no name leaves through a company or place.

    >>> _safe_label("LPK MEKAR ABADI", "company", frozenset({"gandrung wisesa"}))
    'LPK MEKAR ABADI'
    >>> _safe_label("LPK GANDRUNG WISESA", "company", frozenset({"gandrung wisesa"})).startswith("C-")
    True
    """
    words = re.findall(r"[a-z]+", label.lower())
    for n in range(2, 5):
        for i in range(len(words) - n + 1):
            if " ".join(words[i:i + n]) in person_names:
                return pseudonym(" ".join(words), kind)
    return redact(label)


def _company_label(names: list[str]) -> str:
    c = Counter(names)
    return min(c, key=lambda n: (-(len(n.split()) > 2), -c[n], -len(n), n))


def _groups(values: list) -> dict:
    """Value → row positions holding it, values in sorted order (like ``groupby(sort=True)``), nulls left out."""
    at: dict = {}
    for i, v in enumerate(values):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            continue
        at.setdefault(v, []).append(i)
    return {v: at[v] for v in sorted(at)}


def _assign_ids(entities: pd.DataFrame, roots: dict[str, str]) -> dict[str, str]:
    """Cluster root → actor_id (pseudonyms for people and victims)."""
    root_col = entities["entity"].map(roots).fillna(entities["entity"]).tolist()
    kinds, roles, keys = entities["kind"].tolist(), entities["roles"].tolist(), entities["key"].tolist()
    cases, ents = entities["case_id"].tolist(), entities["entity"].tolist()
    pids = entities["person_id"].tolist()
    key_of: dict[str, tuple[str, str]] = {}
    first_case: dict[str, str] = {}
    for root, rows in _groups(root_col).items():
        first_case[root] = min(cases[i] for i in rows)
        i0 = rows[0]
        kind = kinds[i0]
        g_roles = [roles[i] for i in rows]
        if kind == "person":
            is_victim = all("victim" in r for r in g_roles) and not any("defendant" in r for r in g_roles)
            if is_victim:
                key_of[root] = ("victim", f"{keys[i0]}|{cases[i0]}")
                continue
            def_keys = [keys[i] for i in rows if "defendant" in roles[i] and keys[i]]
            g_keys = [keys[i] for i in rows if keys[i]]
            if not g_keys:
                # A defendant whose name the court withheld keeps the per-case id of the identity block.
                pid = next((pids[i] for i in rows if pids[i]), "")
                key_of[root] = ("fixed", pid or f"{cases[i0]}#{ents[i0]}")
                continue
            key_of[root] = ("person", _canonical(g_keys, def_keys))
        elif kind == "company":
            cores = [across_cases.company_core(keys[i]) for i in rows]
            multi = [c for c in cores if len(c.split()) > 1]
            key_of[root] = ("company", Counter(multi or cores).most_common(1)[0][0])
        else:
            key_of[root] = (kind, keys[i0])
    used = Counter(key_of.values())
    texts = {}
    for root, (kind, key) in key_of.items():
        if kind != "fixed" and not key:
            key = f"{root}"          # nothing of a name is left: an id of its own, never shared
        texts[root] = (kind, key if kind == "fixed" or used[(kind, key)] == 1 else f"{key}|{first_case[root]}")
    # Two clusters of one name whose first decision is also the same: the entity id tells them apart.
    again = Counter(texts.values())
    out, rows = {}, []
    for root, (kind, text) in texts.items():
        if kind == "fixed":
            out[root] = text if text.startswith("P-") else pseudonym(text, kind="person")
        else:
            out[root] = pseudonym(text if again[(kind, text)] == 1 else f"{text}|{root}", kind=kind)
        rows.append((root, out[root]))
    # Distinct clusters must keep distinct ids: a shared id would merge them silently.
    check_unique(pd.DataFrame(rows, columns=["root", "actor_id"]), "root", "actor_id")
    return out


def link_decisions(parsed: list[ParsedDecision], cases: pd.DataFrame | None = None, *,
                   upper: float = UPPER, lower: float = LOWER) -> dict[str, pd.DataFrame]:
    """All the linking work; returns tables plus in-memory ``mentions`` and ``entities`` (with names).

    Never write ``mentions``, ``entities`` or ``clear_labels`` (the labels a name made
    pseudonyms of) out: they hold names. ``build_actor_tables`` keeps
    only the pseudonymised tables.
    """
    ents, ments, ties, rejects = [], [], [], []
    lookup = _case_lookup(cases)
    for doc in parsed:
        try:
            e, m, t = _decision_parts(doc)
        except _PreparedFailure as exc:
            log.warning("mentions failed for %s: %s", doc.source_file, exc)
            rejects.append((doc.source_file, "extract", "actor extraction failed", str(exc)))
            continue
        except (ImportError, RedactionError):
            raise
        except Exception as exc:  # noqa: BLE001 - one bad decision must not stop the corpus; it is reported
            log.warning("mentions failed for %s: %s", doc.source_file, exc)
            rejects.append((doc.source_file, "extract", "actor extraction failed", f"{type(exc).__name__}: {exc}"))
            continue
        court, year = _court_year(doc.case_id or "", cases, lookup)
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

    guard = LabelGuard(_case_guards([d for d in parsed if not isinstance(getattr(d, "actor_parts", None), str)],
                                    entities), _person_names(entities))
    actors = _actors_table(entities, guard)
    ties_df = pd.concat(ties, ignore_index=True) if ties else pd.DataFrame(columns=[*TIE_COLUMNS, "case_id"])
    ties_df = pd.DataFrame({
        "source_id": ties_df["source"].map(actor_of), "target_id": ties_df["target"].map(actor_of),
        "relation": ties_df["relation"], "case_id": ties_df["case_id"], "evidence": ties_df["evidence"],
        "date": pd.to_datetime(ties_df["date"]),
    }, columns=TIES_COLUMNS)
    ties_df = ties_df.loc[ties_df["source_id"] != ties_df["target_id"]].drop_duplicates(
        ["source_id", "target_id", "relation", "case_id"]).reset_index(drop=True)
    review = _review_table(scored, entities, upper, guard)
    return {"actors": actors, "ties": ties_df, "link_review": review, "entities": entities, "mentions": mentions,
            "scored": scored, "rejects": pd.DataFrame(rejects, columns=REJECT_COLUMNS), "label_guard": guard,
            "clear_labels": guard.clear_labels}


def _actors_table(entities: pd.DataFrame, guard: LabelGuard | None = None) -> pd.DataFrame:
    cols = {c: entities[c].tolist() for c in ("actor_id", "kind", "roles", "name", "case_id", "court", "year",
                                              "n_mentions", "place_role", "country")}
    guard = guard or LabelGuard(person_names=_person_names(entities))
    changed: Counter = Counter()
    rows = []
    for actor_id, at in _groups(cols["actor_id"]).items():
        kind = cols["kind"][at[0]]
        roles: list[str] = []
        for i in at:
            roles += [r for r in cols["roles"][i] if r not in roles]
        if kind == "person":
            label = actor_id
        elif kind == "company":
            label = _company_label([str(cols["name"][i]) for i in at])
        else:
            label = str(cols["name"][at[0]])
        years = [y for y in (cols["year"][i] for i in at) if pd.notna(y)]
        cases = {cols["case_id"][i] for i in at if pd.notna(cols["case_id"][i])}
        if kind != "person":
            safe = guard.safe(label, kind, sorted(cases))
            if safe != label:
                changed[kind] += 1
                guard.clear_labels[actor_id] = label
            label = safe
        place_role = next((v for v in (cols["place_role"][i] for i in at) if pd.notna(v)), None)
        country = next((v for v in (cols["country"][i] for i in at) if pd.notna(v)), None)
        rows.append({"actor_id": actor_id, "kind": kind, "roles": roles, "label": label,
                     "n_cases": len(cases), "cases": sorted(cases),
                     "courts": sorted({c for c in (cols["court"][i] for i in at) if isinstance(c, str)}),
                     "first_year": int(min(years)) if years else None,
                     "last_year": int(max(years)) if years else None,
                     "n_mentions": int(sum(cols["n_mentions"][i] for i in at)),
                     "place_role": place_role, "country": country})
    if changed:
        log.info("actor labels holding a person's name, pseudonymised: %s", dict(sorted(changed.items())))
    df = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    for c in ("first_year", "last_year"):
        df[c] = df[c].astype("Int64")
    df["n_cases"] = df["n_cases"].astype("Int64")
    return df


def _review_table(scored: pd.DataFrame, entities: pd.DataFrame, upper: float,
                  guard: LabelGuard | None = None) -> pd.DataFrame:
    if not len(scored):
        return pd.DataFrame(columns=REVIEW_COLUMNS)
    e = {r["entity"]: r for r in records(entities, ("entity", "actor_id", "kind", "name", "case_id", "evidence"))}
    band = scored.loc[scored["score"] < upper]
    guard = guard or LabelGuard(person_names=_person_names(entities))
    rows = []
    for r in band.itertuples(index=False):
        a, b = e[r.a], e[r.b]
        if a["actor_id"] == b["actor_id"]:
            continue
        label = (lambda x: x["actor_id"] if x["kind"] == "person"
                 else guard.safe(str(x["name"]), x["kind"], [x["case_id"]]))
        rows.append({"kind": r.kind, "actor_a": a["actor_id"], "actor_b": b["actor_id"], "label_a": label(a),
                     "label_b": label(b), "case_a": a["case_id"], "case_b": b["case_id"], "score": float(r.score),
                     "reasons": r.reasons, "evidence_a": a["evidence"], "evidence_b": b["evidence"]})
    return pd.DataFrame(rows, columns=REVIEW_COLUMNS).sort_values(["score", "actor_a", "actor_b"],
                                                                  ascending=[False, True, True]).reset_index(drop=True)


def _relink_defendants(defendants: pd.DataFrame, parsed: list[ParsedDecision], entities: pd.DataFrame) -> pd.DataFrame:
    """Replace each defendant's ``person_id`` by the linked actor_id (matched on case and identity-block order,
    ``defendant_no``); a defendant the linker did not see keeps its name-and-case id."""
    if defendants is None or not len(defendants) or not len(entities):
        return defendants
    key = entities.loc[entities["defendant_index"].notna()]
    by_case = {(c, int(i) + 1): a for c, i, a in zip(key["case_id"], key["defendant_index"], key["actor_id"])
               if isinstance(a, str) and a}
    out = defendants.copy()
    out["person_id"] = [by_case.get((c, int(n)), p) for c, n, p in
                        zip(out["case_id"], out["defendant_no"], out["person_id"])]
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
