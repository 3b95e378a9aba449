"""Who did what to whom in one parsed sentence: triggers become acts.

Each trigger token of the lexicon that fits (``pipeline.coding.constraints``) is
given its parties (``sources``, ``targets``, ``pairs``), its status by
``pipeline.coding.modality`` and its most specific CAMEO code by the words of its
object (``objects``). Coordinated subjects give one act per actor, or the two
parties of a symmetric act ("A and B met"); triggers inside the complement of
another ("invited him to visit") are absorbed by it (``clauses``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.backdrop import is_backdrop
from pipeline.coding.clauses import absorbed_by, cut_subtree, foreign_clauses, own_clause
from pipeline.coding.constraints import fits
from pipeline.coding.decisions import decided
from pipeline.coding.locations import is_setting, is_sideline, location_of
from pipeline.coding.modality import accepted, assess_status, is_refusal
from pipeline.coding.objects import (
    as_demand,
    imposed,
    refine,
)
from pipeline.coding.pairs import (
    Counterpart,
    Pairs,
    between_parties,
    pair_subject,
)
from pipeline.coding.parties import SYMMETRIC_ROOTS, Reacted, party_pairs
from pipeline.coding.search import Resolver
from pipeline.coding.sources import coordinated_actors, noun_source, speaker_of, subject_of
from pipeline.coding.syntax import governor_of
from pipeline.coding.targets import target_of
from pipeline.coding.threats import threat_code, threatened, under_threat
from pipeline.coding.triggers import Lexicon, inflections
from pipeline.models import Status

__all__ = [
    "Act",
    "code_sentence",
]

_SANCTION_NOUNS = frozenset({"sanction", "tariff", "embargo"})

_REFUSALS = {"03": "125", "04": "125", "05": "120", "06": "120", "08": "124"}

_COPULAS = inflections("be")

#: Acts that a decision performs: recognising a state, restoring ties, easing sanctions.
_DECLARATIVE = frozenset({"054", "081", "085"})

#: Acts "the two leaders" can aim at a third party: appeals and demands ("urged Iran to
#: return to talks") and every hostile act; a pair's meeting or signing never has one.
_AIMED_ROOTS = ("02", *(str(root) for root in range(10, 21)))


@dataclass(frozen=True, slots=True)
class Act:
    """An act read from one sentence (offsets relative to the sentence)."""

    cameo: str
    status: Status
    source: ActorMention
    target: ActorMention
    trigger_start: int
    trigger_end: int
    location: str | None
    confidence: float
    foreign: tuple[tuple[int, int], ...] = ()  # relative clauses that tell of other acts
    own: tuple[int, int] | None = None  # the relative clause the act is told in


def code_sentence(
    doc: Doc,
    actors: dict[int, ActorMention],
    lexicon: Lexicon,
    resolve: Resolver,
    counterpart: Counterpart | None = None,
    pairs_of: Pairs | None = None,
    previous: ActorMention | None = None,
    reacted: Reacted | None = None,
) -> list[Act]:
    """The acts of one parsed sentence; ``actors`` maps token index to actor mention.

    ``previous`` is the author of the act told just before: a reaction to "the vote" or
    "the ratification" is aimed at it, unless ``reacted`` names the author of an earlier
    act aimed at the reacting party.
    ``counterpart`` names the other party of the story for offers and refusals to
    meet whose target the sentence leaves implicit ("Iran rejected direct talks").
    """
    acts: list[Act] = []
    absorbed: set[int] = set()
    for token in doc:
        if token.i in absorbed:
            continue
        for trigger in lexicon.lookup(token.text, token.pos_):
            # "said X was behind the attack": the copula carries a prepositional act
            node = token.head if trigger.pos == "ADP" and token.dep_ == "prep" else token
            if trigger.pos == "ADP" and node.lower_ not in _COPULAS:
                continue
            is_noun = node.pos_ not in ("VERB", "AUX")
            if is_noun and trigger.cameo.startswith("04") and is_sideline(token):
                break
            governor = governor_of(token) if is_noun else None
            if not fits(trigger, token, governor, lexicon, actors):
                continue
            if is_backdrop(trigger, token, governor, lexicon, is_noun):
                break
            if trigger.embeds:
                absorbed |= absorbed_by(token, is_noun)
            elif (trigger.object is not None or trigger.cameo[:2] == "12") and not is_noun:
                # "lifted sanctions", "vetoed an invitation": one act
                absorbed |= {  # but "the complaint it filed against X" tells its own act
                    t.i
                    for c in token.children
                    if c.dep_ in ("dobj", "nsubjpass")
                    for t in cut_subtree(c)
                }
            status = (
                "occurred"
                if trigger.object == "no_reason"
                else assess_status(
                    node,
                    trigger.status,
                    deniable=trigger.cameo[:2] != "11",
                    conditional_ok=trigger.cameo[:2] in ("02", "10", "13"),
                    governor=governor,
                )
            )
            refusal = None
            if status is None and not is_noun and is_refusal(token, governor):
                refusal = _REFUSALS.get(trigger.cameo[:2])  # "would never recognise X"
                status = "occurred" if refusal is not None else None
            threat = (
                status is None
                and not is_noun
                and trigger.cameo[:2] == "16"
                and threatened(node, governor)
            )  # "said Ankara could suspend relations": a threat to
            if threat:
                status = "occurred"
            if status is None:
                break
            if trigger.inverse:
                found, by_parse = speaker_of(node, actors, resolve), True
                faced = subject_of(node, actors, resolve)
            elif is_noun:
                found, by_parse = noun_source(token, governor, actors, resolve, trigger.cameo[:2])
            else:
                found, by_parse = subject_of(token, actors, resolve), True
            pair = None
            if (
                found is None
                and pairs_of is not None
                and trigger.cameo.startswith((*SYMMETRIC_ROOTS, *_AIMED_ROOTS))
            ):
                pair = pair_subject(token if governor is None else governor, pairs_of)
            if found is None and pair is None and trigger.cameo.startswith(SYMMETRIC_ROOTS):
                named = between_parties(token, actors)  # "visits between A and B would resume"
                if len(named) >= 2:
                    pair = (named[0], named[1])
            if found is None and pair is None:
                break
            if pair is not None:
                found = (pair[0], token)
            if found is None:
                break
            source, source_token = found
            meeting_org: ActorMention | None = None
            if threat:  # ... by the speaker's own state
                speaker = speaker_of(node, actors, resolve)
                if speaker is None or speaker[0].code != source.code:
                    break
            if trigger.inverse:
                target_found = faced if faced is not None and faced[0].code != source.code else None
                if target_found is None and counterpart is not None:  # "said the talks had ended"
                    other = counterpart(source.code, trigger.cameo)
                    target_found = (other, token) if other is not None else None
                    by_parse = False
                if target_found is None:
                    break
            else:
                setting = is_noun and trigger.cameo.startswith("04") and is_setting(token)
                target_found = target_of(
                    token, None if setting else governor, trigger, actors, resolve, source.code
                )
                if target_found is not None and _names_the_meeting(target_found[1], token, lexicon):
                    meeting_org = target_found[0]  # "invited the general to the X summit": not X
                    target_found = None
            third_party = (
                pair is not None
                and target_found is not None
                and target_found[0].code not in (pair[0].code, pair[1].code)
            )
            if pair is not None and not trigger.cameo.startswith(SYMMETRIC_ROOTS):
                if not third_party:  # "the two leaders criticised each other": no act read
                    break
            elif third_party:  # "the two leaders signed what X's officials called ...",
                # "the two men discussed X": a meeting or signing takes no third party
                target_found = None
            coordinated = (
                [pair[1]]
                if pair is not None
                else coordinated_actors(source_token, actors, source.code)
            )
            cameo = as_demand(refine(trigger, token, lexicon), token)
            if refusal is not None:
                cameo = refusal
            if threat:
                cameo = threat_code(cameo)
            if (
                coordinated
                and pair is None
                and target_found is not None
                and cameo.startswith(SYMMETRIC_ROOTS)
                and target_found[1].dep_ in ("compound", "poss", "amod", "nmod")
                and target_found[1].head.i not in actors
            ):  # "A and B agreed on an EU plan": the plan's author is no party
                target_found = None
            if cameo.startswith(SYMMETRIC_ROOTS) and (pair is not None or target_found is None):
                named = between_parties(
                    token, actors
                )  # "agreed that visits between A and B resume"
                if len(named) >= 2 and (pair is not None or source.code in {m.code for m in named}):
                    source, coordinated, pair = named[0], [named[1]], (named[0], named[1])
            if cameo.startswith("16") and under_threat(token):
                cameo = "1312"
            if cameo.startswith("04") and status == "proposed":
                cameo = "036"
            if cameo == "036" and status == "proposed" and accepted(token):
                status = "planned"
            if cameo == "036" and status == "occurred":
                status = "planned"
            if cameo in _DECLARATIVE and status == "planned" and decided(token):
                status = "occurred"  # "had decided to recognise X": the decision is the act
            if cameo[:2] >= "10" and status == "planned":
                status = "occurred"
            if is_noun and trigger.lemma in _SANCTION_NOUNS and not imposed(token, governor):
                break
            pairs, inferred = party_pairs(
                token,
                governor,
                is_noun,
                cameo,
                source,
                target_found,
                coordinated,
                actors,
                resolve,
                lexicon,
                pairs_of=pairs_of,
                counterpart=counterpart,
                previous=previous,
                reacted=reacted,
            )
            if meeting_org is not None:
                pairs = [(src, tgt) for src, tgt in pairs if tgt is not meeting_org]
            if inferred:
                by_parse = False
            confidence = (
                0.45 + (0.2 if by_parse else 0.0) + (0.15 if target_found is not None else 0.05)
            )
            if source.kind in ("capital",) or source_token.pos_ == "PRON":
                confidence -= 0.1
            location = location_of(token, governor, actors)
            foreign = foreign_clauses(token)
            for src, tgt in pairs:
                acts.append(
                    Act(
                        cameo,
                        status,
                        src,
                        tgt,
                        token.idx,
                        token.idx + len(token),
                        location,
                        round(min(0.95, confidence), 2),
                        foreign,
                        own_clause(token),
                    )
                )
            break
    return acts


def _names_the_meeting(found: Token, verb: Token, lexicon: Lexicon) -> bool:
    """Whether ``found`` only names the meeting an object of ``verb`` is asked to ("invited
    the general to the X summit"): a modifier of a "to" meeting noun, beside an object."""
    noun = found.head
    return (
        verb.pos_ in ("VERB", "AUX")
        and found.dep_ in ("compound", "poss", "amod", "nmod")
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "to"
        and noun.head.head == verb
        and lexicon.in_group("meet", noun.lower_)
        and any(c.dep_ == "dobj" for c in verb.children)
    )
