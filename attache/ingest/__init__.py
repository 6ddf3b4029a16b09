"""Turn inputs (files, directories, stdin, JSONL, HTML) into RawDocuments, never raising on bad ones.

``iter_raw`` is the entry point; decoding (``decode``) and HTML extraction (``html``) run later,
in ``clean_document``, so that they happen in the batch's worker processes.
"""

from attache.ingest.raw import RawDocument
from attache.ingest.readers import iter_raw

__all__ = ["RawDocument", "iter_raw"]
