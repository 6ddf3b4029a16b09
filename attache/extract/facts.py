"""Document-level facts: international organizations, money amounts, topics."""

from __future__ import annotations

import re

from attache import vocab
from attache.extract.lexicon import find_countries, organization_pattern

# ---- money ----
#
# The one source of truth for currencies: for each ISO code, the forms written before the
# amount ("US$", "Rs", "Dh", "₦") and the words written after it ("yuan", "US dollars").
# A form marked "!" is ambiguous on its own ("N" is a letter, "won" a verb, "pounds" a weight):
# it counts only with a magnitude ("N117.65bn", "2-trillion-won"), or, before the amount, with a
# money word shortly before it ("worth N5,000"); a one-letter prefix must touch the digits.
CURRENCIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("USD", ("US$", "U.S.$", "US $", "U.S. $", "USD", "$"),
     ("US dollars", "U.S. dollars", "American dollars", "dollars", "USD")),
    ("EUR", ("€", "EUR", "euro!"), ("euros", "euro", "EUR")),
    ("GBP", ("£", "GBP", "Stg"), ("pounds sterling", "British pounds", "sterling", "GBP", "pounds!")),
    ("JPY", ("¥", "JPY", "JP¥"), ("Japanese yen", "yen", "JPY")),
    ("CNY", ("RMB", "CNY", "CN¥", "yuan!"), ("yuan", "renminbi", "RMB", "CNY")),
    ("INR", ("₹", "Rs.", "Rs", "INR"), ("Indian rupees", "rupees", "rupee", "INR")),
    ("PKR", ("PKR",), ("Pakistani rupees", "PKR")),
    ("LKR", ("LKR",), ("Sri Lankan rupees", "LKR")),
    ("AED", ("Dhs", "Dh", "DH", "AED"), ("UAE dirhams", "dirhams", "dirham", "AED")),
    ("MAD", ("MAD",), ("Moroccan dirhams", "MAD")),
    ("SAR", ("SAR!", "SR!"), ("Saudi riyals", "riyals", "riyal", "SAR")),
    ("QAR", ("QAR", "QR!"), ("Qatari riyals", "QAR")),
    ("OMR", ("OMR",), ("Omani rials", "OMR")),
    ("IRR", ("IRR",), ("rials", "IRR", "tomans")),
    ("KWD", ("KWD", "KD!"), ("Kuwaiti dinars", "dinars", "dinar", "KWD")),
    ("BHD", ("BHD", "BD!"), ("Bahraini dinars", "BHD")),
    ("JOD", ("JOD", "JD!"), ("Jordanian dinars", "JOD")),
    ("EGP", ("EGP", "E£"), ("Egyptian pounds", "EGP")),
    ("NGN", ("₦", "NGN", "N!"), ("naira", "NGN")),
    ("ZAR", ("ZAR", "R!"), ("rand!", "ZAR")),
    ("KES", ("KES", "KSh", "Ksh", "Kshs", "Sh!", "Shs!"), ("Kenyan shillings", "shillings", "KES")),
    ("UGX", ("UGX", "USh"), ("Ugandan shillings", "UGX")),
    ("TZS", ("TZS", "TSh"), ("Tanzanian shillings", "TZS")),
    ("GHS", ("GH₵", "GHS", "GH¢", "₵"), ("cedis", "cedi", "GHS")),
    ("ETB", ("ETB",), ("birr", "ETB")),
    ("ZMW", ("ZMW",), ("kwacha", "ZMW", "MWK")),
    ("BWP", ("BWP",), ("pula", "BWP")),
    ("MZN", ("MZN",), ("meticais", "MZN")),
    ("AOA", ("AOA", "Kz!"), ("kwanzas", "kwanza", "AOA")),
    ("XOF", ("XOF", "FCFA", "CFA!"), ("CFA francs", "FCFA", "XOF", "XAF")),
    ("CHF", ("CHF",), ("Swiss francs", "francs", "CHF")),
    ("KRW", ("₩", "KRW"), ("won!", "KRW")),
    ("RUB", ("₽", "RUB"), ("rubles", "roubles", "ruble", "rouble", "RUB")),
    ("TRY", ("₺",), ("Turkish lira", "liras", "lira", "TRY")),
    ("KZT", ("₸", "KZT"), ("tenge", "KZT")),
    ("UZS", ("UZS",), ("soums", "soum", "sums!", "UZS")),
    ("KGS", ("KGS",), ("soms!", "som!", "KGS")),
    ("TJS", ("TJS",), ("somoni", "TJS")),
    ("TMT", ("TMT",), ("manats", "manat", "TMT")),
    ("AZN", ("₼", "AZN"), ("AZN",)),
    ("GEL", ("₾", "GEL"), ("lari", "GEL")),
    ("AMD", ("AMD",), ("drams", "AMD")),
    ("UAH", ("₴", "UAH"), ("hryvnias", "hryvnia", "UAH")),
    ("BDT", ("Tk!", "BDT", "৳"), ("taka", "BDT")),
    ("IDR", ("Rp!", "IDR"), ("rupiah", "IDR")),
    ("MYR", ("RM!", "MYR"), ("ringgit", "MYR")),
    ("THB", ("฿", "THB"), ("baht", "THB")),
    ("PHP", ("₱",), ("Philippine pesos", "pesos", "peso")),
    ("VND", ("₫", "VND"), ("dong!", "VND")),
    ("SGD", ("S$", "SGD"), ("Singapore dollars", "SGD")),
    ("HKD", ("HK$", "HKD"), ("Hong Kong dollars", "HKD")),
    ("TWD", ("NT$", "TWD"), ("New Taiwan dollars", "TWD")),
    ("AUD", ("A$", "AU$", "AUD"), ("Australian dollars", "AUD")),
    ("NZD", ("NZ$", "NZD"), ("New Zealand dollars", "NZD")),
    ("CAD", ("C$", "CA$", "CAD"), ("Canadian dollars", "CAD")),
    ("BRL", ("R$", "BRL"), ("reais", "reals", "BRL")),
    ("MXN", ("MXN", "Mex$"), ("Mexican pesos", "MXN")),
    ("PLN", ("PLN",), ("zlotys", "zloty", "PLN")),
    ("SEK", ("SEK",), ("Swedish kronor", "kronor", "SEK")),
    ("NOK", ("NOK",), ("Norwegian kroner", "kroner", "NOK")),
    ("XDR", ("SDR",), ("special drawing rights", "SDR", "SDRs")),
)
_MAGNITUDE_WORDS = ("thousand", "million", "mln", "mn", "billion", "bln", "bn", "trillion", "trn", "tn",
                    "lakh crore", "lakh crores", "crore", "crores", "lakh", "lakhs")
