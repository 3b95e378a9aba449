"""Bare titles ("the president", "the chancellor") resolved to the official named before.

Every sentence and name is invented; each rule has a case that must resolve and a case
that must stay unresolved.
"""

from __future__ import annotations

from pipeline.coding.actors import ActorMention
from pipeline.coding.titles import resolve_titles


def _bare_titles(text: str, mentions: list[ActorMention]) -> list[tuple[str, str]]:
    """The (code, words) of the bare titles ``resolve_titles`` adds to ``mentions``."""
    added = [m for m in resolve_titles(text, mentions) if m not in mentions]
    return [(m.code, text[m.start : m.end].lower()) for m in added]


def test_bare_title_after_a_foreign_holder_of_the_office_stays_unresolved() -> None:
    """A president named with the title, then another state's president named without
    it: "the president" in the next sentence could be either, so it names neither."""
    text = (
        "Serbian President Ivo Petrov travelled to Athens on Tuesday to see Nikos Vlahos. "
        "Welcoming his guest at the airport, the president spoke of old friendships."
    )
    mentions = [
        ActorMention(18, 28, "SRB", "person", "Ivo Petrov", "head_of_state"),
        ActorMention(67, 79, "GRC", "person", "Nikos Vlahos", "head_of_state"),
    ]
    assert [] == _bare_titles(text, mentions)


def test_foreign_official_of_another_office_leaves_the_title_resolved() -> None:
    """A foreign prime minister named in between holds no general's rank: "the general"
    is still the one general named before."""
    text = (
        "General Aung Tun received Prime Minister Lena Holt on Monday. Holt later said the "
        "general had listened carefully."
    )
    mentions = [
        ActorMention(8, 16, "MMR", "person", "Aung Tun", "head_of_state"),
        ActorMention(41, 50, "NZL", "person", "Lena Holt", "head_of_government"),
        ActorMention(62, 66, "NZL", "person", "Lena Holt", "head_of_government"),
    ]
    assert [("MMR", "the general")] == _bare_titles(text, mentions)


def test_bare_chancellor_needs_a_holder_named_chancellor() -> None:
    """ "The chancellor" is no head of government known only by office (in British copy it
    is the finance minister); after "Chancellor X" it is X."""
    untitled = "Prime Minister Tom Reed flew home. In London, the chancellor warned of cuts."
    reed = [ActorMention(15, 23, "GBR", "person", "Tom Reed", "head_of_government")]
    titled = "Chancellor Greta Lang arrived. Later the chancellor warned of cuts."
    lang = [ActorMention(11, 21, "DEU", "person", "Greta Lang", "head_of_government")]
    assert [] == _bare_titles(untitled, reed)
    assert [("DEU", "the chancellor")] == _bare_titles(titled, lang)
