"""What a session is for, and how well a question serves it.

A session's goals are the presets of the setup form (:data:`~interview_tui.models.GOALS`) and
a person's own words ("how to move into UX research"). A bank question names the goals it
serves: TIARA names (trends, insights, advice, resources, assignments) or free words of the
bank's own. :func:`relevance` weighs a question against what the session is for; the planner
subtracts it from the question's priority, so a question that fits the goals is asked before
one of the same priority that does not, and before one a priority or two better that serves
nothing the person asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from interview_tui.models import TIARA, AgendaItem, Session

PRESETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "career exploration": (
        ("insights", "trends"),
        ("career", "path", "role", "day-to-day", "transitions", "future"),
    ),
    "networking": (
        ("resources",),
        ("network", "networking", "relationship", "community", "people", "follow-up"),
    ),
    "skill development": (
        ("advice", "assignments"),
        ("skills", "learning", "growth", "tools", "practice", "newcomers"),
    ),
    "company insight": (
        ("insights",),
        ("company", "culture", "values", "team", "decision-making", "onboarding"),
    ),
}
"""Each preset goal of the setup form: the TIARA goals it wants and words to look for."""

GOAL_WEIGHT = 1.0
"""A question that serves one of the goals wanted: one priority step."""
WORD_WEIGHT = 0.5
"""Each word of the goals, the role or the industry found in a question (two at most)."""
CONTEXT_WEIGHT = 0.5
"""A question about the contact's role or industry, when the session names it."""
MAX_RELEVANCE = 2.0
"""Relevance never outweighs more than two priority steps; a question of one's own gets all
of it (it was written for this call)."""

_STOP_WORDS_TEXT = """
    about after also and any are ask back been being but can could does doing for from get
    getting have how into its just like make more most much not now off one out over own
    really some such than that the their them then there these they this those through very
    want was way were what when where which while who why will with would you your
"""
_STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
_WORD = re.compile(r"[a-z0-9]+")
_PLACEHOLDER = re.compile(r"\{[a-z]+\}")


def stem(word: str) -> str:
    """A rough common root: "skills" and "skill", "learning" and "learn", "changes" and
    "change" meet. Good enough to match a few words, not a linguistic stemmer."""
    for suffix in ("ing", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    if word.endswith("e") and len(word) >= 5:
        word = word[:-1]
    return word


_TIARA_STEMS = {stem(name): name for name in TIARA}


def words_of(text: str) -> set[str]:
    """The meaningful words of ``text`` as stems: no placeholders, short or stop words."""
    text = _PLACEHOLDER.sub(" ", text.lower())
    return {stem(w) for w in _WORD.findall(text) if len(w) > 2 and w not in _STOP_WORDS}


@dataclass(frozen=True)
class Wishes:
    """What a session is for, as the planner weighs questions."""

    goals: frozenset[str] = frozenset()
    """TIARA names (and free goal words of a bank) a question should serve."""
    words: frozenset[str] = frozenset()
    """Stems to find in a question's text, tags or goals."""
    role: bool = False
    """The contact's role is known, so questions about the role read well."""
    industry: bool = False

    def __bool__(self) -> bool:
        return bool(self.goals or self.words or self.role or self.industry)


def wishes_for(goals: Iterable[str], role: str = "", industry: str = "") -> Wishes:
    """Read the presets and a person's own goals, and the contact's role and industry."""
    wanted: set[str] = set()
    words: set[str] = set()
    for goal in goals:
        goal = " ".join(goal.split()).lower()
        if goal in PRESETS:
            tiara, preset_words = PRESETS[goal]
            wanted.update(tiara)
            for word in preset_words:
                words |= words_of(word)
            continue
        wanted.update(_TIARA_STEMS[w] for w in map(stem, _WORD.findall(goal)) if w in _TIARA_STEMS)
        wanted.add(goal)  # a bank may use the same free words as the person
        words |= words_of(goal)
    words |= words_of(role) | words_of(industry)
    return Wishes(
        goals=frozenset(wanted),
        words=frozenset(words),
        role=bool(role.strip()),
        industry=bool(industry.strip()),
    )


def session_wishes(session: Session) -> Wishes:
    contact = session.contact
    return wishes_for(session.goals, contact.role, contact.industry)


def relevance(item: AgendaItem, wishes: Wishes | None) -> float:
    """How well ``item`` serves ``wishes``, in priority steps (0 to :data:`MAX_RELEVANCE`)."""
    if not wishes:
        return 0.0
    if item.own:
        return MAX_RELEVANCE
    score = 0.0
    if wishes.goals.intersection(item.goals):
        score += GOAL_WEIGHT
    if wishes.words:
        found = words_of(item.text)
        for label in (*item.tags, *item.goals):
            found |= words_of(label)
        score += WORD_WEIGHT * min(len(wishes.words & found), 2)
    text = item.text
    if (wishes.role and ("{role}" in text or item.category == "role-specific")) or (
        wishes.industry and ("{industry}" in text or item.category == "industry")
    ):
        score += CONTEXT_WEIGHT
    return min(score, MAX_RELEVANCE)


def rank(item: AgendaItem, wishes: Wishes | None) -> float:
    """Lower is asked first: the priority, less what the question does for the goals."""
    return item.priority - relevance(item, wishes)
