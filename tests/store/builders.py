"""Short articles in the genre (our own writing) and extraction records built on them.

Records are what the extractor would produce, written by hand, with evidence offsets
computed from the sentence they quote, so tests do not depend on the extractor.
"""

from __future__ import annotations


def article(doc: str, text: str, published: str | None = None, source: str | None = None,
            url: str | None = None, title: str | None = None) -> dict:
    return {"doc": doc, "origin": f"news/{doc}", "text": text, "published": published,
            "source": source, "url": url, "title": title}


def evidence(text: str, sentence: str) -> list[dict]:
    start = text.index(sentence)
    return [{"start": start, "end": start + len(sentence), "text": sentence}]


def record(art: dict, *events: dict, money=(), organizations=()) -> dict:
    return {"doc": art["doc"], "published": art["published"], "title": art["title"], "source": art["source"],
            "url": art["url"], "events": list(events), "organizations": list(organizations),
            "money": list(money), "extractor": "test/1"}


def event(text: str, sentence: str, **fields) -> dict:
    base = {"status": "occurred", "type": "consultation", "plover": "CONSULT", "date": None, "date_end": None,
            "location": None, "countries": [], "participants": [], "topics": [], "agreements_signed": False}
    return {**base, **fields, "evidence": evidence(text, sentence)}


def person(name: str, title: str | None, country: str) -> dict:
    return {"name": name, "title": title, "country": country}


# --- one round of consultations reported by three outlets ---------------------------------

MFA_TEXT = """Ashgabat, 16 May 2024
Political consultations between Turkmenistan and Japan held in Ashgabat
On 16 May 2024, political consultations between the Ministries of Foreign Affairs of Turkmenistan and Japan were held in Ashgabat.
The Turkmen delegation was headed by Deputy Minister of Foreign Affairs Serdar Annayev, the Japanese side by Ambassador-at-large Kenji Morita.
The parties discussed cooperation in energy, hydrogen technologies and transport.
"""
AGENCY_TEXT = """TURKMEN NEWS AGENCY
Turkmenistan and Japan hold consultations
Ashgabat, May 16 (TNA). Deputy Foreign Minister Serdar Annayev and Kenji Morita, Ambassador-at-large of Japan, held political consultations in Ashgabat on Thursday.
Energy and transport were on the agenda.
"""
REGIONAL_TEXT = """Regional Herald, 17 May 2024
Japanese diplomats visit the capital
Yesterday S. Annayev received the delegation of the Foreign Ministry of Japan led by K. Morita for consultations in Ashgabat.
Both sides praised the growing trade.
"""


def three_outlets() -> list[tuple[dict, dict]]:
    mfa = article("mfa_tm_jp.txt", MFA_TEXT, "2024-05-16", "mfa.gov.tm", "https://mfa.gov.tm/1",
                  "Political consultations between Turkmenistan and Japan held in Ashgabat")
    agency = article("agency_tm_jp.txt", AGENCY_TEXT, "2024-05-16", "tna.tm", "https://tna.tm/2",
                     "Turkmenistan and Japan hold consultations")
    regional = article("regional_tm_jp.txt", REGIONAL_TEXT, "2024-05-17", "herald.example", None,
                       "Japanese diplomats visit the capital")
    where = {"name": "Ashgabat", "country": "TM"}
    return [
        (mfa, record(mfa, event(MFA_TEXT, "On 16 May 2024, political consultations between the Ministries of Foreign Affairs"
                                          " of Turkmenistan and Japan were held in Ashgabat.",
                                date="2024-05-16", location=where, countries=["TM", "JP"],
                                participants=[person("Serdar Annayev", "Deputy Minister of Foreign Affairs", "TM"),
                                              person("Kenji Morita", "Ambassador-at-large", "JP")],
                                topics=["politics", "energy", "transport"]))),
        (agency, record(agency, event(AGENCY_TEXT, "Deputy Foreign Minister Serdar Annayev and Kenji Morita, Ambassador-at-large"
                                                   " of Japan, held political consultations in Ashgabat on Thursday.",
                                      type="talks", date="2024-05-16", location=where, countries=["JP", "TM"],
                                      participants=[person("Serdar Annayev", "Deputy Foreign Minister", "TM"),
                                                    person("Kenji Morita", "Ambassador-at-large", "JP")],
                                      topics=["energy", "transport"]))),
        (regional, record(regional, event(REGIONAL_TEXT, "Yesterday S. Annayev received the delegation of the Foreign Ministry"
                                                         " of Japan led by K. Morita for consultations in Ashgabat.",
                                          type="meeting", date="2024-05", location=where, countries=["TM", "JP"],
                                          participants=[person("S. Annayev", None, "TM"), person("K. Morita", None, "JP")],
                                          topics=["trade"]))),
    ]


