"""The lexicon loader: every data file loads through it, passes the schema, and says what each entry is."""

from __future__ import annotations

import json
import shutil
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from policykg.errors import LexiconError, PolicyKGError
from policykg.loaders import lexicon

DATA = Path(str(files("policykg.loaders").joinpath("data")))


def _write(folder: Path, name: str, data: Any) -> Path:
    """Write one lexicon file (JSON, or raw text when given a string) into a folder."""
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _units(**sections: Any) -> dict[str, Any]:
    """A well-formed units.json with some sections replaced."""
    good: dict[str, Any] = {
        "about": "Units for a test.",
        "scales": {"genre": {"万": 10000}},
        "units": {"genre": {"mass": ["吨"]}},
        "not_units": {"genre": ["年"]},
    }
    return {**good, **sections}


@pytest.mark.parametrize("name", lexicon.FILES)
def test_every_data_file_loads_and_passes_the_schema(name: str) -> None:
    """Each shipped data file loads through lexicon.py without error and has entries."""
    assert lexicon.load(name) is not None
    assert lexicon.entries(name)


@pytest.mark.parametrize("name", lexicon.FILES)
def test_every_entry_has_a_kind_and_every_file_an_about(name: str) -> None:
    """Every entry is genre, gazetteer, world or alias, and the file says what it is for."""
    raw = json.loads((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(raw["about"], str) and raw["about"].strip()
    kinds = {e.kind for e in lexicon.entries(name)}
    assert kinds <= set(lexicon.KINDS)
    if "gazetteer" in kinds:
        assert raw["sources"]["gazetteer"].strip()


def test_every_data_file_in_the_folder_is_loaded() -> None:
    """No data file sits in the package that lexicon.py does not read (no dead files)."""
    assert lexicon.data_files() == lexicon.FILES


def test_a_copy_of_the_package_files_loads_the_same_from_a_folder(tmp_path: Path) -> None:
    """The folder parameter reads the files given, and a faithful copy gives equal records."""
    for name in lexicon.FILES:
        shutil.copy(DATA / name, tmp_path / name)
        assert lexicon.load(name, tmp_path) == lexicon.load(name)


def test_loaders_are_cached() -> None:
    """A file is read and checked once: the second call returns the same object."""
    assert lexicon.project_types() is lexicon.project_types()


def test_scales_keep_their_file_order() -> None:
    """万亿 comes before 亿, so 万亿元 is read as 1e12 yuan and not as 万 × 亿."""
    words = [w for w, _ in lexicon.units().scales]
    assert words.index("万亿") < words.index("亿") < words.index("万")


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ("{not json", "line 1 column 2"),
        ({**_units(), "about": ""}, "about"),
        (_units(not_units=["年"]), "not_units"),
        (_units(not_units={"vocabulary": ["年"]}), "not_units.vocabulary"),
        (_units(not_units={"genre": ["年", 7]}), "not_units.genre[1]"),
        (_units(not_units={"genre": ["年"], "world": {"x": ["y"]}}), "not_units"),
        ({**_units(), "prefixes": {"genre": ["各"]}}, "prefixes"),
        (_units(scales={"genre": {"万": -1}}), "scales.genre['万']"),
        (_units(units={"gazetteer": {"mass": ["吨"]}}), "sources"),
    ],
    ids=[
        "not-json",
        "empty-about",
        "entries-without-kind",
        "unknown-kind",
        "entry-not-a-string",
        "mixed-shapes",
        "dead-section",
        "negative-scale",
        "gazetteer-without-source",
    ],
)
def test_a_malformed_file_raises_a_lexicon_error_naming_file_and_place(
    tmp_path: Path, data: Any, where: str
) -> None:
    """Each kind of malformation fails loading with a LexiconError that names the file and the entry."""
    folder = _write(tmp_path, "units.json", data)
    with pytest.raises(LexiconError) as caught:
        lexicon.units(folder)
    message = str(caught.value)
    assert "units.json" in message and where in message
    assert isinstance(caught.value, PolicyKGError) and "\n" not in message


def test_a_bad_entry_is_quoted_in_the_error(tmp_path: Path) -> None:
    """The offending entry itself appears in the message, so the fix needs no search."""
    folder = _write(tmp_path, "units.json", _units(not_units={"genre": ["年", {"word": "月"}]}))
    with pytest.raises(LexiconError, match=r"not_units\.genre\[1\].*'word': '月'"):
        lexicon.units(folder)


def test_a_region_with_an_unknown_field_fails(tmp_path: Path) -> None:
    """A misspelt gazetteer field (parnet) fails loading instead of being silently ignored."""
    place = {"name": "某镇", "level": "area", "parnet": "某县", "short": [], "ambiguous_short": False}
    data = {"about": "Places.", "sources": {"gazetteer": "a list"}, "regions": {"gazetteer": [place]}}
    with pytest.raises(LexiconError, match=r"regions_extra\.json: regions\.gazetteer\[0\].*parnet"):
        lexicon.regions_extra(_write(tmp_path, "regions_extra.json", data))


def test_a_project_head_of_an_unknown_type_fails(tmp_path: Path) -> None:
    """A head's type must be one of the project types the graph knows."""
    data = json.loads((DATA / "project_types.json").read_text(encoding="utf-8"))
    data["heads"]["genre"][0]["type"] = "railroad"
    with pytest.raises(LexiconError, match=r"heads\.genre\[0\].*railroad"):
        lexicon.project_types(_write(tmp_path, "project_types.json", data))


def test_a_stop_entry_longer_than_a_bigram_fails(tmp_path: Path) -> None:
    """A three-character stop entry could never match a bigram, so it is an error, not dead weight."""
    data = {"about": "Stop bigrams.", "stop_bigrams": {"genre": ["推进", "进一步"]}}
    with pytest.raises(LexiconError, match="进一步"):
        lexicon.stop_bigrams(_write(tmp_path, "alignment_stop_bigrams.json", data))


def test_a_missing_file_fails_with_the_file_name(tmp_path: Path) -> None:
    """An absent data file is a LexiconError naming it, not a bare OSError."""
    with pytest.raises(LexiconError, match=r"goal_terms\.json"):
        lexicon.goal_terms(tmp_path)


def test_project_type_words_are_not_one_project_s_name() -> None:
    """Type words are genre words (铁路, 实验室, 开发区), not the tail of one named project (增二线, 治沙公路)."""
    suffixes = {h.suffix for h in lexicon.project_types().heads}
    assert {"铁路", "高速公路", "机场", "实验室", "开发区", "水库"} <= suffixes
    assert not suffixes & {"增二线", "治沙公路", "林带", "一体化治理", "公路口岸货运第二通道"}


def test_region_entries_carry_their_provenance() -> None:
    """Official places are gazetteer entries; groupings named by plans (呼包鄂乌, 京津冀) are world knowledge."""
    by_name = {r.name: r for r in lexicon.regions().regions}
    assert by_name["锡林郭勒盟"].provenance == "gazetteer" and by_name["锡林郭勒盟"].code == "152500"
    assert by_name["京津冀"].provenance == "world"
