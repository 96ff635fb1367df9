"""Run every benchmark in this folder and gather their closing lines.

Each benchmark prints ratios against a baseline measured in the same run (never absolute
times alone); this script runs them one after another and prints a summary table.

    python benchmarks/run_all.py [--data DIR] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=None, help="real-data folder (default: $TPPO_DATA or ../shared/data)")
    ap.add_argument("--only", nargs="*", help="benchmark file stems to run")
    args = ap.parse_args()
    scripts = sorted(p for p in HERE.glob("*.py") if p.name != Path(__file__).name)
    if args.only:
        scripts = [p for p in scripts if p.stem in set(args.only)]
    summary, failed = [], 0
    for script in scripts:
        cmd = [sys.executable, str(script)]
        if args.data and "--data" in script.read_text():
            cmd += ["--data", args.data]
        print(f"== {script.name}", flush=True)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, text=True, capture_output=True)
        sys.stdout.write(proc.stdout)
        if proc.returncode != 0:
            failed += 1
            sys.stdout.write(proc.stderr[-2000:])
        last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "(no output)"
        summary.append((script.stem, proc.returncode, time.perf_counter() - t0, last))
    print("\n== summary")
    for name, rc, secs, last in summary:
        print(f"{name:28s} rc={rc} {secs:7.1f}s  {last}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
