"""Emails filled from a session: outreach, a gentle reminder, thank-you and check-in notes.

Each returns plain text whose first line is ``Subject: ...``, ready to show for editing and
copy to the clipboard. A field the session lacks is left out of the sentence rather than
leaving a gap: no braces, no "None", no "at ." fragments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from interview_tui.followups import call_date
from interview_tui.models import AgendaItem, Session
from interview_tui.placeholders import fill, placeholder_values

CALL_LENGTH = "20-30 minute"
MAX_TOPICS = 3
MAX_TAKEAWAYS = 3
SIGN_OFF = "Best wishes,"

_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sir", "dame"}
_HOW_MET_PREPOSITIONS = (
    "at ",
    "in ",
    "on ",
    "through ",
    "via ",
    "during ",
    "after ",
    "when ",
    "while ",
    "last ",
    "online",
)


# -- small pieces ------------------------------------------------------------------------------


def greeting_name(full_name: str) -> str:
    """How to address someone: first name, or title and surname ("Dr. Okafor")."""
    words = full_name.split()
    if not words:
        return ""
    if words[0].rstrip(".").lower() in _TITLES and len(words) > 1:
        return f"{words[0]} {words[-1]}"
    return words[0]


def _greeting(session: Session) -> str:
    name = greeting_name(session.contact.name)
    return f"Hi {name}," if name else "Hello,"


def _join_and(parts: list[str]) -> str:
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + f", and {parts[-1]}"


def _sentence(text: str) -> str:
    """``text`` with a capital first letter and a closing full stop (unless it has one)."""
    text = " ".join(text.split())
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def note_as_one_line(text: str, *, trim: str = "") -> str:
    """Multi-line notes as one line: lines joined with "; ", list bullets dropped, and the
    characters in ``trim`` taken off the end of each line (".;" inside a sentence)."""
    lines = [re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", line).strip() for line in text.splitlines()]
    return "; ".join(line.rstrip(trim) for line in lines if line)


def _work_phrase(session: Session) -> str:
    """ "your work as Data Engineer at Acme", shortened to what the session knows."""
    role, company = session.contact.role, session.contact.company
    if role and company:
        return f"your work as {role} at {company}"
    if role:
        return f"your work as {role}"
    if company:
        return f"your work at {company}"
    return "your work"


def _when(day: date | None, today: date, *, prefix: str = "on") -> str:
    """ "today", "yesterday", "on Monday", "on 4 March", "on 4 March 2023"; "" if unknown."""
    if day is None:
        return ""
    delta = (today - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if 1 < delta < 7:
        return f"{prefix} {day:%A}"
    year = f" {day.year}" if day.year != today.year else ""
    return f"{prefix} {day.day} {day:%B}{year}"


def question_text(item: AgendaItem, session: Session) -> str:
    """An agenda question with the session's names filled in."""
    return fill(item.text, placeholder_values(session))


_ABBREVIATIONS = frozenset(
    {"vs", "e.g", "i.e", "etc", "cf", "dr", "mr", "mrs", "ms", "mx", "prof", "st", "jr", "sr"}
    | {"approx", "incl", "esp", "dept"}
)
"""Words whose full stop ends no sentence: "research vs. delivery", "e.g. a bootcamp"."""


def sentences(text: str) -> list[str]:
    """``text`` split into sentences, not at "vs.", "e.g.", an initial ("J. Smith") or the
    like."""
    merged: list[str] = []
    for part in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        if merged and merged[-1].endswith("."):
            last = merged[-1].rsplit(" ", 1)[-1].lower().strip("(\"'").removesuffix(".")
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                merged[-1] += " " + part
                continue
        merged.append(part)
    return [sentence for sentence in merged if sentence]


def asked_question(item: AgendaItem, session: Session) -> str:
    """The whole question asked, without lead-ins like "I want to be respectful of your
    time, so"; never cut."""
    text = question_text(item, session)
    asking = [sentence for sentence in sentences(text) if sentence.endswith("?")]
    return asking[-1] if asking else " ".join(text.split())


