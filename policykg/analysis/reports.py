"""Reports: what the query commands print, read from any store in the output contract's shapes.

The command line and the web app both call these, so a shape is defined once.  Each function runs
named queries with bound parameters and reshapes the SPARQL results; none of them formats user
input into a query.
"""

from __future__ import annotations

from typing import Any

from policykg.graph.named_queries import load_query
from policykg.graph.store import Lit, Store, rows

__all__ = ["actors", "goals", "metrics", "projects", "regions", "sections"]


def sections(handle: Store, doc: str | None = None) -> list[dict[str, Any]]:
    """Sections in the contract's shape, read from the store."""
    bindings = {"docName": Lit(doc)} if doc else None
    out = []
    for r in rows(handle.query(load_query("sections").text, bindings)):
        goal = None
        if "goalCode" in r:
            goal = {"code": r["goalCode"], "basis": r["basis"], "confidence": float(r["confidence"])}
        out.append(
            {
                "doc": r.get("docName", doc),
                "id": r["id"],
                "parent": r.get("parentId"),
                "level": int(r["level"]),
                "number": r["number"],
                "kind": r["kind"],
                "part": r.get("part"),
                "title": r["title"],
                "title_span": [int(r["titleStart"]), int(r["titleEnd"])],
                "span": [int(r["start"]), int(r["end"])],
                "goal": goal,
            }
        )
    return out


def _number(text: str) -> int | float:
    value = float(text)
    return int(value) if value.is_integer() else value


def metrics(handle: Store, **filters: str | None) -> list[dict[str, Any]]:
    """Metric statements in the contract's shape, plus section, goal, normalised value and what the
    figure is of: ``subject`` (the quantity), ``scope`` and ``scope_kind``, ``measure``, ``bound`` and
    ``unit_family``.  ``indicator`` is None for a statement whose quantity could not be named."""
    names = {"doc": "docName", "indicator": "indicator", "kind": "kind", "period": "period"}
    bindings = {
        names[k]: Lit(v, lang="zh") if k == "indicator" else Lit(v)
        for k, v in filters.items()
        if v and k in names
    }
    out = []
    for r in rows(handle.query(load_query("metrics").text, bindings)):
        if filters.get("goal") and r.get("goalCode") != filters["goal"]:
            continue
        out.append(
            {
                "doc": r["docName"],
                "indicator": r.get("indicator"),
                "value": _number(r["value"]),
                "unit": r["unit"],
                "comparator": r["comparator"],
                "kind": r["kind"],
                "period": r["period"],
                "change": r["change"] == "true",
                "span": [int(r["start"]), int(r["end"])],
                "evidence": r["evidence"],
                "section": r.get("sectionId"),
                "goal": r.get("goalCode"),
                "estimate": r["estimate"] == "true",
                "normalised_value": _number(r["normalisedValue"]) if "normalisedValue" in r else None,
                "base_unit": r.get("baseUnit"),
                "subject": r.get("subject"),
                "scope": r.get("scope"),
                "scope_kind": r.get("scopeKind"),
                "measure": r.get("measure"),
                "bound": r.get("bound"),
                "unit_family": r.get("unitFamily"),
            }
        )
    return out


def _span(r: dict[str, str]) -> list[int]:
    return [int(r["start"]), int(r["end"])]


def projects(handle: Store) -> list[dict[str, Any]]:
    """Projects in the contract's shape, with each mention's status and section goal added."""
    found: dict[str, dict[str, Any]] = {}
    for r in rows(handle.query(load_query("projects").text)):
        p = found.setdefault(
            r["project"],
            {
                "id": r["project"].rsplit("/", 1)[-1],
                "iri": r["project"],
                "name": r["name"],
                "aliases": [],
                "type": r["type"],
                "regions": [],
                "position": r.get("position"),
                "position_basis": r.get("positionBasis"),
                "part_of": None,
                "mentions": [],
            },
        )
        mention = {
            "doc": r["docName"],
            "span": _span(r),
            "status": r.get("status"),
            "goal": r.get("goalCode"),
        }
        if mention not in p["mentions"]:
            p["mentions"].append(mention)
    for r in rows(handle.query(load_query("project_links").text)):
        linked = found.get(r["project"])
        if linked is None:
            continue
        p = linked
        if "alias" in r and r["alias"] not in p["aliases"]:
            p["aliases"].append(r["alias"])
        if "region" in r and r["region"] not in p["regions"]:
            p["regions"].append(r["region"])
        if "whole" in r:
            p["part_of"] = r["whole"]
    for p in found.values():
        p["aliases"].sort()
        p["regions"].sort()
    return sorted(found.values(), key=lambda p: (p["name"], p["id"]))


def regions(handle: Store) -> list[dict[str, Any]]:
    """Places in the contract's shape, with their short forms as aliases."""
    found: dict[str, dict[str, Any]] = {}
    for r in rows(handle.query(load_query("regions").text)):
        entry = found.setdefault(
            r["region"],
            {
                "name": r["name"],
                "level": r["level"],
                "parent": r.get("parent"),
                "aliases": [],
                "mentions": [],
            },
        )
        if "alias" in r and r["alias"] not in entry["aliases"]:
            entry["aliases"].append(r["alias"])
    for r in rows(handle.query(load_query("region_mentions").text)):
        if r["region"] in found:
            found[r["region"]]["mentions"].append({"doc": r["docName"], "span": _span(r)})
    return sorted(found.values(), key=lambda e: e["name"])


def actors(handle: Store) -> list[dict[str, Any]]:
    """Responsibilities in the contract's shape, with role, actor type, section and goal added."""
    out = []
    for r in rows(handle.query(load_query("actors").text)):
        out.append(
            {
                "actor": r["actor"],
                "doc": r["docName"],
                "span": _span(r),
                "task": r["task"],
                "target": r.get("target"),
                "role": r["role"],
                "actor_type": r["actorType"],
                "section": r.get("sectionId"),
                "goal": r.get("goalCode"),
            }
        )
    return out


GOAL_ORDER = ("M", "P1", "P2", "P3", "P4", "P5", "K1", "K2", "K3", "K4", "K5", "K6", "K7", "L")
KINDS = ("section", "project", "target", "region", "actor")


def goals(handle: Store, year: str | None = None) -> list[dict[str, Any]]:
    """The 1571 frame at a glance: per goal and year, its sections, projects, targets, regions and actors."""
    labels = {r["code"]: r["label"] for r in rows(handle.query(load_query("goal_labels").text))}
    table: dict[tuple[str, str], dict[str, dict[str, str]]] = {}
    for r in rows(handle.query(load_query("goals_overview").text)):
        period = r.get("year", "")
        if year and period != year:
            continue
        cell = table.setdefault((r["goalCode"], period), {k: {} for k in KINDS})
        cell[r["what"]][r["item"]] = r["label"]
    out = []
    for (code, period), cell in sorted(table.items(), key=lambda kv: (GOAL_ORDER.index(kv[0][0]), kv[0][1])):
        entry: dict[str, Any] = {"goal": code, "label": labels.get(code, ""), "year": period or None}
        for kind in KINDS:
            names = sorted(set(cell[kind].values()))
            entry[f"{kind}s"] = names
            entry[f"{kind}_count"] = len(cell[kind])
        out.append(entry)
    return out
