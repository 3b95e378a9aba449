"""Feeds on a real broker: routed topics, GET /events, /events/{id}, SSE, health, metrics.

Event revisions are produced straight to the events topic, so these tests exercise
the feeds (routing agent, whole-topic feed store, HTTP views) independently of
extraction quality.
"""

from __future__ import annotations

import asyncio
import io
import socket
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest

from pipeline.broker import find_free_port
from pipeline.feeds.tail import tail_events
from pipeline.models import Actor, Cameo, Event, Mention, dumps
from tests.integration.conftest import REPO_ROOT, Pipeline, WorkerProcess, _produce

pytestmark = pytest.mark.integration


def make_event(
    event_id: str,
    *,
    revision: int = 1,
    plover: str = "SANCTION",
    code: str = "163",
    quad_class: int = 4,
    source: str = "EU",
    target: str = "IRN",
    outlets: int = 1,
) -> Event:
    """A valid event revision with ``outlets`` mentions from distinct outlets."""
    mentions = [
        Mention(
            article_id=f"{event_id}-a{index}",
            outlet=f"outlet{index}",
            url=f"https://outlet{index}.example/{event_id}",
            published_at=datetime(2025, 3, 1, 9, index, tzinfo=UTC),
            sentence=f"Outlet {index}: the {source} imposed sanctions on {target}.",
            confidence=0.9,
        )
        for index in range(1, outlets + 1)
    ]
    return Event(
        event_id=event_id,
        revision=revision,
        type=plover,
        cameo=Cameo(
            code=code,
            label="impose sanctions",
            root=code[:2],
            quad_class=quad_class,
            goldstein=-4.0,
        ),
        source=Actor(code=source),
        target=Actor(code=target),
        status="occurred",
        location=None,
        date=date(2025, 3, 1),
        mentions=mentions,
        num_articles=outlets,
        num_outlets=outlets,
        confidence=0.8,
        first_seen=datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
        last_seen=datetime(2025, 3, 1, 9, outlets, tzinfo=UTC),
        summary=f"{source} sanctions {target}",
    )


def _send(pipeline: Pipeline, events: list[Event]) -> None:
    records: list[tuple[bytes | None, bytes | None]] = [
        (event.event_id.encode(), dumps(event)) for event in events
    ]
    asyncio.run(_produce(pipeline.broker, pipeline.settings.topic_events, records))


def _start(pipeline: Pipeline, routes: str | None = None) -> tuple[WorkerProcess, str]:
    """Start a worker with a known web port (and a routes file); return it and its base URL."""
    port = find_free_port()
    pipeline.env["PARLEY_WEB_PORT"] = str(port)
    if routes is not None:
        path = pipeline.tmp / "routes.toml"
        path.write_text(routes, encoding="utf-8")
        pipeline.env["PARLEY_ROUTES"] = str(path)
    worker = pipeline.start_worker()
    worker.wait_ready(timeout=90)
    return worker, f"http://127.0.0.1:{port}"


async def _get(url: str) -> tuple[int, Any]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        body = await response.read()
        kind = response.headers.get("Content-Type", "")
        return response.status, orjson.loads(body) if "json" in kind else body.decode()


def _wait_for(url: str, until: Any, timeout: float = 30.0) -> Any:
    """GET ``url`` until ``until(body)`` holds; return the last body."""
    deadline = time.monotonic() + timeout
    body: Any = None
    while time.monotonic() < deadline:
        status, body = asyncio.run(_get(url))
        if status == 200 and until(body):
            return body
        time.sleep(0.3)
    return body


