"""Named projects: extraction from sentences of the genre and resolution across documents."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.projects.mentions import extract_project_mentions
from policykg.loaders.projects.resolve import project_key, resolve_projects
from policykg.loaders.records import Document


def _doc(text: str, doc_id: str = "t.txt", year: int = 2026) -> Document:
    return Document(id=doc_id, text=text, title="t", kind="annual_plan", year=year)


def _names(text: str) -> set[str]:
    return {m.name for m in extract_project_mentions(_doc(text))}


def test_railways_after_verbs_are_named_without_the_verb() -> None:
    """加快建设/开工建设 are not part of the railway names that follow them."""
    text = "开工建设包鄂榆高铁，推进呼包高铁前期工作，加快建设临河至哈密铁路、乌兰浩特至阿尔山铁路。"
    assert {"包鄂榆高铁", "呼包高铁", "临河至哈密铁路", "乌兰浩特至阿尔山铁路"} <= _names(text)


def test_elliptic_transmission_list_gives_one_project_per_item() -> None:
    """库布其至江苏、库布其至上海、腾格里至江西输电通道 names three channels, each with its own span."""
    doc = _doc("推动库布其至江苏、库布其至上海、腾格里至江西输电通道尽快开工。")
    ms = {m.name: m for m in extract_project_mentions(doc)}
    assert {"库布其至江苏输电通道", "库布其至上海输电通道", "腾格里至江西输电通道"} <= set(ms)
    assert doc.quote(ms["库布其至上海输电通道"].span) == "库布其至上海"


def test_coordinated_parks_share_one_head() -> None:
    """长城、黄河国家文化公园 and 贺兰山和大青山国家公园 are two projects each."""
    names = _names("推进长城、黄河国家文化公园建设。推进贺兰山和大青山国家公园创建。")
    assert {"长城国家文化公园", "黄河国家文化公园", "贺兰山国家公园", "大青山国家公园"} <= names


def test_programmes_and_generic_phrases_are_not_projects() -> None:
    """千万工程, a counted category of labs and 国家重要…基地 are not named works."""
    names = _names(
        "学习运用“千万工程”经验。建成110家自治区重点实验室。建设国家重要能源和战略资源基地。"
        "实施满洲里、二连浩特、甘其毛都等重点口岸提升工程。"
    )
    assert names == set()


def test_ambiguous_short_place_in_a_route_is_kept() -> None:
    """富裕 is a county only as the end of a route: 富裕至加格达奇铁路 is a railway."""
    assert "富裕至加格达奇铁路" in _names("加快建设富裕至加格达奇铁路、滨州铁路改造工程。")


def test_phase_ellipsis_names_the_phase_and_the_base() -> None:
    """引绰济辽及二期工程 mentions the base project and its second phase, which is part of it."""
    doc = _doc("完成引绰济辽及二期工程建设，开工建设河套灌区现代化改造、乌布林水库等重点项目。")
    mentions = extract_project_mentions(doc)
    names = {m.name for m in mentions}
    assert {"引绰济辽工程", "引绰济辽二期工程", "河套灌区现代化改造", "乌布林水库"} <= names
    projects = {p.name: p for p in resolve_projects(mentions)}
    assert projects["引绰济辽二期工程"].part_of == projects["引绰济辽工程"].id


def test_enterprise_projects_in_a_list_closed_by_deng() -> None:
    """中石化煤制烯烃、荣盛煤化一体化等一批百亿级项目 are company projects; 煤电、电网等 are not."""
    names = _names(
        "加快推进中石化煤制烯烃、荣盛煤化一体化等一批百亿级项目。加快推进煤电、电网等能源项目纳规。"
    )
    assert names == {"中石化煤制烯烃项目", "荣盛煤化一体化项目"}


def test_route_abbreviation_links_across_documents() -> None:
    """太子城至锡林浩特铁路 (2026 plan) and 太锡铁路 (2025 report) are one project; 包银高铁 is another."""
    a = extract_project_mentions(_doc("建成太子城至锡林浩特铁路，开工建设包鄂榆高铁。", "a.txt"))
    b = extract_project_mentions(
        _doc("建成包银高铁，加快建设太锡铁路，扩能改造临哈线、集二线。", "b.txt", 2025)
    )
    projects = resolve_projects(a + b)
    by_name = {n: p for p in projects for n in (p.name, *p.aliases)}
    assert by_name["太锡铁路"].id == by_name["太子城至锡林浩特铁路"].id
    assert by_name["包银高铁"].id != by_name["太锡铁路"].id
    assert all(p.id.isascii() for p in projects)


def test_city_prefix_and_zone_abbreviations_link() -> None:
    """呼和浩特盛乐国际机场 = 盛乐国际机场, and 中国（内蒙古）自由贸易试验区 = 自贸区."""
    a = extract_project_mentions(_doc("做好盛乐国际机场转场投运工作。全力推进自贸试验区申建。", "a.txt"))
    b = extract_project_mentions(
        _doc("确保呼和浩特盛乐国际机场建成通航。以创建中国（内蒙古）自由贸易试验区为牵引。", "b.txt")
    )
    projects = resolve_projects(a + b)
    assert len({p.id for p in projects}) == 2
    assert project_key("自贸试验区") == project_key("中国（内蒙古）自由贸易试验区")


def test_same_head_different_places_stay_distinct() -> None:
    """国家乳业 and 国家草业 innovation centres, and two labs named by place, are four projects."""
    ms = extract_project_mentions(
        _doc("提高国家乳业、草业技术创新中心等国家级平台研发效能，支持大青山、鄂尔多斯实验室做优做强。")
    )
    names = {p.name for p in resolve_projects(ms)}
    assert {"国家乳业技术创新中心", "大青山实验室", "鄂尔多斯实验室"} <= names
    assert len(names) == 4


def test_status_and_regions_of_a_mention() -> None:
    """The verb before a name gives its status and the places in the name its regions."""
    (m,) = [m for m in extract_project_mentions(_doc("开工建设包鄂榆高铁。")) if m.name == "包鄂榆高铁"]
    assert m.status == "开工"
    (m,) = extract_project_mentions(_doc("加快建设库布其至河北输电通道。"))
    assert "库布其沙漠" in m.regions and "河北省" in m.regions


def test_corpus_mentions_quote_their_evidence(corpus, structures) -> None:  # type: ignore[no-untyped-def]
    """Every mention span of every bundled document quotes text that carries its surface."""
    for doc_id, doc in corpus.items():
        for m in extract_project_mentions(doc, structures[doc_id]):
            assert doc.text[m.span[0] : m.span[1]] == m.surface
            assert m.span[0] < m.span[1]


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("包银高铁至锡林浩特铁路、和等项目工程“”，。 \n国家中心1G")), max_size=60
    )
)
def test_any_text_never_raises_and_spans_quote_evidence(text: str) -> None:
    """Arbitrary text of the genre's characters never raises and every span quotes its surface."""
    doc = _doc(text)
    for m in extract_project_mentions(doc):
        assert doc.quote(m.span) == m.surface
    resolve_projects(extract_project_mentions(doc))
