"""The trigger lexicon: words that carry a diplomatic act, with their CAMEO codes.

The lexicon is data (``data/triggers.json``): each trigger names a word and its part
of speech, a default CAMEO code and optionally a required object or particle (the
light-verb and phrasal forms: "cut ties", "impose sanctions", "call on"), a default
status and refinements by object ("reject the offer" is 125, not 120). Word forms
are generated here, so a sentence is a candidate without parsing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from pipeline.coding.gazetteer import DATA_DIR

__all__ = ["Lexicon", "Trigger", "inflections", "load_lexicon", "word_forms"]

_VOWELS = "aeiou"


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry."""

    lemma: str
    pos: str
    cameo: str
    status: str | None = None
    object: str | None = None
    particle: tuple[str, ...] = ()
    preps: tuple[str, ...] = ()
    embeds: bool = False
    inverse: bool = False
    refine: tuple[tuple[str, str], ...] = ()


def word_forms(lemma: str, pos: str) -> set[str]:
    """Regular inflections of a verb or noun (irregular ones come from the data)."""
    forms = {lemma}
    if pos == "ADP":  # a preposition does not inflect
        return forms
    if pos == "NOUN":
        if lemma.endswith(("s", "sh", "ch", "x")):
            forms.add(lemma + "es")
        elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
            forms.add(lemma[:-1] + "ies")
        else:
            forms.add(lemma + "s")
        return forms
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "set": ("set", "setting"),
    "fail": (),
    "deny": ("denied", "denies", "denial", "denials"),
    "plan": ("planned", "planning"),
    "seek": ("sought",),
    "be": ("is", "are", "was", "were", "been", "being"),
}


def inflections(*lemmas: str) -> frozenset[str]:
    """Every verb and noun form of the given words (for checks that need no lemmatizer)."""
    forms: set[str] = set()
    for lemma in lemmas:
        forms |= (
            word_forms(lemma, "VERB") | word_forms(lemma, "NOUN") | set(_IRREGULAR.get(lemma, ()))
        )
    return frozenset(forms)


@dataclass
class Lexicon:
    """Triggers indexed by word form, and the word groups their constraints name."""

    by_form: dict[str, list[Trigger]] = field(default_factory=dict)
    groups: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Lexicon:
        """Build the lexicon from the parsed ``triggers.json``."""
        lexicon = cls(groups={k: frozenset(v) for k, v in data.get("groups", {}).items()})
        for raw in data.get("triggers", []):
            trigger = Trigger(
                lemma=str(raw["lemma"]),
                pos=str(raw["pos"]),
                cameo=str(raw["cameo"]),
                status=raw.get("status"),
                object=raw.get("object"),
                particle=tuple(raw.get("particle", [])),
                preps=tuple(raw.get("preps", [])),
                embeds=bool(raw.get("embeds", False)),
                inverse=bool(raw.get("inverse", False)),
                refine=tuple((str(k), str(v)) for k, v in raw.get("refine", {}).items()),
            )
            for form in word_forms(trigger.lemma, trigger.pos) | set(raw.get("forms", [])):
                lexicon.by_form.setdefault(form, []).append(trigger)
        return lexicon

    def lookup(self, word: str, pos: str) -> list[Trigger]:
        """The triggers of a word form, those of the token's part of speech first."""
        found = self.by_form.get(word.lower(), [])
        if pos == "ADP":  # "was behind the attack"
            return [t for t in found if t.pos == "ADP"]
        wanted = "VERB" if pos in ("VERB", "AUX") else "NOUN"
        same = [t for t in found if t.pos == wanted]
        if same:
            return same
        if pos == "PROPN":  # headlines: "Putin Invites Zelensky"
            return found
        if pos == "ADJ" and wanted == "NOUN":  # tagger slips: "persona non grata"
            return [t for t in found if t.pos == "NOUN"]
        return []

    def has_form(self, word: str) -> bool:
        """Whether a word form may be a trigger (the candidate-sentence filter)."""
        return word.lower() in self.by_form

    def implies_party(self, word: str) -> bool:
        """Whether a word form may carry an offer or refusal to meet whose party is implicit."""
        return any(
            t.cameo in ("036", "045", "125", "051", "111")
            or t.cameo[:2] == "12"
            or (t.cameo[:2] == "16" and t.object == "sanction")
            or t.refine
            for t in self.by_form.get(word.lower(), [])
        )

    def in_group(self, group: str, word: str) -> bool:
        """Whether a word (lower-cased) belongs to a named group."""
        return word.lower() in self.groups.get(group, frozenset())


@lru_cache(maxsize=2)
def load_lexicon(path: Path = DATA_DIR / "triggers.json") -> Lexicon:
    """Load the trigger lexicon (cached)."""
    return Lexicon.from_data(orjson.loads(path.read_bytes()))
