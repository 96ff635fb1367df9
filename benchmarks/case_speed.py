"""Throughput of the court-decision extractor against one plain ``grep`` pass.

The baseline is the I/O floor measured in the same run: ``grep -c MENGADILI`` over the same
files (after one warm-up read, so both see the page cache warm). The extractor is
``analysis.extract.decisions.process_decisions`` on the same folder. Throughput is raw input
megabytes (10^6 bytes) per wall-clock second.

Last line: ``throughput_mb_s=<x> grep_mb_s=<y> ratio_to_grep=<x/y>``. Exit status 2 when the
extractor cannot be imported.

    python benchmarks/case_speed.py [--data DIR] [--workers N] [--limit N] [--no-link]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.config import data_dir


def grep_pass(files: list[Path]) -> float:
    """Seconds for one ``grep -c`` over ``files`` (the floor any reader of the text pays)."""
    grep = shutil.which("grep")
    if grep is None:
        raise FileNotFoundError("grep not found on PATH: it is the baseline of this benchmark")
    t0 = time.perf_counter()
    proc = subprocess.run([grep, "-c", "MENGADILI", *map(str, files)], capture_output=True, text=True)
    secs = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"grep failed: {proc.stderr[:500]}")
    return secs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="real-data folder (default: $TPPO_DATA or ../shared/data)")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--limit", type=int, default=None, help="only the first N files (sorted by name)")
    ap.add_argument("--grep-runs", type=int, default=3, help="grep passes; the fastest is kept")
    ap.add_argument("--no-link", action="store_true", help="time extraction without the cross-case linking step")
    a = ap.parse_args(argv)

    try:
        from analysis.extract.decisions import process_decisions
    except ImportError as exc:
        print(f"case_speed: the extractor is not importable yet "
              f"(analysis.extract.decisions.process_decisions): {exc}", file=sys.stderr)
        return 2

    folder = data_dir(a.data) / "putusan_tppo"
    files = sorted(folder.glob("*.txt"))[: a.limit] if a.limit else sorted(folder.glob("*.txt"))
    if not files:
        print(f"case_speed: no decisions in {folder}", file=sys.stderr)
        return 2
    mb = sum(f.stat().st_size for f in files) / 1e6
    for f in files:  # warm the page cache for both contenders
        f.read_bytes()
    grep_secs = min(grep_pass(files) for _ in range(max(1, a.grep_runs)))

    with tempfile.TemporaryDirectory(prefix="tppo-speed-") as tmp:
        target = folder
        if a.limit:
            target = Path(tmp)
            for f in files:
                (target / f.name).symlink_to(f.resolve())
        t0 = time.perf_counter()
        kwargs = {"link": False} if a.no_link else {}
        tables = process_decisions(target, workers=a.workers, **kwargs)
        secs = time.perf_counter() - t0

    throughput, grep_mb_s = mb / secs, mb / grep_secs
    print(f"files={len(files)} input_mb={mb:.1f} extract_s={secs:.2f} grep_s={grep_secs:.3f} "
          f"cases={len(tables.get('cases', []))}")
    line = f"throughput_mb_s={throughput:.3f} grep_mb_s={grep_mb_s:.1f} ratio_to_grep={throughput / grep_mb_s:.5f}"
    print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