# --- two meetings on the same day with different counterparts -----------------------------

TANAKA_TEXT = """Tokyo, 3 June 2024
Minister of Foreign Affairs of Turkmenistan Batyr Orazov met with Minister of Economy Hiroshi Tanaka in Tokyo on 3 June.
The sides discussed gas processing projects.
"""
SATO_TEXT = """Tokyo, 3 June 2024
On 3 June, Batyr Orazov held a meeting with Yuki Sato, Minister of Land, Infrastructure and Transport of Japan, in Tokyo.
Transport corridors were discussed.
"""


def same_day_meetings() -> list[tuple[dict, dict]]:
    first = article("tanaka.txt", TANAKA_TEXT, "2024-06-03", "mfa.gov.tm")
    second = article("sato.txt", SATO_TEXT, "2024-06-03", "tna.tm")
    tokyo = {"name": "Tokyo", "country": "JP"}
    return [
        (first, record(first, event(TANAKA_TEXT, "Minister of Foreign Affairs of Turkmenistan Batyr Orazov met with Minister"
                                                 " of Economy Hiroshi Tanaka in Tokyo on 3 June.",
                                    type="meeting", date="2024-06-03", location=tokyo, countries=["TM", "JP"],
                                    participants=[person("Batyr Orazov", "Minister of Foreign Affairs", "TM"),
                                                  person("Hiroshi Tanaka", "Minister of Economy", "JP")],
                                    topics=["energy"]))),
        (second, record(second, event(SATO_TEXT, "On 3 June, Batyr Orazov held a meeting with Yuki Sato, Minister of Land,"
                                                 " Infrastructure and Transport of Japan, in Tokyo.",
                                      type="meeting", date="2024-06-03", location=tokyo, countries=["TM", "JP"],
                                      participants=[person("Batyr Orazov", None, "TM"),
                                                    person("Yuki Sato", "Minister of Land, Infrastructure and Transport", "JP")],
                                      topics=["transport"]))),
    ]


# --- an announced summit and its later report ---------------------------------------------

ANNOUNCE_TEXT = """Astana, 1 March 2024
The foreign ministers of Kazakhstan and Japan agreed that the first Central Asia plus Japan Summit is to be held in Tokyo in August 2024.
"""
REPORT_TEXT = """Tokyo, 10 August 2024
The first Central Asia plus Japan Summit took place in Tokyo on 9 August, attended by the President of Kazakhstan.
Leaders adopted a declaration on green energy.
"""


def planned_and_report() -> list[tuple[dict, dict]]:
    announce = article("announce.txt", ANNOUNCE_TEXT, "2024-03-01", "akorda.kz")
    report = article("report.txt", REPORT_TEXT, "2024-08-10", "kazinform.kz")
    return [
        (announce, record(announce, event(ANNOUNCE_TEXT, "The foreign ministers of Kazakhstan and Japan agreed that the first"
                                                         " Central Asia plus Japan Summit is to be held in Tokyo in August 2024.",
                                          status="planned", type="summit", plover="CONSULT",
                                          what="first Central Asia plus Japan Summit", date="2024-08",
                                          location={"name": "Tokyo", "country": "JP"}, countries=["KZ", "JP"]))),
        (report, record(report, event(REPORT_TEXT, "The first Central Asia plus Japan Summit took place in Tokyo on 9 August,"
                                                   " attended by the President of Kazakhstan.",
                                      type="summit", date="2024-08-09", location={"name": "Tokyo", "country": "JP"},
                                      countries=["KZ", "JP"], topics=["energy"]))),
    ]


