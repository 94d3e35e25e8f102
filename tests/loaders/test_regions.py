"""Region mentions: gazetteer matching with short forms, nested places and non-place readings."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policykg.loaders.records import Document
from policykg.loaders.regions import extract_region_mentions, find_places


def _doc(text: str) -> Document:
    return Document(id="t.txt", text=text, title="t", kind="annual_plan", year=2026)


def _names(text: str) -> list[str]:
    return [m.name for m in extract_region_mentions(_doc(text))]


def test_league_cities_in_full_and_short() -> None:
    """赤峰、通辽要当好领头羊 names two league cities by their short forms."""
    assert _names("赤峰、通辽要当好领头羊，率先跑出振兴发展的加速度。") == ["赤峰市", "通辽市"]


def test_places_inside_project_names() -> None:
    """包银高铁银川至巴彦浩特支线 names 银川 and 巴彦浩特."""
    names = _names("建成包银高铁银川至巴彦浩特支线、太子城至锡林浩特铁路。")
    assert {"银川市", "太子城"} <= set(names)
    assert any(n.startswith("巴彦浩特") for n in names)
    assert any(n.startswith("锡林浩特") for n in names)


def test_non_place_readings_are_skipped() -> None:
    """吉林 in 巴丹吉林, 兴安 in 大兴安岭, 富裕 in 共同富裕, 蒙古 in 内蒙古 are not those places."""
    names = _names(
        "实现巴丹吉林、腾格里沙漠锁边林带合龙。建设大兴安岭森林草原防灭火示范区。扎实推进共同富裕。"
    )
    assert "吉林省" not in names and "兴安盟" not in names and "富裕县" not in names


def test_ambiguous_short_form_needs_context() -> None:
    """富裕 is a county in 富裕至加格达奇铁路 but not in 生活富裕."""
    assert "富裕县" in _names("加快建设富裕至加格达奇铁路。")
    assert "富裕县" not in _names("让农牧民生活富裕起来。")


def test_city_named_inside_a_zone() -> None:
    """赤峰高新区 mentions the zone and the city 赤峰."""
    names = _names("有序推进呼和浩特市、包头市、鄂尔多斯市和赤峰高新区国家碳达峰试点建设。")
    assert "赤峰市" in names and "呼和浩特市" in names


def test_corpus_spans_quote_surfaces(corpus, structures) -> None:  # type: ignore[no-untyped-def]
    """Every region mention of the bundled corpus quotes its surface."""
    for doc_id, doc in corpus.items():
        mentions = extract_region_mentions(doc, structures[doc_id])
        assert mentions
        for m in mentions:
            assert doc.text[m.span[0] : m.span[1]] == m.surface


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("赤峰通辽富裕吉林巴丹内蒙古兴安盟市至、，。 \n")), max_size=60))
def test_any_text_never_raises(text: str) -> None:
    """Arbitrary text never raises and every span quotes its surface."""
    doc = _doc(text)
    for m in extract_region_mentions(doc):
        assert doc.quote(m.span) == m.surface
    find_places(text)
