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
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from pipeline.coding.gazetteer import Entry, Gazetteer, Word, normalize_word, split_words

__all__ = ["ActorMention", "find_actors"]

_PARTICLES = frozenset(
    {"von", "der", "van", "de", "da", "di", "al", "bin", "ibn", "le", "la", "du"}
)
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "On",
        "In",
        "At",
        "But",
        "And",
        "Or",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "After",
        "Before",
        "While",
        "When",
        "Meanwhile",
        "However",
        "Yet",
        "Also",
        "Said",
        "Says",
        "Told",
        "Who",
        "Which",
        "Whose",
        # prepositions of Title-Case headlines ("Talks With US")
        "With",
        "To",
        "For",
        "Of",
        "From",
        "By",
        "As",
        "Over",
        "Against",
        "Into",
        "Amid",
        "Under",
    ]
)
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


@dataclass(slots=True)
class _Item:
    kind: str  # "G" gazetteer, "T" title, "N" name-like word, "O" other
    first: int
    last: int  # inclusive word index
    entry: Entry | None = None
    role: str | None = None


def _same_line(text: str, words: list[Word], first: int, last: int) -> bool:
    return "\n" not in text[words[first].start : words[last].end]


def _match_gazetteer(
    text: str, words: list[Word], norms: list[str], i: int, gaz: Gazetteer, day: date
) -> tuple[int, Entry] | None:
    first = norms[i]
    if first not in gaz.first_words and not (first.isupper() and first.title() in gaz.first_words):
        return None
    for size in range(min(gaz.max_ngram, len(words) - i), 0, -1):
        last = i + size - 1
        if size > 1 and not _same_line(text, words, i, last):
            continue
        parts = norms[i : last + 1]
        entry = gaz.lookup(parts, day)
        if entry is None and all(p.isupper() and len(p) > 3 for p in parts):
            entry = gaz.lookup([p.title() for p in parts], day)
        if entry is not None:
            return last, entry
    return None


_INTERIM = frozenset({"acting", "interim", "caretaker"})


def _match_title(words: list[Word], i: int, gaz: Gazetteer) -> tuple[int, str] | None:
    """The last word and role of a title at word ``i`` ("acting prime minister" holds one)."""
    if words[i].text.lower() in _INTERIM and i + 1 < len(words):
        return _match_title(words, i + 1, gaz)
    if words[i].text.lower().rstrip(".") not in gaz.title_words:
        return None
    for size in range(min(4, len(words) - i), 0, -1):
        phrase = " ".join(w.text.lower() for w in words[i : i + size]).rstrip(".")
        role = gaz.titles.get(phrase)
        if role is not None:
            return i + size - 1, role
    return None


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word) and word not in _NOT_NAMES


def _items(text: str, words: list[Word], gaz: Gazetteer, day: date) -> list[_Item]:
    norms = [normalize_word(w.text) for w in words]
    items: list[_Item] = []
    i = 0
    while i < len(words):
        found = _match_gazetteer(text, words, norms, i, gaz, day)
        if found is not None and _part_of_a_name(text, words, norms, i, found[0], gaz, items):
            found = None
        if found is not None:
            items.append(_Item("G", i, found[0], entry=found[1]))
            i = found[0] + 1
            continue
        title = _match_title(words, i, gaz)
        if title is not None:
            items.append(_Item("T", i, title[0], role=title[1]))
            i = title[0] + 1
            continue
        items.append(_Item("N" if _is_name_word(norms[i]) else "O", i, i))
        i += 1
    return items


def _part_of_a_name(
    text: str,
    words: list[Word],
    norms: list[str],
    first: int,
    last: int,
    gaz: Gazetteer,
    items: list[_Item],
) -> bool:
    """An ambiguous term inside a personal name: "Jordan Bardella", "Michael Jordan"."""
    if " ".join(norms[first : last + 1]) not in gaz.ambiguous:
        return False
    after = last + 1
    if (
        after < len(words)
        and not _ends_sentence(words[last].text)
        and _same_line(text, words, last, after)
        and _is_name_word(norms[after])
        and _match_title(words, after, gaz) is None
        and (gaz.lookup([norms[after]]) is None or gaz.lookup([norms[after]]).kind == "person")  # type: ignore[union-attr]
    ):
        return True
    return (
        bool(items)
        and items[-1].kind == "N"
        and items[-1].last == first - 1
        and not _ends_sentence(words[first - 1].text)
        and _same_line(text, words, first - 1, first)
    )


def _name_run(items: list[_Item], k: int, words: list[Word]) -> int:
    """Index of the last item of a personal name starting at item ``k`` (or ``k - 1``)."""
    end = k - 1
    j = k
    while j < len(items) and j - k < 4:
        item = items[j]
        if item.kind == "N" or (
            item.kind == "O"
            and words[item.first].text in _PARTICLES
            and j + 1 < len(items)
            and items[j + 1].kind == "N"
        ):
            end = j
            j += 1
            if words[item.last].text.endswith((",", "'s", "’s")) or words[item.last].text.endswith(
                "."
            ):
                break
            continue
        break
    return end


def _ends_sentence(word: str) -> bool:
    return word.endswith(".") and "." not in word[:-1]


def _add(
    mentions: list[ActorMention], known: dict[str, ActorMention], mention: ActorMention
) -> None:
    """Record a mention; a named person's name words resolve later bare mentions ("Kim")."""
    mentions.append(mention)
    if mention.kind == "person" and mention.name:
        for part in mention.name.split():
            if len(part) > 2 and part[:1].isupper() and part not in _NOT_NAMES:
                known.setdefault(part, mention)
        known.setdefault(mention.name, mention)


def _inside_other_name(items: list[_Item], k: int, words: list[Word]) -> bool:
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
    return not _ends_sentence(previous) and previous[:1].isupper()


def _mention(
    words: list[Word],
    first: int,
    last: int,
    code: str,
    kind: str,
    name: str | None = None,
    role: str | None = None,
) -> ActorMention:
    end = words[last].end - (1 if _ends_sentence(words[last].text) else 0)
    return ActorMention(words[first].start, end, code, kind, name, role)


def _person_name(words: list[Word], items: list[_Item], first: int, last: int) -> str:
    text = " ".join(
        normalize_word(words[i].text)
        for it in items[first : last + 1]
        for i in range(it.first, it.last + 1)
    )
    return text.strip(",")


def find_actors(
    text: str, gaz: Gazetteer, *, day: date, home: str | None = None
) -> list[ActorMention]:
    """Every actor mention of ``text`` in order; ``home`` codes titled people of unknown nationality."""
    words = split_words(text)
    items = _items(text, words, gaz, day)
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
            and not _ends_sentence(words[item.last].text)
            else None
        )
        titles_at = k + 1 if nat else k
        t = titles_at
        role: str | None = None
        while (
            t < len(items)
            and items[t].kind == "T"
            and _same_line(text, words, items[k].first, items[t].last)
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
            end = _name_run(items, t, words)
            if end >= t:
                name = _person_name(words, items, t, end)
                code = nat.code if nat else home
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
            end = _name_run(items, k, words)
            name = _person_name(words, items, k, end)
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
