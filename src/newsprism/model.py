"""The data model: articles own their text; every annotation is a span into it.

Values are frozen dataclasses. Every stored type round-trips through
:func:`to_dict` / :func:`from_dict` (plain JSON-able dicts), which is what the
store and the exporters use.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar, TypeVar

__all__ = [
    "Analysis",
    "Article",
    "Claim",
    "Entity",
    "EntityMention",
    "Event",
    "Mention",
    "Quote",
    "Removed",
    "Span",
    "Story",
    "TimeExpr",
    "TimelineEntry",
    "content_hash",
    "from_dict",
    "to_dict",
]

T = TypeVar("T")


def content_hash(text: str) -> str:
    """Hash of an article's text, insensitive to whitespace and Unicode form."""
    norm = " ".join(unicodedata.normalize("NFKC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


# --------------------------------------------------------------------------- spans


@dataclass(frozen=True, kw_only=True)
class Span:
    """A labelled character span ``text[start:end]`` made by a named stage."""

    start: int
    end: int
    label: str
    stage: str = ""
    confidence: float = 1.0

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span offsets {self.start}..{self.end}")

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, kw_only=True)
class Mention(Span):
    """A mention of an actor/thing; ``label`` is its type (PERSON, ORG, GPE, EVENT, ...).

    ``kind`` is "name", "nominal" ("the spokesman") or "pronoun".
    ``key`` is the normalised surface form used for matching (damage repaired,
    titles stripped); empty when not computed.
    """

    kind: str = "name"
    key: str = ""


@dataclass(frozen=True, kw_only=True)
class Quote(Span):
    """A quotation (``label`` "direct" or "indirect"); the span is the quoted content.

    ``speaker`` points at the speaker's mention in the article; ``speaker_entity`` is for a
    producer that knows the speaker's entity id (the shipped stages leave it None: exports and
    ``quotes --speaker`` resolve the speaker's mention through the corpus's entities, see
    :func:`newsprism.resolve.speakers.speaker_entity`). ``via`` spans name the relaying sources
    (label = source name) — "according to Iran International".

    ``embed`` is set for a quote inside an embedded post the article shows but keeps out of its
    text (``Article.removed[embed]``, a tweet quoting Trump): then every span of the quote —
    content, speaker, cue, via — points into that post's text, not the article's (:meth:`source`).

    ``category`` says what the attribution is: "speech", "belief", "plan", "perception" or "act"
    (:mod:`newsprism.stages.quote_category`); None when an older stage version made the quote.
    """

    speaker: Span | None = None
    speaker_role: str | None = None
    cue: Span | None = None
    cue_class: str | None = None
    category: str | None = None
    via: tuple[Span, ...] = ()
    speaker_entity: str | None = None
    embed: int | None = None

    def source(self, article: Article) -> str:
        """The text this quote's spans point into: the article's, or that of its embedded post."""
        return article.text if self.embed is None else article.removed[self.embed].text


@dataclass(frozen=True, kw_only=True)
class Claim(Span):
    """A proposition with a holder and a stance; the span is the evidence.

    ``label`` is the stance: "asserts", "denies", "discusses".
    ``holder`` is the holder's span in the article (None when the outlet itself
    speaks: then ``holder_name`` is the outlet).
    ``proposition`` is a normalised statement of what is claimed (derived text).
    ``group`` is shared by claims across articles about the same proposition.
    """

    article: str = ""  # the article the evidence span points into
    holder: Span | None = None
    holder_name: str | None = None
    holder_entity: str | None = None
    proposition: str = ""
    quote: int | None = None
    group: str | None = None


@dataclass(frozen=True, kw_only=True)
class TimeExpr(Span):
    """A temporal expression (``label`` DATE/TIME/DURATION/SET) resolved against the article date.

    ``value`` is ISO (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) or None when vague;
    ``precision`` is "day", "month", "year", "week", "vague".
    """

    value: str | None = None
    precision: str = "vague"
    anchored: bool = False


@dataclass(frozen=True, kw_only=True)
class Event(Span):
    """A happening (``label`` its class: killing, attack, statement, ...) anchored to a date.

    The span is the trigger; ``sentence`` the sentence holding it; ``time`` the
    time expression that dates it; ``participants`` the mentions taking part.
    """

    sentence: Span | None = None
    time: TimeExpr | None = None
    date: str | None = None
    precision: str = "vague"
    participants: tuple[Span, ...] = ()
    description: str = ""


# --------------------------------------------------------------------------- article


@dataclass(frozen=True, kw_only=True)
class Removed:
    """A piece of the raw input kept out of the article text (caption, credit, embed)."""

    kind: str  # "caption", "credit", "embed", "repeated", "credit-line"
    text: str
    offset: int | None = None  # where it stood in the cleaned text (insertion point)


@dataclass(frozen=True, kw_only=True)
class Article:
    """One news article. Owns its text; all offsets elsewhere point into ``text``."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: date | None = None
    published_inferred: bool = False
    language: str | None = None
    origin: str | None = None  # file path or feed URL it came from
    removed: tuple[Removed, ...] = ()
    credits: tuple[str, ...] = ()  # sources named in credit lines ("Europa Press", "AFP")
    repairs: tuple[tuple[int, str], ...] = ()  # (offset, what was inserted) when glued words were split

    @property
    def hash(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True, kw_only=True)
class Analysis:
    """An article with the annotations of the per-article stages that ran on it.

    ``parse`` holds the transient spaCy ``Doc`` between stages; it is never stored.
    """

    article: Article
    sentences: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    stages: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    parse: Any = field(default=None, compare=False, repr=False)

    TRANSIENT: ClassVar[frozenset[str]] = frozenset({"parse"})

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text


# --------------------------------------------------------------------------- cross-article results


@dataclass(frozen=True, kw_only=True)
class EntityMention:
    article: str
    start: int
    end: int
    label: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, kw_only=True)
class Entity:
    """One real actor across articles, with every spelling merged."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[EntityMention, ...] = ()
    confidence: float = 1.0
    stage: str = ""


@dataclass(frozen=True, kw_only=True)
class Story:
    """Articles reporting the same event. ``comparison`` is filled by the compare stage."""

    id: str
    title: str
    articles: tuple[str, ...]
    copies: tuple[tuple[str, str], ...] = ()  # (copy article, original article)
    comparison: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0
    stage: str = ""


@dataclass(frozen=True, kw_only=True)
class TimelineEntry:
    date: str
    precision: str
    description: str
    entities: tuple[str, ...] = ()
    mentions: tuple[EntityMention, ...] = ()
    story: str | None = None
    conflicts: tuple[str, ...] = ()


# --------------------------------------------------------------------------- codec

_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Span,
        Mention,
        Quote,
        Claim,
        TimeExpr,
        Event,
        Removed,
        Article,
        Analysis,
        EntityMention,
        Entity,
        Story,
        TimelineEntry,
    )
}


