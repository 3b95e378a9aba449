"""The ``parley`` command line: thin commands that call the modules doing the work."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from pipeline import __version__
from pipeline.failures import CommandGroup
from pipeline.settings import Settings

__all__ = ["main"]


def _settings(**overrides: object) -> Settings:
    """Settings from the environment, with the command-line options that were given;
    a PARLEY_* variable that names no setting (a typo) is reported, not ignored."""
    import os

    from pipeline.settings import unknown_variables

    for name in unknown_variables(os.environ):
        click.echo(f"parley: warning: {name} is not a setting (see `parley settings`)", err=True)
    given = {key: value for key, value in overrides.items() if value is not None}
    return Settings(**given)  # type: ignore[arg-type]


@click.group(cls=CommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="parley")
def main() -> None:
    """Parley: news articles in, a live deduplicated feed of diplomatic events out.

    Settings come from PARLEY_* environment variables (see the README); the
    broker is PARLEY_BROKER=host:port, or an embedded one when unset.
    """


@main.command()
@click.option(
    "--port", type=int, default=9092, show_default=True, help="Loopback port to listen on."
)
def broker(port: int) -> None:
    """Run the embedded Kafka-protocol broker (Tansu, memory storage) until Ctrl-C."""
    from pipeline.broker import run_broker

    run_broker(port)


@main.command()
@click.option("--broker", "broker_addr", default=None, help="host:port (overrides PARLEY_BROKER).")
@click.option("--web-port", type=int, default=None, help="HTTP port (default: a free one).")
@click.option(
    "--data-dir", type=click.Path(path_type=Path), default=None, help="Table state folder."
)
def worker(broker_addr: str | None, web_port: int | None, data_dir: Path | None) -> None:
    """Run the pipeline against PARLEY_BROKER (or an embedded broker when unset)."""
    from pipeline.worker import run_worker

    run_worker(_settings(broker=broker_addr, web_port=web_port, data_dir=data_dir))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--broker", "broker_addr", default=None, help="host:port (overrides PARLEY_BROKER).")
@click.option("--outlet", default="local", show_default=True, help="Outlet of .txt/.html articles.")
@click.option(
    "--published-at",
    type=click.DateTime(["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"]),
    default=None,
    help="Publication time of .txt/.html articles (ISO 8601, UTC when no offset); "
    "default: the file's modification time.",
)
def produce(
    paths: tuple[Path, ...], broker_addr: str | None, outlet: str, published_at: Any
) -> None:
    """Send articles from JSONL files (each line as written), or one article per .txt
    file (first line = title) or .html page (title from <title>)."""
    from datetime import UTC

    from pipeline.feeds.produce import produce_paths
    from pipeline.inputs import TextOptions

    if published_at is not None and published_at.tzinfo is None:
        published_at = published_at.replace(tzinfo=UTC)
    options = TextOptions(outlet=outlet, published_at=published_at)
    summary = produce_paths(list(paths), _settings(broker=broker_addr), options)
    click.echo(str(summary))


@main.command()
@click.option("--broker", "broker_addr", default=None, help="host:port (overrides PARLEY_BROKER).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of readable lines.")
@click.option("--from-beginning", is_flag=True, help="Start at the oldest event revision.")
@click.option(
    "--idle-exit", type=float, default=None, help="Stop after SECONDS without a new event."
)
@click.option(
    "--type",
    "types",
    multiple=True,
    help="PLOVER type(s), e.g. SANCTION (repeat or comma-separate).",
)
@click.option(
    "--actor", "actors", multiple=True, help="Actor/country code(s) as source or target, e.g. RUS."
)
@click.option("--both", is_flag=True, help="With --actor: source AND target must both be listed.")
@click.option("--status", "statuses", multiple=True, help="occurred, proposed, planned or denied.")
@click.option("--min-outlets", type=int, default=None, help="At least N distinct outlets.")
@click.option("--since", default=None, help="Revisions last seen at or after this ISO 8601 time.")
@click.option(
    "--topic", default=None, help="Read this topic of revisions (a routed one) instead of events."
)
def tail(
    broker_addr: str | None,
    as_json: bool,
    from_beginning: bool,
    idle_exit: float | None,
    types: tuple[str, ...],
    actors: tuple[str, ...],
    both: bool,
    statuses: tuple[str, ...],
    min_outlets: int | None,
    since: str | None,
    topic: str | None,
) -> None:
    """Print event revisions from the events topic as they are published (optionally filtered)."""
    from pipeline.errors import ConfigError
    from pipeline.feeds.filters import EventFilter
    from pipeline.feeds.tail import tail_events

    try:
        event_filter = EventFilter.from_options(
            types=types,
            actors=actors,
            both=both,
            status=statuses,
            min_outlets=min_outlets,
            since=since,
        )
    except ConfigError as exc:
        raise click.BadParameter(str(exc)) from exc
    count = tail_events(
        _settings(broker=broker_addr),
        as_json=as_json,
        from_beginning=from_beginning,
        idle_exit=idle_exit,
        out=sys.stdout,
        event_filter=event_filter,
        topic=topic,
    )
    click.echo(f"{count} event revisions", err=True)


@main.command(name="dead-letters")
@click.option("--broker", "broker_addr", default=None, help="host:port (overrides PARLEY_BROKER).")
@click.option("--json", "as_json", is_flag=True, help="JSON lines: headers, key, value.")
@click.option("--from-beginning", is_flag=True, help="Start at the oldest dead letter.")
@click.option(
    "--idle-exit", type=float, default=None, help="Stop after SECONDS without a dead letter."
)
def dead_letters(
    broker_addr: str | None, as_json: bool, from_beginning: bool, idle_exit: float | None
) -> None:
    """Print records Parley could not process (the dead-letter topic), with the error."""
    import asyncio

    from pipeline.feeds.deadletters import read_dead_letters

    count = asyncio.run(
        read_dead_letters(
            _settings(broker=broker_addr),
            as_json=as_json,
            from_beginning=from_beginning,
            idle_exit=idle_exit,
            out=sys.stdout,
        )
    )
    click.echo(f"{count} dead letters", err=True)


@main.command()
@click.argument("input_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the events (JSON lines); standard output when omitted.",
)
def extract(input_path: Path, output: Path | None) -> None:
    """Extract and deduplicate events from a JSONL file of articles (or one .txt/.html
    article), offline (no broker). Articles are checked as the worker checks them."""
    from datetime import UTC, datetime

    from pipeline.offline import extract_file

    now = datetime.now(UTC)
    report = extract_file(input_path, output, settings=_settings(), now=now)
    click.echo(str(report), err=True)


@main.command(name="eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--events",
    "events_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Score this events JSONL instead of running the offline core.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(corpus: Path, events_path: Path | None, as_json: bool) -> None:
    """Score Parley against a gold corpus folder (articles.jsonl + events.jsonl)."""
    from pipeline.offline import evaluate_corpus

    click.echo(evaluate_corpus(corpus, events_path, as_json=as_json, settings=_settings()))


@main.command()
@click.argument(
    "corpora",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
@click.option(
    "--check",
    "checks",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Also measure on this corpus (not fitted on); repeatable.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Model JSON to write.",
)
@click.option(
    "--l2",
    type=click.FloatRange(min=0, min_open=True),
    default=1.0,
    show_default=True,
    help="L2 penalty on the weights (> 0).",
)
def calibrate(corpora: tuple[Path, ...], checks: tuple[Path, ...], out: Path, l2: float) -> None:
    """Fit the confidence model on gold corpora (candidates labelled right or wrong)."""
    from pipeline.calibration import calibrate as run_calibration
    from pipeline.calibration import format_report

    report = run_calibration(corpora, out=out, check=checks, l2=l2, settings=_settings())
    click.echo(format_report(report))


@main.command()
@click.option(
    "--timeout", type=float, default=120.0, show_default=True, help="Give up after SECONDS."
)
def demo(timeout: float) -> None:
    """Embedded broker + worker + the bundled sample articles; prints events, then exits."""
    from pipeline.demo import run_demo

    sys.exit(run_demo(_settings(), timeout=timeout))


@main.command(name="settings")
@click.option("--markdown", is_flag=True, help="Print the reference table (docs/settings.md).")
def show_settings(markdown: bool) -> None:
    """List every PARLEY_* setting: its value here, its default and what it does."""
    from pipeline.settings import describe_settings, settings_table

    if markdown:
        click.echo(settings_table(), nl=False)
        return
    for variable, default, current, description in describe_settings(_settings()):
        marker = "" if current == default else f"  (default {default})"
        click.echo(f"{variable}={current}{marker}\n    {description}")


@main.command()
@click.option(
    "--check", is_flag=True, help="Fail when the checked-in schemas differ from the models."
)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"))
def schemas(check: bool, out: Path) -> None:
    """Write the JSON Schemas of every topic message into schemas/ (or check them)."""
    from pipeline.schema import check_schemas, write_schemas

    if check:
        drift = check_schemas(out)
        if drift:
            raise click.ClickException("schemas drifted from the models: " + ", ".join(drift))
        click.echo("schemas match the models")
    else:
        for path in write_schemas(out):
            click.echo(f"wrote {path}")


if __name__ == "__main__":
    main()
