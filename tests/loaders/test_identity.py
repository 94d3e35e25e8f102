"""What a document is, read from its text: title, kind, year, date and issuing region.

Fixtures are the opening lines of real files (from the real corpus of provincial and national reports
and NPC resolutions, quoted a few lines at a time) and lines of the genres the corpus lacks (city and
county reports, bulletins, digests, news, task-division plans, local resolutions, saved web pages).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.text.identity import KINDS, read_identity

# ---------------------------------------------------------------- real openings

NINGXIA_2025 = (
    "2025年宁夏政府工作报告\n来源：青海日报   \n——2025年1月19日在宁夏回族自治区第十三届人民代表大会第三次会议上\n"
    "宁夏回族自治区人民政府主席 张雨浦\n各位代表：\n现在，我代表自治区人民政府向大会报告工作，请予审议。\n一、2024年工作回顾\n"
)
HUNAN_2025 = (
    "2025年湖南省政府工作报告\n来源：湖南日报\n政府工作报告\n"
    "2025年1月14日在湖南省第十四届人民代表大会第三次会议上省长毛伟明作政府工作报告。\n各位代表：\n"
)
YUNNAN_2025 = "2025年云南省政府工作报告\n来源：北京日报\n——2025年1月18日在云南省第十四届人民代表大会第三次会议上\n省长 王予波\n各位代表：\n"
NATIONAL_2022 = "政府工作报告\n\n\n\n——2022年3月5日在第十三届全国人民代表大会第五次会议上\n\n\n国务院总理 李克强\n\n各位代表：\n"
NATIONAL_2021_WRAPPED = (
    "\u200b\n\n\n政府工作报\n告\n\n\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n"
)
NATIONAL_1992 = (
    "各位代表：\n\n　　现在，我代表国务院向大会作政府工作报告，请予审议，并请全国政协各位委员提出意见。\n\n\n"
    "一、１９９１年国内工作的回顾\n\n　　１９９１年是我们的国家沿着有中国特色的社会主义道路继续前进的一年。\n"
)
NATIONAL_1955 = "各位代表：\n\n　　中华人民共和国国务院向第一届全国人民代表大会第二次会议提出关于发展国民经济第一个五年计划的报告。\n"
NATIONAL_1954_TRADITIONAL = (
    "各位代表：\n\n我們第一届全國人民代表大會第一次會議，在聽了劉少奇同志\n關於憲法草案的報告\n"
    "並進行了三天的討論以後，已經光榮地完成了一件歷史性的工作。現在，我代表中央人民政府作工作報告。\n"
)
NATIONAL_2013 = (
    "各位代表：\n\n　　现在，我代表国务院，向大会报告过去五年的政府工作，并对今年工作提出建议，请各位代表审议。\n\n"
    "一、过去五年工作回顾\n\n　　第十一届全国人民代表大会第一次会议以来的五年，是我国发展进程中极不平凡的五年。\n"
)
NATIONAL_1981 = (
    "各位代表：\n\n　　从去年９月第五届全国人民代表大会第三次会议到现在，已经过去了一年零两个月。\n"
    "　　现在，我代表国务院，就当前的经济形势，今后经济建设的方针，向大会作报告。\n"
)
RESOLUTION_2025 = (
    "第十四届全国人民代表大会第三次会议听取和审议了国务院总理李强所作的\n政府工作报告\n"
    "。会议充分肯定国务院过去一年的工作，同意报告提出的2025年经济社会发展的总体要求。\n"
)
RESOLUTION_1962 = (
    "第二届全国人民代表大会第三次会议听取了周恩来总理代表国务院所作的政府工作报告，并且进行了讨论。\n"
)
RESOLUTION_2020_TITLED = (
    "\u200b\n\n第十三届全国人民代表大会第三次会议关于政府工作报告的决议\n\n\n"
    "（2020年5月28日第十三届全国人民代表大会第三次会议通过）\n\n"
)


@pytest.mark.parametrize(
    ("text", "title", "kind", "year", "issuer", "date"),
    [
        (
            NINGXIA_2025,
            "2025年宁夏政府工作报告",
            "government_work_report",
            2025,
            "宁夏回族自治区",
            "2025-01-19",
        ),
        (HUNAN_2025, "2025年湖南省政府工作报告", "government_work_report", 2025, "湖南省", "2025-01-14"),
        (YUNNAN_2025, "2025年云南省政府工作报告", "government_work_report", 2025, "云南省", "2025-01-18"),
        (NATIONAL_2022, "2022年国务院政府工作报告", "government_work_report", 2022, "中国", "2022-03-05"),
        (
            NATIONAL_2021_WRAPPED,
            "2021年国务院政府工作报告",
            "government_work_report",
            2021,
            "中国",
            "2021-03-05",
        ),
        (NATIONAL_1992, "1992年国务院政府工作报告", "government_work_report", 1992, "中国", None),
        (NATIONAL_1955, "1955年国务院政府工作报告", "government_work_report", 1955, "中国", None),
        (NATIONAL_1954_TRADITIONAL, "1954年国务院政府工作报告", "government_work_report", 1954, "中国", None),
        (NATIONAL_2013, "2013年国务院政府工作报告", "government_work_report", 2013, "中国", None),
        (NATIONAL_1981, "1981年国务院政府工作报告", "government_work_report", 1981, "中国", None),
        (
            RESOLUTION_2025,
            "第十四届全国人民代表大会第三次会议关于政府工作报告的决议",
            "resolution",
            2025,
            "中国",
            None,
        ),
        (
            RESOLUTION_1962,
            "第二届全国人民代表大会第三次会议关于政府工作报告的决议",
            "resolution",
            1962,
            "中国",
            None,
        ),
        (
            RESOLUTION_2020_TITLED,
            "第十三届全国人民代表大会第三次会议关于政府工作报告的决议",
            "resolution",
            2020,
            "中国",
            "2020-05-28",
        ),
    ],
    ids=lambda v: str(v)[:12] if isinstance(v, str) else None,
)
def test_real_openings(text: str, title: str, kind: str, year: int, issuer: str, date: str | None) -> None:
    """Real report and resolution openings give their title, kind, year, issuing region and date."""
    found = read_identity(text)
    assert (found.title, found.kind, found.year, found.issuer, found.date) == (
        title,
        kind,
        year,
        issuer,
        date,
    )


def test_a_newspaper_source_row_does_not_name_the_issuer() -> None:
    """来源：北京日报 above 云南's report names the paper that printed it; the delivery line wins."""
    text = (
        "政府工作报告\n来源：北京日报\n——2025年1月18日在云南省第十四届人民代表大会第三次会议上\n各位代表：\n"
    )
    assert read_identity(text).issuer == "云南省"


