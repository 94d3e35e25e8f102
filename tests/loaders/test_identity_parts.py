"""The parts the identity reader is built from: line roles, the gazetteer of divisions, NPC sessions,
and the publication date a saved web page keeps under its headline."""

from __future__ import annotations

import pytest

from policykg.loaders.text.identity import read_identity, region_of
from policykg.loaders.text.identity.lines import head_lines
from policykg.loaders.text.identity.places import gazetteer, issuer_before
from policykg.loaders.text.identity.years import first_date, ordinal, session_year

# ---------------------------------------------------------------- line roles


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("下载 打印 全屏 收藏", "chrome"),
        ("【字号 大 中 小】", "chrome"),
        ("您的位置：首页>新闻中心>图片新闻", "field"),
        ("首页 > 要闻 > 时政", "chrome"),
        ("来源：内蒙古日报", "field"),
        ("发布时间：2026-01-28 10:30", "field"),
        ("内蒙古日报 2026年1月28日 第01版", "masthead"),
        ("图为呼和浩特市街景。", "caption"),
        ("（记者 王五 摄）", "caption"),
        ("——2026年2月4日在内蒙古自治区第十四届人民代表大会第五次会议上", "delivery"),
        ("自治区主席 布小林", "speaker"),
        ("四川省人民政府省长 黄强", "speaker"),
        ("代省长 罗东川", "speaker"),
        ("各位代表：", "salutation"),
        ("内政发〔2026〕5号", "docno"),
        ("2025年2月5日", "date"),
        ("一、2024年工作回顾", "heading"),
        ("2025年宁夏政府工作报告", "title"),
    ],
)
def test_line_roles(line: str, role: str) -> None:
    """Each kind of line at the top of a real file is told apart from a title."""
    (found,) = head_lines(line)
    assert found.role == role


# ---------------------------------------------------------------- gazetteer and sessions


@pytest.mark.parametrize(
    ("name", "official"),
    [
        ("宁夏", "宁夏回族自治区"),
        ("广西", "广西壮族自治区"),
        ("吉林", "吉林省"),
        ("吉林市", "吉林市"),
        ("延边", "延边朝鲜族自治州"),
        ("鄂尔多斯", "鄂尔多斯市"),
        ("准格尔旗", "准格尔旗"),
    ],
)
def test_short_forms_expand_to_official_names(name: str, official: str) -> None:
    """A short form goes to its division, the highest level winning (吉林 is the province)."""
    assert gazetteer().resolve(name).name == official  # type: ignore[union-attr]


def test_a_county_missing_from_the_gazetteer_is_taken_whole() -> None:
    """A name the genre's frame ends with 县 is the issuer even when the list lacks it."""
    assert issuer_before("云岭县") == "云岭县"
    assert issuer_before("雄安新区") == "雄安新区"
    assert issuer_before("我县") is None


def test_region_of_a_body_name() -> None:
    """A manifest's issuer (a government or a paper) is read as its region."""
    assert region_of("内蒙古自治区人民政府") == "内蒙古自治区"
    assert region_of("国务院办公厅") == "中国"


@pytest.mark.parametrize(
    ("term", "session", "year"), [(1, 1, 1954), (2, 3, 1962), (3, None, 1964), (5, 4, 1981), (14, 3, 2025)]
)
def test_npc_sessions_are_dated_from_the_table(term: int, session: int | None, year: int) -> None:
    """Sessions are dated from the table, not by arithmetic (the 2nd congress skipped 1961)."""
    assert session_year(term, session) == year


def test_ordinals() -> None:
    """Congress and session ordinals read as numbers."""
    assert [ordinal(n) for n in ("一", "十", "十四", "二十", "二十一", "")] == [1, 10, 14, 20, 21, None]


def test_dates_in_chinese_numerals() -> None:
    """A delivery line dated in Chinese numerals gives its ISO date."""
    assert first_date("——二〇二四年一月二十四日在准格尔旗第十八届人民代表大会第三次会议上") == "2024-01-24"


# ---------------------------------------------------------------- saved web pages


def test_a_web_page_gives_its_publication_date_and_source(tmp_path) -> None:
    """A page's <meta> date and source, outside the article, reach the text and its identity."""
    from policykg.loaders.text.readers import extract_text

    page = (
        '<html><head><meta charset="utf-8"><meta name="PubDate" content="2026-01-28 10:30">'
        '<meta name="ContentSource" content="内蒙古日报"></head><body>'
        "<nav>首页 要闻</nav><h1>一图读懂2026年内蒙古自治区政府工作报告</h1>"
        "<article><p>1月27日，自治区十四届人大五次会议开幕。自治区主席王莉霞作政府工作报告。</p></article>"
        "</body></html>"
    )
    path = tmp_path / "digest.html"
    path.write_text(page, encoding="utf-8")
    text = extract_text(path).text
    assert text.splitlines()[:3] == [
        "一图读懂2026年内蒙古自治区政府工作报告",
        "发布时间：2026-01-28",
        "来源：内蒙古日报",
    ]
    found = read_identity(text)
    assert (found.kind, found.date, found.year, found.issuer) == (
        "report_digest",
        "2026-01-28",
        2026,
        "内蒙古自治区",
    )


def test_an_info_row_outside_the_article_dates_the_page(tmp_path) -> None:
    """Without <meta>, the short 发布时间 row above the article gives the date."""
    from policykg.loaders.text.readers import extract_text

    page = (
        '<html><head><meta charset="utf-8"></head><body><h1>全区经济运行稳中向好</h1>'
        '<div class="info">发布时间：2026-01-20 09:00 来源：自治区统计局</div>'
        "<article><p>本报讯 2025年，全区地区生产总值增长5.6%，经济运行稳中向好。</p></article></body></html>"
    )
    path = tmp_path / "news.html"
    path.write_text(page, encoding="utf-8")
    found = read_identity(extract_text(path).text)
    assert (found.title, found.kind, found.date, found.year) == (
        "全区经济运行稳中向好",
        "news",
        "2026-01-20",
        2026,
    )
