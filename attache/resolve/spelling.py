"""How one name part is spelled in different transliterations: a skeleton, a lookup key and
a distance.

The skeleton rewrites a folded name part with the ordered rules of
``attache/data/person_names.txt`` ("kh" -> "h", "ow" -> "ov", "ou" -> "u", doubled letters
single, "y" -> "i"): "Tokayev" and "Toqaev" become "tokaiev" and "tokaev". What is left
differs in vowels at most, which :func:`distance` weighs. The lookup key is the skeleton's
consonants: every spelling two forms of one name can have shares it, so candidates are found
with one indexed look-up (``person_keys``; migration 13 computes the same in SQL).
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

from attache import vocab

VOWELS = frozenset("aeiou")
KEY_DROPS = "aeiouh"  # letters a transliteration adds, drops or swaps (as in migrations.name_lookup_key_sql)
NEAR = 0.5  # a near vowel for another, a vowel beside a vowel, an 'h': half an edit
GENDER_ENDING = 2.0  # a final 'a' added or swapped: Ivanov/Ivanova, Kowalski/Kowalska


@lru_cache(maxsize=65536)
def skeleton(folded: str) -> str:
    """The spelling skeleton of a folded name part ("berdymukhammedov" -> "berdimuhamedov")."""
    text = f"^{folded}$"
    for written, plain in vocab.name_spellings():
        text = text.replace(written, plain)
    return text


def consonants(skel: str) -> str:
    return skel.translate({ord(c): None for c in KEY_DROPS})


@lru_cache(maxsize=65536)
def lookup_key(folded: str) -> str:
    """The key two spellings of one name part share: the skeleton's consonants, or "=" and
    the whole skeleton when fewer than two consonants are left ("Ali", "Abe")."""
    skel = skeleton(folded)
    kept = consonants(skel)
    return kept if len(kept) >= 2 else f"={skel}"


def allowance(length: int) -> float:
    """How far apart two skeletons of this (shorter) length may be and still be one name."""
    if length <= 3:
        return 0.0
    if length <= 5:
        return 0.5
    return 1.0 if length <= 8 else 1.5


@cache
def _near_vowels() -> frozenset[tuple[str, str]]:
    return frozenset((x, y) for pair in vocab.near_vowels() for x in pair for y in pair if x != y)


def _substitution(a: str, b: str, last: bool) -> float:
    """The cost of writing ``b`` for ``a`` (two different letters)."""
    if last and (a == "a" or b == "a"):
        return GENDER_ENDING
    return NEAR if (a, b) in _near_vowels() else 1.0


def _indel(word: str, i: int) -> float:
    """The cost of adding or dropping ``word[i]``."""
    letter = word[i]
    if letter == "a" and i == len(word) - 1:
        return GENDER_ENDING
    if letter == "h":
        return NEAR
    if letter in VOWELS and ((i > 0 and word[i - 1] in VOWELS) or (i + 1 < len(word) and word[i + 1] in VOWELS)):
        return NEAR
    return 1.0


@lru_cache(maxsize=65536)
def distance(a: str, b: str, limit: float = math.inf) -> float:
    """Weighted edit distance between two skeletons: a near vowel (a/e, e/i, o/u, a/o), a vowel
    added beside another vowel or an 'h' cost half an edit, a final 'a' added or swapped
    costs two (a gender ending), anything else one. Infinite when over ``limit`` (then
    only alignments of at most ``limit / NEAR`` additions and drops are tried)."""
    band = len(a) + len(b) if limit == math.inf else int(limit / NEAR)
    if abs(len(a) - len(b)) > band:
        return math.inf
    drop_a = [_indel(a, i) for i in range(len(a))]
    add_b = [_indel(b, j) for j in range(len(b))]
    previous = [0.0] + [math.inf] * len(b)
    for j in range(min(band, len(b))):
        previous[j + 1] = previous[j] + add_b[j]
    for i, x in enumerate(a):
        current = [previous[0] + drop_a[i] if i < band else math.inf] + [math.inf] * len(b)
        for j in range(max(0, i - band), min(len(b), i + band + 1)):
            swap = 0.0 if x == b[j] else _substitution(x, b[j], i == len(a) - 1 and j == len(b) - 1)
            current[j + 1] = min(previous[j] + swap, previous[j + 1] + drop_a[i], current[j] + add_b[j])
        if min(current) > limit:
            return math.inf
        previous = current
    return previous[-1] if previous[-1] <= limit else math.inf


@lru_cache(maxsize=65536)
def spelled_alike(a: str, b: str) -> tuple[bool, float]:
    """(one name spelled two ways, distance) for two folded name parts: same skeleton, or
    the same consonants and vowels within :func:`allowance` of the shorter skeleton. The
    distance is infinite when the consonants differ."""
    skel_a, skel_b = skeleton(a), skeleton(b)
    if skel_a == skel_b:
        return True, 0.0
    if lookup_key(a) != lookup_key(b):
        return False, math.inf
    gap = distance(skel_a, skel_b, allowance(min(len(skel_a), len(skel_b))))
    return gap < math.inf, gap
