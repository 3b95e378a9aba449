"""The coder on hand-written sentences: who did what to whom, modality, dates."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str, **kwargs: str) -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body, **kwargs)))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Brazil's president invited the Argentine leader to Brasilia for talks on Monday.",
            ("BRA", "AGREE", "ARG"),
        ),
        (
            "Spain accused Morocco of violating the fisheries accord on Tuesday.",
            ("ESP", "ACCUSE", "MAR"),
        ),
        ("Japan imposed new sanctions on North Korea on Friday.", ("JPN", "SANCTION", "PRK")),
        ("Norway's foreign minister visited Kenya on Monday.", ("NOR", "CONSULT", "KEN")),
        ("Canada expelled two Indian diplomats on Thursday.", ("CAN", "SANCTION", "IND")),
        ("Egypt praised Qatar for its mediation efforts.", ("EGY", "SUPPORT", "QAT")),
        (
            "Turkey threatened Greece with military action over the islands.",
            ("TUR", "THREATEN", "GRC"),
        ),
        (
            "Poland rejected Belarus's offer of talks on the border crisis.",
            ("POL", "REJECT", "BLR"),
        ),
    ],
)
def test_active_voice_families(coder: Coder, body: str, expected: tuple[str, str, str]) -> None:
    """Each event family is coded from a plain active sentence."""
    assert expected in _code(coder, body)


def test_role_reversal(coder: Coder) -> None:
    """'A invited B' and 'B invited A' give opposite directions."""
    assert {("CHL", "AGREE", "PER")} == _code(
        coder, "Chile invited Peru to a summit in Santiago on Monday."
    )
    assert {("PER", "AGREE", "CHL")} == _code(
        coder, "Peru invited Chile to a summit in Lima on Monday."
    )


def test_passive_voice(coder: Coder) -> None:
    """A passive sentence keeps the agent as source and the subject as target."""
    assert ("SEN", "AGREE", "GHA") in _code(
        coder, "Ghana's president was invited by Senegal to attend the summit."
    )
    assert ("USA", "SANCTION", "VEN") in _code(
        coder, "Venezuela was sanctioned by the United States on Friday."
    )


def test_reported_speech(coder: Coder) -> None:
    """A pronoun subject in reported speech resolves to the speaker's state."""
    body = "Sweden said on Tuesday it would expel three Iranian diplomats."
    assert {("SWE", "SANCTION", "IRN")} == _code(coder, body)


def test_nominalisation(coder: Coder) -> None:
    """A possessor of an act noun is its source: 'Kenya's invitation to Uganda'."""
    assert ("KEN", "AGREE", "UGA") in _code(
        coder, "Kenya's invitation to Uganda surprised diplomats."
    )


def test_venue_is_not_target(coder: Coder) -> None:
    """A host city is the location, not the target: 'talks in Geneva' / 'met in Cairo'."""
    found = _code(coder, "Armenia and Azerbaijan held talks in Cairo on Monday.")
    assert {("ARM", "CONSULT", "AZE")} == found


@pytest.mark.parametrize(
    "body",
    [
        "France did not sign the agreement with Italy on Monday.",
        "Finland never visited Estonia during the dispute.",
        "Vietnam would meet Laos if the border dispute were settled.",
        "Laos may visit Cambodia next year, analysts said.",
    ],
)
def test_negated_conditional_and_speculative_acts_are_not_events(coder: Coder, body: str) -> None:
    """Negated, conditional and speculative acts produce no event."""
    assert set() == _code(coder, body)


def test_denied_act(coder: Coder) -> None:
    """An act under 'deny' is coded with status denied."""
    candidates = coder.extract(
        make_article("The Kremlin denied that Russia had spoken with Ukraine on Thursday.")
    )
    assert [("RUS", "CONSULT", "UKR", "denied")] == [
        (c.source.code, c.type, c.target.code if c.target else None, c.status) for c in candidates
    ]


