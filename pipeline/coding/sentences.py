"""Sentences of an article with their offsets, page trailers left out.

A light rule-based splitter (paragraph breaks, then full stops followed by a capital,
abbreviations kept): the coder parses only the few sentences that hold an actor and
a trigger, so it must not pay for a parser over the whole text. Lines that start a
trailer ("More related stories", "Sources include", "Read more") end the text, and
link lines ("Related: ...", "Sign up") are dropped: they carry other stories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "find_dateline", "split_sentences"]

_TRAILER = re.compile(
    r"^\s*(more related stories|related stories|related articles|read more|read full article|"
    r"sources? include|sources?:|see also|you may also like|recommended|most read|trending)\b",
    re.IGNORECASE,
)
_NOISE = re.compile(
    r"^\s*(\(?related:|sign up|subscribe|advertisement|share this|follow us|watch the video|"
    r"this video is from|click here|copyright|all rights reserved)",
    re.IGNORECASE,
)
# "PARIS —", "TALLINN/MOSCOW, Jan 23 (Wire) - ", "AL-ULA, Saudi Arabia - ": an all-caps place,
# a region and a date in any case, the agency, then a dash (a hyphen only spaced)
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'’/-]{1,40}?(?:, [A-Z][\w.'’ ]{0,40}?){0,2}(?: ?\([^)]{1,40}\))?"
    r"(?:\s*(?:—|–|--)\s+|\s+-\s+|(?<=[A-Z])-\s+)"
)
_RELATED_ASIDE = re.compile(r"\((?:related|see also|read more)\s*:[^)]*\)", re.IGNORECASE)
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gen",
        "lt",
        "col",
        "sen",
        "rep",
        "gov",
        "no",
        "jr",
        "sr",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "d.c",
        "a.m",
        "p.m",
        "messrs",
        "prof",
        "capt",
        "maj",
        "adm",
    ]
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its text, offsets in the article text, and its paragraph."""

    text: str
    start: int
    end: int
    paragraph: int
    is_title: bool = False


def _split_paragraph(text: str, offset: int, paragraph: int, is_title: bool) -> list[Sentence]:
    sentences: list[Sentence] = []
    begin = 0
    for match in _BOUNDARY.finditer(text):
        before = text[begin : match.start()].split()
        last = before[-1].lower().lstrip('("“') if before else ""
        if last in _ABBREVIATIONS:
            continue
        if len(last) == 1 and last.isalpha() and len(before) > 1 and before[-2][:1].isupper():
            continue  # an initial: "John F. Kennedy"
        stop = match.end()
        chunk = text[begin:stop].rstrip()
        if chunk:
            sentences.append(
                Sentence(chunk, offset + begin, offset + begin + len(chunk), paragraph, is_title)
            )
        begin = stop
    chunk = text[begin:].rstrip()
    if chunk.strip():
        sentences.append(
            Sentence(chunk, offset + begin, offset + begin + len(chunk), paragraph, is_title)
        )
    return sentences


def find_dateline(text: str) -> str:
    """The dateline opening the first paragraph after the title ("KYIV, May 2 (Wire) — "),
    or "" when it has none."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return ""
    found = _DATELINE.match(lines[1].lstrip(" \t•*-–·"))
    return found.group() if found else ""


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of an article text (``title + "\\n\\n" + body``), trailers excluded."""
    sentences: list[Sentence] = []
    paragraph = 0
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            continue
        if _TRAILER.match(line):
            break
        if _NOISE.match(line):
            continue
        cleaned = _RELATED_ASIDE.sub(lambda m: " " * len(m.group()), line)
        stripped = cleaned.lstrip(" \t•*-–·")
        if paragraph == 1:
            dateline = _DATELINE.match(stripped)
            if dateline:
                stripped = stripped[dateline.end() :]
        lead = len(cleaned) - len(stripped)
        sentences.extend(_split_paragraph(stripped, line_start + lead, paragraph, paragraph == 0))
        paragraph += 1
    return sentences
