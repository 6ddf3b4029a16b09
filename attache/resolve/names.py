"""Personal names: what a form of a name says, and whether two forms can be one person.

A form is read into one or more *readings*: given names (full, or initials such as "a."),
a surname, a generational suffix, and whether the reading is a guess. "Sheikh Mohammed bin
Salman Al Saud" reads as given [mohammed, salman], surname saud, and also as given
[mohammed], surname salman (news leave the family name out); "TANAKA Kenji" as given
[kenji], surname tanaka; "Funakoshi Takehiro" as written and, as a guess, surname first;
"Pedro Sánchez Pérez-Castejón" as written and, as a guess, without its second surname. A
guess matches only a form that gives every part in full, and one without a second surname
is a weak match (resolve takes it only when no other person fits). Forms of address and
courtesy titles ("H.E.", "Dr.", "Sheikh", "Tan Sri") are left out, and so are particles
("da", "von der", "Al"). Spelling is compared through :mod:`attache.resolve.spelling`.

Two forms are one person (:func:`compare`) when some pair of readings agrees: the surnames
are one name spelled two ways, and the given names agree position by position (a full name
with the same name, an initial with its first letter; a middle name may be left out), or
one form gives no given name at all (then the surname must be spelled the same). The first
given names of two forms are never allowed to differ: "Idriss Déby" is not "Mahamat Idriss
Déby" (his son), so "Lula da Silva" stays apart from "Luiz Inácio Lula da Silva" as well.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from attache import vocab
from attache.resolve import spelling

_TOKEN = re.compile(r"[^\W\d_][\w'’ʻʼ.-]*", re.UNICODE)
_QUOTED = re.compile(r"[“\"«][^”\"»]*[”\"»]")  # a nickname: Joko “Jokowi” Widodo
_DOT_BEFORE_LETTER = re.compile(r"\.(?=[^\W\d_])")  # "A.B.Kumar" -> "A. B. Kumar"
_NOT_LETTER = re.compile(r"[\W_]", re.UNICODE)


def fold(value: str) -> str:
    """Casefolded, without diacritics or trailing dots."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip(".")


# ---- the words of a form ----


def _words(text: str) -> list[str]:
    text = _QUOTED.sub(" ", unicodedata.normalize("NFC", text or ""))
    return _TOKEN.findall(_DOT_BEFORE_LETTER.sub(". ", text))


def _letters(word: str) -> str:
    return _NOT_LETTER.sub("", word)


def _is_caps(word: str) -> bool:
    return len(_letters(word)) >= 2 and word.isupper()


