"""Cost of the actor-linking step on the real decisions, against baselines timed in the same run.

Three runs over the same folder, on the same number of worker processes:

* ``grep``: one plain ``grep -c MENGADILI`` pass over the files (the floor any reader pays);
* ``parse``: ``process_decisions(folder, link=False)`` — read, clean and extract the cases;
* ``parse+link``: ``process_decisions(folder)`` — the same plus mentions, within-decision
  resolution, ties and cross-decision linking (what ``tppo cases`` runs).

The linking step's cost is the difference of the last two. Ratios compare it with parsing
and with the grep pass; CPU seconds (this process plus its worker processes) are printed
too, since on a shared machine they vary less than wall time. Last line (wall time):
``link_seconds=<a> parse_seconds=<b> ratio_link_to_parse=<a/b>``.

    python benchmarks/linking_speed.py [--data DIR] [--workers N] [--limit N]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.config import data_dir


def grep_seconds(files: list[Path]) -> float:
    """Seconds for one ``grep -c`` over ``files``."""
    grep = shutil.which("grep")
    if grep is None:
        raise FileNotFoundError("grep not found on PATH: it is a baseline of this benchmark")
    t0 = time.perf_counter()
    proc = subprocess.run([grep, "-c", "MENGADILI", *map(str, files)], capture_output=True, text=True, check=False)
    secs = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"grep failed: {proc.stderr[:500]}")
    return secs


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(folder: Path, workers: int | None, link: bool) -> tuple[float, float, dict]:
    """(wall seconds, CPU seconds, tables) of one ``process_decisions`` run."""
    from analysis.extract.decisions import process_decisions

    t0, c0 = time.perf_counter(), _cpu()
    tables = process_decisions(folder, workers=workers, link=link)
    return time.perf_counter() - t0, _cpu() - c0, tables


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=None, help="real-data folder (default: $TPPO_DATA or ../shared/data)")
    ap.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N files (sorted by name)")
    a = ap.parse_args(argv)

    folder = data_dir(a.data) / "putusan_tppo"
    files = sorted(folder.glob("*.txt"))
    if a.limit:
        files = files[: a.limit]
    if not files:
        print(f"linking_speed: no decisions in {folder}", file=sys.stderr)
        return 2
    for f in files:  # warm the page cache for every contender
        f.read_bytes()
    with tempfile.TemporaryDirectory(prefix="tppo-link-speed-") as tmp:
        target = folder
        if a.limit:
            target = Path(tmp)
            for f in files:
                (target / f.name).symlink_to(f.resolve())
        grep_s = min(grep_seconds(files) for _ in range(3))
        parse_s, parse_cpu, _ = timed(target, a.workers, link=False)
        full_s, full_cpu, tables = timed(target, a.workers, link=True)
    link_s = max(full_s - parse_s, 0.0)
    link_cpu = max(full_cpu - parse_cpu, 0.0)
    print(f"files={len(files)} cases={len(tables['cases'])} actors={len(tables.get('actors', []))} "
          f"ties={len(tables.get('ties', []))} link_review={len(tables.get('link_review', []))}")
    print(f"grep_s={grep_s:.3f} parse_s={parse_s:.2f} parse_and_link_s={full_s:.2f}")
    print(f"cpu: parse_cpu_s={parse_cpu:.2f} parse_and_link_cpu_s={full_cpu:.2f} "
          f"link_cpu_s={link_cpu:.2f} ratio_link_to_parse_cpu={link_cpu / parse_cpu:.3f} "
          "(CPU time is less disturbed by other work on the machine than wall time)")
    print(f"link / grep = {link_s / grep_s:.1f}x; whole run / parse alone = {full_s / parse_s:.2f}x")
    print(f"link_seconds={link_s:.2f} parse_seconds={parse_s:.2f} ratio_link_to_parse={link_s / parse_s:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
