"""Quantities of a sentence: sentence splitting, comparators, which figures are statements, chains, change words."""

from __future__ import annotations

from policykg.loaders.metrics.quantities import (
    change_direction,
    find_mentions,
    link_chains,
    read_comparator,
    split_sentences,
)
from policykg.loaders.text.numbers import find_quantities


def test_read_comparator_words() -> None:
    """不低于 → at_least, 近 → about, 以内 → at_most, nothing → exact."""
    q = find_quantities("80%")[0]
    assert read_comparator("比例不低于", "。", q)[0] == "at_least"
    assert read_comparator("投入近", "", q)[0] == "about"
    assert read_comparator("控制在", "以内", q)[0] == "at_most"
    assert read_comparator("比例", "。", q)[0] == "exact"


def test_split_sentences() -> None:
    """Sentences end at 。；！？ and line breaks, and empty pieces are dropped."""
    text = "甲。乙；\n丙"
    assert [text[a:b] for a, b in split_sentences(text)] == ["甲", "乙", "丙"]


def test_ordinals_and_quoted_names_are_not_mentions() -> None:
    """居全国第3位 and “奶33条” hold no statement; 增长5%左右 does, bounded by its comparator."""
    text = "落实“奶33条”，排名居全国第3位，地区生产总值增长5%左右"
    mentions = find_mentions(text, 0, len(text))
    assert [(text[m.start : m.end], m.comparator) for m in mentions] == [("5%左右", "about")]


def test_a_trailing_bound_covers_its_chain() -> None:
    """育肥牛、育肥羊出栏数分别达到180万头和4000万只以上: one chain, both values at_least."""
    text = "育肥牛、育肥羊出栏数分别达到180万头和4000万只以上"
    mentions = find_mentions(text, 0, len(text))
    link_chains(text, mentions)
    assert [(m.q.value, m.chain, m.comparator) for m in mentions] == [
        (180, 1, "at_least"),
        (4000, 1, "at_least"),
    ]


def test_change_words() -> None:
    """增长/下降 right before a figure state a change; 提高到 states a level."""
    assert change_direction("地区生产总值增长") == "up"
    assert change_direction("单位GDP能耗下降了") == "down"
    assert change_direction("粮食产量较上年增加") == "up"
    assert change_direction("城镇化率提高到") is None
