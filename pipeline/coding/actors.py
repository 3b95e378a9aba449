"""Actor mentions: gazetteer names, titled people, role phrases and appositions.

One pass over an article's words finds every mention of a political actor, with
its character offsets, its code and, for a person, the name:

* gazetteer surface forms (states, demonyms, capitals as metonymy, institutions,
  organisations, leaders);
* titled people outside the gazetteer, resolved from the text: "Kenyan President
  William Ruto", "Foreign Minister Jean-Noël Barrot", "Sheinbaum, Mexico's president";
* role phrases without a name ("the Ukrainian foreign minister", "Russia's
  president"), resolved to the office holder of the article's date when known.

People found by title are remembered for the article, so a later "Ruto" resolves.
The words are first cut into chunks (``pipeline.coding.chunks``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from pipeline.coding.chunks import (
    Chunk,
    chunk_words,
    name_run,
    person_name,
    role_apposition,
    same_line,
    sole_state,
    titled_name,
)
from pipeline.coding.gazetteer import Gazetteer, Word, normalize_word, split_words
from pipeline.coding.names import NOT_NAMES, ends_sentence

__all__ = [
    "ActorMention",
    "find_actors",
]

_NATIONAL = frozenset({"state", "demonym", "org", "institution", "capital"})

_ROLE_OFFICES = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "org_head"}
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of the article naming a political actor."""

    start: int
    end: int
    code: str
    kind: str
    name: str | None = None
    role: str | None = None


def _add(
    mentions: list[ActorMention], known: dict[str, ActorMention], mention: ActorMention
) -> None:
    """Record a mention; a named person's name words resolve later bare mentions ("Kim")."""
    mentions.append(mention)
    if mention.kind == "person" and mention.name:
        for part in mention.name.split():
            if len(part) > 2 and part[:1].isupper() and part not in NOT_NAMES:
                known.setdefault(part, mention)
        known.setdefault(mention.name, mention)


def _inside_other_name(items: list[Chunk], k: int, words: list[Word]) -> bool:
    """Whether a one-word organisation match is the tail of another proper name."""
    item = items[k]
    if (
        item.entry is None
        or item.entry.kind not in ("org", "institution")
        or item.first != item.last
    ):
        return False
    if k == 0 or items[k - 1].kind != "N":
        return False
    previous = words[items[k - 1].last].text
    return not ends_sentence(previous) and previous[:1].isupper()


def _mention(
    words: list[Word],
    first: int,
    last: int,
    code: str,
    kind: str,
    name: str | None = None,
    role: str | None = None,
) -> ActorMention:
    end = words[last].end - (1 if ends_sentence(words[last].text) else 0)
    return ActorMention(words[first].start, end, code, kind, name, role)


def find_actors(
    text: str, gaz: Gazetteer, *, day: date, home: str | None = None
) -> list[ActorMention]:
    """Every actor mention of ``text`` in order; ``home`` codes titled people of unknown nationality."""
    words = split_words(text)
    items = chunk_words(text, words, gaz, day)
    mentions: list[ActorMention] = []
    known: dict[str, ActorMention] = {}
    k = 0
    while k < len(items):
        item = items[k]
        nat = (
            item.entry
            if item.kind == "G"
            and item.entry
            and item.entry.kind in _NATIONAL
            and not ends_sentence(words[item.last].text)
            else None
        )
        titles_at = k + 1 if nat else k
        t = titles_at
        role: str | None = None
        while (
            t < len(items)
            and items[t].kind == "T"
            and same_line(text, words, items[k].first, items[t].last)
        ):
            role = role or items[t].role
            t += 1
        if t > titles_at:  # a title: look for the person it introduces
            start_word = items[k].first
            nxt = items[t] if t < len(items) else None
            if nxt is not None and nxt.kind == "G" and nxt.entry and nxt.entry.kind == "person":
                _add(
                    mentions,
                    known,
                    _mention(
                        words,
                        start_word,
                        nxt.last,
                        nxt.entry.code,
                        "person",
                        nxt.entry.name,
                        nxt.entry.role,
                    ),
                )
                k = t + 1
                continue
            at, end = titled_name(items, words, t, apposed=nat is not None)
            if end >= at:
                name = person_name(words, items, at, end)
                code = (
                    nat.code if nat else (sole_state(gaz, words, items, titles_at, t - 1) or home)
                )
                if code is not None:
                    found = _mention(words, start_word, items[end].last, code, "person", name, role)
                    _add(mentions, known, found)
                    known[name] = found
                    known[name.split()[-1]] = found
                k = end + 1
                continue
            if nat is not None:  # a role phrase: "the Russian president"
                leader = gaz.leader_for(nat.code, role, day) if role in _ROLE_OFFICES else None
                _add(
                    mentions,
                    known,
                    _mention(
                        words,
                        start_word,
                        items[t - 1].last,
                        nat.code,
                        "person" if leader else "role",
                        leader.name if leader else None,
                        role,
                    ),
                )
                k = t
                continue
        if item.kind == "G" and item.entry is not None:
            entry = item.entry
            if _inside_other_name(items, k, words):  # "High Commission", "Security Council of X"
                k += 1
                continue
            _add(
                mentions,
                known,
                _mention(
                    words, item.first, item.last, entry.code, entry.kind, entry.name, entry.role
                ),
            )
            k += 1
            continue
        if item.kind == "N":
            end = name_run(items, k, words)
            name = person_name(words, items, k, end)
            # apposition: "Sheinbaum, Mexico's president" / "Ruto, the Kenyan leader"
            after = end + 1
            comma = after < len(items) and words[items[after].first].text == ","
            if comma:
                after += 1
            if after < len(items) and words[items[after].first].text.lower() == "the":
                after += 1
            nat_entry = items[after].entry if comma and after + 1 < len(items) else None
            if (
                nat_entry is not None
                and items[after].kind == "G"
                and nat_entry.kind in ("state", "demonym")
                and items[after + 1].kind == "T"
                and after > end + 1
            ):
                found = _mention(
                    words,
                    items[k].first,
                    items[end].last,
                    nat_entry.code,
                    "person",
                    name,
                    items[after + 1].role,
                )
                _add(mentions, known, found)
                known[name] = found
                known[name.split()[-1]] = found
                k = after + 2
                continue
            sole = role_apposition(gaz, words, items, after) if comma and after > end + 1 else None
            if sole is not None:  # "Lee, the secretary of state, said": a title of one state
                found = _mention(
                    words,
                    items[k].first,
                    items[end].last,
                    sole[1],
                    "person",
                    name,
                    items[after].role,
                )
                _add(mentions, known, found)
                known[name] = found
                known[name.split()[-1]] = found
                k = sole[0]
                continue
            remembered = known.get(name)
            if remembered is not None:
                _add(
                    mentions,
                    known,
                    replace(
                        remembered,
                        start=words[items[k].first].start,
                        end=words[items[end].last].end,
                    ),
                )
            else:
                for j in range(k, end + 1):
                    single = known.get(normalize_word(words[items[j].first].text))
                    if single is not None:
                        _add(
                            mentions,
                            known,
                            _mention(
                                words,
                                items[j].first,
                                items[j].last,
                                single.code,
                                "person",
                                single.name,
                                single.role,
                            ),
                        )
            k = end + 1
            continue
        k += 1
    return mentions
