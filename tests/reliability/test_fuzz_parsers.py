"""Property tests: the readers never raise anything but InputError, and what they yield is well-formed."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import InputError
from newsprism.ingest import parse_bytes
from newsprism.ingest.clean import clean_text
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.feeds import parse_feed
from newsprism.ingest.html import html_to_text, parse_html
from newsprism.ingest.records import parse_json, parse_jsonl
from newsprism.ingest.txt import parse_date, parse_txt, split_header
from newsprism.model import Article

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text built from the pieces real articles and their damage are made of.
_PIECES = st.sampled_from(
    [
        " ", "\n", "\n\n", " date 2023-12-27 By Jake Smith", "By Jane Roe", "Published: Dec. 27, 2023",
        "Title: x", "Soleimaniin", "Soleimani", "accusedSoleimani", "Moussavia senior", "Moussavi",
        "(WANA/Reuters)", "(AP Photo/Evan Vucci)", "(With information from AFP and EFE)",
        "pic.twitter.com/Ab1",
        "— Someone (@some) February 29, 2020", "A post shared by", "“", "”", ".", "Iraqis", "iPhone",
        "\u00a0", "\u200b", "\t", "\r\n", "e\u0301", "<p>", "</p>", "<script>", "&amp;", "{", "}", "[", "]",
    ]
)  # fmt: skip
article_text = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=40).map("".join)


def _check_article(item: Article | InputError) -> None:
    if isinstance(item, InputError):
        assert str(item) and "\n" not in item.reason
        return
    assert isinstance(item, Article)
    assert isinstance(item.id, str) and item.id
    assert isinstance(item.text, str) and item.text.strip()
    for name in ("id", "text", "title", "outlet", "url", "author", "language", "origin"):
        value = getattr(item, name)
        assert value is None or (isinstance(value, str) and value), (name, value)
        # Found by bench/fuzz_parsers.py: NUL and lone surrogates used to reach titles and outlets.
        assert value is None or ("\x00" not in value and value.encode("utf-8")), (name, value)
    assert item.published is None or isinstance(item.published, date)
    for at, inserted in item.repairs:
        assert item.text[at : at + len(inserted)] == inserted
    for removed in item.removed:
        assert removed.offset is not None and 0 <= removed.offset <= len(item.text)


@FUZZ
@given(article_text)
def test_clean_text_invariants(raw):
    c = clean_text(raw)
    assert "\n\n\n" not in c.text
    assert all(line == line.strip() for line in c.text.split("\n"))
    for at, inserted in c.repairs:
        assert c.text[at : at + len(inserted)] == inserted
    # Undoing the repairs gives back the text before repair, so repairs only insert.
    undone = c.text
    for at, inserted in reversed(c.repairs):
        undone = undone[:at] + undone[at + len(inserted) :]
    assert len(undone) == len(c.text) - sum(len(s) for _, s in c.repairs)
    for removed in c.removed:
        assert 0 <= removed.offset <= len(c.text)


@FUZZ
@given(article_text)
def test_txt_reader(text):
    header = split_header(text)
    assert isinstance(header.body, str)
    try:
        _check_article(parse_txt(text, "fuzz.txt", "fuzz.txt"))
    except InputError as err:
        _check_article(err)


@FUZZ
@given(st.text(max_size=60))
def test_parse_date_never_raises(text):
    assert parse_date(text) is None or isinstance(parse_date(text), date)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
_records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(article_text, _json_values),
        "id": _json_values,
        "title": st.one_of(st.text(max_size=20), _json_values),
        "published": st.one_of(st.sampled_from(["2023-12-27", "Dec 27, 2023", "bad", ""]), _json_values),
        "outlet": st.text(max_size=10),
        "url": st.text(max_size=10),
    },
)


@FUZZ
@given(st.lists(st.one_of(_records, _json_values), max_size=5), st.booleans(), st.integers(0, 30))
def test_json_and_jsonl_readers(objects, as_list, cut):
    lines = [json.dumps(o) for o in objects]
    jsonl = "\n".join(line[: len(line) - cut] if cut and i == 0 else line for i, line in enumerate(lines))
    document = json.dumps(objects if as_list else (objects[0] if objects else {}))
    for item in parse_jsonl(jsonl, "fuzz.jsonl", "fuzz.jsonl"):
        _check_article(item)
    for item in parse_json(document[: len(document) - cut], "fuzz.json", "fuzz.json"):
        _check_article(item)


@FUZZ
@given(st.lists(st.one_of(_records.map(json.dumps), st.text(max_size=30), st.just("")), max_size=8))
def test_jsonl_one_answer_per_non_blank_line(lines):
    text = "\n".join(lines)
    items = list(parse_jsonl(text, "fuzz.jsonl", "fuzz.jsonl"))
    numbers = [n for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if not numbers:
        [err] = items
        assert isinstance(err, InputError) and err.reason == "empty file"
        return
    assert len(items) == len(numbers)
    for n, item in zip(numbers, items):
        _check_article(item)
        if isinstance(item, InputError):
            assert item.line == n and str(item).startswith(f"fuzz.jsonl:{n}: ")


_TAGS = st.sampled_from(
    ["<html>", "</html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<article>", "<h1>", "</h1>", "<br>",
     "<script>", "</script>", "<meta property='og:site_name' content='", "'>", "<title>", "</title>", "<!--",
     "-->", "<![CDATA[", "]]>", "<", ">", "&nbsp;", "&#0;", "&#x110000;", "<img src='http://127.0.0.1:1/x'>"]
)  # fmt: skip
html_text = st.lists(st.one_of(_TAGS, article_text), max_size=30).map("".join)


@FUZZ
@given(html_text)
def test_html_reader(html):
    assert isinstance(html_to_text(html), str)
    try:
        _check_article(parse_html(html, "fuzz.html", "fuzz.html"))
    except InputError as err:
        _check_article(err)


_FEED_PARTS = st.sampled_from(
    ['<?xml version="1.0"?>', "<rss version='2.0'>", "</rss>", "<channel>", "</channel>", "<item>", "</item>",
     "<title>", "</title>", "<description>", "</description>", "<link>", "</link>", "<guid>", "</guid>",
     "<pubDate>", "Wed, 27 Dec 2023 10:00:00 GMT", "</pubDate>", "<feed xmlns='http://www.w3.org/2005/Atom'>",
     "</feed>", "<entry>", "</entry>", "<content type='html'>", "</content>", "&lt;p&gt;", "<!ENTITY x 'y'>",
     "<!DOCTYPE rss [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", "&e;"]
)  # fmt: skip
feed_bytes = st.one_of(
    st.lists(st.one_of(_FEED_PARTS, article_text), max_size=30).map(lambda parts: "".join(parts).encode()),
    st.binary(max_size=200),
)


@FUZZ
@given(feed_bytes)
def test_feed_reader(data):
    for item in parse_feed(data, "fuzz.rss", "fuzz.rss"):
        _check_article(item)
        if isinstance(item, Article):
            assert "root:" not in item.text  # external entities are never resolved


@FUZZ
@given(
    st.one_of(st.binary(max_size=300), feed_bytes, html_text.map(str.encode), article_text.map(str.encode))
)
def test_any_bytes_through_the_sniffer(data):
    try:
        text = decode_bytes(data, "fuzz")
        assert isinstance(text, str) and text.strip()
    except InputError as err:
        _check_article(err)
    for item in parse_bytes(data, "fuzz", "fuzz"):
        _check_article(item)
