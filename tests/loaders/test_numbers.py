"""Numbers, scale words and units as the genre writes them (policykg.loaders.text.numbers)."""

from __future__ import annotations

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.text.numbers import (
    base_units,
    find_quantities,
    normalise_unit,
    normalised_value,
    parse_chinese_number,
    parse_number,
    split_unit,
    unit_family,
)


def _one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


def test_scale_word_stays_in_the_unit() -> None:
    """12.5亿吨 is read as value 12.5 with unit 亿吨, not as 1.25e9."""
    q = _one("煤炭产量稳定在12.5亿吨以上")
    assert (q.value, q.unit, q.base, q.factor) == (12.5, "亿吨", "吨", 1e8)


def test_base_units_that_look_like_scales_are_not_split() -> None:
    """千瓦 and 百分点 are base units: 3000万千瓦 is 万 + 千瓦, 0.8个百分点 has no scale."""
    assert _one("新增并网3000万千瓦").unit == "万千瓦"
    assert split_unit("万千瓦") == (1e4, "千瓦")
    assert split_unit("个百分点") == (1.0, "个百分点")
    assert split_unit("亿千瓦时") == (1e8, "千瓦时")


def test_range_takes_its_lower_bound() -> None:
    """2—3家 is value 2 with the range flag set (read later as at_least)."""
    q = _one("新创建 2—3 家国家级核心育种场".replace(" ", ""))
    assert (q.value, q.unit, q.is_range) == (2, "家", True)


def test_many_after_the_number_marks_a_lower_bound() -> None:
    """300多亿元 and 7万多名 carry the 多 flag and keep their unit."""
    q = _one("带动消费300多亿元")
    assert (q.value, q.unit, q.more) == (300, "亿元", True)
    q = _one("带动7万多名农村牧区劳动力就业")
    assert (q.value, q.more) == (7, True)


def test_chinese_scale_words_stand_for_numbers() -> None:
    """突破百亿 → 100 亿元; 跨过万亿元大关 → 1 万亿元; 超过千亿元 → 1000 亿元."""
    q = _one("力争技术合同交易额突破百亿。")
    assert (q.value, q.unit) == (100, "亿元")
    q = _one("工业增加值跨过万亿元大关，")
    assert (q.value, q.unit) == (1, "万亿元")
    q = _one("稀土产业产值超过千亿元；")
    assert (q.value, q.unit) == (1000, "亿元")


def test_milestone_and_category_words_are_not_numbers() -> None:
    """率先破亿 and 万亿级新赛道, 百亿级项目 name milestones and categories, not figures."""
    assert find_quantities("新能源装机在全国率先破亿") == []
    assert find_quantities("冰雪经济是万亿级新赛道") == []
    assert find_quantities("等一批百亿级项目") == []


def test_tenths() -> None:
    """农业机械化率达九成 is 9 成, which normalises to 90 %."""
    q = _one("农业机械化率达九成，")
    assert (q.value, q.unit) == (9, "成")
    assert normalised_value(q.value, q.unit) == (90, "%")


def test_names_and_specifications_are_not_quantities() -> None:
    """PM2.5, G0616, 5G, 5A级, 500千伏, 2024年, 3岁 and a bare list number give no quantity."""
    for text in (
        "PM2.5浓度",
        "G0616海乌段",
        "5G基站",
        "5A级景区",
        "500千伏输变电工程",
        "2024年",
        "3岁以下婴幼儿",
        "1.防沙治沙",
    ):
        assert find_quantities(text) == [], text


def test_bare_decimal_is_returned_as_unitless() -> None:
    """系数达到0.593 yields a unitless quantity for the caller to judge by its context."""
    q = _one("农田灌溉水有效利用系数达到0.593。")
    assert (q.value, q.unit, q.unitless) == (0.593, "", True)


def test_pdf_spacing_is_handled_after_normalisation() -> None:
    """Once spaces between number and unit are gone (PDF text), 20万P is value 20, unit 万P."""
    q = _one("算力规模突破20万P、")
    assert (q.value, q.unit, q.base) == (20, "万P", "P")


def test_parse_number_reads_both_scripts() -> None:
    """parse_number reads 1,200.5 and 一千二百 and refuses words that are not numerals."""
    assert parse_number("1,200.5") == 1200.5
    assert parse_number("一千二百") == 1200
    assert parse_chinese_number("两") == 2
    with pytest.raises(ValueError):
        parse_number("地区")


def test_unit_families() -> None:
    """Units belong to families the naming rules use: % ratio, 亩 area, 家 count, 元 money."""
    assert unit_family("%") == "ratio"
    assert unit_family("万亩") == "area"
    assert unit_family("家") == "count"
    assert unit_family("亿元") == "money"
    assert unit_family("万P") == "compute"


_SCALES = st.sampled_from(["", "万", "亿", "万亿"])
_UNITS = st.sampled_from(["吨", "亩", "千瓦", "千瓦时", "元", "人次", "家", "个", "公里", "立方米", "斤"])


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.integers(min_value=1, max_value=99999).map(str),
        st.decimals(min_value=0, max_value=9999, places=2, allow_nan=False).map(lambda d: str(d.normalize())),
    ).filter(lambda s: "E" not in s and s not in ("0", "0.0")),
    _SCALES,
    _UNITS,
)
def test_any_number_scale_and_unit_is_read_back(number: str, scale: str, unit: str) -> None:
    """For any number, scale word and unit, 达到{n}{scale}{unit}。 yields exactly that value and unit."""
    q = _one(f"达到{number}{scale}{unit}。")
    assert q.value == float(number)
    assert q.unit == scale + unit
    value, base = normalised_value(q.value, q.unit)
    family = normalise_unit(unit)
    assert family is not None and base == family.base
    assert value == pytest.approx(float(number) * dict(base_units_scale())[scale] * family.factor)


def base_units_scale() -> list[tuple[str, float]]:
    return [("", 1.0), ("万", 1e4), ("亿", 1e8), ("万亿", 1e12)]


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_numerals_round_trip(n: int) -> None:
    """Every integer written in Chinese numerals by cn2an reads back as itself."""
    assert parse_chinese_number(cn2an.an2cn(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_find_quantities_never_raises_and_spans_are_in_range(text: str) -> None:
    """On any text, quantities come in order, inside the text, and never overlap."""
    found = find_quantities(text)
    last = 0
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert q.start >= last
        last = q.end


def test_base_units_are_longest_first() -> None:
    """The unit list is ordered so 千瓦时 is tried before 千瓦 and 人次 before 人."""
    units = base_units()
    assert units.index("千瓦时") < units.index("千瓦")
    assert units.index("人次") < units.index("人")
