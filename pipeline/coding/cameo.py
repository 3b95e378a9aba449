"""The CAMEO code table and its map to PLOVER types and modes.

Each code carries its label, its root (first two digits), its QuadClass (1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) and its
value on the standard CAMEO Goldstein scale (-10 to +10). Roots 01 (public
statement) and 09 (investigate) have no PLOVER type: Parley does not publish them.
"""

from __future__ import annotations

from pipeline.errors import ParleyError
from pipeline.models import Cameo

__all__ = ["CAMEO", "UnknownCameoCode", "build_cameo", "plover_mode", "plover_type"]


class UnknownCameoCode(ParleyError):
    """A CAMEO code that is not in the table (a lexicon bug)."""

    code = "E301"


# code: (label, goldstein)
CAMEO: dict[str, tuple[str, float]] = {
    "010": ("Make statement", 0.0),
    "020": ("Make an appeal or request", 3.0),
    "021": ("Appeal for material cooperation", 3.4),
    "022": ("Appeal for diplomatic cooperation", 3.2),
    "023": ("Appeal for aid", 3.4),
    "0231": ("Appeal for economic aid", 3.4),
    "0232": ("Appeal for military aid", 3.4),
    "0233": ("Appeal for humanitarian aid", 3.4),
    "024": ("Appeal for political reform", -0.3),
    "025": ("Appeal to yield", -0.3),
    "0254": ("Appeal for easing of economic sanctions, boycott, or embargo", -0.3),
    "0256": ("Appeal to de-escalate military engagement", -0.3),
    "026": ("Appeal to others to meet or negotiate", 4.0),
    "027": ("Appeal to others to settle dispute", 4.0),
    "028": ("Appeal to others to engage in or accept mediation", 4.0),
    "030": ("Express intent to cooperate", 4.0),
    "031": ("Express intent to engage in material cooperation", 5.2),
    "032": ("Express intent to provide diplomatic cooperation", 4.5),
    "033": ("Express intent to provide material aid", 5.2),
    "0331": ("Express intent to provide economic aid", 5.2),
    "0332": ("Express intent to provide military aid", 5.2),
    "035": ("Express intent to yield", 5.0),
    "0354": ("Express intent to ease economic sanctions, boycott, or embargo", 5.0),
    "036": ("Express intent to meet or negotiate", 4.0),
    "037": ("Express intent to settle dispute", 5.0),
    "039": ("Express intent to mediate", 5.0),
    "040": ("Consult", 1.0),
    "041": ("Discuss by telephone", 1.0),
    "042": ("Make a visit", 1.9),
    "043": ("Host a visit", 2.8),
    "044": ("Meet at a third location", 2.5),
    "045": ("Mediate", 5.0),
    "046": ("Engage in negotiation", 7.0),
    "050": ("Engage in diplomatic cooperation", 3.5),
    "051": ("Praise or endorse", 3.4),
    "052": ("Defend verbally", 3.5),
    "053": ("Rally support on behalf of", 3.8),
    "054": ("Grant diplomatic recognition", 6.0),
    "055": ("Apologize", 7.0),
    "056": ("Forgive", 7.0),
    "057": ("Sign formal agreement", 8.0),
    "060": ("Engage in material cooperation", 6.0),
    "061": ("Cooperate economically", 6.4),
    "062": ("Cooperate militarily", 7.4),
    "063": ("Engage in judicial cooperation", 7.4),
    "064": ("Share intelligence or information", 7.0),
    "070": ("Provide aid", 7.0),
    "071": ("Provide economic aid", 7.4),
    "072": ("Provide military aid", 8.3),
    "073": ("Provide humanitarian aid", 7.4),
    "074": ("Provide military protection or peacekeeping", 8.5),
    "075": ("Grant asylum", 7.0),
    "080": ("Yield", 5.0),
    "081": ("Ease administrative sanctions", 5.0),
    "084": ("Return, release", 7.0),
    "085": ("Ease economic sanctions, boycott, embargo", 7.0),
    "086": ("Allow international involvement", 9.0),
    "087": ("De-escalate military engagement", 9.0),
    "0871": ("Declare truce, ceasefire", 9.0),
    "0872": ("Ease military blockade", 9.0),
    "0873": ("Demobilize armed forces", 9.0),
    "0874": ("Retreat or surrender militarily", 10.0),
    "100": ("Demand", -5.0),
    "101": ("Demand material cooperation", -5.0),
    "102": ("Demand diplomatic cooperation", -5.0),
    "103": ("Demand material aid", -5.0),
    "105": ("Demand that target yield", -5.0),
    "1056": ("Demand de-escalation of military engagement", -5.0),
    "106": ("Demand meeting, negotiation", -5.0),
    "110": ("Disapprove", -2.0),
    "111": ("Criticize or denounce", -2.0),
    "112": ("Accuse", -2.0),
    "1121": ("Accuse of crime, corruption", -2.0),
    "1122": ("Accuse of human rights abuses", -2.0),
    "1123": ("Accuse of aggression", -2.0),
    "1124": ("Accuse of war crimes", -2.0),
    "1125": ("Accuse of espionage, treason", -2.0),
    "114": ("Complain officially", -2.0),
    "115": ("Bring lawsuit against", -2.0),
    "120": ("Reject", -4.0),
    "121": ("Reject material cooperation", -4.0),
    "122": ("Reject request or demand for material aid", -4.0),
    "124": ("Refuse to yield", -4.0),
    "125": ("Reject proposal to meet, discuss, or negotiate", -5.0),
    "126": ("Reject mediation", -5.0),
    "127": ("Reject plan, agreement to settle dispute", -5.0),
    "128": ("Defy norms, law", -4.0),
    "129": ("Veto", -5.0),
    "130": ("Threaten", -4.4),
    "131": ("Threaten non-force", -5.8),
    "1311": ("Threaten to reduce or stop aid", -5.8),
    "1312": ("Threaten with sanctions, boycott, embargo", -5.8),
    "1313": ("Threaten to reduce or break relations", -5.8),
    "134": ("Threaten to halt negotiations", -5.8),
    "138": ("Threaten with military force", -7.0),
    "139": ("Give ultimatum", -7.0),
    "140": ("Engage in political dissent", -6.5),
    "150": ("Demonstrate military or police power", -7.2),
    "154": ("Mobilize or increase armed forces", -7.2),
    "160": ("Reduce relations", -4.0),
    "161": ("Reduce or break diplomatic relations", -4.0),
    "162": ("Reduce or stop material aid", -5.6),
    "163": ("Impose embargo, boycott, or sanctions", -8.0),
    "164": ("Halt negotiations", -7.0),
    "166": ("Expel or withdraw", -7.0),
    "170": ("Coerce", -7.0),
    "171": ("Seize or damage property", -9.2),
    "1712": ("Destroy property", -9.2),
    "172": ("Impose administrative sanctions", -5.0),
    "173": ("Arrest, detain, or charge with legal action", -5.0),
    "174": ("Expel or deport individuals", -5.0),
    "180": ("Use unconventional violence", -9.0),
    "190": ("Use conventional military force", -10.0),
    "191": ("Impose blockade, restrict movement", -9.5),
    "192": ("Occupy territory", -9.5),
    "195": ("Employ aerial weapons", -10.0),
    "196": ("Violate ceasefire", -9.5),
}

