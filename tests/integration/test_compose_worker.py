"""The worker exactly as docker-compose runs it (command, environment, RocksDB) works.

No Docker engine runs here, so the test reads the compose file's worker service and
starts the same command with the same environment against the test broker; only the
broker address, the data folder and the in-image paths are swapped for local ones.
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import orjson
import pytest
import yaml

from tests.integration.conftest import REPO_ROOT, Pipeline, WorkerProcess

pytestmark = pytest.mark.integration

SAMPLES = REPO_ROOT / "pipeline" / "samples" / "articles.jsonl"
LOCAL_PATHS = {"/app/": f"{REPO_ROOT}/"}


def _compose_worker() -> tuple[list[str], dict[str, str]]:
    """The worker service's command and environment, from docker-compose.yml."""
    compose = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text())
    service = compose["services"]["worker"]
    environment = {key: str(value) for key, value in service["environment"].items()}
    for key, value in environment.items():
        for image_path, local_path in LOCAL_PATHS.items():
            environment[key] = value.replace(image_path, local_path)
    return [str(part) for part in service["command"]], environment


def _start(pipeline: Pipeline, command: list[str], environment: dict[str, str]) -> WorkerProcess:
    env = dict(pipeline.env)
    env.update(environment)
    env["PARLEY_BROKER"] = pipeline.broker  # kafka:9092 inside compose
    env["PARLEY_DATA_DIR"] = str(pipeline.tmp / "data")  # /var/lib/parley in the image
    log_path = pipeline.tmp / "compose-worker.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", *command],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    worker = WorkerProcess(process, log_path)
    pipeline.workers.append(worker)
    return worker


def _latest(records: list[Any]) -> dict[str, dict[str, Any]]:
    """Live events: the latest revision of each id, minus ids retired by a tombstone."""
    latest: dict[str, dict[str, Any]] = {}
    for record in records:
        if record.value is None:
            latest.pop(record.key.decode(), None)
            continue
        event = orjson.loads(record.value)
        if event["revision"] >= latest.get(event["event_id"], {}).get("revision", 0):
            latest[event["event_id"]] = event
    return latest


def test_compose_worker_command_runs_the_pipeline_on_rocksdb(pipeline: Pipeline) -> None:
    """The compose worker (RocksDB store, routes file) turns the samples into the invitation
    event with three outlets and routes revisions to the routed topics."""
    command, environment = _compose_worker()
    assert "rocksdb" == environment["PARLEY_STORE"]
    worker = _start(pipeline, command, environment)
    worker.wait_ready(timeout=90)
    lines = [line for line in SAMPLES.read_bytes().splitlines() if line.strip()]
    pipeline.produce([(orjson.loads(line)["id"].encode(), line) for line in lines])

    def invitation(events: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            e
            for e in events.values()
            if (e["type"], e["source"]["code"], (e.get("target") or {}).get("code"))
            == ("AGREE", "RUS", "UKR")
        ]

    records = pipeline.read(
        pipeline.settings.topic_events,
        until=lambda rs: any(e["num_outlets"] == 3 for e in invitation(_latest(rs))),
        timeout=90,
    )
    found = invitation(_latest(records))
    assert [3] == [e["num_outlets"] for e in found], worker.log()[-3000:]
    assert ("036", "proposed") == (found[0]["cameo"]["code"], found[0]["status"])
    assert any((pipeline.tmp / "data").rglob("*")), "RocksDB wrote no table files"
    routed = pipeline.read("events.sanctions", until=lambda rs: len(rs) >= 1, timeout=30)
    assert routed, "no revision reached the routed topic events.sanctions"
    assert {"SANCTION"} == {orjson.loads(r.value)["type"] for r in routed}