_MAGNITUDE_GLUED = ("bn", "mn", "tn", "trn", "m", "b", "k", "M", "B", "K")  # "$3.4bn", "US$500m"
_MONEY_CONTEXT = re.compile(
    r"\b(?:worth|cost(?:s|ing|ed)?|valued|priced|paid|pay(?:s|ing)?|fees?|prices?|salar(?:y|ies)|"
    r"budget(?:ed|s)?|loans?|grants?|amount(?:s|ed|ing)?(?: to| of)?|sum of|spen[dt]|spending|invest\w*|"
    r"revenues?|raised|total(?:led|ling|ed|ing)?|funds?|funding|financ\w+|capital|deficit|debt|"
    r"exports?|imports?)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)


def _alt(forms) -> str:
    return "|".join(_form_regex(f) for f in sorted(set(forms), key=len, reverse=True))


def _form_regex(form: str) -> str:
    """A currency form as a regex: inner spaces may be any whitespace, 'US$' may be 'US $'."""
    parts = [re.escape(p) for p in form.split(" ")]
    out = r"\s+".join(parts)
    return re.sub(r"(?<=[A-Za-z.])\\\$", r"\\s?\\$", out) if "$" in form else out


def _forms(position: int, strict: bool) -> list[str]:
    return [f.rstrip("!") for row in CURRENCIES for f in row[position] if f.endswith("!") == strict]


def _money_pattern() -> re.Pattern:
    number = r"\d+(?:,\d{2,3})*(?:\.\d+)?"
    amount = rf"{number}(?:\s?[-–]\s?{number})?"
    magnitude = (rf"(?:[\s-]?(?i:{_alt(_MAGNITUDE_WORDS)})(?![^\W\d_])|(?:{_alt(_MAGNITUDE_GLUED)})(?![^\W\d_]))")
    before, before_strict = _alt(_forms(1, False)), _alt(_forms(1, True))
    after, after_strict = _alt(_forms(2, False)), _alt(_forms(2, True))
    return re.compile(
        rf"(?<![\w$€£¥₹])(?:"
        rf"(?P<pre>(?:{before})\s?{amount}(?P<pmag>{magnitude})?)"
        rf"|(?P<strict_pre>(?:{before_strict})(?:(?<=[^\W\d_]{{2}})\s)?(?=\d){amount}(?P<smag>{magnitude})?)"
        rf"|(?P<post>{amount}(?P<amag>{magnitude})?[\s-](?i:{after}))"
        rf"|(?P<strict_post>{amount}(?P<tmag>{magnitude})[\s-](?i:{after_strict}))"
        rf")(?![^\W\d_])(?!\d)")


MONEY = _money_pattern()
_YEAR = re.compile(r"(?:19|20)\d\d")


def find_money(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Money amounts as written, (start, end, text) inside [start, end)."""
    out = []
    for m in MONEY.finditer(text, start, end):
        if _plausible_amount(m, text):
            out.append((m.start(), m.end(), m.group(0)))
    return out


def _plausible_amount(m: re.Match, text: str) -> bool:
    """Reject what only looks like money: a year before a currency word ('in 2024 dollars'),
    an ambiguous prefix ('N', 'R', 'SAR') with neither a magnitude nor a money word before it."""
    if m.group("post") and not m.group("amag") and _YEAR.fullmatch(m.group("post").split()[0]):
        return False
    if m.group("strict_pre") and not m.group("smag"):
        return bool(_MONEY_CONTEXT.search(text, max(0, m.start() - 60), m.start()))
    return True


# ---- organizations ----

# "Japan External Trade Organisation (JETRO)": a name with its acronym, not in the vocabulary
_ORG_WITH_ACRONYM = re.compile(
    r"\b((?:[A-Z][\w'’-]+\s+(?:(?:of|for|and|on|the)\s+)*){1,8})\(([A-Z]{2,8})\)")
_ORG_WORDS = re.compile(r"\b(?:Organi[sz]ation|Agency|Fund|Bank|Union|Council|Association|Programme|"
                        r"Program|Commission|Institute|Forum|Alliance|Community|Conference)\b")
# ... unless the name is a news agency, a bilateral body or a national one
_NOT_INTERNATIONAL = re.compile(
    r"\b(?:News|Press|Presse|Telegraph|Broadcasting|Television|Radio|Media|Newspapers?|"
    r"Joint|Bilateral|Binational|Bi-National|Intergovernmental\s+(?:Commission|Committee)|"
    r"Inter-Governmental\s+(?:Commission|Committee)|National|State|Federal|Presidential|Republican|"
    r"Ministry|Ministries|Department|Embassy|Consulate|Chamber)\b")
# The body of an organization: "OSCE Programme Office in Astana", "Council of Heads of State of the CIS"
_CAP = r"[A-Z][\w'’-]*"
_CAPS = rf"{_CAP}(?:\s+{_CAP})*"
_BODY = (rf"(?:{_CAP}\s+)*?(?:(?:Office|Mission|Centre|Center)\s+in\s+{_CAPS}"
         rf"|(?:Council|Commission|Committee|Secretariat|Assembly|Office|Mission|Centre|Center|Court|Tribunal|"
         rf"Board)\b(?:\s+(?:of|for|on)\s+(?:the\s+)?{_CAPS}(?:\s+and\s+{_CAPS})?)*)")
_BODY_AFTER = re.compile(rf"\s+(?P<body>{_BODY})(?![\w'’-])")
_BODY_BEFORE = re.compile(rf"(?:The\s+)?(?<![\w'’-])(?P<body>{_BODY})\s+of\s+(?:the\s+)?$")
_CHARTER = (re.compile(r"\s+Charter\b"), re.compile(r"\bCharter\s+of\s+(?:the\s+)?$"))
_OF_AFTER = re.compile(r"\s+of\b")


def find_organizations(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """International organizations named in [start, end): the vocabulary (by display name),
    named bodies of them ("OSCE Programme Office in Astana"), and a name with an organization
    word followed by its acronym in brackets unless news agency, bilateral or national."""
    pattern, surface = organization_pattern()
    out = []
    for m in pattern.finditer(text, start, end):
        if _names_the_organization(text, m, end):
            out.append((m.start(), m.end(), surface[m.group(0)]))
            out.extend(_bodies_of(text, m.start(), m.end(), surface[m.group(0)], start, end))
    for m in _ORG_WITH_ACRONYM.finditer(text, start, end):
        if (_ORG_WORDS.search(m.group(1)) and not _NOT_INTERNATIONAL.search(m.group(1))
                and not find_countries(text, m.start(1), m.end(1))
                and not any(a < m.end(1) and m.start(1) < b for a, b, _ in out)
                and not any(a <= m.start(2) < b for a, b, _ in out)):
            out.append((m.start(2), m.end(2), m.group(2)))
    return out


def _names_the_organization(text: str, m: re.Match, end: int) -> bool:
    """'the UN Charter' names a treaty; 'Commonwealth of Australia' a state, not the Commonwealth."""
    after, before = _CHARTER
    if after.match(text, m.end(), end) or before.search(text, max(0, m.start() - 20), m.start()):
        return False
    return not (m.group(0) == "Commonwealth" and _OF_AFTER.match(text, m.end(), end))


def _bodies_of(text: str, org_start: int, org_end: int, display: str, start: int,
               end: int) -> list[tuple[int, int, str]]:
    """Named bodies of an organization, shown as 'CIS Council of Heads of State'."""
    out = []
    after = _BODY_AFTER.match(text, org_end, end)
    if after:
        out.append((org_start, after.end(), f"{display} {after.group('body')}"))
    before = _BODY_BEFORE.search(text, max(start, org_start - 150), org_start)
    if before:
        out.append((before.start("body"), org_end, f"{display} {before.group('body')}"))
    return out


def find_topics(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    for topic, pattern in vocab.topic_patterns().items():
        for m in pattern.finditer(text, start, end):
            out.append((m.start(), m.end(), topic))
    return out
