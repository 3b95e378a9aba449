"""Officials named again by their title alone: "the general", "the president".

News writing names a leader once with title and name ("Kenyan President Y", "General
X") and then often by the bare title ("the envoy thanked the general"). A bare title
stands for the person last named with that title (else, with the office it names:
"Justin Trudeau ... the prime minister"), when every person the article named so before
is of one state and nobody of another state holding that office is named between the
holder and the title ("A flew to B's capital for talks with B's president ... the
president said" names neither); otherwise (two presidents at a summit) it stays
unresolved. A bare "the chancellor" needs a holder named with the title: in British
copy it is the finance minister, no head of government. Titles of a body ("the general
assembly", "the president of the commission") are no such reference.
"""

from __future__ import annotations

import re

from pipeline.coding.actors import ActorMention

__all__ = ["resolve_titles"]

_TITLE = re.compile(
    r"\b[Tt]he\s+(?P<title>general|president|prime\s+minister|premier|king|emir|chancellor"
    r"|crown\s+prince|sultan)\b(?!-)(?!['’]s\s+(?:office|palace|residence))"
    r"(?![ \t]+(?:of|assembly|public|election|elections|secretary|staff|strike|council"
    r"|consensus|manager|prosecutor|debate|principle|rule|amnesty|director|counsel)\b)"
)

_PERSONS = frozenset({"person", "role"})

#: The office a bare title names when nobody was named with the title itself.
_OFFICES = {
    "president": "head_of_state",
    "king": "head_of_state",
    "emir": "head_of_state",
    "sultan": "head_of_state",
    "prime minister": "head_of_government",
    "premier": "head_of_government",
    "chancellor": "head_of_government",
}

#: Titles that resolve only to a holder named with them: in British copy "the chancellor"
#: is the finance minister, not the head of government named before.
_TITLED_ONLY = frozenset({"chancellor"})
_REACH = 30  # characters before a name within which its title stands ("Kenyan President X")


def _titled(text: str, mention: ActorMention, title: str) -> bool:
    """Whether a person mention carries a title (in its span or just before it)."""
    window = text[max(0, mention.start - _REACH) : mention.end]
    words = r"\s+".join(title.split())
    return re.search(rf"\b{words}\b", window, re.IGNORECASE) is not None


def _rival(
    mentions: list[ActorMention], holder: ActorMention, start: int, office: str | None
) -> bool:
    """Whether a person of another state who holds the title's office is named between
    the holder and the title ("Y flew to Ankara for talks with Z ... the president said":
    Y or Z)."""
    return office is not None and any(
        m.kind in _PERSONS and m.code != holder.code and m.role == office
        for m in mentions
        if holder.end <= m.start and m.end <= start
    )


def resolve_titles(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """``mentions`` with bare titles that name one earlier official added, in text order."""
    added: list[ActorMention] = []
    for match in _TITLE.finditer(text):
        start, end = match.start(), match.end()
        if any(m.start < end and start < m.end for m in mentions):
            continue
        title = match.group("title").lower()
        holders = [
            m for m in mentions if m.end <= start and m.kind in _PERSONS and _titled(text, m, title)
        ]
        if not holders:  # "Justin Trudeau's answer ... the prime minister refused"
            office = None if title in _TITLED_ONLY else _OFFICES.get(title)
            holders = [
                m for m in mentions if m.end <= start and m.kind in _PERSONS and m.role == office
            ]
        if not holders or len({m.code for m in holders}) != 1:
            continue
        last = holders[-1]
        if _rival(mentions, last, start, _OFFICES.get(title)):
            continue
        added.append(ActorMention(start, end, last.code, "person", last.name, last.role))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))
