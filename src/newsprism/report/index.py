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
from typing import Generic, TypeVar

__all__ = ["ArticleIndex", "StoryTimeline"]

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
