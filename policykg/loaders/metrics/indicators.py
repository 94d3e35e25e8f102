"""Canonical indicator names: one string per measured quantity, whatever document or wording states it.

Plans and reports name the same quantity in many ways (经济总量 / 地区生产总值, 进出口总值 /
进出口总额 / 进出口额, 产煤 / 煤炭产量).  A knowledge graph can only compare figures across years
and documents when they share one indicator node, so naming goes in three steps:

1. *clean* the words before (or the object after) a number: list markers, adverbs (力争, 全区,
   全年), verbs of the predicate (稳定在, 达到, 增长) and action verbs (新建, 完成) go;
2. *look up* the cleaned surface in a synonym table kept as data (``data/indicators.json``): a
   surface ending in a listed form (or in one plus a neutral word such as 面积, 任务) is that
   indicator, the rightmost and then longest form winning;
3. *derive* the measure by rule: a rate of growth is ``<level>增速`` (``<level>降幅`` when it falls),
   an absolute change ``<level>增量``/``减量``, a share of the national figure ``<level>占全国比重``,
   a count ``<thing>数量``, an area ``…面积``, a length ``…里程``.

Nothing here names a document: the table holds the genre's vocabulary, the rules its grammar.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykg.loaders import lexicon
from policykg.loaders.lexicon.records import Indicator
from policykg.loaders.text.numbers import normalise_unit, unit_family

__all__ = [
    "alt_labels",
    "canonical_level",
    "clean_surface",
    "ends_with_action",
    "indicator_name",
    "is_bare_measure",
    "strip_action",
    "topic_of",
    "vocabulary_entry",
    "with_topic",
]

_CHANGE_SUFFIXES = ("增速", "增幅", "涨幅", "降幅", "增长率", "增量", "减量")
# what may follow a listed form without changing what is measured (防沙治沙任务, 设施农业面积)
_NEUTRAL_TAILS = frozenset({"", "面积", "规模", "建设", "任务", "数量", "总量", "量", "工作", "工程"})
_COUNT_SUFFIXES = ("数量", "数", "量", "规模", "次", "人次", "床位")

_LIST_MARKER = re.compile(
    r"^(?:[-•·*]\s*)*(?:\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是要])?"
)
_LEADING = re.compile(
    r"^(?:力争|确保|争取|预计|初步统计|初步核算|其中|全区|全年|年内|今年|当年|去年|努力|继续|进一步|我区|"
    r"各类|各行业|我们|同时|更是|累计|年均|平均|首次|实现|推动|推进|带动|全社会|稳步|持续|不断|逐步|每年|"
    r"全省|全市|全疆|我省|我市|还有|今年要|今年|本年|拟|将|要|计划|[〇零一二三四五六七八九]{4}年(?:底|末)?|"
    r"(?:从|由|自|到)?“?十[一二三四五六]五”?(?:以来|期间|时期|前\d年|末|初)?的?|现在的?|目前|当前|"
    r"(?:自|从|到|截至|在)?\d{4}年(?:底|末|全年|上半年)?|截至|有望|全民参保、|此外|以及|以(?=年均|\d))"
)
_TRAILING = re.compile(
    r"(?:达到|达|稳定在|保持在|维持在|稳定|保持|维持|突破|超过|超|跨过|跨越|迈上|迈过|提高到|提升到|提高至|提升至|"
    r"提高|提升|增长了|增长|增加了|增加|增至|下降了|下降|降低|降到|降至|减少|压降|压减|缩小至|缩小到|缩小|"
    r"为|至|是|在|完成|实现|控制在|约|近|接近|不低于|不少于|不高于|不超过|低于|高于|分别|均|同口径|累计|年均|"
    r"平均|共|总计|合计|共计|再|了|更是|首次|率先|以上的|有望|预计|力争|逾|跃升至|跃升到|升至|由|从|"
    r"较\d{4}年|比\d{4}年|较上年|比上年|同比|占全国|占全区|占|的|稳步|持续|翻番|翻一番|翻了一番|每月|每年|"
    r"每人|现在|目前|当前|今年要|今年|全年|年内|要|将|(?:从|由|自)?“?十[一二三四五六]五”?(?:末|初|以来|期间)?|年均增长|年均|"
    r"上涨了?|下跌了?|回落|上升了?|拟按|按|拟安排|安排|拟|先|已|已经|基础上|的基础上|"
    r"(?:增加|增长|上升|下降|减少|扩大|发展|回落|降低|提高|提升|跃升|缩小)(?:到了?|至)|"
    r"(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:底|末)?)$"
)
_ACTION = re.compile(
    r"^(?:新建和改造提升|新增和改造提升|新建改扩建|新改建|改扩建|改造提升|布局建设|新开工建设|开工建设|建设运营|"
    r"完成|实施|开展|新推出|再推出|推出|发放|建成|打造|创建|培育|建设|新建|新增|开工|投产|引进|落户|获批|"
    r"生产|形成|组织|举办|加装、更新|加装|更新|改造|提供|推广|认定|命名|缔结|新缔结|挂牌|新挂牌|筹建|新筹建|"
    r"成功创建|成功|处置|化解|救助|办结|接通|开通|累计建成|累计完成|累计培育|累计提供|支持|带动|执行好|执行|加大|加快|提高|扩大|发展)"
)
# 玉米、苜蓿、饲用燕麦、羊草等人工饲草面积: a list of examples before 等 is no part of the name
_EXAMPLES = re.compile(r"^[^，。；、]+(?:、[^，。；、]+)+等(?=[^等]{2,}$)")
# 单位国内生产总值能耗由前三年…, 钢产量由1957年的…: the frame of a change from a base is no part of the name
_FROM_FRAME = re.compile(
    r"(?<=[^自]{2})(?:由|从)(?:前|去年|上年|原来|过去|\d|[〇零一二三四五六七八九十]{2,}年)[^，。；]*$"
)
_ADVERBIAL_CUT = re.compile(r"(?:在全国|在全区|全国率先|率先|连续\d+年|稳居|位居|居全国)")


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[str, str], ...]:
    """(surface form, canonical) pairs, longest form first; every canonical is also a form of itself."""
    pairs: dict[str, str] = {}
    for canonical, entry in lexicon.indicators().indicators.items():
        for form in (canonical, *entry.forms):
            pairs.setdefault(form, canonical)
    return tuple(sorted(pairs.items(), key=lambda p: (-len(p[0]), p[0])))


@lru_cache(maxsize=1)
def _whole_forms() -> dict[str, str]:
    """Forms that name an indicator only as the whole subject (经济 → 地区生产总值)."""
    return {w: c for c, e in lexicon.indicators().indicators.items() for w in e.whole}


def clean_surface(raw: str) -> str:
    """The words that name what is measured: list markers, adverbs, predicate verbs and examples removed."""
    s = raw.strip(" ，,、：:；;（(")
    s = _LIST_MARKER.sub("", s)
    cut = _ADVERBIAL_CUT.search(s)
    if cut and cut.start() > 0:
        s = s[: cut.start()]
    for _ in range(8):
        before = s
        s = s.strip(" ，,、：:；;")
        s = _LEADING.sub("", s)
        s = _TRAILING.sub("", s)
        if s == before:
            break
    s = _FROM_FRAME.sub("", s)
    return _EXAMPLES.sub("", s)


def strip_action(surface: str) -> str:
    """The surface without the action verbs that open it (新建, 完成, 实施 …)."""
    s = surface
    for _ in range(3):
        t = _ACTION.sub("", s)
        if t == s:
            break
        s = t
    return s


_ACTION_TAIL = re.compile(
    r"(?:布局建设|开工建设|建设|新建|建成|开工|投产|实施|推出|创建|培育|打造|完成|发放|新增|引进|推动|支持|"
    r"形成|组建|设立|开展|认定|命名|推广|改造|提供|筹建|落地)$"
)


def ends_with_action(surface: str) -> bool:
    """Whether a surface ends with an action verb, so the figure after it counts an object."""
    return bool(_ACTION_TAIL.search(surface))


# what may stand before a listed form without changing what is measured (全区粮食产量, 地方一般公共预算收入)
_NEUTRAL_HEADS = re.compile(
    r"^(?:全区|全省|全市|全疆|全州|全盟|全国|我区|我省|我市|本市|地方|全社会|全部|全年|年度|当年|总)?$"
)


def canonical_level(surface: str) -> str | None:
    """The canonical level indicator a surface names by the vocabulary, or None when none fits.

    A listed form names the surface when it is its head: what follows it is a neutral word (面积,
    规模) and what precedes it does not narrow the quantity (全区 may, 城镇 or 脱贫地区 may not:
    脱贫地区农村居民收入 is not 农村居民人均可支配收入).  The rightmost, then longest, form wins.
    """
    if not surface:
        return None
    if surface in _whole_forms():
        return _whole_forms()[surface]
    best: tuple[int, int, str] | None = None
    for form, canonical in _forms():
        i = surface.rfind(form)
        if i < 0 or surface[i + len(form) :] not in _NEUTRAL_TAILS or not _NEUTRAL_HEADS.match(surface[:i]):
            continue
        key = (i + len(form), len(form), canonical)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


def vocabulary_entry(name: str) -> Indicator | None:
    """The vocabulary's entry for a canonical name, if it is one."""
    return lexicon.indicators().indicators.get(name)


