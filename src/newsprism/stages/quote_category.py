"""What an attribution is — speech, belief, plan, perception or act — read from its cue's class and
its content's shape, after the quote stage has found it.

The learned model finds what PolNeAR calls attributions: beliefs ("police believe ..."), plans ("Apple
plans to ..."), perceptions ("Kim appeared to ...") as well as sayings, and deeds with a thing or a
person for content ("passers by tackled him", "police have shown video", "the ad features images of
..."). The stage keeps them all (the eval scores them, the JSON carries them); the listings show the
sayings (:data:`SPEECH`) by default and count the rest, so each quote says which it is
(``Quote.category``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..model import Quote
from .quote_lexicon import CUE_CLASSES

__all__ = ["CATEGORIES", "SPEECH", "category_of", "class_category", "content_shape", "with_categories"]

SPEECH = "speech"
# In the order the listings count them.
CATEGORIES: tuple[str, ...] = (SPEECH, "belief", "plan", "perception", "act")

# The category of each non-speech cue class (:data:`~newsprism.stages.quote_lexicon.NON_SPEECH_CLASSES`);
# "other" (a cue in neither lexicon: "tackled", "features", "offered") is an act.
_OF_CLASS: dict[str, str] = {
    "think": "belief", "doubt": "belief", "intend": "plan", "perceive": "perception", "seem": "perception",
    "other": "act",
}
# Speech cues that name a deed when their object is a thing: "police have shown video", "showed
# promise", "posted a picture", "released the video", "announced two strikes", "citing witnesses".
# The announce class is that of making things known; a thing made known is no one's words. Not the
# verbs whose object is whom the act is about ("accused Soleimani of ...", "denied the allegations",
# "called the incident a failure"): those are said.
_DEED_VERBS: frozenset[str] = frozenset(
    {lemma for lemma, cls in CUE_CLASSES.items() if cls == "announce"}
    | {"post", "tweet", "write", "put", "address", "advance", "point", "rip", "hammer", "attack", "celebrate",
       "boast", "grant", "press", "counter", "notice", "observe"}
)
# Speech cues that name a deed when their content is a verb of that form: "Comcast refused | to reverse
# the error", "declined | to walk away" (a refusal to do, not words); "he is shown | dousing himself".
_DEED_FORMS: frozenset[tuple[str, str]] = frozenset(
    {("refuse", "infinitive"), ("decline", "infinitive"), ("show", "gerund")}
)
# The head of a content that is a thing or a person, not a clause: "video", "him", "the Apple Watch",
# "this one", or a phrase hung on a preposition ("have shown video | of the attack to reporters").
_THING_POS: frozenset[str] = frozenset({"NOUN", "PROPN", "PRON", "NUM", "DET", "ADP"})


def content_shape(doc: Any, start: int, end: int) -> str | None:
    """The shape of the content ``doc.text[start:end]``: "pronoun" when it is one; "thing" when its head
    is a noun, a name, a pronoun, a number or a preposition (and it is not said to be something: "X as
    Y"); "infinitive" or "gerund" when its head is a verb of that form; "clause" otherwise; None with no
    parse to read."""
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if len(span) == 1 and root.pos_ == "PRON":
        return "pronoun"  # "I ask | you", "passers by tackled | him": no one's words
    if root.pos_ in _THING_POS:
        # "citing | the occupation of the region as their motive": a thing said to be something
        return "clause" if any(c.lower_ == "as" for c in root.children) else "thing"
    # "refused | to walk away", "is shown | dousing himself"
    return {"VB": "infinitive", "VBG": "gerund"}.get(root.tag_, "clause")


def class_category(cue_class: str | None) -> str:
    """The category a cue class gives when nothing is known of the content (a JSON document made
    before categories were, a quote of an older stage version)."""
    return _OF_CLASS.get(cue_class or "say", SPEECH)


def category_of(q: Quote, shape: str | None = None) -> str:
    """The category of ``q`` from its cue's class (its cue's lemma is ``q.cue.label``) and, when known,
    its content's ``shape`` (:func:`content_shape`)."""
    cls = q.cue_class or "say"
    lemma = q.cue.label if q.cue is not None else ""
    direct = q.label == "direct"
    if cls in _OF_CLASS:
        if cls == "other":
            # words in quotation marks under a verb of neither lexicon are still words: "the sign reads
            # '...'", "taunted '...'"; a quoted name is not ("dubbed the 'Beatles'")
            return SPEECH if direct and shape == "clause" else "act"
        return "act" if shape in ("thing", "pronoun") and not direct else _OF_CLASS[cls]
    if not direct and (shape == "pronoun" or shape == "thing" and lemma in _DEED_VERBS
                       or (lemma, shape) in _DEED_FORMS):
        return "act"
    return SPEECH


def with_categories(quotes: Sequence[Quote], doc: Any | None) -> list[Quote]:
    """``quotes`` with their category set, those that have none yet; ``doc`` is the parse their offsets
    point into (None: read from the cue alone). A quote read from another parse than the article's (a
    title-case headline's) has its category already."""
    return [q if q.category is not None
            else replace(q, category=category_of(q, content_shape(doc, q.start, q.end))) for q in quotes]
