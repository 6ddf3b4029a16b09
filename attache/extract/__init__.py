"""Read one Article into one extraction record (see ../shared/schema/README.md)."""

from attache.extract.document import EXTRACTOR, extract_document

__all__ = ["EXTRACTOR", "extract_document"]
