"""A long fuzz run over every input parser, with invariants; records what it tried and what broke.

Each target gets a time budget and is fed by hypothesis, three ways at once:
structured inputs built from the pieces real articles are made of (header lines,
tags, feed elements, JSON fields, glued words, credits), random text and bytes,
and random mutations (byte flips, inserts, deletes, splices, truncations) of
small well-formed seed documents in every format plus the two seed articles in
``examples/``.

Invariants, for every target:

- nothing is raised but :class:`newsprism.errors.InputError` (one line, a source);
- every Article has a non-empty id and a ``str`` text that is non-blank, holds no
  NUL or carriage return, encodes as UTF-8 (no lone surrogates) and is NFC;
  metadata is None or a non-empty ``str`` with the same properties, the date a date;
- every removed piece's offset and every repair lies inside the text (a repair's
  inserted string is found at its offset);
- the decoder returns such text or refuses with InputError;
- JSON Lines give one answer per non-blank line, in order, errors naming their
  line; a JSON list with objects gives one answer per item;
- reading the same bytes twice gives the same articles and errors.

A failing example is shrunk by hypothesis, recorded (type, message, the
falsifying example) and the run goes on with fresh seeds.

Usage: nice .venv/bin/python bench/fuzz_parsers.py [--seconds 300] [--out bench/results/fuzz.json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import hypothesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsprism.errors import InputError
from newsprism.ingest import parse_bytes
from newsprism.ingest.clean import clean_text
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.feeds import parse_feed
from newsprism.ingest.html import html_to_text, parse_html
from newsprism.ingest.records import parse_json, parse_jsonl
from newsprism.ingest.txt import parse_date, parse_txt, split_header
from newsprism.model import Article

# --------------------------------------------------------------------------- seed documents

_BODY = (
    "Officials said on Wednesday that the talks would resume next week in Geneva.\n\n"
    "“We will not stop,” said Ramzan Sharif, according to Tasnim.\n\n"
    "A man walks by (WANA/Reuters)\n\n(AP Photo/Jane Doe)\n\n"
    "Iran accusedSoleimani of nothing; Soleimaniin a bombing. Soleimani. Iran."
)
SEEDS: dict[str, bytes] = {
    "txt": (" date 2023-12-27 By Jake Smith\n\nTalks resume in Geneva\n\n" + _BODY).encode(),
    "json": json.dumps(
        {"id": "a-1", "text": _BODY, "title": "Talks", "published": "Dec. 27, 2023", "outlet": "Wire"}
    ).encode(),
    "json-list": json.dumps(
        [{"text": _BODY}, {"id": 7, "text": "Second one.", "published": "2023-12-27"}]
    ).encode(),
    "jsonl": "\n".join(
        json.dumps({"id": f"l-{i}", "text": f"Line {i}. " + _BODY, "published": "27 December 2023"})
        for i in range(3)
    ).encode(),
    "html": (
        "<!doctype html><html><head><title>Talks resume</title>"
        "<meta property='og:site_name' content='Example &amp; News'>"
        "<meta name='author' content='Jane Roe'><meta property='article:published_time' content='2023-12-27'>"
        "<script>var x = '<p>not text</p>';</script></head><body><article><h1>Talks resume</h1>"
        + "".join(f"<p>{p}</p>" for p in _BODY.split("\n\n"))
        + "<figure><img src='x.png'><figcaption>A caption (Reuters)</figcaption></figure>"
        "</article></body></html>"
    ).encode(),
    "rss": (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Wire &amp; Co</title>"
        "<language>en</language><item><title>One</title><link>https://wire.example/1</link>"
        "<guid>wire-1</guid><pubDate>Wed, 27 Dec 2023 10:00:00 GMT</pubDate>"
        "<description>&lt;p&gt;" + _BODY[:200] + "&lt;/p&gt;</description></item>"
        "<item><title>Two</title><link>https://wire.example/2</link>"
        "<description>Plain text.</description></item>"
        "</channel></rss>"
    ).encode(),
    "atom": (
        "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Atom News</title>"
        "<entry><id>urn:a:1</id><title type='html'>A &lt;b&gt;bold&lt;/b&gt; title</title>"
        "<updated>2023-12-27T10:00:00Z</updated><author><name>Jane Roe</name></author>"
        "<content type='html'>&lt;p&gt;" + _BODY[:300] + "&lt;/p&gt;</content></entry></feed>"
    ).encode(),
    "cp1252": "Le garçon était très content à Zürich. “Bonjour” – café €20.".encode("cp1252"),
    "utf16": "Unicode text with a BOM: Qassem Soleimani, “revenge”.".encode("utf-16"),
}
for _p in sorted((ROOT / "examples").glob("*.txt")):
    SEEDS[f"example:{_p.name}"] = _p.read_bytes()[:6000]

# --------------------------------------------------------------------------- strategies


def _encode(s: str) -> bytes:
    # surrogatepass: a lone surrogate piece becomes the invalid bytes a broken encoder writes.
    return s.encode("utf-8", "surrogatepass")


_PIECES = [
    " ", "\n", "\n\n", "\r\n", "\r", "\t", "\x0b", "\x0c", "\x85", "\u2028", "\u00a0", "\u200b", "\ufeff",
    " date 2023-12-27 By Jake Smith", "date: 31 Feb 2023", "By Jane Roe", "By:", "Published: Dec. 27, 2023",
    "Date: 2023-13-45", "Title: x", "Source: Wire", "URL: javascript:alert(1)", "Author:", "Language: en",
    "Soleimaniin", "accusedSoleimani", "ZionistsSharif", "Moussavia senior", "Soleimani", "Iran", "iPhone",
    "(WANA/Reuters)", "(AP Photo/Evan Vucci)", "(With information from AFP and EFE)",
    "contributed to this report", "pic.twitter.com/Ab1", "— Someone (@some) February 29, 2020",
    "A post shared by", "“", "”", "‘", "’", '"',
    ".", "e\u0301", "\u0130", "ß", "ﬁ", "\U0001f600", "\ud800", "\x00", "\x07", "\x1b[31m",
    "<p>", "</p>", "<br>", "<script>", "</script>", "<!--", "-->", "&amp;", "&#0;", "&#x110000;", "&#xd800;",
    "{", "}", "[", "]", ":", ",", '"text"', '"id"', "null", "true", "1e999", "-0", "\\u0000", "\\ud800",
    "{{ 7*7 }}", "{% raw %}", "=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)",
]  # fmt: skip
pieces = st.sampled_from(_PIECES)
text_soup = st.lists(st.one_of(pieces, st.text(max_size=16)), max_size=60).map("".join)

_TAGS = [
    "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<p>", "</p>", "<div>", "</div>",
    "<article>", "</article>", "<h1>", "</h1>", "<br/>", "<script>", "</script>", "<style>", "</style>",
    "<title>", "</title>", "<meta property='og:site_name' content='", "<meta name='author' content='",
    "<meta property='article:published_time' content='", "'>", "<!--", "-->", "<![CDATA[", "]]>", "<",
    ">", "</", "<table><tr><td>", "</td></tr></table>", "<figure>", "<figcaption>", "</figcaption>",
    "<img src='http://127.0.0.1:1/x' onerror='alert(1)'>", "<a href='javascript:alert(1)'>", "</a>",
    "<iframe src='file:///etc/passwd'>", "<svg><script>", "<base href='http://127.0.0.1/'>",
    "<!doctype html>",
    "<?xml version='1.0'?>", "<template>", "<noscript>", "&nbsp;", "&#0;", "&#x110000;", "&bogus;",
]  # fmt: skip
html_soup = st.lists(st.one_of(st.sampled_from(_TAGS), text_soup), max_size=40).map("".join)

_FEED_PARTS = [
    "<?xml version='1.0'?>", "<?xml version='1.0' encoding='iso-8859-1'?>", "<rss version='2.0'>", "</rss>",
    "<channel>", "</channel>", "<item>", "</item>", "<title>", "</title>", "<description>", "</description>",
    "<link>", "</link>", "<guid>", "</guid>", "<pubDate>", "</pubDate>", "Wed, 27 Dec 2023 10:00:00 GMT",
    "Mon, 99 Foo 0000 99:99:99 XYZ", "<feed xmlns='http://www.w3.org/2005/Atom'>", "</feed>", "<entry>",
    "</entry>", "<id>", "</id>", "<updated>", "</updated>", "2023-12-27T10:00:00Z", "<content type='html'>",
    "</content>", "<summary>", "</summary>", "<author><name>", "</name></author>", "&lt;p&gt;", "&lt;/p&gt;",
    "<![CDATA[<p>x</p>]]>", "<!DOCTYPE rss [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", "&e;",
    "<!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>", "&b;",
    "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns='http://purl.org/rss/1.0/'>",
    "</rdf:RDF>", "<language>", "</language>",
]  # fmt: skip
feed_soup = st.lists(st.one_of(st.sampled_from(_FEED_PARTS), text_soup), max_size=40).map(
    lambda parts: _encode("".join(parts))
)

_json_leaf = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | text_soup
)
json_values = st.recursive(
    _json_leaf,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=16,
)
_FIELD_VALUES = {
    "text": st.one_of(text_soup, json_values),
    "id": st.one_of(st.text(max_size=12), st.integers(), json_values),
    "title": st.one_of(text_soup, json_values),
    "published": st.one_of(
        st.sampled_from(
            ["2023-12-27", "Dec 27, 2023", "27 December 2023", "2023-02-30", "bad", "", "0000-00-00"]
        ),
        st.text(max_size=30),
        json_values,
    ),
    "outlet": st.one_of(text_soup, json_values),
    "url": st.one_of(st.sampled_from(["https://x.example/a", "javascript:alert(1)", ""]), json_values),
    "author": st.one_of(text_soup, json_values),
    "language": st.one_of(st.sampled_from(["en", "es", ""]), json_values),
}
records = st.fixed_dictionaries({}, optional=_FIELD_VALUES)


# Lines json.dumps never writes: odd numbers, duplicate keys, trailing data, escapes.
_RAW_JSON = [
    '{"text": "a", "id": 1' + "0" * 5000 + "}", '{"text": "a", "n": -' + "9" * 4400 + "}",
    '{"text": "a", "published": 1e400}', '{"text": "a", "published": 1703635200}',
    '{"text": "a", "published": true}',
    '{"text": "a", "text": "b"}', '{"text": "a"} trailing', '{"text": NaN}', '{"text": Infinity}', "[1, 2]",
    "null", '"text"', '{"text": "\\ud800 lone"}', '{"text": "\\u0000\\u0007 controls"}',
    '{"text": "a\\u2028b"}',
    '{"text": "' + "x" * 3000 + '"}', "{" * 3000, '{"text": "a",}', "\ufeff{\"text\": \"bom\"}",
    '{"text": "raw \u2028 line \u2029 separators \x85 NEL"}', '{"title": "a\u2028b", "text": "x"}',
]  # fmt: skip
raw_json = st.sampled_from(_RAW_JSON)


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, allow_nan=True)


@st.composite
def json_documents(draw: st.DrawFn) -> str:
    objs = draw(st.lists(st.one_of(records, json_values), max_size=5))
    doc = _dump(objs if draw(st.booleans()) else (objs[0] if objs else {}))
    cut = draw(st.integers(0, 20))
    return doc[: len(doc) - cut] if cut and draw(st.booleans()) else doc


@st.composite
def jsonl_documents(draw: st.DrawFn) -> str:
    objs = draw(st.lists(st.one_of(records, records, json_values), max_size=6))
    lines = [_dump(o) for o in objs] + draw(st.lists(raw_json, max_size=2))
    lines = draw(st.permutations(lines))
    for i in range(len(lines)):
        if draw(st.integers(0, 5)) == 0:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    sep = draw(st.sampled_from(["\n", "\r\n", "\n\n", "\n \n"]))
    return sep.join(lines)


@st.composite
def mutated(draw: st.DrawFn, names: Iterable[str] | None = None) -> bytes:
    """A seed document with a few random byte-level edits."""
    keys = sorted(names) if names is not None else sorted(SEEDS)
    data = bytearray(SEEDS[draw(st.sampled_from(keys))])
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "piece", "dup", "truncate", "splice"]))
        at = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            at = min(at, len(data) - 1)
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "piece":
            data[at:at] = draw(st.sampled_from(_PIECES + _TAGS + _FEED_PARTS)).encode(
                "utf-8", "surrogatepass"
            )
        elif op == "dup":
            n = draw(st.integers(1, 200))
            data[at:at] = data[at : at + n] * draw(st.integers(1, 4))
        elif op == "truncate":
            del data[at:]
        else:
            other = SEEDS[draw(st.sampled_from(sorted(SEEDS)))]
            cut = draw(st.integers(0, len(other)))
            data[at:] = other[cut:]
    return bytes(data)


def _as_text(b: bytes) -> str:
    return b.decode("utf-8", "replace")


# --------------------------------------------------------------------------- invariants


class InvariantBroken(AssertionError):
    """A parser produced something that breaks the contract."""


def _check_str(value: object, what: str, allow_empty: bool = False) -> None:
    if not isinstance(value, str):
        raise InvariantBroken(f"{what} is {type(value).__name__}, not str")
    if not allow_empty and not value.strip():
        raise InvariantBroken(f"{what} is blank: {value!r}")
    if "\x00" in value:
        raise InvariantBroken(f"{what} holds NUL: {value[:80]!r}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvariantBroken(f"{what} cannot be encoded as UTF-8 (lone surrogate): {value[:80]!r}") from None


def check_text(text: object, what: str = "text") -> None:
    _check_str(text, what)
    assert isinstance(text, str)
    if "\r" in text:
        raise InvariantBroken(f"{what} holds a carriage return")
    if not unicodedata.is_normalized("NFC", text):
        raise InvariantBroken(f"{what} is not NFC: {text[:80]!r}")


def check_error(err: InputError) -> None:
    if not isinstance(err, InputError):
        raise InvariantBroken(f"yielded {type(err).__name__}, not Article or InputError")
    if not err.source or "\n" in err.reason or not err.reason.strip():
        raise InvariantBroken(f"bad error message: {str(err)!r}")


def check_item(item: object) -> None:
    if isinstance(item, InputError):
        check_error(item)
        return
    if not isinstance(item, Article):
        raise InvariantBroken(f"yielded {type(item).__name__}, not Article or InputError")
    _check_str(item.id, "id")
    check_text(item.text)
    for name in ("title", "outlet", "url", "author", "language", "origin"):
        value = getattr(item, name)
        if value is not None:
            _check_str(value, name)
    if item.title is not None and "\n" in item.title:
        raise InvariantBroken(f"title spans lines: {item.title!r}")
    if item.published is not None and not isinstance(item.published, date):
        raise InvariantBroken(f"published is {type(item.published).__name__}")
    n = len(item.text)
    for at, inserted in item.repairs:
        if not (0 <= at <= n and item.text[at : at + len(inserted)] == inserted):
            raise InvariantBroken(f"repair {(at, inserted)!r} is not at its offset")
    for removed in item.removed:
        if removed.offset is None or not 0 <= removed.offset <= n:
            raise InvariantBroken(f"removed piece offset {removed.offset} outside 0..{n}")
        _check_str(removed.text, "removed text", allow_empty=True)


def _items(produced: Iterable[object]) -> int:
    count = 0
    for item in produced:
        check_item(item)
        count += 1
    return count


def _guard(call: Callable[[], object]) -> object:
    """Run ``call``; an InputError is a fine answer, any other exception breaks the contract."""
    try:
        return call()
    except InputError as err:
        check_error(err)
        return err


# --------------------------------------------------------------------------- targets


def t_decode(data: bytes) -> None:
    out = _guard(lambda: decode_bytes(data, "fuzz"))
    if isinstance(out, str):
        check_text(out)


def t_txt(text: str) -> None:
    header = split_header(text)
    if not text.endswith(header.body):  # header and title lines come off the front, nothing else changes
        raise InvariantBroken(f"header body is not the end of the text: {header.body[:80]!r}")
    for clean in (True, False):
        out = _guard(lambda clean=clean: parse_txt(text, "fuzz.txt", "fuzz.txt", clean=clean))
        check_item(out)


def t_clean(text: str) -> None:
    c = clean_text(text)
    _check_str(c.text, "cleaned text", allow_empty=True)
    for at, inserted in c.repairs:
        if c.text[at : at + len(inserted)] != inserted:
            raise InvariantBroken(f"repair {(at, inserted)!r} is not at its offset")
    for removed in c.removed:
        if not 0 <= (removed.offset or 0) <= len(c.text):
            raise InvariantBroken(f"removed offset {removed.offset} outside the text")


def t_date(text: str) -> None:
    out = parse_date(text)
    if out is not None and not isinstance(out, date):
        raise InvariantBroken(f"parse_date gave {out!r}")


def t_json(text: str) -> None:
    for clean in (True, False):
        items = list(parse_json(text, "fuzz.json", "fuzz.json", clean=clean))
        _items(items)
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError):
            continue
        # A list holding objects gives one answer per item, whatever each item holds.
        if isinstance(doc, list) and any(isinstance(o, dict) for o in doc) and len(items) != len(doc):
            raise InvariantBroken(f"{len(doc)} list items gave {len(items)} answers")


def t_jsonl(text: str) -> None:
    items = list(parse_jsonl(text, "fuzz.jsonl", "fuzz.jsonl"))
    _items(items)
    lines = [n for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if not lines:
        return
    # One answer per non-blank line, in order; an error names its own line.
    if len(items) != len(lines):
        raise InvariantBroken(f"{len(lines)} non-blank lines gave {len(items)} answers")
    for n, item in zip(lines, items):
        if isinstance(item, InputError) and item.line != n:
            raise InvariantBroken(f"the error for line {n} names line {item.line}: {item}")


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    """JSON Lines as a file holds them: raw non-ASCII (ensure_ascii=False), any line ending."""
    objs = draw(
        st.lists(st.one_of(records, st.fixed_dictionaries({"text": text_soup})), min_size=1, max_size=6)
    )
    lines = [json.dumps(o, ensure_ascii=False, allow_nan=True) for o in objs] + draw(
        st.lists(raw_json, max_size=2)
    )
    sep = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return _encode(sep.join(draw(st.permutations(lines))))


def t_jsonl_bytes(data: bytes) -> None:
    items = list(parse_bytes(data, "fuzz.jsonl", "fuzz.jsonl", "jsonl"))
    _items(items)
    if len(items) == 1 and isinstance(items[0], InputError) and items[0].line is None:
        return  # the file as a whole was refused (binary, empty): one answer
    text = _as_text(data).replace("\r\n", "\n").replace("\r", "\n")
    lines = [n for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    # A raw U+2028 or NEL inside a JSON string is not a line break: one answer per record line.
    if len(items) != len(lines):
        raise InvariantBroken(f"{len(lines)} non-blank lines gave {len(items)} answers")


def t_html(text: str) -> None:
    _check_str(html_to_text(text), "html_to_text", allow_empty=True)
    check_item(_guard(lambda: parse_html(text, "fuzz.html", "fuzz.html")))


def t_feed(data: bytes) -> None:
    for item in parse_feed(data, "fuzz.rss", "fuzz.rss"):
        check_item(item)
        if isinstance(item, Article) and "root:" in item.text:
            raise InvariantBroken("an external entity was resolved")


def t_sniff(data: bytes) -> None:
    for fmt in (None, "txt", "json", "jsonl", "html", "feed"):
        first = list(parse_bytes(data, "fuzz", "fuzz", fmt))
        _items(first)
        if fmt is None:
            again = list(parse_bytes(data, "fuzz", "fuzz", fmt))
            if [repr(x) for x in again] != [repr(x) for x in first]:  # reading twice must give the same
                raise InvariantBroken("two reads of the same bytes differ")


@dataclass
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    run: Callable[[Any], None]
    share: float  # of the time budget
    examples: int = 0
    seconds: float = 0.0
    batches: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)


def targets() -> list[Target]:
    return [
        Target("decoder", st.one_of(st.binary(max_size=400), mutated(), text_soup.map(_encode)),
               t_decode, 0.09),
        Target("txt header", st.one_of(text_soup,
                                       mutated(["txt", "example:000_75d8648a647aa147.txt"]).map(_as_text)),
               t_txt, 0.13),
        Target("clean", st.one_of(text_soup, mutated().map(_as_text)), t_clean, 0.08),
        Target("date", st.one_of(st.text(max_size=60), text_soup), t_date, 0.03),
        Target("json", st.one_of(json_documents(), mutated(["json", "json-list"]).map(_as_text), text_soup,
               st.lists(raw_json, min_size=1, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
               raw_json),
               t_json, 0.12),
        Target("jsonl", st.one_of(jsonl_documents(), mutated(["jsonl"]).map(_as_text)), t_jsonl, 0.11),
        Target("jsonl (as bytes)", jsonl_bytes(), t_jsonl_bytes, 0.06),
        Target("html", st.one_of(html_soup, mutated(["html"]).map(_as_text)), t_html, 0.16),
        Target("feeds", st.one_of(feed_soup, mutated(["rss", "atom"]), st.binary(max_size=300)),
               t_feed, 0.14),
        Target("sniffer (parse_bytes)", st.one_of(mutated(), st.binary(max_size=300), feed_soup,
               html_soup.map(_encode), text_soup.map(_encode)),
               t_sniff, 0.14),
    ]  # fmt: skip


# What earlier, shorter runs of this script (and the review around them) found; all fixed before the
# recorded run, each with a regression test in tests/reliability/test_bad_input.py.
FIXED: list[dict[str, str]] = [
    {"found_by": "this script (decoder), in the first 5-minute run",
     "bug": "behind a UTF-16 BOM the NUL-byte check never ran, so U+0000 reached the text",
     "fix": "decode_bytes refuses text holding NUL characters as binary",
     "test": "test_utf16_with_nul_characters_is_binary"},
    {"found_by": "this script (txt header)",
     "bug": "NUL and control characters in a title line reached Article.title",
     "fix": "ingest.clean.clean_meta on every metadata field",
     "test": "test_txt_title_line_with_control_characters"},
    {"found_by": "this script (feeds)",
     "bug": "NUL in feed and entry titles reached Article.outlet and .title",
     "fix": "clean_meta in feeds._text_field", "test": "test_feed_title_with_nul_is_scrubbed"},
    {"found_by": "this script (html)", "bug": "html_to_text passed NUL through",
     "fix": "scrub() on the collected text", "test": "test_html_fragment_with_nul"},
    {"found_by": "this script (clean, txt header)",
     "bug": "lone surrogates from Python callers kept in the text (cannot be written as UTF-8 to the store)",
     "fix": "scrub() turns them into U+FFFD",
     "test": "test_lone_surrogates_become_replacement_characters"},
    {"found_by": "review; target 'jsonl (as bytes)' then written, finds it in 15 s against the old code",
     "bug": "raw U+2028/U+2029/NEL inside JSON strings were folded to newlines before parsing, splitting"
     " JSONL records and breaking JSON", "fix": "JSON and JSONL decoded folding only CR/CRLF",
     "test": "test_raw_line_separators_inside_json_strings"},
    {"found_by": "review; now in this script's raw JSON lines",
     "bug": "a number of more than 4,300 digits raised ValueError (not JSONDecodeError) and ended the JSONL"
     " file", "fix": "records catch ValueError per line",
     "test": "test_jsonl_line_with_a_huge_number_does_not_stop_the_file"},
]  # fmt: skip


def _falsifying(exc: BaseException) -> str:
    notes = [n for n in getattr(exc, "__notes__", []) if "Falsifying" in n or "example" in n.lower()]
    return "\n".join(notes)[:2000]


def fuzz(target: Target, seconds: float, batch: int) -> None:
    """Feed ``target`` for about ``seconds``, in hypothesis runs of ``batch`` examples each."""
    start = time.monotonic()
    seen: set[str] = set()

    failing: list[str] = []

    def body(value: Any) -> None:
        target.examples += 1
        try:
            target.run(value)
        except Exception:
            # Hypothesis replays the shrunk example last, so the last one kept is the minimal one.
            failing.append(repr(value)[:600])
            raise

    while time.monotonic() - start < seconds:
        run = settings(
            max_examples=batch,
            deadline=None,
            database=None,
            derandomize=False,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            report_multiple_bugs=False,
        )(given(target.strategy)(body))
        target.batches += 1
        try:
            run()
        except Exception as exc:  # noqa: BLE001 - every failure is what we are here to record
            key = f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"
            if key not in seen:
                seen.add(key)
                frames = traceback.extract_tb(exc.__traceback__)
                ours = [f for f in frames if "newsprism" in f.filename] or frames[-1:]
                where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else ""
                example = failing[-1] if failing else _falsifying(exc)
                target.failures.append({"error": key, "where": where, "example": example})
                print(f"  FAILURE in {target.name}: {key} ({where})", flush=True)
    target.seconds = time.monotonic() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seconds", type=float, default=300.0, help="total time budget")
    ap.add_argument("--batch", type=int, default=200, help="examples per hypothesis run")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "fuzz.json")
    ap.add_argument("--only", default="", help="comma-separated target names")
    args = ap.parse_args(argv)
    chosen = [t for t in targets() if not args.only or t.name in args.only.split(",")]
    share = sum(t.share for t in chosen)
    # Warm up the lazy imports (trafilatura, feedparser, the word list) outside the budgets.
    for t in chosen:
        with contextlib.suppress(Exception):  # only a warm-up; failures are for the timed runs to find
            t.run(
                SEEDS["html"]
                if t.name in ("decoder", "feeds", "sniffer (parse_bytes)")
                else _as_text(SEEDS["txt"])
            )
    t0 = time.monotonic()
    for t in chosen:
        budget = args.seconds * t.share / share
        print(f"{t.name}: {budget:.0f} s", flush=True)
        fuzz(t, budget, args.batch)
        print(
            f"  {t.examples} examples in {t.seconds:.1f} s, {len(t.failures)} distinct failure(s)", flush=True
        )
    result = {
        "tool": f"hypothesis {hypothesis.__version__}",
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, shared 2-core, run under nice",
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds_total": round(time.monotonic() - t0, 1),
        "examples_total": sum(t.examples for t in chosen),
        "failures_total": sum(len(t.failures) for t in chosen),
        "invariants": [
            "only InputError is raised (one-line reason, named source)",
            "Article text: str, non-blank, no NUL, no CR, UTF-8 encodable, NFC",
            "metadata None or non-blank str (no NUL, encodable); title one line; date a date",
            "repairs found at their offsets; removed-piece offsets inside the text",
            "decoder returns such text or raises InputError",
            "feeds never resolve external entities",
            "JSONL: one answer per non-blank line, errors name their line; JSON list: one answer per item",
            "the same bytes read twice give the same result",
        ],
        "fixed_before_this_run": FIXED,
        "parsers": {
            t.name: {
                "examples": t.examples,
                "seconds": round(t.seconds, 1),
                "examples_per_second": round(t.examples / t.seconds, 1) if t.seconds else 0.0,
                "hypothesis_runs": t.batches,
                "failures": t.failures,
            }
            for t in chosen
        },
    }
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    return 1 if result["failures_total"] else 0


if __name__ == "__main__":
    sys.exit(main())
