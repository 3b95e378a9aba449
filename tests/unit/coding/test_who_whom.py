"""Who did it to whom: coordinated targets, meetings in a third place, the actor a
phrase refers to, pronoun targets and topics that are no party.

Every sentence is hand-written; each rule has a case that must hold and, where a
rule could overreach, a case that must not fire.
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
            "Norway's prime minister spoke by phone on Friday with Denmark's prime minister, "
            "Anna Berg, and with Finnish President Lauri Koski.",
            {("NOR", "CONSULT", "DNK"), ("NOR", "CONSULT", "FIN")},
        ),
        (
            "Macron spoke on Sunday with the Spanish prime minister and later with the "
            "Italian president, the Elysee said.",
            {("FRA", "CONSULT", "ESP"), ("FRA", "CONSULT", "ITA")},
        ),
        (
            "The Swedish foreign minister met his Polish and Czech counterparts in Stockholm "
            "on Thursday.",
            {("SWE", "CONSULT", "POL"), ("SWE", "CONSULT", "CZE")},
        ),
    ],
)
def test_coordinated_targets_each_get_an_act(
    coder: Coder, body: str, expected: set[tuple[str, str, str | None]]
) -> None:
    """Targets coordinated by "and", by a repeated preposition or as modifiers of one
    noun ("his A and B counterparts") each receive the act."""
    assert expected == expected & _code(coder, body)


def test_repeated_preposition_needs_the_same_preposition(coder: Coder) -> None:
    """A later phrase with another preposition is no second target ("with A on B")."""
    found = _code(coder, "Germany's chancellor spoke with Austria's chancellor on Poland.")
    assert set() == {t for t in found if t[2] == "POL"}


def test_topic_of_a_judgement_is_no_target(coder: Coder) -> None:
    """In "A rebuked B for describing criticism of C as ...", the criticism is a topic:
    A accuses B, not C; and a summit the clause mentions makes A and its partner no
    meeting."""
    found = _code(
        coder,
        "The leaders of Peru and Ecuador sharply rebuked Mexican President Carlos Ruiz on "
        'Friday for describing condemnation of Cuba\'s prisons as a "myth", exposing rifts '
        "at a summit that Ruiz had convened.",
    )
    assert {("PER", "ACCUSE", "MEX"), ("ECU", "ACCUSE", "MEX")} == found


def test_meeting_told_as_setting_with_its_own_subjects_stays(coder: Coder) -> None:
    """ "At that meeting, A and B agreed ..." still tells a meeting of A and B."""
    found = _code(
        coder,
        "Kenya's president and Somalia's president met in Nairobi in May. At that meeting, "
        "the two presidents and their ministers agreed to reopen the border.",
    )
    assert ("KEN", "CONSULT", "SOM") in found or ("SOM", "CONSULT", "KEN") in found


def test_country_named_by_a_naming_participle_is_the_target(coder: Coder) -> None:
    """ "invited the country soon to be known as X" invites X, not another actor the
    article mentions more often."""
    found = _code(
        coder,
        "EU leaders on Thursday invited the country soon to be known as Moldova to open "
        "accession talks. Russia objected. Russian officials said Russia would respond, and "
        "Russia's envoy left.",
    )
    assert ("EU", "AGREE", "MDA") in found
    assert ("EU", "AGREE", "RUS") not in found


def test_anaphoric_act_keeps_the_target_of_the_same_act_just_told(coder: Coder) -> None:
    """ "X invited Y ... The invitation was approved" is aimed at Y, even when the article
    names a third party more often."""
    found = _code(
        coder,
        "NATO on Tuesday invited Finland to join the alliance.\n\n"
        "The invitation was agreed by the alliance's leaders at a meeting in Madrid, officials "
        "said. "
        "Russia warned of a response; Russia's foreign ministry said Russia would act.",
    )
    assert ("NATO", "AGREE", "RUS") not in found
    assert ("NATO", "AGREE", "FIN") in found


def test_second_infinitive_has_its_own_subject_and_its_is_no_target(coder: Coder) -> None:
    """In "prompting A to expel X's envoy and B to cut its ties with X", B cuts ties with
    X: B is not A's target, and "its" does not make B the target."""
    found = _code(
        coder,
        "Hungary on Friday expelled Slovakia's ambassador, prompting Bratislava to expel the "
        "Hungarian ambassador in return and Czechia to downgrade its own relations with "
        "Budapest in solidarity.",
    )
    assert ("CZE", "SANCTION", "HUN") in found
    assert {t for t in found if t[0] == "SVK" and t[2] == "CZE"} == set()


def test_two_countries_after_his_visit_are_his_and_the_host(coder: Coder) -> None:
    """ "his visit to X, during which the two countries signed" pairs his country with X,
    not with a third country named just before."""
    found = _code(
        coder,
        "Ghana's president Kofi Mensah asked Nigeria to reopen the border in May.\n\n"
        "The request follows his return on Friday from a state visit to Japan, during which "
        "the two countries signed nine agreements.",
    )
    assert ("GHA", "SUPPORT", "JPN") in found or ("JPN", "SUPPORT", "GHA") in found
    assert {t for t in found if {t[0], t[2]} == {"NGA", "JPN"}} == set()


def test_them_is_the_group_named_before_not_the_subject(coder: Coder) -> None:
    """ "Officials in X accused them of ..." accuses the foreigners just named, not X."""
    found = _code(
        coder,
        "The Polish government expelled three Belarusian diplomats on Monday. Officials in "
        "Warsaw accused them of spying on military sites.",
    )
    assert ("POL", "ACCUSE", "BLR") in found


def test_both_governments_gives_one_act_per_party(coder: Coder) -> None:
    """ "praised both governments" after two parties are named praises each of them."""
    found = _code(
        coder,
        "Serbia and Kosovo signed an agreement on Sunday.\n\n"
        "The European Union's foreign policy chief attended the ceremony and praised both "
        "governments for their courage.",
    )
    assert {("EU", "SUPPORT", "SRB"), ("EU", "SUPPORT", "XKX")} <= found
