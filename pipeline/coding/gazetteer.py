"""The gazetteer: states, organisations, leaders and titles, loaded from data files.

The data lives in ``pipeline/coding/data`` (``countries.json``, ``organizations.json``,
``leaders.json``, ``roles.json``); this module only indexes it. Surface forms are
matched case-sensitively on word tokens normalized by :func:`normalize_word` (a
trailing full stop and a possessive ``'s`` dropped), so "Russia's" and "U.S." find
their entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import orjson

__all__ = [
    "DATA_DIR",
    "Entry",
    "Gazetteer",
    "Leader",
    "Word",
    "load_gazetteer",
    "normalize_word",
    "split_words",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
Kind = Literal["state", "demonym", "capital", "institution", "org", "person"]
_WORD = re.compile(r"\w+(?:[’'\-.&]\w+)*\.?|[^\w\s]")
_MAX_NGRAM = 8
# Organs of the UN are coded as the UN itself (the gold convention of FORMAT.md).
_PARENT = {"UNSC": "UN", "UNGA": "UN", "UNHRC": "UN", "OHCHR": "UN", "OCHA": "UN"}


@dataclass(frozen=True, slots=True)
class Word:
    """A word token of an article: its text and character offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entry:
    """What a surface form names: an actor code, and the person when it is one."""

    code: str
    kind: Kind
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Leader:
    """An office holder with the dates of the office (``end`` None = still in office)."""

    name: str
    aliases: tuple[str, ...]
    code: str
    role: str
    start: date | None
    end: date | None

    def holds_office(self, day: date) -> bool:
        """Whether the leader held the office on ``day``."""
        after_start = self.start is None or self.start <= day
        before_end = self.end is None or day <= self.end
        return after_start and before_end


def normalize_word(text: str) -> str:
    """A token's lookup form: trailing full stop and possessive ``'s`` removed."""
    word = text.rstrip(".") or text
    for suffix in ("'s", "’s"):
        if word.endswith(suffix) and len(word) > 2:
            return word[: -len(suffix)]
    if word.endswith(("s'", "s’")) and len(word) > 2:
        return word[:-1]
    return word


