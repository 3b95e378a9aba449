"""describe_change and format_line: readable tail lines saying what changed."""

from __future__ import annotations

from pipeline.feeds.changes import describe_change, format_line

from .conftest import MakeEvent


def test_first_revision_is_new(make_event: MakeEvent) -> None:
    """Revision 1 with no previous revision reads ``new``."""
    assert "new" == describe_change(None, make_event())


def test_later_first_sighting_names_its_revision(make_event: MakeEvent) -> None:
    """A tail that joins late sees ``first seen at revision N``."""
    assert "first seen at revision 3" == describe_change(None, make_event(revision=3))


def test_new_mentions_and_outlets(make_event: MakeEvent) -> None:
    """A revision adding an outlet names the new mention's outlet and the outlet count."""
    before = make_event(outlets=("reuters",))
    after = make_event(revision=2, outlets=("reuters", "tass"))
    assert "+1 mention (tass), outlets 1→2" == describe_change(before, after)


def test_status_and_location_changes(make_event: MakeEvent) -> None:
    """Changed fields are listed as ``name old→new``."""
    before = make_event()
    after = make_event(revision=2, status="occurred", location=None)
    assert "status proposed→occurred, location Moscow→-" == describe_change(before, after)


def test_same_revision_is_unchanged(make_event: MakeEvent) -> None:
    """The same revision delivered twice reads ``unchanged``."""
    event = make_event()
    assert "unchanged" == describe_change(event, event)


def test_format_line_holds_the_essentials(make_event: MakeEvent) -> None:
    """The readable line has date, type/code, status, actors, place, outlets, id and change."""
    line = format_line(make_event(), "new")
    expected = (
        "2025-03-01 AGREE/036 proposed RUS (Vladimir Putin) → UKR @Moscow [1 outlet] ev-1 r1: new"
    )
    assert expected == line
