"""Speaker entities: which resolved entity a quote's speaker is.

A quote's speaker is a mention of its article, looked up among the corpus's entities; the speaker
of a quote in an embedded post is a name in the post's text, whose offsets are not the article's,
so it is matched by name to the article's mentions. The export and ``quotes --speaker`` both read
this, so what a listing shows and what it filters on agree.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Analysis, Quote

__all__ = ["speaker_entity"]


def speaker_entity(
    article: Analysis, q: Quote, entity_of: Callable[[str, int, int], str | None]
) -> str | None:
    """The entity id of ``q``'s speaker: the one its mention in the article is, or for a quote of an
    embedded post the one the article names the same way (:func:`_named_in_article`)."""
    if q.speaker is None:
        return None
    if q.speaker_entity:
        return q.speaker_entity
    if q.embed is None:
        return entity_of(article.id, q.speaker.start, q.speaker.end)
    return _named_in_article(article, q.speaker.slice(q.source(article.article)), entity_of)


def _named_in_article(
    article: Analysis, name: str, entity_of: Callable[[str, int, int], str | None]
) -> str | None:
    """The entity of an embedded post's speaker: that of the article's first mention of the same
    name, else the one entity whose names in the article end with it ("Trump" in the post, "Donald
    Trump" in the article; none when "Ivanka Trump" is there too). The post's offsets are not the
    article's, so its spans cannot be looked up."""
    words = name.casefold().split()
    if not words:
        return None
    ending: set[str] = set()
    for m in article.mentions:
        if m.kind != "name":
            continue
        w = article.text[m.start : m.end].casefold().split()
        if w == words:
            return entity_of(article.id, m.start, m.end)
        if w[len(w) - len(words):] == words and (eid := entity_of(article.id, m.start, m.end)):
            ending.add(eid)
    return ending.pop() if len(ending) == 1 else None
