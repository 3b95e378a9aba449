"""An act that an actor 'ruled out' did not happen: no event for it."""

from __future__ import annotations

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article, tuples


def test_ruled_out_talks_are_no_talks(coder: Coder) -> None:
    """'Iran ruled out direct talks with the United States' codes no CONSULT."""
    found = tuples(
        coder.extract(make_article("Iran ruled out direct talks with the United States on Sunday."))
    )
    assert set() == {t for t in found if t[1] == "CONSULT"}


def test_talks_held_are_still_talks(coder: Coder) -> None:
    """The same sentence without 'ruled out' is a CONSULT event."""
    found = tuples(
        coder.extract(make_article("Iran held direct talks with the United States on Sunday."))
    )
    assert {("IRN", "CONSULT", "USA")} == {t for t in found if t[1] == "CONSULT"}
