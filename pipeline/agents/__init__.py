"""Stream wiring only: each agent decodes, calls a pure core, sends and logs.

``ingest`` (articles → article.clean, bad input → articles.dlq), ``extract``
(article.clean → event.candidates keyed by blocking key, articles.outcomes),
``dedup`` (event.candidates + table → events, mentions) and ``route`` (events →
routed feeds). ``create_app`` in :mod:`pipeline.app` registers them.
"""
