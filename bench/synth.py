"""Synthetic news for the benchmark: diplomatic clusters, wire copies and distractors.

Deterministic from a seed. Each day a number of real-world-style diplomatic events
happen between real states; one to four outlets report each one (different
wording, published over up to two days), some re-publish a wire agency's copy
under a new headline, some add an earlier event as background; the rest of the
day's articles are distractors (sport, markets, weather, crime). Articles are
400–900 words and come out in arrival order (``published_at``), in the article
format of ``../shared/eval/FORMAT.md``; the expected events (the clusters, in the
gold ``events.jsonl`` format) are collected alongside. The expected coding is the
generator's intent, good enough to check dedup state, not a quality gold.
"""

from __future__ import annotations

import heapq
import random
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import orjson

from bench import templates as tpl

__all__ = ["SynthConfig", "SyntheticCorpus", "generate", "write_corpus"]

_MIN_WORDS, _MAX_WORDS = 400, 900
_SUBJECTS = (
    "Officials",
    "Diplomats",
    "Several ministers",
    "Advisers",
    "Negotiators",
    "Senior aides",
)
_VERBS = ("said", "argued", "warned", "suggested", "insisted", "acknowledged")
_CLAIMS = (
    "that {topic} would shape the next phase of talks",
    "that the {adj} position had hardened since the spring",
    "that a compromise on {topic} was still possible",
    "that patience in {capital} was running out",
    "that the next {n} days would be decisive",
    "that {topic} could not be separated from security guarantees",
)
_TAILS = ("", " in private briefings", " on condition of anonymity", " at a seminar in {capital}")


@dataclass(frozen=True)
class SynthConfig:
    """What to generate: ``articles`` articles, from ``seed``, at ``articles_per_day``."""

    articles: int = 200
    seed: int = 7
    articles_per_day: int = 120
    diplomatic_share: float = 0.65
    syndication_share: float = 0.15
    background_share: float = 0.25
    reaction_share: float = 0.3
    #: A Monday far enough back that 100,000 articles at 120 a day (833 days) end in the
    #: past: a worker dead-letters articles dated more than two days ahead of its clock.
    start: date = date(2023, 1, 2)


@dataclass
class _Event:
    gold: dict[str, Any]
    kind: tpl.Kind
    slots: dict[str, str]


@dataclass
class SyntheticCorpus:
    """A generator of articles in arrival order; ``events`` fills in as articles come out."""

    config: SynthConfig
    events: list[dict[str, Any]] = field(default_factory=list)

    def articles(self) -> Iterator[dict[str, Any]]:
        """Yield ``config.articles`` articles, sorted by ``published_at``."""
        rng = random.Random(self.config.seed)
        heap: list[tuple[datetime, int, dict[str, Any], list[_Event]]] = []
        recent: deque[_Event] = deque(maxlen=400)
        emitted = 0
        seq = 0
        day_index = 0
        while emitted < self.config.articles:
            day = self.config.start + timedelta(days=day_index)
            day_start = datetime.combine(day, time(0), tzinfo=UTC)
            while heap and heap[0][0] < day_start and emitted < self.config.articles:
                _, _, article, reported = heapq.heappop(heap)
                emitted += 1
                article["id"] = f"syn-{emitted:06d}"
                article["url"] = f"{article['url']}-{emitted:06d}"
                for event in reported:
                    event.gold["articles"].append(article["id"])
                yield article
            budget = self.config.articles_per_day
            while budget > 0:
                if rng.random() < self.config.diplomatic_share:
                    made = _cluster(rng, self.config, day, recent, len(self.events))
                    self.events.extend(event.gold for event in made[1])
                    for article, reported in made[0]:
                        heapq.heappush(heap, (_published(article), seq, article, reported))
                        seq += 1
                    budget -= len(made[0])
                else:
                    article = _distractor(rng, day)
                    heapq.heappush(heap, (_published(article), seq, article, []))
                    seq += 1
                    budget -= 1
            day_index += 1
        self.events = [event for event in self.events if event["articles"]]


def generate(config: SynthConfig) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """All articles (arrival order) and the expected events of ``config``."""
    corpus = SyntheticCorpus(config)
    articles = list(corpus.articles())
    return articles, corpus.events


