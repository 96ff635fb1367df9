"""Victim extraction scored against the hand-annotated victim gold set, per half and per field.

Usage: ``PYTHONPATH=src python benchmarks/victim_accuracy.py [--half dev|test|both] [--data DIR] [-v]``

Per half it prints, for the decisions whose gold gives the field: the number of victims
given and exact, origin regency, destination country and exploitation type right; and the
same-run baseline (the count ``cases.n_victims`` held so far, ``case_fields.victim_count``).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pandas as pd

from analysis.extract.decisions import parse_decision
from analysis.extract.model import ParsedDecision
from analysis.extract.victims import score_decisions, summarise_scores, victims_table

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"


def gold_half(half: str) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    d, g = GOLD / f"victims_{half}_decisions.csv", GOLD / f"victims_{half}_gold.csv"
    if not d.exists() or not g.exists():
        return None
    return (pd.read_csv(d, dtype=str, keep_default_na=False).replace("", None),
            pd.read_csv(g, dtype=str, keep_default_na=False).replace("", None))


def score_half(half: str, data: Path) -> pd.DataFrame | None:
    gold = gold_half(half)
    if gold is None:
        return None
    decisions, rows = gold
    parsed = [parse_decision(data / f) for f in decisions["source_file"]]
    docs = [p for p in parsed if isinstance(p, ParsedDecision)]
    baseline = {d.source_file: d.fields.get("n_victims") for d in docs}
    baseline = {k: (None if v is None or pd.isna(v) else int(v)) for k, v in baseline.items()}
    return score_decisions(victims_table(docs), decisions, rows, baseline)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", default="both", choices=["dev", "test", "both"])
    ap.add_argument("--data", default=os.environ.get("TPPO_DATA", str(ROOT.parent / "shared" / "data")))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    data = Path(args.data) / "putusan_tppo"
    for half in (["dev", "test"] if args.half == "both" else [args.half]):
        s = score_half(half, data)
        if s is None:
            print(f"{half}: no gold set")
            continue
        summ = summarise_scores(s)
        print(f"== {half}: {len(s)} decisions")
        for k, (r, n) in summ.items():
            print(f"  {k:20s} {r:3d}/{n:<3d} {100 * r / n if n else float('nan'):5.1f} %")
        be, ne = summ.get("baseline_exact", (0, 0)), summ.get("n_exact", (0, 0))
        if be[0]:
            print(f"  n_victims exact: {ne[0] / be[0]:.1f}x the baseline")
        if args.verbose:
            with pd.option_context("display.width", 250, "display.max_columns", 30, "display.max_colwidth", 40):
                print(s.drop(columns=[c for c in s.columns if c.endswith("_right") or c.startswith("n_")]).to_string())


if __name__ == "__main__":
    main()
