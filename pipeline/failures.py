"""How the command line reports failures: one line and exit code 2 for what a user can
act on (bad settings, no broker, a missing file), a traceback for anything else (a bug)."""

from __future__ import annotations

import sys
from typing import Any

import click

__all__ = ["CommandGroup", "describe_failure"]


def describe_failure(exc: BaseException) -> str | None:
    """One line for an error a user can act on (bad settings, no broker, a missing
    file); ``None`` for anything else, which is a bug and keeps its traceback."""
    from pydantic import ValidationError

    from pipeline.errors import ParleyError

    if isinstance(exc, ParleyError):
        return str(exc)
    if isinstance(exc, ValidationError):
        problems = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"])
            name = f"PARLEY_{where.upper()}" if exc.title == "Settings" else where
            problems.append(f"{name}: {error['msg']}")
        return f"invalid {exc.title}: " + "; ".join(problems)
    if isinstance(exc, OSError):
        return f"{type(exc).__name__}: {exc}"
    try:
        from aiokafka.errors import KafkaError
    except ImportError:  # pragma: no cover - aiokafka is a dependency
        return None
    if isinstance(exc, KafkaError):
        return f"broker: {type(exc).__name__}: {exc}"
    return None


class CommandGroup(click.Group):
    """Parley's command group: a failure a user can act on is one line and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except BrokenPipeError:  # `parley tail | head`: the reader is gone, not an error
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as exc:
            message = describe_failure(exc)
            if message is None:
                raise
            click.echo(f"parley: error: {message}", err=True)
            sys.exit(2)
