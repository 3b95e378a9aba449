"""Officials named by a title of one state only, with no country word."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.coding.actors import find_actors
from pipeline.coding.gazetteer import Gazetteer, load_gazetteer

DAY = date(2025, 3, 1)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """The project's gazetteer (its roles.json lists the titles of one state)."""
    return load_gazetteer()


def _people(text: str, gazetteer: Gazetteer, home: str | None = None) -> list[tuple[str, str]]:
    return [
        (m.name or "", m.code)
        for m in find_actors(text, gazetteer, day=DAY, home=home)
        if m.kind == "person"
    ]


def test_apposition_with_a_one_state_title(gazetteer: Gazetteer) -> None:
    """ "Name, the deputy secretary of state, ..." codes the person as the US."""
    text = "Marta Velden, the deputy secretary of state, met the Kenyan foreign minister on Monday."
    assert ("Marta Velden", "USA") == _people(text, gazetteer)[0]


def test_preceding_one_state_title_outranks_the_dateline(gazetteer: Gazetteer) -> None:
    """A title of one state before the name codes that state, not the dateline's country."""
    text = "Deputy Secretary of State Marta Velden arrived in Nairobi on Monday."
    assert [("Marta Velden", "USA")] == _people(text, gazetteer, home="KEN")


def test_british_title(gazetteer: Gazetteer) -> None:
    """ "Chancellor of the Exchequer" is Britain's office."""
    text = "Chancellor of the Exchequer Tom Harlow met Kenyan officials in London."
    assert [("Tom Harlow", "GBR")] == _people(text, gazetteer)


@pytest.mark.parametrize(
    "text",
    [
        "Omar Haddi, the foreign minister, met Kenyan officials on Tuesday.",
        "Anna Brook, the secretary of state for health, met Kenyan officials.",
        "Omar Haddi, the national security adviser, spoke to reporters.",
    ],
)
def test_titles_of_many_states_do_not_fire(gazetteer: Gazetteer, text: str) -> None:
    """A title many states use (or a British "secretary of state for ...") guesses no state."""
    assert [] == _people(text, gazetteer)


def test_holy_see_secretary_of_state_is_not_american(gazetteer: Gazetteer) -> None:
    """ "Cardinal Secretary of State" is the Holy See's office, never coded as the US."""
    text = "Cardinal Secretary of State Pietro Vanni met Kenyan bishops."
    assert "USA" not in {code for _, code in _people(text, gazetteer)}
