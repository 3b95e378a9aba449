"""Candidates: what an act read in a sentence becomes — a ``Candidate`` with its type and
codes, actors and their sectors, date and precision, evidence span and confidence — and
the key that makes two tellings of one act in an article one candidate.
"""

from __future__ import annotations

from datetime import date

from pipeline.coding.actors import ActorMention
from pipeline.coding.cameo import build_cameo, plover_mode, plover_type
from pipeline.coding.confidence import describe
from pipeline.coding.dates import DateSpan
from pipeline.coding.dating import date_precision, pick_span
from pipeline.coding.discourse import inside_quote, quote_spans
from pipeline.coding.events import Act
from pipeline.coding.gazetteer import Gazetteer
from pipeline.coding.locations import third_place_cameo
from pipeline.coding.sentences import Sentence
from pipeline.models import Actor, Candidate, CleanArticle

__all__ = ["HISTORY_YEARS", "actor_of", "build_candidate", "candidate_key", "most_precise"]

#: Acts dated further back than this are history told as background, not events.
HISTORY_YEARS = 20

_PRECISION_ORDER = ("day", "week", "month", "year", "default")


def most_precise(
    chosen: tuple[Candidate, dict[str, float]], *tellings: tuple[Candidate, dict[str, float]]
) -> tuple[Candidate, dict[str, float]]:
    """The chosen telling of an act, with the date precision of its most exact telling on the
    same day ("Riyadh expels envoy" and "the recall, announced late on Sunday, ...")."""
    levels = [t[0].date_precision or "default" for t in tellings]
    best = min(levels, key=_PRECISION_ORDER.index)
    candidate, features = chosen
    if _PRECISION_ORDER.index(best) < _PRECISION_ORDER.index(candidate.date_precision or "default"):
        return candidate.model_copy(update={"date_precision": best}), features
    return chosen


def actor_of(mention: ActorMention, gazetteer: Gazetteer) -> Actor:
    """The coded actor, with its CAMEO sector: IGO, MIL (defence) or GOV."""
    if not gazetteer.is_state(mention.code):
        sector = "IGO"
    elif mention.role == "defence_minister":
        sector = "MIL"
    else:
        sector = "GOV"
    return Actor(code=mention.code, name=mention.name, sector=sector)


def build_candidate(
    article: CleanArticle,
    sentence: Sentence,
    act: Act,
    dates: list[DateSpan],
    published: date,
    actors: dict[int, ActorMention],
    gazetteer: Gazetteer,
) -> tuple[Candidate, dict[str, float]] | None:
    """The candidate an act of a sentence makes, with the features its confidence is
    scored from; None for an act with no PLOVER type, aimed at its own source, or
    dated as history."""
    plover = plover_type(act.cameo)
    if plover is None or act.source.code == act.target.code:
        return None
    span = pick_span(
        (act.trigger_start, act.trigger_end),
        act.status,
        dates,
        published,
        sentence.text,
        act.foreign,
        act.own,
    )
    if span is not None and published.year - span.day.year > HISTORY_YEARS:
        return None  # "Peru, which invaded Chile in 1879, ...": history, not news
    quoted = inside_quote(sentence.start + act.trigger_start, quote_spans([sentence], sentence))
    features = describe(
        prior=act.confidence,
        cameo=act.cameo,
        status=act.status,
        source_kind=act.source.kind,
        target_kind=act.target.kind,
        named_source=act.source.name is not None,
        title=sentence.is_title,
        quoted=quoted,
        words=len(sentence.text.split()),
        actors=len({m.code for m in actors.values()}),
        dated=span is not None,
    )
    candidate = Candidate(
        article_id=article.article_id,
        outlet=article.outlet,
        url=article.url,
        published_at=article.published_at,
        type=plover,
        mode=plover_mode(act.cameo),
        cameo=build_cameo(
            third_place_cameo(
                act.cameo, act.location, (act.source.code, act.target.code), gazetteer
            )
        ),
        source=actor_of(act.source, gazetteer),
        target=actor_of(act.target, gazetteer),
        status=act.status,
        location=act.location,
        date=span.day if span is not None else published,
        date_precision=date_precision(span),
        sentence=article.text[sentence.start : sentence.end],
        start=sentence.start,
        end=sentence.end,
        confidence=_confidence(act, sentence, quoted),
        content_hash=article.content_hash,
        fingerprint=list(article.fingerprint),
    )
    return candidate, features


def candidate_key(candidate: Candidate) -> tuple[str, str, str, str, date]:
    """One candidate per act of an article: type (signing apart), parties, status, day."""
    source = candidate.source.code
    target = candidate.target.code if candidate.target else ""
    kind = candidate.type + ("/057" if candidate.cameo.code == "057" else "")
    if candidate.type == "SANCTION":  # recalling envoys and closing airspace: two acts
        kind += "/" + candidate.cameo.code[:3]
    if candidate.type in ("CONSULT", "COOPERATE") or candidate.cameo.code == "057":
        source, target = sorted((source, target))
    return (kind, source, target, candidate.status, candidate.date)


def _confidence(act: Act, sentence: Sentence, quoted: bool) -> float:
    """The act's confidence, lowered where the reading is weaker.

    Headlines parse worst, quoted speech (``quoted``: the trigger is inside quotation
    marks) is often hypothetical, and long sentences give the parser more room to
    attach an argument to the wrong verb.
    """
    value = act.confidence
    if sentence.is_title:
        value -= 0.05
    if quoted:
        value -= 0.1
    if len(sentence.text.split()) > 45:
        value -= 0.05
    return round(min(0.95, max(0.05, value)), 2)
