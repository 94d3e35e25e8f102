"""The opening lines of a document, each with the part it plays: title, or one of the things around it.

A document names itself in its first lines, but real files put much else there: a saved web page
keeps its navigation, toolbars (``下载 打印 全屏 收藏``, ``【字号 大 中 小】``) and field rows
(``来源：…日报``, ``发布时间：…``, ``文件名称 | …``); a newspaper page its masthead and photo
captions; a speech its delivery line (``——2025年1月14日在…第十四届人民代表大会第三次会议上``), its
speaker (``四川省人民政府省长 施小琳``) and its salutation (``各位代表：``).  :func:`head_lines`
gives every line of the head its role, so the readers of title, date and issuer each look only at
the lines that can hold what they want.  Nothing is cut from the document: lines are read, not kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from policykg.loaders import lexicon
from policykg.loaders.text.normalise import normalise

__all__ = ["DATE", "DOC_NUMBER", "Line", "clean", "fold", "head_lines", "speaker_pattern"]

HEAD_LINES = 80  # the title, chrome and delivery lines all stand within the first few dozen lines
HEAD_CHARS = 8000
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号")
DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})(?!\d)\s*日?"
)
_DATE_LINE = re.compile(
    r"[（(]?"
    + DATE.pattern
    + r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:星期[一二三四五六日天]|周[一二三四五六日])?"
    + r"\s*(?:印发|发布)?[）)]?"
)
_MONTH_LINE = re.compile(r"[（(]?(?:19|20)\d{2}年(?:\d{1,2}月)?[）)]?")  # 2021年2月 under a plan's title
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+(?:章|部分|节))"
)
# where a speech was given: 在…人民代表大会…会议上, or a line that opens with its date or a dash
_DELIVERY = re.compile(r"在.{0,40}?(?:人民代表大会|人大).{0,16}?会议|^(?:人民代表大会|人大).{0,16}?会议上")
_DELIVERY_OPEN = re.compile(r"^(?:——|--|—|－－|-)|^" + DATE.pattern)
_ADOPTED = re.compile(r"^[（(].{0,40}?(?:会议|常务委员会).{0,10}?(?:通过|批准)[）)]$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SEPARATORS = re.compile(r"[\s|｜/、·•,，:：>＞»›\-—–_\[\]【】()（）<>《》]+")
_BREADCRUMB = re.compile(r"[>＞»›]|->")
_FRAME = "#*>•·-—－–=＝ \t\u3000\u00a0"


@dataclass(frozen=True)
class Line:
    """One line of the head: as written (trimmed), cleaned for matching, and its role.

    Roles: ``title`` (a line that can be, or be part of, the title), ``chrome`` (navigation,
    toolbars, site names, page addresses), ``field`` (a labelled row; ``field`` and ``value`` say
    which and what), ``masthead``, ``caption``, ``date`` (a line that is only a date),
    ``delivery`` (where and when a speech was given), ``adopted`` (when a resolution was passed),
    ``speaker``, ``salutation``, ``docno`` (文号), ``heading``, ``addressee`` (a line ending in a
    colon), ``fragment`` (a lone character: the end of a wrapped title, or noise) and ``body``.
    """

    raw: str
    text: str
    role: str
    index: int
    field: str = ""
    value: str = ""


def fold(text: str) -> str:
    """Traditional forms of the genre's fixed words to simplified ones, character for character."""
    return text.translate(_fold_table())


@cache
def _fold_table() -> dict[int, str]:
    return {ord(k): v for k, v in lexicon.document_terms().traditional_forms.items()}


def clean(raw: str) -> str:
    """A line as it is matched: normalised (full-width digits, artefacts, spaces), folded, trimmed."""
    text = normalise(raw.translate(_INVISIBLE)).text.replace("\n", " ")
    return fold(text).strip(_FRAME)


@cache
def speaker_pattern() -> re.Pattern[str]:
    """A speaker line: the region (group ``region``, may be empty), the official's title and name."""
    terms = lexicon.document_terms()
    titles = "|".join(sorted(terms.speaker_titles, key=len, reverse=True))
    acting = "|".join(terms.acting_marks)
    return re.compile(
        rf"^(?P<region>[\u4e00-\u9fff]{{0,16}}?)(?:人民政府|政府)?(?:{acting})?(?:{titles})"
        r"\s*(?P<name>[\u4e00-\u9fff·]{2,8}?)\s*(?:同志)?\s*(?:作政府工作报告|的讲话|的报告)?[。.]?$"
    )


@cache
def _labels() -> tuple[tuple[str, str], ...]:
    """(label, field) pairs, longest label first so 发布时间 wins over 时间."""
    pairs = [(label, f) for f, labels in lexicon.document_terms().field_labels.items() for label in labels]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _label(text: str) -> tuple[str, str] | None:
    """The label a text opens with (followed by a separator or nothing) and its field."""
    for label, field in _labels():
        if text.startswith(label) and (len(text) == len(label) or text[len(label)] in ":：|｜\t 　】]"):
            return label, field
    return None


