"""The bundled regions gazetteer: its shape, its counts and the references between its entries."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from importlib.resources import files
from typing import Any

import pytest

LEVELS = {
    "region",
    "league_city",
    "county",
    "port",
    "area",
    "group",
    "province",
    "city_outside",
    "cluster",
    "country",
}
REQUIRED = ("name", "level", "parent", "short", "pinyin", "en", "code", "ambiguous_short")
REGION = "内蒙古自治区"

# Short forms shared on purpose: a port named after its city shares the city's short form.
KNOWN_SHARED_SHORTS = {"满洲里", "二连浩特", "阿尔山"}


def _entries(section: dict[str, Any]) -> list[Any]:
    """The entries of a lexicon section, whatever kind (gazetteer, world …) they are grouped under."""
    return [e for kind, group in section.items() if kind != "about" for e in group]


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    """The gazetteer as shipped in the package, its entries gathered from every kind."""
    text = files("policykg.loaders").joinpath("data/regions.json").read_text(encoding="utf-8")
    raw = json.loads(text)
    return {
        "about": raw["about"],
        "regions": _entries(raw["regions"]),
        "non_place_contexts": _entries(raw["non_place_contexts"]),
    }


@pytest.fixture(scope="module")
def by_name(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every entry by its full name."""
    return {r["name"]: r for r in data["regions"]}


def test_json_loads_with_about_and_regions(data: dict[str, Any]) -> None:
    """The file is a JSON object with a non-empty about, a list of regions and a list of non-place contexts."""
    assert isinstance(data["about"], str) and data["about"].strip()
    assert isinstance(data["regions"], list) and data["regions"]
    assert all(isinstance(s, str) and s for s in data["non_place_contexts"])


def test_exactly_12_leagues_and_103_counties(data: dict[str, Any]) -> None:
    """Inner Mongolia has 12 leagues and cities and 103 county-level units, and one region entry."""
    levels = Counter(r["level"] for r in data["regions"])
    assert levels["league_city"] == 12
    assert levels["county"] == 103
    assert levels["region"] == 1


def test_every_county_parent_is_a_league_city(
    data: dict[str, Any], by_name: dict[str, dict[str, Any]]
) -> None:
    """Each county names one of the 12 leagues and cities as parent, and each league names the region."""
    for r in data["regions"]:
        if r["level"] == "county":
            assert by_name[r["parent"]]["level"] == "league_city", r["name"]
        if r["level"] == "league_city":
            assert r["parent"] == REGION, r["name"]


def test_names_are_unique(data: dict[str, Any]) -> None:
    """No full name appears twice."""
    dupes = [n for n, k in Counter(r["name"] for r in data["regions"]).items() if k > 1]
    assert dupes == []


def test_every_entry_has_the_required_fields(data: dict[str, Any]) -> None:
    """Every entry carries all schema fields, a known level, and non-empty pinyin and English names."""
    for r in data["regions"]:
        assert all(key in r for key in REQUIRED), r["name"]
        assert r["level"] in LEVELS, r["name"]
        assert r["pinyin"].strip() and r["en"].strip(), r["name"]
        assert isinstance(r["short"], list) and isinstance(r["ambiguous_short"], bool), r["name"]
        assert r["name"] not in r["short"], r["name"]


def test_short_forms_of_unambiguous_entries_are_unique(data: dict[str, Any]) -> None:
    """A short form of an unambiguous entry names no other entry, apart from the listed port/city pairs."""
    owners: dict[str, set[str]] = defaultdict(set)
    for r in data["regions"]:
        owners[r["name"]].add(r["name"])
        for s in r["short"]:
            owners[s].add(r["name"])
    clashes = {
        s for r in data["regions"] if not r["ambiguous_short"] for s in r["short"] if len(owners[s]) > 1
    }
    assert clashes == KNOWN_SHARED_SHORTS


def test_ports_have_an_existing_parent(data: dict[str, Any], by_name: dict[str, dict[str, Any]]) -> None:
    """Every port sits in an existing county or league, and the country and foreign port it faces exist."""
    ports = [r for r in data["regions"] if r["level"] == "port"]
    assert ports
    for p in ports:
        assert by_name[p["parent"]]["level"] in {"county", "league_city"}, p["name"]
        if p.get("faces"):
            assert by_name[p["faces"]]["level"] == "country", p["name"]
        if p.get("opposite"):
            assert by_name[p["opposite"]]["parent"] == p["faces"], p["name"]


def test_all_references_resolve(data: dict[str, Any], by_name: dict[str, dict[str, Any]]) -> None:
    """Every parent, within, members, county and seat_of value names an entry of the gazetteer."""
    for r in data["regions"]:
        refs = [
            r["parent"],
            r.get("county"),
            *(r.get("within") or []),
            *(r.get("members") or []),
            *(r.get("seat_of") or []),
        ]
        for ref in refs:
            assert ref is None or ref in by_name, (r["name"], ref)
        if r["level"] in {"group", "cluster"}:
            assert r["parent"] is None, r["name"]


def test_inner_mongolia_codes_are_consistent(
    data: dict[str, Any], by_name: dict[str, dict[str, Any]]
) -> None:
    """League and county codes are unique six-digit 15xxxx codes, and a county's code starts with its league's."""
    codes = [r["code"] for r in data["regions"] if r["level"] in {"league_city", "county"}]
    assert all(c and re.fullmatch(r"15\d{4}", c) for c in codes)
    assert len(set(codes)) == len(codes)
    for r in data["regions"]:
        if r["level"] == "county":
            assert r["code"][:4] == by_name[r["parent"]]["code"][:4], r["name"]


def test_region_short_form_is_inner_mongolia_only(by_name: dict[str, dict[str, Any]]) -> None:
    """The region is shortened to 内蒙古, never to the bare word 自治区."""
    assert by_name[REGION]["short"] == ["内蒙古"]


@pytest.mark.parametrize(
    "name",
    [
        "东河区",
        "青山区",
        "新城区",
        "回民区",
        "玉泉区",
        "海南区",
        "松山区",
        "红山区",
        "元宝山区",
        "东胜区",
        "林西县",
        "太仆寺旗",
        "正蓝旗",
        "多伦县",
        "化德县",
        "蒙古国",
        "海南省",
        "兴安盟",
    ],
)
def test_known_ambiguous_short_forms_are_flagged(by_name: dict[str, dict[str, Any]], name: str) -> None:
    """Short forms that are also common words or other places are marked ambiguous."""
    assert by_name[name]["ambiguous_short"] is True


def test_non_place_contexts_each_contain_a_shorter_name(data: dict[str, Any]) -> None:
    """Each non-place context string contains some name or short form strictly shorter than itself."""
    forms = {r["name"] for r in data["regions"]} | {s for r in data["regions"] for s in r["short"]}
    for context in data["non_place_contexts"]:
        assert any(f in context and len(f) < len(context) for f in forms), context
