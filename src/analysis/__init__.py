"""TPPO toolkit: Indonesian court decisions and news on trafficking of migrant workers,
turned into validated, pseudonymised tables, networks and time series.

Stages (each a plain function from tables to tables):
``sources`` (readers) -> ``clean`` -> ``extract`` -> ``link`` -> ``network`` / ``timeseries``
-> ``report``. ``pipeline`` chains them; ``cli`` exposes them as ``tppo``.
"""

__version__ = "0.1.0"