# ---------------------------------------------------------------- genres the corpus lacks

CITY_REPORT = (
    "政府工作报告\n——2026年1月20日在鄂尔多斯市第五届人民代表大会第六次会议上\n鄂尔多斯市人民政府市长 杜汇良\n"
    "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n"
)
COUNTY_PAGE = (
    "下载 打印 全屏 收藏\n【字号 大 中 小】\n您的位置：首页>政务公开>政府工作报告\n准格尔旗2025年政府工作报告\n"
    "来源：准格尔旗人民政府 发布时间：2025-02-10 09:30\n——2025年1月8日在准格尔旗第十七届人民代表大会第五次会议上\n"
    "准格尔旗人民政府旗长 张三\n各位代表：\n"
)
DISTRICT_INFO_TABLE = (
    "文件名称 | 汉滨区2025年政府工作报告 | ||\n索引号 | /2025-0000 | 公开目录: | 工作报告 |\n"
    "文号 | 成文日期: | 2025年04月15日 | |\n2025年3月21日在汉滨区第十九届\n人民代表大会第四次会议上\n"
    "汉滨区人民政府代区长 向诗兵\n各位代表:\n"
)
BULLETIN = "2024年东阳市国民经济和社会发展统计公报[1]\n东阳市统计局\n2025年3月31日\n一、综 合\n初步核算，全年全市地区生产总值875.14亿元。\n"
NESTED_BULLETIN = "2024年安徽省蚌埠市国民经济和社会发展统计公报\n蚌埠市统计局\n2025年3月31日\n"
NATIONAL_BULLETIN = "中华人民共和国2024年国民经济和社会发展统计公报\n国家统计局\n2025年2月28日\n"
DIGEST = "首页 > 要闻\n一图读懂2026年内蒙古自治区政府工作报告\n发布时间：2026-01-28 10:30 来源：内蒙古日报\n"
NEWS_MASTHEAD = (
    "内蒙古日报 2026年1月28日 第01版\n图为呼和浩特市街景。（记者 王五 摄）\n自治区十四届人大五次会议开幕\n本报记者 张三\n"
    "本报讯 27日上午，内蒙古自治区第十四届人民代表大会第五次会议在呼和浩特开幕。\n"
)
NEWS_WIRE = (
    "新华社受权播发《政府工作报告》\n来源:新华社 责任编辑:叶梦圆 2025-03-12 17:54:03\n"
    "新华社北京3月12日电 新华社受权于12日全文播发李强总理代表国务院在十四届全国人大三次会议上所作的《政府工作报告》。\n"
)
TASK_DIVISION = (
    "返 回\n所在位置: 杭州网 > 热点专题\n杭州市人民政府办公厅关于印发2020年政府工作报告重点工作责任分解的通知\n"
    "发布时间:2020-05-29 14:36:23\n\n各区、县(市)人民政府，市政府各部门、各直属单位：\n"
)
NATIONAL_TASK_DIVISION = "国务院关于落实《政府工作报告》重点工作分工的意见\n国发〔2025〕5号\n各省、自治区、直辖市人民政府，国务院各部委：\n"
LOCAL_RESOLUTION = (
    "南阳市第七届人民代表大会第四次会议听取和审议了路红卫市长代表市人民政府所作的政府工作报告。"
    "会议决定批准这个报告。\n"
)
ANNUAL_PLAN_REPORT = (
    "关于内蒙古自治区2025年国民经济和社会发展计划执行情况与2026年计划草案的报告\n"
    "——2026年1月26日在内蒙古自治区第十四届人民代表大会第五次会议上\n内蒙古自治区发展和改革委员会\n各位代表：\n"
)
FIVE_YEAR_PLAN = "鄂尔多斯市国民经济和社会发展第十四个五年规划和2035年远景目标纲要\n2021年2月\n"
POLICY = "内蒙古自治区人民政府办公厅关于促进民营经济高质量发展的若干措施\n内政办发〔2024〕12号\n各盟行政公署、市人民政府：\n"
BILINGUAL_TRADITIONAL = (
    "政 府 工 作 報 告\n——2025年1月14日在北京市第十六屆\n人民代表大會第三次會議上\n北京市市長 殷 勇\n"
    "REPORT ON THE WORK OF THE GOVERNMENT\n各位代表：\n"
)


