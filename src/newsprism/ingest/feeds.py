"""RSS and Atom feeds: one article per entry.

The text comes from the entry's content (else its summary) with HTML stripped;
the outlet from the feed title; the date from the entry's published (else
updated) date, which feedparser gives in UTC; the id from the entry id, else
its link, else ``NAME:N``. feedparser is only ever given bytes, so it never
opens a file or URL by itself.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import date
from typing import Any

from ..errors import InputError
from ..model import Article
from .clean import clean_meta, clean_text, scrub
from .html import html_to_text

__all__ = ["looks_like_feed", "parse_feed"]

_FEED_SNIFF = re.compile(r"<(?:rss|feed|rdf:RDF|channel)\b", re.IGNORECASE)


def looks_like_feed(text: str) -> bool:
    """True when the start of ``text`` holds an RSS, Atom or RDF root element."""
    return bool(_FEED_SNIFF.search(text[:4096]))


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or ():
        value = content.get("value") if isinstance(content, dict) else None
        if isinstance(value, str) and value.strip():
            return html_to_text(value)
    summary = entry.get("summary")
    if isinstance(summary, str) and summary.strip():
        return html_to_text(summary)
    return ""


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except (AttributeError, ValueError):
                continue
    return None


def _text_field(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return clean_meta(html_to_text(value) if "<" in value else value)


def parse_feed(data: bytes, source: str, name: str, clean: bool = True) -> Iterator[Article | InputError]:
    """Articles from an RSS or Atom document given as bytes."""
    import feedparser

    try:
        with warnings.catch_warnings():
            # feedparser warns about its own deprecated keys; they are not the user's problem.
            warnings.simplefilter("ignore")
            parsed = feedparser.parse(data)
    except Exception as exc:  # noqa: BLE001 - feedparser's parsers raise many types on bad XML
        yield InputError(source, f"not a readable RSS/Atom feed ({type(exc).__name__})")
        return
    entries = parsed.get("entries") or []
    version = parsed.get("version") or ""
    if not entries:
        if parsed.get("bozo") and not version:
            problem = str(parsed.get("bozo_exception") or "unreadable").strip().split("\n")[0][:120]
            yield InputError(source, f"not an RSS/Atom feed ({problem})")
        else:
            yield InputError(source, "feed has no entries")
        return
    feed = parsed.get("feed") or {}
    outlet = _text_field(feed.get("title"))
    for n, entry in enumerate(entries, start=1):
        link = entry.get("link") if isinstance(entry.get("link"), str) else None
        entry_id = entry.get("id") if isinstance(entry.get("id"), str) and entry.get("id").strip() else None
        article_id = scrub(entry_id or link or "").strip() or f"{name}:{n}"
        raw = _entry_text(entry)
        cleaned = clean_text(raw) if clean and raw else None
        text = cleaned.text if cleaned else scrub(raw).strip()
        if not text:
            yield InputError(source, f"entry {n} ({article_id}): no text in content or summary")
            continue
        yield Article(
            id=article_id,
            text=text,
            title=_text_field(entry.get("title")),
            outlet=outlet,
            url=clean_meta(link),
            author=_text_field(entry.get("author")),
            published=_entry_date(entry),
            language=_text_field(feed.get("language")),
            origin=source,
            removed=cleaned.removed if cleaned else (),
            credits=cleaned.credits if cleaned else (),
            repairs=cleaned.repairs if cleaned else (),
        )
