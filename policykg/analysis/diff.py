"""What changed between two years: tasks, projects and targets that are new, continued, changed or dropped.

Works on the report shapes (``reports.sections``, ``reports.metrics``, ``reports.projects``), so it
runs on any store.  A year's side is what the documents *of that year* say: targets set for the
year, tasks of its plans and reports, projects they name.  Each change carries the evidence of both
sides, and a change is reported only when something changed:

- **tasks** pair by meaning: ordinal markers (一要, 二是, （一）, 1., 第一) are stripped, and two titles
  are one task when the character bigrams they share, less the genre's generic bigrams (推进, 加快,
  建设… from the loaders' stop list), make at least :data:`SAME_TASK` of all their bigrams
  (Jaccard).  Bigram Jaccard rather than difflib's ratio: the ratio credits every common character
  in order, so two short titles sharing only 推进…产业…升级 score 0.63 (推进传统产业升级 against
  推进文旅体产业提档升级) — as much as a true rewording; shared bigrams measured against all of both
  titles' bigrams reward shared terms, not scattered characters.  A title equal once its markers
  are stripped is the same task, continued.
- **targets** pair by quantity (indicator, scope, measure, unit family —
  :mod:`policykg.analysis.meaning`): ``35个`` and ``700万千瓦`` of one indicator are two targets, one
  dropped and one new, never a change.  A pair is changed only when its value (in a common unit:
  3000亿度 = 3000亿千瓦时) or its comparator differs.
- **projects** pair by identity; a change is a change of status (started → completed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from policykg.analysis.figures import figure
from policykg.analysis.meaning import Reading, Source, dedupe, read, sentence
from policykg.loaders import lexicon

__all__ = ["SAME_TASK", "Change", "diff_years", "strip_ordinal", "task_similarity"]

Row = Mapping[str, Any]
Sources = Mapping[str, Source]
SAME_TASK = 0.35  # bigram Jaccard (generic bigrams left out) at which two titles are one task, reworded
_TASK_KINDS = {"task", "box", "point", "item", "numbered"}
_CN = "一二三四五六七八九十百"
_ORDINAL = re.compile(
    rf"^\s*(?:[（(][{_CN}\d]+[)）]|第[{_CN}]+[，、,是]?|[{_CN}]+(?:要|是|、)|\d+\s*[.、．)）]|"
    r"专栏\s*\d+|首先|其次|再次|最后)\s*"
)
_NOISE = re.compile(r"[\s“”\"‘’'、，,。；;：:（）()《》〈〉【】—\-·]")


@dataclass(frozen=True)
class Change:
    """One task, project or target compared across the two years."""

    what: str  # task | project | target
    status: str  # new | continued | changed | dropped
    name: str
    before: tuple[Row, ...]
    after: tuple[Row, ...]
    note: str = ""
    detail: Mapping[str, Any] = field(
        default_factory=dict
    )  # a target's scope, measure, unit family; a task's similarity

    def as_json(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "status": self.status,
            "name": self.name,
            "note": self.note,
            **self.detail,
            "before": list(self.before),
            "after": list(self.after),
        }


def strip_ordinal(title: str) -> str:
    """A title without its list marker and punctuation: 一要大力提振消费 → 大力提振消费."""
    return _NOISE.sub("", _ORDINAL.sub("", title))


@cache
def _generic() -> frozenset[str]:
    return lexicon.stop_bigrams()


def _bigrams(title: str) -> set[str]:
    text = strip_ordinal(title)
    return {text[i : i + 2] for i in range(len(text) - 1)} - _generic()


def task_similarity(a: str, b: str) -> float:
    """Jaccard of the two titles' character bigrams, generic bigrams of the genre left out."""
    x, y = _bigrams(a), _bigrams(b)
    return len(x & y) / len(x | y) if x | y else float(strip_ordinal(a) == strip_ordinal(b))


def _task_changes(sections: Sequence[Row], docs_a: set[str], docs_b: set[str]) -> list[Change]:
    def tasks(docs: set[str]) -> list[Row]:
        return [s for s in sections if s["doc"] in docs and s.get("kind", "task") in _TASK_KINDS]

    a_tasks, b_tasks = tasks(docs_a), tasks(docs_b)
    matched_a: set[int] = set()
    out = []
    for b in b_tasks:
        scored = [(task_similarity(a["title"], b["title"]), i) for i, a in enumerate(a_tasks)]
        score, best = max(scored, default=(0.0, -1))
        if best < 0 or score < SAME_TASK:
            out.append(Change("task", "new", b["title"], (), (b,)))
            continue
        matched_a.add(best)
        a = a_tasks[best]
        similarity = {"similarity": round(score, 2)}
        if strip_ordinal(a["title"]) == strip_ordinal(b["title"]):
            out.append(Change("task", "continued", b["title"], (a,), (b,), "", similarity))
        else:
            note = f"{a['title']} → {b['title']}"
            out.append(Change("task", "changed", b["title"], (a,), (b,), note, similarity))
    out += [
        Change("task", "dropped", a["title"], (a,), ()) for i, a in enumerate(a_tasks) if i not in matched_a
    ]
    return sorted(out, key=lambda c: (c.status, c.name))


