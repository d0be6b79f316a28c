"""Question lint: warn about questions that tend to sour an informational interview.

Four rules, each a short list of phrase patterns so a flag can always be explained:

- ``salary``: pay, salary, compensation or benefits packages. "How did that benefit your
  career?" is fine: only benefits in the sense of perks (a benefits package, health
  benefits, "what benefits does ... offer") are flagged.
- ``job-ask``: asking for a job, an opening or a referral to one outright. Asking who else
  to talk to ("could you refer me to someone in design?") is what the call is for, and is
  not flagged; neither is asking how hiring works.
- ``negative``: hate, worst, annoying, "what's wrong with". "What went wrong and what did
  you learn?" and "the worst case" are not flagged.
- ``website``: facts the company's own website answers (what it does, when it was
  founded, how many employees, where it is headquartered).

A flag is a warning: it never stops a bank from loading or a question from being asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interview_tui.models import Bank, Question


@dataclass(frozen=True)
class LintFlag:
    """One warning: the rule's name, a sentence for the user, and the words that tripped it."""

    rule: str
    reason: str
    match: str = ""


@dataclass(frozen=True)
class _Rule:
    name: str
    reason: str
    patterns: tuple[re.Pattern[str], ...]


def _compile(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


# "{company}" as written in a bank, or the usual ways of naming an employer in a question.
_COMPANY = r"(?:\{company\}|your (?:company|employer|organi[sz]ation|firm)|the company|you guys)"

_RULES: tuple[_Rule, ...] = (
    _Rule(
        "salary",
        "pay and benefits belong in a job process, not an informational interview",
        _compile(
            r"\bsalar(?:y|ies)\b",
            r"\bcompensation\b",
            r"\bwages?\b",
            r"\bbonus(?:es)?\b",
            r"\bstock options?\b",
            r"\b(?:rsus?|401\s?k|pto)\b",
            r"\bequity (?:package|grant|stake|comp)",
            r"\bpay\s?(?:range|band|scale|grade|rise|raise|cut|check|cheque)s?\b",
            r"\b(?:well|badly|poorly|under)[- ]paid\b",
            r"\bpay(?:s)? (?:well|badly|enough)\b",
            # "how much do senior analysts make", but not "how much did it make a difference"
            r"\bhow much (?:do|does|did|would|will|can|could) (?:[\w']+ ){1,3}?"
            r"(?:make|earn|pay|get paid)\b"
            r"(?! (?:a )?(?:difference|sense|progress|time|room|impact|use|off|out)\b)",
            r"\bbenefits? (?:package|plan)s?\b",
            r"\b(?:health|medical|dental|employee|employment|retirement) benefits\b",
            r"\bbenefits (?:do|does|did|would|will) (?:you|they|people|employees|staff|"
            + _COMPANY
            + r") (?:get|offer|provide|give|have)\b",
            r"\bperks\b",
            r"\b(?:vacation|holiday) (?:days|allowance)\b",
            r"\bpaid (?:time off|leave|holidays?)\b",
            r"\bhealth insurance\b",
            r"\bpension\b",
        ),
    ),
    _Rule(
        "job-ask",
        "asks for a job or a referral outright; ask for advice and let them offer help",
        _compile(
            r"\b(?:are|is) (?:you|they|we|your team|the team|" + _COMPANY + r")"
            r" (?:currently |still |actually |now )?hiring\b",
            r"\b(?:any|job|open) (?:openings|vacancies)\b",
            r"\bopen (?:positions|roles|jobs|reqs)\b",
            r"\bopenings (?:on|in|at|for)\b",
            r"\ban opening (?:on|in|at) (?:your|the|" + _COMPANY + r")",
            r"\b(?:is|are) there (?:an? |any )?(?:jobs?|openings?|vacanc(?:y|ies))"
            r" (?:available|open|going)\b",
            # "refer me" is fine when it asks for someone to talk to.
            r"\brefer me\b(?! to (?:someone|somebody|anyone|anybody|other people|people|"
            r"others|a (?:colleague|friend|person|peer|contact)))",
            r"\b(?:give|write|get) me an? (?:internal )?referral\b",
            r"\binternal referral\b",
            r"\breferral for (?:a|an|the|this|that|any) \w*\s?(?:job|role|position|opening)\b",
            r"\bput in a (?:good )?word\b",
            r"\bpass (?:along|on) my (?:resume|résumé|cv|application)\b",
            r"\bhire me\b",
            r"\b(?:get|give|find|offer) me an? (?:job|interview|position|role)\b",
            r"\binterview me\b",
            r"\bhelp me (?:get|land|find) an? (?:job|interview|position|role)\b",
        ),
    ),
    _Rule(
        "negative",
        "sounds negative; ask what is hard or what they would change instead",
        _compile(
            r"\bhat(?:e|es|ed|ing)\b",
            r"\bworst\b(?![- ]case)",
            r"\bannoy(?:s|ed|ing|ance)?\b",
            r"\bwhat(?:'s| is| was) wrong with\b",
            r"\bsucks?\b",
            r"\b(?:terrible|awful|horrible|stupid|useless|incompetent)\b",
        ),
    ),
    _Rule(
        "website",
        "the company's website answers this; read it before the call",
        _compile(
            r"\bwhat (?:exactly )?(?:does|do) " + _COMPANY + r" (?:actually |exactly )?do\b"
            r"(?: exactly)?\s*(?:[?.!]|$)",
            r"\bwhen (?:was|were|did) .{0,60}\b(?:founded|established|incorporated)\b",
            r"\bwho founded\b",
            r"\bhow many (?:employees|staff|workers)\b",
            r"\bhow many people (?:work|are employed) (?:at|for|in) " + _COMPANY,
            r"\bhow (?:big|large) is " + _COMPANY + r"\s*[?.!]?$",
            r"\bwhere (?:is|are) .{0,60}\b(?:headquartered|headquarters|hq)\b",
            r"\bwhere (?:is|are) " + _COMPANY + r" (?:based|located)\b",
            r"\bwhat (?:products|services) (?:does|do) " + _COMPANY + r" (?:sell|make|offer)\b",
        ),
    ),
)

RULE_NAMES: tuple[str, ...] = tuple(rule.name for rule in _RULES)


def lint_question(text: str, *, company: str = "") -> list[LintFlag]:
    """Warnings for one question, at most one per rule.

    ``company`` is the contact's company, so a question that names it ("What does Acme
    do?") is checked like one that says ``{company}``.
    """
    if company.strip():
        name = re.escape(company.strip())
        text = re.sub(rf"(?<!\w){name}(?!\w)", "{company}", text, flags=re.IGNORECASE)
    text = text.replace("\u2019", "'")  # a typographic apostrophe reads the same
    flags = []
    for rule in _RULES:
        for pattern in rule.patterns:
            found = pattern.search(text)
            if found:
                words = found.group(0).strip(" ?.!")
                flags.append(LintFlag(rule.name, f'"{words}": {rule.reason}', words))
                break
    return flags


def lint_bank(bank: Bank) -> list[tuple[Question, list[LintFlag]]]:
    """The bank's questions that have at least one warning, in bank order."""
    flagged = []
    for question in bank.questions:
        flags = lint_question(question.text)
        if flags:
            flagged.append((question, flags))
    return flagged
