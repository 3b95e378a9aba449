"""Event dates: date expressions of a sentence resolved against the publication date.

Date spans are found by pattern ("on Wednesday", "May 30", "Jan. 17, 2025", "last
month", "in July last year", "a day earlier", "in 2019") and only those spans are
resolved, weekdays and relative forms by calendar arithmetic, month names by
``dateparser`` with ``RELATIVE_BASE`` set to the publication date. Searching whole
texts for dates misreads "may" and "we"; spans do not. Which span dates which act is
:mod:`pipeline.coding.dating`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

__all__ = ["DateSpan", "find_dates", "resolve_date"]

_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_PATTERN = re.compile(
    rf"(?P<md>\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b)"
    rf"|(?P<dm>\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:,?\s+\d{{4}})?\b)"
    rf"|(?P<my>\b(?i:in|last|since|early|late|mid|mid-)\s*{_MONTHS}(?!\.?\s+\d{{1,2}}(?!\d))(?:\s+(?:last\s+year|\d{{4}}))?\b)"
    r"|(?P<wd>\b(?i:last\s+|on\s+|this\s+|next\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"|(?P<rel>\b(?:yesterday|today|last\s+week|last\s+month|last\s+year|the\s+previous\s+day|the\s+day\s+before|"
    r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:day|week|month|year)s?\s+"
    r"(?:earlier|ago|after|before(?=\s*[,.;]|\s*$)))\b)"
    r"|(?P<fwd>\b(?i:the\s+(?:following|next)\s+(?:day|morning|evening|week)|"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:day|week)s?\s+later)\b)"
    r"|(?P<year>\bin\s+(?:1[5-9]|20)\d{2}\b)"
    r"|(?P<month>\b(?:January|February|March|April|June|July|August|September|October|November|December)\b)",
)


_RANGE_END = re.compile(r"\s*(?:to|until|till|through|-|–)\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date expression of a sentence and the day it names."""

    start: int
    end: int
    text: str
    day: date
    kind: str
    bound: bool = False  # "since Jan. 17", "until May": a limit, not the event's day
    attributive: bool = False  # "Monday's clash": dates the noun it qualifies


def _months_back(day: date, months: int) -> date:
    month = day.month - months
    year = day.year
    while month < 1:
        month += 12
        year -= 1
    return date(year, month, min(day.day, 28))


def _relative(text: str, base: date) -> date | None:
    words = text.lower().split()
    if words == ["today"]:
        return base
    if words in (["yesterday"], ["the", "previous", "day"], ["the", "day", "before"]):
        return base - timedelta(days=1)
    if words[:1] == ["last"]:
        unit = words[1]
        return {"week": base - timedelta(days=7), "month": _months_back(base, 1), "year": None}.get(
            unit
        )
    count = _NUMBERS.get(words[0]) or (int(words[0]) if words[0].isdigit() else None)
    if count is None:
        return None
    unit = words[1].rstrip("s")
    if unit == "day":
        return base - timedelta(days=count)
    if unit == "week":
        return base - timedelta(days=7 * count)
    if unit == "month":
        return _months_back(base, count)
    if unit == "year":
        return _months_back(base, 12 * count)
    return None


def _forward(text: str, base: date) -> date:
    """ "the following day", "two days later": counted on from ``base``, the day told before."""
    words = text.lower().split()
    if words[0] == "the":
        return base + timedelta(days=7 if words[-1] == "week" else 1)
    count = _NUMBERS.get(words[0]) or int(words[0])
    return base + timedelta(days=count * (7 if words[1].startswith("week") else 1))


def _weekday(text: str, base: date) -> date:
    words = text.lower().split()
    target = _WEEKDAYS.index(words[-1])
    if words[0] == "next":
        ahead = (target - base.weekday()) % 7 or 7
        return base + timedelta(days=ahead)
    back = (base.weekday() - target) % 7
    if words[0] == "last" and back == 0:
        back = 7
    return base - timedelta(days=back)


@lru_cache(maxsize=4096)
def _parse(text: str, base: date) -> date | None:
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["month"],
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed is not None else None