def _project_changes(projects: Sequence[Row], docs_a: set[str], docs_b: set[str]) -> list[Change]:
    out = []
    for p in projects:
        a = [m for m in p["mentions"] if m["doc"] in docs_a]
        b = [m for m in p["mentions"] if m["doc"] in docs_b]
        if not a and not b:
            continue
        status_a = sorted({m["status"] for m in a if m.get("status")})
        status_b = sorted({m["status"] for m in b if m.get("status")})
        if not a:
            out.append(Change("project", "new", p["name"], (), tuple(b), "、".join(status_b)))
        elif not b:
            out.append(Change("project", "dropped", p["name"], tuple(a), (), "、".join(status_a)))
        elif status_a != status_b and status_a and status_b:
            note = f"{'、'.join(status_a)} → {'、'.join(status_b)}"
            out.append(Change("project", "changed", p["name"], tuple(a), tuple(b), note))
        else:
            out.append(Change("project", "continued", p["name"], tuple(a), tuple(b), "、".join(status_b)))
    return sorted(out, key=lambda c: (c.status, c.name))


_MARKS = {"about": "左右", "at_least": "以上", "at_most": "以内", "exact": ""}


def _describe(rows: Iterable[Row]) -> str:
    return "、".join(sorted({f"{r['value']}{r['unit']}{_MARKS.get(r['comparator'], '')}" for r in rows}))


Slot = tuple[str, str, str, str]  # indicator, scope, measure, unit family


def _slots(metrics: Iterable[Row], year: str, sources: Sources) -> dict[Slot, list[dict[str, Any]]]:
    """The targets set for one year, by the quantity they measure, each statement once per document."""
    out: dict[Slot, list[dict[str, Any]]] = {}
    chosen = [m for m in metrics if m["kind"] == "target" and m["period"] == year and m.get("indicator")]
    for row in dedupe(chosen, sources):
        source = sources.get(str(row.get("doc")))
        r: Reading = read(row, source)
        found = sentence(row, source)
        quoted = {**row, "sentence_span": found[0], "sentence": found[1]} if found else row
        out.setdefault((r.indicator, r.scope, r.measure, r.unit_family), []).append(quoted)
    return out


def _same_figures(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> bool:
    """Whether two years set the same figures: each figure of one equals one of the other.

    Equal means the same amount in a common unit (3000亿度 = 3000亿千瓦时) with the same comparator.
    Targets are not compared at the coarser precision as reports are: a plan that moves from 7%左右
    to 6.5%左右 chose the decimal, it did not round.
    """

    def amounts(rows: list[dict[str, Any]]) -> set[tuple[Decimal, str]]:
        return {(f.value.normalize(), f.comparator) for f in map(figure, rows) if f is not None}

    return amounts(a) == amounts(b)


def _converted(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> str:
    """The earlier figures restated in the later unit when the units differ: （160亿斤 = 800万吨）."""
    unit, later = b[0]["unit"], figure(b[0])
    if later is None or not later.value or any(r["unit"] == unit for r in a):
        return ""
    scale = later.value / Decimal(str(b[0]["value"]))
    parts = []
    for row in a:
        f = figure(row)
        if f is not None and f.unit_family == later.unit_family:
            amount = f.value / scale
            shown = f"{amount.quantize(Decimal('0.01')).normalize():f}"
            parts.append(f"{row['value']}{row['unit']} = {shown}{unit}")
    return f"（{'；'.join(sorted(set(parts)))}）" if parts else ""


def _target_changes(metrics: Sequence[Row], year_a: str, year_b: str, sources: Sources) -> list[Change]:
    before, after = _slots(metrics, year_a, sources), _slots(metrics, year_b, sources)
    out = []
    for slot in sorted(before.keys() | after.keys()):
        name, (a, b) = slot[0], (before.get(slot, []), after.get(slot, []))
        detail = {"scope": slot[1], "measure": slot[2], "unit_family": slot[3]}
        if not a:
            status, note = "new", _describe(b)
        elif not b:
            status, note = "dropped", _describe(a)
        elif _same_figures(a, b):
            status, note = "continued", _describe(b)
        else:
            status, note = "changed", f"{_describe(a)} → {_describe(b)}{_converted(a, b)}"
        out.append(Change("target", status, name, tuple(a), tuple(b), note, detail))
    return out


def diff_years(
    year_a: str,
    year_b: str,
    *,
    documents: Iterable[Row],
    sections: Sequence[Row],
    metrics: Sequence[Row],
    projects: Sequence[Row],
    sources: Sources | None = None,
) -> list[Change]:
    """Every task, project and target compared between the documents of two years."""
    docs = list(documents)
    docs_a = {d["docName"] for d in docs if str(d.get("year")) == year_a}
    docs_b = {d["docName"] for d in docs if str(d.get("year")) == year_b}
    return (
        _task_changes(sections, docs_a, docs_b)
        + _project_changes(projects, docs_a, docs_b)
        + _target_changes(metrics, year_a, year_b, sources or {})
    )
