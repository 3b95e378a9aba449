"""Recall rules for the weakest families: accusations told by reporting verbs, aid by
deployment, assaults and coercion on premises, and states named by description.

Every sentence is hand-written; each rule has a case that must hold and, where a
rule could overreach, a case that must not fire.
"""

from __future__ import annotations

import pytest

from pipeline.coding import Coder
from pipeline.coding.actors import ActorMention
from pipeline.coding.descriptions import load_descriptions, resolve_descriptions
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str) -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body)))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Greece holds Turkey responsible for the incident, the minister said on Monday.",
            ("GRC", "ACCUSE", "TUR"),
        ),
        (
            "Chile's foreign ministry said in a statement that the Peruvian government bore "
            "full responsibility for the crisis.",
            ("CHL", "ACCUSE", "PER"),
        ),
        (
            "Moldova alleged on Tuesday that agents of Russia had plotted a coup.",
            ("MDA", "ACCUSE", "RUS"),
        ),
        ("Serbia deplored Croatia's decision on Monday.", ("SRB", "ACCUSE", "HRV")),
        (
            "Germany tied Russia to the cyberattack on its parliament.",
            ("DEU", "ACCUSE", "RUS"),
        ),
        (
            "Poland has linked Belarus to the sabotage of its railways.",
            ("POL", "ACCUSE", "BLR"),
        ),
        (
            "Estonia said on Monday that Russia was behind the cyberattack on its ministries.",
            ("EST", "ACCUSE", "RUS"),
        ),
        (
            "Peru's foreign minister called Bolivia's decision reckless on Friday.",
            ("PER", "ACCUSE", "BOL"),
        ),
        ("Kenya described Somalia's claims as baseless on Monday.", ("KEN", "ACCUSE", "SOM")),
        (
            "The African Union on Tuesday called Ethiopia's decision to expel its envoy a "
            "political move and a blunder.",
            ("AU", "ACCUSE", "ETH"),
        ),
        ("Kenya sent 400 police officers to Haiti on Tuesday.", ("KEN", "AID", "HTI")),
        ("Rwanda deployed troops to Mozambique in July 2021.", ("RWA", "AID", "MOZ")),
        (
            "Kenya deployed 400 police officers to lead a multinational mission in Haiti.",
            ("KEN", "AID", "HTI"),
        ),
        (
            "Norway summoned Russia's ambassador on Friday after Moscow detained the diplomat.",
            ("RUS", "COERCE", "NOR"),
        ),
        (
            "Ecuadorian police stormed the Mexican embassy in Quito on Friday.",
            ("ECU", "COERCE", "MEX"),
        ),
        (
            "Venezuelan forces fired on a Guyanese patrol boat on Sunday.",
            ("VEN", "ASSAULT", "GUY"),
        ),
    ],
)
def test_family_rule(coder: Coder, body: str, expected: tuple[str, str, str]) -> None:
    """Each sentence yields the act its verb or phrase carries, with source and target."""
    assert expected in _code(coder, body)


@pytest.mark.parametrize(
    "body",
    [
        "Kenya held talks with Haiti on Tuesday.",  # "hold" without "responsible"
        "Rwanda sent a letter to Mozambique on Monday.",  # nothing deployable sent
        "Protesters stormed the parliament of Peru on Friday.",  # no premises of a state
        "Estonia was behind Latvia in the rankings.",  # no speaker: a ranking, not a charge
        "Estonia said on Monday that Russia was behind the peace deal.",  # no wrongdoing
        "Kenya linked its currency to the dollar.",  # a link that charges nobody
        "Kenya deployed troops in Nairobi on Tuesday.",  # a deployment at home
        "Estonia said Russia was not behind the attack.",  # a negated charge
        "Ghana called Togo's decision a welcome step on Monday.",  # no pejorative verdict
    ],
)
def test_family_rule_does_not_overreach(coder: Coder, body: str) -> None:
    """Light verbs without their object group carry no ACCUSE, AID or COERCE."""
    kinds = {kind for _, kind, _ in _code(coder, body)}
    assert set() == kinds & {"ACCUSE", "AID", "COERCE"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Jordan and Norway held talks on Monday. The kingdom later accused Norway of "
            "meddling in its affairs.",
            ("JOR", "ACCUSE", "NOR"),
        ),
        (
            "Oman hosted envoys from Britain on Monday. The sultanate condemned Britain's "
            "naval deployment on Tuesday.",
            ("OMN", "ACCUSE", "GBR"),
        ),
        (
            "Sweden summoned Iran's ambassador. The Islamic Republic condemned Sweden on Monday.",
            ("IRN", "ACCUSE", "SWE"),
        ),
    ],
)
def test_description_resolves(coder: Coder, body: str, expected: tuple[str, str, str]) -> None:
    """A description ("the kingdom") stands for the single fitting state the story names."""
    assert expected in _code(coder, body)


def test_ambiguous_description_stays_unresolved() -> None:
    """With two kingdoms named, "the kingdom" resolves to neither."""
    text = "Jordan and Morocco met Peru. The kingdom then left."
    mentions = [
        ActorMention(0, 6, "JOR", "state"),
        ActorMention(11, 18, "MAR", "state"),
        ActorMention(23, 27, "PER", "state"),
    ]
    assert mentions == resolve_descriptions(text, mentions, load_descriptions())


