"""What a metric row is about, so that only like figures are set side by side.

Two statements measure the same thing only when they agree on the indicator, the **scope** (the
issuing region as a whole, or one city, league, group of counties, enterprise), the **measure**
(a level, a flow within the year such as 新增/开工/投产, a change, a cumulative or average figure)
and the **family** of their units (:mod:`policykg.analysis.figures`).  The loaders give ``scope``
(with ``scope_kind``), ``measure``, ``unit_family`` and ``bound`` on each row; where a row carries
them they are used as they are.  Where a key is missing this module reads the words before the
figure, and reads them conservatively — when in doubt two figures are kept apart, since a
comparison that should not be made misleads, while one not made only leaves a target without
its actual:

- an enterprise (蒙能集团) or a place other than the issuer (乌海及周边地区, 34个旗县) named in the
  figure's clause, or as the subject of its sentence, is the figure's scope;
- a flow word (新增, 新建, 开工, 投产…) makes a flow, 累计 a cumulative, 年均 an average figure;
  started (开工) and completed (建成, 投产) are different flows;
- a figure over a span (period 2021-2025; 累计, 以来, 最高, a level 稳定在/保持在 with no year
  named) is never a single year's actual.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from policykg.analysis.figures import unit_family
from policykg.loaders import lexicon
from policykg.loaders.regions import find_places, gazetteer

__all__ = ["Reading", "Source", "dedupe", "read", "same_quantity", "sentence"]

Row = Mapping[str, Any]

_CLAUSE_END = "，,；;：:。！？!?\n"
_SENTENCE_END = "。！？!?；;\n"
_MEASURE_ALIASES = {"change_rate": "change"}


@dataclass(frozen=True)
class _Words:
    """The word lists of ``data/figure_words.json`` as patterns."""

    flow: re.Pattern[str]
    started: re.Pattern[str]
    completed: re.Pattern[str]
    cumulative: re.Pattern[str]
    average: re.Pattern[str]
    span: re.Pattern[str]
    held: re.Pattern[str]
    year_named: re.Pattern[str]
    places_counted: re.Pattern[str]


@cache
def _words() -> _Words:
    folder = resources.files("policykg.analysis").joinpath("data")
    data = json.loads(folder.joinpath("figure_words.json").read_text("utf-8"))

    def any_of(name: str) -> str:
        return "|".join(re.escape(w) for w in sorted(data[name]["genre"], key=len, reverse=True))

    kinds = any_of("places_counted")
    return _Words(
        **{
            name: re.compile(any_of(name))
            for name in ("flow", "started", "completed", "cumulative", "average", "span", "held")
        },
        year_named=re.compile(r"\d{4}\s*年|" + any_of("year_named")),
        places_counted=re.compile(rf"(?:\d+|[一二三四五六七八九十百]+)个(?:{kinds})|部分(?:{kinds})"),
    )


@dataclass(frozen=True)
class Source:
    """What reading a row needs beyond the row: the document's text and the region that issued it."""

    text: str
    issuer: str = ""


@dataclass(frozen=True)
class Reading:
    """What a figure measures, for whom and over what: the terms on which figures compare."""

    indicator: str
    scope: str  # "" for the issuing region as a whole
    measure: str  # level | flow | change | share | count | cumulative | average
    unit_family: str
    stage: str  # start | done | "" (which flow: started or completed)
    period: str
    single_year: bool  # a figure for one year, which a single-year target can be held against
    comparator: str


@cache
def _organisation() -> re.Pattern[str]:
    """An enterprise's name: two or more characters before 集团, 公司, 银行 (not 企业: a sector)."""
    suffixes = [s for s in lexicon.actor_terms().suffixes.get("enterprise", ()) if not s.endswith("企业")]
    return re.compile(r"[\u4e00-\u9fffA-Za-z]{2,12}?(?:" + "|".join(map(re.escape, suffixes)) + ")")


def _clause_start(text: str, lower: int, at: int) -> int:
    i = at
    while i > lower and text[i - 1] not in _CLAUSE_END:
        i -= 1
    return i


def sentence(row: Row, source: Source | None) -> tuple[list[int], str] | None:
    """The span and text of the sentence a row's figure stands in (None without the document text)."""
    if source is None or "span" not in row:
        return None
    text, (start, end) = source.text, row["span"]
    a = start
    while a > 0 and text[a - 1] not in _SENTENCE_END:
        a -= 1
    b = end
    while b < len(text) and text[b] not in _SENTENCE_END:
        b += 1
    return [a, b], text[a:b]


def _words_before(row: Row, source: Source | None) -> tuple[str, str, str]:
    """(the figure's clause up to the figure, the sentence's first clause, the whole sentence)."""
    found = sentence(row, source)
    if found is None or source is None:
        return "", "", ""
    (a, _), whole = found
    start = row["span"][0]
    clause = source.text[_clause_start(source.text, a, start) : start]
    head_end = next((i for i, ch in enumerate(whole) if ch in _CLAUSE_END), len(whole))
    head = whole[:head_end] if a + head_end <= start else ""
    return clause, head, whole


def _issuer_names(issuer: str) -> set[str]:
    gaz = gazetteer()
    return {issuer, *gaz.aliases.get(issuer, ())} if issuer else set()


