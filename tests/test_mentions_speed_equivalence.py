"""The mention stage's per-article caches (glued_split answers per word, see mentions._Cuts) keep
each article's answers to itself: a word is cut where the article knows the name in it, and the
same word in another article that does not is left whole, whatever order they come in."""

from __future__ import annotations

from newsprism.resolve.names import fold, glued_split
from newsprism.stages.mentions import _Cuts, _known_tokens, _KnownView, _Tokens, find_mentions

KNOWS = ("Soleimani arrived on Monday. The general Soleimani met officials, and aides of Soleimaniin turn"
         " praised him.")
LACKS = "Aides of Soleimaniin turn praised him on Monday."


def _surfaces(nlp: object, text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_mentions(nlp(text), text)]  # type: ignore[operator]


def test_glued_word_is_cut_only_where_the_article_knows_the_name(nlp: object) -> None:
    first = _surfaces(nlp, KNOWS)
    lacks = _surfaces(nlp, LACKS)
    again = _surfaces(nlp, KNOWS)
    assert first == again == ["Soleimani", "Soleimani", "Soleimani"]  # "Soleimaniin" cut back to the name
    assert lacks == ["Soleimaniin"]  # no "Soleimani" alone here: left as it is
    assert _surfaces(nlp, LACKS) == lacks


def test_cuts_are_glued_split_against_the_article(nlp: object) -> None:
    for text in (KNOWS, LACKS):
        doc = nlp(text)  # type: ignore[operator]
        known = _known_tokens(_Tokens(doc, text))
        cuts = _Cuts(known)
        for tok in doc:
            for _ in range(2):  # asked again: the kept answer
                want = glued_split(tok.text, _KnownView(known, fold(tok.text)))
                assert cuts(tok.text) == want
    assert _Cuts(_known_tokens(_Tokens(nlp(KNOWS), KNOWS)))("Soleimaniin") == (0, 9)  # type: ignore[operator]
    assert _Cuts(_known_tokens(_Tokens(nlp(LACKS), LACKS)))("Soleimaniin") is None  # type: ignore[operator]

