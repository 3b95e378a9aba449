"""Text fingerprints: a content hash and a MinHash signature of word 3-shingles.

The MinHash signature lets deduplication recognise syndicated copies (the same wire
text under a new headline) in fixed memory: ``NUM_PERM`` 32-bit integers per article
(256 bytes as raw integers), whatever the article's length.
"""

from __future__ import annotations

import hashlib
import re
import struct
import zlib

import numpy as np

__all__ = ["NUM_PERM", "content_hash", "minhash", "similarity"]

NUM_PERM = 64
_MASK = (1 << 32) - 1
_PRIME = np.uint64((1 << 61) - 1)
_WORD = re.compile(r"\w+", re.UNICODE)
_MIX = np.uint64(0x9E3779B1)  # an odd 32-bit multiplier (Knuth's golden ratio)


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Fixed (a, b) columns for the universal hashes ``(a*h + b) mod p``; derived, not random.

    ``a`` < 2**32 and ``h`` < 2**32 (32-bit shingle hashes), so ``a*h + b`` stays below
    2**64 and the arithmetic is exact in unsigned 64-bit integers.
    """
    a_values, b_values = [], []
    for i in range(NUM_PERM):
        digest = hashlib.blake2b(f"parley-minhash-{i}".encode(), digest_size=16).digest()
        a, b = struct.unpack("<QQ", digest)
        a_values.append((a % _MASK) + 1)
        b_values.append(b % _MASK)
    return (
        np.array(a_values, dtype=np.uint64).reshape(-1, 1),
        np.array(b_values, dtype=np.uint64).reshape(-1, 1),
    )


_A, _B = _permutations()


def _normalize(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_hash(text: str) -> str:
    """sha256 of the text's lower-cased word sequence (whitespace and punctuation ignored)."""
    return hashlib.sha256(" ".join(_normalize(text)).encode("utf-8")).hexdigest()


def minhash(text: str, *, shingle: int = 3) -> list[int]:
    """The MinHash signature (``NUM_PERM`` ints) of the text's word ``shingle``-grams.

    Words are hashed once (CRC-32); a shingle's 32-bit hash mixes its words' hashes
    with fixed odd multipliers (vectorised), so the cost is one C call per word.
    """
    words = _normalize(text)
    if not words:
        return []
    word_hashes = np.fromiter(
        (zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words)
    )
    count = max(1, len(words) - shingle + 1)
    mixed = np.zeros(count, dtype=np.uint64)
    for offset in range(min(shingle, len(words))):
        mixed = (mixed * _MIX + word_hashes[offset : offset + count]) & np.uint64(_MASK)
    hashes = np.unique(mixed)
    values = ((_A * hashes + _B) % _PRIME) & np.uint64(_MASK)
    signature: list[int] = values.min(axis=1).tolist()
    return signature


def similarity(left: list[int], right: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures (0.0 when either is empty)."""
    if not left or not right or len(left) != len(right):
        return 0.0
    return sum(1 for x, y in zip(left, right, strict=True) if x == y) / len(left)
