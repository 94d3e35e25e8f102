"""Readers for .docx, .pdf and .html: round trips from corpus texts, bad files and charsets.

Every file is made inside the tests from the bundled .txt documents: a Word file with the 专栏 boxes
as tables, a PDF set in reportlab's built-in ``STSong-Light`` CID font (no font file needed) with
running headers and page numbers, and a web page wrapped in navigation, scripts and footers.  Read
back, each must give the section tree the .txt gives.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from policykg.errors import EmptyDocumentError, InputError
from policykg.loaders.structure.sections import parse_structure
from policykg.loaders.text.documents import bundled_corpus, parse_document
from policykg.loaders.text.readers import ExtractedText, extract_text
from policykg.loaders.text.readers.pdf import Line, join_lines, strip_furniture
from policykg.loaders.text.readers.plain import decode

PLAN_2026 = "001_6041d7e2bd5c6023.txt"
REPORT_2025 = "003_c0f21ab277f53f5b.txt"
DOCS = (PLAN_2026, REPORT_2025)
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_BOX = re.compile(r"^专栏\s*\d+")
_OPENER = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d)|专栏)"
)


# ---------------------------------------------------------------- the corpus text as blocks


@dataclass
class Box:
    """A 专栏 box: its title line and rows of cells, each cell a list of lines."""

    title: str
    rows: list[list[list[str]]]


def _corpus_text(name: str) -> str:
    return _BOOKMARK.sub("", decode((bundled_corpus() / name).read_bytes(), name=name))


def _blocks(text: str) -> list[str | Box]:
    """Lines of a corpus text, with each 专栏 box (title, then tab-indented rows) gathered into a Box."""
    lines = text.split("\n")
    out: list[str | Box] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if not _BOX.match(line):
            out.append(line)
            continue
        box = Box(line.strip(), [])
        while i < len(lines):
            j = i
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j >= len(lines) or not lines[j].startswith("\t"):
                break
            row: list[list[str]] = []
            i = j
            while i < len(lines) and lines[i].strip():
                if lines[i].startswith("\t"):
                    row.append([])
                row[-1].append(lines[i].strip())
                i += 1
            box.rows.append(row)
        out.append(box)
    return out


def _paragraphs(text: str) -> list[str]:
    """The non-empty lines of a text without any whitespace, for comparisons across formats."""
    return [re.sub(r"\s+", "", line) for line in text.split("\n") if line.strip()]


# ---------------------------------------------------------------- writers for each format


def _write_docx(text: str, path: Path) -> Path:
    """A Word file: one paragraph per line, parts as Heading 1, each box a table with a merged title row."""
    import docx

    document = docx.Document()
    for block in _blocks(text):
        if isinstance(block, Box):
            width = max(len(row) for row in block.rows)
            table = document.add_table(rows=1 + len(block.rows), cols=width)
            title = table.cell(0, 0).merge(table.cell(0, width - 1))
            title.text = block.title
            for r, row in enumerate(block.rows, start=1):
                for c, cell_lines in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = cell_lines[0]
                    for extra in cell_lines[1:]:
                        cell.add_paragraph(extra)
        elif re.match(r"^[一二三四五六七八九十]+、", block.strip()):
            document.add_paragraph(block.strip(), style="Heading 1")
        else:
            document.add_paragraph(block)
    document.save(str(path))
    return path


@dataclass
class _Pdf:
    """A reportlab canvas laid out like an official document: A4, indented paragraphs, page furniture."""

    path: Path
    number_style: str
    size: float = 12.0
    top: float = 760.0
    bottom: float = 90.0
    left: float = 80.0
    right: float = 515.0

    def write(self, paragraphs: list[str]) -> Path:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        from reportlab.pdfgen import canvas

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        self.canvas = canvas.Canvas(str(self.path), pagesize=(595.0, 842.0))
        self.page = 0
        self._new_page()
        for paragraph in paragraphs:
            indent = 0.0 if _OPENER.match(paragraph) else 2 * self.size
            for k, line in enumerate(self._wrap(paragraph, self.right - self.left - indent, indent)):
                self._draw(line, self.left + (indent if k == 0 else 0.0))
        self._finish_page()
        self.canvas.save()
        return self.path

    def _wrap(self, text: str, first_width: float, indent: float) -> list[str]:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        lines, current, width = [], "", first_width
        for ch in text:
            if current and stringWidth(current + ch, "STSong-Light", self.size) > width:
                lines.append(current)
                current, width = "", self.right - self.left
            current += ch
        return [*lines, current] if current else lines

    def _draw(self, line: str, x: float) -> None:
        if self.y < self.bottom:
            self._finish_page()
            self._new_page()
        self.canvas.drawString(x, self.y, line)
        self.y -= self.size * 1.75

    def _new_page(self) -> None:
        self.page += 1
        self.canvas.setFont("STSong-Light", 9)
        self.canvas.drawCentredString(297.0, 800.0, "内蒙古自治区人民政府公报  2026年第5期")
        self.canvas.setFont("STSong-Light", self.size)
        self.y = self.top

    def _finish_page(self) -> None:
        self.canvas.setFont("STSong-Light", 10)
        number = self.number_style.format(n=self.page)
        self.canvas.drawCentredString(297.0, 50.0, number)
        self.canvas.showPage()


# U+00B7 is not in the UniGB-UCS2-H CMap of STSong-Light: reportlab would set CID 0, an empty glyph
_PDF_SAFE = str.maketrans({"·": "・"})


def _write_pdf(text: str, path: Path, number_style: str = "— {n} —") -> Path:
    """A PDF of the text's non-empty lines (boxes flattened to their lines), paragraphs wrapped to the page."""
    paragraphs = [line.strip().translate(_PDF_SAFE) for line in text.split("\n") if line.strip()]
    return _Pdf(path, number_style).write(paragraphs)


