"""``parley tail`` printing: filters applied per revision; readable lines say what changed."""

from __future__ import annotations

import io

from pipeline.feeds.filters import EventFilter
from pipeline.feeds.tail import _print, _print_retired
from pipeline.models import Event, dumps

from .conftest import MakeEvent


def test_filter_skips_non_matching_revisions(make_event: MakeEvent) -> None:
    """Only revisions matching the filter are printed (JSON lines, bytes untouched)."""
    out = io.StringIO()
    seen: dict[str, Event] = {}
    sanction = dumps(make_event(event_id="s", type="SANCTION", code="163", quad_class=4))
    agree = dumps(make_event(event_id="a"))
    only = EventFilter.from_options(types="SANCTION")
    printed = [
        _print(value, as_json=True, out=out, event_filter=only, seen=seen)
        for value in (sanction, agree)
    ]
    assert [1, 0] == printed
    assert sanction.decode() + "\n" == out.getvalue()


def test_readable_lines_end_with_the_change(make_event: MakeEvent) -> None:
    """The second revision of an event says what changed since the first."""
    out = io.StringIO()
    seen: dict[str, Event] = {}
    for event in (make_event(), make_event(revision=2, outlets=("reuters", "tass"))):
        _print(dumps(event), as_json=False, out=out, event_filter=EventFilter(), seen=seen)
    lines = out.getvalue().splitlines()
    assert ["new", "+1 mention (tass), outlets 1→2"] == [line.split("  | ")[1] for line in lines]


def test_undecodable_records_are_dropped_when_filtering() -> None:
    """A record that is not an Event never matches a non-empty filter."""
    out = io.StringIO()
    only = EventFilter.from_options(actors="RUS")
    assert 0 == _print(b'{"x": 1}', as_json=True, out=out, event_filter=only, seen={})


def test_tombstone_prints_a_retired_line_or_nothing_in_json(make_event: MakeEvent) -> None:
    """A tombstone prints "retired <id> (merged into <id>)" and forgets the event's last
    revision; in --json mode nothing is printed (every JSON line is an event)."""
    out = io.StringIO()
    seen: dict[str, Event] = {"old": make_event(event_id="old")}
    headers = [("merged_into", b"new")]
    printed = _print_retired(b"old", headers, as_json=False, out=out, seen=seen)
    assert (1, "retired old (merged into new)\n", {}) == (printed, out.getvalue(), seen)
    quiet = io.StringIO()
    assert (0, "") == (_print_retired(b"x", headers, as_json=True, out=quiet), quiet.getvalue())
