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
    """ "resumed on March 14, nine days after X had done A": A is dated March 5."""
    text = "Talks resumed on March 14, nine days after Kenya had withdrawn its envoy."
    spans = find_dates(text, date(2024, 3, 28), story_day=date(2024, 3, 27))
    assert [date(2024, 3, 14), date(2024, 3, 5)] == [s.day for s in spans]


def test_previous_weekday_is_the_week_before_a_story_on_that_weekday() -> None:
    """ "The previous Sunday" in a story of a Sunday is a week before it, though the paper
    came out on the Monday."""
    spans = find_dates(
        "She had flown there the previous Sunday.", date(2018, 7, 16), story_day=date(2018, 7, 15)
    )
    assert [date(2018, 7, 8)] == [s.day for s in spans]


def test_previous_weekday_counts_back_from_the_story_day() -> None:
    """In a Wednesday paper telling of Tuesday, "the previous Sunday" is two days before
    Tuesday, not a week before the Sunday the paper's own day counts back to."""
    spans = find_dates(
        "The previous Sunday the envoys had dined together.",
        date(2025, 3, 12),
        story_day=date(2025, 3, 11),
    )
    assert [date(2025, 3, 9)] == [s.day for s in spans]


def test_previous_weekday_counts_back_from_the_day_told_before() -> None:
    """After a sentence telling of Friday 7 March, "the preceding Monday" is 3 March, even
    when the story's own day is later."""
    spans = find_dates(
        "Talks had opened the preceding Monday.",
        date(2025, 3, 12),
        story_day=date(2025, 3, 11),
        told=date(2025, 3, 7),
    )
    assert [date(2025, 3, 3)] == [s.day for s in spans]


def test_previous_weekday_in_a_story_dates_the_earlier_meeting(coder: Coder) -> None:
    """A Wednesday story of Tuesday's talks: the meeting "the previous Sunday" falls two
    days before them."""
    body = (
        "Ghana's foreign minister held talks with Togo's foreign minister in Accra on "
        "Tuesday.\n\nThe previous Sunday, Ghana's president had met Benin's president in "
        "Cotonou."
    )
    found = _dated(coder, body, "2025-03-12T15:00:00+00:00")
    assert date(2025, 3, 9) in {d for s, _, t, d in found if {s, t} == {"GHA", "BEN"}}


def test_act_months_after_another_keeps_the_story_day(coder: Coder) -> None:
    """ "X restored ties with Y, N months after it had cut them": the count dates the
    cut, not the restoration."""
    body = (
        "Zambia restored its diplomatic relations with Malawi this week, some three months "
        "after it had cut them."
    )
    found = _dated(coder, body, "2021-05-07T15:00:00+00:00")
    assert ("ZMB", "CONCEDE", "MWI", date(2021, 5, 7)) in found


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
        "Heavy shelling hit the border villages on Tuesday, Ghanaian police said. On Thursday "
        "Ghana's foreign ministry summoned Togo's ambassador over the attacks."
    )
    found = _dated(coder, body, "2024-08-29T18:00:00+00:00")
    assert date(2024, 8, 29) in {d for s, _, t, d in found if (s, t) == ("GHA", "TGO")}


def test_at_the_time_takes_the_time_just_told(coder: Coder) -> None:
    """ "X blamed Y at the time" is dated by the month the sentence before named."""
    body = (
        "Back in March 2022, Uruguay withdrew its envoy from Paraguay over a river dispute. "
        "Uruguay blamed Paraguay at the time for polluting the shared lagoon."
    )
    found = _dated(coder, body, "2023-10-05T12:00:00+00:00")
    assert ("URY", "ACCUSE", "PRY", date(2022, 3, 1)) in found


def test_count_of_days_after_a_limit_counts_from_the_story_day() -> None:
    """ "halted services from July 8, one day after X": July 8 is a limit, not X's anchor."""
    text = "He halted ferry services from July 8, one day after the dockers walked out."
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
    """ "A rumour that A had invited B ... was denied ... on Saturday": Saturday dates the
    denial, so the alleged invitation keeps the story's day (Thursday's tour)."""
    body = (
        "Kenya's president toured Sudan on Thursday. A rumour that Kenya's president had "
        "invited Sudan's army chief to Nairobi was denied by a government spokesman on "
        "Saturday."
    )
    found = _dated(coder, body, "2025-03-09T15:00:00+00:00")
    assert date(2025, 3, 6) in {d for s, t, _, d in found if (s, t) == ("KEN", "AGREE")}


def test_same_press_conference_takes_its_day(coder: Coder) -> None:
    """ "At the same press conference" is dated by the last dated sentence (Saturday's
    briefing, not the story's Friday), though it opens a new paragraph."""
    body = (
        "Ghana reopened its border crossings on Friday. Ghana's trade minister briefed "
        "journalists on Saturday about the reopened border.\n\nAt the same press conference, "
        "Ghana's trade minister said Accra had invited Togo's finance minister to an "
        "investment forum."
    )
    found = _dated(coder, body, "2025-03-09T15:00:00+00:00")
    assert date(2025, 3, 8) in {d for s, t, _, d in found if (s, t) == ("GHA", "AGREE")}
