"""Rebuttals: a hostile act alleged by one party in one sentence and denied by its author
in the next.

News copy often tells a charge and its rebuttal in two sentences: '"Ruritanian gunboats
fired on our fishing fleet," the coastguard said. Ruritania's navy denied the claim.' The
shelling is then a denied act of Ruritania, while the charge itself (the coastguard's)
stays a done act: only acts whose source is the denier are denied.

The rule is kept narrow, for a rebuttal in the next sentence may be about anything:

* the act is hostile (CAMEO roots 11-20) and its sentence is told on another party's word
  ("..., the coastguard said", "according to ...");
* the denial's object is bare: "denied the claim." or "dismissed the reports as false",
  never "denied the reports that ..." or "the claims of ...", which name what is denied;
* "rejected" is no rebuttal verb ("rejected the claims of casualties" disputes a figure).
"""

from __future__ import annotations

import re

from pipeline.coding.actors import ActorMention
from pipeline.coding.sentences import Sentence

__all__ = ["is_rebutted", "rebutter_of"]

_REBUTTAL = re.compile(
    r"\b(?:denied|dismissed|refuted|rebutted)\s+(?:the|this|that|these|those|such)\s+"
    r"(?:\w+\s+)?(?:allegations?|accusations?|claims?|charges?|reports?)"
    r"(?=\s*(?:[.,;:!?\"'\u201d\u2019]|$)|\s+as\s+(?:false|baseless|groundless|unfounded|"
    r"untrue|fabricated|lies|nonsense|propaganda)\b)",
    re.IGNORECASE,
)

#: How far into the next sentence the rebuttal's verb may stand (its subject comes first).
_SUBJECT_SPAN = 90

#: Words that put a sentence on someone's word: "X said", "said X", "according to X".
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|according\s+to|told|claimed|alleged|reported)\b", re.IGNORECASE
)

#: What closes a speaker's phrase around an attribution word.
_PHRASE_END = re.compile(r"[,;:\"\u201c\u201d]")

_HOSTILE_ROOTS = frozenset(f"{n:02d}" for n in range(11, 21))


def rebutter_of(
    sentences: list[Sentence], sentence: Sentence, mentions: list[ActorMention]
) -> str | None:
    """The code of the actor who, in the sentence right after ``sentence``, denies "the
    allegation" or "the claims" outright (named before the verb, as its subject), or None."""
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


def is_rebutted(
    sentences: list[Sentence],
    sentence: Sentence,
    mentions: list[ActorMention],
    source: str,
    root: str,
) -> bool:
    """Whether the act of ``source`` (CAMEO ``root``) told in ``sentence`` is a charge
    its author denies in the next sentence (module doc)."""
    if root not in _HOSTILE_ROOTS or not _told_by_another(sentence, mentions, source):
        return False
    return source == rebutter_of(sentences, sentence, mentions)


def _told_by_another(sentence: Sentence, mentions: list[ActorMention], source: str) -> bool:
    """Whether the sentence is told on the word of someone other than ``source``: an
    attribution word whose speaker phrase names no mention of ``source``. The speaker
    stands before the word back to the nearest comma or quote ("X said that ..."), or
    after it up to the next one ('"...," said X', "according to X")."""
    text = sentence.text
    for cue in _ATTRIBUTION.finditer(text):
        before = [m.end() for m in _PHRASE_END.finditer(text, 0, cue.start())]
        low = before[-1] if before else 0
        if text[low : cue.start()].strip() and not cue.group().lower().startswith("according"):
            high = cue.start()
        else:
            after = _PHRASE_END.search(text, cue.end())
            low, high = cue.end(), after.start() if after else len(text)
        speakers = [
            m
            for m in mentions
            if sentence.start + low <= m.start and m.end <= sentence.start + high
        ]
        if not any(m.code == source for m in speakers):
            return True
    return False
