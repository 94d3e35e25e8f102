"""The section tree: the heading grammar of the genre on all five documents."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.records import Document
from policykg.loaders.structure.sections import parse_structure

PLAN_2026 = "001_6041d7e2bd5c6023.txt"
PLAN_2025 = "004_37e45ae1c4b0ca61.txt"
REPORT_2025 = "003_c0f21ab277f53f5b.txt"
DIGEST = "000_18b88d5dd0dbf4cc.txt"
NEWS = "002_4400adb43caeaed0.txt"


def _doc(text: str) -> Document:
    return Document(id="t.txt", text=text, title="t", kind="annual_plan", year=2026)


def test_plan_2026_has_fourteen_parts_and_three_boxes(structures) -> None:
    """The 2026 plan has fourteen numbered top-level parts and three 专栏 boxes."""
    sections = structures[PLAN_2026].sections
    parts = [s for s in sections if s.level == 1 and s.kind == "part"]
    assert [s.number for s in parts][:3] == ["一", "二", "三"]
    assert len(parts) == 14
    assert [s.number for s in sections if s.kind == "box"] == ["专栏1", "专栏2", "专栏3"]


def test_box_belongs_to_the_part_it_follows(structures) -> None:
    """专栏1 follows task （五） but is a child of part 二, not of the task."""
    by_id = {s.id: s for s in structures[PLAN_2026].sections}
    box = next(s for s in by_id.values() if s.number == "专栏1")
    assert by_id[box.parent].number == "二"
    assert box.title == "建设我国北方重要生态安全屏障重点任务目标"


def test_inline_task_title_ends_at_first_full_stop(corpus, structures) -> None:
    """（一）扎实推进“三北”工程攻坚战。实施… gives the title up to 。 with an exact span."""
    doc = corpus[PLAN_2026]
    task = next(s for s in structures[PLAN_2026].sections if s.title.startswith("扎实推进"))
    assert task.title == "扎实推进“三北”工程攻坚战"
    assert doc.text[task.title_span[0] : task.title_span[1]] == task.title
    assert task.number == "（一）"
    assert task.id.endswith("/二/（一）")


def test_report_2025_has_review_and_eleven_lines_of_work(structures) -> None:
    """The 2025 report reviews 2024 in part 一 and sets eleven lines of work under part 二."""
    sections = structures[REPORT_2025].sections
    top = [s for s in sections if s.level == 1]
    assert [s.title for s in top] == ["2024年工作回顾", "2025年工作安排"]
    work = [s for s in sections if s.parent == top[1].id and s.kind == "task"]
    assert len(work) == 11
    assert work[-1].title == "更好统筹发展和安全，坚决筑牢祖国北疆安全稳定屏障"


def test_plan_2025_parenthesised_ascii_numbers_are_tasks(structures) -> None:
    """The PDF-extracted 2025 plan writes (一) with ASCII parentheses; it is still a task （一）."""
    sections = structures[PLAN_2025].sections
    first = next(s for s in sections if s.title == "坚决筑牢我国北方重要生态安全屏障")
    assert first.number == "（一）" and first.level == 2
    assert len([s for s in sections if s.level == 1 and s.kind == "part"]) == 10


def test_targets_paragraph_is_a_section(corpus, structures) -> None:
    """The 主要预期目标 paragraph of a plan becomes a section holding exactly that paragraph."""
    doc = corpus[PLAN_2026]
    targets = next(s for s in structures[PLAN_2026].sections if s.kind == "targets")
    body = doc.text[targets.span[0] : targets.span[1]]
    assert body.startswith("2026年经济社会发展的主要预期目标是")
    assert "一、" not in body


def test_markdown_headings_of_news(structures) -> None:
    """## headings of the news digest are sections with their text as title."""
    titles = [s.title for s in structures[NEWS].sections if s.kind == "markdown"]
    assert "基本民生保障水平显著提升" in titles
    assert len(titles) == 13


def test_digest_plain_headings_and_points(structures) -> None:
    """The newspaper digest's unnumbered headings and 一是 points form a tree."""
    sections = structures[DIGEST].sections
    review = next(s for s in sections if s.title == "2025年工作回顾")
    points = [s for s in sections if s.parent == review.id]
    assert [p.number for p in points] == ["一是", "二是", "三是", "四是", "五是"]
    assert points[0].title == "一是保持经济平稳运行"


