"""Backdrop words: lexicon words that set the scene (a danger, a habit, a tally, a
circumstance, an absence, a standing refusal, a characterisation) code no act, while the
same words telling an act still do.

Every sentence is hand-written.
"""

from __future__ import annotations

import pytest

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str) -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body)))


@pytest.mark.parametrize(
    "body",
    [
        "Chile, which sells copper to China, is a major exporter.",
        "Roughly half the world's governments now recognise Kosovo.",
        "About two million Poles visited Germany last year.",
        "For decades Ecuador defended its compulsory military service by pointing to the "
        "threat from Peru.",
        "Peru had refused for ten years to implement the ruling against Chile.",
        "Brazil's and Chile's presidents skipped Monday's talks with Argentina and sent deputies.",
        "French soldiers were stationed in Mali at the invitation of Bamako for nearly a decade.",
        "On Monday a Swiss diplomat shuttled offers between the Armenian and Azerbaijani "
        "negotiators, who stayed in separate hotels.",
        "The army chief suspended the measures proposed by India's government on Monday.",
    ],
)
def test_backdrop_codes_no_act(coder: Coder, body: str) -> None:
    """A scene-setting use of a trigger word yields no event."""
    assert set() == _code(coder, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Peru refused on Monday to implement the ruling against Chile.", ("PER", "REJECT", "CHL")),
        ("Russia threatened Ukraine with strikes on Monday.", ("RUS", "THREATEN", "UKR")),
        (
            "A Jordanian cargo plane carrying weapons for the Syrian army landed in Damascus "
            "on Friday.",
            ("JOR", "AID", "SYR"),
        ),
    ],
)
def test_act_beside_backdrop_is_kept(
    coder: Coder, body: str, expected: tuple[str, str, str | None]
) -> None:
    """The same trigger words telling a dated act still code it."""
    assert expected in _code(coder, body)


def test_characterised_attack_is_no_assault(coder: Coder) -> None:
    """'Described X as "an attack on Y"' names the move; it is no assault."""
    body = 'Peru described Chile\'s decision as "a blatant interference" and "an attack on Peru".'
    assert "ASSAULT" not in {t for _, t, _ in _code(coder, body)}


@pytest.mark.parametrize(
    "body",
    [
        "Peru, which invaded Chile in 1879, is now a close partner.",
        "Peru is considering sanctions against Chile, officials said on Monday.",
        "Peru's government is weighing sanctions on Chile.",
    ],
)
def test_history_and_weighed_measures_code_no_act(coder: Coder, body: str) -> None:
    """An act dated generations back is history, and sanctions merely considered are not
    imposed."""
    assert set() == _code(coder, body)


def test_imposed_sanctions_are_kept(coder: Coder) -> None:
    """Sanctions imposed are coded."""
    body = "Peru imposed sanctions against Chile on Monday."
    assert ("PER", "SANCTION", "CHL") in _code(coder, body)


@pytest.mark.parametrize(
    "body",
    [
        "Chile's footballers drew with Peru on Saturday. The two teams meet again in the "
        "qualifier in Lima next month, when Chile's striker returns from a ban.",
        "Bolivia's goalkeeper kept Ecuador out on Sunday. Both squads meet once more in "
        "Quito in June, and a draw would take Bolivia to the finals.",
    ],
)
def test_sports_pages_code_no_diplomacy(coder: Coder, body: str) -> None:
    """Teams of two countries that "meet again" in a qualifier are no diplomatic meeting."""
    assert set() == _code(coder, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Oman's foreign minister met Jordan's foreign minister in Muscat on Tuesday, on "
            "the margins of an Arab League meeting.",
            ("OMN", "CONSULT", "JOR"),
        ),
        (
            "The Arab League praised Kuwait on Wednesday for its mediation.",
            ("ARL", "SUPPORT", "KWT"),
        ),
        (
            "Japan's prime minister met South Korea's president in Tokyo on Saturday, a day "
            "before the Summer Olympics opened.",
            ("JPN", "CONSULT", "KOR"),
        ),
        (
            "Armenian troops attacked Azerbaijani posts on Sunday, disregarding Azerbaijan's "
            "penalty demand.",
            ("ARM", "ASSAULT", "AZE"),
        ),
        (
            "The two boards agreed on Thursday to resume cricket matches, and Bangladesh's "
            "foreign minister praised Sri Lanka.",
            ("BGD", "SUPPORT", "LKA"),
        ),
        (
            "Turkey's foreign minister met his Greek counterpart in Athens on Monday, as the "
            "city gets ready to stage the European championship finals at its new stadium.",
            ("TUR", "CONSULT", "GRC"),
        ),
    ],
)
def test_words_shared_with_sport_keep_the_act(
    coder: Coder, body: str, expected: tuple[str, str, str | None]
) -> None:
    """Words the sports pages share with diplomatic copy (a league, the Olympics, a
    penalty, matches, finals, a stadium) do not make a leaders' or states' act a game's."""
    assert expected in _code(coder, body)


def test_meeting_beside_sports_free_text_is_kept(coder: Coder) -> None:
    """A meeting of leaders told without sports words is coded."""
    body = "Peru's president met Chile's president in Santiago on Saturday."
    assert ("PER", "CONSULT", "CHL") in _code(coder, body)