def is_bare_measure(surface: str) -> bool:
    """A measure word that names no thing by itself (总规模, 收入, 发电量) and so borrows a topic."""
    return surface in lexicon.indicators().measures


def topic_of(name: str) -> str | None:
    """The topic word of an indicator name (新能源 of 新能源新增并网装机), if it has one."""
    terms = lexicon.indicators()
    aliases = terms.topic_aliases
    best: tuple[int, str] | None = None
    for word in (*terms.topics, *aliases):
        i = name.find(word)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, aliases.get(word, word))
    return best[1] if best else None


def with_topic(topic: str, measure: str) -> str:
    """A bare measure joined to its topic, read through the synonyms (新能源 + 总规模 → 新能源装机规模)."""
    joined = topic + measure
    return canonical_level(joined) or joined


_PEOPLE_HEADS = ("人数", "人口", "就业", "人次", "人员", "人", "规模", "数", "数量", "量")
_CLASS_MEASURE_WORDS = {"area": "面积", "length": "里程", "count": "数量", "compute": "规模"}
_SPLIT_MEASURE_WORDS = (
    "装机容量",
    "面积",
    "里程",
    "数量",
    "规模",
    "产量",
    "装机",
    "产能",
    "总量",
    "人数",
    "量",
)


def indicator_name(
    level: str,
    *,
    change: str | None = None,
    unit: str = "",
    share: bool = False,
    flow: tuple[str, str] | None = None,
    share_of: str = "全国",
) -> str:
    """The full indicator: a level name with the measure the statement takes of it.

    ``change`` is ``"up"`` or ``"down"`` for a change, ``None`` for a level; ``share`` marks a
    share of a larger whole (占全国16%: ``share_of`` is 全国); ``flow`` is the (style, marker) of
    the verb that makes the figure an increment or an amount of work: ``("prefix", "新增")``
    gives 新增设施农业面积, ``("activity", "建设")`` 高标准农田建设面积; a vocabulary name that is
    itself a flow (城镇新增就业) stays as it is.
    """
    name = level or "未命名指标"
    family = unit_family(unit)
    if share:
        return name if name.endswith(("比重", "占比")) else f"{name}占{share_of}比重"
    if flow and not (change and family == "ratio"):
        name = _flow_name(name, family, *flow)
    if change and not name.endswith(_CHANGE_SUFFIXES) and "净增" not in name:
        if family == "ratio" or unit in ("%", "倍"):
            return name + ("降幅" if change == "down" else "增速")
        return name + ("减量" if change == "down" else "增量")
    if change or name.endswith(_CHANGE_SUFFIXES):
        return name
    if family in ("count",) and name.endswith(("总量", "总数")):
        return name[:-2] + "数量"  # 高新技术企业总量超过1.4万家: a count of firms
    if family in ("count",) and not name.endswith(_COUNT_SUFFIXES):
        return name + "数量"
    if family == "area" and not name.endswith(("面积", "规模")):
        return name + "面积"
    if family == "length" and not name.endswith(("里程", "长度", "规模")):
        return name + "里程"
    if family == "compute" and not name.endswith("规模"):
        return name + "规模"
    if _family(unit) == "persons" and not name.endswith(_PEOPLE_HEADS):
        return name + "人数"  # 预计今年高校毕业生超过1170万人: 高校毕业生人数
    return name


def _family(unit: str) -> str:
    """The unit's family (percent, persons, power …), or ''."""
    norm = normalise_unit(unit)
    return norm.family if norm else ""


def _flow_name(name: str, family: str, style: str, marker: str) -> str:
    """A level name marked as a flow: 新增 + name, or the activity noun before its measure word."""
    entry = vocabulary_entry(name)
    if entry is not None and entry.measure == "flow":
        return name
    if style == "prefix":
        return name if name.startswith(marker) else marker + name
    if style != "activity" or not marker or marker in name:
        return name
    for word in _SPLIT_MEASURE_WORDS:
        if name.endswith(word) and len(name) > len(word) + 1:
            return name[: -len(word)] + marker + word
    return name + marker + _CLASS_MEASURE_WORDS.get(family, "")


def alt_labels(canonical: str) -> list[str]:
    """The surface forms the vocabulary knows for a canonical level indicator (for skos:altLabel)."""
    entry = vocabulary_entry(canonical)
    return [f for f in entry.forms if f != canonical] if entry else []
