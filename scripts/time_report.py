"""Time `make report`'s work on this machine: the table build, each notebook, each rendering step.

Baseline, measured in the same run: executing an empty notebook (kernel start-up and papermill's
own cost). Each step is printed in seconds and as a ratio to that baseline, so results from
machines of different speed can be compared.

    .venv/bin/python scripts/time_report.py [--data DIR] [--out DIR] [--reports DIR] [--fast] [--build auto|always|never]
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from pathlib import Path


def baseline_seconds() -> float:
    """Seconds to execute a notebook with one empty cell."""
    from analysis.report.execute import execute_notebook

    with tempfile.TemporaryDirectory() as d:
        src = Path(d) / "00_empty.py"
        src.write_text("# %% tags=[\"parameters\"]\nx = 1\n\n# %%\nx\n")
        t0 = time.perf_counter()
        execute_notebook(src, Path(d) / "out.ipynb", {"x": 2})
        return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--data")
    p.add_argument("--out")
    p.add_argument("--reports", default=None, help="render into this folder (default: a temporary one)")
    p.add_argument("--build", default="auto", choices=["auto", "always", "never"])
    p.add_argument("--fast", action="store_true", help="notebooks' fast parameter (as in the tests)")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from analysis.report import render

    base = baseline_seconds()
    reports = args.reports or tempfile.mkdtemp(prefix="tppo-reports-")
    t0 = time.perf_counter()
    result = render.run(params={"reports_dir": reports, "build": args.build, "parameters": {"fast": args.fast}},
                        data=args.data, out=args.out)
    wall = time.perf_counter() - t0
    print(f"baseline (empty notebook): {base:.1f} s")
    print(f"{'step':40s} {'seconds':>8s} {'x baseline':>10s}")
    for step, secs in result.timings.items():
        print(f"{step:40s} {secs:8.1f} {secs / base:10.1f}")
    print(f"{'wall clock':40s} {wall:8.1f} {wall / base:10.1f}")
    print(f"tables: {result.tables}; reports in {reports}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
