"""Wire-copy forms: datelines with a spaced hyphen, visits told as movement, meetings
in a third place.

Every sentence is hand-written; each rule that could overreach has a case that must hold.
"""

from __future__ import annotations

from pipeline.coding import Coder
from pipeline.coding.sentences import find_dateline, split_sentences
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str) -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body)))


def test_hyphen_dateline_with_date_and_agency_is_cut() -> None:
    """ "OSLO, Mar 3 (Wire) - " opens no sentence: the lead starts after the hyphen."""
    text = "Headline here\n\nOSLO, Mar 3 (Wire) - Norway said on Monday it would act."
    assert "Norway said on Monday it would act." == split_sentences(text)[1].text


def test_slashed_dateline_is_cut() -> None:
    """ "RIGA/VILNIUS, Feb 9 (Wire) - ": a place pair before the hyphen is a dateline too."""
    text = "Headline here\n\nRIGA/VILNIUS, Feb 9 (Wire) - Latvia closed a crossing."
    assert "RIGA/VILNIUS, Feb 9 (Wire) - " == find_dateline(text)


def test_place_with_region_dateline_is_cut() -> None:
    """ "SANTA CRUZ, Bolivia - ": the region after the all-caps place belongs to the dateline."""
    text = "Headline here\n\nSANTA CRUZ, Bolivia - Officials met on Friday."
    assert "Officials met on Friday." == split_sentences(text)[1].text


def test_hyphen_later_in_a_paragraph_is_text() -> None:
    """A spaced hyphen inside a sentence, or a hyphenated word, is no dateline."""
    text = "Headline here\n\nThe UN-backed talks - the first in years - opened in Geneva."
    assert "" == find_dateline(text)


def test_mixed_case_opening_is_no_dateline() -> None:
    """A lead opening with an ordinary subject keeps it, hyphen or not."""
    text = "Headline here\n\nChile - a founding member - left the group on Monday."
    assert "" == find_dateline(text)


def test_dateline_place_is_no_source(coder: Coder) -> None:
    """ "DOHA, Jan 8 (Wire) - Egypt will reopen its border with Libya": Egypt, not Qatar, acts."""
    body = "DOHA, Jan 8 (Wire) - Egypt will reopen its border with Libya on Monday, officials said."
    assert "QAT" not in {t[0] for t in _code(coder, body)}


def test_dateline_codes_untitled_official(coder: Coder) -> None:
    """The country of a hyphen dateline codes an official named without a nationality."""
    body = (
        "VILNIUS, Feb 9 (Wire) - The foreign ministry said on Monday it would act.\n\n"
        "Foreign Minister Jonas Petraitis condemned Belarus for the border incident."
    )
    assert ("LTU", "ACCUSE", "BLR") in _code(coder, body)


def test_cut_dash_dateline_codes_untitled_official(coder: Coder) -> None:
    """A dateline cut from the lead ("VILNIUS (Wire) — ") still codes the untitled official."""
    body = (
        "VILNIUS (Wire) — The foreign ministry said on Monday it would act.\n\n"
        "Foreign Minister Jonas Petraitis condemned Belarus for the border incident."
    )
    assert ("LTU", "ACCUSE", "BLR") in _code(coder, body)


def test_leader_crossing_the_border_visits(coder: Coder) -> None:
    """ "<leader> crossed the border into Y for the ceremony" is a visit, visitor → host."""
    body = (
        "Kenyan President William Ruto crossed the border into Uganda on Monday for the ceremony."
    )
    assert ("KEN", "CONSULT", "UGA") in _code(coder, body)


def test_troops_or_refugees_crossing_is_no_visit(coder: Coder) -> None:
    """Troops, refugees or a convoy crossing into a country pay no visit."""
    bodies = (
        "Russian troops crossed the border into Ukraine on Thursday.",
        "Thousands of Sudanese refugees crossed into Chad last week.",
        "A convoy of Kenyan trucks crossed into Uganda on Monday.",
    )
    assert [set(), set(), set()] == [
        {t for t in _code(coder, b) if t[1] == "CONSULT"} for b in bodies
    ]


def test_goods_arriving_is_no_visit(coder: Coder) -> None:
    """ "A shipment of Kenyan maize arrived in Kampala" is no Kenyan visit to Uganda."""
    body = "A shipment of Kenyan maize arrived in Kampala on Monday."
    assert set() == {t for t in _code(coder, body) if t[1] == "CONSULT"}


def test_leader_arriving_still_visits(coder: Coder) -> None:
    """A leader who arrives in a capital for talks still visits its country."""
    body = "Kenyan President William Ruto arrived in Kampala on Monday for talks."
    assert ("KEN", "CONSULT", "UGA") in _code(coder, body)


def test_two_leaders_discussing_a_topic_consult(coder: Coder) -> None:
    """ "A and B discussed the situation in Z": A and B consulted; the place is no party."""
    body = (
        "Kenyan President William Ruto and Ugandan President Yoweri Museveni discussed the "
        "situation in Addis Ababa, where both were attending a summit of the African Union."
    )
    found = _code(coder, body)
    assert ({("KEN", "CONSULT", "UGA")}, set()) == (
        {t for t in found if t[1] == "CONSULT"},
        {t for t in found if "ETH" in (t[0], t[2])},
    )


