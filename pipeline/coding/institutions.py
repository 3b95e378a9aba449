"""Institutions and officials named without their country: "the foreign ministry said".

News writing names a state once and then its organs bare: "the foreign ministry",
"the ministry", "the presidency", "the government", "the prime minister's office",
"the defence minister", "the government spokesman". Such a mention codes the state
the text makes obvious, by these rules in order of evidence:

1. the state named just before it in the same sentence, when only one is named there
   or one opens the sentence ("Algeria recalled its envoy and the ministry said");
2. the subject of the sentence before, when it opens with a state or its official
   ("Algeria closed its airspace. The ministry said"), unless two states open it;
3. the dateline's country, when the headline is about that country (its first actor);
4. the country of the last official named before it whose office fits the organ
   ("Foreign Minister X ... the foreign ministry").

When the article names the same organ of two states ("Mali's foreign ministry ...
Algeria's foreign ministry"), rules 3 and 4 stand down: the bare organ is ambiguous.
An organ followed by "of" or "in <capital>" is left to the names it carries.
"""

from __future__ import annotations

import bisect
import re

from pipeline.coding.actors import ActorMention
from pipeline.coding.sentences import Sentence

__all__ = ["find_institutions"]

_FOREIGN = (
    r"(?:foreign|external\s+affairs)\s+(?:ministry|office)"
    r"|ministry\s+of\s+(?:foreign|external)\s+affairs"
)
_DEFENCE = r"defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e"
_ORGAN = re.compile(
    rf"\b[Tt]he\s+(?i:(?P<foreign>{_FOREIGN})|(?P<defence>{_DEFENCE})"
    r"|(?P<fminister>foreign\s+minister)|(?P<dminister>defen[cs]e\s+minister)"
    r"|(?P<office>prime\s+minister['’]s\s+office|presidency)"
    r"|(?P<spokes>(?:(?:foreign\s+)?ministry\s+|government\s+)?spokes(?:man|woman|person))"
    r"|(?P<ministry>ministry)|(?P<government>government|cabinet))\b"
    r"(?!['’]s)(?![ \t]+of\b)"
)
_SEAT = re.compile(r"[ \t]+(?:in|at)[ \t]+(?=[A-Z])")

# the office whose holder's country an organ shares (rule 4)
_OFFICES: dict[str, frozenset[str]] = {
    "foreign": frozenset({"foreign_minister"}),
    "fminister": frozenset({"foreign_minister"}),
    "defence": frozenset({"defence_minister"}),
    "dminister": frozenset({"defence_minister"}),
    "office": frozenset({"head_of_state", "head_of_government"}),
}
_ANY_OFFICE = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
)
_ROLES = {
    "foreign": "foreign_minister",
    "fminister": "foreign_minister",
    "defence": "defence_minister",
    "dminister": "defence_minister",
}
_PEOPLE = frozenset({"fminister", "dminister", "spokes"})

_NATIONAL = frozenset({"state", "demonym", "institution", "person", "role"})
_SUBJECT_REACH = 40  # characters from a sentence's start within which its subject opens it
# "Mali's foreign ministry", "the Malian foreign ministry": the organ of a named state
_NAMED_ORGAN = re.compile(
    r"\s*(?:['’]s\s+)?(?:(?P<foreign>foreign\s+ministry|ministry\s+of\s+foreign)|"
    r"(?P<defence>defen[cs]e\s+ministry)|(?P<government>government)|(?P<ministry>ministry))\b",
    re.IGNORECASE,
)


def _national(mention: ActorMention) -> bool:
    return mention.kind in _NATIONAL and len(mention.code) == 3


def _named_organs(text: str, mentions: list[ActorMention]) -> dict[str, set[str]]:
    """The states whose organ of each kind the article names explicitly."""
    named: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.kind not in ("state", "demonym"):
            continue
        found = _NAMED_ORGAN.match(text, mention.end)
        if found is not None and found.lastgroup is not None:
            named.setdefault(found.lastgroup, set()).add(mention.code)
    return named


