"""JSON and JSON Lines: one article per object, validated with pydantic at this untrusted edge.

Fields: ``text`` (required, non-empty) and optional ``id``, ``title``, ``outlet``,
``url``, ``author``, ``published`` (a date in any form :func:`parse_date` reads),
``language``; other keys are ignored. The field names of the exports analysts already hold are
read too (:data:`FIELD_ALIASES`): Event Registry's ``body``, ``dateTimePub``, ``source.title`` and
``authors``, Media Cloud's ``publish_date`` and ``media_name``, NewsAPI's ``publishedAt`` and
``source.name``, schema.org's ``articleBody``, ``headline``, ``datePublished`` and ``publisher``'s name,
a plain ``date``. A bad object or line becomes one
:class:`InputError` naming the file and the line (JSONL) or item (JSON list);
the rest are still read. Ids default to ``NAME:LINE`` (JSONL), ``NAME:ITEM``
(JSON list) or ``NAME`` (a single JSON object).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..errors import InputError
from ..model import Article
from .clean import clean_meta, clean_text, scrub
from .txt import parse_date

__all__ = ["FIELD_ALIASES", "RECORD_KEYS", "ArticleRecord", "article_from_record", "canonical_fields",
           "looks_like_jsonl", "parse_json", "parse_jsonl"]

# Other names of each field, first found wins, read only when the field itself is absent. Dates go
# from the publication's own to the collector's: Event Registry's ``date``/``dateTime`` are when it
# found the article, ``dateTimePub`` when the outlet published it. NewsAPI's ``content`` is left
# out on purpose: it is the body cut at 200 characters.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("body", "articleBody", "story_text"),
    "id": ("uri",),
    "title": ("headline",),
    "outlet": ("media_name", "source", "publisher"),
    "author": ("authors",),
    "published": ("publish_date", "published_at", "publishedAt", "datePublished", "dateTimePub", "pubDate",
                  "date", "dateTime"),
    "language": ("lang",),
}
# what a record without text is told to hold: "'text', or 'body', 'articleBody' or 'story_text'"
_TEXT_FIELDS = "'text', or " + ", ".join(f"'{a}'" for a in FIELD_ALIASES["text"][:-1]) + \
    f" or '{FIELD_ALIASES['text'][-1]}'"
# every key a record's field is read from (a Parquet reader selects these columns)
RECORD_KEYS = frozenset({"url", *FIELD_ALIASES, *(a for names in FIELD_ALIASES.values() for a in names)})


def _a_name(value: Any) -> Any:
    """A name held as an object ({"title": "Reuters"}, {"name": "Jane Doe"}), a list of them or of
    strings ("authors"), or a plain string; anything else is left for validation to refuse."""
    if isinstance(value, dict):
        return next((value[k] for k in ("name", "title") if isinstance(value.get(k), str)), None)
    if isinstance(value, list):
        names = [n for n in (_a_name(v) for v in value) if isinstance(n, str) and n.strip()]
        return ", ".join(names) or None
    return value


def _blank(value: Any) -> bool:
    return value is None or value in ("", [], {}) or isinstance(value, str) and not value.strip()


def _fits(field: str, value: Any) -> bool:
    """Can ``value`` be ``field``? An alias is a guess at another tool's meaning, so one whose value
    would not validate ("date": "Unknown", "lang": ["en"], "source": {"uri": ...} with no name) is
    passed over for the next, never a reason to refuse the article."""
    if _blank(value):
        return False
    if field == "published":
        return isinstance(value, date) or isinstance(value, str) and parse_date(value) is not None
    if field == "id":
        return isinstance(value, str) or isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str)


def canonical_fields(obj: dict[str, Any]) -> dict[str, Any]:
    """``obj`` with each absent or blank field filled from its first alias that fits
    (:data:`FIELD_ALIASES`); a field's own value, when not blank, is kept as it is (and validated)."""
    out = dict(obj)
    for field, names in FIELD_ALIASES.items():
        if not _blank(out.get(field)):
            continue
        for alias in names:
            value = _a_name(obj.get(alias)) if field in ("outlet", "author") else obj.get(alias)
            if _fits(field, value):
                out[field] = value
                break
    for field in ("outlet", "author"):
        if isinstance(out.get(field), dict | list):
            out[field] = _a_name(out[field])
    return out


