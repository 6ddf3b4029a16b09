"""attache: diplomatic news in, an evidence-linked record of events out.

From Python: ``attache.extract_text(text)`` and ``attache.extract_file(path)`` give
extraction records; ``attache.open(db)`` gives a read-only ``Store`` whose methods are the
queries of the CLI (``events``, ``timeline``, ``person``, ``country``, ``search``, ...).
They are imported on first use, so that ``import attache`` stays cheap.
"""

__version__ = "0.1.0"

API = ("extract_text", "extract_file", "open", "Store")
__all__ = ["__version__", *API]


def __getattr__(name: str):
    if name in API:
        from attache import api

        return getattr(api, name)
    raise AttributeError(f"module 'attache' has no attribute {name!r}")
