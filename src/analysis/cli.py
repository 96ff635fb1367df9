"""The ``tppo`` command line (also ``python -m analysis``).

    tppo build  [--data DIR] [--out DIR]          all sources to all processed tables
    tppo cases  DIR_OF_DECISIONS --out DIR        court decisions to cases, defendants, actors, ties, rejects
    tppo news   INPUT --out DIR                   articles to articles, events, rejects
    tppo report [--params FILE] [--data DIR]      execute the notebooks and render reports/
"""

from __future__ import annotations

import argparse
import logging
import sys


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tppo", description=__doc__.split("\n\n")[0])
    p.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="all sources to all processed tables")
    b.add_argument("--data", help="real-data folder (default: $TPPO_DATA or ../shared/data)")
    b.add_argument("--out", help="output folder (default: data/processed)")
    b.add_argument("--force", action="store_true", help="rebuild even when inputs are unchanged")

    c = sub.add_parser("cases", help="court decisions to cases, defendants, actors, ties, rejects")
    c.add_argument("decisions", help="folder of decision text files")
    c.add_argument("--out", required=True)
    c.add_argument("--workers", type=int, default=None, help="processes (default: all cores)")

    n = sub.add_parser("news", help="articles (JSONL, HTML files, text folder) to articles, events, rejects")
    n.add_argument("input")
    n.add_argument("--out", required=True)
    n.add_argument("--dask", metavar="ADDRESS", nargs="?", const="local", default=None,
                   help="run per-article work on Dask (local cluster, or a scheduler address)")

    r = sub.add_parser("report", help="execute the notebooks and render reports/")
    r.add_argument("--params", help="YAML file of notebook parameters")
    r.add_argument("--data")
    r.add_argument("--out")
    r.add_argument("--only", nargs="*", help="notebook name stems to run (default: all)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from analysis import pipeline

    try:
        if args.command == "build":
            pipeline.build(data=args.data, out=args.out, force=args.force)
        elif args.command == "cases":
            pipeline.run_cases(args.decisions, args.out, workers=args.workers)
        elif args.command == "news":
            pipeline.run_news(args.input, args.out, dask=args.dask)
        elif args.command == "report":
            from analysis.report import render

            render.run(params=args.params, data=args.data, out=args.out, only=args.only)
    except (FileNotFoundError, ValueError) as exc:
        print(f"tppo {args.command}: {exc}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] == "analysis":
            raise   # a fault in the project itself: keep the traceback
        print(f"tppo {args.command}: missing dependency: {exc} (install the pinned requirements: "
              "pip install -r requirements.lock)", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