def resolve_date(kind: str, text: str, base: date) -> date | None:
    """The day a date expression of kind ``kind`` names, seen from ``base``."""
    if kind == "wd":
        return _weekday(text, base)
    if kind == "rel":
        return _relative(text, base)
    if kind == "month":
        text = "in " + text
        kind = "my"
    if kind == "year":
        year = int(text.split()[-1])
        return date(year, 1, 1) if year < base.year else None
    cleaned = re.sub(r"^(?:in|since|early|late|mid-?)\s*", "", text.strip(), flags=re.IGNORECASE)
    if "last year" in cleaned.lower():
        cleaned = re.sub(r"\s*last\s+year", f" {base.year - 1}", cleaned, flags=re.IGNORECASE)
    elif cleaned.lower().startswith("last "):
        cleaned = cleaned[5:]
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned).replace(".", "")
    day = _parse(cleaned, base)
    if day is not None and day > base + timedelta(days=1) and not re.search(r"\d{4}", cleaned):
        day = day.replace(year=day.year - 1)
    return day


def _base_of(kind: str, text: str, base: date, story_day: date | None) -> date:
    """Days and weeks count from the story's day; months, years and names from publication."""
    short = kind == "rel" and re.search(r"day|week", text, re.IGNORECASE) is not None
    short = short and text.lower() not in ("today", "yesterday")
    return story_day if short and story_day is not None else base


_PREVIOUS = re.compile(r"\b(?:the\s+previous|the\s+preceding)\s+$", re.IGNORECASE)

_APPOSED_GAP = re.compile(r"\s*,\s*")

_COUNTED_BACK = re.compile(r"\bdays?\s+(?:after|before|earlier)$", re.IGNORECASE)


def _apposed_day(spans: list[DateSpan], text: str, start: int, end: int) -> date | None:
    """The explicit day just before a count of days, set off by a comma only ("on January
    8, six days after X did A"): the count runs back from it (a count of weeks is
    approximate and keeps the story's day)."""
    if not spans or spans[-1].kind not in ("md", "dm", "wd") or spans[-1].bound:
        return None  # not "barred flights from July 8, a day after X": that is a limit
    if _COUNTED_BACK.search(text[start:end]) is None:
        return None
    if _APPOSED_GAP.fullmatch(text[spans[-1].end : start]) is None:
        return None
    return spans[-1].day


def _previous_weekday(text: str, reference: date) -> date:
    """ "The previous Sunday": the last such weekday before ``reference`` (the day told
    before, else the story's), a week back only when ``reference`` is that weekday."""
    target = _WEEKDAYS.index(text.lower().split()[-1])
    return reference - timedelta(days=(reference.weekday() - target) % 7 or 7)


def find_dates(
    text: str, base: date, *, story_day: date | None = None, told: date | None = None
) -> list[DateSpan]:
    """The date expressions of a sentence, each resolved against ``base``.

    Relative spans ("a day earlier", "eight days after") count from ``story_day``,
    the day the story tells of, when given. Forward spans ("the following day", "a
    day later") count on from the last explicit day before them in the sentence, else
    from ``told`` (the day the previous sentence told of); without either they are left out.
    "The previous Sunday" counts back from ``told``, else ``story_day``, else ``base``.
    """
    spans: list[DateSpan] = []
    for match in _PATTERN.finditer(text):
        kind = match.lastgroup or ""
        if kind == "fwd":
            told_here = [d.day for d in spans if d.kind in ("md", "dm", "wd")]
            start = told_here[-1] if told_here else told
            day: date | None = _forward(match.group(), start) if start is not None else None
        elif kind == "rel" and (told_day := _apposed_day(spans, text, *match.span())) is not None:
            day = _relative(match.group(), told_day)  # "on Jan. 8, six days after X": from Jan. 8
        elif kind == "wd" and _PREVIOUS.search(text, 0, match.start()):
            day = _previous_weekday(match.group(), told or story_day or base)
        else:
            day = resolve_date(kind, match.group(), _base_of(kind, match.group(), base, story_day))
        if day is not None:
            before = text[max(0, match.start() - 7) : match.start()].lower().split()
            bound = match.group().lower().startswith("since") or (
                before[-1:] in (["since"], ["until"], ["by"])
            )  # "from February 24" starts a measure (not "from May 3 to May 5")
            bound = bound or (before[-1:] == ["from"] and not _RANGE_END.match(text[match.end() :]))
            attributive = kind == "wd" and text[match.end() : match.end() + 2] in ("'s", "’s")
            spans.append(
                DateSpan(match.start(), match.end(), match.group(), day, kind, bound, attributive)
            )
    return spans