def split_words(text: str) -> list[Word]:
    """The word tokens of ``text`` with their offsets."""
    return [Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _key(surface: str) -> str:
    words = [normalize_word(w.text) for w in split_words(surface)]
    if words and words[0].lower() == "the" and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def _parse_day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class Gazetteer:
    """Indexed surface forms, titles and leaders."""

    surfaces: dict[str, Entry] = field(default_factory=dict)
    offices: dict[str, list[Leader]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    officials: frozenset[str] = frozenset()
    sole_states: dict[str, str] = field(default_factory=dict)
    leaders: list[Leader] = field(default_factory=list)
    state_codes: frozenset[str] = frozenset()
    ambiguous: set[str] = field(default_factory=set)
    first_words: set[str] = field(default_factory=set)
    title_words: frozenset[str] = frozenset()
    max_ngram: int = 1

    @classmethod
    def from_records(
        cls,
        countries: list[dict[str, Any]],
        organizations: list[dict[str, Any]],
        leaders: list[dict[str, Any]],
        roles: dict[str, Any],
    ) -> Gazetteer:
        """Index the records of the four data files."""
        gazetteer = cls()
        for country in countries:
            code = str(country["code"])
            gazetteer._add(country.get("name"), Entry(code, "state"))
            for alias in country.get("aliases", []):
                gazetteer._add(alias, Entry(code, "state"))
            for demonym in country.get("demonyms", []):
                gazetteer._add(demonym, Entry(code, "demonym"))
            for capital in country.get("capitals", []):
                gazetteer._add(capital, Entry(code, "capital"))
            for institution in country.get("institutions", []):
                gazetteer._add(institution, Entry(code, "institution"))
            gazetteer.ambiguous |= {_key(str(t)) for t in country.get("ambiguous_terms", [])}
            if country.get("ambiguous"):
                gazetteer.ambiguous.add(_key(str(country.get("name", ""))))
        for org in organizations:
            code = _PARENT.get(str(org["code"]), str(org["code"]))
            for surface in [org.get("name"), *org.get("aliases", [])]:
                gazetteer._add(surface, Entry(code, "org"))
            gazetteer.ambiguous |= {_key(str(t)) for t in org.get("ambiguous_terms", [])}
            # A seat that stands for the organisation in news ("Brussels" for the EU)
            # outranks the city's country; it stays a place kind, so "in Brussels" is a venue.
            for seat in org.get("seats", []):
                gazetteer._add(seat, Entry(code, "capital"), override=True)
        for record in leaders:
            leader = Leader(
                name=str(record["name"]),
                aliases=tuple(str(a) for a in record.get("aliases", [])),
                code=str(record["code"]),
                role=str(record.get("role", "official")),
                start=_parse_day(record.get("start")),
                end=_parse_day(record.get("end")),
            )
            gazetteer.leaders.append(leader)
            entry = Entry(leader.code, "person", leader.name, leader.role)
            for surface in (leader.name, *leader.aliases):
                gazetteer._add(surface, entry, override=True)
                gazetteer.offices.setdefault(_key(surface), []).append(leader)
        gazetteer.titles = {str(k).lower(): str(v) for k, v in roles.get("titles", {}).items()}
        gazetteer.title_words = frozenset(t.split(" ")[0] for t in gazetteer.titles)
        gazetteer.officials = frozenset(str(o).lower() for o in roles.get("officials", []))
        gazetteer.sole_states = {
            str(k).lower(): str(v) for k, v in roles.get("sole_states", {}).items() if k != "_note"
        }
        gazetteer.state_codes = frozenset(str(c["code"]) for c in countries)
        return gazetteer

    def _add(self, surface: Any, entry: Entry, *, override: bool = False) -> None:
        if not surface:
            return
        key = _key(str(surface))
        if not key or (key in self.surfaces and not override):
            return
        self.surfaces[key] = entry
        self.first_words.add(key.split(" ")[0])
        self.max_ngram = min(_MAX_NGRAM, max(self.max_ngram, key.count(" ") + 1))

    def lookup(self, words: list[str], day: date | None = None) -> Entry | None:
        """The entry whose surface form is exactly these normalized words.

        A person who held several offices is coded by the office held on ``day``
        (Stoltenberg is NATO's in 2024, Norway's in 2025).
        """
        key = " ".join(words)
        entry = self.surfaces.get(key)
        offices = self.offices.get(key)
        if entry is None or day is None or not offices or len(offices) < 2:
            return entry
        current = [o for o in offices if o.holds_office(day)]
        if not current:
            current = sorted(offices, key=lambda o: abs(((o.end or day) - day).days))
        best = current[0]
        return Entry(best.code, "person", best.name, best.role)

    def leader_for(self, code: str, role: str, day: date) -> Leader | None:
        """Who held ``role`` for ``code`` on ``day`` (None when the gazetteer does not know)."""
        for leader in self.leaders:
            if leader.code == code and leader.role == role and leader.holds_office(day):
                return leader
        return None

    def is_state(self, code: str) -> bool:
        """Whether the code is a state's (alpha-3) rather than an organisation's."""
        return code in self.state_codes


def _read(path: Path, default: Any) -> Any:
    if not path.is_file():
        return default
    return orjson.loads(path.read_bytes())


@lru_cache(maxsize=4)
def load_gazetteer(data_dir: Path = DATA_DIR) -> Gazetteer:
    """Load and index the data files of ``data_dir`` (cached per directory)."""
    return Gazetteer.from_records(
        countries=_read(data_dir / "countries.json", []),
        organizations=_read(data_dir / "organizations.json", []),
        leaders=_read(data_dir / "leaders.json", []),
        roles=_read(data_dir / "roles.json", {}),
    )
