"""Rebuttals: an act alleged in one sentence and denied by its author in the next.

News copy often tells a charge and its rebuttal in two sentences: '"The Cambodian side
launched attacks into Thai territory," the army said. Cambodia's defence ministry denied
the allegation.' The attack is then a denied act of Cambodia, while the accusation
itself (Thailand's) stays a done act: only acts whose source is the denier are denied.
"""

from __future__ import annotations

import re

from pipeline.coding.actors import ActorMention
from pipeline.coding.sentences import Sentence

__all__ = ["rebutter_of"]

_REBUTTAL = re.compile(
    r"\b(?:denied|rejected|dismissed|refuted|rebutted)\s+(?:the|this|that|these|those|such)\s+"
    r"(?:\w+\s+)?(?:allegations?|accusations?|claims?|charges?|reports?)\b",
    re.IGNORECASE,
)

#: How far into the next sentence the rebuttal's verb may stand (its subject comes first).
_SUBJECT_SPAN = 90


def rebutter_of(
    sentences: list[Sentence], sentence: Sentence, mentions: list[ActorMention]
) -> str | None:
    """The code of the actor who, in the sentence right after ``sentence``, denies "the
    allegation" or "the claims" (named before the verb, as its subject), or None."""
    following = [s for s in sentences if s.start >= sentence.end]
    if not following:
        return None
    nxt = following[0]
    match = _REBUTTAL.search(nxt.text)
    if match is None or match.start() > _SUBJECT_SPAN:
        return None
    verb_at = nxt.start + match.start()
    named = [m for m in mentions if nxt.start <= m.start and m.end <= verb_at]
    return named[0].code if named else None
