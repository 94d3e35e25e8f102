"""Finding what a text means: a named entity by name, alias or a close label (analysis.locate), or,
for a task that names nothing, the passage of a document that says it (analysis.passages)."""

from __future__ import annotations

from policykg.analysis.locate import locate
from policykg.analysis.passages import find_passages
from policykg.analysis.trace import trace

PLAN_2025 = "004_37e45ae1c4b0ca61.txt"


def test_exact_name_and_alias(store) -> None:
    """A section title matches by name; a city's short name matches its region by alias."""
    by_name, how = locate(store, "  加强矿产资源开发利用 ")
    assert how == "name" and (by_name[0].label, by_name[0].type) == ("加强矿产资源开发利用", "section")
    by_alias, how = locate(store, "呼和浩特")
    assert how == "alias" and (by_alias[0].label, by_alias[0].type) == ("呼和浩特市", "region")


def test_fuzzy_match_lists_alternatives(store) -> None:
    """A near miss picks the closest label and lists the other candidates."""
    result = trace(store, "加强矿产资源开发")
    assert result.match == "fuzzy" and result.entity.label == "加强矿产资源开发利用"


def test_fuzzy_candidates_closest_first(store) -> None:
    """A word shared by many names gives several candidates, the closest label first, none repeated."""
    candidates, how = locate(store, "新能源")
    assert how == "fuzzy" and len(candidates) > 1
    assert len({c.id for c in candidates}) == len(candidates)
    assert all("新能源" in c.label for c in candidates)


def test_text_that_names_nothing_has_no_candidates(store) -> None:
    assert locate(store, "火星移民基地建设") == ([], "fuzzy")


def test_passage_found_through_pdf_spacing_and_placed_in_a_section(store) -> None:
    """The PDF-extracted plan says the task with spaces around the number; the span quotes it as read."""
    found = [p for p in find_passages(store, "新建高标准农田850万亩") if p.doc == PLAN_2025]
    assert found and found[0].text == "新建高标准农田 850 万亩" and found[0].section
    assert found[0].node().type == "task" and found[0].node().label == found[0].text


def test_short_or_absent_text_is_no_passage(store) -> None:
    assert find_passages(store, "草原") == []
    assert find_passages(store, "火星移民基地建设") == []
