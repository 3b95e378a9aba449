"""The head of an article as the coder reads it: headline, dateline and lead.

The dateline ("MOSCOW —") or the opening words of the lead name the country the story
is told from, which codes untitled officials; the parser reads a Title-Case headline
better with its common words lower-cased, and a sentence without its dateline.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from pipeline.coding.actors import ActorMention, find_actors
from pipeline.coding.gazetteer import Gazetteer
from pipeline.coding.sentences import Sentence, find_dateline

__all__ = ["home_country", "parser_text", "sentence_case"]


def home_country(text: str, sentences: list[Sentence], gazetteer: Gazetteer) -> str | None:
    """The country of the dateline ("MOSCOW —"), which codes untitled officials."""
    dateline = find_dateline(text)
    if dateline:
        for mention in find_actors(dateline, gazetteer, day=date(2000, 1, 1)):
            return mention.code
    body = [s for s in sentences if not s.is_title]
    if not body:
        return None
    lead = body[0].text[:60]
    for separator in ("—", " -- ", " – ", "(", ":"):
        if separator in lead:
            head = lead.split(separator)[0]
            for mention in find_actors(head, gazetteer, day=date(2000, 1, 1)):
                return mention.code
    return None


_PNG = re.compile(r"persona non grata", re.IGNORECASE)


def sentence_case(sentence: Sentence, mentions: list[ActorMention], starts: list[int]) -> str:
    """A Title-Case headline with its common words lower-cased (same length), for the tagger."""
    text = sentence.text
    words = text.split()
    if not sentence.is_title or len(words) < 4:
        return text
    if sum(w[:1].isupper() for w in words) < 0.7 * len(words):
        return text
    first = bisect.bisect_left(starts, sentence.start)
    stop = bisect.bisect_left(starts, sentence.end, lo=first)
    protected = [(m.start - sentence.start, m.end - sentence.start) for m in mentions[first:stop]]
    chars = list(text)
    for match in re.finditer(r"[A-Z][a-z]+", text):
        inside = any(a <= match.start() < b for a, b in protected)
        if match.start() > 0 and not inside:
            chars[match.start()] = chars[match.start()].lower()
    return "".join(chars)


def parser_text(text: str) -> str:
    """Text the small parser reads better, same length: "persona non grata" as one adjective.
    (The lead's dateline, which the parser would take for the subject, never reaches it:
    :func:`pipeline.coding.sentences.split_sentences` cuts it off.)"""
    return _PNG.sub(lambda m: "unwelcome".ljust(len(m.group())), text)