@pytest.mark.parametrize(
    ("text", "title", "kind", "year", "issuer", "date"),
    [
        (
            CITY_REPORT,
            "2026年鄂尔多斯市政府工作报告",
            "government_work_report",
            2026,
            "鄂尔多斯市",
            "2026-01-20",
        ),
        (COUNTY_PAGE, "准格尔旗2025年政府工作报告", "government_work_report", 2025, "准格尔旗", "2025-01-08"),
        (
            DISTRICT_INFO_TABLE,
            "汉滨区2025年政府工作报告",
            "government_work_report",
            2025,
            "汉滨区",
            "2025-03-21",
        ),
        (
            BULLETIN,
            "2024年东阳市国民经济和社会发展统计公报[1]",
            "statistical_bulletin",
            2024,
            "东阳市",
            "2025-03-31",
        ),
        (
            NESTED_BULLETIN,
            "2024年安徽省蚌埠市国民经济和社会发展统计公报",
            "statistical_bulletin",
            2024,
            "蚌埠市",
            "2025-03-31",
        ),
        (
            NATIONAL_BULLETIN,
            "中华人民共和国2024年国民经济和社会发展统计公报",
            "statistical_bulletin",
            2024,
            "中国",
            "2025-02-28",
        ),
        (
            DIGEST,
            "一图读懂2026年内蒙古自治区政府工作报告",
            "report_digest",
            2026,
            "内蒙古自治区",
            "2026-01-28",
        ),
        (NEWS_MASTHEAD, "自治区十四届人大五次会议开幕", "news", 2026, "内蒙古自治区", "2026-01-28"),
        (NEWS_WIRE, "新华社受权播发《政府工作报告》", "news", 2025, "中国", "2025-03-12"),
        (
            TASK_DIVISION,
            "杭州市人民政府办公厅关于印发2020年政府工作报告重点工作责任分解的通知",
            "task_division_plan",
            2020,
            "杭州市",
            "2020-05-29",
        ),
        (
            NATIONAL_TASK_DIVISION,
            "国务院关于落实《政府工作报告》重点工作分工的意见",
            "task_division_plan",
            2025,
            "中国",
            None,
        ),
        (
            LOCAL_RESOLUTION,
            "南阳市第七届人民代表大会第四次会议关于政府工作报告的决议",
            "resolution",
            None,
            "南阳市",
            None,
        ),
        (
            ANNUAL_PLAN_REPORT,
            "关于内蒙古自治区2025年国民经济和社会发展计划执行情况与2026年计划草案的报告",
            "annual_plan",
            2026,
            "内蒙古自治区",
            "2026-01-26",
        ),
        (
            FIVE_YEAR_PLAN,
            "鄂尔多斯市国民经济和社会发展第十四个五年规划和2035年远景目标纲要",
            "five_year_plan",
            2021,
            "鄂尔多斯市",
            None,
        ),
        (
            POLICY,
            "内蒙古自治区人民政府办公厅关于促进民营经济高质量发展的若干措施",
            "policy",
            2024,
            "内蒙古自治区",
            None,
        ),
        (
            BILINGUAL_TRADITIONAL,
            "2025年北京市政府工作报告",
            "government_work_report",
            2025,
            "北京市",
            "2025-01-14",
        ),
    ],
    ids=lambda v: str(v)[:12] if isinstance(v, str) else None,
)
def test_genre_openings(
    text: str, title: str, kind: str, year: int | None, issuer: str, date: str | None
) -> None:
    """City and county reports, bulletins, digests, news, plans and web pages name what they are."""
    found = read_identity(text)
    assert (found.title, found.kind, found.year, found.issuer, found.date) == (
        title,
        kind,
        year,
        issuer,
        date,
    )


