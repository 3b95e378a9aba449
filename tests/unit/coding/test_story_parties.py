"""Parties a sentence takes from the story: "the two sides" after a host named them,
a joint act of "the two leaders" with a third party in the clause, and the author of
the act a party reacts to ("welcomed the decision").

Every sentence is hand-written; each rule has a case that must hold and, where a
rule could overreach, a case that must not fire.
"""

from __future__ import annotations

import pytest

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str) -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body)))


def test_two_sides_are_the_pair_a_host_brought_together(coder: Coder) -> None:
    """After "E received A's and B's leaders", "the two sides" are A and B even when E is
    named again in between: the joint act is A–B, never B–E."""
    found = _code(
        coder,
        "Norway's prime minister received Peruvian President Ana Rios and Chilean President "
        "Tomas Vidal in Oslo on Monday. Norwegian diplomats described the mood as calm.\n\n"
        "In a joint statement, the two sides agreed to resume border talks, overseen by "
        "Norway, next month.",
    )
    assert {("CHL", "AGREE", "PER")} == {
        (min(s, t or ""), p, max(s, t or "")) for s, p, t in found if p == "AGREE"
    }


def test_two_sides_keep_the_last_two_parties_when_no_pair_shares_them(coder: Coder) -> None:
    """A pair named together earlier in the window does not override the last two parties
    told when neither of them belongs to it."""
    found = _code(
        coder,
        "Peru and Chile signed a fisheries accord on Monday. On Tuesday, Italy's foreign "
        "minister held talks with his Spanish counterpart.\n\n"
        "The two sides agreed to hold another round of talks in May.",
    )
    agree = {(min(s, t or ""), max(s, t or "")) for s, p, t in found if p == "AGREE"}
    assert {("ESP", "ITA")} == agree


def test_joint_signing_of_the_two_leaders_takes_no_third_party(coder: Coder) -> None:
    """ "The two leaders signed an agreement, and posed with the host": a signing between
    the two, not with the host's country."""
    found = _code(
        coder,
        "The Norwegian king welcomed Peruvian President Ana Rios and Chilean President Tomas "
        "Vidal to his palace on Monday. Later the two leaders signed a fisheries agreement, "
        "and posed with the king for photographs.",
    )
    signings = {(s, t) for s, p, t in found if p == "SUPPORT"}
    assert {("PER", "CHL")} == signings


def test_appeal_of_the_two_leaders_keeps_its_third_party(coder: Coder) -> None:
    """ "The two leaders urged X to ..." after A met B: an appeal by each of A and B to X,
    as if both had been named."""
    found = _code(
        coder,
        "Portugal's president received the Greek prime minister in Lisbon on Thursday. "
        "Afterwards the two leaders called on Serbia to reopen its border crossings.",
    )
    assert {("PRT", "GRC"), ("GRC", "PRT")} & {(s, t) for s, p, t in found if p == "CONSULT"}
    assert {("PRT", "SRB"), ("GRC", "SRB")} == {(s, t) for s, p, t in found if p == "REQUEST"}


def test_hostile_act_of_both_leaders_keeps_its_third_party(coder: Coder) -> None:
    """ "Both leaders condemned X": two accusations aimed at X."""
    found = _code(
        coder,
        "Portugal's president received the Greek prime minister in Lisbon on Thursday. "
        "Both leaders sharply condemned Serbia over its treatment of the monitors.",
    )
    assert {("PRT", "SRB"), ("GRC", "SRB")} == {(s, t) for s, p, t in found if p == "ACCUSE"}


def test_two_leaders_acting_on_each_other_add_no_third_party(coder: Coder) -> None:
    """A pair's aimed act with no third party in the clause adds nothing beyond their
    meeting ("the two leaders praised each other" names no one else)."""
    found = _code(
        coder,
        "Portugal's president received the Greek prime minister in Lisbon on Thursday. "
        "The two leaders then criticised each other's budget plans.",
    )
    assert set() == {t for t in found if t[2] not in ("PRT", "GRC")}