_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_内蒙古自治区人民政府</title>
<style>body {{ font-family: SimSun; }} .nav li {{ display: inline; }}</style>
<script>var menu = "首页 政务公开 政务服务 互动交流 走进内蒙古"; document.write(menu);</script>
</head><body>
<div class="header"><div class="logo">内蒙古自治区人民政府</div>
<ul class="nav"><li><a href="/">首页</a></li><li>政务公开</li><li>政务服务</li><li>互动交流</li></ul></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="main"><h1>{title}</h1>
<div class="info">发布时间：2026-02-13 来源：自治区人民政府办公厅 【字号：大 中 小】</div>
{body}
<div class="bdsharebuttonbox share">分享到：微信 微博 QQ空间</div>
<div class="related"><h3>相关文件</h3><ul><li>关于印发自治区重点工作的通知</li></ul></div></div>
<div class="footer">主办单位：内蒙古自治区人民政府办公厅 版权所有 网站标识码1500000001 蒙ICP备05003364号</div>
<script>console.log("统计代码，不是正文");</script>
</body></html>"""


def _html_body(text: str) -> str:
    parts: list[str] = []
    for block in _blocks(text):
        if isinstance(block, Box):
            width = max(len(row) for row in block.rows)
            rows = [f'<tr><td colspan="{width}"><b>{html.escape(block.title)}</b></td></tr>']
            for row in block.rows:
                cells = "".join(
                    "<td>" + "".join(f"<p>{html.escape(x)}</p>" for x in cell) + "</td>" for cell in row
                )
                rows.append(f"<tr>{cells}</tr>")
            parts.append('<table border="1">' + "".join(rows) + "</table>")
        elif block.strip():
            parts.append(f"<p>{html.escape(block.strip())}</p>")
    return "\n".join(parts)


def _write_html(text: str, path: Path, *, container: str, title: str, charset: str = "utf-8") -> Path:
    """An article page: the text as <p>s (boxes as tables) in ``container``, amid site furniture."""
    body = container.format(_html_body(text))
    page = _PAGE.format(charset=charset, title=html.escape(title), body=body)
    path.write_bytes(page.encode(charset))
    return path


# ---------------------------------------------------------------- comparing section trees


def _sections(text: str, doc_id: str) -> list[tuple[int, str, str, str]]:
    structure = parse_structure(parse_document(text, doc_id=doc_id))
    return [(s.level, s.kind, s.number, re.sub(r"\s+", "", s.title)) for s in structure.sections]


@pytest.fixture(scope="module")
def expected() -> dict[str, list[tuple[int, str, str, str]]]:
    """The section trees of the .txt documents, the reference for every format."""
    return {name: _sections(_corpus_text(name), name) for name in DOCS}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One PDF per document, written once (pdfminer reads them in a few seconds)."""
    folder = tmp_path_factory.mktemp("pdf")
    styles = {PLAN_2026: "— {n} —", REPORT_2025: "第 {n} 页"}
    return {name: _write_pdf(_corpus_text(name), folder / f"{name}.pdf", styles[name]) for name in DOCS}


