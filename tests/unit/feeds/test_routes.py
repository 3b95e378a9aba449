"""Routes files: valid files route events; invalid ones fail with file, route and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ConfigError
from pipeline.feeds.routes import load_routes, parse_routes

from .conftest import MakeEvent

REPO_ROOT = Path(__file__).resolve().parents[3]

EXAMPLE = """
[[route]]
topic = "events.sanctions"
types = ["SANCTION"]

[[route]]
topic = "events.russia-ukraine"
actors = ["RUS", "UKR"]
both = true
min_outlets = 2
"""


def test_routes_for_returns_every_matching_topic(make_event: MakeEvent) -> None:
    """A RUS→UKR sanction from two outlets goes to both topics; from one outlet, to one."""
    routes = parse_routes(EXAMPLE)
    both = make_event(type="SANCTION", code="163", quad_class=4, outlets=("a", "b"))
    one = make_event(type="SANCTION", code="163", quad_class=4, outlets=("a",))
    assert ["events.sanctions", "events.russia-ukraine"] == routes.routes_for(both)
    assert ["events.sanctions"] == routes.routes_for(one)
    assert [] == routes.routes_for(make_event(source="USA", target="CHN"))


def test_repeated_topic_is_routed_once(make_event: MakeEvent) -> None:
    """Two routes to one topic publish an event once."""
    routes = parse_routes(
        '[[route]]\ntopic = "t.x"\ntypes = ["AGREE"]\n[[route]]\ntopic = "t.x"\nactors = ["RUS"]\n'
    )
    assert ["t.x"] == routes.routes_for(make_event())
    assert ["t.x"] == routes.topics


def test_example_file_at_repo_root_is_valid() -> None:
    """routes.example.toml loads and declares at least the two documented routes."""
    routes = load_routes(REPO_ROOT / "routes.example.toml")
    assert {"events.sanctions", "events.russia-ukraine"} <= set(routes.topics)


def test_empty_file_has_no_routes() -> None:
    """A file without routes is valid and routes nothing."""
    assert 0 == len(parse_routes(""))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[route]\n", "routes.toml: not valid TOML"),
        ('[route]\ntopic = "x"\n', "routes.toml: 'route' must be an array of tables"),
        ('[[routes]]\ntopic = "x"\n', "routes.toml: unknown top-level key(s) routes"),
        ('[[route]]\ntypes = ["SANCTION"]\n', "routes.toml: route 1: field 'topic' is required"),
        ('[[route]]\ntopic = "a b"\ntypes = ["AID"]\n', "routes.toml: route 1: field 'topic'"),
        ('[[route]]\ntopic = "x"\n', "routes.toml: route 1 (x): no criteria"),
        (
            '[[route]]\ntopic = "x"\ntypes = ["AID"]\n[[route]]\ntopic = "y"\ntypes = ["SANCTONS"]\n',
            "routes.toml: route 2 (y): types: unknown PLOVER type(s) SANCTONS",
        ),
        (
            '[[route]]\ntopic = "x"\nactor = ["RUS"]\n',
            "routes.toml: route 1 (x): actor: unknown field",
        ),
        (
            '[[route]]\ntopic = "x"\nmin_outlets = "two"\n',
            "routes.toml: route 1 (x): min_outlets:",
        ),
        (
            '[[route]]\ntopic = "events"\ntypes = ["AID"]\n',
            "routes.toml: route 1: field 'topic': 'events' is one of Parley's own topics",
        ),
    ],
)
def test_invalid_routes_name_file_route_and_field(text: str, message: str) -> None:
    """Every invalid routes file raises ConfigError starting with file, route index and field."""
    with pytest.raises(ConfigError) as caught:
        parse_routes(text, source="routes.toml", reserved_topics=["events", "articles"])
    assert str(caught.value).startswith(message), str(caught.value)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    """A routes path that does not exist raises ConfigError naming the path."""
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError, match="cannot read the routes file"):
        load_routes(missing)
