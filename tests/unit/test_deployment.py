"""The deployment files are valid and wire Parley to Apache Kafka (KRaft)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("docker-compose") is None, reason="docker-compose absent")
def test_compose_file_is_valid() -> None:
    """`docker-compose config` accepts docker-compose.yml (no Docker engine is needed)."""
    result = subprocess.run(
        ["docker-compose", "-f", str(ROOT / "docker-compose.yml"), "config", "--services"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert 0 == result.returncode, result.stderr
    assert {"kafka", "worker", "produce", "tail"} <= set(result.stdout.split())


def test_compose_points_workers_at_kraft_kafka() -> None:
    """The broker is apache/kafka in KRaft mode and the workers reach it by PARLEY_BROKER."""
    text = (ROOT / "docker-compose.yml").read_text()
    assert "image: apache/kafka:" in text
    assert "KAFKA_PROCESS_ROLES: broker,controller" in text
    assert "PARLEY_BROKER: kafka:9092" in text


def test_dockerfile_runs_the_parley_worker() -> None:
    """The image installs the package and starts `parley worker`."""
    text = (ROOT / "Dockerfile").read_text()
    assert 'ENTRYPOINT ["parley"]' in text
    assert 'CMD ["worker"]' in text
