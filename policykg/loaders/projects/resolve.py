"""Projects resolved across documents: one per real-world work, with its aliases and whole/part links."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from policykg.loaders.projects.candidates import PHASE_IN, place_at
from policykg.loaders.projects.mentions import ProjectMention
from policykg.loaders.projects.vocabulary import lexicon
from policykg.loaders.regions import find_places
from policykg.loaders.structure.goals import POSITION_CODES

__all__ = ["Project", "project_key", "resolve_projects"]


@dataclass(frozen=True)
class Project:
    """A project resolved across documents."""

    id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    regions: tuple[str, ...]
    position: str | None
    mentions: tuple[ProjectMention, ...]
    part_of: str | None = None


def _head_key(head: str) -> str:
    for src, dst in lexicon().head_aliases:
        if head == src:
            return dst
    return head


def project_key(name: str) -> str:
    """The comparable core of a name: zone words abbreviated, 国家/工程/一期 and home prefixes dropped."""
    lex = lexicon()
    key = name
    for src, dst in lex.head_aliases:
        if len(src) > 1 or key.endswith(src):
            key = key.replace(src, dst) if len(src) > 1 else key[: -len(src)] + dst
    changed = True
    while changed:
        changed = False
        for p in lex.home:
            if key.startswith(p) and len(key) > len(p) + 2:
                key = key[len(p) :]
                changed = True
    for d in lex.dropped:
        if len(key.replace(d, "")) >= 2:
            key = key.replace(d, "")
    for h in sorted(find_places(key), key=lambda h: -h.start):
        if h.place.level in ("county", "league_city"):
            key = key[: h.start] + h.place.name + key[h.end :]
    return re.sub(r"[\"“”（）()\s]", "", key)


def _route_abbreviation(name: str, head: str) -> str | None:
    """太子城至锡林浩特铁路 → 太锡铁路; G0616海流图至乌拉山段 → G0616海乌段."""
    m = re.match(r"^([GS]\d{1,4})?([\u4e00-\u9fff]{2,8}?)至([\u4e00-\u9fff]{2,8}?)(.*)$", name)
    if not m or not head or not name.endswith(head):
        return None
    code, a, b, rest = m.group(1) or "", m.group(2), m.group(3), m.group(4)
    tail = name[len(code) + len(a) + 1 + len(b) :]
    if "至" in rest:
        return None
    if not tail.endswith(head):
        return None
    if len(tail) > len(head):
        b = b + tail[: len(tail) - len(head)]
        tail = head
    return code + a[0] + b[0] + tail


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _strip_place(key: str) -> str:
    h = place_at(find_places(key), 0)
    if h and len(key) - h.end >= 3:
        return key[h.end :]
    return key


def _same(a: ProjectMention, b: ProjectMention, ka: str, kb: str) -> bool:
    if a.type != b.type and not (a.head == "线" or b.head == "线"):
        return False
    if ka == kb:
        return True
    ra, rb = _route_abbreviation(a.name, a.head), _route_abbreviation(b.name, b.head)
    if (ra and project_key(ra) == kb) or (rb and project_key(rb) == ka):
        return True
    sa, sb = _strip_place(ka), _strip_place(kb)
    if (sa == kb and sa != ka) or (sb == ka and sb != kb):
        return True
    ha, hb = _head_key(a.head), _head_key(b.head)
    if ha != hb:
        return False
    short, long = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if "至" in short or "至" in long:
        return False
    if PHASE_IN.findall(short) != PHASE_IN.findall(long):
        return False
    long_s = _strip_place(long)
    if len(short) >= 4 and short != long:
        for s, lg in ((short, long), (short, long_s)):
            if len(s) >= 4 and s[0] == lg[0] and s[:2] in lg and _subsequence(s, lg):
                return True
    return False


def _stable_id(name: str) -> str:
    return "project-" + hashlib.sha1(project_key(name).encode("utf-8")).hexdigest()[:12]


def resolve_projects(mentions: Iterable[ProjectMention]) -> list[Project]:
    """Group mentions into projects across documents; ids are stable ASCII keys.

    Links the ways one work is written across documents: abbreviated routes (太子城至锡林浩特铁路 =
    太锡铁路), a city prefix or 国家 added or dropped, abbreviated zone words (自由贸易试验区 =
    自贸区), and shortened names of the same type; a phase (二期工程) is part of its whole.
    """
    ms = list(mentions)
    names: dict[str, ProjectMention] = {}
    for m in ms:
        names.setdefault(m.name, m)
    order = list(names)
    keys = {n: project_key(n) for n in order}
    parent = {n: n for n in order}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(order):
        for b in order[i + 1 :]:
            if find(a) != find(b) and _same(names[a], names[b], keys[a], keys[b]):
                parent[find(a)] = find(b)
    groups: dict[str, list[ProjectMention]] = defaultdict(list)
    for m in ms:
        groups[find(m.name)].append(m)
    projects: list[Project] = []
    canonical: dict[str, str] = {}
    for members in groups.values():
        counts = Counter(m.name for m in members)
        name = max(counts, key=lambda n: (counts[n], len(n), n))
        pid = _stable_id(name)
        for n in counts:
            canonical[n] = pid
        type_ = Counter(m.type for m in members).most_common(1)[0][0]
        regions = tuple(dict.fromkeys(r for m in members for r in m.regions))
        codes = Counter(m.goal for m in members if m.goal in POSITION_CODES)
        position = codes.most_common(1)[0][0] if codes else None
        ordered = tuple(sorted(members, key=lambda m: (m.doc, m.span)))
        projects.append(
            Project(
                id=pid,
                name=name,
                aliases=tuple(sorted(n for n in counts if n != name)),
                type=type_,
                regions=regions,
                position=position,
                mentions=ordered,
            )
        )
    by_id = {p.id: p for p in projects}
    out: list[Project] = []
    for p in projects:
        whole = None
        phase = PHASE_IN.search(p.name)
        if phase:
            base = p.name[: phase.start()]
            whole = next(
                (
                    pid
                    for n, pid in canonical.items()
                    if project_key(n) == project_key(base + "工程") and pid != p.id
                ),
                None,
            )
        out.append(Project(**{**p.__dict__, "part_of": whole}) if whole in by_id else p)
    return sorted(out, key=lambda p: p.id)
