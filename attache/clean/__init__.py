"""Decide what in a document is the article; never rewrite the text."""

from attache.clean.document import clean_document

__all__ = ["clean_document"]
