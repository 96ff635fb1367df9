"""Accuracy of cross-decision linking on the hand-annotated gold pairs (tests/gold/link_gold.csv).

Prints pairwise precision and recall of the linker and of the baseline "exact normalised
name" (same ``person_key`` / same company name without legal form), and the linker's figures
as ratios of the baseline's. By default only the decisions named in the gold file are parsed
(fast); ``--all`` links the whole folder, as the pipeline does.

    python benchmarks/linking_accuracy.py [--data DIR] [--all]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "link_gold.csv"


def run(decisions: Path, all_files: bool = False) -> dict:
    from analysis.extract.decisions import (
        list_decision_files,
        mark_duplicates,
        parse_decision,
    )
    from analysis.extract.model import ParsedDecision
    from analysis.link.accuracy import load_gold, pairwise_scores, predict, span_index
    from analysis.link.actors import link_decisions

    gold = load_gold(GOLD)
    wanted = set(gold["file_a"]) | set(gold["file_b"])
    files = list_decision_files(decisions) if all_files else sorted(decisions / f for f in wanted)
    t0 = time.perf_counter()
    parsed = [p for p in map(parse_decision, files) if isinstance(p, ParsedDecision)]
    parsed, _, _ = mark_duplicates(parsed)
    t1 = time.perf_counter()
    res = link_decisions(parsed)
    t2 = time.perf_counter()
    pred = predict(gold, span_index(res["mentions"], res["entities"]))
    return {"linker": pairwise_scores(gold, pred["linker"]), "baseline": pairwise_scores(gold, pred["baseline"]),
            "found": float(pred["found"].mean()), "decisions": len(parsed), "parse_s": t1 - t0, "link_s": t2 - t1,
            "by_kind": {k: pairwise_scores(gold[gold["kind"] == k], pred.loc[gold["kind"] == k, "linker"])
                        for k in sorted(gold["kind"].unique())}}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data", help="real-data folder (default: $TPPO_DATA or ../shared/data)")
    p.add_argument("--all", action="store_true", help="link every decision, not only those in the gold file")
    args = p.parse_args(argv)
    from analysis.config import data_dir

    out = run(data_dir(args.data) / "putusan_tppo", args.all)
    lk, bl = out["linker"], out["baseline"]
    print(f"gold pairs: {lk['pairs']} ({lk['tp'] + lk['fn']} same, {lk['fp'] + lk['tn']} different); "
          f"decisions linked: {out['decisions']}; gold mentions found: {out['found']:.2f}")
    print(f"{'':28}{'precision':>10}{'recall':>10}{'tp':>5}{'fp':>5}{'fn':>5}")
    for name, s in (("linker", lk), ("baseline (exact name key)", bl)):
        print(f"{name:28}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}")
    for kind, s in out["by_kind"].items():
        print(f"  linker, {kind:18}{s['precision']:>10.3f}{s['recall']:>10.3f}{s['tp']:>5}{s['fp']:>5}{s['fn']:>5}")
    ratio = lambda a, b: a / b if b else float("nan")
    print(f"linker / baseline: precision x{ratio(lk['precision'], bl['precision']):.2f}, "
          f"recall x{ratio(lk['recall'], bl['recall']):.2f}")
    print(f"time: linking took {ratio(out['link_s'], out['parse_s']):.2f}x the parsing time of the same decisions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