def test_welcoming_a_decision_answers_the_act_aimed_at_the_welcomer(coder: Coder) -> None:
    """ "X welcomed the decision" answers the latest one-way act aimed at X, even when
    another party acted in between (a mediator's talks are no such act)."""
    found = _code(
        coder,
        "Peru has lifted its ban on imports from Chile, ending a two-year dispute. Spain's "
        "envoy had held talks with Peru's foreign minister in recent weeks.\n\n"
        "Chile's foreign ministry welcomed the decision on Friday.",
    )
    assert ("CHL", "SUPPORT", "PER") in found
    assert ("CHL", "SUPPORT", "ESP") not in found


def test_two_sides_alone_in_a_sentence_still_act(coder: Coder) -> None:
    """A sentence naming no party but "the two ministers" is read: its act is the pair's."""
    found = _code(
        coder,
        "On Tuesday, Italy's foreign minister held talks with his Spanish counterpart.\n\n"
        "The two ministers also signed a trade accord.",
    )
    assert {("ITA", "ESP")} == {(s, t) for s, p, t in found if p == "SUPPORT"}


def test_welcoming_falls_back_to_the_act_told_just_before(coder: Coder) -> None:
    """With no earlier act aimed at the welcomer, "welcomed the vote" answers the act told
    just before."""
    found = _code(
        coder,
        "The Security Council lifted its sanctions on Mali on Tuesday. "
        "Niger's foreign minister welcomed the vote.",
    )
    assert ("NER", "SUPPORT", "UN") in found


def test_cleft_focus_is_the_actor(coder: Coder) -> None:
    """In "it was X that moved first, recalling its envoy from Y", X recalls, not whatever
    an "it" would point back to."""
    found = _code(
        coder,
        "Peru and Chile have quarrelled before, and Ecuador is uneasy. In 2019 it was "
        "Santiago that moved first, recalling its envoy from Lima.",
    )
    assert ("CHL", "SANCTION", "PER") in found
    assert set() == {t for t in found if t[0] == "ECU"}


def test_its_own_envoy_names_no_other_party(coder: Coder) -> None:
    """ "Recalled its own ambassador": the possessive is the actor's own, never a target
    read from whatever "its" could refer to."""
    found = _code(
        coder,
        "The talks were held in Oslo in March. The Chilean government said on Monday that "
        "the Peruvian ministry had recalled its own ambassador.",
    )
    assert set() == {t for t in found if t[2] == "NOR"}


def test_unclosed_apposition_is_the_next_clause_subject(coder: Coder) -> None:
    """ "After A signed a deal with X, President Y of Z has found ...": the parser hangs Y on
    X as an apposition; with no closing comma it is the next clause's subject, no target."""
    found = _code(
        coder,
        "Two months after Peru signed a port agreement with Tierra Alta, Foreign Minister "
        "Ana Rios of Chile is courting new partners.",
    )
    assert set() == {t for t in found if t[1] == "SUPPORT"}


def test_apposition_with_closing_comma_stays_a_target(coder: Coder) -> None:
    """A real apposition, closed by a comma, still names the target."""
    found = _code(coder, "Peru signed a trade deal with Chile's president, Ana Rios, on Monday.")
    assert ("PER", "SUPPORT", "CHL") in found


def test_capital_named_as_a_place_is_no_antecedent(coder: Coder) -> None:
    """ "... bidders at a hotel in Paris, and X called it a betrayal": "it" is no French act."""
    found = _code(
        coder,
        "Togo sold drilling rights in the contested field to bidders gathered at a hotel in "
        "Paris last week, and Ghana's minister on Monday called it an outrageous betrayal.",
    )
    assert set() == {t for t in found if t[2] == "FRA"}


