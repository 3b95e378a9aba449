"""Syndicated copies: which articles of an event are not independent outlets.

Two articles are one *source* when they share an outlet, a content hash, or when
their MinHash signatures (word 3-shingles, ``pipeline.text.fingerprint``) estimate
a Jaccard similarity of at least ``SYNDICATION_THRESHOLD``. On the dev corpus a wire
copy republished under a new headline (dev-008 vs dev-009) scores 0.84, and every
other pair of articles at most 0.12.

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


_BAND = 2  # bytes per LSH band: 32 bands; a pair at similarity 0.3 shares one w.p. ~0.95


def group_sources(articles: Sequence[tuple[str, str, str]]) -> list[int]:
    """For ``(outlet, content_hash, signature)`` triples (one per article), the index of the
    first article of each one's independent source; ``len(set(...))`` counts the sources.

    Articles are joined when they share an outlet or a content hash, or when their
    signatures share an LSH band (2 bytes of 64) *and* reach the threshold, so the
    cost grows with the number of articles, not its square.
    """
    parent = list(range(len(articles)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    buckets: dict[tuple[int, str], int] = {}
    decoded: list[bytes] = []
    for i, (outlet, digest, signature) in enumerate(articles):
        for key in ((0, outlet), (1, digest)):
            if key[1]:
                union(i, buckets.setdefault(key, i))
        raw = base64.b64decode(signature) if signature else b""
        decoded.append(raw)
    compared: set[tuple[int, int]] = set()
    bands: dict[tuple[int, bytes], list[int]] = {}
    for i, raw in enumerate(decoded):
        for start in range(0, len(raw), _BAND):
            bands.setdefault((start, raw[start : start + _BAND]), []).append(i)
    for members in bands.values():
        for j in members[1:]:
            for i in members[:1]:
                pair = (i, j)
                if pair in compared or find(i) == find(j):
                    continue
                compared.add(pair)
                if _similar(decoded[i], decoded[j]):
                    union(i, j)
    first: dict[int, int] = {}
    for i in range(len(articles)):
        first.setdefault(find(i), i)
    return [first[find(i)] for i in range(len(articles))]


def _similar(a: bytes, b: bytes) -> bool:
    if not a or len(a) != len(b):
        return False
    agree = sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)
    return (agree - _CHANCE) / (1.0 - _CHANCE) >= SYNDICATION_THRESHOLD
