"""The ``parley`` commands as a user runs them: demo, and broker/worker/produce/tail apart."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path

import pytest

from pipeline.broker import find_free_port

pytestmark = pytest.mark.e2e

SAMPLES = Path(__file__).resolve().parents[2] / "pipeline" / "samples" / "articles.jsonl"


def _wait_for(path: Path, text: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in path.read_text(errors="replace"):
            return
        if process.poll() is not None:
            break
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not seen:\n{path.read_text(errors='replace')[-3000:]}")


def _stop(process: subprocess.Popen[bytes]) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


def test_demo_shows_events_and_exits_by_itself(
    parley: list[str], clean_env: dict[str, str]
) -> None:
    """``parley demo`` starts everything itself, prints the invitation event and exits 0."""
    started = time.monotonic()
    result = subprocess.run(
        [*parley, "demo", "--timeout", "90"],
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=150,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "RUS" in result.stdout and "UKR" in result.stdout, result.stdout
    assert "Done:" in result.stdout
    assert time.monotonic() - started < 120


def test_broker_worker_produce_tail_in_separate_processes(
    parley: list[str], clean_env: dict[str, str], tmp_path: Path
) -> None:
    """``parley broker``, ``worker``, ``produce`` and ``tail --json`` work together as
    separate processes: every sample is sent and the tail prints event revisions."""
    port = find_free_port()
    broker_log = tmp_path / "broker.log"
    worker_log = tmp_path / "worker.log"
    env = {**clean_env, "PARLEY_BROKER": f"127.0.0.1:{port}", "PARLEY_PARTITIONS": "2"}
    with broker_log.open("wb") as blog, worker_log.open("wb") as wlog:
        broker = subprocess.Popen(
            [*parley, "broker", "--port", str(port)], env=clean_env, stdout=blog, stderr=blog
        )
        worker = None
        try:
            _wait_for(broker_log, f"127.0.0.1:{port}", broker, 30)
            worker = subprocess.Popen([*parley, "worker"], env=env, stdout=wlog, stderr=wlog)
            _wait_for(worker_log, "Worker ready", worker, 60)
            produced = subprocess.run(
                [*parley, "produce", str(SAMPLES)],
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert produced.returncode == 0, produced.stderr
            assert "sent 8 article(s)" in produced.stdout, produced.stdout
            assert "sent anyway" not in produced.stderr, produced.stderr
            tailed = subprocess.run(
                [*parley, "tail", "--json", "--from-beginning", "--idle-exit", "10"],
                env=env,
                capture_output=True,
                text=True,
                timeout=90,
                check=False,
            )
            assert tailed.returncode == 0, tailed.stderr
            events = [json.loads(line) for line in tailed.stdout.splitlines() if line.strip()]
            assert events, worker_log.read_text(errors="replace")[-3000:]
            assert all({"event_id", "revision", "type", "mentions"} <= set(e) for e in events)
        finally:
            if worker is not None:
                assert _stop(worker) == 0, worker_log.read_text(errors="replace")[-3000:]
            _stop(broker)
