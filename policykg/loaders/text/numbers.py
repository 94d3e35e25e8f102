"""Numbers with their units as Chinese policy documents write them: the lexical layer of metric extraction.

A quantity in this genre is an Arabic number (``12.5``, ``1,200``), a range (``2—3家``), or a Chinese
figure (``百亿``, ``万亿元大关``, ``九成``, ``三千万元``), followed by an optional scale word
(万亿 亿 万 千 百) and a base unit or classifier (元 吨 千瓦时 亩 人次 家 个 % 个百分点 倍 …).
``多``/``余`` between number and unit (``300多亿元``) mark a lower bound.  Units are data
(``data/units.json``) so that new measure words need no code.  Everything here works on the
normalised text (see :mod:`policykg.loaders.text.normalise`); callers map spans back to the original.

What is *not* a quantity is decided here only where the letters say so (``PM2.5``, ``G0616``, ``5G``,
``500千伏``, ``2024年``, ``3岁``); whether a quantity is a metric statement is for
:func:`policykg.loaders.metrics.quantities.is_statement` to decide from its context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

from policykg.loaders import lexicon

__all__ = [
    "Quantity",
    "UnitNorm",
    "base_units",
    "find_quantities",
    "normalise_unit",
    "normalised_value",
    "parse_chinese_number",
    "parse_number",
    "split_unit",
    "unit_family",
]

_CN_DIGITS = "零〇一二两三四五六七八九十百千"


@dataclass(frozen=True)
class Quantity:
    """A number and its unit found in a text, with offsets into that text (end exclusive)."""

    start: int
    end: int
    value: float
    unit: str  # as written, scale word included: 万亿元, 亿千瓦时, %, 个
    number_text: str
    more: bool = False  # 多/余 after the number: 300多亿元
    is_range: bool = False  # 2—3家: value is the lower bound
    unitless: bool = False  # a bare decimal such as a coefficient (0.593)
    chinese: bool = False  # written with Chinese numerals or scale words only (百亿, 九成)

    @property
    def factor(self) -> float:
        return split_unit(self.unit)[0]

    @property
    def base(self) -> str:
        return split_unit(self.unit)[1]


@lru_cache(maxsize=1)
def base_units() -> tuple[str, ...]:
    """Every base unit and classifier, longest first (so 千瓦时 wins over 千瓦)."""
    units = {u for family in lexicon.units().families.values() for u in family}
    return tuple(sorted(units, key=lambda u: (-len(u), u)))


@lru_cache(maxsize=1)
def _family_of() -> dict[str, str]:
    return {u: fam for fam, members in lexicon.units().families.items() for u in members}


def unit_family(unit: str) -> str:
    """The grammatical class of a unit's base (ratio, money, area, count, …), or '' when unknown.

    The class is what the naming grammar reads from a unit (a count names a thing, a ratio a rate);
    which figures compare is the finer family of :func:`normalise_unit`.
    """
    return _family_of().get(split_unit(unit)[1], "")


@dataclass(frozen=True)
class UnitNorm:
    """Where a unit as written stands in its family: the family, its base unit, and the factor to it."""

    family: str  # percent, percentage_point, electricity, power, area, yuan …
    base: str  # 千瓦时 for 亿度, 亩 for 万公顷
    factor: float  # 亿度 → 1e8 (千瓦时), 万公顷 → 1.5e5 (亩)


@lru_cache(maxsize=256)
def normalise_unit(unit: str) -> UnitNorm | None:
    """A unit's family, base and factor (亿度 = 1e8 千瓦时; 万公顷 = 1.5e5 亩), or None when unknown.

    Figures compare only within one family: % never meets 个百分点, 千瓦 (capacity) never 千瓦时.
    """
    scale, base = split_unit(unit)
    for family in lexicon.units().unit_families.values():
        if base in family.factors:
            return UnitNorm(family.name, family.base, scale * family.factors[base])
    return None


def split_unit(unit: str) -> tuple[float, str]:
    """'万亿元' -> (1e12, '元'); a unit that is itself a base (千瓦, 百分点) keeps its scale-like letters."""
    u = unit.replace(" ", "")
    if u in base_units() or not u:
        return 1.0, u
    for word, factor in lexicon.units().scales:  # 万亿 亿 万 千 百, in that order
        if u.startswith(word):
            rest = u[len(word) :]
            if not rest or rest in base_units():
                return factor, rest
            inner, base = split_unit(rest)
            return factor * inner, base
    return 1.0, u


def normalised_value(value: float, unit: str) -> tuple[float, str]:
    """The value in its family's base unit (12.5亿吨 = 1.25e9 吨, 8000亿度 = 8e11 千瓦时, 九成 = 90 %).

    A unit of no known family keeps its own base, without the scale word.
    """
    norm = normalise_unit(unit)
    factor, base = (norm.factor, norm.base) if norm else split_unit(unit)
    return float(f"{value * factor:.12g}"), base


def parse_number(text: str) -> float:
    """An Arabic number as written ('1,200.5') or a Chinese one ('一千二百', '两') as a float."""
    t = text.replace(",", "").replace("，", "").strip()
    if not t:
        raise ValueError("empty number")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    return parse_chinese_number(t)


def parse_chinese_number(text: str) -> float:
    """A Chinese numeral ('九', '三千', '一百二十') as a float, via cn2an."""
    if not text or any(ch not in _CN_DIGITS + "万亿" for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    if text == "两":
        return 2.0
    try:
        return float(cn2an.cn2an(text.replace("两", "二"), "smart"))
    except (ValueError, KeyError, IndexError) as exc:  # cn2an's own errors for malformed numerals
        raise ValueError(f"not a Chinese numeral: {text!r}") from exc


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    base = "|".join(re.escape(u) for u in base_units())
    arabic = re.compile(
        r"(?<![\d.A-Za-z/])(?P<num>\d{1,3}(?:[,，]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"
        r"(?:(?P<sep>[—–\-－~～至到])(?P<num2>\d+(?:\.\d+)?))?"
        r"(?P<more1>多|余)?"
        rf"(?:(?P<base0>{base})|(?P<scale>万亿|亿|万|千|百)(?P<more2>多|余)?(?P<base>{base})?)?"
    )
    # 百亿, 千亿元, 万亿元大关: a scale word standing for the number itself
    scale_only = re.compile(
        r"(?<![\d一二两三四五六七八九十百千万亿])(?P<lead>百|千|万)?(?P<scale>万亿|亿)(?P<yuan>元)?"
    )
    # 九成: tenths
    tenths = re.compile(
        r"(?<=[达近超约占逾过到有为])(?P<num>[一二三四五六七八九])成(?![功为立果员本就交绩熟])"
    )
    # 三千万元: Chinese digits with a scale word and (optionally) a base unit
    cn_scaled = re.compile(
        r"(?<![\d一二两三四五六七八九十百千万亿零〇])(?P<num>[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*)"
        rf"(?P<scale>万亿|亿|万)(?P<base>{base})?"
    )
    return arabic, scale_only, tenths, cn_scaled


_BOUNDARY = re.compile(
    r"(?:$|[，,。；;、：:）)\]」』”’！？!?\s]|以上|以下|以内|左右|上下|多|余|和|及|与|或|大关|规模|水平)"
)
_SCALE_VERB = re.compile(r"(?:突破|跨过|跨越|迈上|迈过|超过|超|达到|达|破|逾|近|接近|不足|过)$")


def _not_unit_follows(text: str, at: int) -> bool:
    rest = text[at : at + 4]
    return any(rest.startswith(w) for w in lexicon.units().not_units)


def find_quantities(text: str) -> list[Quantity]:
    """Every number-with-unit in a (normalised) text, in order, non-overlapping."""
    arabic, scale_only, tenths, cn_scaled = _patterns()
    found: list[Quantity] = []
    for m in arabic.finditer(text):
        q = _arabic_quantity(text, m)
        if q is not None:
            found.append(q)
    taken = [(q.start, q.end) for q in found]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in scale_only.finditer(text):
        if not free(m.start(), m.end()) or not _SCALE_VERB.search(text[max(0, m.start() - 3) : m.start()]):
            continue
        lead, scale = m.group("lead"), m.group("scale")
        if lead is None and scale == "亿":
            continue  # 破亿: a milestone word, not a figure
        if text[m.end() : m.end() + 1] in ("级", "吨", "千", "斤", "度", "立", "亩", "人", "头", "只"):
            continue  # 千亿级 is a category; 亿吨 etc. would need a number
        if lead == "万" and scale == "亿":
            lead, scale = None, "万亿"
        value = {"百": 100.0, "千": 1000.0, "万": 10000.0, None: 1.0}[lead]
        q = Quantity(m.start(), m.end(), value, f"{scale}元", m.group(0), chinese=True)
        found.append(q)
        taken.append((q.start, q.end))
    for m in tenths.finditer(text):
        if free(m.start(), m.end()):
            found.append(
                Quantity(
                    m.start(), m.end(), parse_chinese_number(m.group("num")), "成", m.group(0), chinese=True
                )
            )
            taken.append((m.start(), m.end()))
    for m in cn_scaled.finditer(text):
        if not free(m.start(), m.end()):
            continue
        unit = m.group("scale") + (m.group("base") or "")
        if not m.group("base") and not _BOUNDARY.match(text, m.end()):
            continue
        if m.group("base") is None and text[m.end() : m.end() + 1] == "级":
            continue
        try:
            value = parse_chinese_number(m.group("num"))
        except ValueError:
            continue
        found.append(Quantity(m.start(), m.end(), value, unit, m.group(0), chinese=True))
        taken.append((m.start(), m.end()))
    found.sort(key=lambda q: q.start)
    return found


def _arabic_quantity(text: str, m: re.Match[str]) -> Quantity | None:
    num = m.group("num")
    base = m.group("base0") or m.group("base") or ""
    scale = m.group("scale") or ""
    end = m.end()
    # a trailing range separator that caught no second number belongs to the text, not to us
    if m.group("sep") and m.group("num2") is None:
        return None
    after = text[end : end + 1]
    if (base or scale) and after == "级":
        return None  # 30万吨级油轮, 百万千瓦级机组: a class of size, not a figure
    if not base and not scale:
        if m.group("more1"):
            return None
        if _not_unit_follows(text, end) or (after.isascii() and after.isalpha()):
            return None
        if "." not in num or m.group("num2"):
            return None
        return Quantity(m.start(), end, float(num.replace(",", "")), "", num, unitless=True)
    if not base:
        # scale word only (30万): a figure when the clause goes on with a boundary, not a name (百亿级)
        if not _BOUNDARY.match(text, end) or _not_unit_follows(text, end - len(scale)):
            return None
    elif _not_unit_follows(text, m.end() - len(base)) and not base.startswith(("千瓦", "千克", "千米")):
        return None
    if base and base.isascii() and text[end : end + 1].isascii() and text[end : end + 1].isalnum():
        return None  # 20万PB, 5GW: letters running on are another unit or a name
    if base in ("个", "项") and re.match(r"方面|件大事|大任务", text[end : end + 4]):
        return None  # 11个方面工作: an outline count, not a measure
    unit = scale + base
    more = bool(m.group("more1") or m.group("more2"))
    return Quantity(
        m.start(),
        end,
        float(num.replace(",", "").replace("，", "")),
        unit,
        num,
        more=more,
        is_range=m.group("num2") is not None,
    )