def test_explicit_goals_from_headings(structures) -> None:
    """Parts of the 2026 plan that name a position or key work carry it explicitly."""
    goals = {s.number: s.goal.code for s in structures[PLAN_2026].sections if s.level == 1 and s.goal}
    assert goals == {
        "一": "M",
        "二": "P1",
        "三": "P2",
        "四": "P3",
        "五": "P4",
        "六": "P5",
        "七": "K1",
        "八": "K2",
        "九": "K3",
        "十": "K4",
        "十一": "K5",
        "十二": "K6",
        "十三": "K7",
        "十四": "L",
    }


def test_children_inherit_the_goal_of_their_part(structures) -> None:
    """A task whose heading names no goal inherits its part's goal with lower confidence."""
    task = next(s for s in structures[PLAN_2026].sections if s.title == "加强矿产资源开发利用")
    assert task.goal is not None and task.goal.code == "P3" and task.goal.confidence < 1


def test_container_part_names_no_goal_but_its_tasks_do(structures) -> None:
    """Part 一 of the 2025 plan gathers the five positions; its tasks carry P1–P5."""
    sections = structures[PLAN_2025].sections
    part = next(s for s in sections if s.level == 1 and s.number == "一")
    assert part.goal is None
    assert [s.goal.code for s in sections if s.parent == part.id] == ["P1", "P2", "P3", "P4", "P5"]


def test_every_section_span_quotes_the_original(corpus, structures) -> None:
    """Title spans quote the title and sit inside the section span, in every document."""
    for doc_id, structure in structures.items():
        text = corpus[doc_id].text
        for s in structure.sections:
            assert text[s.title_span[0] : s.title_span[1]] == s.title
            assert s.span[0] <= s.title_span[0] <= s.title_span[1] <= s.span[1]


def test_children_lie_within_their_parent(structures) -> None:
    """A section's span is inside its parent's span and ids are unique."""
    for structure in structures.values():
        by_id = {s.id: s for s in structure.sections}
        assert len(by_id) == len(structure.sections)
        for s in structure.sections:
            if s.parent:
                p = by_id[s.parent]
                assert p.span[0] <= s.span[0] and s.span[1] <= p.span[1]
                assert s.level == p.level + 1


def test_sentences_quote_the_original(corpus, structures) -> None:
    """Every sentence span quotes its text, and sentences end at 。 or a line end."""
    for doc_id, structure in structures.items():
        text = corpus[doc_id].text
        assert structure.sentences
        for sentence in structure.sentences:
            assert text[sentence.span[0] : sentence.span[1]] == sentence.text


def test_sentence_in_a_task_knows_its_section(structures) -> None:
    """A sentence of the 2026 plan's 三北 task points at that task."""
    structure = structures[PLAN_2026]
    sentence = next(s for s in structure.sentences if "完成生态建设任务4000万亩" in s.text)
    section = next(s for s in structure.sections if s.id == sentence.section)
    assert section.title == "扎实推进“三北”工程攻坚战"


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("一二三、（）()1.专栏##是要主要预期目标。，\n \t增长")), max_size=160
    )
)
def test_any_text_parses_with_valid_spans(text: str) -> None:
    """Arbitrary heading-like text never crashes the parser and spans always quote the original."""
    structure = parse_structure(_doc(text))
    for s in structure.sections:
        assert text[s.title_span[0] : s.title_span[1]] == s.title
        assert 0 <= s.span[0] <= s.span[1] <= len(text)


def test_parts_of_the_bundled_report_and_plan(structures) -> None:
    """The 2025 report reviews 2024 and plans 2025; the 2026 plan's targets precede its parts of work."""
    report = [(s.title, s.part) for s in structures[REPORT_2025].sections if s.level == 1]
    assert report == [("2024年工作回顾", "review"), ("2025年工作安排", "plan")]
    plan = [s.part for s in structures[PLAN_2026].sections if s.level == 1]
    assert plan[0] == "targets" and set(plan[1:]) == {"plan"}
    assert all(s.part == "plan" for s in structures[REPORT_2025].sections if s.kind == "task")