@pytest.fixture(scope="module")
def pdf_texts(pdfs: dict[str, Path]) -> dict[str, ExtractedText]:
    """The PDFs read back."""
    return {name: extract_text(path) for name, path in pdfs.items()}


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("name", DOCS)
def test_docx_round_trip_keeps_the_sections(name: str, expected, tmp_path: Path) -> None:
    """A .docx made from the text (boxes as tables, parts as headings) parses to the same section tree."""
    path = _write_docx(_corpus_text(name), tmp_path / "doc.docx")
    got = extract_text(path)
    assert got.source_format == "docx" and got.pages is None
    assert _sections(got.text, name) == expected[name]


def test_docx_box_table_keeps_its_title_once_and_tab_separates_cells(tmp_path: Path) -> None:
    """A 专栏 table gives its merged title row once, then its rows with cells separated by a tab."""
    path = _write_docx(_corpus_text(PLAN_2026), tmp_path / "plan.docx")
    lines = extract_text(path).text.split("\n")
    assert lines.count("专栏2  建设国家重要能源和战略资源基地重点任务目标") == 1
    at = lines.index("专栏2  建设国家重要能源和战略资源基地重点任务目标")
    assert lines[at + 1 : at + 3] == ["能源供应保障", "\t1.坚决完成国家煤炭保供任务。"]


