"""Ingestion of every format on real-looking inputs, ids, directories, stdin and safe fetching."""

from __future__ import annotations

import http.server
import io
import json
import shutil
import sys
from datetime import date
from typing import ClassVar

import pytest

from conftest import EXAMPLES, SEED_000, SEED_004, loopback_server
from newsprism import ingest
from newsprism.errors import InputError
from newsprism.ingest import IngestOptions, check_url, count_inputs, parse_date, read_inputs
from newsprism.model import Article

LOCAL = IngestOptions(allow_private=True, timeout=5.0)


def _split(items):
    arts = [x for x in items if isinstance(x, Article)]
    errs = [x for x in items if isinstance(x, InputError)]
    assert len(arts) + len(errs) == len(items)
    return arts, errs


def _read(*paths, options=None):
    return _split(list(read_inputs([str(p) for p in paths], options or IngestOptions())))


# --------------------------------------------------------------------------- seeds


def test_seeds_from_the_examples_folder():
    arts, errs = _read(EXAMPLES)
    assert errs == []
    a000, a004 = arts
    assert a000.id == "000_75d8648a647aa147.txt"
    assert a000.published == date(2023, 12, 27) and a000.author == "Jake Smith"
    assert a000.title is None and a000.outlet is None
    assert a000.text.startswith("Iran is claiming the Oct. 7 Hamas attacks against Israel")
    assert a000.origin == str(SEED_000)
    assert [r.kind for r in a000.removed] == ["embed"]
    assert a004.id == "004_b0a8d3d4ea4ee59b.txt"
    assert a004.title == (
        "Iran’s regime said Hamas attacks against Israel were “revenge” for the death of General"
        " Qassem Soleimani"
    )
    assert a004.published is None and a004.author is None and a004.outlet is None
    assert a004.text.startswith("The Iranian Revolutionary Guard He stated this Wednesday")
    assert "Iran’s regime said" not in a004.text
    assert a004.credits == ("Europa Press", "AFP")
    assert sorted(r.kind for r in a004.removed) == ["caption", "caption", "credit-line", "repeated"]
    assert "Soleimani in a bombing" in a004.text and "Moussavi a senior" in a004.text
    assert count_inputs([str(EXAMPLES)]) == 2


def test_rereading_the_same_file_is_silent():
    arts, errs = _read(SEED_004, SEED_004)
    assert len(arts) == 1 and errs == []


# --------------------------------------------------------------------------- plain text


@pytest.mark.parametrize(
    "header, published, author",
    [
        ("Published: December 27, 2023\nBy Jane Roe", date(2023, 12, 27), "Jane Roe"),
        ("Date: 2023-12-27T08:30:00Z", date(2023, 12, 27), None),
        ("By: Jane Roe\nUpdated 27 Dec. 2023", date(2023, 12, 27), "Jane Roe"),
        ("date Wed, 27 Dec 2023 10:00:00 +0000 By Jane Roe", date(2023, 12, 27), "Jane Roe"),
        ("date someday By Jane Roe", None, None),
    ],
)
def test_txt_headers(tmp_path, header, published, author):
    body = "Officials said on Wednesday that the talks would resume.\n\nMore talks followed."
    (tmp_path / "a.txt").write_text(f"{header}\n\n{body}\n", encoding="utf-8")
    [a], errs = _read(tmp_path / "a.txt")
    assert errs == []
    if published is None:  # not a header the reader knows: a short line before a blank one is the title
        assert a.title == header and a.published is None and a.text == body
        return
    assert a.published == published and a.author == author
    assert a.text == body and a.title is None


def test_txt_title_and_explicit_outlet(tmp_path):
    (tmp_path / "b.text").write_text(
        "Source: Example Times\nURL: https://example.com/a\n\nTalks resume in Geneva\n\n"
        "Officials said on Wednesday that the talks would resume.\n",
        encoding="utf-8",
    )
    [a], _ = _read(tmp_path / "b.text")
    assert a.outlet == "Example Times" and a.url == "https://example.com/a"
    assert a.title == "Talks resume in Geneva"
    assert a.text == "Officials said on Wednesday that the talks would resume."


