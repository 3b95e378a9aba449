"""Profiling the offline core: py-spy (sampling, no overhead) or pyinstrument as a fallback.

py-spy samples a child process running ``run_offline`` over the articles and
writes collapsed stacks; they are summarised here as inclusive and own shares
per function (line numbers dropped), restricted to samples inside the timed
call (after a warm-up) so imports and the corpus loading do not count.
pyinstrument hooks every call and inflates pure-Python code: indicative only.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["profile_offline", "summarize_collapsed"]

_CHILD = """
import sys
from pipeline.offline import read_lines, run_offline
from pipeline.settings import Settings
lines = list(read_lines(__import__("pathlib").Path(sys.argv[1])))
run_offline(lines[:3], settings=Settings())
def profiled_run():
    run_offline(lines, settings=Settings())
profiled_run()
"""
_LINE = re.compile(r":\d+\)$")


def summarize_collapsed(
    text: str, *, inside: str = "profiled_run", top: int = 20
) -> dict[str, Any]:
    """Inclusive and own sample shares per function from py-spy's collapsed stacks."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in text.splitlines():
        stack, _, count = line.rstrip().rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = [_LINE.sub(")", frame) for frame in stack.split(";")]
        if inside and not any(inside in frame for frame in frames):
            continue
        samples = int(count)
        total += samples
        own[frames[-1]] += samples
        for frame in set(frames):
            if "<string>" not in frame:
                inclusive[frame] += samples
    share = max(total, 1)
    return {
        "samples": total,
        "inclusive": [
            {"function": f, "share": round(n / share, 3)} for f, n in inclusive.most_common(top)
        ],
        "own": [{"function": f, "share": round(n / share, 3)} for f, n in own.most_common(top)],
    }


def _py_spy() -> str | None:
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.exists() else shutil.which("py-spy")


def profile_offline(lines: Sequence[bytes], out: Path | None = None) -> dict[str, Any]:
    """Profile ``run_offline`` over ``lines``; write the raw profile to ``out`` when given."""
    spy = _py_spy()
    if spy is None:
        return _pyinstrument(lines, out)
    with tempfile.TemporaryDirectory(prefix="parley-profile-") as folder:
        corpus = Path(folder) / "articles.jsonl"
        corpus.write_bytes(b"\n".join(lines) + b"\n")
        raw = Path(folder) / "profile.txt"
        command = [
            spy,
            "record",
            "--rate",
            "200",
            "--format",
            "raw",
            "--output",
            str(raw),
            "--",
            sys.executable,
            "-c",
            _CHILD,
            str(corpus),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not raw.exists():
            return {"tool": "py-spy", "error": done.stderr[-2000:]}
        text = raw.read_text(encoding="utf-8")
        if out is not None:
            out.write_text(text, encoding="utf-8")
    return {"tool": "py-spy", "articles": len(lines), **summarize_collapsed(text)}


def _pyinstrument(lines: Sequence[bytes], out: Path | None) -> dict[str, Any]:
    from pyinstrument import Profiler

    from pipeline.offline import run_offline
    from pipeline.settings import Settings

    run_offline(lines[:3], settings=Settings())
    profiler = Profiler(interval=0.001)
    profiler.start()
    run_offline(lines, settings=Settings())
    profiler.stop()
    if out is not None:
        out.write_text(profiler.output_text(unicode=False, color=False), encoding="utf-8")
    session = profiler.last_session
    root = session.root_frame() if session is not None else None
    own: dict[str, float] = {}
    stack = [root] if root is not None else []
    while stack:
        frame = stack.pop()
        stack.extend(frame.children)
        self_time: float = getattr(frame, "total_self_time", 0.0)
        if self_time > 0:
            name = f"{frame.function} ({frame.file_path_short})"
            own[name] = own.get(name, 0.0) + self_time
    total = session.duration if session is not None else 1.0
    return {
        "tool": "pyinstrument",
        "articles": len(lines),
        "own": [
            {"function": f, "share": round(s / total, 3)}
            for f, s in sorted(own.items(), key=lambda kv: kv[1], reverse=True)[:20]
        ],
    }
