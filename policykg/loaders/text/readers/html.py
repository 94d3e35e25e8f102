"""Web pages to the plain text of their article, with lxml: the body without the site around it.

A government or newspaper page wraps a few thousand characters of article in navigation, banners,
share bars, related links, scripts and footers.  The article is found by the containers the common
content systems use (``<article>``, TRS ``div.TRS_Editor``, ``#zoom``, ``.article-content`` and a
few more), else as the block holding the most Chinese text.  Paragraph breaks are kept (one
paragraph per line), headings stand between empty lines like the plain headings of the genre, tables
(专栏 boxes) become tab-separated rows like in Word files, and the page's ``<h1>`` title opens the
text when the article body leaves it out, because metadata inference reads the title from the top.

The charset is read from the BOM or the ``<meta>`` declaration; GB2312 and GBK are decoded as their
superset GB18030, since pages labelled GB2312 routinely contain characters outside it.
"""

from __future__ import annotations

import codecs
import re
from collections import defaultdict

import lxml.html
from lxml import etree

from policykg.errors import BinaryDocumentError, EmptyDocumentError
from policykg.loaders.text.readers._common import cjk_count, library_failure, table_lines, tidy

__all__ = ["article_text", "decode_html", "read_html"]

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_GB = {"gb2312", "gbk", "cp936", "gb18030", "euc-cn", "x-gbk", "gb_2312-80", "csgb2312", "chinese"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

_DROP = {
    "script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "aside", "form",
    "button", "select", "textarea", "input", "label", "svg", "canvas", "object", "embed", "audio",
    "video", "menu", "head", "title", "meta", "link", "map",
}  # fmt: skip
_BLOCK = {
    "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "section", "article", "main", "blockquote", "pre",
    "center", "figure", "figcaption", "address", "hr", "tbody", "thead", "tfoot", "body", "html",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PARAGRAPHS = _BLOCK | _HEADINGS | {"td", "th"}  # what text is scored to when looking for the article
_NOISE_WORDS = {
    "nav", "navbar", "menu", "footer", "foot", "header", "share", "bdshare", "breadcrumb", "crumb",
    "crumbs", "sidebar", "side", "toolbar", "tools", "comment", "comments", "related", "relate",
    "copyright", "print", "position", "location", "login", "search", "ad", "ads", "banner", "qrcode",
    "erweima", "pager", "pagination", "subnav", "topbar", "bottom", "fenxiang",
}  # fmt: skip
# containers used by the content systems of government and newspaper sites, best first
_ARTICLE_XPATHS = (
    "//article",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_Editor ')]",
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' TRS_UEDITOR ')]",
    "//*[@id='zoom']",
    "//*[@id='UCAP-CONTENT']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' article-content ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' pages_content ')]",
    "//*[@id='ozoom']",
    "//*[@id='articleContent']",
)
_MIN_ARTICLE_CJK = 20
# where content systems state when and by whom an article was published: <meta> names, else a short
# info row outside the body (发布时间：2026-01-28 10:30 来源：内蒙古日报)
_META_DATES = {
    "pubdate", "publishdate", "publish_date", "publishtime", "firstpublishedtime", "article:published_time",
    "og:release_date", "dc.date", "dc.date.issued", "dcterms.issued", "date",
}  # fmt: skip
_META_SOURCES = {"contentsource", "source", "article:author"}
_PAGE_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})")
_INFO_ROW = re.compile(r"发布时间|发布日期|发表时间|时间\s*[:：]|日期\s*[:：]")
_INFO_SOURCE = re.compile(r"来源\s*[:：]\s*([^\s|｜]{2,20})")
_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def _charset_label(data: bytes) -> str | None:
    head = data[:4096]
    m = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    if label in _GB:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, *, name: str = "page.html") -> str:
    """Bytes of a page to text: BOM, then the declared charset, then UTF-8, then GB18030."""
    if not data.strip():
        raise EmptyDocumentError(f"{name}: the file is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:4096]:
        raise BinaryDocumentError(f"{name}: binary data, not a web page")
    declared = _codec(_charset_label(data))
    tries = [c for c in (declared, "utf-8", "gb18030") if c]
    for codec in dict.fromkeys(tries):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode(tries[0], errors="replace")


def _is_noise(el: etree._Element) -> bool:
    words = f"{el.get('class', '')} {el.get('id', '')}".lower()
    tokens = set(re.split(r"[\s_-]+", words))
    return bool(tokens & _NOISE_WORDS) or "bdshare" in words


def _drop(el: lxml.html.HtmlElement) -> None:
    if el.getparent() is not None:
        el.drop_tree()


def _page_title(root: lxml.html.HtmlElement) -> str:
    """The ``<title>`` of a page without the site name that usually follows it."""
    title = root.find(".//title")
    text = _SPACE.sub(" ", title.text_content()).strip() if title is not None else ""
    return re.split(r"\s*(?:[_|]|--|—|-\s)\s*", text)[0].strip()


def _headlines(root: lxml.html.HtmlElement, order: dict[etree._Element, int]) -> list[tuple[int, str]]:
    """Every ``<h1>`` outside navigation and footers, with its position in document order."""
    found: list[tuple[int, str]] = []
    for h1 in root.iter("h1"):
        text = _SPACE.sub(" ", h1.text_content()).strip()
        if text and next(h1.iterancestors("nav", "footer", "aside"), None) is None:
            found.append((order[h1], text))
    return found


def _headline(headlines: list[tuple[int, str]], start: int, end: int, fallback: str) -> str:
    """The article's headline: an ``<h1>`` inside it, else the last one before it (logos come first)."""
    inside = [text for at, text in headlines if start <= at <= end]
    before = [text for at, text in headlines if at < start]
    return (inside or before[-1:] or [fallback])[0]


def _own_text(el: etree._Element) -> str:
    return (el.text or "") + "".join(child.tail or "" for child in el)


def _densest_block(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element whose own paragraphs hold the most Chinese text (deepest wins a tie)."""
    score: dict[lxml.html.HtmlElement, float] = defaultdict(float)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        block = el
        while block is not None and block.tag not in _PARAGRAPHS:
            block = block.getparent()
        n = cjk_count(_own_text(el))
        if block is None or not n:
            continue
        score[block] += n
        if (parent := block.getparent()) is not None:
            score[parent] += n
    if not score:
        return root
    return max(score, key=lambda el: (score[el], len(list(el.iterancestors()))))


def _article(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the article: a known content container, else the densest block."""
    for xpath in _ARTICLE_XPATHS:
        found = [el for el in root.xpath(xpath) if cjk_count(el.text_content()) >= _MIN_ARTICLE_CJK]
        if found:
            return max(found, key=lambda el: cjk_count(el.text_content()))
    for el in [el for el in root.iter() if isinstance(el.tag, str) and _is_noise(el)]:
        if el.tag not in ("body", "html"):
            _drop(el)
    return _densest_block(root)


class _Writer:
    """Collects text into lines: blocks break lines, inline text runs on, whitespace collapses."""

    def __init__(self) -> None:
        self.lines: list[str] = [""]

    def text(self, text: str | None) -> None:
        if text:
            self.lines[-1] += _SPACE.sub(" ", text)

    def raw(self, text: str) -> None:
        self.lines[-1] += text

    def brk(self, blank: bool = False) -> None:
        if self.lines[-1].strip():
            self.lines.append("")
        else:
            self.lines[-1] = ""  # a spacer such as <p>&nbsp;</p> holds no paragraph
        if blank and (len(self.lines) < 2 or self.lines[-2] != ""):
            self.lines[-1:] = ["", ""]


def _cell_text(cell: etree._Element) -> str:
    writer = _Writer()
    _walk_children(cell, writer)
    return "\n".join(line.strip(" ") for line in writer.lines if line.strip())


def _table(table: etree._Element, writer: _Writer) -> None:
    rows = [
        [_cell_text(cell) for cell in tr if isinstance(cell.tag, str) and cell.tag in ("td", "th")]
        for tr in table.iter("tr")
        if next(tr.iterancestors("table"), None) is table
    ]
    writer.brk(blank=True)
    for line in table_lines(rows):
        writer.raw(line)
        writer.brk()
    writer.brk(blank=True)


def _walk(el: etree._Element, writer: _Writer) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "br":
        writer.brk()
    elif tag == "table":
        _table(el, writer)
    elif tag in _HEADINGS:
        writer.brk(blank=True)
        _walk_children(el, writer)
        writer.brk(blank=True)
    elif tag in _BLOCK or tag in ("tr", "td", "th"):
        writer.brk()
        _walk_children(el, writer)
        writer.brk()
    elif tag:
        _walk_children(el, writer)
    writer.text(el.tail)


def _walk_children(el: etree._Element, writer: _Writer) -> None:
    writer.text(el.text if isinstance(el.tag, str) else None)
    for child in el:
        _walk(child, writer)


def _published(root: lxml.html.HtmlElement) -> tuple[str, str]:
    """The page's publication date (ISO) and source, from its <meta> tags or its first info row."""
    date = source = ""
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key in _META_DATES and not date and (m := _PAGE_DATE.search(content)):
            date = "-".join((m.group(1), m.group(2).zfill(2), m.group(3).zfill(2)))
        elif key in _META_SOURCES and not source and 2 <= len(content) <= 20:
            source = content
    for el in root.iter("div", "p", "span", "td", "li"):
        text = _SPACE.sub(" ", el.text_content()).strip()
        if len(text) > 100 or not _INFO_ROW.search(text) or next(el.iterancestors("nav", "footer"), None):
            continue
        if not date and (m := _PAGE_DATE.search(text)):
            date = "-".join((m.group(1), m.group(2).zfill(2), m.group(3).zfill(2)))
        if not source and (m := _INFO_SOURCE.search(text)):
            source = m.group(1)
        break
    return date, source


def _with_dateline(body: str, date: str, source: str) -> str:
    """The body with the page's date and source as field rows under its headline, unless it states them.

    Pages put both outside the article; the identity reader looks for them at the top of the text.
    """
    head = body[:300]
    rows = []
    if date and not _PAGE_DATE.search(head):
        rows.append(f"发布时间：{date}")
    if source and "来源" not in head:
        rows.append(f"来源：{source}")
    if not rows:
        return body
    first, _, rest = body.partition("\n")
    return "\n".join([first, *rows, rest]) if rest else "\n".join([first, *rows])


def article_text(root: lxml.html.HtmlElement) -> str:
    """The article of a parsed page as plain text, its headline first when the body does not open with it."""
    order = {el: i for i, el in enumerate(root.iter())}
    headlines, fallback = _headlines(root, order), _page_title(root)
    date, source = _published(root)
    for el in [el for el in root.iter() if isinstance(el.tag, str) and el.tag in _DROP]:
        _drop(el)
    article = _article(root)
    start = order.get(article, 0)
    end = max((order.get(el, start) for el in article.iter()), default=start)
    title = _headline(headlines, start, end, fallback)
    for el in [el for el in article.iterdescendants() if isinstance(el.tag, str) and _is_noise(el)]:
        _drop(el)
    writer = _Writer()
    _walk_children(article, writer)
    body = "\n".join(line.strip(" ") if line.strip() else "" for line in writer.lines).strip("\n")
    if title and re.sub(r"\s+", "", title) not in re.sub(r"\s+", "", body[:300]):
        body = f"{title}\n\n{body}"
    return _with_dateline(body, date, source)


def read_html(data: bytes, *, name: str = "page.html") -> str:
    """The article text of a web page, one paragraph per line."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", decode_html(data, name=name))
    try:
        root = lxml.html.document_fromstring(text)
    except etree.ParserError:
        raise EmptyDocumentError(f"{name}: the page holds no text") from None
    except (ValueError, etree.LxmlError) as exc:
        raise library_failure(name, "web page", exc) from None
    return tidy(article_text(root), name=name)