def test_docx_vertical_merge_and_text_box_are_read_once(tmp_path: Path) -> None:
    """A label merged down two rows is read once; a box drawn as a text box is read after its anchor."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    anchor = document.add_paragraph("二、坚持生态优先")
    textbox = (
        '<w:pict xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><v:shape><v:textbox><w:txbxContent>'
        "<w:p><w:r><w:t>专栏1  重点任务目标</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
    )
    anchor.add_run()._r.append(parse_xml(textbox))
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "能源供应保障"
    table.cell(0, 1).text = "1.坚决完成国家煤炭保供任务。"
    table.cell(1, 1).text = "2.原油产量达到335万吨。"
    path = tmp_path / "box.docx"
    document.save(str(path))
    assert extract_text(path).text.splitlines() == [
        "二、坚持生态优先",
        "专栏1  重点任务目标",
        "",
        "能源供应保障\t1.坚决完成国家煤炭保供任务。",
        "2.原油产量达到335万吨。",
    ]


@pytest.mark.parametrize("name", DOCS)
def test_pdf_round_trip_keeps_the_sections(name: str, expected, pdf_texts) -> None:
    """A PDF of the text, wrapped over pages with headers and page numbers, parses to the same sections."""
    got = pdf_texts[name]
    assert got.source_format == "pdf" and got.pages is not None and got.pages > 5
    assert _sections(got.text, name) == expected[name]


@pytest.mark.parametrize("name", DOCS)
def test_pdf_rejoins_every_paragraph_and_drops_page_furniture(name: str, pdf_texts) -> None:
    """Each line of the .txt comes back as one line: wrapped lines and page breaks joined, furniture gone."""
    text = pdf_texts[name].text
    assert _paragraphs(text.translate(_PDF_SAFE)) == _paragraphs(_corpus_text(name).translate(_PDF_SAFE))
    assert "公报" not in text and "— 3 —" not in text and "第 3 页" not in text


@pytest.mark.parametrize(
    ("name", "container"),
    [
        (PLAN_2026, '<div class="article-body"><div id="zoom"><div class="TRS_Editor">{}</div></div></div>'),
        (REPORT_2025, '<div class="con"><div class="text">{}</div></div>'),
    ],
)
def test_html_round_trip_keeps_the_sections(name: str, container: str, expected, tmp_path: Path) -> None:
    """An article page (TRS container, or none so the densest block is used) parses to the same sections."""
    title = "2025年内蒙古自治区政府工作报告" if name == REPORT_2025 else "关于下达2026年计划的通知"
    path = _write_html(_corpus_text(name), tmp_path / "page.html", container=container, title=title)
    got = extract_text(path)
    assert got.source_format == "html"
    assert _sections(got.text, name) == expected[name]
    for noise in ("首页", "分享到", "版权所有", "统计代码", "document.write", "font-family", "相关文件"):
        assert noise not in got.text


def test_html_page_title_opens_the_text_when_the_body_leaves_it_out(tmp_path: Path) -> None:
    """The <h1> headline outside the article body becomes the first line, so metadata can read it."""
    body = "<p>全区经济社会发展的主要预期目标是：地区生产总值增长6%左右。</p>"
    path = tmp_path / "news.htm"
    path.write_text(
        _PAGE.format(charset="utf-8", title="内蒙古经济稳中向好", body=f"<article>{body}</article>")
    )
    lines = extract_text(path).text.splitlines()
    assert lines[0] == "内蒙古经济稳中向好"
    assert lines[-1] == "全区经济社会发展的主要预期目标是：地区生产总值增长6%左右。"


def test_html_headline_is_the_article_h1_not_the_site_logo(tmp_path: Path) -> None:
    """With a logo <h1> in the site header and the headline in an <article> <header>, the headline opens the text."""
    page = (
        "<html><head><title>页面标题_内蒙古日报</title></head><body>"
        "<header><h1>内蒙古日报</h1><nav>首页 要闻 评论</nav></header>"
        "<article><header><h1>内蒙古民生福祉实现“四个显著提升”</h1><p>来源：内蒙古日报</p></header>"
        "<p>\u3000\u3000本报讯（记者 张鑫）近日，记者从新闻发布会上获悉。</p><p>&nbsp;</p>"
        "<p>5年来，内蒙古坚持人民至上，<br>用心用力解决好群众的急难愁盼。</p>"
        '<div class="share-bar">分享到微信</div></article>'
        "<footer>版权所有</footer></body></html>"
    )
    path = tmp_path / "news.html"
    path.write_text(page, encoding="utf-8")
    assert extract_text(path).text.splitlines() == [
        "内蒙古民生福祉实现“四个显著提升”",
        "",
        "\u3000\u3000本报讯（记者 张鑫）近日，记者从新闻发布会上获悉。",
        "5年来，内蒙古坚持人民至上，",
        "用心用力解决好群众的急难愁盼。",
    ]


# ---------------------------------------------------------------- charsets


@pytest.mark.parametrize("charset", ["gbk", "gb2312", "gb18030", "utf-8"])
def test_html_charset_from_meta(charset: str, tmp_path: Path) -> None:
    """A page is decoded by the charset its <meta> declares; GB2312 pages may use GBK characters (喆)."""
    body = '<div id="zoom"><p>（一）实施重大项目谋划行动。王喆同志指出，固定资产投资增长10%左右。</p></div>'
    encoding = "gbk" if charset == "gb2312" else charset
    path = tmp_path / "page.html"
    path.write_bytes(_PAGE.format(charset=charset, title="政府工作报告", body=body).encode(encoding))
    assert "王喆同志指出，固定资产投资增长10%左右。" in extract_text(path).text


def test_html5_meta_charset_gbk(tmp_path: Path) -> None:
    """The short HTML5 form <meta charset="gbk"> is honoured too."""
    page = '<html><head><meta charset="gbk"></head><body><article><p>二、2025年工作安排</p></article></body></html>'
    path = tmp_path / "p.html"
    path.write_bytes(page.encode("gbk"))
    assert extract_text(path).text == "二、2025年工作安排\n"


# ---------------------------------------------------------------- PDF furniture and wrapping


def _line(text: str, x0: float, y: float, x1: float) -> Line:
    return Line(text, x0, y, x1, y + 12.0)


def test_join_lines_keeps_sentence_ends_short_lines_and_headings_apart() -> None:
    """Full lines run on; a line ending in 。, a short line, or a line before a heading number does not."""
    page = [
        _line("一、坚持生态优先", 80, 700, 180),
        _line("实施重大项目谋划行动，坚定不移抓投资固定资产投", 80, 680, 515),
        _line("资今年要增长10%左右，这个目标是等不来的，必须。", 80, 660, 515),
        _line("（一）扎实推进工程攻坚战推进工程攻坚战推进工程", 80, 640, 515),
        _line("1.防沙治沙1500万亩", 80, 620, 300),
        _line("2.新改建穿沙公路", 80, 600, 260),
    ]
    assert join_lines([page, page[1:3]]).split("\n") == [
        "一、坚持生态优先",
        "实施重大项目谋划行动，坚定不移抓投资固定资产投资今年要增长10%左右，这个目标是等不来的，必须。",
        "（一）扎实推进工程攻坚战推进工程攻坚战推进工程",
        "1.防沙治沙1500万亩",
        "2.新改建穿沙公路",
        "实施重大项目谋划行动，坚定不移抓投资固定资产投资今年要增长10%左右，这个目标是等不来的，必须。",
    ]


def test_join_lines_in_an_indented_document_carries_a_full_line_ending_in_a_clause_mark() -> None:
    """Where paragraphs open indented, a full line ending in ；by chance still runs on into a flush-left line."""
    page = [
        _line("城镇调查失业率5.7%左右，城镇新增就业18万人以上；", 104, 700, 515),
        _line("粮食产量超过840亿斤；完成国家下达的降碳减排任务。", 80, 680, 400),
        _line("实施重大项目谋划行动，坚定不移抓投资。", 104, 660, 400),
        _line("“十四五”时期发展成就", 80, 640, 300),
        _line("这五年综合经济实力大幅提升。", 104, 620, 400),
    ]
    assert join_lines([page]).split("\n") == [
        "城镇调查失业率5.7%左右，城镇新增就业18万人以上；粮食产量超过840亿斤；完成国家下达的降碳减排任务。",
        "实施重大项目谋划行动，坚定不移抓投资。",
        "“十四五”时期发展成就",
        "这五年综合经济实力大幅提升。",
    ]


@pytest.mark.parametrize("number", ["— 3 —", "- 12 -", "第 3 页", "第3页 共20页", "3/20", "7"])
def test_page_numbers_are_removed(number: str) -> None:
    """Page numbers in the usual Chinese styles at the foot of a page are dropped, the body kept."""
    page = [
        _line("正文第一行。", 80, 700, 200),
        _line("正文第二行。", 80, 680, 200),
        _line(number, 280, 50, 310),
    ]
    assert [ln.text for ln in strip_furniture([page])[0]] == ["正文第一行。", "正文第二行。"]


# ---------------------------------------------------------------- bad files


def test_scanned_pdf_asks_for_ocr(tmp_path: Path) -> None:
    """A PDF holding only an image (a scan) is refused with a message asking for OCR, not read as empty."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(Image.new("L", (200, 280), 200)), 50, 50, width=500, height=700)
    c.showPage()
    c.save()
    with pytest.raises(InputError, match=r"scan\.pdf: no text layer \(scanned PDF\?\) — run OCR first"):
        extract_text(path)


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("plan.docx", b"this is not a zip archive", "not a zip archive"),
        ("plan.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "legacy Word .doc"),
        ("plan.pdf", b"<html>not a pdf</html>", "not a PDF file"),
        ("plan.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer", "plan.pdf"),
        ("plan.html", b"   \n", "empty"),
        ("plan.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
    ],
)
def test_corrupt_files_raise_input_error_with_the_name(
    name: str, data: bytes, says: str, tmp_path: Path
) -> None:
    """Files that are not what their suffix says give a one-line InputError naming the file."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        extract_text(path)
    assert name in str(info.value) and says in str(info.value)
    assert "\n" not in str(info.value)


def test_zip_that_is_not_a_word_file(tmp_path: Path) -> None:
    """A zip archive without a Word document inside is an InputError, not a KeyError."""
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(InputError, match=r"archive\.docx: not a readable Word \.docx file"):
        extract_text(path)


def test_truncated_pdf(tmp_path: Path, pdfs) -> None:
    """A PDF cut short in transfer is refused with its name."""
    path = tmp_path / "cut.pdf"
    path.write_bytes(pdfs[PLAN_2026].read_bytes()[:3000])
    with pytest.raises(InputError, match=r"cut\.pdf"):
        extract_text(path)


@pytest.mark.parametrize("name", ["a.txt", "a.docx", "a.pdf", "a.html"])
def test_empty_file_of_any_format(name: str, tmp_path: Path) -> None:
    """A zero-byte file is an EmptyDocumentError whatever its suffix."""
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(EmptyDocumentError, match="the file is empty"):
        extract_text(path)


def test_pdf_text_inside_a_form_xobject_is_read(tmp_path: Path) -> None:
    """Text drawn inside a form XObject (a figure, as some print-to-PDF drivers write it) is read too."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "form.pdf"
    c = canvas.Canvas(str(path))
    c.beginForm("body")
    c.setFont("STSong-Light", 12)
    c.drawString(72, 700, "一、把铸牢中华民族共同体意识作为主线")
    c.drawString(96, 680, "进一步强化主线意识。")
    c.endForm()
    c.doForm("body")
    c.showPage()
    c.save()
    assert extract_text(path).text == "一、把铸牢中华民族共同体意识作为主线\n进一步强化主线意识。\n"