def test_route_agent_publishes_sanctions_to_the_routed_topic(pipeline: Pipeline) -> None:
    """With a routes file, a SANCTION revision reaches ``<prefix>.events.sanctions`` and an
    AGREE revision does not; the dyad route takes only events reported by 2+ outlets."""
    sanctions = f"{pipeline.prefix}.events.sanctions"
    dyad = f"{pipeline.prefix}.events.eu-iran"
    routes = (
        f'[[route]]\ntopic = "{sanctions}"\ntypes = ["SANCTION"]\n\n'
        f'[[route]]\ntopic = "{dyad}"\nactors = ["EU", "IRN"]\nboth = true\nmin_outlets = 2\n'
    )
    worker, _ = _start(pipeline, routes)
    _send(
        pipeline,
        [
            make_event(f"{pipeline.prefix}-s1"),
            make_event(f"{pipeline.prefix}-a1", plover="AGREE", code="036", quad_class=1),
            make_event(f"{pipeline.prefix}-s1", revision=2, outlets=2),
        ],
    )
    routed = pipeline.read(sanctions, until=lambda records: len(records) >= 2, timeout=60)
    values = [orjson.loads(record.value) for record in routed]
    assert [(f"{pipeline.prefix}-s1", 1), (f"{pipeline.prefix}-s1", 2)] == sorted(
        (value["event_id"], value["revision"]) for value in values
    )
    paired = pipeline.read(dyad, until=lambda records: len(records) >= 1, timeout=30)
    assert [2] == [orjson.loads(record.value)["revision"] for record in paired]
    assert "event_routed" in worker.log()

    # `parley tail --topic` reads a routed topic as it reads the events topic.
    printed = io.StringIO()
    count = tail_events(
        pipeline.settings,
        as_json=True,
        from_beginning=True,
        idle_exit=3.0,
        out=printed,
        topic=sanctions,
    )
    tailed = [orjson.loads(line) for line in printed.getvalue().splitlines()]
    assert 2 == count
    assert [1, 2] == [value["revision"] for value in tailed]

    # A tombstone (the id merged into another) reaches every routed topic, header kept.
    retired = f"{pipeline.prefix}-s1".encode()
    asyncio.run(_produce(pipeline.broker, pipeline.settings.topic_events, [(retired, None)]))
    routed = pipeline.read(sanctions, until=lambda records: len(records) >= 3, timeout=60)
    assert [(retired, None)] == [(r.key, r.value) for r in routed if r.value is None]


def test_invalid_routes_file_stops_the_worker_with_a_clear_message(pipeline: Pipeline) -> None:
    """A routes file with an unknown type makes the worker exit non-zero, naming route and field."""
    path = pipeline.tmp / "bad-routes.toml"
    path.write_text('[[route]]\ntopic = "x.y"\ntypes = ["SANCTIONS"]\n', encoding="utf-8")
    pipeline.env["PARLEY_ROUTES"] = str(path)
    worker = pipeline.start_worker()
    code = worker.process.wait(60)
    assert 0 != code
    assert f"{path}: route 1 (x.y): types: unknown PLOVER type(s) SANCTIONS" in worker.log()


def test_http_feed_lists_filters_details_and_streams(pipeline: Pipeline) -> None:
    """GET /events lists the latest revisions (filters, paging), /events/{id} has the mentions,
    /events/stream delivers a new revision as a Server-Sent Event; health, ready, metrics answer."""
    _, base = _start(pipeline)
    first = make_event(f"{pipeline.prefix}-e1")
    other = make_event(
        f"{pipeline.prefix}-e2",
        plover="AGREE",
        code="036",
        quad_class=1,
        source="RUS",
        target="UKR",
    )
    _send(pipeline, [first, other])

    listed = _wait_for(f"{base}/events", lambda body: body["total"] >= 2)
    assert {first.event_id, other.event_id} == {event["event_id"] for event in listed["events"]}
    only = asyncio.run(_get(f"{base}/events?type=SANCTION&limit=1"))[1]
    assert (1, [first.event_id]) == (only["total"], [e["event_id"] for e in only["events"]])
    dyad = asyncio.run(_get(f"{base}/events?actor=RUS,UKR&both=1"))[1]
    assert [other.event_id] == [event["event_id"] for event in dyad["events"]]
    status, detail = asyncio.run(_get(f"{base}/events/{first.event_id}"))
    assert (200, first.mentions[0].sentence) == (status, detail["mentions"][0]["sentence"])
    assert 404 == asyncio.run(_get(f"{base}/events/nope"))[0]
    assert 400 == asyncio.run(_get(f"{base}/events?type=NOPE"))[0]

    newer = make_event(first.event_id, revision=2, outlets=3)
    frame = asyncio.run(_stream_one(pipeline, f"{base}/events/stream?type=SANCTION", newer))
    assert (first.event_id, 2, 3) == (frame["event_id"], frame["revision"], frame["num_outlets"])

    assert (200, {"status": "ok"}) == asyncio.run(_get(f"{base}/health"))
    ready = _wait_for(f"{base}/ready", lambda body: body["ready"])
    assert True is ready["tables_recovered"]
    status, metrics = asyncio.run(_get(f"{base}/metrics"))
    assert 200 == status
    assert "parley_articles_in_total" in metrics
    assert "parley_feed_events 2" in metrics.splitlines()
    status, page = asyncio.run(_get(f"{base}/"))
    assert (200, True) == (status, "<title>Parley" in page)