def test_wrapped_notice_title_is_joined_and_its_number_read() -> None:
    """A notice title broken over lines is one title; the 文号 below it is read, not taken for the title."""
    text = "内蒙古自治区人民政府\n关于下达 2025 年自治区国民经济和\n社会发展计划的通知\n\n内政发〔2025〕1 号\n\n各盟行政公署：\n"
    found = read_identity(text)
    assert found.title == "内蒙古自治区人民政府关于下达 2025 年自治区国民经济和社会发展计划的通知"
    assert (found.kind, found.year, found.doc_number) == ("annual_plan", 2025, "内政发〔2025〕1号")


# ---------------------------------------------------------------- any text

_LINE = st.one_of(
    st.sampled_from(
        [
            "各位代表：",
            "政府工作报告",
            "来源：内蒙古日报",
            "下载 打印",
            "——2025年1月14日在第十四届全国人民代表大会第三次会议上",
            "2025年2月5日",
            "内政发〔2025〕1号",
            "一、工作回顾",
            "第十四届全国人民代表大会第三次会议听取了",
            "省长 王五",
        ]
    ),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
)
_COMPOSED = re.compile(r"^(?:\d{4}年)?.*政府工作报告$|^.*关于.*的决议$")


def _flat(text: str) -> str:
    return re.sub(r"\[bookmark:[^\]\n]*\]|\*\*|\s", "", text)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=12).map("\n".join))
def test_any_text_gives_an_identity(text: str) -> None:
    """Any text gives an identity without error: a known kind, a title from the text or composed."""
    found = read_identity(text)
    assert found.kind in KINDS
    assert found.year is None or 1900 <= found.year <= 2100
    assert found.date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", found.date)
    assert not found.title or _flat(found.title) in _flat(text) or _COMPOSED.match(found.title)


def test_an_archive_date_does_not_date_an_old_report() -> None:
    """A page republishing the 1992 report in 2006 gives that date, but the report's year stays 1992."""
    found = read_identity("来源：中国政府网 发布时间：2006-02-16\n" + NATIONAL_1992)
    assert (found.year, found.date, found.title) == (1992, "2006-02-16", "1992年国务院政府工作报告")


def test_a_caption_is_no_news_mark() -> None:
    """新华社记者 in a photo caption above a report does not make the report news."""
    found = read_identity("（新华社记者 李学仁 摄）\n" + NATIONAL_1992)
    assert (found.kind, found.year) == ("government_work_report", 1992)
