"""Descriptive references to states: "the kingdom", "the Nordic country", "the junta".

News writing names a state once and then describes it. A description resolves to a
state only when exactly one state that fits it is named in the article (before the
description if any is, else anywhere); otherwise it stays unresolved. The phrases and
the states they fit are data (``data/descriptions.json``).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

import orjson

from pipeline.coding.actors import ActorMention
from pipeline.coding.gazetteer import DATA_DIR, Gazetteer

__all__ = [
    "Descriptions",
    "find_registries",
    "find_seats",
    "load_descriptions",
    "resolve_descriptions",
]

_REGISTRY = re.compile(r"\b([A-Z][a-z]+)-(?:flagged|registered|owned|operated)\b")

_SEAT = re.compile(
    r"\bthe\s+(?:[a-z]+\s+)?(?:junta|government|regime|authorities|leadership|rulers|"
    r"administration)\s+in\s+$",
    re.IGNORECASE,
)


class Descriptions:
    """Description phrases (lower-cased, without "the") and the states each may stand for."""

    def __init__(self, table: dict[str, frozenset[str]]) -> None:
        self.table = table
        phrases = sorted(table, key=len, reverse=True)  # "gulf kingdom" before "kingdom"
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
        self.pattern = re.compile(rf"\bthe\s+({body})\b(?!-)", re.IGNORECASE)

    def states_for(self, phrase: str) -> frozenset[str]:
        """The states a phrase may stand for (empty when it is no description)."""
        return self.table.get(" ".join(phrase.lower().split()), frozenset())


@lru_cache(maxsize=2)
def load_descriptions(path: Path = DATA_DIR / "descriptions.json") -> Descriptions:
    """Load the description table (cached)."""
    raw = orjson.loads(path.read_bytes())
    return Descriptions({k: frozenset(v) for k, v in raw.get("descriptions", {}).items()})


def _resolve(states: frozenset[str], before: list[str], everywhere: set[str]) -> str | None:
    for named in (set(before), everywhere):
        fitting = states & named
        if len(fitting) == 1:
            return next(iter(fitting))
        if fitting:
            return None  # two fitting states named: the description is ambiguous
    return None


def resolve_descriptions(
    text: str, mentions: list[ActorMention], descriptions: Descriptions | None = None
) -> list[ActorMention]:
    """``mentions`` with the article's resolvable descriptions added, in text order."""
    table = descriptions if descriptions is not None else load_descriptions()
    if not mentions:
        return mentions
    starts = [m.start for m in mentions]
    codes = [m.code for m in mentions]
    everywhere = set(codes)
    added: list[ActorMention] = []
    for match in table.pattern.finditer(text):
        start, end = match.start(), match.end()
        k = bisect.bisect_right(starts, start)
        if k > 0 and mentions[k - 1].end > start:  # inside a name ("the Kingdom of ...")
            continue
        if k < len(mentions) and mentions[k].start < end:
            continue
        code = _resolve(table.states_for(match.group(1)), codes[:k], everywhere)
        if code is not None:
            added.append(ActorMention(start, end, code, "state"))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def find_registries(
    text: str, mentions: list[ActorMention], gazetteer: Gazetteer
) -> list[ActorMention]:
    """``mentions`` with the states of "British-flagged", "Greek-owned" added (a ship or
    firm's flag state), in text order."""
    taken = {(m.start, m.end) for m in mentions}
    added: list[ActorMention] = []
    for match in _REGISTRY.finditer(text):
        entry = gazetteer.lookup([match.group(1)])
        span = (match.start(1), match.end(1))
        if entry is not None and entry.kind in ("demonym", "state") and span not in taken:
            added.append(ActorMention(span[0], span[1], entry.code, "demonym"))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def find_seats(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """``mentions`` with "the junta in Bamako", "the government in Kabul" read as one
    mention of the state whose capital it names (the capital alone is only a place)."""
    found: list[ActorMention] = []
    for mention in mentions:
        if mention.kind == "capital":
            seat = _SEAT.search(text, max(0, mention.start - 40), mention.start)
            if seat is not None:
                mention = ActorMention(seat.start(), mention.end, mention.code, "state")
        found.append(mention)
    return found
