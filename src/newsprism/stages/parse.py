"""Parse: spaCy over the article text (batched), giving sentences and the transient parse."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Analysis, Span
from ..nlp import load_nlp
from ..pipeline import ArticleStage

__all__ = ["ParseStage", "parser_of"]

# The pipeline of each parse stage by its vocabulary: a Doc keeps its pipeline's vocab but not the
# pipeline, and a later stage parsing more text of the article (the quote stage's embedded posts)
# must read it with the model the run parsed the article with. Weak, so a dropped pipeline goes.
_PARSERS: weakref.WeakValueDictionary[int, Any] = weakref.WeakValueDictionary()


def parser_of(doc: Any) -> Any | None:
    """The pipeline of the parse stage that made ``doc``, or None when no parse stage did."""
    return _PARSERS.get(id(doc.vocab))


class ParseStage(ArticleStage):
    name = "parse"
    version = 1
    requires = ("article",)
    assigns = ("parse", "sentences")

    def __init__(self, nlp: Any | None = None, n_process: int = 1):
        self.nlp = nlp if nlp is not None else load_nlp()
        _PARSERS[id(self.nlp.vocab)] = self.nlp
        self.n_process = n_process

    def _finish(self, item: Analysis, doc: Any) -> Analysis:
        # A sentence's text is the article's text between its offsets (the doc keeps the text
        # as given); slicing it is cheaper than spaCy joining the sentence's tokens.
        text = item.text
        sents = tuple(
            Span(start=s.start_char, end=s.end_char, label="sentence", stage=self.tag)
            for s in doc.sents
            if text[s.start_char : s.end_char].strip()
        )
        return self.mark(item, parse=doc, sentences=sents)

    def __call__(self, item: Analysis) -> Analysis:
        return self._finish(item, self.nlp(item.text))

    def pipe(self, items: Iterable[Analysis], batch_size: int = 32) -> Iterator[Analysis]:
        items = list(items)
        docs = self.nlp.pipe((it.text for it in items), batch_size=batch_size, n_process=self.n_process)
        for item, doc in zip(items, docs):
            yield self._finish(item, doc)