def test_demonym_pair_discussing_consult(coder: Coder) -> None:
    """ "The Kenyan and Ugandan presidents discussed trade": the two consulted."""
    body = "The Kenyan and Ugandan presidents discussed trade in Addis Ababa on Friday."
    assert ("KEN", "CONSULT", "UGA") in _code(coder, body)


def test_discussing_measures_against_a_third_is_no_consultation_with_it(coder: Coder) -> None:
    """ "A and B discussed sanctions against C" is no consultation with C."""
    body = "Kenya and Uganda discussed sanctions against Somalia on Friday."
    assert set() == {t for t in _code(coder, body) if t[1] == "CONSULT" and t[2] == "SOM"}


def test_one_party_discussing_is_no_consultation(coder: Coder) -> None:
    """ "Kenya discussed the budget": one party alone consults no one."""
    body = "Kenyan ministers discussed the budget with lawmakers in Nairobi on Friday."
    assert set() == {t for t in _code(coder, body) if t[1] == "CONSULT"}


def test_meeting_in_a_third_capital_is_044(coder: Coder) -> None:
    """Two leaders meeting in a third country's capital: CAMEO 044, the place no party."""
    body = (
        "Kenyan President William Ruto and Ugandan President Yoweri Museveni met in "
        "Addis Ababa on Friday."
    )
    found = coder.extract(make_article(body))
    assert [("KEN", "044", "UGA", "Addis Ababa")] == [
        (c.source.code, c.cameo.code, c.target.code if c.target else None, c.location)
        for c in found
    ]


def test_meeting_in_a_party_capital_stays_040(coder: Coder) -> None:
    """A meeting in one party's capital is no meeting at a third location."""
    body = (
        "Kenyan President William Ruto and Ugandan President Yoweri Museveni met in "
        "Kampala on Friday."
    )
    assert ["040"] == [c.cameo.code for c in coder.extract(make_article(body))]


def test_delegation_takes_its_leaders_country(coder: Coder) -> None:
    """ "A delegation led by <Y's minister> visited X": the delegation is Y's."""
    body = "A delegation led by Ugandan Foreign Minister Jane Akello visited Nairobi on Monday."
    assert ("UGA", "CONSULT", "KEN") in _code(coder, body)


def test_delegation_with_own_country_keeps_it(coder: Coder) -> None:
    """A delegation named with its own country keeps it, whoever leads it."""
    body = "A Kenyan delegation led by a Ugandan-born envoy visited Kigali on Monday."
    assert "UGA" not in {t[0] for t in _code(coder, body)}


def test_month_is_no_location(coder: Coder) -> None:
    """ "met Y's ministers in March": March is a time, not the place of the meeting."""
    body = "In March, a delegation led by the State Department's Jane Doe met Kenyan ministers."
    assert [("USA", "KEN", None)] == [
        (c.source.code, c.target.code if c.target else None, c.location)
        for c in coder.extract(make_article(body))
    ]


def test_stay_in_a_capital_for_talks_visits_its_country(coder: Coder) -> None:
    """ "A US delegation was in Y's capital for talks": the US consulted Y."""
    body = "A US delegation led by Jane Doe was in Nairobi for talks on Tuesday."
    assert ("USA", "CONSULT", "KEN") in _code(coder, body)


def test_pair_in_a_third_capital_for_talks_meets_each_other(coder: Coder) -> None:
    """ "A and B officials were in Z for talks": A and B met at a third location, Z no party."""
    body = "Kenyan and Ugandan officials were in Paris for talks on Monday."
    found = coder.extract(make_article(body))
    assert [("KEN", "044", "UGA")] == [
        (c.source.code, c.cameo.code, c.target.code if c.target else None) for c in found
    ]


def test_stay_in_own_capital_is_no_visit(coder: Coder) -> None:
    """A leader in his own capital for talks with domestic figures visits no one."""
    body = "Kenyan President William Ruto was in Nairobi for talks with opposition leaders."
    assert set() == _code(coder, body)


def test_visit_told_in_a_where_clause_of_the_capital(coder: Coder) -> None:
    """ "... in Y's capital, where X was on a visit": X visited Y."""
    body = "The two presidents met in Kampala, where Kenyan President William Ruto was on a visit."
    assert ("KEN", "CONSULT", "UGA") in _code(coder, body)


def test_visit_in_a_where_clause_of_a_home_city_is_domestic(coder: Coder) -> None:
    """A visit to a city of the visitor's own country is no diplomatic visit."""
    body = "Kenyan officials toured Mombasa, where President William Ruto was on a visit."
    assert set() == _code(coder, body)


def test_reporters_question_is_no_request(coder: Coder) -> None:
    """ "Asked whether Y would ..., X said": a question put to X, no request by X."""
    body = (
        "Asked whether Uganda would also sign a security deal with China, Kenyan President "
        "William Ruto said his government had no plans to do so."
    )
    assert set() == {t for t in _code(coder, body) if t[1] == "REQUEST"}


def test_request_in_a_fronted_clause_still_counts(coder: Coder) -> None:
    """ "After X asked Y to mediate, ...": a fronted clause with its own subject still asks."""
    body = "After Kenya asked China to mediate, Uganda agreed to talks."
    assert ("KEN", "REQUEST", "CHN") in _code(coder, body)
