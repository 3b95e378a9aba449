"""Places of events: whether two reports' locations can name the same place.

Outlets name one venue at different grains: "Vietnam" and "Hanoi", "Washington"
and "the White House", "Vostochny" and "the Vostochny Cosmodrome". Two places
*agree* when

* they are the same words (case, spaces and a leading "the" aside);
* one names a country and the other a place in it (its capital or a seat of its
  government): a city and its country;
* both name places in one country's capital ("Washington", "the White House");
* at least one is unknown to the gazetteer and the words of one are all among the
  other's ("Vostochny" within "the Vostochny Cosmodrome").

Two different countries, two different cities, or a city and another country,
never agree: talks in Geneva
and talks in Riyadh stay two events. Countries and capitals come from the coder's
gazetteer (``pipeline/coding/data/countries.json``); seats of government are a
small lexicon here.
"""

from __future__ import annotations

import json
from functools import lru_cache

from pipeline.coding.gazetteer import DATA_DIR

__all__ = ["normalize_place", "places_agree"]

# Seats of government and landmarks that stand for a capital: (country, capital).
_SEATS: dict[str, tuple[str, str]] = {
    "white house": ("USA", "washington"),
    "oval office": ("USA", "washington"),
    "capitol": ("USA", "washington"),
    "capitol hill": ("USA", "washington"),
    "pentagon": ("USA", "washington"),
    "state department": ("USA", "washington"),
    "kremlin": ("RUS", "moscow"),
    "elysee": ("FRA", "paris"),
    "elysee palace": ("FRA", "paris"),
    "élysée": ("FRA", "paris"),
    "élysée palace": ("FRA", "paris"),
    "quai d'orsay": ("FRA", "paris"),
    "downing street": ("GBR", "london"),
    "10 downing street": ("GBR", "london"),
    "whitehall": ("GBR", "london"),
    "chancellery": ("DEU", "berlin"),
    "great hall of the people": ("CHN", "beijing"),
    "zhongnanhai": ("CHN", "beijing"),
    "mariinsky palace": ("UKR", "kyiv"),
    "bankova": ("UKR", "kyiv"),
}


def normalize_place(location: str | None) -> str | None:
    """Case-folded words of a place, without a leading article or trailing punctuation."""
    if not location:
        return None
    words = location.casefold().replace(",", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words) or None


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Country names -> code, and capitals (and seats) -> (code, capital)."""
    countries: dict[str, str] = {}
    capitals: dict[str, tuple[str, str]] = dict(_SEATS)
    try:
        rows = json.loads((DATA_DIR / "countries.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        rows = []
    for row in rows:
        code = row.get("code")
        if not isinstance(code, str):
            continue
        for name in [row.get("name"), *row.get("aliases", [])]:
            key = normalize_place(name) if isinstance(name, str) else None
            if key:
                countries.setdefault(key, code)
        for capital in row.get("capitals", []):
            key = normalize_place(capital) if isinstance(capital, str) else None
            if key:
                capitals.setdefault(key, (code, key))
    return countries, capitals


def places_agree(left: str | None, right: str | None) -> bool:
    """Whether two reported locations may be the same venue (an unknown one always may)."""
    a, b = normalize_place(left), normalize_place(right)
    if a is None or b is None or a == b:
        return True
    countries, capitals = _index()
    country_a, country_b = countries.get(a), countries.get(b)
    city_a, city_b = capitals.get(a), capitals.get(b)
    if country_a is not None and country_b is not None:
        return False
    if country_a is not None and city_b is not None:
        return country_a == city_b[0]
    if country_b is not None and city_a is not None:
        return country_b == city_a[0]
    if city_a is not None and city_b is not None:
        return city_a == city_b
    if (country_a or city_a) is not None and (country_b or city_b) is not None:
        return False
    words_a, words_b = set(a.split()), set(b.split())
    return words_a <= words_b or words_b <= words_a
