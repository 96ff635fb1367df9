"""Precision and recall of the ties read from the decisions, against the relation gold set.

Reads ``tests/gold/relations_<half>_*.csv`` (each half that exists: ``dev``, ``test``), runs
the current tie reading (``analysis.link.ties.clause_ties``) and, in the same run, the named
baseline ``cue-only`` (the earlier reading: the nearest person before a cue verb gets the
tie, ``sentence_ties(..., baseline=True)``), and prints one table per half and reading:
TP, FP, FN, precision and recall per relation and pooled (``all``). Precision and recall
are NaN when their denominator is zero (``analysis.link.tie_accuracy``). Targets: precision
at least 0.9 and recall at least 0.8 for every relation type.

    python benchmarks/relation_accuracy.py [--data DIR] [--gold DIR] [--half dev|test]

Last line: ``targets_met=<k>/<n>`` for the current reading over the halves scored.
Exit status 0 when every target is met, 1 otherwise, 2 when there is nothing to score.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from analysis.link.tie_accuracy import HALVES, evaluate_half

ROOT = Path(__file__).resolve().parents[1]
PRECISION_TARGET = 0.9
RECALL_TARGET = 0.8


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "putusan_tppo"))
    ap.add_argument("--gold", default=str(ROOT / "tests" / "gold"))
    ap.add_argument("--half", choices=HALVES, action="append")
    args = ap.parse_args(argv)
    if not Path(args.data).is_dir():
        print(f"no decisions folder {args.data}")
        return 2
    met = total = 0
    scored = False
    pd.set_option("display.width", 160)
    for half in args.half or HALVES:
        for name, baseline in (("cue-only baseline", True), ("current", False)):
            t0 = time.perf_counter()
            table = evaluate_half(args.gold, args.data, half, baseline=baseline)
            if table is None:
                print(f"[{half}] no gold files")
                break
            scored = True
            print(f"\n[{half}] {name} ({time.perf_counter() - t0:.1f}s)")
            print(table.round(3).to_string(index=False))
            if not baseline:
                for r in table.loc[table["relation"] != "all"].itertuples():
                    for value, target in ((r.precision, PRECISION_TARGET), (r.recall, RECALL_TARGET)):
                        if pd.notna(value):
                            total += 1
                            met += value >= target
    if not scored:
        return 2
    print(f"targets_met={met}/{total}")
    return 0 if met == total else 1


if __name__ == "__main__":
    sys.exit(main())
