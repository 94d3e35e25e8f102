"""What changed between two years: tasks, projects and targets that are new, continued, changed or dropped.

Works on the report shapes (``reports.sections``, ``reports.metrics``, ``reports.projects``), so it
runs on any store.  A year's side is what the documents *of that year* say: targets set for the
year, tasks of its plans and reports, projects they name.  Tasks are matched by title (similar
titles are the same task reworded), targets by indicator, projects by identity; each change carries
the evidence of both sides.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["SAME_TASK", "Change", "diff_years"]

Row = Mapping[str, Any]
SAME_TASK = 0.6  # titles at least this similar are one task, reworded
_TASK_KINDS = {"task", "box", "point", "item", "numbered"}


@dataclass(frozen=True)
class Change:
    """One task, project or target compared across the two years."""

    what: str  # task | project | target
    status: str  # new | continued | changed | dropped
    name: str
    before: tuple[Row, ...]
    after: tuple[Row, ...]
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "status": self.status,
            "name": self.name,
            "note": self.note,
            "before": list(self.before),
            "after": list(self.after),
        }


def _targets(metrics: Iterable[Row], year: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    for m in metrics:
        if m["kind"] == "target" and m["period"] == year:
            out.setdefault(m["indicator"], []).append(m)
    return out


def _describe(rows: Iterable[Row]) -> str:
    marks = {"about": "左右", "at_least": "以上", "at_most": "以内", "exact": ""}
    return "、".join(sorted({f"{r['value']}{r['unit']}{marks.get(r['comparator'], '')}" for r in rows}))


def _amounts(rows: Iterable[Row]) -> set[tuple[float, str, str, bool]]:
    return {
        (
            round(float(r.get("normalised_value") or r["value"]), 6),
            r.get("base_unit") or r["unit"],
            r["comparator"],
            bool(r["change"]),
        )
        for r in rows
    }


def _target_changes(metrics: list[Row], year_a: str, year_b: str) -> list[Change]:
    before, after = _targets(metrics, year_a), _targets(metrics, year_b)
    out = []
    for name in sorted(before.keys() | after.keys()):
        a, b = before.get(name, []), after.get(name, [])
        if not a:
            out.append(Change("target", "new", name, (), tuple(b), _describe(b)))
        elif not b:
            out.append(Change("target", "dropped", name, tuple(a), (), _describe(a)))
        elif _amounts(a) == _amounts(b):
            out.append(Change("target", "continued", name, tuple(a), tuple(b), _describe(b)))
        else:
            out.append(
                Change("target", "changed", name, tuple(a), tuple(b), f"{_describe(a)} → {_describe(b)}")
            )
    return out


def _project_changes(projects: list[Row], docs_a: set[str], docs_b: set[str]) -> list[Change]:
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


def _task_changes(sections: list[Row], docs_a: set[str], docs_b: set[str]) -> list[Change]:
    def tasks(docs: set[str]) -> list[Row]:
        return [s for s in sections if s["doc"] in docs and s.get("kind", "task") in _TASK_KINDS]

    a_tasks, b_tasks = tasks(docs_a), tasks(docs_b)
    matched_a: set[int] = set()
    out = []
    for b in b_tasks:
        best, score = None, 0.0
        for i, a in enumerate(a_tasks):
            ratio = difflib.SequenceMatcher(None, a["title"], b["title"]).ratio()
            if ratio > score:
                best, score = i, ratio
        if best is None or score < SAME_TASK:
            out.append(Change("task", "new", b["title"], (), (b,)))
            continue
        matched_a.add(best)
        a = a_tasks[best]
        status = "continued" if a["title"] == b["title"] else "changed"
        note = "" if status == "continued" else f"{a['title']} → {b['title']}"
        out.append(Change("task", status, b["title"], (a,), (b,), note))
    out += [
        Change("task", "dropped", a["title"], (a,), ()) for i, a in enumerate(a_tasks) if i not in matched_a
    ]
    return sorted(out, key=lambda c: (c.status, c.name))


def diff_years(
    year_a: str,
    year_b: str,
    *,
    documents: Iterable[Row],
    sections: list[Row],
    metrics: list[Row],
    projects: list[Row],
) -> list[Change]:
    """Every task, project and target compared between the documents of two years."""
    docs = list(documents)
    docs_a = {d["docName"] for d in docs if str(d.get("year")) == year_a}
    docs_b = {d["docName"] for d in docs if str(d.get("year")) == year_b}
    return (
        _task_changes(sections, docs_a, docs_b)
        + _project_changes(projects, docs_a, docs_b)
        + _target_changes(metrics, year_a, year_b)
    )