def _sentence_of(sentences: list[Sentence], position: int) -> int | None:
    for k, sentence in enumerate(sentences):
        if sentence.start <= position < sentence.end:
            return k
    return None


def _opening(sentence: Sentence, mentions: list[ActorMention]) -> set[str] | None:
    """The codes of the actors that open a sentence (its subject), or None."""
    inside = [m for m in mentions if sentence.start <= m.start < sentence.end and _national(m)]
    if not inside or inside[0].start - sentence.start > _SUBJECT_REACH:
        return None
    codes = {inside[0].code}
    for other in inside[1:]:
        between = sentence_text_between(sentence, inside[0].end, other.start)
        if re.fullmatch(r"\s*(?:['’]s(?:\s+\w+){1,3}\s+)?(?:and|,)\s*", between):
            codes.add(other.code)  # "Algeria and Tunisia ...": two subjects
        break
    return codes


def sentence_text_between(sentence: Sentence, start: int, end: int) -> str:
    """The text of a sentence between two article offsets."""
    return sentence.text[start - sentence.start : end - sentence.start]


def _headline_home(
    home: str | None, sentences: list[Sentence], mentions: list[ActorMention]
) -> bool:
    """Whether the story is about the dateline's country: the headline's first actor."""
    if home is None or not sentences:
        return False
    first = sentences[0]
    inside = [m for m in mentions if first.start <= m.start < first.end and _national(m)]
    return bool(inside) and inside[0].code == home


def _resolve(
    group: str,
    start: int,
    sentences: list[Sentence],
    mentions: list[ActorMention],
    home_story: str | None,
    ambiguous: bool,
) -> str | None:
    k = _sentence_of(sentences, start)
    if k is None:
        return None
    sentence = sentences[k]
    before = [m for m in mentions if sentence.start <= m.start < start and _national(m)]
    if before:
        opening = _opening(sentence, mentions)
        if opening is not None and len(opening) == 1:
            return next(iter(opening))
        codes = {m.code for m in before}
        return next(iter(codes)) if len(codes) == 1 else None
    if k > 0 and not sentences[k - 1].is_title:
        opening = _opening(sentences[k - 1], mentions)
        if opening is not None:
            return next(iter(opening)) if len(opening) == 1 else None
    if ambiguous:
        return None
    if home_story is not None:
        return home_story
    offices = _OFFICES.get(group, _ANY_OFFICE)
    for mention in reversed(mentions[: bisect.bisect_left([m.start for m in mentions], start)]):
        if mention.kind in ("person", "role") and mention.role in offices:
            return mention.code
    return None


def find_institutions(
    text: str, sentences: list[Sentence], mentions: list[ActorMention], home: str | None
) -> list[ActorMention]:
    """``mentions`` with the article's bare organs of state added where the text makes
    their state obvious, in text order."""
    if not mentions:
        return mentions
    named = _named_organs(text, mentions)
    home_story = home if _headline_home(home, sentences, mentions) else None
    found = list(mentions)
    for match in _ORGAN.finditer(text):
        start, end = match.start(), match.end()
        if any(m.start < end and start < m.end for m in found):
            continue
        group = match.lastgroup or "government"
        seat = _SEAT.match(text, end)
        if seat is not None:  # "the foreign ministry in Moscow": the capital's state, or none
            place = next((m for m in found if m.start == seat.end()), None)
            if place is not None and place.kind == "capital":
                _insert(found, ActorMention(start, place.end, place.code, "institution"))
                found.remove(place)
            continue
        kind_named = named.get(group, set()) | named.get(
            "ministry" if group != "government" else "government", set()
        )
        code = _resolve(group, start, sentences, found, home_story, len(kind_named) > 1)
        if code is None:
            continue
        kind = "role" if group in _PEOPLE else "institution"
        _insert(found, ActorMention(start, end, code, kind, None, _ROLES.get(group)))
    return found


def _insert(mentions: list[ActorMention], mention: ActorMention) -> None:
    mentions.insert(bisect.bisect_left([m.start for m in mentions], mention.start), mention)
