"""Accuracy of the court-decision extractor against the hand-annotated gold set.

Runs ``analysis.extract.decisions.process_decisions`` on the decisions listed in
``tests/gold/decisions_gold.csv`` (or on the whole folder with ``--all``; only gold files are
scored either way), then prints per-field exact-match accuracy (scalars) and
precision/recall/F1 (statutes, destination countries, companies when the tables carry them),
each against the issue's target, the handling of duplicate copies and court orders, and
every mismatch. When the linking step runs it also prints precision/recall/F1 of fugitive
(DPO) and company mentions (``analysis.evaluate_mentions``: strict and lenient name rules)
with every missed or extra mention located by file and raw offset (no names);
``--no-link`` skips them.

The baseline is the gold set itself (a perfect extractor scores 1.0 everywhere). Last line:
``overall=<mean field score> targets_met=<k>/<n>``. Exit status 0 when every target is met,
1 when some are not, 2 when the extractor cannot be imported or run.

    python benchmarks/case_accuracy.py [--data DIR] [--all] [--workers N] [--show N] [--no-link]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from analysis.config import data_dir
from analysis.evaluate import evaluate_cases, load_case_gold
from analysis.evaluate_mentions import (
    evaluate_mentions,
    first_spans,
    link_gold_mentions,
    scored_files,
)


def gold_folder(decisions: Path, files: list[str], into: Path) -> Path:
    """A folder of symbolic links to the gold decisions (nothing is copied)."""
    missing = [f for f in files if not (decisions / f).exists()]
    if missing:
        raise FileNotFoundError(f"{len(missing)} gold decisions not found in {decisions}: {missing[:5]}")
    for f in files:
        (into / f).symlink_to((decisions / f).resolve())
    return into


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="real-data folder (default: $TPPO_DATA or ../shared/data)")
    ap.add_argument("--gold", default=None, help="gold folder (default: tests/gold)")
    ap.add_argument("--all", action="store_true", help="extract the whole folder, score the gold files")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--show", type=int, default=80, help="mismatches to print (0 = none, -1 = all)")
    ap.add_argument("--no-link", action="store_true", help="skip the cross-case linking step (no company scores)")
    a = ap.parse_args(argv)

    try:
        from analysis.extract.decisions import process_decisions
    except ImportError as exc:
        print(f"case_accuracy: the extractor is not importable yet "
              f"(analysis.extract.decisions.process_decisions): {exc}", file=sys.stderr)
        return 2

    decisions = data_dir(a.data) / "putusan_tppo"
    gold = load_case_gold(a.gold)
    files = list(gold["decisions"]["source_file"])
    ev_m, fugitives, m_secs = None, None, 0.0
    with tempfile.TemporaryDirectory(prefix="tppo-gold-") as tmp:
        gfolder = gold_folder(decisions, files, Path(tmp))
        folder = decisions if a.all else gfolder
        t0 = time.perf_counter()
        try:
            kwargs = {"link": False} if a.no_link else {}
            tables = process_decisions(folder, workers=a.workers, **kwargs)
        except Exception as exc:  # noqa: BLE001 - report, do not hide: the benchmark's answer is "it failed"
            print(f"case_accuracy: process_decisions failed on {folder}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 2
        secs = time.perf_counter() - t0
        if not a.no_link:
            t0 = time.perf_counter()
            linked = link_gold_mentions(gfolder, tables["cases"])
            fugitives = linked["fugitives"]
            ev_m = evaluate_mentions(tables, gold, fugitives, linked["persons"])
            m_secs = time.perf_counter() - t0
    ev = evaluate_cases(tables, gold)

    pd.set_option("display.width", 200)
    pd.set_option("display.max_columns", 20)
    pd.set_option("display.max_colwidth", 60)
    n_aside = len(ev.set_aside)
    print(f"gold decisions: {len(files)} files ({len(files) - n_aside} scored field by field, {n_aside} set aside); "
          f"extracted {len(tables.get('cases', []))} cases in {secs:.1f}s")
    print("\n== per-field scores (scalars: exact-match accuracy; sets: micro F1)")
    print(ev.summary.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    print("\n== set fields in detail")
    print(ev.sets.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    print("\n== files set aside from field scoring (duplicate copies, court orders)")
    print(ev.set_aside.to_string(index=False) if len(ev.set_aside) else "(none in gold)")
    if ev_m is None:
        print("\n== fugitive (DPO) and company mentions: not scored (--no-link skips the linking step)")
    else:
        print(f"\n== fugitive (DPO) and company mentions (micro P/R/F1 over {len(scored_files(gold))} "
              f"scored decisions; mentions re-linked in {m_secs:.1f}s)")
        print(ev_m.scores.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
        if a.show:
            fm = ev_m.fugitives[ev_m.fugitives["status"] != "tp"]
            where = first_spans(fugitives).rename(columns={"start": "first_start", "end": "first_end"})
            where[["first_start", "first_end"]] = where[["first_start", "first_end"]].astype("Int64")
            fm = fm.merge(where, on=["source_file", "fugitive"], how="left")
            print("\n-- fugitives missed (fn: gold raw offset) or extra (fp: first mention's raw span)")
            print(fm.to_string(index=False) if len(fm) else "(none)")
            cm = ev_m.companies[(ev_m.companies["status"] != "tp") | (ev_m.companies["how"] != "exact")]
            print(f"\n-- companies missed, extra or matched only leniently ({len(cm)})")
            print(cm.to_string(index=False) if len(cm) else "(none)")
    if a.show:
        mm = ev.mismatches if a.show < 0 else ev.mismatches.head(a.show)
        print(f"\n== mismatches ({len(ev.mismatches)} in all; by field: "
              f"{ev.mismatches.groupby('field').size().to_dict()})")
        print(mm.to_string(index=False) if len(mm) else "(none)")
    met = ev.summary["met"].dropna()
    overall = float(ev.summary["score"].mean())
    print(f"overall={overall:.3f} targets_met={int(met.sum())}/{len(met)}")
    return 0 if ev.all_targets_met else 1


if __name__ == "__main__":
    raise SystemExit(main())