@cache
def _address_forms() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Forms of address and courtesy titles as words, by their first word (casefolded),
    longest first."""
    forms = sorted({tuple(_words(form)) for form in vocab.name_address_forms()}, key=len, reverse=True)
    by_first: dict[str, list] = {}
    for form in forms:
        by_first.setdefault(form[0].casefold(), []).append(form)
    return {first: tuple(found) for first, found in by_first.items()}


def _is_form_word(written: str, form: str) -> bool:
    if form.isupper() and "." not in form:  # "HE" only in capitals: "He Lifeng" is a name
        return written == form
    return written.casefold() == form.casefold()


def _without_address(words: list[str]) -> list[str]:
    """The words after the forms of address and courtesy titles that open them."""
    while words:
        form = next((f for f in _address_forms().get(words[0].casefold(), ()) if len(f) <= len(words)
                     and all(_is_form_word(w, x) for w, x in zip(words, f))), None)
        if form is None:
            return words
        words = words[len(form):]
    return words


def _is_address_word(word: str) -> bool:
    return any(len(form) == 1 and _is_form_word(word, form[0])
               for form in _address_forms().get(word.casefold(), ()))


@cache
def _suffixes() -> frozenset[str]:
    return frozenset(s.casefold() for s in vocab.name_words("suffixes"))


def _suffix(words: list[str]) -> str | None:
    """The generational suffix ending a name ("jr" of "Ferdinand Marcos Jr."), if any."""
    return fold(words[-1]) if len(words) > 1 and words[-1].casefold() in _suffixes() else None


def _is_particle(words: list[str], i: int) -> bool:
    """"da", "von der", "Al": left out of the name (see person_names.txt for which and where)."""
    word, particles = words[i].casefold(), vocab.name_words("particles")
    if i == len(words) - 1:
        return False
    if word in vocab.name_words("articles"):
        return True
    if word not in particles:
        return False
    if words[i].islower():
        return True
    return words[i + 1].casefold() in particles or (i == 0 and len(words) == 2)


def _is_patronymic_marker(words: list[str], i: int) -> bool:
    word = words[i]
    if 0 < i < len(words) - 1 and word.casefold() in vocab.name_words("patronymic markers"):
        return word.islower() or word.casefold() != "ben"
    return False


def _parts(words: list[str]) -> list[tuple[str, str, bool]]:
    """(folded part, kind, after a patronymic marker) for each word that is a name: kind
    "initial" ("a."), "caps" (a surname in capitals), "short caps" ("AB": initials or a
    short surname in capitals) or "name"."""
    mixed_case = any(_is_caps(w) for w in words) and not all(_is_caps(w) or len(_letters(w)) == 1 for w in words)
    if not mixed_case:
        words = [w.lower() if w.isupper() else w for w in words]
    parts, patronymic = [], False
    for i, word in enumerate(words):
        if _is_particle(words, i) or (patronymic and _is_address_word(word)):  # bin Haji Hasan
            continue
        if _is_patronymic_marker(words, i):
            patronymic = True
            continue
        letters = _letters(word)
        if not letters:
            continue
        if len(letters) == 1:
            kind = "initial"
        elif mixed_case and _is_caps(word):
            kind = "short caps" if len(letters) <= 3 and not parts else "caps"
        else:
            kind = "name"
        parts.append((f"{fold(letters)}." if kind == "initial" else fold(word), kind, patronymic))
        patronymic = False
    return parts


# ---- readings ----


def _reading(given, surname, suffix: str | None, order: str, strict: bool = False,
             shortened: bool = False) -> dict:
    return {"given": tuple(p[0] for p in given), "surname": surname[0], "suffix": suffix,
            "order": order, "strict": strict, "shortened": shortened}


@lru_cache(maxsize=65536)
def readings(name: str) -> tuple[dict, ...]:
    """The ways ``name`` can be read, the likeliest first (empty when it holds no name):
    ``{"given": ("kenji",), "surname": "tanaka", "suffix": None, "order": "capitals",
    "strict": False, "shortened": False}``. A ``strict`` reading guesses the surname-first
    order, a ``shortened`` one leaves a second surname out ("Pedro Sánchez" of "Pedro
    Sánchez Pérez-Castejón", "Abiy Ahmed" of "Abiy Ahmed Ali"); both only match a form that
    gives every part in full."""
    words = _without_address(_words(name))
    suffix = _suffix(words)
    parts = _parts(words[:-1] if suffix else words)
    if not parts:
        return ()
    caps = [i for i, p in enumerate(parts) if p[1] == "caps"]
    if caps:
        i = caps[0]
        return (_reading(parts[:i] + parts[i + 1:], parts[i], suffix, "capitals"),)
    if parts[0][1] == "short caps":
        initials = [(f"{letter}.", "initial", False) for letter in _letters(parts[0][0])]
        return (_reading(initials + parts[1:-1], parts[-1], suffix, "initials in capitals"),
                _reading(parts[1:], parts[0], suffix, "surname first in capitals", strict=True))
    out = [_reading(parts[:-1], parts[-1], suffix, "as written")]
    patronymic = next((i for i, p in enumerate(parts[:-1]) if p[2]), None)
    if patronymic is not None:
        out.append(_reading(parts[:patronymic], parts[patronymic], suffix, "family name left out"))
    elif len(parts) >= 2 and all(p[1] == "name" and not p[2] for p in parts):
        out.append(_reading(parts[1:], parts[0], suffix, "surname first", strict=True))
        if len(parts) >= 3:
            out.append(_reading(parts[:-2], parts[-2], suffix, "second surname left out", shortened=True))
    return tuple(out)


# ---- one person or two ----

SURNAME_FIRST = 0.95  # the score of forms that agree read in the other order
SHORTENED = 0.7  # of a form without the second surname of the other: a weak match


def _initial_fits(initial: str, full: str) -> bool:
    return initial[0] in (full[:1], spelling.skeleton(full)[:1])


def _parts_agree(a: str, b: str) -> tuple[bool, float]:
    """(can be one given name, distance) for two given-name parts, initials ending in "."."""
    if a.endswith(".") and b.endswith("."):
        return a == b, 0.0
    if a.endswith(".") or b.endswith("."):
        initial, full = (a, b) if a.endswith(".") else (b, a)
        return _initial_fits(initial, full), 0.0
    return spelling.spelled_alike(a, b)


def _given_agree(a: tuple, b: tuple) -> tuple[str, float] | None:
    """How the given names of two readings agree, as (reason, score), or None when they differ."""
    if not a or not b:
        return "surname only", 0.4
    full = not any(p.endswith(".") for p in a + b)
    if full and len(a) != len(b):
        alike, gap = spelling.spelled_alike("".join(a), "".join(b))
        if alike:  # "Kassym Jomart" / "Kassym-Jomart"
            return "same given names", 1.0 if gap == 0 else 0.9
    gaps = []
    for x, y in zip(a, b):
        alike, gap = _parts_agree(x, y)
        if not alike:
            return None
        gaps.append(gap)
    left_out = " (a middle name left out)" if len(a) != len(b) else ""
    if a[0].endswith(".") or b[0].endswith("."):
        return f"initials agree{left_out}", 0.6 if not left_out else 0.55
    score = (0.9 if any(gaps) else 1.0) * (0.95 if left_out else 1.0)
    return f"{'given names spelled alike' if any(gaps) else 'same given names'}{left_out}", score


def _verdict(same: bool, score: float, reasons: list[str]) -> dict:
    return {"same": same, "score": round(score, 3) if same else 0.0, "reasons": reasons}


def _compare_every_part(a: dict, b: dict, score: float) -> dict:
    """One of the readings is a guess (surname first, a second surname left out): every part
    must be there, in full, and agree; ``score`` when they do (less a tenth if spelled otherwise)."""
    guess = a if a["strict"] or a["shortened"] else b
    order = f"read {guess['order']}"
    if (a["shortened"] and b["shortened"]) or (a["strict"] or b["strict"]) and (a["shortened"] or b["shortened"]):
        return _verdict(False, 0, [order, "both forms read as guesses"])
    if not a["given"] or not b["given"] or any(p.endswith(".") for p in a["given"] + b["given"]):
        return _verdict(False, 0, [order, "not every part given in full"])
    surname_alike, surname_gap = spelling.spelled_alike(a["surname"], b["surname"])
    if not surname_alike:
        return _verdict(False, 0, [order, "different surnames"])
    given_alike, given_gap = spelling.spelled_alike("".join(a["given"]), "".join(b["given"]))
    if not given_alike:
        return _verdict(False, 0, [order, "different given names"])
    return _verdict(True, score - (0.05 if surname_gap or given_gap else 0), [order, "every part agrees"])


def _compare_readings(a: dict, b: dict) -> dict:
    if a["suffix"] and b["suffix"] and a["suffix"] != b["suffix"]:
        return _verdict(False, 0, [f"different suffixes ({a['suffix']}, {b['suffix']})"])
    if a["shortened"] or b["shortened"]:
        return _compare_every_part(a, b, SHORTENED)
    if a["strict"] or b["strict"]:
        return _compare_every_part(a, b, SURNAME_FIRST)
    given = _given_agree(a["given"], b["given"])
    if given is None:
        return _verdict(False, 0, ["different given names"])
    reason, score = given
    surname_alike, gap = spelling.spelled_alike(a["surname"], b["surname"])
    if not surname_alike or (gap and reason == "surname only"):
        return _verdict(False, 0, ["different surnames" if not surname_alike
                                   else "surname only, spelled otherwise"])
    orders = [f"read {r['order']}" for r in (a, b) if r["order"] != "as written"]
    surname = "same surname" if not gap else f"surname spelled alike (distance {gap:g})"
    return _verdict(True, score * (0.9 if gap else 1.0), [surname, reason, *dict.fromkeys(orders)])


@lru_cache(maxsize=65536)
def compare(name_a: str, name_b: str) -> dict:
    """Can ``name_a`` and ``name_b`` be forms of one person's name? ``{"same": bool,
    "score": float in [0, 1] (0 when not the same), "reasons": [str]}``, from the pair of
    readings that agrees best. Symmetric; says nothing of the state or the title."""
    pairs = [_compare_readings(a, b) for a in readings(name_a) for b in readings(name_b)]
    if not pairs:
        return _verdict(False, 0, ["no name"])
    return max(pairs, key=lambda v: (v["same"], v["score"]))


def same_person(name_a: str, name_b: str) -> bool:
    """True when the two forms can be one person's name ("A.B. Kumar" / "Anil Kumar",
    "TANAKA Kenji" / "Kenji Tanaka", "Sergei Lavrov" / "Sergey Lavrov")."""
    return compare(name_a, name_b)["same"]


def lookup_keys(name: str) -> set[str]:
    """The keys a person seen with this form is filed under and looked up by: the spelling
    key of the surname of each reading but a strict one, and for each reading that gives
    every given name in full, that key and the given names' ("tnk|knj"). Two forms
    :func:`same_person` accepts always share one."""
    keys = set()
    for r in readings(name):
        surname = spelling.lookup_key(r["surname"])
        if not r["strict"]:
            keys.add(surname)
        if r["given"] and not any(p.endswith(".") for p in r["given"]):
            keys.add(f"{surname}|{spelling.lookup_key(''.join(r['given']))}")
    return keys


def specificity(name: str) -> tuple[int, int, bool]:
    """(full given names, given names, a suffix) of the likeliest reading: the larger, the
    more a form tells of the name."""
    found = readings(name)
    if not found:
        return 0, 0, False
    given = found[0]["given"]
    return sum(not p.endswith(".") for p in given), len(given), bool(found[0]["suffix"])


# ---- keys kept on a person row ----


def name_key(name: str) -> dict | None:
    """``{"surname", "first", "initial"}`` of the likeliest reading; None when it holds no name.

    "Rashid Meredov" -> surname meredov, first rashid, initial r; "R. Meredov" -> first None,
    initial r; "Meredov" -> surname only; "TANAKA Kenji" -> surname tanaka, first kenji.
    """
    found = readings(name or "")
    if not found:
        return None
    given = found[0]["given"]
    first = given[0] if given else None
    return {"surname": found[0]["surname"], "first": first if first and not first.endswith(".") else None,
            "initial": first[0] if first else None}


def reversed_key(name: str) -> dict | None:
    """The key of a two-word name read surname first ("Funakoshi Takehiro" -> surname
    funakoshi, first takehiro); None unless both words are full names."""
    strict = [r for r in readings(name or "") if r["strict"] and r["order"] == "surname first"]
    if not strict or len(strict[0]["given"]) != 1:
        return None
    first = strict[0]["given"][0]
    return {"surname": strict[0]["surname"], "first": first, "initial": first[0]}


def first_key(key: dict) -> str | None:
    """What a person row stores of the first name: the name, ``"r."`` for an initial, or None."""
    if key["first"]:
        return key["first"]
    return f"{key['initial']}." if key["initial"] else None


def compatible(key: dict, person: dict) -> bool:
    """Can a name with ``key`` belong to ``person`` (row with surname_key, first_key)?

    Two different full first names never match; an initial matches a first name starting
    with it; a bare surname matches anyone with that surname.
    """
    if key["surname"] != person["surname_key"]:
        return False
    known = person.get("first_key")
    if not known or not key["initial"]:
        return True
    if key["first"] and not known.endswith("."):
        return key["first"] == known
    return known[0] == key["initial"]
