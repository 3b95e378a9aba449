"""The clauses around a trigger.

A phrase without the relative, complement and adverbial clauses below it; the
character spans of the relative clauses that tell of other acts (their dates are
not the act's) or hold the act itself (its dates are); and the tokens of the acts
an embedding trigger absorbs ("invited him to visit").
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.coding.syntax import children_of, clausal_complements

__all__ = [
    "absorbed_by",
    "cut_subtree",
    "foreign_clauses",
    "own_clause",
]

_CLAUSES = frozenset({"relcl", "ccomp", "advcl"})


def cut_subtree(head: Token) -> list[Token]:
    """The subtree of ``head`` without the relative, complement and adverbial clauses below it."""
    found = [head]
    for child in head.children:
        finite = child.dep_ == "pcomp" and any(c.dep_ == "nsubj" for c in child.children)
        if child.dep_ not in _CLAUSES and not finite:  # "of why talks failed" is a clause
            found += cut_subtree(child)
    return found


def foreign_clauses(token: Token) -> tuple[tuple[int, int], ...]:
    """Character spans of the clauses that do not hold the trigger: relative clauses ("a
    freeze that began in 2011"), what another verb reports ("accused X and said the step
    answered a decision on May 2") and comparisons: their dates are not the act's."""
    spans = []
    ancestors = {token, *token.ancestors}
    for clause in token.doc:
        if token in clause.subtree:
            continue
        if (
            clause.dep_ == "relcl"
            or (clause.dep_ == "ccomp" and clause.head not in ancestors)
            or _comparison(clause)
        ):
            first, last = clause.left_edge, clause.right_edge
            spans.append((first.idx, last.idx + len(last)))
    return tuple(spans)


def _comparison(clause: Token) -> bool:
    """A clause of comparison ("like I did four years ago", "as it did in 2019"): its date is
    the earlier act's."""
    if clause.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return "like" in marks or ("as" in marks and clause.lower_ in _DID)


_DID = frozenset({"did", "done", "does", "had", "has"})


def own_clause(token: Token) -> tuple[int, int] | None:
    """Character span of the relative clause that holds the trigger ("the complaint it filed
    in 2019"): a date inside it is the act's own."""
    for node in (token, *token.ancestors):
        if node.dep_ == "relcl":
            first, last = node.left_edge, node.right_edge
            return (first.idx, last.idx + len(last))
    return None


def absorbed_by(token: Token, is_noun: bool) -> set[int]:
    """Tokens of the acts an embedding trigger governs ("invited him to visit")."""
    heads = clausal_complements(token) + [
        c
        for c in token.children
        if c.dep_ in ("dobj", "prep", "acl", "pobj", "attr") or (is_noun and c.dep_ != "poss")
    ]
    absorbed = {t.i for head in heads for t in head.subtree}
    for head in heads:  # "agreed ..., in a deal brokered by C": C's own act stays
        for t in head.subtree:
            if (t.dep_ == "acl" and children_of(t, ("agent",))) or _time_clause(t):
                absorbed -= {u.i for u in t.subtree}
    return absorbed


_TIME_MARKS = frozenset({"when", "while", "after", "before"})


def _time_clause(clause: Token) -> bool:
    """A clause with its own subject telling when ("asked X to act when Y visited Z"): its
    act is told on its own, never asked for."""
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ in ("advmod", "mark") and c.lower_ in _TIME_MARKS for c in clause.children)
        and bool(children_of(clause, ("nsubj",)))
    )
