"""The issuing region of a document, from the genre's fixed places, in the order they are trusted.

The title names the government first (``2025年宁夏政府工作报告``, ``鄂尔多斯市人民政府关于…``,
``鄂尔多斯市2024年国民经济和社会发展统计公报``); then a 发文机关 row or an issuing body on a line of
its own (``东阳市统计局``); then the delivery or
adoption line (``在鄂尔多斯市第五届人民代表大会第五次会议上``); then the speaker line (``四川省人民政府
省长 施小琳``, ``国务院总理 李强``); then the opening (``我代表江西省人民政府``, ``我代表国务院``,
``…第十七届人民代表大会第五次会议听取和审议了``).  A text that says none of this (a news item, a
summary) is given its 来源 row's region (the paper that printed a report is often another region's,
so this comes last), else the region it names most, or the country when it speaks for it more.
"""

from __future__ import annotations

import re

from policykg.loaders import lexicon
from policykg.loaders.text.identity.lines import Line, speaker_pattern
from policykg.loaders.text.identity.places import NATIONAL, gazetteer, issuer_before, national_in

__all__ = ["issuer_of", "region_of"]

_LEAD = re.compile(r"^(?:(?:19|20)\d{2}\s*年(?:度)?|[《“\"「]|关于)+")
_CONGRESS = re.compile(
    r"([\u4e00-\u9fff]{0,16}?)(?:第)?[一二三四五六七八九十]+届(?:全国)?(?:人民代表大会|人大)"
)
_GOVERNMENT = re.compile(r"(?:我)?代表([\u4e00-\u9fff]{0,16}?)人民政府")
_NATIONAL_FRAMES = re.compile(
    r"代表国务院|受国务院(?:的)?委托|国务院向|代表中央人民政府|国务院总理|全国人民代表大会"
)
# how a text speaks of the whole country, and how a region's own texts speak of themselves
_NATIONAL_WORDS = re.compile(r"国务院|我国|总理|全国人民|中央人民政府")
_LOCAL_WORDS = re.compile(
    r"代表(?:省|市|自治区|县|区|旗|州|盟)人民政府|(?:省|市|县|区|旗|州|盟)长|自治区主席|"
    r"全(?:省|区|市|县|州|盟|旗)|我(?:省|区|市|县|州|盟|旗)"
)
_NAMED_CHARS = 5000


def _from_title(title: str) -> str | None:
    """The region a title opens with: a full name, or the short form of a province or prefecture."""
    core = _LEAD.sub("", re.sub(r"\s+", "", title))
    if national_in(core[:12]) or core.startswith(("国家", "全国")):
        return NATIONAL
    if re.match(r"^第[一二三四五六七八九十]+届全国", core):
        return NATIONAL
    g = gazetteer()
    found = g.leading(core, counties=False)
    # 安徽省蚌埠市人民政府, 内蒙古自治区鄂尔多斯市: the deepest of nested names is the issuer
    while found is not None:
        inner = g.leading(core[len(found[1]) :])
        if inner is None or not inner[0].code.startswith(_prefix(found[0].code)):
            return found[0].name
        core, found = core[len(found[1]) :], inner
    return None


def _prefix(code: str) -> str:
    """The part of a code its subdivisions share: 15 for 150000, 1506 for 150600."""
    return code[:2] if code.endswith("0000") else code[:4]


def region_of(name: str) -> str | None:
    """The region a name of a government, body or paper opens with (内蒙古自治区人民政府 → 内蒙古自治区)."""
    return _from_title(name)


def _from_congress(text: str) -> str | None:
    """The region whose people's congress a line names (中国 for the National People's Congress)."""
    for m in _CONGRESS.finditer(text):
        if "全国" in m.group(0):
            return NATIONAL
        before = m.group(1).split("在")[-1]
        if found := issuer_before(before):
            return found
    return None


def _from_speaker(text: str) -> str | None:
    """The region before an official's title (四川省人民政府省长 施小琳 → 四川省; 国务院总理 → 中国)."""
    m = speaker_pattern().match(text)
    if not m:
        return None
    if national_in(m.group(0)):
        return NATIONAL
    return issuer_before(m.group("region")) if m.group("region") else None


def _from_opening(opening: str) -> str | None:
    """``我代表XX人民政府`` or a national frame in the speech's first paragraphs."""
    head = opening[:2500]
    for m in _GOVERNMENT.finditer(head):
        if found := issuer_before(m.group(1)):
            return found
    if _NATIONAL_FRAMES.search(head) and not _LOCAL_WORDS.search(head[:600]):
        return NATIONAL
    for line in head.splitlines()[:12]:
        if re.search(
            r"人民代表大会(?:常务委员会)?第[一二三四五六七八九十]+次会议[^。]{0,6}(?:听取|审议)", line
        ):
            return _from_congress(line)
    return None


def _most_named(title: str, opening: str) -> str | None:
    """The region the title names, else the one the text names most, unless it speaks for the country.

    A region's own texts speak of 全省, 我区, 省长; national ones of 我国, 国务院, 总理.  Whichever
    the opening does more decides between the region it names most and ``中国``.
    """
    g = gazetteer()
    if in_title := g.count(title):
        return in_title.most_common(1)[0][0].name
    head = opening[:_NAMED_CHARS]
    counts = g.count(head)
    national, local = len(_NATIONAL_WORDS.findall(head)), len(_LOCAL_WORDS.findall(head))
    if counts and local >= national:
        return counts.most_common(1)[0][0].name
    if national:
        return NATIONAL
    return counts.most_common(1)[0][0].name if counts else None


def issuer_of(lines: list[Line], title: str, opening: str) -> str | None:
    """The official name of the region that issued the document (``中国`` for national bodies)."""
    if title and (found := _from_title(title)):
        return found
    if found := _from_fields(lines, "issuer"):
        return found
    if found := _from_agencies(lines):
        return found
    for roles, read in ((("delivery", "adopted"), _from_congress), (("speaker",), _from_speaker)):
        for line in lines:
            if line.role in roles and (found := read(line.text)):
                return found
    # a 来源 row names the paper that printed the text, often another region's: trusted last
    return _from_opening(opening) or _from_fields(lines, "source") or _most_named(title, opening)


def _from_agencies(lines: list[Line]) -> str | None:
    """A body named on a line of the head (东阳市统计局 under a bulletin's title)."""
    suffixes = lexicon.document_terms().agency_suffixes
    for line in lines:
        if line.role in ("salutation", "heading", "body"):
            break
        named = line.role == "title" and len(line.text) <= 30 and line.text.endswith(suffixes)
        if named and (found := _from_title(line.text)):
            return found
    return None


def _from_fields(lines: list[Line], field: str) -> str | None:
    for line in lines:
        if line.role == "field" and line.field == field and line.value and (found := _from_title(line.value)):
            return found
    return None
