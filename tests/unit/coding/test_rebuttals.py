"""Rebuttals in the next sentence: an act told in one sentence and denied by its author
in the next ("... denied the claim") is a denied act; the charge itself stands.

Every sentence is hand-written.
"""

from __future__ import annotations

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article


def _coded(coder: Coder, body: str) -> set[tuple[str, str, str | None, str]]:
    return {
        (c.source.code, c.type, c.target.code if c.target else None, c.status)
        for c in coder.extract(make_article(body))
    }


def test_act_denied_by_its_author_next_is_denied(coder: Coder) -> None:
    """The alleged attack is denied; the accusation is still made."""
    body = (
        "Serbian police said on Monday that Kosovo gunmen had attacked a Serbian patrol near "
        "Jarinje. Kosovo's interior ministry denied the claim."
    )
    found = _coded(coder, body)
    assert ("XKX", "ASSAULT", "SRB", "denied") in found
    assert ("SRB", "ACCUSE", "XKX", "occurred") in found


def test_rebuttal_by_another_party_denies_nothing(coder: Coder) -> None:
    """A third state rejecting "the claims" does not deny the act of another."""
    body = (
        "Thailand's army said on Tuesday that Cambodian troops had attacked Thai positions "
        "along the border. Malaysia's foreign ministry dismissed the claims."
    )
    assert ("KHM", "ASSAULT", "THA", "occurred") in _coded(coder, body)


def test_charge_on_another_partys_word_then_bare_denial_is_denied(coder: Coder) -> None:
    """A navy's charge of firing, then the accused ministry dismissing "the claims as
    baseless": the firing is denied, the charge stands."""
    body = (
        "Ghana's navy said on Friday that Togolese patrol boats had fired on Ghanaian "
        "fishermen near the maritime border. Togo's interior ministry dismissed the claims "
        "as baseless."
    )
    found = _coded(coder, body)
    assert ("TGO", "ASSAULT", "GHA", "denied") in found
    assert ("GHA", "ACCUSE", "TGO", "occurred") in found


def test_denial_of_something_else_leaves_a_meeting_done(coder: Coder) -> None:
    """A denial of reports "that" name another matter does not undo a meeting told just
    before, and a meeting is no charge to deny."""
    body = (
        "Greece's prime minister received Cyprus's president in Athens on Thursday. Greece "
        "denied the reports that it would close its consulate in Nicosia."
    )
    assert ("GRC", "CONSULT", "CYP", "occurred") in _coded(coder, body)


def test_rejecting_a_casualty_report_leaves_a_strike_done(coder: Coder) -> None:
    """Rejecting "the reports of" casualties disputes a figure, not the strike itself,
    which its own army announced."""
    body = (
        "Russia bombed Ukrainian depots near Kharkiv on Wednesday, the Russian defence "
        "ministry said. Russia rejected the reports of civilian deaths."
    )
    assert ("RUS", "ASSAULT", "UKR", "occurred") in _coded(coder, body)
