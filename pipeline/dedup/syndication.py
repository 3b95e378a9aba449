"""Syndicated copies: which articles of an event are not independent outlets.

Two articles are one *source* when they share an outlet, a content hash, or when
their MinHash signatures (word 3-shingles, ``pipeline.text.fingerprint``) estimate
a Jaccard similarity of at least ``SYNDICATION_THRESHOLD``. On the dev corpus a wire
copy republished under a new headline (dev-008 vs dev-009) scores 0.91, and every
other pair of articles at most 0.08.

Signatures are kept as *b-bit* MinHash: the low 8 bits of each of the 64 values,
64 bytes per article (88 characters in base64), with the estimate corrected for
chance collisions (1/256).
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

__all__ = ["SYNDICATION_THRESHOLD", "compact_signature", "group_sources", "signature_similarity"]

SYNDICATION_THRESHOLD = 0.3
_CHANCE = 1.0 / 256.0


def compact_signature(fingerprint: Sequence[int]) -> str:
    """The b-bit (8) form of a MinHash signature, base64; "" when there is none."""
    if not fingerprint:
        return ""
    return base64.b64encode(bytes(value & 0xFF for value in fingerprint)).decode("ascii")


def signature_similarity(left: str, right: str) -> float:
    """Estimated Jaccard similarity of two compact signatures (0.0 when not comparable)."""
    if not left or not right:
        return 0.0
    a, b = base64.b64decode(left), base64.b64decode(right)
    if len(a) != len(b):
        return 0.0
    agree = sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)
    return max(0.0, (agree - _CHANCE) / (1.0 - _CHANCE))


def _same_source(left: tuple[str, str, str], right: tuple[str, str, str]) -> bool:
    if left[0] == right[0]:
        return True
    if left[1] and left[1] == right[1]:
        return True
    return signature_similarity(left[2], right[2]) >= SYNDICATION_THRESHOLD


def group_sources(articles: Sequence[tuple[str, str, str]]) -> list[int]:
    """For ``(outlet, content_hash, signature)`` triples (one per article), the index of the
    first article of each one's independent source; ``len(set(...))`` counts the sources."""
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if _same_source(articles[i], articles[j]):
                parent[find(i)] = find(j)
    first: dict[int, int] = {}
    for i in range(len(articles)):
        first.setdefault(find(i), i)
    return [first[find(i)] for i in range(len(articles))]