_ROOT_PLOVER: dict[str, str] = {
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}

_CODE_MODE: dict[str, str] = {
    "023": "assist",
    "0231": "assist",
    "0232": "assist",
    "0233": "assist",
    "025": "yield",
    "0254": "yield",
    "026": "meet",
    "040": "multilateral",
    "041": "phone",
    "042": "visit",
    "043": "host",
    "044": "third-party",
    "045": "mediate",
    "071": "economic",
    "072": "military",
    "073": "humanitarian",
    "125": "meet",
    "1312": "restrict",
    "138": "violence",
    "161": "expel",
    "163": "sever",
}


def _quad_class(root: str) -> int:
    number = int(root)
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13:
        return 3
    return 4


def build_cameo(code: str) -> Cameo:
    """The ``Cameo`` model for a code of the table; raises ``UnknownCameoCode``."""
    if code not in CAMEO:
        raise UnknownCameoCode(f"unknown CAMEO code {code!r}")
    label, goldstein = CAMEO[code]
    root = code[:2]
    return Cameo(
        code=code, label=label, root=root, quad_class=_quad_class(root), goldstein=goldstein
    )


def plover_type(code: str) -> str | None:
    """The PLOVER event type of a CAMEO code (None for roots PLOVER does not code)."""
    if code.startswith("087"):
        return "RETREAT"
    return _ROOT_PLOVER.get(code[:2])


def plover_mode(code: str) -> str | None:
    """The PLOVER mode that a CAMEO code implies, when it implies one."""
    return _CODE_MODE.get(code)
