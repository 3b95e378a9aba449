"""The event coder (pure): clean articles in, PLOVER/CAMEO event candidates out."""

from pipeline.coding.coder import Coder, extract_events

__all__ = ["Coder", "extract_events"]
