"""Fingerprints: a stable content hash and a MinHash that estimates word-shingle overlap."""

from __future__ import annotations

from pipeline.text.fingerprint import NUM_PERM, content_hash, minhash, similarity

WIRE = (
    "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss border "
    "crossings, trade in copper and a joint commission on fisheries that both governments "
    "said would report before the end of the year, officials said after the talks."
)


def test_signature_is_deterministic_and_fixed_size() -> None:
    """The same text always gives the same NUM_PERM values (ids and state depend on it)."""
    assert NUM_PERM == len(minhash(WIRE))
    assert minhash(WIRE) == minhash(WIRE)


def test_a_republished_copy_scores_high_and_another_story_low() -> None:
    """A wire copy with a sentence added stays similar; an unrelated text does not."""
    copy = WIRE + " The next round is expected in Santiago."
    other = "Heavy rain flooded the northern valleys overnight, and schools stayed closed."
    assert similarity(minhash(WIRE), minhash(copy)) > 0.6
    assert similarity(minhash(WIRE), minhash(other)) < 0.2


def test_empty_text_has_no_signature_and_hash_ignores_spacing() -> None:
    """No words, no signature; the content hash ignores case, spacing and punctuation."""
    assert [] == minhash("  ...  ")
    assert content_hash("Chile and Peru met.") == content_hash("chile  and peru MET")
