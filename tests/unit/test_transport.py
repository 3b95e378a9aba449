"""The worker consumer's fetch wait comes from the settings (faust hard-codes 1,500 ms)."""

from __future__ import annotations

import pytest

from pipeline.app import create_app
from pipeline.settings import Settings


@pytest.mark.asyncio
async def test_worker_consumer_uses_the_configured_fetch_wait(tmp_path: object) -> None:
    """``PARLEY_FETCH_MAX_WAIT_MS`` reaches the aiokafka consumer a worker builds."""
    app = create_app(
        Settings(broker="127.0.0.1:1", fetch_max_wait_ms=50, data_dir=str(tmp_path), web_port=1)
    )
    thread = app.consumer._thread
    consumer = thread._create_worker_consumer(app.transport)
    assert 50 == consumer._fetch_max_wait_ms
