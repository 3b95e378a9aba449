"""Tests of the deduplication core (``pipeline.dedup``)."""
