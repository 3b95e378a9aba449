"""Cross-outlet deduplication (pure: no faust, no Kafka, no clock, no environment).

The stream calls ``merge_candidate`` per candidate with the row of its
``blocking_key``; offline, ``Deduplicator`` does the same over a dict.
"""

from __future__ import annotations

from pipeline.dedup.deduplicator import Deduplicator
from pipeline.dedup.keys import blocking_key
from pipeline.dedup.merge import MergeResult, merge_candidate
from pipeline.dedup.state import BlockState, StateError

__all__ = [
    "BlockState",
    "Deduplicator",
    "MergeResult",
    "StateError",
    "blocking_key",
    "merge_candidate",
]