def write_corpus(config: SynthConfig, out_dir: Path) -> tuple[Path, Path]:
    """Write ``articles.jsonl`` and ``events.jsonl`` (expected clusters) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    corpus = SyntheticCorpus(config)
    articles_path, events_path = out_dir / "articles.jsonl", out_dir / "events.jsonl"
    with articles_path.open("wb") as handle:
        for article in corpus.articles():
            handle.write(orjson.dumps(article) + b"\n")
    with events_path.open("wb") as handle:
        for event in corpus.events:
            handle.write(orjson.dumps(event) + b"\n")
    return articles_path, events_path


def _published(article: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(article["published_at"])


def _pair(rng: random.Random) -> tuple[tpl.Actor, tpl.Actor]:
    source, target = rng.sample(tpl.ACTORS, 2)
    return source, target


def _slots(rng: random.Random, source: tpl.Actor, target: tpl.Actor) -> dict[str, str]:
    slots = {f"s_{k}": v for k, v in source._asdict().items()}
    slots.update({f"t_{k}": v for k, v in target._asdict().items()})
    slots.update(
        place=rng.choice(tpl.NEUTRAL_PLACES),
        topic=rng.choice(tpl.TOPICS),
        charge=rng.choice(tpl.CHARGES),
        n=str(rng.randint(3, 40)),
    )
    return slots


def _gold(
    index: int, kind: tpl.Kind, slots: dict[str, str], day: date, *, reverse: bool
) -> dict[str, Any]:
    s, t = ("t", "s") if reverse else ("s", "t")
    location = {
        "s_capital": slots[f"{s}_capital"],
        "t_capital": slots[f"{t}_capital"],
        "place": slots["place"],
    }.get(kind.location)
    named = kind.name not in {"sanction", "expel", "sign"}
    return {
        "id": f"S{index + 1:06d}",
        "source": slots[f"{s}_code"],
        "source_name": slots[f"{s}_leader"] if named else None,
        "target": slots[f"{t}_code"],
        "target_name": slots[f"{t}_leader"] if named else None,
        "plover": kind.plover,
        "mode": kind.mode,
        "cameo": kind.cameo,
        "status": kind.status,
        "location": location,
        "date": day.isoformat(),
        "articles": [],
    }


def _cluster(
    rng: random.Random, config: SynthConfig, day: date, recent: deque[_Event], index: int
) -> tuple[list[tuple[dict[str, Any], list[_Event]]], list[_Event]]:
    """One diplomatic event, maybe a reaction, and the 1–4 articles that report it."""
    kind = rng.choice(tpl.KINDS)
    source, target = _pair(rng)
    slots = _slots(rng, source, target)
    main = _Event(_gold(index, kind, slots, day, reverse=False), kind, slots)
    made = [main]
    reaction: str | None = None
    if kind.name in tpl.REACTIONS and rng.random() < config.reaction_share:
        plover, mode, cameo, status, reaction = tpl.REACTIONS[kind.name]
        answer = kind._replace(
            plover=plover,
            mode=mode or None,
            cameo=cameo,
            status=status,
            location="",
            name=kind.name + "-reaction",
        )
        made.append(_Event(_gold(index + 1, answer, slots, day, reverse=True), answer, slots))
    count = rng.choices((1, 2, 3, 4), weights=(20, 35, 30, 15))[0]
    outlets = rng.sample(tpl.OUTLETS + tpl.WIRE_OUTLETS, count)
    articles: list[tuple[dict[str, Any], list[_Event]]] = []
    kept: list[frozenset[str]] = []
    for number, outlet in enumerate(outlets):
        published = datetime.combine(day, time(rng.randint(6, 22), rng.randint(0, 59)), tzinfo=UTC)
        if number:
            published += timedelta(days=rng.choice((0, 0, 1, 1, 2)))
        wire = [i for i, a in enumerate(articles) if a[0]["outlet"] in tpl.WIRE_OUTLETS]
        if wire and rng.random() < config.syndication_share * 3:
            articles.append(_syndicate(rng, articles[wire[0]], kept[wire[0]], outlet, slots, kind))
            kept.append(kept[wire[0]])
            continue
        reported = list(made if reaction and rng.random() < 0.7 else made[:1])
        background = None
        if recent and rng.random() < config.background_share:
            background = rng.choice(recent)
            reported.append(background)
        body, protected = _diplomatic_body(
            rng,
            kind,
            slots,
            day,
            outlet,
            reaction if len(made) > 1 and made[-1] in reported else None,
            background,
        )
        kept.append(protected)
        title = _fill(rng.choice(kind.headlines), slots)
        articles.append((_article(outlet, published, title, body, slug="world"), reported))
    recent.append(main)  # reactions are never told as background
    return articles, made


def _syndicate(
    rng: random.Random,
    original: tuple[dict[str, Any], list[_Event]],
    protected: frozenset[str],
    outlet: str,
    slots: dict[str, str],
    kind: tpl.Kind,
) -> tuple[dict[str, Any], list[_Event]]:
    """A wire copy: the same body minus one context paragraph, a new headline, hours later."""
    article, reported = original
    paragraphs = article["body"].split("\n\n")
    context = [i for i, p in enumerate(paragraphs) if p not in protected and i > 0]
    if len(context) > 2:
        del paragraphs[rng.choice(context)]
    published = _published(article) + timedelta(hours=rng.randint(1, 6))
    title = _fill(rng.choice(kind.headlines), slots)
    return _article(outlet, published, title, "\n\n".join(paragraphs), slug="wire"), list(reported)


def _fill(template: str, slots: dict[str, str]) -> str:
    return template.format(**slots)


def _day_phrase(rng: random.Random, day: date) -> str:
    return f"on {day:%A}" if rng.random() < 0.7 else f"on {day.day} {day:%B}"


def _context_sentence(rng: random.Random, slots: dict[str, str]) -> str:
    if rng.random() < 0.5:
        sentence = rng.choice(tpl.CONTEXT)
    else:
        side = rng.choice("st")
        claim = rng.choice(_CLAIMS).replace("{adj}", "{" + side + "_adj}")
        claim = claim.replace("{capital}", "{" + side + "_capital}")
        tail = rng.choice(_TAILS).replace("{capital}", "{" + side + "_capital}")
        sentence = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)}{tail} {claim}."
    extra = dict(
        slots,
        expert=rng.choice(tpl.EXPERTS),
        institute=rng.choice(tpl.INSTITUTES),
        n=str(rng.randint(2, 90)),
        topic=rng.choice(tpl.TOPICS),
    )
    return sentence.format(**extra)


def _diplomatic_body(
    rng: random.Random,
    kind: tpl.Kind,
    slots: dict[str, str],
    day: date,
    outlet: str,
    reaction: str | None,
    background: _Event | None,
) -> tuple[str, frozenset[str]]:
    """The body of one report, and its paragraphs that carry events (never cut)."""
    day_slots = dict(slots, day=_day_phrase(rng, day))
    lede = _fill(rng.choice(kind.ledes), day_slots)
    dateline = rng.choice((slots["s_capital"], slots["t_capital"])).upper()
    paragraphs = [f"{dateline} ({''.join(w[0] for w in outlet.split())}) — {lede}"]
    paragraphs.append(_fill(rng.choice(kind.quotes), day_slots))
    if reaction is not None:
        paragraphs.append(_fill(reaction, day_slots))
    if background is not None:
        when = date.fromisoformat(background.gold["date"])
        sentence = tpl.BACKGROUND[background.kind.name.removesuffix("-reaction")]
        paragraphs.append(_fill(sentence, dict(background.slots, date=f"{when.day} {when:%B}")))
    protected = frozenset(paragraphs)
    return _pad(rng, paragraphs, lambda: _context_sentence(rng, slots)), protected


def _pad(rng: random.Random, paragraphs: list[str], sentence: Any) -> str:
    """Add context paragraphs until the text is between 400 and 900 words."""
    target = rng.randint(_MIN_WORDS + 20, _MAX_WORDS - 60)
    words = sum(len(p.split()) for p in paragraphs)
    while words < target:
        paragraph = " ".join(sentence() for _ in range(rng.randint(2, 4)))
        size = len(paragraph.split())
        if words + size > _MAX_WORDS - 10 and words >= _MIN_WORDS:
            break
        paragraphs.insert(
            rng.randint(2, len(paragraphs)) if len(paragraphs) > 2 else len(paragraphs), paragraph
        )
        words += size
    return "\n\n".join(paragraphs)


def _distractor(rng: random.Random, day: date) -> dict[str, Any]:
    topic = rng.choice(tuple(tpl.DISTRACTORS))
    headlines, sentences = tpl.DISTRACTORS[topic]

    def fill(template: str) -> str:
        return template.format(
            team=rng.choice(tpl.TEAMS),
            city=rng.choice(tpl.CITIES),
            name=rng.choice(tpl.PEOPLE),
            n=rng.randint(2, 45),
            m=rng.randint(1, 9),
        )

    title = fill(rng.choice(headlines))
    body = _pad(rng, [fill(rng.choice(sentences))], lambda: fill(rng.choice(sentences)))
    published = datetime.combine(day, time(rng.randint(0, 23), rng.randint(0, 59)), tzinfo=UTC)
    return _article(rng.choice(tpl.OUTLETS), published, title, body, slug=topic)


def _article(
    outlet: str, published: datetime, title: str, body: str, *, slug: str
) -> dict[str, Any]:
    host = outlet.lower().replace("the ", "").replace(" ", "")
    return {
        "id": "",
        "outlet": outlet,
        "url": f"https://{host}.example/{slug}/{published:%Y/%m/%d}",
        "published_at": published.isoformat(),
        "language": "en",
        "title": title,
        "body": body,
    }