def test_search_skips_an_apposition_running_into_a_verb() -> None:
    """The parser may hang the next clause's subject on a name as an apposition ("... with
    Tierra, President Rios of Chile has found friends"): the search from "Tierra" does not
    reach Chile, while a closed apposition ("with Tierra, its president Rios, on Monday")
    is still searched."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from pipeline.coding.actors import ActorMention
    from pipeline.coding.search import search

    def parse(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
        return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)

    chile = ActorMention(0, 5, "CHL", "person", name="Rios")
    run_on = parse(
        ["with", "Tierra", ",", "President", "Rios", "of", "Chile", "has", "found", "friends"],
        [0, 0, 1, 4, 1, 4, 5, 8, 8, 8],
        ["ROOT", "pobj", "punct", "compound", "appos", "prep", "pobj", "aux", "ROOT", "dobj"],
        ["ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "ADP", "PROPN", "AUX", "VERB", "NOUN"],
    )
    closed = parse(
        ["with", "Tierra", ",", "President", "Rios", "of", "Chile", ",", "on", "Monday"],
        [0, 0, 1, 4, 1, 4, 5, 1, 0, 8],
        ["ROOT", "pobj", "punct", "compound", "appos", "prep", "pobj", "punct", "prep", "pobj"],
        ["ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT", "ADP", "PROPN"],
    )
    assert search([run_on[1]], {4: chile}, lambda _: None) is None
    found = search([closed[1]], {4: chile}, lambda _: None)
    assert "CHL" == (found[0].code if found else None)


def test_bare_title_names_the_official_last_named_with_it(coder: Coder) -> None:
    """ "The general" after "General X" is X's state: "invited the general to the summit"
    is aimed at him, never at the bloc whose summit it is."""
    found = _code(
        coder,
        "Egyptian General Omar Hegazy was in Khartoum on Monday. Ethiopia has since invited "
        "the general to the African Union summit.",
    )
    assert ("ETH", "AGREE", "EGY") in found
    assert set() == {t for t in found if t[2] == "AU"}


@pytest.mark.parametrize("invitee", ["the general", "Mahamat"])
def test_ranked_name_closing_a_role_apposition_is_the_roles_state(
    coder: Coder, invitee: str
) -> None:
    """ "A's army chief, General X, ...": X (and a later "the general" or "X") is A's; the
    bloc that only names the summit he is invited to is no target."""
    found = _code(
        coder,
        "Chad's army chief, General Ali Mahamat, visited troops near the lake on Friday. "
        f"A week later Niger invited {invitee} to the next ECOWAS summit.",
    )
    assert ("NER", "AGREE", "TCD") in found
    assert set() == {t for t in found if t[2] == "ECOWAS"}


def test_bloc_naming_the_meeting_of_an_invited_person_is_no_target(coder: Coder) -> None:
    """ "Invited an unnamed general to the X summit": the bloc only names the meeting; with
    no party for the general, no act is read rather than one aimed at the bloc."""
    found = _code(coder, "Niger invited an unnamed general to the next ECOWAS summit.")
    assert set() == {t for t in found if t[2] == "ECOWAS"}


@pytest.mark.parametrize(
    "body",
    [
        "Niger invited ECOWAS to the talks.",  # the bloc is the object itself
        "Niger invited ECOWAS leaders to a summit.",  # the bloc owns the object
    ],
)
def test_bloc_invited_itself_stays_the_target(coder: Coder, body: str) -> None:
    """A bloc that is, or owns, the invitation's object is still its target."""
    assert ("NER", "AGREE", "ECOWAS") in _code(coder, body)


def test_bare_title_shared_by_two_states_stays_unresolved() -> None:
    """With two presidents of two states named before, "the president" names neither;
    "the general assembly" is no person at all."""
    from pipeline.coding.actors import ActorMention
    from pipeline.coding.titles import resolve_titles

    text = (
        "Kenyan President Abel Moi met Ghanaian President Kofi Mensah. The president said "
        "the general assembly would vote."
    )
    mentions = [
        ActorMention(0, 27, "KEN", "person", "Abel Moi", "head_of_state"),
        ActorMention(32, 62, "GHA", "person", "Kofi Mensah", "head_of_state"),
    ]
    assert mentions == resolve_titles(text, mentions)


def test_bare_title_of_one_state_resolves() -> None:
    """ "The president" after one state's president named with that title is that state."""
    from pipeline.coding.actors import ActorMention
    from pipeline.coding.titles import resolve_titles

    text = "Kenyan President Abel Moi arrived. The president said he was glad."
    mentions = [ActorMention(0, 25, "KEN", "person", "Abel Moi", "head_of_state")]
    added = [m for m in resolve_titles(text, mentions) if m not in mentions]
    assert [("KEN", "the president")] == [(m.code, text[m.start : m.end].lower()) for m in added]


def test_fronted_passive_participle_reads_agent_and_patient(coder: Coder) -> None:
    """In "Received at the palace by X, Y said ...", X receives Y (the by-agent is the host,
    the clause's subject the guest), not Y receiving itself."""
    found = _code(
        coder,
        "Received at the royal palace by King Harald of Norway, the Chilean president said "
        "the visit had been long overdue.",
    )
    assert ("NOR", "CONSULT", "CHL") in found


