"""Organs of state named without their country ("the foreign ministry said") code the
state the text makes obvious, and stay unresolved when two states fit."""

from __future__ import annotations

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str, title: str = "World news") -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body, title=title)))


def test_previous_subject_codes_the_ministry(coder: Coder) -> None:
    """A bare ministry continues the state that opened the sentence before."""
    body = (
        "Norway closed its consulate in the northern port on Tuesday. "
        "The foreign ministry accused Russia of running a spy network from the building."
    )
    assert ("NOR", "ACCUSE", "RUS") in _code(coder, body)


def test_dateline_codes_the_ministry_of_the_story(coder: Coder) -> None:
    """With no state before it, a bare ministry is the dateline's, when the headline is
    about that state."""
    body = (
        "SANTIAGO — Tensions rose sharply on Monday over a disputed fishing zone.\n\n"
        "In a statement, the foreign ministry accused Peru of sending patrol boats "
        "into the zone."
    )
    found = _code(coder, body, title="Chile protests over fishing zone")
    assert ("CHL", "ACCUSE", "PER") in found


def test_ministry_in_a_capital_codes_its_state(coder: Coder) -> None:
    """ "The foreign ministry in <capital>" is that capital's state."""
    body = (
        "Tensions rose sharply on Monday over a disputed fishing zone. "
        "The foreign ministry in Nairobi accused Uganda of arming smugglers."
    )
    assert ("KEN", "ACCUSE", "UGA") in _code(coder, body)


def test_two_states_ministries_leave_the_bare_one_unresolved(coder: Coder) -> None:
    """When the article names the foreign ministries of two states, a later bare
    "the foreign ministry" codes neither."""
    body = (
        "NAIROBI — Kenya's foreign ministry and Uganda's foreign ministry traded "
        "statements on Monday over the fishing zone.\n\n"
        "Tensions have risen for weeks.\n\n"
        "The foreign ministry accused Tanzania of arming smugglers on the lake."
    )
    found = _code(coder, body, title="Kenya and Uganda trade barbs over lake")
    accusers = {source for source, kind, target in found if kind == "ACCUSE" and target == "TZA"}
    assert set() == accusers


def test_two_subjects_leave_the_bare_ministry_unresolved(coder: Coder) -> None:
    """A sentence opened by two states gives a following bare ministry no single state."""
    body = (
        "Kenya and Uganda closed their border posts on Monday. "
        "The ministry accused Tanzania of arming smugglers."
    )
    found = _code(coder, body)
    accusers = {source for source, kind, target in found if kind == "ACCUSE" and target == "TZA"}
    assert set() == accusers
