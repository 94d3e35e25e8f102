"""Canonical indicator names: one string per measured quantity across documents (policykg.loaders.metrics.indicators)."""

from __future__ import annotations

from policykg.loaders.metrics.indicators import (
    alt_labels,
    canonical_level,
    clean_surface,
    indicator_name,
    is_bare_measure,
    strip_action,
    topic_of,
    with_topic,
)
from policykg.loaders.metrics.statements import parse_metrics

PLAN_2026 = "001_6041d7e2bd5c6023.txt"
PLAN_2025 = "004_37e45ae1c4b0ca61.txt"
REPORT_2025 = "003_c0f21ab277f53f5b.txt"
DIGEST = "000_18b88d5dd0dbf4cc.txt"
NEWS = "002_4400adb43caeaed0.txt"


def test_synonyms_name_one_quantity() -> None:
    """经济总量 and GDP总量 are 地区生产总值; 进出口总值, 进出口额 and 外贸进出口总额 are 进出口总额."""
    assert canonical_level("经济总量") == "地区生产总值"
    assert canonical_level("GDP总量") == "地区生产总值"
    for surface in ("外贸进出口总值", "进出口额", "外贸进出口总额"):
        assert canonical_level(surface) == "进出口总额", surface


def test_synonym_must_be_the_head_of_the_surface() -> None:
    """A listed form in the middle of a longer phrase does not name it (高标准农田项目…劳务报酬)."""
    assert canonical_level("高标准农田项目“以工代赈”发放劳务报酬") is None
    assert canonical_level("新建高效节水灌溉面积") is None  # the verb narrows it: a flow, named by rule


def test_a_narrowing_prefix_keeps_its_own_quantity() -> None:
    """全区粮食产量 is 粮食产量, but 脱贫地区农村居民收入 is not 农村居民人均可支配收入 (a narrower population)."""
    assert canonical_level("全区粮食产量") == "粮食产量"
    assert canonical_level("脱贫地区农村居民收入") is None
    assert canonical_level("城镇居民人均可支配收入") == "城镇居民人均可支配收入"
    assert canonical_level("经济") == "地区生产总值" and canonical_level("数字经济") is None


def test_longer_form_wins() -> None:
    """新能源发电量 is not 发电量, and 规模以上工业增加值 is not 工业增加值."""
    assert canonical_level("新能源发电量") == "新能源发电量"
    assert canonical_level("发电量") == "发电量"
    assert canonical_level("规模以上工业增加值") == "规模以上工业增加值"
    assert canonical_level("工业增加值") == "工业增加值"


def test_growth_and_fall_rules() -> None:
    """A growth rate is <level>增速, a fall <level>降幅, an absolute change <level>增量."""
    assert indicator_name("地区生产总值", change="up", unit="%") == "地区生产总值增速"
    assert indicator_name("能耗强度", change="down", unit="%") == "能耗强度降幅"
    assert indicator_name("粮食亩均产量", change="up", unit="斤") == "粮食亩均产量增量"
    assert indicator_name("居民消费价格涨幅", change="up", unit="%") == "居民消费价格涨幅"


def test_share_count_area_and_length_rules() -> None:
    """占全国 gives …占全国比重; counts …数量; areas …面积; lengths …里程."""
    assert indicator_name("外送电量", unit="%", share=True) == "外送电量占全国比重"
    assert indicator_name("绿色工厂", unit="家") == "绿色工厂数量"
    assert indicator_name("生态建设", unit="万亩") == "生态建设面积"
    assert indicator_name("农村公路", unit="公里") == "农村公路里程"
    assert indicator_name("城镇新增就业", unit="万人") == "城镇新增就业"


def test_clean_surface_drops_adverbs_and_predicates() -> None:
    """力争/全区/预计 and 稳定在/达到/增长 are not part of what is measured."""
    assert clean_surface("力争全年重大项目完成建设投资突破") == "重大项目完成建设投资"
    assert clean_surface("预计全区陆路口岸货运量超") == "陆路口岸货运量"
    assert clean_surface("- 地区生产总值增长") == "地区生产总值"
    assert clean_surface("自治区能耗强度累计下降") == "自治区能耗强度"


def test_action_verbs_and_topics() -> None:
    """新建 opens an action, not a name; 总规模 is a bare measure that borrows the topic 新能源."""
    assert strip_action("新建高标准农田") == "高标准农田"
    assert is_bare_measure("总规模") and not is_bare_measure("煤炭产量")
    assert topic_of("新能源新增并网装机") == "新能源"
    assert topic_of("接待游客人次") == "旅游"
    assert with_topic("新能源", "总规模") == "新能源装机容量"
    assert with_topic("旅游", "收入") == "旅游收入"


def test_alt_labels_list_surface_forms() -> None:
    """alt_labels gives the other surface forms of a canonical indicator, not the canonical itself."""
    labels = alt_labels("进出口总额")
    assert "进出口总值" in labels and "进出口总额" not in labels
    assert alt_labels("没有这个指标") == []


def _by_value(statements, value, unit=None):
    return [s for s in statements if s.value == value and (unit is None or s.unit == unit)]


def test_gdp_growth_links_across_plan_report_and_digest(corpus, structures) -> None:
    """增长6% in the 2025 plan and report, 增长5% in the 2026 plan and 增长4.7% in the digest share one indicator."""
    names = set()
    for doc_id, value in ((PLAN_2025, 6), (REPORT_2025, 6), (PLAN_2026, 5), (DIGEST, 4.7), (DIGEST, 5)):
        found = [
            s
            for s in _by_value(parse_metrics(corpus[doc_id], structures[doc_id]), value, "%")
            if "生产总值" in s.indicator
        ]
        assert found, (doc_id, value)
        names.update(s.indicator for s in found)
    assert names == {"地区生产总值增速"}


def test_different_quantities_keep_different_names(corpus, structures) -> None:
    """In the 2026 plan's box, 发电量达到9100亿千瓦时 is 发电量 but 发电量超过3000亿千瓦时 (after 新能源) is 新能源发电量."""
    statements = parse_metrics(corpus[PLAN_2026], structures[PLAN_2026])
    assert {s.indicator for s in _by_value(statements, 9100)} == {"发电量"}
    assert {s.indicator for s in _by_value(statements, 3000, "亿千瓦时")} == {"新能源发电量"}
    assert {s.indicator for s in _by_value(statements, 2, "亿千瓦")} == {"新能源装机容量"}
