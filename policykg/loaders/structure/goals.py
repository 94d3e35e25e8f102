"""Strategic goal codes and the explicit alignment of a heading to the goal it names.

The codes and their terms are data (``data/goal_terms.json``); this module only reads them and
matches headings.  A heading that names a goal outright (…筑牢我国北方重要生态安全屏障) is linked
with basis ``explicit``; a section whose heading names none inherits its parent's goal.
"""

from __future__ import annotations

from policykg.loaders import lexicon
from policykg.loaders.records import GoalLink

__all__ = [
    "GOAL_CODES",
    "POSITION_CODES",
    "explicit_goal",
    "goal_labels",
    "goal_terms",
    "inherited",
    "position_terms",
]

POSITION_CODES = ("P1", "P2", "P3", "P4", "P5")  # the five strategic positions (五大任务)
GOAL_CODES = ("P1", "P2", "P3", "P4", "P5", "M", "K1", "K2", "K3", "K4", "K5", "K6", "K7", "L")
INHERITED_CONFIDENCE = 0.9


def position_terms() -> dict[str, tuple[str, ...]]:
    """Position code → words that place a project or task under that position by its subject."""
    return dict(lexicon.goal_terms().position_terms)


def goal_terms() -> dict[str, tuple[str, ...]]:
    """Code → the terms that name it in a heading."""
    return {code: goal.terms for code, goal in lexicon.goal_terms().goals.items()}


def goal_labels() -> dict[str, str]:
    """Code → its Chinese label as the output contract gives it."""
    return {code: goal.label for code, goal in lexicon.goal_terms().goals.items()}


def explicit_goal(title: str) -> GoalLink | None:
    """The goal a heading names outright: the longest matching term, the later one on a tie."""
    best: tuple[int, int, str, str] | None = None
    for code, terms in goal_terms().items():
        for term in terms:
            at = title.rfind(term)
            if at >= 0 and (best is None or (len(term), at) > best[:2]):
                best = (len(term), at, code, term)
    if best is None:
        return None
    return GoalLink(code=best[2], basis="explicit", confidence=1.0, matched_terms=(best[3],))


def inherited(parent: GoalLink) -> GoalLink:
    """A parent's goal passed down to a section whose own heading names none."""
    return GoalLink(
        code=parent.code,
        basis=parent.basis,
        confidence=round(parent.confidence * INHERITED_CONFIDENCE, 4),
        matched_terms=parent.matched_terms,
    )