def test_description_prefers_the_state_named_before() -> None:
    """A fitting state named before the description wins over one named only after it."""
    text = "Finland spoke. The Nordic country agreed. Later Norway spoke."
    mentions = [ActorMention(0, 7, "FIN", "state"), ActorMention(48, 54, "NOR", "state")]
    found = resolve_descriptions(text, mentions, load_descriptions())
    assert ["FIN", "FIN", "NOR"] == [m.code for m in found]


def test_capitalised_count_dates_the_background_act(coder: Coder) -> None:
    """ "Five years after A severed ties with B" at a sentence's start dates the severing
    five years before publication, not on the publication day."""
    body = (
        "Five years after Bahrain severed relations with Qatar, the two governments "
        "agreed on Tuesday to reopen embassies."
    )
    found = coder.extract(make_article(body))
    years = {c.date.year for c in found if c.type == "SANCTION"}
    assert {2020} == years


def test_call_on_needs_the_particle_after_the_verb(coder: Coder) -> None:
    """ "X on Tuesday called Y's move ..." is no appeal: the "on" of a date precedes the verb."""
    body = "Chile on Tuesday called Argentina's decision an insult."
    kinds = {kind for _, kind, _ in _code(coder, body)}
    assert {"ACCUSE"} == kinds


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ghana's parliament voted on Tuesday to ratify the trade pact with Togo. "
            "Nigeria welcomed the vote.",
            ("NGA", "SUPPORT", "GHA"),
        ),
        (
            "Lithuania's parliament approved Ukraine's accession protocol on Monday. The "
            "ratification was hailed by the EU foreign policy chief.",
            ("EU", "SUPPORT", "LTU"),
        ),
        (
            "Ghana's parliament voted on Tuesday to ratify the trade pact with Togo. "
            "Nigeria condemned the move on Wednesday.",
            ("NGA", "ACCUSE", "GHA"),
        ),
    ],
)
def test_reaction_is_aimed_at_the_act_told_before(
    coder: Coder, body: str, expected: tuple[str, str, str]
) -> None:
    """A reaction to "the vote" or "the ratification" targets the author of the act just told."""
    assert expected in _code(coder, body)


def test_reaction_without_an_act_told_before_has_no_target(coder: Coder) -> None:
    """ "Chile welcomed the vote" alone names no other party: no event."""
    assert set() == _code(coder, "Chile welcomed the vote on Monday.")


def test_act_told_in_a_relative_clause_of_an_object_is_its_own(coder: Coder) -> None:
    """ "withdraw the complaint it filed against Y in 2021": the filing is a background act
    of its own, dated by its clause."""
    body = (
        "Ghana said on Monday it would withdraw the complaint it filed against Togo at the "
        "World Trade Organization in 2021."
    )
    found = {
        (c.source.code, c.type, c.target.code if c.target else None, c.date.year)
        for c in coder.extract(make_article(body))
    }
    assert ("GHA", "ACCUSE", "TGO", 2021) in found


def test_complaint_against_names_the_target_not_the_venue(coder: Coder) -> None:
    """ "filed a complaint against X at the ICJ": X is the target, the court a venue."""
    body = "Peru filed a complaint against Chile at the International Court of Justice."
    assert {("PER", "ACCUSE", "CHL")} == _code(coder, body)


def test_denied_act_keeps_its_alleged_date(coder: Coder) -> None:
    """ "denied on Sunday that X had met Y in January": a denied meeting dated January."""
    body = "Peru denied on Sunday that its president had met Bolivia's leader in La Paz in January."
    found = {
        (c.source.code, c.type, c.status, c.date.month) for c in coder.extract(make_article(body))
    }
    assert {("PER", "CONSULT", "denied", 1)} == found


@pytest.mark.parametrize(
    "body",
    [
        "Japan pledged $300 million to the Philippines on Thursday.",
        "Japan promised 300 million dollars in aid to the Philippines on Thursday.",
    ],
)
def test_pledged_money_is_planned_aid(coder: Coder, body: str) -> None:
    """A pledge of money to a state is economic aid, planned."""
    found = {
        (c.source.code, c.type, c.target.code if c.target else None, c.cameo.code, c.status)
        for c in coder.extract(make_article(body))
    }
    assert {("JPN", "AID", "PHL", "071", "planned")} == found


def test_flag_state_of_a_seized_ship_is_the_target(coder: Coder) -> None:
    """ "seized a British-flagged tanker": the flag state is the target of the seizure."""
    body = "Iran seized a British-flagged tanker in the Strait of Hormuz on Friday."
    assert {("IRN", "COERCE", "GBR")} == _code(coder, body)


def test_non_state_attacker_of_a_flagged_ship_yields_nothing(coder: Coder) -> None:
    """An attack by fighters of no state on a "Greek-owned" ship has no political source."""
    assert set() == _code(coder, "Houthi fighters attacked a Greek-owned ship.")