async def _stream_one(pipeline: Pipeline, url: str, event: Event) -> dict[str, Any]:
    """Open the SSE stream, publish ``event``, return the first ``revision`` frame's data."""
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as session, session.get(url) as response:
        assert "text/event-stream" == response.headers["Content-Type"]
        await _produce(
            pipeline.broker,
            pipeline.settings.topic_events,
            [(event.event_id.encode(), dumps(event))],
        )
        name = ""
        async for raw in response.content:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                name = line.removeprefix("event: ")
            elif line.startswith("data: ") and name == "revision":
                data: dict[str, Any] = orjson.loads(line.removeprefix("data: "))
                return data
    raise AssertionError("the stream ended without a revision")


def test_tail_filters_by_type_and_says_what_changed(pipeline: Pipeline) -> None:
    """``parley tail --type SANCTION --from-beginning`` prints only the sanction's revisions,
    each readable line ending with what changed; ``--json`` prints the same revisions as JSON."""
    sanction = make_event(f"{pipeline.prefix}-t1")
    agree = make_event(f"{pipeline.prefix}-t2", plover="AGREE", code="036", quad_class=1)
    _send(pipeline, [sanction, agree, make_event(sanction.event_id, revision=2, outlets=2)])
    command = [
        sys.executable,
        "-m",
        "pipeline.cli",
        "tail",
        "--from-beginning",
        "--idle-exit",
        "4",
        "--type",
        "SANCTION",
    ]
    readable = subprocess.run(
        command, cwd=REPO_ROOT, env=pipeline.env, capture_output=True, text=True, timeout=120
    )
    lines = readable.stdout.splitlines()
    assert 0 == readable.returncode, readable.stderr
    assert ["new", "+1 mention (outlet2), outlets 1→2"] == [
        line.rsplit("  | ", 1)[1] for line in lines
    ]
    as_json = subprocess.run(
        [*command, "--json"],
        cwd=REPO_ROOT,
        env=pipeline.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    revisions = [orjson.loads(line)["revision"] for line in as_json.stdout.splitlines()]
    assert [1, 2] == revisions


def test_worker_stops_promptly_with_an_open_stream(pipeline: Pipeline) -> None:
    """SIGTERM stops a worker within seconds even while an SSE client is connected."""
    worker, base = _start(pipeline)
    port = int(base.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(b"GET /events/stream HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert client.recv(200).startswith(b"HTTP/1.1 200")
        started = time.monotonic()
        code = worker.stop(timeout=60)
        elapsed = time.monotonic() - started
    assert (0, True) == (code, elapsed < 15), f"stopped in {elapsed:.1f}s"


def test_metrics_count_the_pipeline_as_articles_flow(pipeline: Pipeline) -> None:
    """After one good and one broken article, /metrics counts both in, one dead letter,
    events out, and one timed extraction."""
    _, base = _start(pipeline)
    samples = Path(__file__).resolve().parents[2] / "pipeline" / "samples" / "articles.jsonl"
    good = next(line for line in samples.read_bytes().splitlines() if line.strip())
    pipeline.produce([(b"k", good), (b"k", b"{not json")])

    def counted(body: str) -> bool:
        lines = body.splitlines()
        return "parley_extraction_seconds_count 1" in lines and any(
            line.startswith("parley_events_out_total ") and not line.endswith(" 0")
            for line in lines
        )

    body = _wait_for(f"{base}/metrics", counted, timeout=60)
    lines = body.splitlines()
    expected = ["parley_articles_in_total 2", "parley_dead_letters_total 1"]
    assert expected == [line for line in lines if line in expected], body
    assert counted(body), body
