"""Discourse of an article: what pronouns, quotes and "the two leaders" refer to.

The coder parses sentences one by one; the callbacks built here look around a
sentence in the article (its paragraph and the one before) to resolve "he", "it",
"the bloc", a quoted "I" (the speaker named next to "said"), "the two leaders"
(the last two parties named) and the implicit other party of an offer or a
threat (the actor the article mentions most).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.events import Act
from pipeline.coding.pairs import Counterpart, named_pair
from pipeline.coding.parties import Reacted
from pipeline.coding.sentences import Sentence

__all__ = [
    "counterpart_of",
    "inside_quote",
    "pairs_resolver",
    "pronoun_resolver",
    "quote_spans",
    "reacted_to",
    "recent_first",
]

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_ORG_ANAPHORS = frozenset({"bloc", "alliance", "union"})

_QUOTE = re.compile(r"[\"“”]")


def quote_spans(sentences: list[Sentence], sentence: Sentence) -> list[tuple[int, int]]:
    """Spans of quoted speech in the paragraph of ``sentence`` and the one before it."""
    spans: list[tuple[int, int]] = []
    for paragraph in (sentence.paragraph - 1, sentence.paragraph):
        marks = [
            other.start + m.start()
            for other in sentences
            if other.paragraph == paragraph
            for m in _QUOTE.finditer(other.text)
        ]
        spans += list(zip(marks[::2], marks[1::2], strict=False))
    return spans


def inside_quote(position: int, quotes: list[tuple[int, int]]) -> bool:
    """Whether an article offset lies inside one of the quote spans."""
    return any(start < position < end for start, end in quotes)


_FIRST_PERSON = frozenset({"i", "me", "we", "us"})
_SAID = re.compile(r"\b(?:said|says|told|added|wrote|stated)\b")


def _paragraph_speaker(
    sentences: list[Sentence],
    sentence: Sentence,
    mentions: list[ActorMention],
    quotes: list[tuple[int, int]],
) -> ActorMention | None:
    """Who speaks the quotes of a paragraph: a person next to "said", outside the quotes."""
    for other in sentences:
        if other.paragraph != sentence.paragraph:
            continue
        for said in _SAID.finditer(other.text):
            at = other.start + said.start()
            if inside_quote(at, quotes):
                continue
            near = [
                m
                for m in mentions
                if m.kind in ("person", "role")
                and abs(m.start - at) < 40
                and not inside_quote(m.start, quotes)
            ]
            if near:
                return min(near, key=lambda m: abs(m.start - at))
    return None


def pronoun_resolver(
    sentence: Sentence,
    sentences: list[Sentence],
    mentions: list[ActorMention],
    starts: list[int],
) -> Callable[[Token], ActorMention | None]:
    """Resolve "he", "it", "the bloc" and a quoted "I" of ``sentence`` to earlier mentions."""
    paragraph_start = min(
        (s.start for s in sentences if s.paragraph == sentence.paragraph),
        default=sentence.start,
    )
    previous = [s for s in sentences if s.paragraph == sentence.paragraph - 1]
    window_start = previous[0].start if previous else paragraph_start

    quotes = quote_spans(sentences, sentence)

    speaker = _paragraph_speaker(sentences, sentence, mentions, quotes)

    def resolve(token: Token) -> ActorMention | None:
        position = sentence.start + token.idx
        if token.lower_ in _FIRST_PERSON:
            return speaker if inside_quote(position, quotes) else None
        if token.lower_ == "them":
            return _plural_antecedent(
                token, sentence, mentions[: bisect.bisect_left(starts, position)], window_start
            )
        person = token.lower_ in _PERSON_PRONOUNS
        kinds = (
            ("org",)
            if token.lower_ in _ORG_ANAPHORS
            else ("state", "org", "institution", "capital")
        )
        stop = bisect.bisect_left(starts, position)
        topic = _previous_topic(token, sentence, sentences, mentions[:stop], kinds)
        if topic is not None:
            return topic
        for mention in reversed(mentions[:stop]):
            if mention.start < window_start:
                break
            if person and inside_quote(mention.start, quotes):
                continue  # "Putin continues to mess around," the minister wrote. He...
            if person and mention.kind in ("person", "role"):
                return mention
            if not person and mention.kind in kinds and not _place_named(mention, sentences):
                return mention
        return None

    return resolve


def _place_named(mention: ActorMention, sentences: list[Sentence]) -> bool:
    """Whether a capital is named as a place ("a conference in London"), not as its
    government: no antecedent for a later "it"."""
    if mention.kind != "capital":
        return False
    home = next((s for s in sentences if s.start <= mention.start < s.end), None)
    if home is None:
        return False
    before = home.text[: mention.start - home.start].rstrip().rsplit(" ", 1)[-1].lower()
    return before in ("in", "at", "near", "outside")


def _previous_topic(
    token: Token,
    sentence: Sentence,
    sentences: list[Sentence],
    before: list[ActorMention],
    kinds: tuple[str, ...],
) -> ActorMention | None:
    """The antecedent of an "its" in a sentence's subject with no actor before it: the
    first-named state of the sentence just before, its topic ("Iran reacted to Manama's
    move. Its ministry called ...": Iran's, not Manama's)."""
    if token.lower_ != "its" or token.dep_ != "poss" or token.head.dep_ != "nsubj":
        return None
    if before and before[-1].start >= sentence.start:
        return None
    earlier = [
        s for s in sentences if s.end <= sentence.start and s.paragraph >= sentence.paragraph - 1
    ]
    if not earlier:
        return None
    last = earlier[-1]
    told = [m for m in before if last.start <= m.start < last.end and m.kind in kinds]
    return told[0] if told else None


def _plural_antecedent(
    token: Token, sentence: Sentence, before: list[ActorMention], window_start: int
) -> ActorMention | None:
    """What "them" refers to: the last actor named before it that is not the verb's own
    subject ("Officials in Athens accused them": not Athens), nor a capital."""
    own: set[str] = set()
    for subject in token.head.children:
        if subject.dep_ in ("nsubj", "nsubjpass"):
            left = sentence.start + subject.left_edge.idx
            right = sentence.start + subject.right_edge.idx + len(subject.right_edge)
            own |= {m.code for m in before if left <= m.start < right}
    for mention in reversed(before):
        if mention.start < window_start:
            break
        if mention.kind != "capital" and mention.code not in own:
            return mention
    return None


_PEOPLE = frozenset({"men", "women"})
_STATES = frozenset({"governments", "countries", "nations", "states", "neighbours", "neighbors"})


def pairs_resolver(
    sentence: Sentence,
    sentences: list[Sentence],
    mentions: list[ActorMention],
    starts: list[int],
    resolve: Callable[[Token], ActorMention | None] | None = None,
) -> Callable[[Token, str | None], tuple[ActorMention, ActorMention] | None]:
    """Resolve "the two leaders": the last two actors of different codes before it, other
    than an excluded one (the mediator of "talks between the two sides"); a "his"/"her"
    of the sentence counts as the person it refers to ("his visit to X, during which the
    two countries signed": his country and X)."""
    previous = [s for s in sentences if s.paragraph >= sentence.paragraph - 1]
    window_start = min((s.start for s in previous), default=sentence.start)

    def pair(token: Token, exclude: str | None = None) -> tuple[ActorMention, ActorMention] | None:
        stop = bisect.bisect_left(starts, sentence.start + token.idx)
        told = [(m.start, m) for m in mentions[:stop] if m.start >= window_start]
        if resolve is not None:
            for word in token.doc[: token.i]:
                if word.lower_ in ("his", "her") and word.pos_ == "PRON":
                    owner = resolve(word)
                    if owner is not None:
                        told.append((sentence.start + word.idx, owner))
        if token.lower_ in _PEOPLE:  # "the two men": the people named, not their states
            told = [(at, m) for at, m in told if m.kind in ("person", "role")]
        elif token.lower_ in _STATES:  # "the two governments": states, not a bloc
            told = [(at, m) for at, m in told if m.kind != "org"]
        found: list[ActorMention] = []
        for _, mention in sorted(told, key=lambda pair: pair[0], reverse=True):
            if (
                mention.kind != "capital"
                and mention.code != exclude
                and all(m.code != mention.code for m in found)
            ):
                found.append(mention)
            if len(found) == 2:
                named = named_pair(previous, [m for _, m in told], exclude)
                if named is not None and {found[0].code, found[1].code} & {
                    named[0].code,
                    named[1].code,
                }:
                    return named  # "E hosted A and B ... the two sides": A and B, not E
                return found[1], found[0]
        return None

    return pair


def counterpart_of(mentions: list[ActorMention]) -> Callable[[str, str], ActorMention | None]:
    """The most mentioned actor of the article other than a given source (ties: first seen)."""
    counts = Counter(m.code for m in mentions if m.kind != "capital")
    first: dict[str, ActorMention] = {}
    for mention in mentions:
        first.setdefault(mention.code, mention)

    def find(source: str, cameo: str = "") -> ActorMention | None:
        ranked = [code for code, _ in counts.most_common() if code != source]
        return first[ranked[0]] if ranked else None

    return find


def recent_first(counterpart: Counterpart, last: Act | None) -> Counterpart:
    """The other party of the story for a source: the target of the act of the same kind
    it was told doing just before ("NATO invited X ... The invitation was agreed"), else
    the article's."""
    if last is None:
        return counterpart
    told = last

    def find(source: str, cameo: str) -> ActorMention | None:
        if told.source.code == source and told.cameo[:2] == cameo[:2]:
            return told.target
        return counterpart(source, cameo)

    return find


def reacted_to(told: list[Act]) -> Reacted:
    """Whose act a party reacts to when it "welcomed the decision": the author of the
    latest one-way act told aimed at that party (a meeting or a signing names no author)."""

    def find(reactor: str) -> ActorMention | None:
        for act in reversed(told):
            if act.target.code == reactor and not act.cameo.startswith(("03", "04", "057")):
                return act.source
        return None

    return find