def test_time_clause_of_a_request_tells_its_own_act(coder: Coder) -> None:
    """In "X asked Y to act when Z visited W", the visit is its own act, not part of the
    request's content."""
    found = _code(
        coder,
        "Chile had asked the United Nations to send observers when Secretary-General "
        "Antonio Guterres visited Lima in May.",
    )
    assert ("UN", "CONSULT", "PER") in found
    assert ("CHL", "REQUEST", "UN") in found


def test_summoning_to_protest_is_the_summoners_protest(coder: Coder) -> None:
    """In "X summoned Y's envoy to protest against Z", X protests (a purpose), while in
    "X urged Y to protest" Y is asked to act."""
    found = _code(
        coder,
        "Chile summoned Peru's ambassador to protest against the statement.",
    )
    assert ("CHL", "ACCUSE", "PER") in found
    assert ("PER", "ACCUSE", "CHL") not in found


def test_arrival_of_troops_in_a_second_predicate_is_no_visit(coder: Coder) -> None:
    """A second predicate takes its first's subject: "troops shelled the ridge and then
    landed in X" is no visit."""
    found = _code(
        coder,
        "According to shepherds, Georgian troops shelled the ridge for hours on Sunday and "
        "then landed in Armenia by helicopter.",
    )
    assert set() == {t for t in found if t[1] == "CONSULT"}


def _told_in(coder: Coder, body: str, opening: str) -> set[tuple[str, str, str | None]]:
    """The tuples of the candidates told in the sentence that opens with ``opening``."""
    found = coder.extract(make_article(body))
    return tuples([c for c in found if c.sentence.startswith(opening)])


def test_the_two_men_are_the_two_people_named(coder: Coder) -> None:
    """ "The two men held talks" after "A's minister, who chairs bloc B, ... was welcomed by
    C's president" is A–C: the people named, not the bloc A chairs."""
    found = _told_in(
        coder,
        "Chile's foreign minister, who had just taken over as chair of the Andean Community, "
        "was welcomed to Quito on Sunday by Ecuador's president, Luis Mora. The two men held "
        "talks on Monday.",
        "The two men",
    )
    assert {("CHL", "ECU")} == {tuple(sorted((s, t or ""))) for s, p, t in found}


def test_the_pair_names_two_parties(coder: Coder) -> None:
    """ "The pair held talks" is a meeting of the two parties just named."""
    found = _told_in(
        coder,
        "Peru's president flew to Bogota on Sunday to see Colombian President Luis Mora.\n\n"
        "The pair met again on Monday.",
        "The pair",
    )
    assert {("COL", "PER")} == {tuple(sorted((s, t or ""))) for s, p, t in found}


def test_the_two_men_discussing_a_topic_is_no_act_on_it(coder: Coder) -> None:
    """ "The two men discussed X" is a meeting of the two; X is its topic, never a target;
    "contradicting a report that" they spoke makes the call denied."""
    found = coder.extract(
        make_article(
            "LIMA - Peru's presidency on Monday denied that President Luis Mora had spoken "
            "with Chile's leader, Tomas Vidal, contradicting a magazine's claim that the two "
            "men discussed Bolivia by telephone last week."
        )
    )
    assert set() == {c for c in found if c.target is not None and c.target.code == "BOL"}
    assert {"denied"} == {c.status for c in found if c.type == "CONSULT"}


def test_opponents_of_a_government_are_not_it(coder: Coder) -> None:
    """ "Opponents of the Chilean government criticised Peru": the critics are no Chilean act."""
    found = _code(
        coder,
        "Peru's leaders met the Chilean president on Friday. Opponents of the Chilean "
        "government criticised Peru for meeting him at all.",
    )
    assert set() == {t for t in found if t[1] == "ACCUSE"}


def test_bare_title_falls_back_to_the_office_named_before() -> None:
    """With nobody named with the title itself, "the prime minister" is the one head of
    government named before ("Anna Berg kept silent ... the prime minister said no")."""
    from pipeline.coding.actors import ActorMention
    from pipeline.coding.titles import resolve_titles

    text = "Anna Berg kept silent for a day. Then, at a briefing, the prime minister said no."
    mentions = [ActorMention(0, 9, "NOR", "person", "Anna Berg", "head_of_government")]
    added = [m for m in resolve_titles(text, mentions) if m not in mentions]
    assert [("NOR", "the prime minister")] == [(m.code, text[m.start : m.end]) for m in added]


