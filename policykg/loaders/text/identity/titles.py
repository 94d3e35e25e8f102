"""A document's title: its own title lines as written, or a title composed from what it is.

The title stands in the first lines that are neither page furniture nor the speech's frame (see
:mod:`.lines`); a formal title wrapped over several lines (``内蒙古自治区人民政府关于`` /
``下达2026年…计划的通知``, ``政府工作报`` / ``告``) is joined, while of a newspaper's kicker and
headline the headline (the longest line) is kept.  A work report titled only 政府工作报告 names
neither its government nor its year, and a resolution printed without its title line opens with its
text; both get the title the genre would give them (``2025年国务院政府工作报告``,
``第十四届全国人民代表大会第三次会议关于政府工作报告的决议``).
"""

from __future__ import annotations

import re

from policykg.loaders.text.identity.kinds import kind_from_title, title_core
from policykg.loaders.text.identity.lines import Line, clean
from policykg.loaders.text.identity.places import NATIONAL

__all__ = ["compose_title", "is_generic", "title_of"]

_ZONE_END = {"salutation", "heading", "body", "addressee"}
_CONTINUES = set("。，、；：！？）》”,.;:!?)")
_CONNECTORS = ("关于", "和", "与", "及", "的", "、", "暨", "对")
_GENERIC = re.compile(r"(?:(?:19|20)\d{2}\s*年)?(?:政府)?工作报告(?:[（(][^）)]*[）)])?")
_SESSION = re.compile(
    r"([\u4e00-\u9fff]{0,12}?第[一二三四五六七八九十]+届[\u4e00-\u9fff]{0,4}人民代表大会"
    r"(?:常务委员会)?第[一二三四五六七八九十]+次会议)(?:听取|审议|关于)"
)
_REPORT = re.compile(r"所作的([^。，；]{0,30}?报告)")


def _runs(lines: list[Line]) -> list[list[Line]]:
    """Blocks of adjacent title lines before the speech or the body begins.

    A block followed by a line that opens with 。 or ， was a sentence cut into lines (web pages cut
    lines at links: ``…所作的`` / ``政府工作报告`` / ``。会议…``), not a title.
    """
    runs: list[list[Line]] = []
    for line in lines:
        adjacent = bool(runs) and runs[-1][-1].index == line.index - 1
        if adjacent and line.text[:1] in _CONTINUES:
            runs.pop()
            adjacent = False
        if line.role in _ZONE_END:
            break
        if line.role == "title" or (line.role == "fragment" and adjacent):
            if adjacent:
                runs[-1].append(line)
            else:
                runs.append([line])
    return runs


def _joined(run: list[Line]) -> str:
    """One title from a block of lines.

    A formal title wrapped over lines is joined up to the line that completes its kind word
    (``…关于`` / ``下达…国民经济和`` / ``社会发展计划的通知``); lines after it (an issuing body, a
    date) are left.  A block that names no kind is a newspaper's kicker and headline: the headline,
    its longest line, unless the lines are the pieces of one phrase (a connector or a lone character).
    """
    texts = [line.raw for line in run]
    for n in range(1, len(texts) + 1):
        if kind_from_title("".join(texts[:n])) is not None:
            return "".join(texts[:n])
    wrapped = any(len(t) <= 3 for t in texts) or any(t.endswith(_CONNECTORS) for t in texts[:-1])
    return "".join(texts) if wrapped else max(texts, key=len)


def title_of(lines: list[Line]) -> str:
    """The document's own title: a 文件名称 row, else the first title block naming a kind, else the first."""
    for line in lines:
        if line.role == "field" and line.field == "title" and len(line.value) >= 4:
            return line.value
    titles = [_joined(run) for run in _runs(lines)]
    named = [t for t in titles if kind_from_title(t) is not None]
    return (named or titles or [""])[0].strip()


def is_generic(title: str) -> bool:
    """Whether a report's title names no government or region (政府工作报告, 2025年政府工作报告)."""
    return bool(_GENERIC.fullmatch(clean(title)))


def compose_title(kind: str, title: str, year: int | None, issuer: str | None, opening: str) -> str | None:
    """The title the genre gives a report or resolution that does not state its own, else None."""
    if kind == "government_work_report" and (not title or is_generic(title)):
        who = "国务院" if issuer == NATIONAL else (issuer or "")
        note = title[len(title_core(title)) :].strip()  # （摘要） stays
        return f"{year}年{who}政府工作报告{note}" if year else f"{who}政府工作报告{note}"
    if kind == "resolution" and "决议" not in title:
        for at, line in enumerate(lines := opening.splitlines()[:20]):
            if m := _SESSION.match(line):
                rest = "".join([line[m.end() :], *lines[at + 1 : at + 4]])  # …所作的 / 政府工作报告 / 。
                report = _REPORT.search(rest[:200])
                return f"{m.group(1)}关于{report.group(1) if report else '政府工作报告'}的决议"
    return None
