"""The gazetteer data files: shape, coverage of every UN member state, consistent codes.

The list of the 193 UN member states is checked in here (ISO 3166-1 alpha-3), so the
test does not depend on pycountry (a dev dependency used only to seed the files).
"""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

DATA_DIR = Path(__file__).resolve().parents[2] / "pipeline" / "coding" / "data"

UN_MEMBERS = frozenset(
    [
        "AFG",
        "ALB",
        "DZA",
        "AND",
        "AGO",
        "ATG",
        "ARG",
        "ARM",
        "AUS",
        "AUT",
        "AZE",
        "BHS",
        "BHR",
        "BGD",
        "BRB",
        "BLR",
        "BEL",
        "BLZ",
        "BEN",
        "BTN",
        "BOL",
        "BIH",
        "BWA",
        "BRA",
        "BRN",
        "BGR",
        "BFA",
        "BDI",
        "CPV",
        "KHM",
        "CMR",
        "CAN",
        "CAF",
        "TCD",
        "CHL",
        "CHN",
        "COL",
        "COM",
        "COG",
        "COD",
        "CRI",
        "CIV",
        "HRV",
        "CUB",
        "CYP",
        "CZE",
        "DNK",
        "DJI",
        "DMA",
        "DOM",
        "ECU",
        "EGY",
        "SLV",
        "GNQ",
        "ERI",
        "EST",
        "SWZ",
        "ETH",
        "FJI",
        "FIN",
        "FRA",
        "GAB",
        "GMB",
        "GEO",
        "DEU",
        "GHA",
        "GRC",
        "GRD",
        "GTM",
        "GIN",
        "GNB",
        "GUY",
        "HTI",
        "HND",
        "HUN",
        "ISL",
        "IND",
        "IDN",
        "IRN",
        "IRQ",
        "IRL",
        "ISR",
        "ITA",
        "JAM",
        "JPN",
        "JOR",
        "KAZ",
        "KEN",
        "KIR",
        "KWT",
        "KGZ",
        "LAO",
        "LVA",
        "LBN",
        "LSO",
        "LBR",
        "LBY",
        "LIE",
        "LTU",
        "LUX",
        "MDG",
        "MWI",
        "MYS",
        "MDV",
        "MLI",
        "MLT",
        "MHL",
        "MRT",
        "MUS",
        "MEX",
        "FSM",
        "MDA",
        "MCO",
        "MNG",
        "MNE",
        "MAR",
        "MOZ",
        "MMR",
        "NAM",
        "NRU",
        "NPL",
        "NLD",
        "NZL",
        "NIC",
        "NER",
        "NGA",
        "PRK",
        "MKD",
        "NOR",
        "OMN",
        "PAK",
        "PLW",
        "PAN",
        "PNG",
        "PRY",
        "PER",
        "PHL",
        "POL",
        "PRT",
        "QAT",
        "KOR",
        "ROU",
        "RUS",
        "RWA",
        "KNA",
        "LCA",
        "VCT",
        "WSM",
        "SMR",
        "STP",
        "SAU",
        "SEN",
        "SRB",
        "SYC",
        "SLE",
        "SGP",
        "SVK",
        "SVN",
        "SLB",
        "SOM",
        "ZAF",
        "SSD",
        "ESP",
        "LKA",
        "SDN",
        "SUR",
        "SWE",
        "CHE",
        "SYR",
        "TJK",
        "TZA",
        "THA",
        "TLS",
        "TGO",
        "TON",
        "TTO",
        "TUN",
        "TUR",
        "TKM",
        "TUV",
        "UGA",
        "UKR",
        "ARE",
        "GBR",
        "USA",
        "URY",
        "UZB",
        "VUT",
        "VEN",
        "VNM",
        "YEM",
        "ZMB",
        "ZWE",
    ]
)
OBSERVERS = frozenset({"VAT", "PSE"})
ROLES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "official",
        "org_head",
    }
)


