"""Inferred goal alignment: learnt from explicit sections, explained by terms, silent when unsure."""

from __future__ import annotations

from collections import Counter

import pytest

from policykg.loaders.records import Document
from policykg.loaders.structure.alignment import GoalClassifier, align_corpus, bigrams
from policykg.loaders.structure.sections import parse_structure

REPORT_2025 = "003_c0f21ab277f53f5b.txt"
PLAN_2025 = "004_37e45ae1c4b0ca61.txt"


@pytest.fixture(scope="module")
def aligned(corpus) -> dict[str, list]:
    items = [(doc, parse_structure(doc)) for doc in corpus.values()]
    return {doc.id: list(structure.sections) for doc, structure in align_corpus(items)}


def _by_title(sections, title):
    return next(s for s in sections if s.title == title)


def test_work_report_lines_are_inferred_with_terms(aligned) -> None:
    """The report's 抓投资 line names no goal; it is inferred as K3 with the terms that decided it."""
    section = _by_title(aligned[REPORT_2025], "实施重大项目谋划行动，坚定不移抓投资")
    assert section.goal.code == "K3" and section.goal.basis == "inferred"
    assert 0 < section.goal.confidence < 1 and "投资" in section.goal.matched_terms


def test_agriculture_line_is_inferred_as_p4(aligned) -> None:
    """农牧业…新农村新牧区 is inferred as the agricultural base P4."""
    section = _by_title(aligned[REPORT_2025], "努力把农牧业打造成现代化大产业，加快建设现代化新农村新牧区")
    assert section.goal.code == "P4"


def test_explicit_links_are_kept(aligned) -> None:
    """A heading that names its goal keeps basis explicit and confidence 1."""
    section = _by_title(aligned[REPORT_2025], "更好统筹发展和安全，坚决筑牢祖国北疆安全稳定屏障")
    assert (section.goal.code, section.goal.basis, section.goal.confidence) == ("P2", "explicit", 1.0)


def test_container_of_many_goals_has_none(aligned) -> None:
    """2025年工作安排 gathers lines of work for many goals, so it is given none."""
    assert _by_title(aligned[REPORT_2025], "2025年工作安排").goal is None
    assert _by_title(aligned[PLAN_2025], "聚力落实“五大任务”，确保完成全年任务目标").goal is None


def test_container_follows_a_dominant_child_goal(aligned) -> None:
    """A part whose subsections mostly share one inferred goal takes it, explained by the vote."""
    part = _by_title(aligned[PLAN_2025], "深入实施节水行动，推动集中集约集聚发展")
    assert part.goal.code == "P1" and part.goal.basis == "inferred"
    assert part.goal.matched_terms[0].endswith("subsections")


def test_seed_terms_work_without_any_explicit_section() -> None:
    """A corpus with no explicitly aligned heading still classifies from the goal terms themselves."""
    text = "一、推进治沙\n\n加强生态安全屏障建设，推进防沙治沙和生态保护修复，筑牢生态安全屏障。\n"
    doc = Document(id="x.txt", text=text, title="x", kind="annual_plan", year=2026)
    ((_, structure),) = align_corpus([(doc, parse_structure(doc))])
    assert structure.sections[0].goal is not None and structure.sections[0].goal.code == "P1"


def test_no_terms_no_goal() -> None:
    """Text with no Chinese terms gets no goal rather than a guess."""
    classifier = GoalClassifier.train([])
    assert classifier.classify(Counter()) is None
    assert classifier.classify(Counter(bigrams("2026 12.5"))) is None


def test_bigrams_skip_planning_boilerplate() -> None:
    """Action verbs common to every goal are not terms; content words are."""
    terms = bigrams("加快推进煤炭清洁高效利用")
    assert "煤炭" in terms and "加快" not in terms and "推进" not in terms
