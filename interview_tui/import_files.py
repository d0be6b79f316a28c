"""A people file of either kind → ``PersonCard``s: LinkedIn's ``Connections.csv`` or vCards.

Chosen by the file's suffix (``.csv``, ``.vcf``, ``.vcard``); a file with another suffix is
read when its text shows what it is (``BEGIN:VCARD``, or LinkedIn's header row).
"""

from __future__ import annotations

import re
from pathlib import Path

from interview_tui.import_cards import PersonCard, ReadResult, label, read_text
from interview_tui.import_linkedin import read_connections
from interview_tui.import_vcard import read_vcards

_VCARD_SUFFIXES = (".vcf", ".vcard")
_LINKEDIN_HEADER = re.compile(r"^\s*\"?First Name\"?\s*,\s*\"?Last Name\"?", re.I | re.M)
_VCARD_START = re.compile(r"^\s*BEGIN:VCARD\s*$", re.I | re.M)


def read_people_file(path: Path) -> ReadResult[PersonCard]:
    """The people in ``path``, read by the reader its kind needs."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return read_connections(path)
    if suffix in _VCARD_SUFFIXES:
        return read_vcards(path)
    text, fatal = read_text(path)
    if fatal is not None:
        return ReadResult.failed(fatal)
    if _VCARD_START.search(text):
        return read_vcards(path)
    if _LINKEDIN_HEADER.search(text):
        return read_connections(path)
    return ReadResult.failed(
        f"{label(path)}: is not a LinkedIn Connections.csv or a vCard file (.vcf)"
    )
