"""Actor resolution: names, demonyms, capitals, institutions, titles and dates."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.coding.actors import ActorMention, find_actors
from pipeline.coding.gazetteer import Gazetteer

COUNTRIES = [
    {
        "code": "RUR",
        "name": "Ruritania",
        "aliases": ["the Kingdom of Ruritania"],
        "demonyms": ["Ruritanian"],
        "capitals": ["Strelsau"],
        "institutions": ["the Zenda Palace"],
        "un_status": "member",
    },
    {
        "code": "SYL",
        "name": "Syldavia",
        "aliases": [],
        "demonyms": ["Syldavian"],
        "capitals": ["Klow"],
        "institutions": [],
        "un_status": "member",
    },
    {
        "code": "KEN",
        "name": "Kenya",
        "aliases": [],
        "demonyms": ["Kenyan"],
        "capitals": ["Nairobi"],
        "institutions": [],
        "un_status": "member",
    },
]
ORGANIZATIONS = [{"code": "UN", "name": "United Nations", "aliases": ["U.N."], "sector": "IGO"}]
LEADERS = [
    {
        "name": "Rudolf Elphberg",
        "aliases": ["Elphberg"],
        "code": "RUR",
        "role": "head_of_state",
        "start": "2010-01-01",
        "end": "2022-12-31",
    },
    {
        "name": "Flavia Hentzau",
        "aliases": ["Hentzau"],
        "code": "RUR",
        "role": "head_of_state",
        "start": "2023-01-01",
        "end": None,
    },
    {
        "name": "Ottokar Muskar",
        "aliases": ["Muskar"],
        "code": "SYL",
        "role": "foreign_minister",
        "start": "2020-01-01",
        "end": None,
    },
]
ROLES = {
    "titles": {
        "president": "head_of_state",
        "foreign minister": "foreign_minister",
        "leader": "head_of_state",
    }
}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """A small inline gazetteer (two invented states, Kenya, the UN)."""
    return Gazetteer.from_records(COUNTRIES, ORGANIZATIONS, LEADERS, ROLES)


def _codes(
    text: str, gazetteer: Gazetteer, day: date = date(2025, 1, 1)
) -> list[tuple[str, str, str | None]]:
    return [(text[m.start : m.end], m.code, m.name) for m in find_actors(text, gazetteer, day=day)]


def test_names_demonyms_capitals_and_institutions(gazetteer: Gazetteer) -> None:
    """Country names, demonyms, capitals (metonymy) and institutions all resolve to the state."""
    text = "Ruritania and Syldavian officials met in Klow, while the Zenda Palace said Strelsau agreed."
    expected = [
        ("Ruritania", "RUR", None),
        ("Syldavian", "SYL", None),
        ("Klow", "SYL", None),
        ("Zenda Palace", "RUR", None),
        ("Strelsau", "RUR", None),
    ]
    assert expected == _codes(text, gazetteer)


def test_possessive_and_organisation(gazetteer: Gazetteer) -> None:
    """A possessive form and an organisation alias with full stops are recognised."""
    assert [("Ruritania's", "RUR", None), ("U.N.", "UN", None)] == _codes(
        "Ruritania's envoy wrote to the U.N. yesterday.", gazetteer
    )


def test_leader_name_and_surname(gazetteer: Gazetteer) -> None:
    """A leader's full name and surname resolve to the leader and the state."""
    text = "Foreign Minister Ottokar Muskar arrived. Muskar said little."
    assert [
        ("Foreign Minister Ottokar Muskar", "SYL", "Ottokar Muskar"),
        ("Muskar", "SYL", "Ottokar Muskar"),
    ] == _codes(text, gazetteer)


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2021, 6, 1), "Rudolf Elphberg"), (date(2024, 6, 1), "Flavia Hentzau")],
)
def test_role_phrase_resolves_by_date(gazetteer: Gazetteer, day: date, expected: str) -> None:
    """'the Ruritanian president' names the office holder of the article's date."""
    mentions = find_actors("Talks with the Ruritanian president stalled.", gazetteer, day=day)
    assert [("RUR", expected)] == [(m.code, m.name) for m in mentions]


def test_titled_person_outside_gazetteer(gazetteer: Gazetteer) -> None:
    """'Kenyan President William Ruto' codes a new person, and a later 'Ruto' too."""
    text = "Kenyan President William Ruto flew in. Later, Ruto spoke."
    mentions = find_actors(text, gazetteer, day=date(2025, 1, 1))
    assert [("KEN", "William Ruto"), ("KEN", "William Ruto")] == [
        (m.code, m.name) for m in mentions
    ]


def test_apposition_gives_nationality(gazetteer: Gazetteer) -> None:
    """'Ndlovu, Ruritania's president' codes the named person as Ruritanian."""
    mentions = find_actors("Ndlovu, Ruritania's president, left.", gazetteer, day=date(2025, 1, 1))
    assert isinstance(mentions[0], ActorMention)
    assert ("RUR", "Ndlovu") == (mentions[0].code, mentions[0].name)


def test_untitled_official_takes_home_country(gazetteer: Gazetteer) -> None:
    """A titled official without nationality gets the article's home (dateline) country."""
    mentions = find_actors(
        "Foreign Minister Ada Lovel spoke.", gazetteer, day=date(2025, 1, 1), home="KEN"
    )
    assert [("KEN", "Ada Lovel")] == [(m.code, m.name) for m in mentions]
