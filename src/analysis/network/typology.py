"""A typology of syndicates: size, geographic span, operation, form and structure.

It follows the spirit of the UNODC *Global Report on Trafficking in Persons* (2020,
chapter 3), which sorts trafficking groups by the reach of their operations (local,
regional, transregional) and by their organisation (opportunistic traffickers working
alone or in pairs, business-type groups, structured criminal groups). The rules here are
the project's own, chosen so that each can be read off the tables:

* ``size_class(n)``: ``small`` 2–3 actors, ``medium`` 4–9, ``large`` 10 or more.
* ``geographic_span``: ``transnational`` when the syndicate's decisions or place ties name a
  destination abroad; else ``several provinces`` when its decisions lie in two or more
  provinces; else ``one province`` when they were heard by two or more district courts
  (a district court serves one regency or city); else ``one regency``.
* ``operation`` (UNODC reach): ``transregional`` when a destination lies outside
  Southeast Asia; ``regional`` when destinations lie only in Southeast Asia or the
  syndicate spans several provinces; else ``local``.
* ``form`` (UNODC organisation): ``business-type`` when a company is a member;
  ``structured`` when three or more persons with at least two distinct roles are members;
  else ``opportunistic``.
* ``structure`` of the syndicate's tie graph (undirected, members only), first rule that
  holds: ``dyad`` (two actors); ``clique`` (every pair tied, three or more actors);
  ``star`` (four or more actors and Freeman degree centralization at least 0.8: one
  actor holds nearly every tie; a path of three is a chain); ``core-periphery`` (a 2-core
  of three or more actors with density at least 0.5, at least one actor outside it, and
  no tie between two actors outside it); ``chain`` otherwise (paths, branching trees and
  loose rings: ties passed hand to hand).

>>> import networkx as nx
>>> structure(nx.path_graph(5)), structure(nx.star_graph(4)), structure(nx.complete_graph(4))
('chain', 'star', 'clique')
>>> g = nx.complete_graph(4); g.add_edges_from([(0, 10), (1, 11), (2, 12)])
>>> structure(g)
'core-periphery'
>>> geographic_span(["Jawa Timur"], ["PN A"], []), size_class(12)
('one regency', 'large')
"""

from __future__ import annotations

import networkx as nx

SIZE_CLASSES = ("small", "medium", "large")
SPANS = ("one regency", "one province", "several provinces", "transnational")
OPERATIONS = ("local", "regional", "transregional")
FORMS = ("opportunistic", "structured", "business-type")
STRUCTURES = ("dyad", "chain", "star", "clique", "core-periphery")

#: countries of Southeast Asia (ASEAN members and Timor-Leste), lower case; a destination
#: outside them makes an operation transregional
SOUTHEAST_ASIA = frozenset({
    "brunei", "brunei darussalam", "cambodia", "kamboja", "indonesia", "laos", "lao pdr", "malaysia",
    "myanmar", "burma", "philippines", "filipina", "singapore", "singapura", "thailand", "vietnam",
    "viet nam", "timor-leste", "timor leste",
})
HOME = frozenset({"indonesia"})


def size_class(n: int) -> str:
    """``small`` (2–3 actors), ``medium`` (4–9) or ``large`` (10+).

    >>> [size_class(n) for n in (2, 3, 4, 9, 10)]
    ['small', 'small', 'medium', 'medium', 'large']
    """
    return "small" if n <= 3 else "medium" if n <= 9 else "large"


def _abroad(destinations) -> list[str]:
    return [d for d in destinations if isinstance(d, str) and d.strip() and d.strip().lower() not in HOME]


def geographic_span(provinces, courts, destinations) -> str:
    """Span from the syndicate's provinces, courts and destination countries (module docstring).

    >>> geographic_span(["Jawa Timur"], ["PN A", "PN B"], [])
    'one province'
    >>> geographic_span(["Jawa Timur", "Bali"], ["PN A", "PN B"], ["Indonesia"])
    'several provinces'
    >>> geographic_span([], ["PN A"], ["Malaysia"])
    'transnational'
    """
    if _abroad(destinations):
        return "transnational"
    if len(set(provinces)) >= 2:
        return "several provinces"
    if len(set(courts)) >= 2:
        return "one province"
    return "one regency"


def operation(provinces, destinations) -> str:
    """UNODC reach: ``local``, ``regional`` or ``transregional`` (module docstring).

    >>> operation(["Bali"], ["Malaysia"]), operation(["Bali"], ["Saudi Arabia"]), operation(["Bali"], [])
    ('regional', 'transregional', 'local')
    """
    abroad = [d.strip().lower() for d in _abroad(destinations)]
    if any(d not in SOUTHEAST_ASIA for d in abroad):
        return "transregional"
    if abroad or len(set(provinces)) >= 2:
        return "regional"
    return "local"


def form(n_persons: int, n_companies: int, person_roles) -> str:
    """UNODC organisation: ``business-type``, ``structured`` or ``opportunistic``.

    >>> form(2, 1, ["recruiter", "escort"]), form(3, 0, ["recruiter", "escort", "escort"]), form(2, 0, ["a", "b"])
    ('business-type', 'structured', 'opportunistic')
    """
    if n_companies > 0:
        return "business-type"
    if n_persons >= 3 and len(set(person_roles)) >= 2:
        return "structured"
    return "opportunistic"


def degree_centralization(g: nx.Graph) -> float:
    """Freeman's degree centralization in [0, 1] (1 for a star, 0 for a regular graph).

    >>> degree_centralization(nx.star_graph(3)), degree_centralization(nx.cycle_graph(4))
    (1.0, 0.0)
    """
    n = g.number_of_nodes()
    if n < 3:
        return 0.0
    deg = [d for _, d in g.degree()]
    return sum(max(deg) - d for d in deg) / ((n - 1) * (n - 2))


def structure(g: nx.Graph) -> str:
    """Structure class of a syndicate's (connected) tie graph: rules in the module docstring.

    >>> structure(nx.Graph([(0, 1)])), structure(nx.cycle_graph(6))
    ('dyad', 'chain')
    """
    g = nx.Graph(g)
    g.remove_edges_from(nx.selfloop_edges(g))
    n = g.number_of_nodes()
    if n <= 2:
        return "dyad"
    if g.number_of_edges() == n * (n - 1) // 2:
        return "clique"
    if n >= 4 and degree_centralization(g) >= 0.8:
        return "star"
    core = nx.k_core(g, 2)
    c = core.number_of_nodes()
    if 3 <= c < n and nx.density(core) >= 0.5:
        if g.subgraph(set(g) - set(core)).number_of_edges() == 0:
            return "core-periphery"
    return "chain"
