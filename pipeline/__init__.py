"""Parley: news articles in, a live deduplicated feed of diplomatic events out."""

__version__ = "0.1.0"
