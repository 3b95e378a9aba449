"""EventFilter: parsing from options, tables and queries; matching event revisions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipeline.errors import ConfigError
from pipeline.feeds.filters import EventFilter, parse_since

from .conftest import MakeEvent


def test_empty_filter_matches_everything(make_event: MakeEvent) -> None:
    """A filter with no criteria matches any event."""
    assert EventFilter().matches(make_event())
    assert EventFilter().is_empty()


def test_options_accept_repeated_and_comma_separated_values() -> None:
    """``--actor RUS --actor ukr,EU`` gives three upper-cased codes; types upper-case too."""
    event_filter = EventFilter.from_options(actors=["RUS", "ukr, EU"], types="sanction")
    assert ("RUS", "UKR", "EU") == event_filter.actors
    assert ("SANCTION",) == event_filter.types


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"types": ["AGREE"]}, True),
        ({"types": ["SANCTION"]}, False),
        ({"actors": ["UKR"]}, True),
        ({"actors": ["USA"]}, False),
        ({"actors": ["RUS", "UKR"], "both": True}, True),
        ({"actors": ["RUS", "USA"], "both": True}, False),
        ({"status": ["proposed", "planned"]}, True),
        ({"status": ["occurred"]}, False),
        ({"min_outlets": 2}, True),
        ({"min_outlets": 3}, False),
        ({"since": "2025-03-01T11:00:00Z"}, True),
        ({"since": "2025-03-02"}, False),
    ],
)
def test_each_criterion(make_event: MakeEvent, criteria: dict[str, object], expected: bool) -> None:
    """Each criterion alone accepts or rejects a RUS→UKR AGREE proposed event from 2 outlets."""
    event = make_event(outlets=("reuters", "ap"))
    assert expected == EventFilter.from_table(criteria).matches(event)


def test_both_needs_a_target(make_event: MakeEvent) -> None:
    """A dyad filter never matches an event without a target."""
    event_filter = EventFilter.from_options(actors="RUS,UKR", both=True)
    assert False is event_filter.matches(make_event(target=None))


def test_all_criteria_must_hold(make_event: MakeEvent) -> None:
    """Criteria combine with AND."""
    event_filter = EventFilter.from_options(types="AGREE", actors="RUS", min_outlets=5)
    assert False is event_filter.matches(make_event())


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"types": "SANCTON"}, "types"),
        ({"status": "maybe"}, "status"),
        ({"actors": "R$S"}, "actors"),
        ({"min_outlets": 0}, "min_outlets"),
        ({"since": "yesterday"}, "since"),
    ],
)
def test_invalid_options_raise_config_error_naming_the_field(
    options: dict[str, object], field: str
) -> None:
    """A bad value raises ConfigError whose message names the field."""
    with pytest.raises(ConfigError) as caught:
        EventFilter.from_options(**options)  # type: ignore[arg-type]
    assert str(caught.value).startswith(f"filter: {field}")


def test_unknown_table_field_is_rejected() -> None:
    """A misspelt field in a table is an error, not silently ignored."""
    with pytest.raises(ConfigError, match="actor: unknown field"):
        EventFilter.from_table({"actor": ["RUS"]})


def test_query_aliases() -> None:
    """HTTP queries use singular names: type, actor, country; both=1 turns on the dyad."""
    event_filter = EventFilter.from_query(
        {"type": "AGREE", "actor": "RUS", "country": "UKR", "both": "1", "min_outlets": "2"}
    )
    expected = EventFilter(types=("AGREE",), actors=("RUS", "UKR"), both=True, min_outlets=2)
    assert expected == event_filter


def test_parse_since_defaults_to_utc() -> None:
    """A naive date is midnight UTC; a Z suffix is UTC."""
    assert datetime(2025, 3, 1, tzinfo=UTC) == parse_since("2025-03-01")
    assert datetime(2025, 3, 1, 8, 30, tzinfo=UTC) == parse_since("2025-03-01T08:30Z")


def test_filter_is_frozen() -> None:
    """Filters are values: assigning a field fails."""
    event_filter = EventFilter()
    with pytest.raises(ValueError, match="frozen"):
        event_filter.min_outlets = 3  # type: ignore[misc]


def test_describe_reads_back_the_criteria() -> None:
    """describe() names every criterion that is set."""
    event_filter = EventFilter.from_options(types="SANCTION", actors="RUS,UKR", both=True)
    assert "type=SANCTION actor=RUS&UKR" == event_filter.describe()
    assert "all events" == EventFilter().describe()


def test_a_bad_since_names_the_field_once() -> None:
    """The message for an unreadable `since` says `since:` once, then the value."""
    with pytest.raises(ConfigError) as caught:
        EventFilter.from_options(since="yesterday")
    assert 1 == str(caught.value).count("since:")
