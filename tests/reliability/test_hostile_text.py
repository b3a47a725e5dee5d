"""Hostile text through the real pipeline: never markup in the HTML report, the web app or Markdown.

The articles carry script tags, event-handler attributes, ``javascript:`` URLs,
Jinja template syntax, Markdown links and spreadsheet formulas in their text,
title, outlet, author and URL. They are read from a JSON file and analysed by
the real stages, so the hostile strings reach entity names, quotes and panels
the way they would in use.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from newsprism.corpus import Corpus
from newsprism.report import export_corpus, render_html, render_markdown
from newsprism.tables import write_csv
from newsprism.web import create_app
from newsprism.web.app import request

SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="alert(1)">'
JS_URL = "javascript:alert(document.cookie)"
JINJA = "{{ 7*7 }} {% for x in range(3) %}loop{% endfor %} {{ config.items() }}"
MD_LINK = "[click me](javascript:alert(1))"
FORMULA = '=HYPERLINK("http://evil.example","x")'

ARTICLES = [
    {
        "id": "hostile-1",
        "title": f"Talks in Geneva {SCRIPT} {JINJA}",
        "outlet": f"Wire {IMG}",
        "author": FORMULA,
        "url": JS_URL,
        "published": "2023-12-27",
        "text": (
            f"Qassem Soleimani met Ramzan Sharif in Tehran on Monday {SCRIPT}. {IMG} Read more at {JS_URL}"
            " today.\n\n"
            f"“We deny everything {SCRIPT},” said Ramzan Sharif, according to Tasnim {IMG}.\n\n"
            f"The template {JINJA} and the link {MD_LINK} stay text | a pipe | {FORMULA}."
        ),
    },
    {
        "id": "hostile-2",
        "title": f"{FORMULA} Geneva talks resume",
        "outlet": "Second <b>Outlet</b>",
        "published": "2023-12-28",
        "text": (
            "Ramzan Sharif said on Wednesday that talks with Qassem Soleimani's allies in Tehran would go on"
            f" {SCRIPT}.\n\n"
            f"Officials denied the report {IMG}, {JINJA}."
        ),
    },
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    src = tmp / "hostile.json"
    src.write_text(json.dumps(ARTICLES, ensure_ascii=False), encoding="utf-8")
    db = tmp / "h.db"
    with Corpus(str(db)) as corpus:
        report = corpus.ingest([str(src)])
        assert len(report.added) == 2 and not report.rejected
        doc = export_corpus(corpus)
    return {"db": str(db), "doc": doc, "tmp": tmp}


def _tags(html: str) -> list[str]:
    """Every start tag, with quoted attribute values blanked (so text inside them is not mistaken for
    attributes)."""
    return [re.sub(r'"[^"]*"', '""', t) for t in re.findall(r"<[a-zA-Z][^>]*>", html)]


def _assert_inert(html: str, allowed_scripts: list[str]) -> None:
    assert re.findall(r"<script\b[^>]*>", html) == allowed_scripts
    assert "<img" not in html.lower() and "<b>" not in html
    tags = _tags(html)
    assert not [t for t in tags if re.search(r"\son[a-z]+\s*=", t)], "an event handler attribute"
    assert not re.search(r"""(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:""", html, re.IGNORECASE)


def test_the_hostile_strings_reached_the_outputs(hostile):
    doc = hostile["doc"]
    texts = {a["id"]: a for a in doc["articles"]}
    assert SCRIPT in texts["hostile-1"]["text"] and JINJA in texts["hostile-1"]["text"]
    assert texts["hostile-1"]["title"] == f"Talks in Geneva {SCRIPT} {JINJA}"
    assert any("Sharif" in e["name"] for e in doc["entities"])
    assert doc["quotes"], "the quote should be found so its text reaches the quote panels"


def test_html_report_shows_hostile_text_as_text(hostile):
    html = render_html(hostile["doc"])
    _assert_inert(html, allowed_scripts=[])  # the report has no scripts at all
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert (
        "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
        or "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    )
    assert "{{ 7*7 }}" in html and "{% for x in range(3) %}" in html  # literal, never rendered
    assert (
        "Content-Security-Policy" in html
        and "script-src" not in html.split("Content-Security-Policy", 1)[1][:120]
    )


def test_markdown_report_neutralises_markup_and_links(hostile):
    md = render_markdown(hostile["doc"])
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script&gt;" in md
    # A Markdown link or image cannot be formed from article text.
    assert not re.search(r"(?<!\\)\]\((?:javascript|http)", md)
    assert "\\[click me\\]\\(javascript:alert\\(1\\)\\)" in md
    # Template syntax is inert text; table rows keep their column count whatever the cells hold.
    assert "{{" not in md and "\\{\\{ 7\\*7 \\}\\}" in md
    for row in [line for line in md.splitlines() if line.startswith("| hostile")]:
        assert len(re.findall(r"(?<!\\)\|", row)) == 5, row


def test_csv_export_neutralises_formulas(hostile):
    out = hostile["tmp"] / "csv"
    write_csv(hostile["doc"], out)
    with (out / "articles.csv").open(encoding="utf-8", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert rows["hostile-1"]["author"] == "'" + FORMULA
    assert rows["hostile-2"]["title"].startswith("'=HYPERLINK")
    for path in sorted(Path(out).glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in row), path.name


@pytest.fixture(scope="module")
def app(hostile):
    application = create_app(hostile["db"])
    yield application
    application.state.data.corpus.close()


def _pages(hostile) -> list[str]:
    doc = hostile["doc"]
    pages = ["/", "/search?q=alert", "/search?q=" + quote(SCRIPT), "/search?q=" + quote(JINJA)]
    pages += [f"/stories/{quote(s['id'], safe='')}" for s in doc["stories"]]
    pages += [f"/entities/{quote(e['id'], safe='')}" for e in doc["entities"]]
    pages += ["/stories/" + quote(SCRIPT, safe=""), "/entities/" + quote(JINJA, safe="")]
    return pages


def test_web_pages_show_hostile_text_as_text(hostile, app):
    seen_escaped = False
    for path in _pages(hostile):
        r = request(app, "GET", path)
        assert r.status_code in (200, 404), (path, r.status_code)
        _assert_inert(r.text, allowed_scripts=['<script src="/static/app.js" defer>'])
        seen_escaped |= "&lt;script&gt;" in r.text
    assert seen_escaped
    story = request(app, "GET", f"/stories/{quote(hostile['doc']['stories'][0]['id'], safe='')}").text
    assert "{{ 7*7 }}" in story and "{% for x in range(3) %}" in story


def test_web_api_returns_the_text_as_json_data(hostile, app):
    sid = hostile["doc"]["stories"][0]["id"]
    r = request(app, "GET", f"/api/stories/{quote(sid, safe='')}")
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers.get("x-content-type-options") == "nosniff"
    body = r.json()
    assert body["ok"] is True
    texts = [a["text"] for a in body["articles"]]
    assert any(SCRIPT in t for t in texts)  # the exact text, as data, so offsets slice it
