"""A drafted email as a ``mailto:`` link for the default mail client (RFC 6068).

Mail clients and browsers cut long links, so past :data:`MAX_MAILTO_LENGTH` characters the
link carries only the address and subject and the body goes to the clipboard instead.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_MAILTO_LENGTH = 2000
SUBJECT_PREFIX = "Subject:"
_UNRESERVED = frozenset(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
)  # fmt: skip
_ADDRESS_SAFE = _UNRESERVED | frozenset(b"@!$'*+")
"""Characters an addr-spec keeps unencoded in a mailto: link (RFC 6068 section 2)."""


def quote(text: str, safe: frozenset[int] = _UNRESERVED) -> str:
    """``text`` as UTF-8 with every byte outside ``safe`` written ``%XX``. (Written here
    rather than taken from urllib, which the app keeps out as a network package.)"""
    return "".join(chr(b) if b in safe else f"%{b:02X}" for b in text.encode("utf-8"))


def split_draft(text: str) -> tuple[str, str]:
    """(subject, body) of a draft whose first line is ``Subject: ...``; no such line: no
    subject and the whole text as the body."""
    first, _, rest = text.partition("\n")
    if first.startswith(SUBJECT_PREFIX):
        return first[len(SUBJECT_PREFIX) :].strip(), rest.lstrip("\n").rstrip() + "\n"
    return "", text.rstrip() + "\n" if text.strip() else ""


def _encode(text: str) -> str:
    """Percent-encoded UTF-8, every reserved character included; line breaks as ``%0D%0A``
    as RFC 6068 asks of a body."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    return quote(lines.replace("\n", "\r\n"))


def mailto_url(to: str, subject: str = "", body: str = "") -> str:
    """``mailto:ana@example.com?subject=...&body=...``, each part percent-encoded."""
    address = quote(to.strip(), _ADDRESS_SAFE)
    parts = (("subject", subject), ("body", body))
    query = "&".join(f"{name}={_encode(value)}" for name, value in parts if value)
    return f"mailto:{address}" + (f"?{query}" if query else "")


@dataclass(frozen=True)
class MailLink:
    """What to open, and the body to copy when it did not fit in the link ("" if it did)."""

    url: str
    body_to_copy: str = ""

    @property
    def shortened(self) -> bool:
        return bool(self.body_to_copy)


def mail_link(draft: str, to: str = "", limit: int = MAX_MAILTO_LENGTH) -> MailLink:
    """The link for ``draft`` (first line ``Subject: ...``): address, subject and body, or,
    when that is longer than ``limit`` characters, address and subject with the body to copy."""
    subject, body = split_draft(draft)
    url = mailto_url(to, subject, body)
    if len(url) <= limit:
        return MailLink(url)
    return MailLink(mailto_url(to, subject), body)
