"""News event extraction: precision and recall per field on the gold set, and throughput.

Baseline (measured in the same run): a naive extractor that takes every "<digits> <unit
word>" in the raw text, with no cleaning, no written numbers and no context. Its count
precision and recall, and its speed, are printed beside the project's extractor, with ratios.

    python benchmarks/news_extraction.py [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import pandas as pd

from analysis.news.evaluate import fixture_key, read_gold, score_events
from analysis.news.pipeline import process_record
from analysis.news.readers import list_records, parse_record

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "news"
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT / "tests" / "gold" / "news_gold.csv"

_NAIVE = re.compile(r"(\d[\d.]*)\s+(kasus|tersangka|korban|orang|PMI|WNI|LP|laporan polisi)\b")
_NAIVE_UNITS = {"LP": "laporan polisi", "laporan polisi": "laporan polisi"}


def naive_events(rec) -> list[dict]:
    """The baseline: every "<digits> <unit>" in the raw text."""
    art, _ = parse_record(rec)
    if art is None:
        return []
    out = []
    for m in _NAIVE.finditer(art["raw_text"]):
        n = int(m.group(1).replace(".", "").strip(".") or 0)
        out.append({"source": rec.source, "count_low": n, "count_high": n,
                    "count_unit": _NAIVE_UNITS.get(m.group(2), m.group(2)), "period_start": None,
                    "period_end": None, "agencies": [], "places": [], "countries": []})
    return out


def records():
    recs, _ = list_records(FIXTURES)
    if SEEDS.is_dir():
        recs += list_records(SEEDS)[0]
    return recs


def run_project(recs) -> pd.DataFrame:
    rows = []
    for rec in recs:
        res = process_record(rec)
        if res["article"] is not None:
            rows += [{**e, "source": res["article"]["source"]} for e in res["events"]]
    return pd.DataFrame(rows)


def timed(fn, recs, repeat: int) -> tuple[object, float]:
    fn(recs)  # warm caches (gazetteer, compiled patterns) so both sides are timed warm
    t0 = time.perf_counter()
    for _ in range(repeat):
        out = fn(recs)
    return out, (time.perf_counter() - t0) / repeat


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    recs = records()
    roots = {"": FIXTURES, "seeds/": SEEDS}
    gold = read_gold(GOLD)
    if not SEEDS.is_dir():
        gold = gold[~gold["fixture"].str.startswith("seeds/")]

    project, t_project = timed(run_project, recs, args.repeat)
    naive, t_naive = timed(lambda rs: pd.DataFrame([e for r in rs for e in naive_events(r)]), recs, args.repeat)
    for df in (project, naive):
        df["fixture"] = df["source"].map(lambda s: fixture_key(s, roots))

    ours = score_events(project, gold).set_index("field")
    base = score_events(naive, gold).set_index("field")
    print(f"gold: {len(gold)} events in {gold['fixture'].nunique()} articles; {len(recs)} articles read")
    print("\nproject extractor, per field:")
    print(ours.to_string())
    print("\nbaseline (naive digits+unit regex on raw text), count only:")
    print(base.loc[["count"]].to_string())
    for k in ("precision", "recall"):
        b = base.loc["count", k]
        print(f"count {k}: project {ours.loc['count', k]:.3f} vs baseline {b:.3f}"
              + (f" (ratio {ours.loc['count', k] / b:.2f}x)" if b else ""))
    n = len(recs)
    print(f"\nthroughput: project {n / t_project:.1f} articles/s, baseline {n / t_naive:.1f} articles/s; "
          f"project takes {t_project / t_naive:.1f}x the baseline's time per article")


if __name__ == "__main__":
    main()