def _load(name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return rows


@pytest.fixture(scope="module")
def countries() -> list[dict[str, Any]]:
    return _load("countries.json")


@pytest.fixture(scope="module")
def organizations() -> list[dict[str, Any]]:
    return _load("organizations.json")


@pytest.fixture(scope="module")
def leaders() -> list[dict[str, Any]]:
    return _load("leaders.json")


def test_un_member_list_has_193_states() -> None:
    """The checked-in list of UN member states is complete (193)."""
    expected = 193
    assert expected == len(UN_MEMBERS)


def test_every_un_member_is_covered(countries: list[dict[str, Any]]) -> None:
    """Every UN member state has a row marked ``member`` with a name, a demonym and a capital."""
    by_code = {row["code"]: row for row in countries}
    missing = sorted(UN_MEMBERS - by_code.keys())
    nothing: list[str] = []
    assert nothing == missing
    incomplete = [
        code
        for code in sorted(UN_MEMBERS)
        if not (by_code[code]["name"] and by_code[code]["demonyms"] and by_code[code]["capitals"])
    ]
    assert nothing == incomplete
    expected = set(UN_MEMBERS)
    assert expected == {row["code"] for row in countries if row["un_status"] == "member"}


def test_observers_and_others_are_present(countries: list[dict[str, Any]]) -> None:
    """The two observer states and Taiwan and Kosovo are listed with the right status."""
    status = {row["code"]: row["un_status"] for row in countries}
    expected = {"VAT": "observer", "PSE": "observer", "TWN": "other", "XKX": "other"}
    assert expected == {code: status.get(code) for code in expected}


def test_country_rows_have_the_expected_shape(countries: list[dict[str, Any]]) -> None:
    """Each country row has an alpha-3 code and string lists for every term field."""
    required = {"code", "name", "aliases", "demonyms", "capitals", "institutions", "un_status"}
    bad = []
    for row in countries:
        if not required <= row.keys() or len(row["code"]) != 3 or not row["code"].isupper():
            bad.append(row.get("code"))
            continue
        for field in ("aliases", "demonyms", "capitals", "institutions"):
            if not all(isinstance(term, str) and term.strip() for term in row[field]):
                bad.append(row["code"])
        if row["un_status"] not in {"member", "observer", "other"}:
            bad.append(row["code"])
    nothing: list[str] = []
    assert nothing == bad


def test_codes_are_unique_across_files(
    countries: list[dict[str, Any]], organizations: list[dict[str, Any]]
) -> None:
    """No code appears twice, within a file or across countries and organisations."""
    codes = [row["code"] for row in countries] + [row["code"] for row in organizations]
    assert len(codes) == len(set(codes))


def test_organizations_are_valid(
    countries: list[dict[str, Any]], organizations: list[dict[str, Any]]
) -> None:
    """Each organisation is an IGO with aliases, and its members are known country codes."""
    country_codes = {row["code"] for row in countries}
    bad = [
        row["code"]
        for row in organizations
        if row.get("sector") != "IGO"
        or not row["aliases"]
        or not set(row.get("members", [])) <= country_codes
    ]
    nothing: list[str] = []
    assert nothing == bad
    expected = {
        "UN",
        "EU",
        "NATO",
        "SCO",
        "AU",
        "ASEAN",
        "OSCE",
        "IAEA",
        "G7",
        "BRICS",
        "ICC",
        "WHO",
    }
    assert expected == expected & {row["code"] for row in organizations}


def test_leaders_reference_known_codes_and_valid_dates(
    countries: list[dict[str, Any]],
    organizations: list[dict[str, Any]],
    leaders: list[dict[str, Any]],
) -> None:
    """Each leader row names a known code and role, and its date range is ordered."""
    codes = {row["code"] for row in countries} | {row["code"] for row in organizations}
    bad = []
    for row in leaders:
        start = date.fromisoformat(row["start"])
        end = date.fromisoformat(row["end"]) if row["end"] is not None else None
        if row["code"] not in codes or row["role"] not in ROLES or (end and end < start):
            bad.append(row["name"])
    nothing: list[str] = []
    assert nothing == bad


def test_a_person_holds_one_role_per_code_at_a_time(leaders: list[dict[str, Any]]) -> None:
    """Two rows of one person, code and role never overlap in time."""
    spans: dict[tuple[str, str, str], list[tuple[date, date]]] = {}
    for row in leaders:
        end = date.fromisoformat(row["end"]) if row["end"] else date.max
        key = (row["name"], row["code"], row["role"])
        spans.setdefault(key, []).append((date.fromisoformat(row["start"]), end))
    overlapping = []
    for key, ranges in spans.items():
        ranges.sort()
        if any(later[0] < earlier[1] for earlier, later in itertools.pairwise(ranges)):
            overlapping.append(key)
    nothing: list[tuple[str, str, str]] = []
    assert nothing == overlapping


def test_well_known_leaders_resolve_for_their_dates(leaders: list[dict[str, Any]]) -> None:
    """Spot checks: Ukraine's foreign minister changed on 2024-09-05; Rutte succeeded Stoltenberg."""

    def holder(code: str, role: str, on: str) -> set[str]:
        day = date.fromisoformat(on)
        return {
            row["name"]
            for row in leaders
            if row["code"] == code
            and row["role"] == role
            and date.fromisoformat(row["start"]) <= day
            and (row["end"] is None or day < date.fromisoformat(row["end"]))
        }

    assert {"Dmytro Kuleba"} == holder("UKR", "foreign_minister", "2024-06-01")
    assert {"Andrii Sybiha"} == holder("UKR", "foreign_minister", "2025-09-03")
    assert {"Mark Rutte"} == holder("NATO", "org_head", "2025-07-14")
    assert {"Jens Stoltenberg"} == holder("NATO", "org_head", "2024-04-19")
    assert {"Donald Trump"} == holder("USA", "head_of_state", "2025-06-05")


# States that cannot have a head of state or of government row in force on a checked day by
# the nature of their institutions (e.g. a collective presidency and no prime minister).
# Empty today: Bosnia lists the chairs of its Council of Ministers, Haiti its prime ministers
# during the Transitional Presidential Council, Lebanon its prime ministers while the
# presidency was vacant, Switzerland its yearly President of the Confederation.
LEADERLESS_BY_NATURE: frozenset[str] = frozenset()

LEADER_CHECK_DAYS = ("2016-06-01", "2020-06-01", "2024-06-01")


@pytest.mark.parametrize("on", LEADER_CHECK_DAYS)
def test_every_un_member_has_a_leader_in_force(leaders: list[dict[str, Any]], on: str) -> None:
    """Every UN member (bar the exemptions) has a head of state or of government in office on the day."""
    day = date.fromisoformat(on)
    led = {
        row["code"]
        for row in leaders
        if row["role"] in ("head_of_state", "head_of_government")
        and date.fromisoformat(row["start"]) <= day
        and (row["end"] is None or day < date.fromisoformat(row["end"]))
    }
    nothing: list[str] = []
    assert nothing == sorted(UN_MEMBERS - LEADERLESS_BY_NATURE - led)
