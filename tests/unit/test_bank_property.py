"""Whatever text a person feeds the bank parser, they get a Bank or one line saying why not."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from interview_tui.banks import BankError, parse_bank
from interview_tui.models import Bank

FIELD_NAMES = st.sampled_from(
    ["bank", "category", "description", "questions", "id", "text", "priority", "minutes",
     "phase", "pinned", "tags", "probes", "prority", "<<"]
)  # fmt: skip

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["yes", "no", "{name}", "{nope}", "{", "}", "2024-02-30", "~", "core"]),
)

NESTED = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(FIELD_NAMES, st.text(max_size=10)), children, max_size=6),
    ),
    max_leaves=30,
)


def bank_shaped(questions: list[dict[str, object]], extra: dict[str, object]) -> dict:
    return {"bank": "Fuzzed", "questions": questions, **extra}


QUESTIONS = st.lists(st.dictionaries(FIELD_NAMES, NESTED, max_size=6), max_size=4)
BANK_SHAPED = st.builds(bank_shaped, QUESTIONS, st.dictionaries(FIELD_NAMES, NESTED, max_size=3))

YAML_PUNCTUATION = "bank:questions-text{}[]&*!|>'\"#%@` \t\n?,"

YAML_TEXT = st.one_of(
    st.builds(lambda data: yaml.safe_dump(data, allow_unicode=True), NESTED),
    st.builds(lambda data: yaml.safe_dump(data, allow_unicode=True), BANK_SHAPED),
    st.builds(lambda data: yaml.safe_dump(data, default_flow_style=True), BANK_SHAPED),
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(list(YAML_PUNCTUATION)), max_size=200),
)


@settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(YAML_TEXT)
@example("bank: B\nquestions:\n  - text: 2024-02-30\n")
@example("bank: B\x00\nquestions:\n  - text: Hi\n")
@example("bank: !!int x\n")
@example("bank: B\nquestions: !!set [a]\n")
@example("a: b\n---\nc: d\n")
def test_parse_bank_returns_a_bank_or_one_line_error(text):
    try:
        bank = parse_bank(text, "fuzz.yaml")
    except BankError as exc:
        message = str(exc)
        assert message.startswith("fuzz.yaml")
        assert "\n" not in message and "\r" not in message, message
        assert exc.problem.message
    else:
        assert isinstance(bank, Bank)
        assert bank.questions
