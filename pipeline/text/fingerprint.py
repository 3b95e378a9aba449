"""Text fingerprints: a content hash and a MinHash signature of word 3-shingles.

The MinHash signature lets deduplication recognise syndicated copies (the same wire
text under a new headline) in fixed memory: ``NUM_PERM`` 32-bit integers per article
(256 bytes as raw integers), whatever the article's length.
"""

from __future__ import annotations

import hashlib
import re
import struct

__all__ = ["NUM_PERM", "content_hash", "minhash", "similarity"]

NUM_PERM = 64
_MASK = (1 << 32) - 1
_PRIME = (1 << 61) - 1
_WORD = re.compile(r"\w+", re.UNICODE)


def _permutations() -> list[tuple[int, int]]:
    """Fixed (a, b) pairs for the universal hashes; derived, not random, so stable."""
    pairs = []
    for i in range(NUM_PERM):
        digest = hashlib.blake2b(f"parley-minhash-{i}".encode(), digest_size=16).digest()
        a, b = struct.unpack("<QQ", digest)
        pairs.append(((a % (_PRIME - 1)) + 1, b % _PRIME))
    return pairs


_PERMS = _permutations()


def _normalize(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_hash(text: str) -> str:
    """sha256 of the text's lower-cased word sequence (whitespace and punctuation ignored)."""
    return hashlib.sha256(" ".join(_normalize(text)).encode("utf-8")).hexdigest()


def minhash(text: str, *, shingle: int = 3) -> list[int]:
    """The MinHash signature (``NUM_PERM`` ints) of the text's word ``shingle``-grams."""
    words = _normalize(text)
    if not words:
        return []
    grams = {" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))}
    hashes = [
        int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "little")
        for g in grams
    ]
    return [min(((a * h + b) % _PRIME) & _MASK for h in hashes) for a, b in _PERMS]


def similarity(left: list[int], right: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures (0.0 when either is empty)."""
    if not left or not right or len(left) != len(right):
        return 0.0
    return sum(1 for x, y in zip(left, right, strict=True) if x == y) / len(left)
