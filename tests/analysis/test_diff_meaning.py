"""diff pairs tasks and targets by meaning and reports a change only when something changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from policykg.analysis.comparisons import year_diff
from policykg.analysis.diff import SAME_TASK, diff_years, strip_ordinal, task_similarity
from policykg.analysis.figures import figure
from policykg.graph.connect import open_store

DOCUMENTS = [{"docName": "a.txt", "year": "2025"}, {"docName": "b.txt", "year": "2026"}]


def tasks(before: list[str], after: list[str]) -> set[tuple[str, str]]:
    sections = [{"doc": "a.txt", "title": t, "kind": "task"} for t in before]
    sections += [{"doc": "b.txt", "title": t, "kind": "point"} for t in after]
    changes = diff_years("2025", "2026", documents=DOCUMENTS, sections=sections, metrics=[], projects=[])
    return {(c.status, c.name) for c in changes}


def target(value: float, unit: str, comparator: str, period: str, **extra: Any) -> dict[str, Any]:
    return {
        "doc": "a.txt" if period == "2025" else "b.txt",
        "indicator": extra.pop("indicator", "新能源发电量"),
        "value": value,
        "unit": unit,
        "comparator": comparator,
        "kind": "target",
        "period": period,
        "change": False,
        "span": [0, 5],
        "evidence": "",
        **extra,
    }


def targets(*rows: dict[str, Any]) -> set[tuple[str, str, str]]:
    changes = diff_years("2025", "2026", documents=DOCUMENTS, sections=[], metrics=list(rows), projects=[])
    return {(c.status, c.name, c.note) for c in changes}


@pytest.mark.parametrize(
    ("title", "stripped"),
    [
        ("一要大力提振消费", "大力提振消费"),
        ("二是加快产业优化升级", "加快产业优化升级"),
        ("（一）加强通道平台建设", "加强通道平台建设"),
        ("1. 防沙治沙1500万亩", "防沙治沙1500万亩"),
        ("第一，持续优化营商环境", "持续优化营商环境"),
        ("“双碳”引领推动全面绿色转型", "双碳引领推动全面绿色转型"),
    ],
)
def test_ordinal_markers_are_stripped(title: str, stripped: str) -> None:
    """List markers (一要, 二是, （一）, 1., 第一) and quotation marks are no part of what a task says."""
    assert strip_ordinal(title) == stripped


def test_a_task_restated_with_an_ordinal_continues() -> None:
    """大力提振消费 (2025 plan) and 一要大力提振消费 (2026 digest): one task, continued, not changed."""
    assert tasks(["大力提振消费"], ["一要大力提振消费"]) == {("continued", "一要大力提振消费")}


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("推进传统产业升级", "加快推动传统产业改造升级"),
        ("持续扩大经营主体规模", "三要培育壮大经营主体"),
        ("加快建设国家重要农畜产品生产基地", "加快农牧业转型发展，建设国家重要畜产品生产基地"),
        ("持续推进新型城镇化建设", "统筹推进新型城镇化和乡村全面振兴"),
    ],
)
def test_reworded_tasks_of_the_corpus_pair(before: str, after: str) -> None:
    """Rewordings between the 2025 and 2026 documents score at least SAME_TASK and pair as changed."""
    assert task_similarity(before, after) >= SAME_TASK
    assert ("changed", after) in tasks([before], [after])


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("推进传统产业升级", "推进文旅体产业提档升级"),
        ("推进国有企业提质增效", "一要加强传统产业提质增效"),
        ("推进国有企业提质增效", "推动园区发展提质增效"),
        ("持续扩大经营主体规模", "持续扩大有效投资"),
        ("持续推进新型城镇化建设", "推进“无废城市”建设"),
    ],
)
def test_unrelated_tasks_of_the_corpus_do_not_pair(before: str, after: str) -> None:
    """Titles that share only generic words (推进…产业…升级, 提质增效) score below SAME_TASK: new and dropped.

    difflib's ratio puts 推进传统产业升级 and 推进文旅体产业提档升级 at 0.63, above a true rewording;
    the bigram Jaccard without generic bigrams puts it at 0.15.
    """
    assert task_similarity(before, after) < SAME_TASK
    assert tasks([before], [after]) == {("dropped", before), ("new", after)}


def test_a_renamed_unit_is_no_change() -> None:
    """发电量超3000亿度 (2025) and 发电量超过3000亿千瓦时 (2026): the same target, continued."""
    found = targets(target(3000, "亿度", "at_least", "2025"), target(3000, "亿千瓦时", "at_least", "2026"))
    assert found == {("continued", "新能源发电量", "3000亿千瓦时以上")}


def test_incompatible_units_are_never_a_changed_pair() -> None:
    """开工建设…35个新型储能项目 and 布局建设700万千瓦新型储能项目: one dropped, one new."""
    found = targets(
        target(35, "个", "exact", "2025", indicator="新型储能项目"),
        target(700, "万千瓦", "exact", "2026", indicator="新型储能项目"),
    )
    assert {(status, name) for status, name, _ in found} == {
        ("dropped", "新型储能项目"),
        ("new", "新型储能项目"),
    }


def test_a_change_is_reported_when_value_or_comparator_changes() -> None:
    """增长7%左右 → 6.5%左右 is a change (a plan's decimal is chosen, not rounded); 200万亩 → 200万亩以上 too."""
    growth = {"indicator": "规模以上工业增加值增速", "change": True}
    assert targets(
        target(7, "%", "about", "2025", **growth), target(6.5, "%", "about", "2026", **growth)
    ) == {("changed", "规模以上工业增加值增速", "7%左右 → 6.5%左右")}
    area = {"indicator": "高效节水灌溉面积"}
    assert targets(
        target(200, "万亩", "exact", "2025", **area), target(200, "万亩", "at_least", "2026", **area)
    ) == {("changed", "高效节水灌溉面积", "200万亩 → 200万亩以上")}


def test_a_change_across_units_restates_the_earlier_figure() -> None:
    """奶产量160亿斤以上 → 750万吨左右 is a change, and the note says 160亿斤 = 800万吨."""
    milk = {"indicator": "奶产量"}
    ((status, _, note),) = targets(
        target(160, "亿斤", "at_least", "2025", **milk), target(750, "万吨", "about", "2026", **milk)
    )
    assert status == "changed" and note == "160亿斤以上 → 750万吨左右（160亿斤 = 800万吨）"


def test_an_enterprises_target_is_not_the_regions() -> None:
    """蒙能集团…电力总装机超过4500万千瓦 (2025) and 电力装机达到3.3亿千瓦以上 (2026): not one target changed."""
    power = {"indicator": "电力装机规模"}
    found = targets(
        target(4500, "万千瓦", "at_least", "2025", scope="蒙能集团", **power),
        target(3.3, "亿千瓦", "at_least", "2026", scope="", **power),
    )
    assert {status for status, _, _ in found} == {"dropped", "new"}


def test_diff_of_the_corpus_pairs_by_meaning(built_store: Path) -> None:
    """On the built corpus: 一要大力提振消费 continues 大力提振消费, every task pair scores at least SAME_TASK,
    and no target is changed across unit families or because 亿度 became 亿千瓦时."""
    handle = open_store(built_store)
    try:
        changes = year_diff(handle, "2025", "2026")
    finally:
        handle.close()
    tasks = {(c.status, c.name) for c in changes if c.what == "task"}
    assert ("continued", "一要大力提振消费") in tasks
    for c in changes:
        if c.what == "task" and c.before and c.after:
            assert task_similarity(c.before[0]["title"], c.after[0]["title"]) >= SAME_TASK
        if c.what == "target" and c.status == "changed":
            figures = [figure(r) for r in (*c.before, *c.after)]
            assert len({f.unit_family for f in figures if f is not None}) == 1
            assert "亿度" not in c.note or "亿千瓦时" not in c.note
