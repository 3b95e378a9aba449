"""Parley's faust tables: raw bytes in and out, memory in tests, bounded RocksDB in deployment."""

from __future__ import annotations

from typing import Any

from pipeline.settings import Settings

__all__ = ["bytes_table", "store_options"]


def store_options(settings: Settings) -> dict[str, Any] | None:
    """RocksDB options bounding a table's memory (``None`` for the memory store)."""
    if settings.store != "rocksdb":
        return None
    return {
        "block_cache_size": settings.rocksdb_block_cache_mb * 1024 * 1024,
        "block_cache_compressed_size": settings.rocksdb_block_cache_mb * 1024 * 1024 // 4,
        "write_buffer_size": settings.rocksdb_write_buffer_mb * 1024 * 1024,
        "max_write_buffer_number": 2,
        "max_open_files": 256,
    }


def bytes_table(app: Any, name: str, *, settings: Settings, help: str) -> Any:
    """A table of bytes keyed by bytes, partitioned like Parley's topics, with a changelog."""
    return app.Table(
        name,
        default=None,
        key_type=bytes,
        value_type=bytes,
        partitions=settings.partitions,
        help=help,
        options=store_options(settings),
    )
