"""Bystanders: actors a sentence names that are no party of its act.

News writing names third parties inside an act's phrases: a go-between given its role
("talks ..., with Norway as mediator"), a capital naming a document or process ("the
Algiers peace agreement", "the Minsk format"), people set against a body ("opponents
of the junta" are not the junta). The party search (:mod:`pipeline.coding.search`)
passes over them.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.triggers import inflections

__all__ = ["OTHERS_OF", "document_name", "third_role"]

#: People set against or apart from what their "of" phrase names: "critics of X" are not X.
OTHERS_OF = inflections("opponent", "critic", "enemy", "foe", "victim", "detractor")

#: Documents and processes named after the city where they were made.
_NAMED_AFTER = inflections(
    "agreement",
    "accord",
    "declaration",
    "treaty",
    "protocol",
    "process",
    "format",
    "convention",
    "communique",
    "memorandum",
    "deal",
    "pact",
)


def document_name(token: Token, mention: ActorMention) -> bool:
    """Whether a capital only names a document or process ("the Algiers agreement")."""
    if mention.kind != "capital" or token.dep_ not in ("compound", "nmod", "amod"):
        return False
    head = token.head
    while head.dep_ == "compound" and head.head != head:  # "the Algiers peace agreement"
        head = head.head
    return head.lower_ in _NAMED_AFTER


#: Roles of a third party to an act: "with X as mediator", "with Y as observer".
_THIRD_ROLES = inflections("mediator", "broker", "facilitator", "guarantor", "observer", "witness")


def third_role(token: Token) -> bool:
    """Whether a noun is given a third party's role by an "as" phrase ("Norway as mediator")."""
    return any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.lower_ in _THIRD_ROLES for g in c.children)
        for c in token.children
    )
