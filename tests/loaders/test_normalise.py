"""The normalised view: what it cleans, and that every offset maps back into the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.text.normalise import normalise

CJK_AND_NOISE = st.text(
    alphabet=st.sampled_from(
        list(
            "增长亿吨万元左右以上。，、；：（）一二三、 \t\n\u3000*[]bookmark:０１２３４５６７８９％%.0123456789#-"
        )
    ),
    max_size=200,
)


def test_bold_markers_are_removed_and_spans_map_back() -> None:
    """A digest figure wrapped in ** reads as plain text, and its span quotes the original with markers."""
    text = "经济总量达到**2.67**万亿元"
    norm = normalise(text)
    assert norm.text == "经济总量达到2.67万亿元"
    start = norm.text.index("2.67")
    assert norm.original_span(start, start + len("2.67万亿元")) == (text.index("2"), len(text))


def test_bookmark_artefacts_are_removed() -> None:
    """Word-processor bookmarks vanish from the clean view."""
    text = "[bookmark: _GoBack][bookmark: OLE_LINK1]各盟行政公署、市人民政府"
    assert normalise(text).text == "各盟行政公署、市人民政府"


def test_spaces_between_number_and_unit_go() -> None:
    """PDF-extracted spacing (2025 年, 6%左右, 12 亿吨) closes up, as in the 2025 plan."""
    text = "2025 年经济社会发展的主要预期目标是：地区生产总值增长 6%左右"
    assert normalise(text).text == "2025年经济社会发展的主要预期目标是：地区生产总值增长6%左右"


def test_fullwidth_digits_and_percent_fold() -> None:
    """Full-width digits and ％ read as ASCII."""
    assert normalise("增长６．５％左右").text == "增长6.5%左右"


def test_ideographic_indentation_goes() -> None:
    """Paragraphs of the work report open with ideographic spaces; the clean view drops them."""
    assert normalise("\u3000\u3000一、2024年工作回顾").text == "一、2024年工作回顾"


def test_page_wrap_is_rejoined(corpus) -> None:
    """A paragraph split across a page break in the 2025 plan is one line in the clean view."""
    text = corpus["004_37e45ae1c4b0ca61.txt"].text
    clean = normalise(text).text
    assert "印发《筑牢我国北方重要生态安全屏障全面推进美丽内蒙古建设规划纲要》" in clean
    assert "印发《筑牢我\n\n国北方" in text


def test_list_lines_are_not_joined(corpus) -> None:
    """Consecutive short lines of a digest (one figure per line) stay separate lines."""
    clean = normalise(corpus["000_18b88d5dd0dbf4cc.txt"].text).text
    assert "经济总量达到2.67万亿元\n人均GDP进入全国前8位" in clean


def test_heading_is_not_joined_to_following_paragraph(corpus) -> None:
    """A heading followed by a blank line and its body stays a line of its own."""
    clean = normalise(corpus["004_37e45ae1c4b0ca61.txt"].text).text
    assert "\n一、聚力落实“五大任务”，确保完成全年任务目标\n" in clean


@settings(max_examples=300, deadline=None)
@given(CJK_AND_NOISE)
def test_normalise_is_idempotent(text: str) -> None:
    """Normalising clean text changes nothing."""
    once = normalise(text).text
    assert normalise(once).text == once


@settings(max_examples=300, deadline=None)
@given(CJK_AND_NOISE)
def test_every_character_maps_back_to_itself_or_its_folded_form(text: str) -> None:
    """Each clean character comes from a real offset of the original, in order."""
    norm = normalise(text)
    assert len(norm.origin) == len(norm.text)
    assert list(norm.origin) == sorted(set(norm.origin))
    for ch, at in zip(norm.text, norm.origin, strict=True):
        original = text[at]
        assert ch == original or ch in "0123456789%+./ \nABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@settings(max_examples=200, deadline=None)
@given(CJK_AND_NOISE, st.integers(0, 250), st.integers(0, 250))
def test_original_span_is_within_the_original(text: str, a: int, b: int) -> None:
    """Any span of the clean text maps to a valid, ordered span of the original."""
    norm = normalise(text)
    start, end = norm.original_span(min(a, b), max(a, b))
    assert 0 <= start <= end <= len(text)