def test_counterpart_coordinated_with_a_qualified_agent_is_a_party(coder: Coder) -> None:
    """ "Signed by A's defence minister and his B counterpart": A and B sign together."""
    found = _code(
        coder,
        "The border protocol, which took effect last year, had been signed by Chile's then "
        "interior minister, Ana Rios, and her Peruvian counterpart, Luis Mora.",
    )
    signings = {tuple(sorted((s, t or ""))) for s, p, t in found if p == "SUPPORT"}
    assert {("CHL", "PER")} == signings


def test_second_predicate_of_a_passive_shares_its_subject(coder: Coder) -> None:
    """In "X was concerned about Y and urged Z to act", X urges (the passive's subject is
    the second predicate's)."""
    found = _code(
        coder,
        'In its note, the ministry in Lima said Peru was "alarmed" by the seizure of the '
        'trawler and urged the Chilean navy "to hand back" its crew.',
    )
    assert ("PER", "REQUEST", "CHL") in found


def test_party_named_as_mediator_is_no_target(coder: Coder) -> None:
    """In "A and B reopened X, with C as facilitator", C is a go-between, no party."""
    found = _code(
        coder,
        "Eritrea and Ethiopia reopened their border commission in Djibouti last week, with "
        "Kenya as facilitator, and agreed on a timetable.",
    )
    assert set() == {t for t in found if "KEN" in (t[0], t[2])}


def test_capital_naming_a_document_is_no_party(coder: Coder) -> None:
    """ "Accept the Lima peace agreement": the capital names the document, it is no party."""
    found = _code(
        coder,
        "Chile's governing parties said on June 5 they would now honour in full the 1998 "
        "Lima accord and the verdict of a joint border panel.",
    )
    assert set() == {t for t in found if t[2] == "PER"}


def test_bare_cabinet_is_the_state_just_named(coder: Coder) -> None:
    """ "The cabinet said ... and accused X" after "A recalled its envoy": A's cabinet."""
    found = _code(
        coder,
        "Peru withdrew its envoy from Chile on Tuesday. Later that day the cabinet called the "
        'port deal agreed in Santiago "an affront" to Peru and accused Chile of meddling in '
        "Peruvian affairs.",
    )
    assert ("PER", "ACCUSE", "CHL") in found


def test_two_governments_are_states_not_the_bloc_a_mediator_chairs(coder: Coder) -> None:
    """ "The two governments agreed" after "A's and B's presidents met, in talks brokered by
    C, the chair of bloc D": A and B, never C or the bloc."""
    found = _told_in(
        coder,
        "Chilean President Tomas Vidal and Peruvian President Luis Mora talked at an airport "
        "hotel, with Norway's prime minister, who currently chairs the Community of Latin "
        "American and Caribbean States, acting as broker.\n\nAccording to a communique the "
        "Norwegian read to reporters, the two governments agreed to settle the dispute "
        "without force.",
        "According to a communique",
    )
    assert {("CHL", "PER")} == {tuple(sorted((s, t or ""))) for s, p, t in found}


def test_official_named_after_title_and_comma_is_known_by_surname(coder: Coder) -> None:
    """ "Chile's foreign minister, Ana Rios, ..." names a Chilean official: a later bare
    "Rios" is Chile."""
    found = _told_in(
        coder,
        "Chile's foreign minister, Ana Rios, arrived in Lima on Monday.\n\n"
        "On Tuesday, Rios praised Peru for its restraint.",
        "On Tuesday",
    )
    assert {("CHL", "SUPPORT", "PER")} == found


def test_portfolio_minister_is_a_title(coder: Coder) -> None:
    """ "Ana Rios, Chile's information minister" is a Chilean official like a foreign
    minister: a later bare "Rios" is Chile."""
    found = _told_in(
        coder,
        "Ana Rios, Chile's information minister, arrived in Lima on Monday.\n\n"
        "On Tuesday, Rios praised Peru for its restraint.",
        "On Tuesday",
    )
    assert {("CHL", "SUPPORT", "PER")} == found
