"""Where an act happens, and meetings that are only a setting.

The place of an "in"/"at" phrase or the place visited, named by its head and
adjacent compounds; whether a meeting noun is the setting of another act ("at a
summit, X imposed sanctions") or of something done aside ("on the sidelines of").
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from pipeline.coding.actors import ActorMention, find_actors
from pipeline.coding.gazetteer import Gazetteer
from pipeline.coding.triggers import inflections

__all__ = [
    "SETTING_NOUNS",
    "is_setting",
    "is_sideline",
    "location_of",
    "third_place_cameo",
]

_TIMES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)

#: Meetings and talks: held in a third country's capital, a meeting at a third location.
_MEETINGS = frozenset({"040", "046"})

_SETTING_PREPS = frozenset({"at", "during"})

#: Nouns of an occasion's edge ("on the sidelines of", "on the margins of").
SETTING_NOUNS = inflections("sideline", "margin", "fringe")


def location_of(
    token: Token, governor: Token | None, actors: dict[int, ActorMention]
) -> str | None:
    """Where the act happens: the place of an "in"/"at" phrase, or the place visited."""
    for head in (token, governor):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "to"):
                for obj in prep.children:
                    if (
                        obj.dep_ == "pobj"
                        and obj.pos_ == "PROPN"
                        and obj.lower_ not in _TIMES  # "in March", "on Monday": a time
                        and (prep.lower_ != "to" or obj.i in actors)
                    ):
                        return _place_name(obj)
    return None


def third_place_cameo(
    cameo: str, location: str | None, parties: tuple[str, str], gazetteer: Gazetteer
) -> str:
    """The CAMEO code of a meeting: "044" when held in the capital of a country that is
    neither party ("A and B met in Z's capital"), else ``cameo`` unchanged."""
    if cameo not in _MEETINGS or location is None:
        return cameo
    places = find_actors(location, gazetteer, day=date(2000, 1, 1))
    if len(places) == 1 and places[0].kind == "capital" and places[0].code not in parties:
        return "044"
    return cameo


def _place_name(obj: Token) -> str:
    """The name a place noun heads: its adjacent compounds and itself ("Vostochny Cosmodrome"),
    not the words of a clause that describes it ("Hanoi, where ... Vietnam's leaders")."""
    start = obj.i
    while start > 0 and obj.doc[start - 1].dep_ == "compound" and obj.doc[start - 1].head == obj:
        start -= 1
    return obj.doc[start : obj.i + 1].text


def is_setting(token: Token) -> bool:
    """Whether a meeting noun is the setting of another act ("at a summit, X imposed
    sanctions on Y"): the other act's object is no party of the meeting."""
    return token.dep_ == "pobj" and token.head.lower_ in _SETTING_PREPS


def is_sideline(token: Token) -> bool:
    """Whether a meeting noun names where something happened aside ("on the sidelines of a
    summit of X's neighbours")."""
    return any(a.lower_ in SETTING_NOUNS for a in list(token.ancestors)[:4])
