"""What a figure measures: the naming grammar, scope, measure type, bound and unit family, on real sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders import lexicon
from policykg.loaders.metrics.grammar import is_name, share_out, split_scope
from policykg.loaders.metrics.measure import MEASURES
from policykg.loaders.metrics.statements import parse_metrics
from policykg.loaders.records import Document, MetricStatement
from policykg.loaders.structure.sections import parse_structure
from policykg.loaders.text.numbers import normalise_unit, normalised_value

REPORT_2025 = "003_c0f21ab277f53f5b.txt"  # 内蒙古 2025 work report (also rc_867772fd432f in realcorpus)


def _parse(
    text: str, *, issuer: str = "内蒙古自治区", kind: str = "government_work_report"
) -> list[MetricStatement]:
    doc = Document(id="t.txt", text=text, title="t", kind=kind, year=2025, issuer=issuer)
    return parse_metrics(doc, parse_structure(doc))


def _at(statements: list[MetricStatement], evidence: str) -> MetricStatement:
    found = [s for s in statements if s.evidence == evidence]
    assert len(found) == 1, [(s.evidence, s.indicator) for s in statements]
    return found[0]


# --- names are noun phrases, never fragments --------------------------------------------------


_FRAGMENTS = "城市 省份 占比 总数 安排 未命名指标 使用人次已 增长到数量 增加到 比去年增量 县数量 34个旗县 装机 鄂尔多斯市"


@pytest.mark.parametrize(
    "fragment", [*_FRAGMENTS.split(), "增加到2002年", "一千零", "住上了新房", "国务院决定"]
)
def test_fragments_are_not_names(fragment: str) -> None:
    """Places, lone measure words, verbs, years and pieces of a clause never name a quantity."""
    assert not is_name(fragment)


@pytest.mark.parametrize(
    "name",
    [
        "地区生产总值增速",
        "城镇居民人均可支配收入",
        "盐碱耕地改造面积",
        "发电量",
        "5G用户普及率",
        "百亿级产业集群数量",
    ],
)
def test_genre_names_are_names(name: str) -> None:
    """Indicator names of the genre pass, including vocabulary names that are measure words (发电量)."""
    assert is_name(name)


def test_a_fragment_subject_leaves_the_statement_unnamed() -> None:
    """A figure whose clause forms no name (对…增加到) is kept, with indicator and subject None."""
    s = _at(_parse("如果人们用来买吃的，就需要增加到六十亿斤。"), "六十亿斤")
    assert (s.value, s.indicator, s.subject) == (60, None, None)


def test_every_vocabulary_entry_is_grounded() -> None:
    """Each canonical indicator cites a source, names a unit family of units.json and is itself a name."""
    terms = lexicon.indicators()
    families = set(lexicon.units().unit_families) | {""}
    for name, entry in terms.indicators.items():
        assert entry.sources and entry.family in families, name
        assert is_name(name), name


# --- 分别 distributes subjects --------------------------------------------------------------------


def test_respectively_distributes_subjects() -> None:
    """城镇和农村居民人均可支配收入分别增长4.3%和7.1% (real sentence): two indicators, one per value."""
    found = _parse("民生支出增长6.8%，城镇和农村居民人均可支配收入分别增长4.3%和7.1%。")
    assert _at(found, "4.3%").indicator == "城镇居民人均可支配收入增速"
    assert _at(found, "7.1%").indicator == "农村居民人均可支配收入增速"


def test_respectively_expands_a_distributive_word() -> None:
    """城乡居民人均可支配收入分别增长5%和7%: 城乡 stands for 城镇 and 农村."""
    assert share_out("城乡居民人均可支配收入", 2) == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    found = _parse("城乡居民人均可支配收入分别增长5%和7%。")
    assert [s.indicator for s in found] == ["城镇居民人均可支配收入增速", "农村居民人均可支配收入增速"]


# --- flow and stock ---------------------------------------------------------------------------------


def test_flow_and_stock_have_different_names(corpus, structures) -> None:
    """新增设施农业 25 万亩 (a flow) and 总面积达到 280 万亩 (the stock) in the 2025 plan are two indicators."""
    doc = "004_37e45ae1c4b0ca61.txt"
    found = parse_metrics(corpus[doc], structures[doc])
    flow, stock = _at(found, "25 万亩"), _at(found, "280 万亩")
    assert (flow.indicator, flow.measure) == ("新增设施农业面积", "flow")
    assert stock.measure == "level" and stock.indicator != flow.indicator


def test_building_is_an_amount_of_work() -> None:
    """新建高标准农田850万亩 is a flow named thing + 建设 + measure word; 改造提升盐碱耕地 likewise."""
    found = _parse("新建高标准农田850万亩，改造提升盐碱耕地50万亩。")
    assert (_at(found, "850万亩").indicator, _at(found, "850万亩").measure) == ("高标准农田建设面积", "flow")
    assert _at(found, "50万亩").indicator == "盐碱耕地改造面积"


def test_measure_types() -> None:
    """增长 → change, 占全国 → share, 累计 → cumulative, 年均增长 → average, a count of firms → count."""
    found = _parse(
        "外送电量3150亿度、占全国16%。地区生产总值增长6%左右。累计完成造林2202万亩。"
        "居民收入年均增长5.5%。高新技术企业达到2529家。"
    )
    assert _at(found, "16%").measure == "share" and _at(found, "16%").indicator == "外送电量占全国比重"
    assert _at(found, "6%左右").measure == "change"
    assert _at(found, "2202万亩").measure == "cumulative"
    assert _at(found, "5.5%").measure == "average"
    assert _at(found, "2529家").measure == "count"
    assert all(s.measure in MEASURES for s in found)


# --- scope ----------------------------------------------------------------------------------------------


def test_company_scope(corpus, structures) -> None:
    """蒙能集团要…，力争电力总装机超过4500万千瓦: the figure is 蒙能集团's, not the region's, and a floor."""
    s = _at(parse_metrics(corpus[REPORT_2025], structures[REPORT_2025]), "超过4500万千瓦")
    assert (s.scope, s.scope_kind, s.bound) == ("蒙能集团", "organisation", "lower")
    assert s.subject == "电力装机容量" and s.indicator == "蒙能集团电力装机容量"


def test_subregion_scope_and_bound(corpus, structures) -> None:
    """但还有34个旗县经济总量不足百亿: scope 34个旗县, 地区生产总值, an upper bound; 34 itself stays unnamed."""
    found = parse_metrics(corpus[REPORT_2025], structures[REPORT_2025])
    s = _at(found, "不足百亿")
    assert (s.scope, s.scope_kind, s.indicator, s.bound) == ("34个旗县", "subregion", "地区生产总值", "upper")
    assert _at(found, "34个").indicator is None


def test_issuing_region_is_the_default_scope() -> None:
    """A figure of the issuer (全区, 内蒙古) has scope kind region and the issuer as scope; 鄂尔多斯市 is a sub-region."""
    found = _parse("全区地区生产总值突破2.6万亿元，鄂尔多斯市地区生产总值突破6000亿元。")
    whole, city = _at(found, "突破2.6万亿元"), _at(found, "突破6000亿元")
    assert (whole.scope, whole.scope_kind) == ("内蒙古自治区", "region")
    assert (city.scope, city.scope_kind, city.indicator) == ("鄂尔多斯市", "subregion", "地区生产总值")
    assert split_scope("鄂尔多斯市地区生产总值", "内蒙古自治区")[1] == "地区生产总值"


# --- unit families -------------------------------------------------------------------------------------


def test_unit_families_compare_only_within_one() -> None:
    """亿度 = 亿千瓦时 (electricity); 万公顷 = 15万亩 × 10; % and 个百分点, 千瓦 and 千瓦时 never meet."""
    assert normalise_unit("亿度") == normalise_unit("亿千瓦时")
    assert normalised_value(8000, "亿度") == (8e11, "千瓦时")
    assert normalised_value(1, "万公顷") == (150000, "亩")
    assert normalise_unit("%").family != normalise_unit("个百分点").family  # type: ignore[union-attr]
    assert normalise_unit("万千瓦").family != normalise_unit("万千瓦时").family  # type: ignore[union-attr]


def test_statement_unit_family_from_a_real_sentence(corpus, structures) -> None:
    """发电超8000亿度 (2025 report) is electricity, normalised to 千瓦时 like any 亿千瓦时 figure."""
    s = _at(parse_metrics(corpus[REPORT_2025], structures[REPORT_2025]), "超8000亿度")
    assert (s.unit, s.unit_family, s.base_unit, s.normalised_value) == ("亿度", "electricity", "千瓦时", 8e11)


# --- any clause ------------------------------------------------------------------------------------------

_WORDS = (
    "地区生产总值 增长 5% 左右 ， 。 、 和 分别 新增 新建 34个 旗县 蒙能集团 要 力争 占全国 的 比上年 增加到 2002年 万亩 "
    "装机 城乡居民 累计 不足百亿 以上 超过 4500万千瓦 总数 达到 城市 省份 安排 亿度 个百分点 其中 “ ”"
)
_PIECES = st.sampled_from(_WORDS.split(" "))


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_any_clause_names_only_names(text: str) -> None:
    """On any clause of the genre's pieces nothing raises, and every name given is a name (never a fragment)."""
    for s in _parse(text):
        assert s.indicator is None or is_name(s.indicator) or s.scope_kind != "region"
        assert s.subject is None or is_name(s.subject) or s.scope_kind == "organisation"
        assert (s.indicator is None) == (s.subject is None)
        assert s.measure in MEASURES and s.bound in (None, "lower", "upper")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=12))
def test_is_name_never_raises_and_rejects_lone_function_words(text: str) -> None:
    """is_name takes any string; a single character or a function word alone is never a name."""
    is_name(text)
    for word in ("的", "了", "和", "占比", "总数", "数量", "比重"):
        assert not is_name(word)
