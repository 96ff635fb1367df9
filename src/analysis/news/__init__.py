"""News stage: Indonesian online news to ``articles``, ``events``, ``event_agencies``, ``rejects``.

One job per module, in the order an article passes through them:

* ``readers`` - JSON Lines, HTML pages (trafilatura), text files (+ sidecar metadata) to raw records
* ``language`` - Indonesian or not (stopword ratio), broken encodings
* ``clean`` - page furniture out (related-story links, prompts, captions, bylines), dateline and
  source lifted as metadata, an offset map back to the input
* ``anchor`` - the date partial dates are resolved against
* ``sentences``, ``counts``, ``entities``, ``gazetteer`` - sentences, counts with units, agencies,
  countries, modus, roles, suspects' initials, places
* ``events`` - one row per reported count with its period, date and context
* ``place`` - the article's place (dateline, else the most-named place)
* ``dedup``, ``link`` - near-duplicate clusters and shared event ids
* ``pipeline`` - ``process_news(source, dask=None)``, the whole run (locally or on Dask)
* ``index`` - ``read_news_index(path)``, the facts table of real reports as the same tables
* ``evaluate`` - precision and recall against the gold set
"""
