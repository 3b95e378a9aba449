"""Accusations and praise: reactions to a deal told just before, the "it" of a reported
clause, denunciations with a verdict, and what they aim at.

Every sentence is hand-written; rules that could overreach have a case that must not fire.
"""

from __future__ import annotations

import pytest

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str) -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body)))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Kenyan foreign ministry welcomed the plan on Monday, saying it supported "
            "the Ugandan decision.",
            ("KEN", "SUPPORT", "UGA"),
        ),
        (
            "The Chilean government said it fully supported Peru's decision.",
            ("CHL", "SUPPORT", "PER"),
        ),
    ],
)
def test_reported_it_is_the_reporting_body(
    coder: Coder, body: str, expected: tuple[str, str, str | None]
) -> None:
    """The "it" subject of a clause reported by a body named by a demonym ("the Kenyan
    ministry said it ...", also "..., saying it ...") is that body's state."""
    assert expected in _code(coder, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Morocco and Spain agreed on Tuesday to restore full diplomatic relations. "
            'Algeria denounced the agreement as "a betrayal of Algiers and the Sahrawi cause".',
            ("DZA", "ACCUSE", "MAR"),
        ),
        (
            "Morocco and Spain agreed on Tuesday to restore full diplomatic relations. "
            "Portugal welcomed the deal on Wednesday.",
            ("PRT", "SUPPORT", "MAR"),
        ),
    ],
)
def test_reaction_to_the_deal_just_told(
    coder: Coder, body: str, expected: tuple[str, str, str | None]
) -> None:
    """Denouncing or welcoming "the agreement"/"the deal" just told aims at its author; a
    place named in the verdict ("a betrayal of <capital>") is no party of the deal."""
    assert expected in _code(coder, body)


def test_signing_the_deal_is_no_reaction(coder: Coder) -> None:
    """Signing "the agreement" told before is no praise of whoever agreed it first."""
    body = (
        "Morocco and Spain agreed on Tuesday to restore full diplomatic relations. "
        "The agreement was signed in Rabat by two junior officials."
    )
    praise = {t for t in _code(coder, body) if t[1] == "SUPPORT" and t[0] not in ("MAR", "ESP")}
    assert set() == praise


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('Iran called Qatar\'s decision "shameful".', ("IRN", "ACCUSE", "QAT")),
        ("Iran called Qatar's decision shameful.", ("IRN", "ACCUSE", "QAT")),
        ('Kenya called Uganda\'s move "a grave mistake".', ("KEN", "ACCUSE", "UGA")),
    ],
)
def test_pejorative_verdict_on_a_possessed_act(
    coder: Coder, body: str, expected: tuple[str, str, str | None]
) -> None:
    """Calling another state's decision or move a pejorative ("shameful", "a mistake") is a
    denunciation of that state, however the parser hangs the quoted verdict."""
    assert expected in _code(coder, body)


def test_praising_verdict_is_no_denunciation(coder: Coder) -> None:
    """Calling another state's decision "historic" denounces nothing."""
    found = _code(coder, 'Kenya called Uganda\'s decision "historic".')
    assert set() == {t for t in found if t[1] == "ACCUSE"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Chad's army repeated its accusation that Sudanese troops had crossed the border.",
            ("TCD", "ACCUSE", "SDN"),
        ),
        (
            "Serbia renewed its accusation that Croatia had armed the rebels.",
            ("SRB", "ACCUSE", "HRV"),
        ),
    ],
)
def test_accusation_that_names_the_accused(
    coder: Coder, body: str, expected: tuple[str, str, str | None]
) -> None:
    """An "accusation that X had ..." accuses the subject of the that-clause."""
    assert expected in _code(coder, body)


def test_accusation_against_a_domestic_party_is_no_event(coder: Coder) -> None:
    """An accusation that names no foreign state ("the government had rigged the vote")
    is no event between states."""
    body = "Chad's opposition repeated its accusation that the government had rigged the vote."
    assert set() == {t for t in _code(coder, body) if t[1] == "ACCUSE"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'Bolivia\'s interior minister denounced the exercises as a "provocation" by Santiago.',
            ("BOL", "ACCUSE", "CHL"),
        ),
        ("Kenya condemned the raid as Uganda's latest provocation.", ("KEN", "ACCUSE", "UGA")),
    ],
)
def test_verdict_names_the_blamed(
    coder: Coder, body: str, expected: tuple[str, str, str | None]
) -> None:
    """A denunciation "as a provocation by X" or "as X's provocation" aims at X."""
    assert expected in _code(coder, body)


