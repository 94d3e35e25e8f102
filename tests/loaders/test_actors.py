"""Responsibilities: who is told to do what, in the assignment shapes of the genre."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.actors import extract_responsibilities
from policykg.loaders.records import Document


def _doc(text: str) -> Document:
    return Document(id="t.txt", text=text, title="t", kind="government_work_report", year=2025)


def _actors(text: str) -> list[tuple[str, str]]:
    return [(r.actor, r.actor_type) for r in extract_responsibilities(_doc(text))]


def test_subject_with_yao_after_a_comma() -> None:
    """在产业发展项目上，各盟市要… assigns the task to 各盟市, with its target."""
    text = "在产业发展项目上，各盟市要围绕全区重点产业布局逐一制定招商方案，力争引进到位资金5700亿元以上。"
    (r,) = extract_responsibilities(_doc(text))
    assert (r.actor, r.actor_type, r.role) == ("各盟市", "region", "responsible")
    assert r.target and r.target.startswith("力争")
    assert _doc(text).quote(r.span).startswith("各盟市要")


def test_enterprise_list_closed_by_deng() -> None:
    """森工集团、文旅集团等区属国有企业，都要… names each enterprise."""
    text = "森工集团、文旅集团、林草生态公司等区属国有企业，都要加大改革突围力度。"
    assert _actors(text) == [
        ("森工集团", "enterprise"),
        ("文旅集团", "enterprise"),
        ("林草生态公司", "enterprise"),
    ]


def test_places_as_actors_and_dang_hao() -> None:
    """赤峰、通辽要当好领头羊 gives two regions; 巴彦淖尔要用好… one."""
    assert _actors("赤峰、通辽要当好领头羊。巴彦淖尔要用好国家农高区平台。") == [
        ("赤峰", "region"),
        ("通辽", "region"),
        ("巴彦淖尔", "region"),
    ]


def test_institutions_and_governments() -> None:
    """各高校要…, 金融机构要…, 各级政府特别是领导干部要… ."""
    got = _actors("各高校要突出就业导向。金融机构要落实好无还本续贷政策。各级政府特别是领导干部要真诚坦荡。")
    assert got == [("各高校", "institution"), ("金融机构", "institution"), ("各级政府", "government")]


def test_lead_and_support() -> None:
    """由X牵头，Y配合 gives a lead and a support role."""
    rs = extract_responsibilities(_doc("由自治区发展改革委牵头，各盟市配合。"))
    assert [(r.actor, r.role) for r in rs] == [("自治区发展改革委", "lead"), ("各盟市", "support")]


def test_clauses_without_an_actor_give_nothing() -> None:
    """要加快项目建设进度 has no subject; 边疆民族地区一直是… is a clause, not an actor."""
    assert _actors("要加快项目建设进度。边疆民族地区一直是党中央牵挂的地方，要深入推进兴边富民行动。") == []


def test_each_county_at_least() -> None:
    """每个旗县（市、区）至少建设2所公办托育机构 assigns every county."""
    assert _actors("实施补助项目，每个旗县（市、区）至少建设2所公办托育机构。") == [
        ("每个旗县（市、区）", "region")
    ]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("各盟市要由牵头配合集团，。、等都赤峰 \n")), max_size=60))
def test_any_text_never_raises(text: str) -> None:
    """Arbitrary text never raises and every span lies inside the text."""
    doc = _doc(text)
    for r in extract_responsibilities(doc):
        assert 0 <= r.span[0] < r.span[1] <= len(text)