def test_modality_planned_and_proposed(coder: Coder) -> None:
    """'will visit' is planned; 'ready to meet' is an AGREE 036 proposal."""
    planned = coder.extract(make_article("India's prime minister will visit Japan next week."))
    assert [("CONSULT", "planned")] == [(c.type, c.status) for c in planned]
    proposed = coder.extract(make_article("Serbia said it was ready to hold talks with Kosovo."))
    assert [("AGREE", "036", "proposed")] == [(c.type, c.cameo.code, c.status) for c in proposed]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Italy criticised Malta on Wednesday over the migrant boat.", date(2025, 3, 12)),
        ("Italy criticised Malta on Monday over the migrant boat.", date(2025, 3, 10)),
        ("Italy criticised Malta last month over the migrant boat.", date(2025, 2, 12)),
        ("Italy criticised Malta on Jan. 5 over the migrant boat.", date(2025, 1, 5)),
        ("Italy criticised Malta in 2019 over the migrant boat.", date(2019, 1, 1)),
    ],
)
def test_dates_resolve_against_publication(coder: Coder, body: str, expected: date) -> None:
    """The event date comes from the sentence's date expression (article of Wed 12 March 2025)."""
    candidates = coder.extract(make_article(body))
    assert [expected] == [c.date for c in candidates]


def test_multiple_events_in_one_sentence(coder: Coder) -> None:
    """One sentence can carry several acts: expelling and recalling are two events."""
    body = "Lithuania expelled the Chinese ambassador and accused Beijing of espionage on Monday."
    assert {("LTU", "SANCTION", "CHN"), ("LTU", "ACCUSE", "CHN")} == _code(coder, body)


def test_coordinated_subjects_sign(coder: Coder) -> None:
    """'A and B signed a treaty' is one SUPPORT 057 between A and B."""
    found = coder.extract(
        make_article("Indonesia and Australia signed a defence treaty in Jakarta on Monday.")
    )
    assert [("IDN", "SUPPORT", "057", "AUS")] == [
        (c.source.code, c.type, c.cameo.code, c.target.code if c.target else None) for c in found
    ]


def test_candidate_offsets_and_hashes(coder: Coder) -> None:
    """start/end index the evidence sentence in article.text; hashes are copied."""
    article = make_article("Markets rose. Chile accused Bolivia of smuggling on Monday. Rain fell.")
    (candidate,) = coder.extract(article)
    assert candidate.sentence == article.text[candidate.start : candidate.end]
    assert "Chile accused Bolivia of smuggling on Monday." == candidate.sentence
    assert (article.content_hash, article.fingerprint) == (
        candidate.content_hash,
        candidate.fingerprint,
    )
    assert 0.0 <= candidate.confidence <= 1.0


def test_other_languages_give_no_events(coder: Coder) -> None:
    """Only English articles are coded."""
    assert [] == coder.extract(make_article("Chile accused Bolivia of smuggling.", language="es"))


def test_threat_target_from_condition(coder: Coder) -> None:
    """A threat's target may be the subject of its 'unless' clause."""
    body = "Washington threatened to impose tariffs unless Beijing opens its markets."
    candidates = coder.extract(make_article(body))
    assert [("USA", "THREATEN", "1312", "CHN")] == [
        (c.source.code, c.type, c.cameo.code, c.target.code if c.target else None)
        for c in candidates
    ]


def test_reciprocal_expulsions(coder: Coder) -> None:
    """'A and B expelled each other's diplomats' is one act in each direction."""
    body = "Estonia and Russia expelled each other's diplomats on Monday."
    assert {("EST", "SANCTION", "RUS"), ("RUS", "SANCTION", "EST")} == _code(coder, body)


def test_coordinated_list_of_sources(coder: Coder) -> None:
    """Each state of 'A, B and C' is a source of the act."""
    body = "Mali, Burkina Faso and Niger announced their withdrawal from ECOWAS."
    assert {
        ("MLI", "SANCTION", "ECOWAS"),
        ("BFA", "SANCTION", "ECOWAS"),
        ("NER", "SANCTION", "ECOWAS"),
    } == _code(coder, body)


def test_embedded_act_is_absorbed(coder: Coder) -> None:
    """'invited X to visit' is one invitation, not a visit as well."""
    found = coder.extract(make_article("Japan invited Vietnam's prime minister to visit Tokyo."))
    assert [("JPN", "AGREE", "036", "VNM", "proposed")] == [
        (c.source.code, c.type, c.cameo.code, c.target.code if c.target else None, c.status)
        for c in found
    ]