@functools.cache
def _stored_fields(cls: type) -> tuple[str, ...]:
    """A dataclass's field names without its TRANSIENT ones (looked up once per class: loading and
    saving a corpus walks millions of values)."""
    transient: frozenset[str] = getattr(cls, "TRANSIENT", frozenset())
    return tuple(f.name for f in dataclasses.fields(cls) if f.name not in transient)


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


_AS_IS: frozenset[type] = frozenset({str, int, float, bool, type(None)})
_DATACLASS_FIELDS: dict[type, tuple[str, ...]] = {}


def to_dict(obj: Any) -> Any:
    """Turn a model value into JSON-able data, tagging dataclasses with ``_type``.

    The value's type is looked at first: an analysis is thousands of strings and numbers in
    tuples of spans, and asking each whether it is a dataclass, a date, a sequence or a
    mapping made encoding one article cost about 1.1 ms instead of 0.35-0.7 ms.
    """
    t = type(obj)
    if t in _AS_IS:
        return obj
    if t is tuple or t is list:
        return [to_dict(x) for x in obj]
    names = _DATACLASS_FIELDS.get(t)
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _DATACLASS_FIELDS[t] = _stored_fields(type(obj))
    if names is not None:
        out: dict[str, Any] = {"_type": t.__name__}
        for name in names:
            out[name] = to_dict(getattr(obj, name))
        return out
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


def from_dict(data: Any) -> Any:
    """Inverse of :func:`to_dict`."""
    if isinstance(data, list):
        return tuple(from_dict(x) for x in data)
    if not isinstance(data, dict):
        return data
    tname = data.get("_type")
    if tname is None:
        return {k: from_dict(v) for k, v in data.items()}
    cls = _TYPES[tname]
    kwargs: dict[str, Any] = {}
    names = _field_names(cls)
    for k, v in data.items():
        if k == "_type" or k not in names:
            continue
        val = from_dict(v)
        if k == "published" and isinstance(val, str):
            val = date.fromisoformat(val)
        if k == "comparison" and isinstance(val, dict):
            val = _untuple(val)
        if k == "repairs":
            val = tuple(tuple(x) for x in val)
        kwargs[k] = val
    return cls(**kwargs)


def _untuple(obj: Any) -> Any:
    """Free-form dict payloads (comparison) keep lists as lists."""
    if isinstance(obj, tuple):
        return [_untuple(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _untuple(v) for k, v in obj.items()}
    return obj
