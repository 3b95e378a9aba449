"""The chunks of an article's words that actor finding reads.

Each word, or run of words, is a gazetteer match ("G", the longest on one line,
not an ambiguous term inside a personal name such as "Jordan Bardella"), a title
("T": "foreign minister", "acting prime minister"), a name-like word ("N") or
another word ("O"); runs of name-like words (with particles: "von der Leyen") make
a personal name. A title may name its one state without a country word ("the
secretary of state", alone or in apposition): :func:`sole_state`, :func:`role_apposition`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.coding.gazetteer import Entry, Gazetteer, Word, normalize_word
from pipeline.coding.names import ends_sentence, is_name_word

__all__ = [
    "Chunk",
    "chunk_words",
    "name_run",
    "person_name",
    "role_apposition",
    "same_line",
    "sole_state",
    "titled_name",
]

_PARTICLES = frozenset(
    {"von", "der", "van", "de", "da", "di", "al", "bin", "ibn", "le", "la", "du"}
)


@dataclass(slots=True)
class Chunk:
    """A word or run of words of the article, classified for actor finding."""

    kind: str  # "G" gazetteer, "T" title, "N" name-like word, "O" other
    first: int
    last: int  # inclusive word index
    entry: Entry | None = None
    role: str | None = None


def same_line(text: str, words: list[Word], first: int, last: int) -> bool:
    """Whether the words ``first`` to ``last`` stand on one line."""
    return "\n" not in text[words[first].start : words[last].end]


def _match_gazetteer(
    text: str, words: list[Word], norms: list[str], i: int, gaz: Gazetteer, day: date
) -> tuple[int, Entry] | None:
    first = norms[i]
    if first not in gaz.first_words and not (first.isupper() and first.title() in gaz.first_words):
        return None
    for size in range(min(gaz.max_ngram, len(words) - i), 0, -1):
        last = i + size - 1
        if size > 1 and not same_line(text, words, i, last):
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


def chunk_words(text: str, words: list[Word], gaz: Gazetteer, day: date) -> list[Chunk]:
    """The chunks of ``words``, in order."""
    norms = [normalize_word(w.text) for w in words]
    items: list[Chunk] = []
    i = 0
    while i < len(words):
        found = _match_gazetteer(text, words, norms, i, gaz, day)
        if found is not None and _part_of_a_name(text, words, norms, i, found[0], gaz, items):
            found = None
        if found is not None:
            items.append(Chunk("G", i, found[0], entry=found[1]))
            i = found[0] + 1
            continue
        title = _match_title(words, i, gaz)
        if title is not None:
            items.append(Chunk("T", i, title[0], role=title[1]))
            i = title[0] + 1
            continue
        items.append(Chunk("N" if is_name_word(norms[i]) else "O", i, i))
        i += 1
    return items


def _part_of_a_name(
    text: str,
    words: list[Word],
    norms: list[str],
    first: int,
    last: int,
    gaz: Gazetteer,
    items: list[Chunk],
) -> bool:
    """An ambiguous term inside a personal name: "Jordan Bardella", "Michael Jordan"."""
    if " ".join(norms[first : last + 1]) not in gaz.ambiguous:
        return False
    after = last + 1
    if (
        after < len(words)
        and not ends_sentence(words[last].text)
        and same_line(text, words, last, after)
        and is_name_word(norms[after])
        and _match_title(words, after, gaz) is None
        and (gaz.lookup([norms[after]]) is None or gaz.lookup([norms[after]]).kind == "person")  # type: ignore[union-attr]
    ):
        return True
    return (
        bool(items)
        and items[-1].kind == "N"
        and items[-1].last == first - 1
        and not ends_sentence(words[first - 1].text)
        and same_line(text, words, first - 1, first)
    )


def name_run(items: list[Chunk], k: int, words: list[Word]) -> int:
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


def person_name(words: list[Word], items: list[Chunk], first: int, last: int) -> str:
    """The personal name the chunks ``first`` to ``last`` spell."""
    text = " ".join(
        normalize_word(words[i].text)
        for it in items[first : last + 1]
        for i in range(it.first, it.last + 1)
    )
    return text.strip(",")


def titled_name(items: list[Chunk], words: list[Word], k: int, *, apposed: bool) -> tuple[int, int]:
    """The first and last items of the name a title ending before item ``k`` introduces:
    right after it, or (``apposed``) after a comma when the name closes an apposition
    ("Chile's foreign minister, Ana Rios, said"), after any rank the name carries there;
    last < first when there is none."""
    at = k
    if apposed and k + 1 < len(items) and words[items[k].first].text == ",":
        j = k + 1  # "Chad's army chief, General Ali Mahamat, said": past the name's rank
        while j + 1 < len(items) and items[j].kind == "T":
            j += 1
        if items[j].kind == "N":
            at = j
    end = name_run(items, at, words)
    closed = (
        end + 1 >= len(items)
        or words[items[end + 1].first].text == ","
        or ends_sentence(words[items[end].last].text)
    )
    return (at, end) if at == k or closed else (at, at - 1)


# "Cardinal Secretary of State": the Holy See's
_NOT_SOLE = frozenset({"cardinal", "vatican", "holy"})
_INTERIM = frozenset({"acting", "interim", "caretaker"})


def sole_state(
    gaz: Gazetteer, words: list[Word], items: list[Chunk], first: int, last: int
) -> str | None:
    """The one state a title names without a country word ("the secretary of state" is
    the US's in English news), or None; "Secretary of State for Health" is not one."""
    parts = [words[j].text.lower() for j in range(items[first].first, items[last].last + 1)]
    if parts and parts[0] in _INTERIM:
        parts = parts[1:]
    code = gaz.sole_states.get(" ".join(parts).rstrip(".,;:"))
    if code is None:
        return None
    before, after = items[first].first - 1, items[last].last + 1
    if before >= 0 and words[before].text.lower() in _NOT_SOLE:
        return None
    if after < len(words) and words[after].text.lower() == "for":
        return None
    return code


def role_apposition(
    gaz: Gazetteer, words: list[Word], items: list[Chunk], after: int
) -> tuple[int, str] | None:
    """The end and state of a bare title in apposition ("Lee, the secretary of state, said"):
    the title must close the apposition (a comma or the sentence's end follows)."""
    u = after
    while u < len(items) and items[u].kind == "T":
        u += 1
    if u == after:
        return None
    closed = ends_sentence(words[items[u - 1].last].text) or (
        u < len(items) and words[items[u].first].text == ","
    )
    code = sole_state(gaz, words, items, after, u - 1) if closed else None
    return (u, code) if code is not None else None