def _named(words: str, own: set[str], *, subject: bool) -> str:
    """A counted group of places, an enterprise or a place other than the issuer in ``words``.

    With ``subject``, only a name that opens the words counts (蒙能集团要…): a place named later in
    a sentence's first clause is usually an object (参与中蒙俄经济走廊建设), not whom the figure is about.
    """
    if subject:
        words = words.lstrip(" \t\u3000*")
    counted = _words().places_counted.search(words)
    if counted and (not subject or counted.start() == 0):
        return counted.group()
    org = _organisation().search(words)
    if org and (not subject or org.start() == 0):
        return org.group()
    for hit in find_places(words):
        if subject and hit.start > 0:
            break
        if "等" in words[hit.end :]:
            continue  # 包头、阿拉善等6个示范工程: examples of what is counted, not whom it is about
        if hit.place.name not in own and hit.surface not in own and hit.place.level != "region":
            return hit.place.name
    return ""


def _scope(clause: str, head: str, issuer: str) -> str:
    """The enterprise or place the figure is about, read from the words before it ("" if none)."""
    own = _issuer_names(issuer) | {"中国", "全国"}
    return _named(clause, own, subject=False) or _named(head, own, subject=True)


def _own_words(clause: str) -> str:
    """The words of a clause that name this figure alone: after the last figure listed before it.

    In 新增并网4000万千瓦、发电量超3000亿度 the flow word belongs to the first figure only; in
    包头、阿拉善等6个 the words before the figure are a list of what it counts and stay.
    """
    pieces = clause.split("、")
    i = len(pieces) - 1
    while i > 0 and not re.search(r"\d", pieces[i - 1]):
        i -= 1
    return "、".join(pieces[i:])


def _measure(row: Row, clause: str) -> str:
    if row.get("measure"):
        return _MEASURE_ALIASES.get(str(row["measure"]), str(row["measure"]))
    if row.get("change"):
        return "change"
    words = _words()
    if words.cumulative.search(clause):
        return "cumulative"
    if words.average.search(clause):
        return "average"
    return "flow" if words.flow.search(_own_words(clause)) else "level"


def _single_year(row: Row, clause: str, whole: str) -> bool:
    period = str(row.get("period") or "")
    if not re.fullmatch(r"\d{4}", period):
        return False
    words = _words()
    if words.span.search(clause):
        return False
    held = row.get("kind") == "actual" and words.held.search(clause)
    return not (held and not words.year_named.search(whole))


def _comparator(row: Row) -> str:
    comparator = str(row.get("comparator") or "exact")
    bound = row.get("bound")
    if comparator == "exact" and bound in ("lower", "upper"):
        return "at_least" if bound == "lower" else "at_most"
    return comparator


def read(row: Row, source: Source | None = None) -> Reading:
    """The reading of one metric row: its keys where present, else the words before its figure."""
    clause, head, whole = _words_before(row, source)
    scope = row.get("scope")
    if row.get("scope_kind") == "region" or (source is not None and scope in _issuer_names(source.issuer)):
        scope = ""  # the loaders name the issuer; "" is the whole region here, as in the reading below
    elif scope is None and not row.get("scope_kind"):
        scope = _scope(clause, head, source.issuer if source else "")
    stage, own = "", _own_words(clause)
    if _words().started.search(own):
        stage = "start"
    elif _words().completed.search(own):
        stage = "done"
    unit = str(row.get("unit") or "")
    return Reading(
        indicator=str(row.get("indicator") or ""),
        scope=str(scope or ""),
        measure=_measure(row, clause),
        unit_family=str(row.get("unit_family") or unit_family(unit)),
        stage=stage,
        period=str(row.get("period") or ""),
        single_year=_single_year(row, clause, whole),
        comparator=_comparator(row),
    )


def same_quantity(a: Reading, b: Reading) -> bool:
    """Whether two readings measure one quantity: indicator, scope, measure, unit family (and stage).

    A figure the loaders could not name (no indicator) is like no other.
    """
    if not a.indicator or not b.indicator:
        return False
    same_terms = all(getattr(a, k) == getattr(b, k) for k in ("indicator", "scope", "measure", "unit_family"))
    return same_terms and (not a.stage or not b.stage or a.stage == b.stage)


def dedupe(rows: Iterable[Row], sources: Mapping[str, Source] | None = None) -> list[dict[str, Any]]:
    """One row per statement per document: a figure stated again (summary, then body) is listed once.

    Two rows of one document are one statement when they agree on kind, indicator, scope, measure,
    value, unit, comparator, change and period; the first (by position) is kept and the others'
    spans are listed in its ``also_at``.
    """
    kept: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (str(r.get("doc")), list(r.get("span") or [0, 0]))):
        r = read(row, (sources or {}).get(str(row.get("doc"))))
        key = (
            row.get("doc"), row.get("kind"), r.indicator, r.scope, r.measure, r.stage, row.get("value"),
            row.get("unit"), r.comparator, bool(row.get("change")), r.period,
        )  # fmt: skip
        if key in kept:
            kept[key]["also_at"].append(list(row.get("span") or []))
        else:
            kept[key] = {**row, "also_at": [list(s) for s in row.get("also_at", ())]}
    return list(kept.values())