def _field(text: str) -> tuple[str, str] | None:
    """A labelled row (``来源：北京日报``, ``文件名称 | …``): its field and value, else None.

    A table row of an information page holds several pairs (``文号 | 成文日期: | 2025年04月15日``):
    the first pair with a value that says what the document is (title, 文号, date, issuer) is taken.
    """
    found = _label(text)
    if found is None:
        return None
    if "|" not in text and "｜" not in text:
        return found[1], text[len(found[0]) :].strip(":：\t 　】]")
    cells = [c.strip(":：\t 　】]") for c in re.split(r"[|｜]", text)]
    pairs = []
    for i, cell in enumerate(cells[:-1]):
        label = _label(cell)
        if label and label[0] == cell and cells[i + 1] and not _label(cells[i + 1]):
            pairs.append((label[1], cells[i + 1]))
    best = [p for p in pairs if p[0] != "other"] or pairs or [(found[1], "")]
    return best[0]


def _only_words(text: str, words: tuple[str, ...]) -> bool:
    """Whether a line is made of these words alone (with separators), as toolbars and menus are."""
    core = _SEPARATORS.sub("", text)
    if not core:
        return True
    longest = max(map(len, words))
    ok = [True] + [False] * len(core)
    for i in range(len(core)):
        if ok[i]:
            for n in range(1, min(longest, len(core) - i) + 1):
                if core[i : i + n] in words:
                    ok[i + n] = True
    return ok[-1]


def _is_chrome(text: str) -> bool:
    """Navigation, toolbars, site names, addresses and mostly-Latin lines such as transliterated mastheads."""
    terms = lexicon.document_terms()
    if _only_words(text, terms.chrome_words):
        return True
    if _BREADCRUMB.search(text) and all(len(p.strip()) <= 12 for p in _BREADCRUMB.split(text)):
        return True
    if re.search(r"https?://|www\.|\.(?:cn|com|html?)\b", text) or text.startswith("欢迎"):
        return True
    latin = sum(ch.isascii() and ch.isalpha() for ch in text)
    return latin >= 6 and latin > len(text) / 3


def _is_masthead(text: str) -> bool:
    """A paper's or site's name, alone or with the issue's date and page (内蒙古日报 2026年1月28日 第01版)."""
    words = lexicon.document_terms().masthead_words
    if len(text) > 40 or not any(w in text for w in words):
        return False
    dated = bool(DATE.search(text) or re.search(r"第\s*\d+\s*版|版次|版面", text))
    return dated or (len(text) <= 16 and text.endswith(words))


def _is_caption(text: str) -> bool:
    """A photo caption or credit (图为…, ▲…, （记者 王五 摄）): it describes a picture, not the text."""
    marks = lexicon.document_terms().caption_marks
    return text.startswith(("图为", "▲", "△", "图：", "图:")) or bool(
        re.search(r"(?:摄|供图|新华社发|资料图)[）)]?$", text) and any(m in text for m in marks)
    )


def _is_delivery(text: str, raw: str) -> bool:
    """``——2025年1月14日在…人民代表大会第三次会议上`` and its variants, not a title naming a meeting.

    The line may run on into who spoke (``…会议上省长毛伟明作政府工作报告。``) but is one clause:
    a sentence of the body that recalls a session has commas.
    """
    if len(text) > 120 or "，" in text or (text.endswith("。") and not text.endswith(("报告。", "讲话。"))):
        return False
    opens = bool(_DELIVERY_OPEN.match(raw))
    return bool(
        _DELIVERY.search(text) or (opens and re.search(r"会议|在.{0,30}第[一二三四五六七八九十]+届$", text))
    )


def _role(text: str, raw: str) -> tuple[str, str, str]:
    """The role of one cleaned line (``raw`` as written), with the field and value of a labelled row."""
    terms = lexicon.document_terms()
    if not text:
        return "blank", "", ""
    if text.startswith(terms.salutations) and len(text) <= 12:
        return "salutation", "", ""
    if DOC_NUMBER.fullmatch(text):
        return "docno", "", ""
    if found := _field(text):
        return "field", *found
    if _ADOPTED.match(text):
        return "adopted", "", ""
    if _is_delivery(text, raw.strip()):
        return "delivery", "", ""
    if speaker_pattern().match(text):
        return "speaker", "", ""
    if _DATE_LINE.fullmatch(text) or _MONTH_LINE.fullmatch(text):
        return "date", "", ""
    if _HEADING.match(text):
        return "heading", "", ""
    if _is_chrome(text):
        return "chrome", "", ""
    if _is_masthead(text):
        return "masthead", "", ""
    if _is_caption(text):
        return "caption", "", ""
    if text.endswith((":", "：")):
        return "addressee", "", ""
    if len(text) > 60 or text.endswith(("。", "！", "？", "；", "!", "?", ";")):
        return "body", "", ""
    if sum("\u4e00" <= ch <= "\u9fff" for ch in text) < 2:
        return "fragment", "", ""  # a title's last character wrapped onto a line of its own (政府工作报 / 告)
    return "title", "", ""


def _raw(line: str) -> str:
    """A line as written, without word-processor artefacts and the frame of markdown or rules."""
    line = re.sub(r"\[bookmark:[^\]\n]*\]", "", line.translate(_INVISIBLE)).replace("**", "")
    return line.strip(_FRAME)


def head_lines(text: str) -> list[Line]:
    """The first lines of a document with their roles (blank lines left out, numbering kept)."""
    out: list[Line] = []
    for index, raw in enumerate(text[:HEAD_CHARS].splitlines()[:HEAD_LINES]):
        cleaned = clean(raw)
        role, field, value = _role(cleaned, raw.translate(_INVISIBLE))
        if role != "blank":
            out.append(Line(_raw(raw), cleaned, role, index, field, value))
    return out
