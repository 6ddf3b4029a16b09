"""attache: diplomatic news in, an evidence-linked record of events out."""

__version__ = "0.1.0"
