"""Which date expression dates an act, and from which day relative forms count."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from pipeline.coding.dates import find_dates
from pipeline.coding.dating import pick_span, story_day
from pipeline.coding.sentences import split_sentences

_PUBLISHED = date(2025, 3, 12)  # a Wednesday


def _pick(sentence: str, trigger: str, status: str = "occurred") -> date | None:
    dates = find_dates(sentence, _PUBLISHED, story_day=_PUBLISHED)
    start = sentence.index(trigger)
    span = pick_span((start, start + len(trigger)), status, dates, _PUBLISHED, sentence)
    return span.day if span is not None else None


def test_capitalised_month_with_year_keeps_its_year() -> None:
    """ "In October 2023, ..." at the head of a sentence names October 2023, not this year's."""
    spans = find_dates("In October 2023, Chile expelled two Bolivian diplomats.", _PUBLISHED)
    assert [date(2023, 10, 1)] == [s.day for s in spans]


def test_date_of_an_after_clause_is_not_the_main_acts() -> None:
    """ "X recalled its envoy after Y seized a ship last week": last week dates the seizure."""
    sentence = (
        "Ghana recalled its envoy from Togo after Togolese police seized a trawler last week."
    )
    assert _pick(sentence, "recalled") is None


def test_possessive_weekday_dates_the_noun_it_qualifies() -> None:
    """ "despite Sunday's clash, ... said on Tuesday": the plan is dated by the saying."""
    sentence = (
        "Peru will hold talks with Ecuador next month despite Sunday's border clash, "
        "the foreign ministry said on Tuesday."
    )
    assert date(2025, 3, 11) == _pick(sentence, "talks", "planned")


def test_possessive_weekday_dates_its_own_noun() -> None:
    """ "Tuesday's meeting between X and Y": the weekday dates that meeting."""
    sentence = "Tuesday's meeting between the two ministers in Lima eased tension."
    assert date(2025, 3, 11) == _pick(sentence, "meeting")


def test_date_across_a_semicolon_belongs_to_the_other_clause() -> None:
    """ "Kenya accepts plan; talks set for June": June does not date the acceptance."""
    assert _pick("Kenya accepts truce plan; follow-up talks set for June", "accepts") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chile signed the accord on March 2 and Peru signed it the following day.", 3),
        ("Chile signed the accord on March 2; Peru followed two days later.", 4),
    ],
)
def test_forward_forms_count_from_the_day_told_before(sentence: str, expected: int) -> None:
    """ "the following day", "two days later" count on from the explicit day before them."""
    spans = find_dates(sentence, _PUBLISHED)
    assert date(2025, 3, expected) == spans[-1].day


def test_forward_form_counts_from_the_previous_sentence() -> None:
    """Without a day in its own sentence, "a day later" counts from the day passed as told."""
    spans = find_dates("A day later, Peru closed the border.", _PUBLISHED, told=date(2025, 3, 5))
    assert [date(2025, 3, 6)] == [s.day for s in spans]


def test_forward_form_without_a_prior_day_is_left_out() -> None:
    """ "the next day" with no day told before it names no day."""
    assert [] == find_dates("The next day, Peru closed the border.", _PUBLISHED)


def test_story_day_prefers_the_reported_day_to_a_possessive_one() -> None:
    """A lead "despite Monday's clash, X said on Tuesday" tells of Tuesday."""
    text = "Talks go on\n\nPeru will keep talking to Ecuador despite Monday's clash, Lima said on Tuesday."
    sentences = split_sentences(text)
    published = datetime(2025, 3, 12, 15, tzinfo=UTC)
    assert date(2025, 3, 11) == story_day(sentences, published)
