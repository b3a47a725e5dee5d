"""The rows of an export document that belong to a story, found through the articles they touch.

A report shows, for each story, the entities, quotes, claims and timeline entries of its
articles. Filtering every row of the document for every story grows with stories times
rows — with the square of the corpus, since both grow with it (the HTML report of 800
articles took 15 s that way). An index from article id to row positions, built once,
makes each story's lookup proportional to what it shows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

__all__ = ["ArticleIndex", "StoryTimeline", "story_entities"]

Row = TypeVar("Row")


class ArticleIndex(Generic[Row]):
    """``rows`` looked up by article id; every lookup keeps the rows' own order."""

    def __init__(self, rows: Sequence[Row], articles_of: Callable[[Row], Iterable[str]]):
        self.rows = rows
        self._positions: dict[str, list[int]] = defaultdict(list)
        for pos, row in enumerate(rows):
            for aid in dict.fromkeys(articles_of(row)):
                self._positions[aid].append(pos)

    def touching(self, articles: Iterable[str], also: Iterable[int] = ()) -> list[Row]:
        """The rows that touch any of ``articles``, plus the rows at positions ``also``, each once."""
        found = set(also)
        for aid in articles:
            found.update(self._positions.get(aid, ()))
        return [self.rows[p] for p in sorted(found)]


class StoryTimeline(Generic[Row]):
    """Timeline entries by story: a story's are those the timeline put in it and those told in
    any of its articles, in the timeline's order. One rule for the reports, the CLI and the web app.
    """

    def __init__(
        self,
        entries: Sequence[Row],
        story_of: Callable[[Row], str | None],
        articles_of: Callable[[Row], Iterable[str]],
    ):
        self.entries = entries
        self._told_in = ArticleIndex(entries, articles_of)
        self._in_story: dict[str, list[int]] = defaultdict(list)
        for pos, row in enumerate(entries):
            story = story_of(row)
            if story is not None:
                self._in_story[story].append(pos)

    def of(self, story: str, articles: Iterable[str]) -> list[Row]:
        """The entries of ``story``, whose articles are ``articles``."""
        return self._told_in.touching(articles, also=self._in_story.get(story, ()))


def story_entities(index: ArticleIndex[dict[str, Any]], members: Sequence[str]) -> list[dict[str, Any]]:
    """The entities of a story's articles ``members``, each with its mentions cut down to them, the most
    mentioned first (by name on a tie), with the aliases those mentions use. A report over the whole store
    holds every mention and alias of an entity; shown as they are, a story would show another story's
    ("Afghan Taliban, 64" in a story that names the Taliban once)."""
    keep = set(members)
    out = []
    for e in index.touching(members):
        mentions = [m for m in e["mentions"] if m["article"] in keep]
        # The names this story calls it by: an alias only another story's articles use is left out.
        said = [" ".join(m.get("text", "").split()).casefold() for m in mentions]
        aliases = [a for a in e["aliases"] if any(" ".join(a.split()).casefold() in t for t in said)]
        out.append({**e, "mentions": mentions, "aliases": aliases})
    return sorted(out, key=lambda e: (-len(e["mentions"]), e["name"]))