# --- one person under three name forms and two titles; a namesake ----------------------

KARAYEV_2021 = """Moscow, 2 April 2021
Minister of Foreign Affairs of Turkmenistan Merdan Karayev held talks with Minister of Foreign Affairs of Russia Pavel Sokolov in Moscow.
"""
KARAYEV_2023 = """Baku, 12 October 2023
M. Karayev met with the Foreign Minister of Azerbaijan Elnur Huseynov in Baku.
"""
KARAYEV_2025 = """Ashgabat, 20 January 2025
Deputy Prime Minister, Minister of Foreign Affairs Karayev received Ambassador of Kazakhstan Aidos Serikov in Ashgabat.
"""
NAMESAKE_2025 = """Ashgabat, 21 January 2025
Minister of Energy of Turkmenistan Dovlet Karayev held talks with Kazakhstan's Energy Minister Aidos Serikov in Ashgabat.
"""


def person_forms() -> list[tuple[dict, dict]]:
    docs = []
    a = article("karayev_2021.txt", KARAYEV_2021, "2021-04-02", "mfa.gov.tm")
    docs.append((a, record(a, event(KARAYEV_2021, KARAYEV_2021.splitlines()[1], type="talks", date="2021-04-02",
                                    location={"name": "Moscow", "country": "RU"}, countries=["TM", "RU"],
                                    participants=[person("Merdan Karayev", "Minister of Foreign Affairs", "TM"),
                                                  person("Pavel Sokolov", "Minister of Foreign Affairs", "RU")]))))
    b = article("karayev_2023.txt", KARAYEV_2023, "2023-10-12", "tna.tm")
    docs.append((b, record(b, event(KARAYEV_2023, KARAYEV_2023.splitlines()[1], type="meeting", date="2023-10-12",
                                    location={"name": "Baku", "country": "AZ"}, countries=["TM", "AZ"],
                                    participants=[person("M. Karayev", None, "TM"),
                                                  person("Elnur Huseynov", "Foreign Minister", "AZ")]))))
    c = article("karayev_2025.txt", KARAYEV_2025, "2025-01-20", "mfa.gov.tm")
    docs.append((c, record(c, event(KARAYEV_2025, KARAYEV_2025.splitlines()[1], type="meeting", date="2025-01-20",
                                    location={"name": "Ashgabat", "country": "TM"}, countries=["TM", "KZ"],
                                    participants=[person("Karayev", "Deputy Prime Minister, Minister of Foreign Affairs", "TM"),
                                                  person("Aidos Serikov", "Ambassador", "KZ")]))))
    d = article("namesake_2025.txt", NAMESAKE_2025, "2025-01-21", "tna.tm")
    docs.append((d, record(d, event(NAMESAKE_2025, NAMESAKE_2025.splitlines()[1], type="talks", date="2025-01-21",
                                    location={"name": "Ashgabat", "country": "TM"}, countries=["TM", "KZ"],
                                    participants=[person("Dovlet Karayev", "Minister of Energy", "TM"),
                                                  person("Aidos Serikov", "Energy Minister", "KZ")],
                                    topics=["energy"]))))
    return docs


def load(store, pairs) -> list[tuple[str, str]]:
    from attache.resolve import add_document

    return [add_document(store, art, rec) for art, rec in pairs]


def everything() -> list[tuple[dict, dict]]:
    return three_outlets() + same_day_meetings() + planned_and_report() + person_forms()