def test_txt_single_line_is_text_not_title(tmp_path):
    (tmp_path / "c.txt").write_text("Breaking: talks resume in Geneva\n", encoding="utf-8")
    [a], _ = _read(tmp_path / "c.txt")
    assert a.title is None and a.text == "Breaking: talks resume in Geneva"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2023-12-27", date(2023, 12, 27)),
        ("Dec. 27, 2023", date(2023, 12, 27)),
        ("Wednesday, December 27th, 2023", date(2023, 12, 27)),
        ("27 of December 2023", date(2023, 12, 27)),
        ("Wed, 27 Dec 2023 10:00:00 GMT", date(2023, 12, 27)),
        ("2023-02-30", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


# --------------------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html lang="en"><head><title>Talks resume | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Talks resume in Geneva">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2023-12-27T10:00:00Z">
<script>fetch("http://127.0.0.1:1/never");</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks resume in Geneva</h1>
<p>Officials from both countries said on Wednesday that the talks would resume next week in Geneva.</p>
<figure><img src="http://127.0.0.1:1/never.jpg"><figcaption>Delegates arrive (Reuters)</figcaption></figure>
<p>The foreign minister told reporters that "progress is possible" if both sides keep their word.</p>
<p>The previous round collapsed in March after a dispute over prisoner exchanges and sanctions.</p>
</article><footer>Copyright Example News</footer></body></html>"""


def test_html_page(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    [a], errs = _read(tmp_path / "page.html")
    assert errs == []
    assert a.id == "page.html"
    assert a.outlet == "Example News" and a.author == "Jane Roe"
    assert a.published == date(2023, 12, 27)
    assert a.title == "Talks resume in Geneva"
    assert a.text.startswith("Officials from both countries said on Wednesday")
    assert "\n\n" in a.text and "Home" not in a.text and "Copyright" not in a.text
    assert "Talks resume in Geneva" not in a.text


# --------------------------------------------------------------------------- JSON and JSON Lines


def test_jsonl_with_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "First article text.", "outlet": "Wire", "published": "2023-12-27"}),
        "{not json",
        json.dumps({"title": "No text here"}),
        "",
        json.dumps({"text": "Second article text.", "published": "December 28, 2023", "extra": [1, 2]}),
        json.dumps({"text": "Third.", "published": "someday"}),
        json.dumps(["a", "list"]),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    arts, errs = _read(tmp_path / "feed.jsonl")
    assert [a.id for a in arts] == ["a1", "feed.jsonl:5"]
    assert arts[0].outlet == "Wire" and arts[0].published == date(2023, 12, 27)
    assert arts[1].published == date(2023, 12, 28)
    assert [(e.line, e.source) for e in errs] == [(n, str(tmp_path / "feed.jsonl")) for n in (2, 3, 6, 7)]
    assert "malformed JSON" in errs[0].reason
    assert "text: missing" in errs[1].reason
    assert "cannot read date 'someday'" in errs[2].reason
    assert "expected a JSON object" in errs[3].reason
    assert str(errs[0]).startswith(f"{tmp_path / 'feed.jsonl'}:2: ")


def test_json_object_and_list(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": "Only one.", "id": 7}), encoding="utf-8")
    (tmp_path / "many.json").write_text(
        json.dumps([{"text": "First."}, {"text": ""}, {"text": "Third.", "title": "  Spaced   title "}]),
        encoding="utf-8",
    )
    arts, errs = _read(tmp_path / "many.json", tmp_path / "one.json")
    assert [a.id for a in arts] == ["many.json:1", "many.json:3", "7"]
    assert arts[1].title == "Spaced title"
    [err] = errs
    assert err.reason.startswith("item 2: text:")


def test_json_exports_of_news_tools_are_read(tmp_path):
    # the shapes Event Registry, Media Cloud, NewsAPI and schema.org's NewsArticle give an article in
    records = [
        {"uri": "8001", "url": "https://wire.example/a", "title": "Talks resume", "lang": "eng",
         "body": "Officials said on Wednesday that talks would resume.", "date": "2023-12-28",
         "dateTimePub": "2023-12-27T22:10:00Z", "source": {"uri": "wire.example", "title": "Example Wire"},
         "authors": [{"name": "Jane Roe", "type": "author"}, {"name": "John Poe"}]},
        {"id": 9002, "media_name": "The Daily Example", "publish_date": "2023-12-26 08:00:00",
         "title": "Iran says", "text": "Iran said the attacks were revenge."},
        {"source": {"id": None, "name": "Example Times"}, "author": "Ann Lee",
         "publishedAt": "2023-12-25T09:00:00Z", "title": "Hamas denies",
         "content": "Hamas denied the statement [+1200 chars]",
         "articleBody": "Hamas denied the statement on Wednesday."},
        {"@type": "NewsArticle", "headline": "Strike in Damascus", "datePublished": "2023-12-25",
         "articleBody": "An airstrike hit Damascus on Monday.", "publisher": {"@type": "Organization",
         "name": "Example Post"}, "author": {"@type": "Person", "name": "Sam Doe"}},
        # the field's own name wins over an alias
        {"text": "Own text.", "body": "Alias body.", "published": "2023-01-02", "date": "2020-05-05",
         "outlet": "Own Outlet", "source": {"title": "Alias Source"}},
    ]
    (tmp_path / "export.json").write_text(json.dumps(records), encoding="utf-8")
    arts, errs = _read(tmp_path / "export.json")
    assert errs == []
    er, mc, na, so, own = arts
    assert (er.id, er.outlet, er.author, er.published, er.language, er.title) == (
        "8001", "Example Wire", "Jane Roe, John Poe", date(2023, 12, 27), "eng", "Talks resume")
    assert er.text == "Officials said on Wednesday that talks would resume."
    assert (mc.id, mc.outlet, mc.published) == ("9002", "The Daily Example", date(2023, 12, 26))
    assert (na.outlet, na.author, na.published) == ("Example Times", "Ann Lee", date(2023, 12, 25))
    assert na.text == "Hamas denied the statement on Wednesday."  # not NewsAPI's cut 'content'
    assert (so.title, so.outlet, so.author, so.published) == (
        "Strike in Damascus", "Example Post", "Sam Doe", date(2023, 12, 25))
    assert (own.text, own.published, own.outlet) == ("Own text.", date(2023, 1, 2), "Own Outlet")


def test_an_alias_that_does_not_fit_is_passed_over_not_a_reason_to_refuse(tmp_path):
    # another tool's field names are guesses: a value that cannot be the field is skipped
    base = {"text": "Officials met on Monday."}
    odd = [{"date": "20131221104537"}, {"date": "Unknown"}, {"date": 1703671200}, {"source": 12},
           {"headline": {"main": "Talks"}}, {"lang": ["en"]}, {"authors": 2}, {"uri": 1.5}]
    (tmp_path / "odd.jsonl").write_text("".join(json.dumps(base | o) + "\n" for o in odd), encoding="utf-8")
    arts, errs = _read(tmp_path / "odd.jsonl")
    assert errs == [] and len(arts) == len(odd)
    assert all(a.published is None and a.outlet is None and a.title is None for a in arts)
    # the next alias is read when the first has no name: a source object without one
    record = {"text": "x y", "source": {"uri": "bbc.co.uk"}, "publisher": "BBC", "date": "Unknown",
              "dateTime": "2023-12-27T10:00:00Z"}
    (tmp_path / "next.json").write_text(json.dumps(record), encoding="utf-8")
    [a], [] = _read(tmp_path / "next.json")
    assert (a.outlet, a.published) == ("BBC", date(2023, 12, 27))
    # a blank field of its own gives way to an alias; a bad value of its own is still refused
    (tmp_path / "blank.json").write_text(json.dumps({"text": "  ", "body": "Real body."}), encoding="utf-8")
    [a], [] = _read(tmp_path / "blank.json")
    assert a.text == "Real body."
    (tmp_path / "own.json").write_text(json.dumps({"text": "x", "published": "Unknown"}), encoding="utf-8")
    [], [err] = _read(tmp_path / "own.json")
    assert "cannot read date 'Unknown'" in err.reason


def test_json_without_any_text_field_names_the_fields(tmp_path):
    record = {"url": "https://x.example", "seendate": "20231227T101500Z"}  # a GDELT list entry: no text
    (tmp_path / "gdelt.json").write_text(json.dumps(record), encoding="utf-8")
    arts, [err] = _read(tmp_path / "gdelt.json")
    assert arts == [] and "'text', or 'body', 'articleBody' or 'story_text'" in err.reason


def test_ndjson_extension_and_json_holding_lines(tmp_path):
    body = json.dumps({"text": "A."}) + "\n" + json.dumps({"text": "B."}) + "\n"
    (tmp_path / "x.ndjson").write_text(body, encoding="utf-8")
    (tmp_path / "y.json").write_text(body, encoding="utf-8")
    arts, errs = _read(tmp_path)
    assert errs == [] and [a.id for a in arts] == ["x.ndjson:1", "x.ndjson:2", "y.json:1", "y.json:2"]


# --------------------------------------------------------------------------- feeds

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example/</link>
<language>en</language>
<item><title>Talks resume</title><link>https://wire.example/1</link><guid>wire-1</guid>
<pubDate>Wed, 27 Dec 2023 23:30:00 -0500</pubDate><author>jane@wire.example (Jane Roe)</author>
<description>&lt;p&gt;Officials said talks resume.&lt;/p&gt;&lt;p&gt;More next week.&lt;/p&gt;
&lt;img src="http://127.0.0.1:1/x.png"&gt;</description></item>
<item><title>Empty one</title><link>https://wire.example/2</link></item>
<item><title>Third</title><link>https://wire.example/3</link><description>Plain summary text.</description></item>
</channel></rss>"""  # noqa: E501 (the feed as a wire sends it)

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title><id>urn:atom-news</id>
<updated>2023-12-27T10:00:00Z</updated>
<entry><title>Ceasefire holds</title><id>urn:atom-news:1</id><link href="https://atom.example/1"/>
<updated>2023-12-26T10:00:00Z</updated><published>2023-12-25T10:00:00Z</published>
<author><name>John Roe</name></author>
<content type="html">&lt;p&gt;The ceasefire held overnight, officials said.&lt;/p&gt;</content>
<summary>Short summary.</summary></entry>
</feed>"""


def test_rss_and_atom(tmp_path):
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "news.atom").write_text(ATOM, encoding="utf-8")
    arts, errs = _read(tmp_path / "wire.rss", tmp_path / "news.atom")
    assert [a.id for a in arts] == ["wire-1", "https://wire.example/3", "urn:atom-news:1"]
    r1, r3, atom = arts
    assert r1.outlet == "Example Wire" and r1.title == "Talks resume" and r1.url == "https://wire.example/1"
    assert r1.text == "Officials said talks resume.\n\nMore next week."
    assert r1.published == date(2023, 12, 28)  # 23:30 at -05:00 is the 28th in UTC
    assert r1.language == "en"
    assert r3.text == "Plain summary text." and r3.published is None
    assert atom.outlet == "Atom News" and atom.author == "John Roe"
    assert atom.published == date(2023, 12, 25)
    assert atom.text == "The ceasefire held overnight, officials said."
    [err] = errs
    assert "entry 2" in err.reason and "no text" in err.reason


def test_xml_that_is_not_a_feed(tmp_path):
    (tmp_path / "data.xml").write_text("<?xml version='1.0'?><config><a>1</a></config>", encoding="utf-8")
    arts, [err] = _read(tmp_path / "data.xml")
    assert arts == [] and err.source == str(tmp_path / "data.xml")


# --------------------------------------------------------------------------- directories, ids, stdin


def test_directory_walk_is_sorted_and_skips_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed text here.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Ay text here.", encoding="utf-8")
    (tmp_path / "c.TXT").write_text("Cee text here.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Hidden too.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not read.", encoding="utf-8")
    arts, errs = _read(tmp_path)
    assert errs == [] and [a.id for a in arts] == ["a.txt", "z.txt", "c.TXT"]
    assert count_inputs([str(tmp_path)]) == 3
    # A file named explicitly is read whatever its extension.
    [md], _ = _read(tmp_path / "notes.md")
    assert md.text == "Not read."


def test_duplicate_ids_keep_the_first(tmp_path):
    for sub, text in (("x", "First version."), ("y", "Second version."), ("z", "First version.")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "same.txt").write_text(text, encoding="utf-8")
    arts, errs = _read(tmp_path)
    assert [a.text for a in arts] == ["First version."]
    [err] = errs
    assert err.source == str(tmp_path / "y" / "same.txt")
    assert "duplicate id 'same.txt'" in err.reason and "kept the first" in err.reason


@pytest.mark.parametrize(
    "payload, expected",
    [
        (b'{"text": "From stdin JSON.", "id": "s1"}', ["s1"]),
        (b'{"text": "A."}\n{"text": "B."}\n', ["stdin:1", "stdin:2"]),
        (RSS.encode(), ["wire-1", "https://wire.example/3"]),
        (PAGE.encode(), ["stdin"]),
        (b"Title line\n\nPlain text from stdin.", ["stdin"]),
    ],
)
def test_stdin_is_sniffed(monkeypatch, payload, expected):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    arts = [x for x in read_inputs(["-"]) if isinstance(x, Article)]
    assert [a.id for a in arts] == expected
    assert count_inputs(["-"]) is None


def test_public_api():
    assert set(ingest.__all__) >= {"IngestOptions", "read_inputs", "count_inputs", "clean_text", "Cleaned"}
    for name in ingest.__all__:
        assert hasattr(ingest, name)


# --------------------------------------------------------------------------- fetching


@pytest.mark.parametrize(
    "url, reason",
    [
        ("ftp://example.com/feed.xml", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("http://127.0.0.1/", "loopback"),
        ("http://localhost:8080/x", "loopback"),
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.10/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
        ("http:///nohost", "no host"),
        ("http://[bad/", "bad URL"),
    ],
)
def test_url_policy_refuses(url, reason):
    with pytest.raises(InputError) as info:
        check_url(url)
    assert reason in str(info.value)
    assert str(info.value).startswith(url)


def test_url_policy_allows_private_when_asked():
    check_url("http://127.0.0.1:9/", allow_private=True)


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: ClassVar[dict[str, tuple[int, str, bytes]]] = {}

    def do_GET(self) -> None:
        status, ctype, body = self.pages.get(self.path, (404, "text/plain", b"missing"))
        self.send_response(status)
        if status in (301, 302):
            self.send_header("Location", body.decode())
            body = b""
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    with loopback_server(_Handler) as base:
        _Handler.pages = {
            "/page": (200, "text/html; charset=utf-8", PAGE.encode()),
            "/feed": (200, "application/rss+xml", RSS.encode()),
            "/moved": (302, "", b"/page"),
            "/loop": (302, "", b"/loop"),
            "/big": (200, "text/plain", b"word " * 5000),
        }
        yield base


def test_fetch_page_and_feed_from_local_server(server):
    arts, errs = _read(f"{server}/page", f"{server}/feed", f"{server}/moved", options=LOCAL)
    assert [e.reason for e in errs] == ["entry 2 (https://wire.example/2): no text in content or summary"]
    assert [a.id for a in arts] == [f"{server}/page", "wire-1", "https://wire.example/3", f"{server}/moved"]
    assert arts[0].url == f"{server}/page" and arts[0].outlet == "Example News"
    assert arts[0].text == arts[3].text


def test_fetch_refusals_from_local_server(server):
    small = IngestOptions(allow_private=True, timeout=5.0, max_bytes=10_000)
    arts, errs = _read(
        f"{server}/loop", f"{server}/page", f"{server}/nothing", f"{server}/big", options=small
    )
    assert [a.id for a in arts] == [f"{server}/page"]
    assert [e.source for e in errs] == [f"{server}/loop", f"{server}/nothing", f"{server}/big"]
    reasons = [e.reason for e in errs]
    assert reasons[0] == "more than 5 redirects"
    assert reasons[1].startswith("HTTP 404")
    assert "10,000-byte limit" in reasons[2]
    # Without allow_private the local server itself is refused before any request.
    _, [err] = _read(f"{server}/page")
    assert "loopback" in err.reason


def test_no_network_needed_for_seeds(tmp_path):
    shutil.copy(SEED_000, tmp_path / "seed.txt")
    [a], [] = _read(tmp_path / "seed.txt")
    assert a.id == "seed.txt"


def test_articles_round_trip_through_the_codec():
    from newsprism.model import from_dict, to_dict

    arts, _ = _read(EXAMPLES)
    for a in arts:
        assert from_dict(json.loads(json.dumps(to_dict(a)))) == a
