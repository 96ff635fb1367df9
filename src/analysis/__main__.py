"""``python -m analysis`` is the ``tppo`` command line."""

from analysis.cli import main

raise SystemExit(main())
