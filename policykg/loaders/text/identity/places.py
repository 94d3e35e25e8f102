"""Which region issued a document: place names read at the genre's fixed places, expanded to official names.

A report names its government in a few fixed places: the title (``2025年宁夏政府工作报告``,
``鄂尔多斯市人民政府关于…``), the delivery line (``在鄂尔多斯市第五届人民代表大会第五次会议上``),
the speaker line (``四川省人民政府省长 施小琳``) and the opening (``我代表江西省人民政府``).  Short
forms are expanded through the gazetteer of divisions (宁夏 → 宁夏回族自治区); a short form shared by
several divisions goes to the highest level (吉林 → 吉林省, while 吉林市 is written in full).  A
county name the gazetteer lacks is still taken whole when the genre's frame ends it with its suffix.
National documents (the State Council, the National People's Congress) have the issuer ``中国``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from policykg.loaders import lexicon
from policykg.loaders.lexicon import Division

__all__ = ["NATIONAL", "Gazetteer", "gazetteer", "issuer_before", "national_in"]

NATIONAL = "中国"
_RANK = {"province": 0, "prefecture": 1, "county": 2}
_SUFFIX = re.compile(r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|矿区|林区|省|市|县|区|旗|盟)$")
_NON_NAME = re.compile(r"[^\u4e00-\u9fff]")


@dataclass(frozen=True)
class Gazetteer:
    """Divisions by full name and by short form, and the longest name for prefix and suffix matching."""

    full: dict[str, tuple[Division, ...]]
    short: dict[str, tuple[Division, ...]]
    longest: int

    def candidates(self, name: str) -> tuple[Division, ...]:
        """Divisions with this full name, else with this short form."""
        return self.full.get(name) or self.short.get(name, ())

    def resolve(self, name: str) -> Division | None:
        """The division a name stands for: a full name, else a short form, the highest level winning.

        Two divisions of the same level under one name (朝阳区 of Beijing and of Changchun) are the
        same name for an issuer; the first in code order is returned.
        """
        found = self.candidates(name)
        if not found:
            return None
        return min(found, key=lambda d: (_RANK[d.level], d.code))

    def leading(self, text: str, *, counties: bool = True) -> tuple[Division, str] | None:
        """The division a text opens with and the name it is written as, the longest name winning.

        A full name always counts; a short form counts for a province or prefecture, and for a
        county only with ``counties`` and when more text follows (长安 or 和平 alone is a word).
        """
        for n in range(min(self.longest, len(text)), 1, -1):
            head = text[:n]
            if head in self.full:
                return self.resolve(head), head  # type: ignore[return-value]
            found = self.short.get(head, ())
            if any(d.level != "county" for d in found) or (counties and found and n < len(text)):
                return self.resolve(head), head  # type: ignore[return-value]
        return None

    def trailing(self, text: str) -> Division | None:
        """The division whose name the text ends with, the longest name winning."""
        for n in range(min(self.longest, len(text)), 1, -1):
            if found := self.resolve(text[-n:]):
                return found
        return None

    def count(self, text: str) -> Counter[Division]:
        """How often each province- and prefecture-level division is named (full or short) in a text."""
        found: Counter[Division] = Counter()
        for m in _names_pattern().finditer(text):
            division = self.resolve(m.group(0))
            if division is not None:
                found[division] += 1
        return found


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer of divisions, built once."""
    full: dict[str, list[Division]] = {}
    short: dict[str, list[Division]] = {}
    for d in lexicon.divisions():
        full.setdefault(d.name, []).append(d)
        for s in d.short:
            short.setdefault(s, []).append(d)
    longest = max(len(name) for name in full)
    return Gazetteer({k: tuple(v) for k, v in full.items()}, {k: tuple(v) for k, v in short.items()}, longest)


@cache
def _names_pattern() -> re.Pattern[str]:
    """Full names and short forms of province- and prefecture-level divisions, longest first."""
    g = gazetteer()
    names = {
        name
        for table in (g.full, g.short)
        for name, found in table.items()
        if len(name) >= 2 and any(d.level != "county" for d in found)
    }
    return re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))


def issuer_before(text: str) -> str | None:
    """The region a frame names just before a fixed word (``…鄂尔多斯市`` + ``第五届``): official name.

    The longest division name the text ends with wins; a name with an administrative suffix that
    the gazetteer lacks (a county renamed after the list was made) is taken whole.
    """
    text = _NON_NAME.split(text)[-1] if text else ""
    if len(text) < 2:
        return None
    g = gazetteer()
    if found := g.trailing(text):
        name = next((n for n in (found.name, *found.short) if text.endswith(n)), "")
        if name == found.name or not _SUFFIX.search(text):
            return found.name
    core = _SUFFIX.sub("", text)
    if 2 <= len(core) <= 8 and core != text and not re.search(r"[在的和与及向为代我本全该各自治]", core):
        return text
    return None


def national_in(text: str) -> bool:
    """Whether a line or phrase speaks for a national body (国务院, 全国人民代表大会, 中华人民共和国 …)."""
    return any(body in text for body in lexicon.document_terms().national_bodies)
