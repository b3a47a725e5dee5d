"""The data model: offsets validated, every stored type round-trips through JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.model import (
    Analysis,
    Article,
    Claim,
    Entity,
    EntityMention,
    Event,
    Mention,
    Quote,
    Removed,
    Span,
    Story,
    TimeExpr,
    TimelineEntry,
    content_hash,
    from_dict,
    to_dict,
)


def roundtrip(obj):
    return from_dict(json.loads(json.dumps(to_dict(obj))))


def test_span_rejects_bad_offsets():
    with pytest.raises(ValueError):
        Span(start=5, end=2, label="x")
    with pytest.raises(ValueError):
        Span(start=-1, end=2, label="x")


def test_content_hash_ignores_whitespace_layout():
    assert content_hash("a  b\n\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_full_analysis_roundtrips():
    text = "Hamas said: “We deny it.” He spoke on Monday."
    art = Article(
        id="a1",
        text=text,
        title="T",
        outlet="Outlet",
        published=date(2023, 12, 27),
        published_inferred=True,
        removed=(Removed(kind="caption", text="Photo (Reuters)", offset=3),),
        credits=("AFP",),
        repairs=((10, " "),),
    )
    speaker = Mention(start=0, end=5, label="ORG", stage="mentions.v1", key="hamas")
    q = Quote(
        start=13, end=23, label="direct", stage="quotes.v1", confidence=0.9,
        speaker=speaker, cue=Span(start=6, end=10, label="say"), cue_class="say",
        via=(Span(start=0, end=5, label="Maan"),),
    )
    c = Claim(start=13, end=23, label="denies", article="a1", holder=speaker, holder_name="Hamas",
              proposition="it", group="g-1")
    t = TimeExpr(start=38, end=44, label="DATE", value="2023-12-25", precision="day", anchored=True)
    ev = Event(start=26, end=31, label="statement", time=t, date="2023-12-25", precision="day",
               participants=(speaker,))
    a = Analysis(article=art, sentences=(Span(start=0, end=25, label="sentence"),), mentions=(speaker,),
                 quotes=(q,), claims=(c,), times=(t,), events=(ev,), stages=("parse.v1",), parse=object())
    back = roundtrip(a)
    assert back == a  # parse is transient and not compared
    assert back.parse is None
    assert back.article.published == date(2023, 12, 27)
    assert isinstance(back.quotes[0].speaker, Mention)


def test_cross_article_types_roundtrip():
    e = Entity(id="e-1", name="Qasem Soleimani", type="PERSON", aliases=("Qassem Soleimani",),
               mentions=(EntityMention(article="a", start=1, end=4),))
    s = Story(id="s-1", title="t", articles=("a", "b"), copies=(("b", "a"),),
              comparison={"shared": [{"fact": "x", "mentions": [1, 2]}], "unique": {"a": []}})
    t = TimelineEntry(date="2020-01", precision="month", description="killed", entities=("e-1",),
                      mentions=(EntityMention(article="a", start=1, end=4),), conflicts=("x",))
    for obj in (e, s, t):
        assert roundtrip(obj) == obj
    assert roundtrip(s).comparison["shared"][0]["mentions"] == [1, 2]


@given(text=st.text(min_size=0, max_size=200), data=st.data())
def test_span_roundtrip_and_slicing(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    sp = Span(start=start, end=end, label="x", stage="s.v1", confidence=0.5)
    assert roundtrip(sp) == sp
    assert sp.slice(text) == text[start:end]
    art = Article(id="x", text=text)
    assert roundtrip(art) == art