def test_ambiguous_country_name_inside_a_personal_name(coder: Coder) -> None:
    """'Jordan' in 'Jordan Bardella' is not the state of Jordan."""
    assert set() == _code(coder, "Jordan Bardella criticised Algeria on Monday.")


def test_generic_membership_is_not_an_actor(coder: Coder) -> None:
    """'UN member states recognise...' is not an act of the UN."""
    assert set() == _code(
        coder, "UN member states recognise the right of Palestine to self-determination."
    )


def test_page_noise_gives_no_event(coder: Coder) -> None:
    """Link lines and trailers are not read: 'Related:' and 'More related stories'."""
    body = (
        "Markets were calm on Monday.\n\nRelated: France expels Russian diplomats\n\n"
        "More related stories:\n\nChina accuses Japan of provocation"
    )
    assert set() == _code(coder, body)


def test_the_two_leaders_are_the_last_two_parties(coder: Coder) -> None:
    """'the two leaders signed' codes the signing between the two leaders just named."""
    body = (
        "Chilean President Gabriel Boric received Argentine President Javier Milei on Monday, "
        "and the two leaders signed a border treaty."
    )
    found = {(c.type, c.cameo.code) for c in coder.extract(make_article(body))}
    assert ("SUPPORT", "057") in found


def test_an_institution_in_a_capital_is_that_state(coder: Coder) -> None:
    """'The foreign ministry in Seoul summoned...' is South Korea's act."""
    body = "The foreign ministry in Seoul summoned a Japanese diplomat on Friday."
    assert {("KOR", "ACCUSE", "JPN")} == _code(coder, body)


def test_background_event_keeps_its_own_date(coder: Coder) -> None:
    """'a year after X visited Y' dates the visit a year before the story."""
    body = "The talks come a year after Egypt's president travelled to Turkey."
    candidates = coder.extract(make_article(body))
    assert [date(2024, 3, 12)] == [c.date for c in candidates if c.type == "CONSULT"]


def test_mediator_is_not_a_party(coder: Coder) -> None:
    """'Turkey offered to host talks between Russia and Ukraine' makes Turkey no party."""
    found = _code(coder, "Turkey offered to host peace talks between Russia and Ukraine on Monday.")
    assert set() == {t for t in found if "TUR" in t}


def test_quoted_first_person_is_the_speaker(coder: Coder) -> None:
    """In '"Ruto asked me to mediate," Museveni said', 'me' is Museveni (Uganda)."""
    body = (
        "Ugandan President Yoweri Museveni spoke on Monday after meeting Kenyan President William Ruto.\n\n"
        '"Ruto asked me to visit Nairobi soon," Museveni said.'
    )
    assert ("KEN", "REQUEST", "UGA") in _code(coder, body)


def test_morning_story_without_a_date_tells_of_the_day_before(coder: Coder) -> None:
    """A morning article with no date in its lead dates its acts the day before."""
    body = "Peru accused Chile of spying."
    morning = coder.extract(make_article(body, published="2025-03-12T07:30:00-05:00"))
    evening = coder.extract(make_article(body, published="2025-03-12T18:30:00-05:00"))
    assert ([date(2025, 3, 11)], [date(2025, 3, 12)]) == (
        [c.date for c in morning],
        [c.date for c in evening],
    )


def test_sentence_without_a_date_takes_the_previous_sentence_day(coder: Coder) -> None:
    """Within a paragraph, an undated act keeps the day just stated before it."""
    body = (
        "Ghana and Togo held talks on Monday. Markets were calm.\n\n"
        "Officials met in Accra on March 3. Ghana then accused Togo of smuggling."
    )
    found = {
        (c.type, c.date)
        for c in coder.extract(make_article(body, published="2025-03-12T15:00:00+00:00"))
    }
    assert ("ACCUSE", date(2025, 3, 3)) in found


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Iran Rejects Direct Talks With US", ("IRN", "REJECT", "USA")),
        ("Chile Expels Two Peruvian Diplomats", ("CHL", "SANCTION", "PER")),
    ],
)
def test_title_case_headlines(coder: Coder, title: str, expected: tuple[str, str, str]) -> None:
    """Title-Case headlines are read like sentences."""
    assert expected in tuples(coder.extract(make_article("Nothing else happened.", title=title)))