def short_question(item: AgendaItem, session: Session, max_length: int = 90) -> str:
    """:func:`asked_question`, cut at a word to ``max_length`` characters for a narrow place."""
    text = asked_question(item, session)
    if len(text) > max_length:
        text = text[: max_length - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return text


def _reflection(session: Session, key: str) -> str:
    return note_as_one_line(session.reflections.get(key, ""), trim=".;")


def _takeaways(session: Session) -> list[str]:
    """Each takeaway line as a sentence of its own, without the bullet it was typed with."""
    lines = (note_as_one_line(line, trim=";") for line in session.takeaways.splitlines())
    return [_sentence(line) for line in lines if line][:MAX_TAKEAWAYS]


def _sign_off(signature: str) -> str:
    """ "Best wishes," and, under it, who writes (the settings' signature or name)."""
    lines = [line.rstrip() for line in signature.strip().splitlines()]
    return "\n".join([SIGN_OFF, *lines])


def _paragraphs(subject: str, parts: Iterable[str]) -> str:
    body = "\n\n".join(part for part in parts if part)
    return f"Subject: {subject}\n\n{body}\n"


# -- outreach ----------------------------------------------------------------------------------


_GOAL_PHRASES = {
    "career exploration": "exploring a career in {field}",
    "networking": "getting to know people who work in {field}",
    "skill development": "working out which skills matter most in {field}",
    "company insight": "learning what it is like to work at {company}",
}


def _goals_sentence(session: Session) -> str:
    industry = session.contact.industry
    field = industry or "your field"
    company = session.contact.company or "a company like yours"
    phrases = []
    for goal in session.goals:
        template = _GOAL_PHRASES.get(goal.strip().lower())
        if template is None:
            if goal.strip():
                phrases.append(goal.strip().rstrip("."))
            continue
        uses_field = "{field}" in template
        phrases.append(template.format(field=field, company=company))
        if uses_field:
            field = "it"  # "exploring a career in fintech and getting to know people in it"
    if not phrases:
        return "I'm thinking about my next steps and would really value your perspective."
    return f"I'm currently {_join_and(phrases)}, so your perspective would mean a lot."


def _how_we_met(session: Session) -> str:
    parts = []
    if session.referred_by.strip():
        parts.append(f"{session.referred_by.strip()} suggested I reach out to you.")
    how = " ".join(session.contact.how_met.split())
    if how:
        lower = how.lower()
        if lower.startswith(("we ", "i ", "you ")):
            parts.append(_sentence(how))
        elif lower.startswith(_HOW_MET_PREPOSITIONS):
            parts.append(_sentence(f"we met {how}"))
        else:
            parts.append(_sentence(f"for context: {how}"))
    return " ".join(parts)


def outreach_subject(session: Session) -> str:
    company = session.contact.company
    return (
        f"Could I learn about your work at {company}?"
        if company
        else "Could I learn about your work?"
    )


def outreach_email(session: Session, *, signature: str = "") -> str:
    """Ask for a 20-30 minute conversation, from what the session knows about the contact;
    ``signature`` (a name, or lines) goes under the sign-off."""
    ask = (
        f"Would you be open to a {CALL_LENGTH} conversation in the next few weeks, by phone "
        "or video, whenever suits you? I'm not asking for a job; I'd simply love to hear "
        f"about {_work_phrase(session)} and how you got there."
    )
    return _paragraphs(
        outreach_subject(session),
        [
            _greeting(session),
            _how_we_met(session),
            _goals_sentence(session),
            ask,
            "Thank you for considering it.",
            _sign_off(signature),
        ],
    )


def follow_up_reminder(session: Session, today: date | None = None, *, signature: str = "") -> str:
    """A gentle nudge for an outreach request that has had no reply."""
    today = today or date.today()
    when = _when(session.outreach_sent_on, today, prefix="from")
    note = f"my note {when}" if when and when not in ("today", "yesterday") else "my earlier note"
    return _paragraphs(
        f"Re: {outreach_subject(session)}",
        [
            _greeting(session),
            f"I hope your week is going well. I'm following up on {note} about a short "
            f"conversation on {_work_phrase(session)}.",
            "I know things get busy, so no pressure at all. If a shorter call of 15-20 "
            "minutes would be easier, I'd be glad to keep it brief and work around your "
            "schedule.",
            "And if now isn't a good time, no worries; thank you for considering it.",
            _sign_off(signature),
        ],
    )


# -- after the call ----------------------------------------------------------------------------


def _topics(session: Session) -> list[str]:
    """The core questions a note was taken on, whole, in the order they were asked about.

    The opening and closing ones ("Does the half hour still work?") are logistics, not
    something to thank for; a question nobody noted anything on said little worth naming.
    """
    noted = [
        item
        for item in session.agenda
        if item.phase == "core" and item.status != "skipped" and item.note.strip()
    ]
    return [asked_question(item, session) for item in noted[:MAX_TOPICS]]


def _topics_sentence(session: Session) -> str:
    questions = [f'"{question}"' for question in _topics(session)]
    if not questions:
        return ""
    if len(questions) == 1:
        return f"I especially appreciated your answer when I asked {questions[0]}"
    return f"I especially appreciated your answers when I asked {_join_and(questions)}"


def _lessons(session: Session) -> str:
    """What the person takes away, in their own words (one sentence each); without
    takeaways, the advice they noted."""
    takeaways = _takeaways(session)
    if takeaways:
        items = "\n".join(f"- {takeaway}" for takeaway in takeaways)
        return f"What I'm taking away from our conversation, and putting into practice:\n{items}"
    advice = _reflection(session, "advice")
    if advice:
        return _sentence(f"your advice stuck with me: {advice}") + (
            " I'm going to put it into practice."
        )
    return ""


def _referrals_sentence(session: Session) -> str:
    names = [referral.name.strip() for referral in session.referrals if referral.name.strip()]
    if not names:
        return ""
    reach = "reach out to them" if len(names) > 1 else "get in touch"
    return f"Thank you also for suggesting I talk to {_join_and(names)}; I'll {reach} soon."


def thank_you_note(session: Session, today: date | None = None, *, signature: str = "") -> str:
    """Thanks for the call: the date, the questions whose answers were noted (whole), what
    the person takes away, and the people recommended. A draft to edit before sending."""
    today = today or date.today()
    when = _when(call_date(session), today)
    opening = "Thank you for taking the time to talk with me"
    opening += f" {when}." if when else "."
    opening += f" I really enjoyed hearing about {_work_phrase(session)}."
    name = greeting_name(session.contact.name) or "you"
    return _paragraphs(
        f"Thank you, {name}" if name != "you" else "Thank you for your time",
        [
            _greeting(session),
            opening,
            _topics_sentence(session),
            _lessons(session),
            _referrals_sentence(session),
            "I'll let you know how things go. Thanks again for your generosity.",
            _sign_off(signature),
        ],
    )


def _since(day: date | None, today: date) -> str:
    if day is None:
        return "It's been a while since we spoke"
    months = (today.year - day.year) * 12 + today.month - day.month - (today.day < day.day)
    if months >= 2:
        return f"It's been about {months} months since we spoke"
    if months == 1:
        return "It's been about a month since we spoke"
    return "It's been a few weeks since we spoke"


def check_in_note(session: Session, today: date | None = None, *, signature: str = "") -> str:
    """A friendly update a few months after the call, built from its advice and referrals."""
    today = today or date.today()
    day = call_date(session)
    opening = f"I hope you're doing well. {_since(day, today)}"
    opening += f" ({_when(day, today).removeprefix('on ')})" if day and day < today else ""
    opening += ", and I wanted to send a quick update."
    advice = _reflection(session, "advice")
    update = (
        _sentence(f"your advice has stayed with me: {advice}")
        + " I've been putting it into practice."
        if advice
        else "Our conversation has stayed with me, and it has shaped my next steps."
    )
    contacted = [r.name.strip() for r in session.referrals if r.contacted and r.name.strip()]
    thanks = (
        f"I also got in touch with {_join_and(contacted)}, as you suggested; thank you "
        "for pointing me their way."
        if contacted
        else ""
    )
    return _paragraphs(
        "A quick update since we spoke",
        [
            _greeting(session),
            opening,
            update,
            thanks,
            "I'd love to hear how things are going on your side, too.",
            _sign_off(signature),
        ],
    )


# -- people ------------------------------------------------------------------------------------


def thank_introducer_note(
    introducer_name: str,
    introduced_name: str,
    met_on: date | None = None,
    today: date | None = None,
    *,
    signature: str = "",
) -> str:
    """Thanks to whoever introduced you to someone you have now talked to."""
    today = today or date.today()
    introducer = greeting_name(introducer_name)
    introduced = " ".join(introduced_name.split()) or "them"
    when = _when(met_on, today)
    spoke = f"I spoke with {introduced} {when}" if when else f"I've now spoken with {introduced}"
    return _paragraphs(
        f"Thank you for introducing me to {introduced}",
        [
            f"Hi {introducer}," if introducer else "Hello,",
            f"{spoke}, and I wanted to thank you for putting us in touch. "
            "It was a really helpful conversation.",
            "I appreciate you taking the time to make the introduction; I'll keep you posted "
            "on how things go.",
            _sign_off(signature),
        ],
    )