def test_empty_word_file(tmp_path: Path) -> None:
    """A .docx without any text is an EmptyDocumentError."""
    import docx

    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    with pytest.raises(EmptyDocumentError, match=r"blank\.docx"):
        extract_text(path)


@pytest.mark.parametrize("name", ["plan.doc", "plan.rtf", "plan"])
def test_unknown_suffix_lists_the_supported_formats(name: str, tmp_path: Path) -> None:
    """An unsupported suffix is refused in one line that lists what is supported."""
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(InputError, match=r"supported formats: \.txt, \.docx, \.pdf, \.html, \.htm"):
        extract_text(path)


def test_missing_file(tmp_path: Path) -> None:
    """A path that does not exist is an InputError."""
    with pytest.raises(InputError, match="no such file"):
        extract_text(tmp_path / "gone.pdf")


# ---------------------------------------------------------------- checksums and .txt


def test_checksum_is_sha256_of_the_file_bytes(tmp_path: Path, pdfs) -> None:
    """source_checksum is the SHA-256 of the original bytes, for every format."""
    txt = tmp_path / "plan.txt"
    txt.write_bytes((bundled_corpus() / PLAN_2026).read_bytes())
    docx_path = _write_docx(_corpus_text(PLAN_2026), tmp_path / "plan.docx")
    html_path = _write_html(
        "一、总体要求\n坚持稳中求进。", tmp_path / "p.html", container="<article>{}</article>", title="t"
    )
    for path in (txt, docx_path, pdfs[PLAN_2026], html_path):
        assert extract_text(path).source_checksum == hashlib.sha256(path.read_bytes()).hexdigest()


