"""Event dates: date expressions of a sentence resolved against the publication date.

Date spans are found by pattern ("on Wednesday", "May 30", "Jan. 17, 2025", "last
month", "in July last year", "a day earlier", "in 2019") and only those spans are
resolved, weekdays and relative forms by calendar arithmetic, month names by
``dateparser`` with ``RELATIVE_BASE`` set to the publication date. Searching whole
texts for dates misreads "may" and "we"; spans do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from pipeline.coding.sentences import Sentence
from pipeline.models import DatePrecision

__all__ = [
    "DateSpan",
    "date_precision",
    "find_dates",
    "inherited_dates",
    "pick_date",
    "pick_span",
    "resolve_date",
    "story_day",
]

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
    r"|(?P<year>\bin\s+(?:19|20)\d{2}\b)"
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


def find_dates(
    text: str, base: date, *, story_day: date | None = None, told: date | None = None
) -> list[DateSpan]:
    """The date expressions of a sentence, each resolved against ``base``.

    Relative spans ("a day earlier", "eight days after") count from ``story_day``,
    the day the story tells of, when given. Forward spans ("the following day", "a
    day later") count on from the last explicit day before them in the sentence, else
    from ``told`` (the day the previous sentence told of); without either they are left out.
    """
    spans: list[DateSpan] = []
    for match in _PATTERN.finditer(text):
        kind = match.lastgroup or ""
        if kind == "fwd":
            told_here = [d.day for d in spans if d.kind in ("md", "dm", "wd")]
            start = told_here[-1] if told_here else told
            day: date | None = _forward(match.group(), start) if start is not None else None
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


def pick_date(
    trigger: tuple[int, int], status: str, dates: list[DateSpan], anchor: date, sentence_text: str
) -> date:
    """The day of the act whose trigger spans ``trigger``: the nearest date expression, else ``anchor``.

    Planned and proposed acts carry the day they were stated: only a past weekday or
    day of the month ("said on Tuesday it would...") dates them.
    """
    span = pick_span(trigger, status, dates, anchor, sentence_text)
    return span.day if span is not None else anchor


def date_precision(span: DateSpan | None) -> DatePrecision:
    """How exactly a picked span dates an act (see ``pipeline.models.DatePrecision``)."""
    if span is None:
        return "default"
    if span.kind in ("md", "dm", "wd", "fwd"):
        return "day"
    if span.kind in ("my", "month"):
        return "month"
    if span.kind == "year":
        return "year"
    words = span.text.lower()
    if "year" in words:
        return "year"
    if "month" in words:
        return "month"
    if "week" in words:
        return "week"
    return "day"


def pick_span(
    trigger: tuple[int, int],
    status: str,
    dates: list[DateSpan],
    anchor: date,
    sentence_text: str,
    foreign: tuple[tuple[int, int], ...] = (),
    own: tuple[int, int] | None = None,
) -> DateSpan | None:
    """The date expression that dates the act of ``trigger`` (see :func:`pick_date`), or None.

    ``foreign``: spans of clauses that tell of other acts; their dates are left out.
    ``own``: the relative clause the act is told in; a date inside it is preferred.
    """
    trigger_start, trigger_end = trigger
    dates = [d for d in dates if not any(a <= d.start < b for a, b in foreign)]
    # a bound ("since Jan. 17") dates only what follows it ("..., when X called Y")
    usable = [d for d in dates if not d.bound or trigger_start > d.end]
    # "the first summit since Trump returned in January": that date is not the summit's;
    # "recalled envoys after X shot down a drone last week": nor is the later act's
    usable = [d for d in usable if not _told_of_another(trigger, d, sentence_text)]
    if status in ("planned", "proposed"):
        usable = [d for d in usable if d.kind in ("wd", "rel", "md", "dm", "fwd")]
    usable = [d for d in usable if d.day <= anchor + timedelta(days=1)]
    if not usable:
        return None
    if status == "denied" and any(d.start >= trigger_end for d in usable):
        # "denied on Sunday that X had met Y in January": the act keeps its alleged day
        usable = [d for d in usable if d.start >= trigger_end]
    if own is not None and any(own[0] <= d.start < own[1] for d in usable):
        usable = [d for d in usable if own[0] <= d.start < own[1]]
    return min(
        usable,
        key=lambda d: min(abs(d.start - trigger_end), abs(trigger_start - d.end)),
    )


_AFTER = re.compile(r"\b(?:since|after)\b", re.IGNORECASE)


def _told_of_another(trigger: tuple[int, int], span: DateSpan, sentence_text: str) -> bool:
    """Whether ``span`` dates another act than the trigger's.

    A date in a clause opened by "since"/"after" after the trigger, a date across a
    semicolon, and a possessive weekday ("despite Monday's clash") unless it
    qualifies the trigger itself ("Thursday's meeting").
    """
    start, end = trigger
    if span.start > end and _AFTER.search(sentence_text, end, span.start) is not None:
        return True
    between = sentence_text[min(end, span.end) : max(start, span.start)]
    if ";" in between:
        return True
    return span.attributive and not 0 <= start - span.end <= 3


def story_day(sentences: list[Sentence], published_at: datetime) -> date:
    """The story's day: the first recent weekday or date of the lead (a possessive
    weekday, "Monday's clash", only when its sentence has no other).

    Without one, a story published in the morning (local time) tells of the day
    before, as morning editions do; later ones of the publication day.
    """
    published = published_at.date()
    for sentence in [s for s in sentences if not s.is_title][:2]:
        spans = find_dates(sentence.text, published)
        # "despite Monday's clash, X said on Wednesday": the reported day first
        for span in sorted(spans, key=lambda d: d.attributive):
            recent = 0 <= (published - span.day).days <= 6
            if span.kind in ("wd", "rel", "md", "dm") and not span.bound and recent:
                return span.day
    return published - timedelta(days=1) if published_at.hour < 12 else published


def inherited_dates(
    sentences: list[Sentence], sentence: Sentence, published: date, anchor: date
) -> list[DateSpan]:
    """The explicit day of the previous sentence of the paragraph, for a sentence without one."""
    previous = [
        s for s in sentences if s.paragraph == sentence.paragraph and s.end <= sentence.start
    ]
    if not previous:
        return []
    spans = [
        d
        for d in find_dates(previous[-1].text, published, story_day=anchor)
        if d.kind in ("md", "dm", "wd", "fwd") and not d.bound and not d.attributive
    ]
    return [DateSpan(0, 0, spans[-1].text, spans[-1].day, spans[-1].kind)] if spans else []