class ArticleRecord(BaseModel):
    """One article as it arrives in JSON."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    text: str = Field(min_length=1)
    id: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _aliases(cls, value: Any) -> Any:
        return canonical_fields(value) if isinstance(value, dict) else value

    @field_validator("id", mode="before")
    @classmethod
    def _id_to_str(cls, value: Any) -> Any:
        # Integer ids are common in exports; booleans are not ids.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value

    @field_validator("published", mode="before")
    @classmethod
    def _read_date(cls, value: Any) -> Any:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, str):
            parsed = parse_date(value)
            if parsed is None:
                raise ValueError(f"cannot read date {value[:40]!r}; write it as YYYY-MM-DD")
            return parsed
        return value

    @field_validator("title", "outlet", "url", "author", "language", "id", mode="after")
    @classmethod
    def _empty_is_none(cls, value: str | None) -> str | None:
        return value or None


def _reason(exc: ValidationError) -> str:
    """One line from pydantic's errors: "text: field required; published: ..."."""
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(x) for x in err.get("loc", ())) or "object"
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        if err.get("type") == "missing":
            msg = f"missing (every article needs a non-empty {_TEXT_FIELDS})" if where == "text" \
                else "missing"
        parts.append(f"{where}: {msg}")
    return "; ".join(parts)


def _to_article(
    obj: Any, source: str, default_id: str, clean: bool, line: int | None, item: str = ""
) -> Article:
    if not isinstance(obj, dict):
        raise InputError(source, f"{item}expected a JSON object, got {type(obj).__name__}", line=line)
    try:
        rec = ArticleRecord.model_validate(obj)
    except ValidationError as exc:
        raise InputError(source, item + _reason(exc), line=line) from None
    return article_from_record(rec, source, default_id, clean, line, item)


def article_from_record(
    rec: ArticleRecord,
    source: str,
    default_id: str,
    clean: bool = True,
    line: int | None = None,
    item: str = "",
) -> Article:
    """The Article for a validated record: text cleaned (or scrubbed), metadata scrubbed to one line each.

    Raises :class:`InputError` (``item`` prefixes its reason) when no text is left. Shared by
    every reader of records (JSON, JSON Lines, Parquet rows).
    """
    cleaned = clean_text(rec.text) if clean else None
    text = cleaned.text if cleaned else scrub(rec.text).strip()
    if not text:
        raise InputError(source, f"{item}text is empty after cleaning", line=line)
    return Article(
        id=(scrub(rec.id).strip() if rec.id else "") or default_id,
        text=text,
        title=clean_meta(rec.title),
        outlet=clean_meta(rec.outlet),
        url=clean_meta(rec.url),
        author=clean_meta(rec.author),
        published=rec.published,
        language=clean_meta(rec.language),
        origin=source,
        removed=cleaned.removed if cleaned else (),
        credits=cleaned.credits if cleaned else (),
        repairs=cleaned.repairs if cleaned else (),
    )


def _unreadable(exc: ValueError) -> str:
    if "integer string conversion" in str(exc):
        return "JSON holds a number too long to read (more than 4,300 digits)"
    return f"unreadable JSON ({str(exc).splitlines()[0][:120]})"


def looks_like_jsonl(text: str) -> bool:
    """True when at least two non-blank lines each start with ``{``: JSON Lines, not one document."""
    lines = [ln for ln in text.split("\n", 50)[:50] if ln.strip()]
    return len(lines) >= 2 and all(ln.lstrip().startswith("{") for ln in lines[:2])


def parse_json(text: str, source: str, name: str, clean: bool = True) -> Iterator[Article | InputError]:
    """Articles from a JSON document: one object, or a list of objects."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if looks_like_jsonl(text):
            yield from parse_jsonl(text, source, name, clean)
            return
        yield InputError(
            source, f"malformed or truncated JSON ({exc.msg}; line {exc.lineno}, column {exc.colno})"
        )
        return
    except RecursionError:
        yield InputError(source, "JSON nested too deeply")
        return
    except ValueError as exc:  # not a syntax error: a number Python refuses to read
        yield InputError(source, _unreadable(exc))
        return
    if isinstance(data, dict):
        try:
            yield _to_article(data, source, name, clean, None)
        except InputError as err:
            yield err
        return
    if not isinstance(data, list):
        yield InputError(source, f"expected a JSON object or a list of objects, got {type(data).__name__}")
        return
    if not data:
        yield InputError(source, "empty JSON list: no articles")
        return
    if not any(isinstance(obj, dict) for obj in data):
        kinds = sorted({type(obj).__name__ for obj in data})
        yield InputError(
            source, f"expected a JSON object or a list of objects, got a list of {'/'.join(kinds)}"
        )
        return
    for n, obj in enumerate(data, start=1):
        try:
            yield _to_article(obj, source, f"{name}:{n}", clean, None, item=f"item {n}: ")
        except InputError as err:
            yield err


def parse_jsonl(text: str, source: str, name: str, clean: bool = True) -> Iterator[Article | InputError]:
    """Articles from JSON Lines: one object per non-blank line."""
    found = False
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        found = True
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source, f"malformed JSON ({exc.msg}; column {exc.colno})", line=n)
            continue
        except RecursionError:
            yield InputError(source, "JSON nested too deeply", line=n)
            continue
        except ValueError as exc:
            yield InputError(source, _unreadable(exc), line=n)
            continue
        try:
            yield _to_article(obj, source, f"{name}:{n}", clean, n)
        except InputError as err:
            yield err
    if not found:
        yield InputError(source, "empty file")
