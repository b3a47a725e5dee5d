"""Title-case headlines for the quote stage: whether the first line is written in title case, and its
sentence-case copy.

In a headline whose every word is capitalised ("Clinton Campaign Denies Report", "Trump Says Clinton
'Gets Away With Murder'") spaCy's small model tags the verbs PROPN, so neither the rules nor the learned
cue model see a cue there. The quote stage reads such a headline again through a parse of a copy in
which the line's capitals are lowered where they are the title's, not a name's (:func:`sentence_case`); the
copy has the line's length, so every offset found in it points into the article's text.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["TITLE_MAX_WORDS", "headline", "sentence_case"]

TITLE_MAX_WORDS = 40
_TITLE_MIN_WORDS = 3
# The words a title-case line writes small ("Obama on Climate Change", "Clinton Plan for Taxes Is
# Expansive but Complex"); every other word of the line is capitalised.
_SMALL = frozenset({"a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "in", "on", "at", "to",
                    "for", "by", "with", "as", "from", "into", "onto", "over", "up", "off", "out", "per",
                    "via", "vs", "than", "if", "is", "this", "that", "its"})
# a word: its letters, so "Clinton’s" is "Clinton" and "s", "Clinton-Supporting" two words
_WORD_RX = re.compile(r"[^\W\d_]+")
# what a sentence's first word follows (its capital tells nothing of the word)
_OPENS_SENTENCE = re.compile(r"(?:^|[\n.!?:;\"“”‘'(—–-])\W*$")


def _capitalised(word: str) -> bool:
    return word[0].isupper()


def _shout(word: str) -> bool:
    return len(word) > 1 and word.isupper()


def _title_case(line: str) -> bool:
    """``line`` is written in title case: three to :data:`TITLE_MAX_WORDS` words, every one capitalised
    but the title's small words (:data:`_SMALL`), the first one too, and under half of them in capitals
    (a shout is no title)."""
    words = _WORD_RX.findall(line)
    if not _TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS or not _capitalised(words[0]):
        return False
    if any(not _capitalised(w) and w not in _SMALL and len(w) > 1 for w in words):
        return False  # one letter: "s" of "Clinton’s", "t" of "Don’t"
    return 2 * sum(map(_shout, words)) < len(words)


def headline(text: str) -> tuple[int, int] | None:
    """The offsets of the words of ``text``'s first line when it is a headline written in title case
    (:func:`_title_case`), else None. Only the first line: on PolNeAR train the title-case lines further
    down are section heads ("Declared 2016 Presidential Candidates"), links and video titles, whose acts
    the annotators did not mark, and a second reading of them added more wrong acts than right ones."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if start >= end or not _title_case(text[start:end]):
        return None
    return start, start + len(text[start:end].rstrip())


def _name_words(text: str, line: tuple[int, int]) -> set[str]:
    """The capitalised words the article writes as names: outside ``line``, more often capitalised
    inside a sentence than written small."""
    caps: Counter[str] = Counter()
    small: Counter[str] = Counter()
    for piece in (text[:line[0]], text[line[1]:]):
        for m in _WORD_RX.finditer(piece):
            w = m.group()
            if w[0].islower():
                small[w] += 1
            elif not _OPENS_SENTENCE.search(piece, max(0, m.start() - 4), m.start()):
                caps[w] += 1
    return {w for w, n in caps.items() if n >= small[w.lower()]}


def sentence_case(text: str, line: tuple[int, int]) -> str:
    """``text[line[0]:line[1]]`` (a :func:`headline`) with its words written as a sentence writes them:
    a capitalised word is lowered unless it is the line's first, is in capitals ("FBI", "U.S.", "I"),
    holds a capital further in ("McCain"), or is one the article writes as a name elsewhere
    (:func:`_name_words`). The copy has the line's length (a word whose small form is not as long is
    left as it is)."""
    names = _name_words(text, line)
    chars = list(text[line[0]:line[1]])
    for k, m in enumerate(_WORD_RX.finditer(text, line[0], line[1])):
        w = m.group()
        if k == 0 or w in names or (w != "A" if len(w) == 1 else not (w[0].isupper() and w[1:].islower())):
            continue
        low = w.lower()
        if len(low) == len(w):
            chars[m.start() - line[0]:m.end() - line[0]] = low
    return "".join(chars)
