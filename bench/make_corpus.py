"""Generate a scale corpus of the genre from the bundled one, for benchmarks and stress tests.

Why generated: benchmarks need 10× and 100× the bundled five documents, and copying them would
only repeat identical IRIs and identical text.  Each generated document is a new plan: its parts
are drawn (seeded) from the parts of all bundled documents and shuffled across documents, its
part headings are renumbered 一、二、三… in their new order, every number is perturbed (years
shifted to the document's own year, other figures scaled by 0.8–1.25 with their decimals kept,
heading item numbers left alone), and the league, city and county names of the gazetteer
``policykg/loaders/data/regions.json`` are swapped by a per-document permutation.

    python bench/make_corpus.py OUT_DIR --scale 10 [--seed 1]    # 10 × the bundled size
    python bench/make_corpus.py OUT_DIR --docs 25                  # exactly 25 documents
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from policykg.loaders.structure.sections import parse_structure
from policykg.loaders.text.documents import bundled_corpus, read_corpus

__all__ = ["Block", "blocks", "generate", "main", "write_corpus"]

RESULTS = Path(__file__).with_name("results")
_CN = "一二三四五六七八九十"
_PART = re.compile(rf"^(\s*)[{_CN}]+、")
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_ITEM_HEAD = re.compile(r"^\s*\d{1,2}[.．、](?!\d)")
_YEAR = re.compile(r"^(19|20)\d{2}$")


@dataclass(frozen=True)
class Block:
    """A top-level section of a bundled document, as text."""

    text: str
    kind: str


def _cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (enough for part numbers)."""
    if n <= 10:
        return _CN[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens - 1]) + "十" + (_CN[ones - 1] if ones else "")


def blocks() -> list[Block]:
    """Every top-level section of the bundled corpus with the text it governs."""
    found = []
    for doc in read_corpus(bundled_corpus()):
        for section in parse_structure(doc).sections:
            if section.level == 1 and section.span[1] - section.span[0] > 40:
                found.append(
                    Block(doc.text[section.span[0] : section.span[1]].strip("\n") + "\n", section.kind)
                )
    return found


def _place_names() -> dict[str, list[str]]:
    """Unambiguous written forms of leagues/cities and of counties, by level."""
    from policykg.loaders import lexicon

    names: dict[str, list[str]] = {"league_city": [], "county": []}
    for entry in lexicon.regions().regions:
        if entry.level in names:
            names[entry.level].append(entry.name)
            if not entry.ambiguous_short:
                names[entry.level] += [s for s in entry.short if len(s) >= 2]
    return names


class _Perturber:
    """The per-document rewrites: numbers, years, place names."""

    def __init__(self, rng: random.Random, year: int, places: dict[str, list[str]]) -> None:
        self.rng = rng
        self.year_shift = year - 2026
        mapping: dict[str, str] = {}
        for surfaces in places.values():
            targets = surfaces[:]
            rng.shuffle(targets)
            mapping.update(zip(surfaces, targets, strict=True))
        self.places = mapping
        self.place_re = re.compile("|".join(map(re.escape, sorted(mapping, key=len, reverse=True))))

    def number(self, match: re.Match[str]) -> str:
        text = match.group(0)
        if _YEAR.match(text):
            return str(int(text) + self.year_shift)
        decimals = len(text.split(".")[1]) if "." in text else 0
        value = float(text) * self.rng.uniform(0.8, 1.25)
        new = f"{value:.{decimals}f}" if decimals else str(max(1, round(value)))
        if new == text:
            new = f"{float(text) + 10**-decimals:.{decimals}f}" if decimals else str(int(text) + 1)
        return new

    def line(self, line: str) -> str:
        head = _ITEM_HEAD.match(line)
        keep = head.group(0) if head else ""
        body = _NUMBER.sub(self.number, line[len(keep) :])
        body = self.place_re.sub(lambda m: self.places[m.group(0)], body)
        return keep + body


def generate(n_docs: int, seed: int = 1, *, chars_per_doc: int | None = None) -> list[tuple[str, str]]:
    """``n_docs`` (file name, text) pairs, deterministic for a seed."""
    rng = random.Random(seed)
    pool = blocks()
    parts = [b for b in pool if b.kind not in ("targets",)]
    targets = [b for b in pool if b.kind == "targets"]
    bundled = sum(len(d.text) for d in read_corpus(bundled_corpus()))
    size = chars_per_doc or bundled // 5
    places = _place_names()
    out = []
    order: list[Block] = []
    for i in range(n_docs):
        year = rng.choice((2024, 2025, 2026, 2027))
        perturb = _Perturber(rng, year, places)
        lines = [
            f"{year}年自治区国民经济和社会发展计划（合成样本{i + 1:04d}）",
            f"内政发〔{year}〕{rng.randint(1, 60)}号",
            "",
            f"{year}年自治区经济社会发展的主要预期目标和重点任务如下。",
            "",
        ]
        if targets and rng.random() < 0.7:
            lines += [perturb.line(x) for x in rng.choice(targets).text.splitlines()] + [""]
        length, number = 0, 0
        while length < size:
            if not order:  # deal the parts like cards: every part is used before any repeats
                order = parts[:]
                rng.shuffle(order)
            block = order.pop()
            text = block.text
            if _PART.match(text):
                number += 1
                text = _PART.sub(lambda m, n=number: f"{m.group(1)}{_cn_number(n)}、", text, count=1)
            new = [perturb.line(x) for x in text.splitlines()]
            lines += [*new, ""]
            length += sum(map(len, new))
        out.append((f"gen_{seed}_{i + 1:05d}.txt", "\n".join(lines)))
    return out


def write_corpus(folder: Path, n_docs: int, seed: int = 1) -> dict[str, float]:
    """Write a generated corpus into ``folder`` (created); returns its size figures."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in generate(n_docs, seed):
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        total += len(data)
    return {"documents": n_docs, "bytes": total}


def _verbatim_share(texts: list[str]) -> float:
    """Share of generated lines (≥ 20 characters) that occur verbatim in the bundled corpus."""
    source = {line.strip() for d in read_corpus(bundled_corpus()) for line in d.text.splitlines()}
    lines = [line.strip() for t in texts for line in t.splitlines() if len(line.strip()) >= 20]
    return sum(line in source for line in lines) / max(1, len(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--scale", type=float, default=1.0, help="multiple of the bundled corpus (5 documents)"
    )
    group.add_argument("--docs", type=int, default=None)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    n_docs = args.docs or max(1, round(5 * args.scale))
    started = time.perf_counter()
    figures = write_corpus(args.out, n_docs, args.seed)
    seconds = time.perf_counter() - started
    sample = [p.read_text("utf-8") for p in sorted(args.out.glob("*.txt"))[:20]]
    result = {
        "out": str(args.out),
        "seed": args.seed,
        **figures,
        "seconds": round(seconds, 3),
        "verbatim_line_share_first_20_docs": round(_verbatim_share(sample), 4),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "make_corpus.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    print("| documents | MB | seconds | verbatim lines (≥20 chars) |")
    print("|---:|---:|---:|---:|")
    print(
        f"| {n_docs} | {figures['bytes'] / 1e6:.2f} | {seconds:.2f} | "
        f"{result['verbatim_line_share_first_20_docs']:.1%} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
