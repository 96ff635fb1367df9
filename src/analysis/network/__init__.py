"""Recruitment networks and syndicate structure.

Modules, each with one job:

* ``loaders`` — read the public criminal/trafficking networks (matrix CSVs, two-mode,
  edge lists, TIP country flows);
* ``graphs`` — build graphs from ``actors``/``ties``/``cases`` (multi-mode, the
  evidence-typed multiplex of stated ties and co-mention, the relational graph syndicates
  rest on, Newman projection, place flows), TIP source ranks, agency co-action;
* ``engine`` — igraph behind networkx-in, pandas-out functions;
* ``measures`` and ``brokerage`` — centralities, constraint, cores, core–periphery,
  Freeman centralization, Burt's effective size, E–I index, assortativity, triad census,
  Gould–Fernandez brokerage with its permutation null;
* ``significance`` — CUG tests and QAP correlation between relation layers;
* ``positions`` — structurally and role-equivalent positions;
* ``syndicates`` — consensus Leiden communities with stability, against a null model of
  degree-preserving rewirings;
* ``typology`` — size, geographic span, reach, form and structure of each syndicate;
* ``disruption``, ``robustness``, ``temporal`` — removal strategies, missing data, time;
* ``export`` — GEXF, GraphML, JSON and a standalone HTML view;
* ``tables`` — ``build_network_tables`` for ``tppo build``.
"""