def test_wronged_party_in_verdict_is_no_target(coder: Coder) -> None:
    """ "Condemned the raid as a betrayal of X": X is the wronged party, not the accused."""
    found = _code(coder, "Kenya condemned the raid as a betrayal of Uganda.")
    assert set() == {t for t in found if t[1] == "ACCUSE" and t[2] == "UGA"}


def test_participle_after_a_relative_clause_is_the_main_subjects(coder: Coder) -> None:
    """ "X revoked the pact that lets Y's troops stay in the country, accusing Z of ...": the
    participle is X's, not the troops' of the relative clause."""
    body = (
        "Mali has revoked the accord that allows 500 French troops to remain in the country, "
        "accusing Paris of arrogance towards its leaders."
    )
    assert ("MLI", "ACCUSE", "FRA") in _code(coder, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Boric visited Lula in Brasília on Monday. Lula hailed his guest as a friend.",
            ("BRA", "SUPPORT", "CHL"),
        ),
        (
            "Boric visited Lula in Brasília on Monday. Boric thanked his host for the welcome.",
            ("CHL", "SUPPORT", "BRA"),
        ),
    ],
)
def test_praise_of_guest_or_host_is_the_other_party(
    coder: Coder, body: str, expected: tuple[str, str, str | None]
) -> None:
    """Praising or thanking "his guest"/"his host" aims at the other party of the visit."""
    assert expected in _code(coder, body)


def test_criticism_of_own_ministers_is_no_event(coder: Coder) -> None:
    """Criticising one's own ministers names no foreign party."""
    body = "Boric visited Lula in Brasília on Monday. Lula criticised his own ministers."
    assert set() == {t for t in _code(coder, body) if t[1] == "ACCUSE"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "On Monday, Yerevan said Azerbaijani artillery had shelled the village of Sotk.",
            ("ARM", "ACCUSE", "AZE"),
        ),
        (
            "Eritrea said Ethiopian forces had fired on its border posts overnight.",
            ("ERI", "ACCUSE", "ETH"),
        ),
    ],
)
def test_alleged_attack_is_an_accusation(
    coder: Coder, body: str, expected: tuple[str, str, str | None]
) -> None:
    """A state saying another's forces shelled or fired on it (or an unnamed place)
    accuses that state."""
    assert expected in _code(coder, body)


@pytest.mark.parametrize(
    "body",
    [
        "Ghana said Nigerian troops had attacked Malian rebels.",
        "Eritrea denied that its forces had fired on Ethiopian border posts.",
        "The opposition said the army had shelled the town.",
        "Eritrea said its own forces had shelled the rebel camp.",
    ],
)
def test_no_allegation_without_a_wronged_reporter(coder: Coder, body: str) -> None:
    """An attack on a third state, a denial, a domestic claim or a report of one's own
    forces' shelling is no accusation."""
    assert set() == {t for t in _code(coder, body) if t[1] == "ACCUSE"}


def test_protest_without_addressee_goes_to_the_other_party(coder: Coder) -> None:
    """ "X lodged another protest, recalled its envoy from Y ...": the protest, naming no
    addressee, is lodged with the other party of the story."""
    body = (
        "Hanoi lodged another protest on Monday, recalled its ambassador from Beijing and "
        "ordered China's ambassador to leave."
    )
    assert ("VNM", "ACCUSE", "CHN") in _code(coder, body)


def test_protest_without_foreign_party_is_no_event(coder: Coder) -> None:
    """A protest in a story naming no other state is no event between states."""
    body = "Vietnamese fishermen lodged a protest on Monday with the local authorities."
    assert set() == {t for t in _code(coder, body) if t[1] == "ACCUSE"}


def test_its_in_a_subject_refers_to_the_previous_topic(coder: Coder) -> None:
    """ "Iran reacted to Doha's move. Its ministry called ...": the "its" of a subject with
    no actor before it is the state the previous sentence is about, not the last named."""
    body = (
        "Egypt also reacted angrily to Khartoum's move. On Monday its foreign ministry "
        'called Sudan\'s decision "unacceptable".'
    )
    assert ("EGY", "ACCUSE", "SDN") in _code(coder, body)
