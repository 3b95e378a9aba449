"""Background acts told with their own dates: counts of days from a named day, "the
previous Sunday", "N months after" (the later act's distance from the earlier), a lead
that opens "a day after X", a later weekday than the lead's, "at the time".

Every sentence is hand-written.
"""

from __future__ import annotations

from datetime import date

from pipeline.coding import Coder
from pipeline.coding.candidates import most_precise
from pipeline.coding.dates import find_dates
from tests.unit.coding.conftest import make_article


def _dated(coder: Coder, body: str, published: str) -> set[tuple[str, str, str | None, date]]:
    return {
        (c.source.code, c.type, c.target.code if c.target else None, c.date)
        for c in coder.extract(make_article(body, published=published))
    }


def test_count_of_days_runs_back_from_the_named_day() -> None:
    """ "on January 8, six days after X did A": A is dated January 2."""
    text = "They met on January 8, six days after Kenya recalled its ambassador."
    spans = find_dates(text, date(2024, 1, 22), story_day=date(2024, 1, 21))
    assert [date(2024, 1, 8), date(2024, 1, 2)] == [s.day for s in spans]


def test_previous_weekday_is_the_week_before() -> None:
    """ "the previous Sunday" in a Monday paper is eight days back, not yesterday."""
    spans = find_dates("He had flown there the previous Sunday.", date(2018, 7, 16))
    assert [date(2018, 7, 8)] == [s.day for s in spans]


def test_act_months_after_another_keeps_the_story_day(coder: Coder) -> None:
    """ "X restored ties with Y, five months after it broke them off": the count dates
    the break, not the restoration."""
    body = "Ghana has restored diplomatic relations with Togo, nearly five months after it broke them off."
    found = _dated(coder, body, "2021-05-07T15:00:00+00:00")
    assert ("GHA", "CONCEDE", "TGO", date(2021, 5, 7)) in found


def test_lead_opening_a_day_after_dates_the_earlier_act(coder: Coder) -> None:
    """A lead "A day after X did A, Y ..." with "Wednesday's briefing" next: the story's
    day is Wednesday and A is Tuesday."""
    body = (
        "A day after Serbia blew up the joint border office with Kosovo, Kosovo's government "
        "faced reporters. What follows are highlights of Wednesday's briefing."
    )
    found = _dated(coder, body, "2020-06-17T15:00:00+00:00")
    assert ("SRB", "COERCE", "XKX", date(2020, 6, 16)) in found


def test_later_weekday_than_the_leads_is_kept(coder: Coder) -> None:
    """A lead on Tuesday's events does not cap a later "On Thursday" of the same story."""
    body = (
        "Two Egyptian transport aircraft landed in Mogadishu on Tuesday carrying weapons. "
        "On Thursday Somalia's foreign ministry summoned Ethiopia's ambassador to protest."
    )
    found = _dated(coder, body, "2024-08-29T18:00:00+00:00")
    assert date(2024, 8, 29) in {d for s, _, t, d in found if (s, t) == ("SOM", "ETH")}


def test_at_the_time_takes_the_time_just_told(coder: Coder) -> None:
    """ "X accused Y at the time" is dated by the month the sentence before named."""
    body = (
        "In February last year it was Kenya that reacted, recalling its ambassador from "
        "Somalia. Kenya accused Somalia at the time of auctioning oil blocks."
    )
    found = _dated(coder, body, "2020-12-17T15:00:00+00:00")
    assert ("KEN", "ACCUSE", "SOM", date(2019, 2, 1)) in found


def test_count_of_days_after_a_limit_counts_from_the_story_day() -> None:
    """ "barred flights from July 8, a day after X": July 8 is a limit, not X's anchor."""
    text = "He barred flights from July 8, a day after crowds stormed the parliament."
    spans = find_dates(text, date(2019, 6, 21), story_day=date(2019, 6, 21))
    assert date(2019, 6, 20) == spans[-1].day


def test_act_told_twice_keeps_the_exact_dates_precision(coder: Coder) -> None:
    """Of two tellings of one act on one day, the kept (most confident) one takes the date
    precision of the most exact telling."""
    article = make_article(
        "Peru on Monday recalled its ambassador from Chile.",
        published="2025-03-11T15:00:00+00:00",
    )
    told = coder.extract(article)[0]
    no_features: dict[str, float] = {}
    vague = (told.model_copy(update={"date_precision": "default", "confidence": 0.9}), no_features)
    exact = (told.model_copy(update={"date_precision": "day", "confidence": 0.5}), no_features)
    kept, _ = most_precise(vague, vague, exact)
    assert ("day", 0.9) == (kept.date_precision, kept.confidence)


def test_recall_noun_is_a_diplomatic_cut(coder: Coder) -> None:
    """ "Announced the recall of its ambassador from X" reduces relations (161)."""
    body = "Peru announced the recall of its ambassador from Chile on Monday."
    assert ("PER", "SANCTION", "CHL", date(2025, 3, 10)) in _dated(
        coder, body, "2025-03-11T15:00:00+00:00"
    )


def test_denied_act_is_not_dated_by_its_denial(coder: Coder) -> None:
    """ "Reports that A had invited B ... were rebutted on Saturday": Saturday dates the
    denial, so the alleged invitation keeps the story's day (Friday's visit)."""
    body = (
        "Peru's president visited Chile on Friday. Reports that Peru's president had "
        "invited Chile's president to the summit were firmly rebutted on Saturday by "
        "Peru's foreign minister."
    )
    found = _dated(coder, body, "2025-03-09T15:00:00+00:00")
    assert date(2025, 3, 7) in {d for s, t, _, d in found if (s, t) == ("PER", "AGREE")}


def test_same_press_conference_takes_its_day(coder: Coder) -> None:
    """ "At the same press conference" is dated by the last dated sentence, though it
    opens a new paragraph."""
    body = (
        "Peru's foreign minister told reporters on Saturday that the talks had been useful."
        "\n\nAt the same press conference, Peru's foreign minister said Lima had invited "
        "Chile's foreign minister to a retreat next month."
    )
    found = _dated(coder, body, "2025-03-09T15:00:00+00:00")
    assert date(2025, 3, 8) in {d for s, t, _, d in found if (s, t) == ("PER", "AGREE")}