def test_txt_goes_through_decode_unchanged(tmp_path: Path) -> None:
    """A .txt file gives exactly what decode gives, so spans stay those of the .txt loader."""
    data = (bundled_corpus() / REPORT_2025).read_bytes()
    path = tmp_path / "r.TXT"
    path.write_bytes(data)
    got = extract_text(path)
    assert got == ExtractedText(decode(data, name="r.TXT"), "txt", hashlib.sha256(data).hexdigest(), None)


def test_extracted_text_is_frozen() -> None:
    """ExtractedText is immutable."""
    got = ExtractedText("t", "txt", "0" * 64, None)
    with pytest.raises(AttributeError):
        got.text = "u"  # type: ignore[misc]
    assert io.StringIO(got.text).read() == "t"


# ---------------------------------------------------------------- metrics and projects survive every format


def _facts(text: str, doc_id: str) -> tuple[list[tuple], list[str]]:
    """The metric statements (without spans) and project names a text yields."""
    from policykg.loaders.metrics.statements import parse_metrics
    from policykg.loaders.projects.mentions import extract_project_mentions

    doc = parse_document(text, doc_id=doc_id)
    structure = parse_structure(doc)
    metrics = sorted(
        (m.indicator or "", m.value, m.unit, m.comparator, m.kind, m.period, m.change)
        for m in parse_metrics(doc, structure)
    )
    projects = sorted({re.sub(r"\s+", "", p.name) for p in extract_project_mentions(doc, structure)})
    return metrics, projects


@pytest.fixture(scope="module")
def expected_facts() -> dict[str, tuple[list[tuple], list[str]]]:
    """Metrics and projects of the .txt documents, the reference for every format."""
    return {name: _facts(_corpus_text(name), name) for name in DOCS}


@pytest.mark.parametrize("name", DOCS)
def test_every_format_gives_the_same_metrics_and_projects(
    name: str, expected_facts, pdf_texts, tmp_path: Path
) -> None:
    """Built from .docx, .pdf or .html, a document yields the same metric statements and projects as its .txt."""
    text = _corpus_text(name)
    docx_text = extract_text(_write_docx(text, tmp_path / "doc.docx")).text
    html_path = _write_html(text, tmp_path / "page.html", container="<article>{}</article>", title="t")
    html_text = extract_text(html_path).text
    for fmt, got in (
        ("docx", docx_text),
        ("pdf", pdf_texts[name].text.translate(_PDF_SAFE)),
        ("html", html_text),
    ):
        want = expected_facts[name] if fmt != "pdf" else _facts(text.translate(_PDF_SAFE), name)
        assert _facts(got, name) == want, fmt
