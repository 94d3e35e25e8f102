"""What kind of measure a figure is (a level, a flow, a change, a share …) and whether it is a bound.

Two figures only compare when they measure the same thing in the same way: ``装机635.6万千瓦`` is
a stock, ``新增装机330万千瓦`` a flow into it, ``增长6%`` a rate of change, ``占全国16%`` a share,
``累计完成造林2202万亩`` a total over a span.  The measure type is read from the words of the
clause (the verb, 累计, 年均), the vocabulary entry of the indicator and the unit's family; the
bound from the comparator (以上/不低于/超过 → lower, 以下/以内/不足 → upper).
"""

from __future__ import annotations

from policykg.loaders import lexicon
from policykg.loaders.metrics.grammar import Verb
from policykg.loaders.metrics.indicators import vocabulary_entry
from policykg.loaders.text.numbers import normalise_unit, unit_family

__all__ = ["MEASURES", "PERIOD_TOTALS", "bound_of", "is_flow", "measure_of", "with_span"]

#: the measure types of the output contract
MEASURES = ("level", "flow", "change", "share", "count", "cumulative", "average")
#: unit families whose figures are totals over the period already (a year's output, investment,
#: electricity, visits): a verb before them (引进到位资金, 完成投资) does not make them a flow
PERIOD_TOTALS = frozenset({"yuan", "us_dollar", "electricity", "mass", "volume", "person_times"})


def is_flow(verb: Verb, level: str | None, unit: str) -> bool:
    """Whether a verb makes a figure an increment of a stock (新增装机) or an amount of work (新建农田).

    A vocabulary indicator that is a period total (到位资金, 发电量) stays what it is whatever verb
    stands before it; other subjects take the verb's reading.
    """
    if verb.style not in ("prefix", "activity"):
        return False
    entry = vocabulary_entry(level) if level else None
    return entry is None or entry.family not in PERIOD_TOTALS


def measure_of(
    *, words: str, unit: str, change: str | None, share: bool, verb: Verb | None, level: str | None
) -> str:
    """The measure type of a figure from the clause words before it and what naming found.

    ``words`` are the clause's words before the figure (累计, 年均 stand there); ``verb`` the verb
    that opened or ended the subject; ``level`` the level name (a vocabulary entry knows its own
    measure: 城镇新增就业 is a flow, 居民消费价格涨幅 a change, 城镇调查失业率 a share).
    """
    terms = lexicon.indicators()
    if share:
        return "share"
    if change and any(w in words for w in terms.average_words):
        return "average"
    if any(w in words for w in terms.cumulative_words):
        return "cumulative"
    if change:
        return "change"
    entry = vocabulary_entry(level) if level else None
    if verb is not None and is_flow(verb, level, unit):
        return "flow"
    if entry is not None:
        return entry.measure
    norm = normalise_unit(unit)
    if verb is not None and unit_family(unit) in ("area", "length"):
        return "flow"  # 完成生态建设任务4000万亩: an amount of work done in the period
    if norm is not None and norm.family == "percent":
        return "share"
    if unit_family(unit) == "count" or (norm is not None and norm.family in ("persons", "households")):
        return "count"
    return "level"


def with_span(measure: str, period: str) -> str:
    """A level, flow or count stated for a span of years (2021-2025) is a total over it: cumulative."""
    if "-" in period and measure in ("level", "flow", "count"):
        return "cumulative"
    return measure


def bound_of(comparator: str) -> str | None:
    """``lower`` when the value is a floor (以上, 不低于, 超过), ``upper`` when a ceiling (以下, 不足)."""
    return {"at_least": "lower", "at_most": "upper"}.get(comparator)
