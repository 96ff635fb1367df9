"""Reports: notebooks executed and rendered for academics, students and policy teams.

* ``render`` — ``tppo report``: build tables when stale (``build_stamp``), execute the
  notebooks (``execute``), render full and policy pages (``convert``), the PDF brief
  (``chromium``), the network explorer (``explorer``) and ``reports/index.html`` (``index_page``).
* ``setup`` — ``notebook_context``: the one setup call every notebook makes after its parameters.
* ``figures`` — the one matplotlib style and ``save_figure`` (figure + CSV + caption).
* ``privacy_checks`` — small-cell suppression, names withheld from labels, the name scan.
* ``tables``, ``display``, ``quality``, ``summaries``, ``inventory``, ``source_views``,
  ``series_views``, ``network_views``, ``brief`` — what the notebooks show, as functions.
"""
