"""Dating acts: which date expression of a sentence dates an act, and the story's day.

:mod:`pipeline.coding.dates` finds and resolves the date spans of a sentence; this
module picks the one that dates an act (the nearest usable span, leaving out dates
told of other acts: clauses opened by "since"/"after", across a semicolon, possessive
weekdays), says how precise it is, and gives the story's own day and the day a
sentence inherits from the previous one of its paragraph.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from pipeline.coding.dates import DateSpan, find_dates
from pipeline.coding.sentences import Sentence
from pipeline.models import DatePrecision

__all__ = ["date_precision", "inherited_dates", "pick_date", "pick_span", "story_day"]


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
    # a weekday or "N days ago" is resolved back from publication: never a later day, even
    # when the story's day (the lead's "on Tuesday") is earlier than a later "on Thursday"
    usable = [d for d in usable if d.kind in ("wd", "rel") or d.day <= anchor + timedelta(days=1)]
    if not usable:
        return None
    if status == "denied" and (denial := _DENIAL.search(sentence_text, trigger_end)) is not None:
        # "reports that X had met Y were denied on Saturday": that day is the denial's
        usable = [d for d in usable if d.start < denial.start()]
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
    if span.start >= end and _dates_prior_clause(span):  # "A, five months after B": B's day
        return True
    between = sentence_text[min(end, span.end) : max(start, span.start)]
    if ";" in between:
        return True
    return span.attributive and not 0 <= start - span.end <= 3


_DENIAL = re.compile(r"\b(?:denied|denies|rebutted|refuted|dismissed)\b", re.IGNORECASE)

_SAME = re.compile(
    r"\b(?:at|during)\s+the\s+same\s+(?:press\s+conference|news\s+conference|briefing|"
    r"meeting|event|session|summit)\b",
    re.IGNORECASE,
)

_THEN = re.compile(r"\bat\s+(?:the|that)\s+time\b", re.IGNORECASE)

_PRIOR = re.compile(r"\b(?:after|before)$", re.IGNORECASE)


def _dates_prior_clause(span: DateSpan) -> bool:
    """ "two weeks after X did A": a relative span that dates the act told after it (A)."""
    return span.kind == "rel" and _PRIOR.search(span.text) is not None


def story_day(sentences: list[Sentence], published_at: datetime) -> date:
    """The story's day: the first recent weekday or date of the lead (a possessive
    weekday, "Monday's clash", only when its sentence has no other).

    Without one, a story published in the morning (local time) tells of the day
    before, as morning editions do; later ones of the publication day.
    """
    published = published_at.date()
    for sentence in [s for s in sentences if not s.is_title][:2]:
        spans = find_dates(sentence.text, published)
        # "despite Monday's clash, X said on Wednesday": the reported day first;
        # "a day after X did A, Y said": the span dates A, not the story
        spans = [d for d in spans if not _dates_prior_clause(d)]
        for span in sorted(spans, key=lambda d: d.attributive):
            recent = 0 <= (published - span.day).days <= 6
            if span.kind in ("wd", "rel", "md", "dm") and not span.bound and recent:
                return span.day
    return published - timedelta(days=1) if published_at.hour < 12 else published


def inherited_dates(
    sentences: list[Sentence], sentence: Sentence, published: date, anchor: date
) -> list[DateSpan]:
    """The explicit day of the previous sentence of the paragraph, for a sentence without one
    (of the previous dated sentence of the story for "at the same press conference")."""
    same = _SAME.search(sentence.text) is not None
    previous = [
        s
        for s in sentences
        if (same or s.paragraph == sentence.paragraph) and s.end <= sentence.start
    ]
    if same:  # the occasion last dated, though told a paragraph earlier
        previous = [
            s for s in previous if find_dates(s.text, published, story_day=anchor)
        ] or previous
    if not previous:
        return []
    kinds: tuple[str, ...] = ("md", "dm", "wd", "fwd")
    if _THEN.search(sentence.text):  # "X accused Y at the time": the time just told, any
        kinds += ("my", "month", "year", "rel")
    spans = [
        d
        for d in find_dates(previous[-1].text, published, story_day=anchor)
        if d.kind in kinds and not d.bound and not d.attributive
    ]
    return [DateSpan(0, 0, spans[-1].text, spans[-1].day, spans[-1].kind)] if spans else []
