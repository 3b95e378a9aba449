"""Which words of an article can be part of a personal name.

A capitalised word with a letter, unless it is a sentence-initial function word,
a weekday or month, or a preposition of a Title-Case headline ("Talks With US");
and whether a word ends a sentence ("said." but not "U.S.").
"""

from __future__ import annotations

__all__ = [
    "NOT_NAMES",
    "ends_sentence",
    "is_name_word",
]

NOT_NAMES = frozenset(
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


def is_name_word(word: str) -> bool:
    """Whether a word can be part of a personal name."""
    return word[:1].isupper() and any(c.isalpha() for c in word) and word not in NOT_NAMES


def ends_sentence(word: str) -> bool:
    """Whether a word ends a sentence ("said.", not "U.S.")."""
    return word.endswith(".") and "." not in word[:-1]
