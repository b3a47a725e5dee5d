"""Plain-text articles: optional header lines, an optional title line, then the body.

Header lines come first and are never part of the text:
``" date 2023-12-27 By Jake Smith"`` (the seed format), ``By Jane Roe``,
``Published: 27 December 2023``, ``Date: 2023-12-27``, ``Author: ...``,
``Title: ...``, ``Source: ...`` / ``Outlet: ...`` (the outlet, only when the
file says so), ``URL: ...``. After them, the first line is the title when it
looks like one: short, no final period, followed by a blank line and more text.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..errors import InputError
from ..model import Article
from .clean import clean_meta, clean_text, scrub

__all__ = ["parse_date", "parse_txt", "split_header"]

_MONTH_NAMES = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip
_MDY = re.compile(r"^(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY = re.compile(
    r"^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b"
)
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])")

_SEED_HEADER = re.compile(
    r"^date:?\s+(?P<date>.{4,60}?)(?:\s+By:?\s+(?P<author>[^\n.!?]{1,100}))?$", re.IGNORECASE
)
_DATE_HEADER = re.compile(
    r"^(?:Published|Date|Dated|Posted|Updated)(?:\s+(?:on|at))?\s*:?\s+(?P<date>.{4,60})$", re.IGNORECASE
)
_BY_HEADER = re.compile(r"^By:?\s+(?P<author>[A-Z][^\n.!?]{1,80})$")
_FIELD_HEADER = re.compile(
    r"^(?P<key>Author|Authors|Byline|Title|Headline|Source|Outlet|Publication|URL|Link|Language)\s*:\s*(?P<value>.{1,300})$",
    re.IGNORECASE,
)
_FIELD_NAMES = {
    "author": "author", "authors": "author", "byline": "author", "title": "title",
    "headline": "title", "source": "outlet", "outlet": "outlet", "publication": "outlet",
    "url": "url", "link": "url", "language": "language",
}  # fmt: skip
_MAX_HEADER_LINES = 8


def parse_date(value: str) -> date | None:
    """Read a date written as ISO, RFC 2822, "December 27, 2023" or "27 Dec 2023"; None otherwise."""
    value = value.strip()
    if not value or len(value) > 80:
        return None
    m = _ISO_PREFIX.match(value)
    if m:
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    m = _MDY.match(value)
    if m and m.group(1).lower() in _MONTH_NAMES:
        return _make_date(int(m.group(3)), _MONTH_NAMES[m.group(1).lower()], int(m.group(2)))
    m = _DMY.match(value)
    if m and m.group(2).lower() in _MONTH_NAMES:
        return _make_date(int(m.group(3)), _MONTH_NAMES[m.group(2).lower()], int(m.group(1)))
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed.date() if parsed else None


def _make_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass
class Header:
    """Metadata read from a text file's header lines."""

    fields: dict[str, object] = field(default_factory=dict)
    body: str = ""


def _header_fields(line: str) -> dict[str, object] | None:
    """The fields one header line gives, or None when it is not a header line."""
    stripped = line.strip()
    m = _SEED_HEADER.match(stripped)
    if m:
        when = parse_date(m.group("date"))
        if when is None:
            return None
        out: dict[str, object] = {"published": when}
        if m.group("author"):
            out["author"] = m.group("author").strip()
        return out
    m = _DATE_HEADER.match(stripped)
    if m:
        when = parse_date(m.group("date"))
        return {"published": when} if when else None
    m = _FIELD_HEADER.match(stripped)
    if m:
        return {_FIELD_NAMES[m.group("key").lower()]: m.group("value").strip()}
    m = _BY_HEADER.match(stripped)
    if m and len(m.group("author").split()) <= 8:
        return {"author": m.group("author").strip()}
    return None


def split_header(text: str) -> Header:
    """Separate header lines and a title line from the body of a plain-text article."""
    lines = text.split("\n")
    fields: dict[str, object] = {}
    i = 0
    taken = 0
    while i < len(lines) and taken < _MAX_HEADER_LINES:
        if not lines[i].strip():
            i += 1
            continue
        got = _header_fields(lines[i])
        if got is None:
            break
        for key, value in got.items():
            fields.setdefault(key, value)
        taken += 1
        i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    if "title" not in fields and _looks_like_title(lines, i):
        fields["title"] = " ".join(lines[i].split())
        i += 1
    return Header(fields=fields, body="\n".join(lines[i:]))


def _looks_like_title(lines: list[str], i: int) -> bool:
    """A short first line without a final period, then a blank line, then more text."""
    if i + 2 >= len(lines) or lines[i + 1].strip():
        return False
    line = lines[i].strip()
    if not line or len(line) > 200 or len(line.split()) > 30:
        return False
    if line[-1] in ".,;:" or line.endswith((".”", '."', ".’")):
        return False
    return any(rest.strip() for rest in lines[i + 2 :])


def parse_txt(text: str, source: str, article_id: str, clean: bool = True) -> Article:
    """Read one plain-text article (header lines, title, body) into an :class:`Article`."""
    header = split_header(text)
    cleaned = clean_text(header.body) if clean else None
    body = cleaned.text if cleaned else scrub(header.body).strip()
    if not body:
        raise InputError(source, "no article text (only header lines)")
    f = header.fields
    return Article(
        id=article_id,
        text=body,
        title=_str(f.get("title")),
        outlet=_str(f.get("outlet")),
        url=_str(f.get("url")),
        author=_str(f.get("author")),
        published=f.get("published") if isinstance(f.get("published"), date) else None,  # type: ignore[arg-type]
        language=_str(f.get("language")),
        origin=source,
        removed=cleaned.removed if cleaned else (),
        credits=cleaned.credits if cleaned else (),
        repairs=cleaned.repairs if cleaned else (),
    )


def _str(value: object) -> str | None:
    return clean_meta(value)
