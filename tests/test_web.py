"""The web app and JSON API, in-process: every route, the envelope, escaping, CSP, limits, read-only."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from starlette.routing import Route

from newsprism.errors import NewsprismError, StoreError
from newsprism.model import (
    Analysis,
    Article,
    Claim,
    Entity,
    EntityMention,
    Mention,
    Quote,
    Span,
    Story,
    TimelineEntry,
)
from newsprism.store import Store
from newsprism.web import create_app, get
from newsprism.web.app import CSP, MAX_QUERY_BYTES, request
from newsprism.web.data import snippet_parts

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT_ESC = "&lt;script&gt;alert(1)&lt;/script&gt;"
IMG_ESC = "&lt;img src=x onerror=alert(1)&gt;"

TEXT_A = (
    f"Ali Reza said {SCRIPT} in Tehran on Monday. {IMG} The Guard denied it.\n\n"
    '"We deny everything," said Ali Reza, according to Tasnim.'
)
TEXT_B = f"Ali Reza spoke in Tehran again on Wednesday. The Guard repeated {SCRIPT} its denial."


def _span(text: str, piece: str, nth: int = 0, **kw: object) -> dict[str, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return {"start": start, "end": start + len(piece), **kw}  # type: ignore[dict-item]


def build_store(path: Path) -> dict[str, str]:
    """A store of two articles whose text, titles, names and panels carry hostile markup."""
    a_ali = [_span(TEXT_A, "Ali Reza", 0), _span(TEXT_A, "Ali Reza", 1)]
    b_ali = [_span(TEXT_B, "Ali Reza", 0)]
    guard_a, guard_b = _span(TEXT_A, "The Guard"), _span(TEXT_B, "The Guard")
    q = _span(TEXT_A, "We deny everything,")
    sp = _span(TEXT_A, "Ali Reza", 1)
    via = _span(TEXT_A, "Tasnim")
    cue = _span(TEXT_A, "said", 1)
    a = Analysis(
        article=Article(
            id="a1",
            text=TEXT_A,
            title=f"Title {SCRIPT}",
            outlet=f"Outlet {IMG}",
            author="Jake Smith",
            published=date(2023, 12, 27),
        ),
        mentions=tuple(Mention(**m, label="PERSON", stage="mentions.v1") for m in a_ali),
        quotes=(
            Quote(
                **q,
                label="direct",
                stage="quotes.v1",
                speaker=Span(**sp, label="PERSON", stage="quotes.v1"),
                cue=Span(**cue, label="cue", stage="quotes.v1"),
                cue_class="say",
                via=(Span(**via, label=f"Tasnim {SCRIPT}", stage="quotes.v1"),),
            ),
        ),
        stages=("parse.v1", "mentions.v1", "quotes.v1"),
    )
    b = Analysis(
        article=Article(id="b/2", text=TEXT_B, title="Second", outlet="Infobae",
                        published=date(2023, 12, 27)),
        mentions=tuple(Mention(**m, label="PERSON", stage="mentions.v1") for m in b_ali),
        stages=("parse.v1", "mentions.v1"),
    )
    ali = Entity(
        id="e-ali",
        name="Ali Reza",
        type="PERSON",
        aliases=(f"Reza {IMG}",),
        mentions=tuple(EntityMention(article="a1", **m) for m in a_ali)
        + tuple(EntityMention(article="b/2", **m) for m in b_ali),
    )
    guard = Entity(
        id="e-guard",
        name=f"Guard {SCRIPT}",
        type="ORG",
        mentions=(EntityMention(article="a1", **guard_a), EntityMention(article="b/2", **guard_b)),
    )
    denial = _span(TEXT_A, "The Guard denied it.")
    claims = [
        Claim(
            **denial,
            label="denies",
            stage="claims.v1",
            article="a1",
            holder=Span(**guard_a, label="ORG"),
            holder_entity="e-guard",
            proposition=f"Ali Reza said {SCRIPT}",
            group="g1",
        ),
        Claim(**_span(TEXT_A, "Ali Reza said"), label="asserts", stage="claims.v1", article="a1",
              holder_entity="e-ali", proposition=f"Ali Reza said {SCRIPT}", group="g1"),
    ]
    timeline = [
        TimelineEntry(
            date="2023-12-25",
            precision="day",
            description=f"Ali Reza spoke {SCRIPT}",
            entities=("e-ali",),
            mentions=(EntityMention(article="a1", **_span(TEXT_A, "on Monday")),),
            story="s-1",
            conflicts=(f"date differs {IMG}",),
        )
    ]
    comparison = {
        "shared": [{"fact": f"spoke in Tehran {SCRIPT}",
                    "mentions": [{"article": "a1", "start": 0, "end": 8, "text": IMG}]}],
        "unique": {"a1": [{"fact": f"only here {IMG}", "text": SCRIPT}]},
        "conflicts": [{"kind": "date", "description": SCRIPT,
                       "sides": [{"article": "a1", "value": IMG, "text": SCRIPT}]}],
        "sources": {"a1": [f"Tasnim {SCRIPT}"]},
        "wording": {"a1": [{"label": f"terror {IMG}", "name": "Guard", "voice": "outlet"}]},
    }
    with Store(path) as store:
        assert store.put(a).status == "added" and store.put(b).status == "added"
        store.replace_stories([Story(id="s-1", title=f"Story {SCRIPT}", articles=("a1", "b/2"),
                                     comparison=comparison)])
        store.replace_entities([ali, guard])
        store.put_layer("claims", claims)
        store.put_layer("timeline", timeline)
    return {"story": "s-1", "entity": "e-ali", "hostile_entity": "e-guard", "article_b": "b/2"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    db = tmp_path_factory.mktemp("web") / "web.db"
    ids = build_store(db)
    app = create_app(str(db))
    yield {"db": str(db), "app": app, **ids}
    app.state.data.corpus.close()


def call(site: dict[str, object], path: str, method: str = "GET", **kw: object):  # type: ignore[no-untyped-def]
    return request(site["app"], method, path, **kw)  # type: ignore[arg-type]


def envelope(r) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """Check one API answer has the envelope shape and return its body."""
    assert r.headers["content-type"].startswith("application/json"), r.text[:200]
    body = r.json()
    assert isinstance(body, dict) and isinstance(body.get("ok"), bool), body
    if body["ok"]:
        assert r.status_code == 200
    else:
        assert set(body) == {"ok", "error", "status"}, body
        assert body["status"] == r.status_code >= 400
        assert body["error"] and "\n" not in body["error"] and "Traceback" not in body["error"]
    return body


# --------------------------------------------------------------------------- pages


def test_index_lists_stories_with_outlets_dates_counts(site):
    r = call(site, "/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert 'href="/stories/s-1"' in html
    assert "Infobae" in html and "2023-12-27" in html
    assert re.search(r'<td class="num">2</td>', html)
    assert 'action="/search"' in html  # the search box


def test_story_page_shows_articles_side_by_side_with_marks(site):
    html = call(site, "/stories/s-1").text
    assert 'id="art-a1"' in html and 'id="art-b/2"' in html
    # every mention of Ali Reza is a clickable entity span carrying its id
    assert html.count('class="ent ent-person" title="Ali Reza (PERSON)" data-ref="e-ali"') == 3
    assert 'class="quote"' in html and 'class="speaker"' in html and 'class="via"' in html
    assert "claim claim-denies" in html
    for panel in ("Reported by every article", "Reported by one article only", "Where the sources disagree",
                  "Sources each article relays", "Words each outlet uses", "Claims", "Quotes", "Timeline"):
        assert panel in html
    assert "Sources assert and deny this" in html  # the claim group holds both stances
    assert 'href="/entities/e-ali"' in html


def test_story_page_highlights_selected_entity_server_side(site):
    html = call(site, "/stories/s-1?entity=e-ali").text
    assert html.count('class="ent ent-person hl"') == 3
    assert 'class="entity-pick ent-person hl" data-ref="e-ali"' in html
    assert "ent-org hl" not in html
    plain = call(site, "/stories/s-1").text
    assert " hl" not in plain


def test_timeline_chart_is_inline_svg_when_available(site):
    html = call(site, "/stories/s-1").text
    try:
        from newsprism.resolve.timeline import render_svg  # noqa: F401
    except ImportError:
        pytest.skip("newsprism.resolve.timeline.render_svg is not written yet")
    assert "<svg" in html and "2023-12-25" in html


def test_entity_page(site):
    html = call(site, "/entities/e-ali").text
    assert "Ali Reza" in html and "PERSON" in html
    assert html.count('<mark class="ent hl" data-ref="e-ali">Ali Reza</mark>') == 3
    assert 'href="/stories/s-1?entity=e-ali"' in html
    assert "We deny everything," in html  # the quote he spoke
    assert "asserts" in html  # the claim he holds


def test_search_page_marks_matches(site):
    html = call(site, "/search?q=Tehran").text
    assert html.count("<mark>Tehran</mark>") == 2
    assert 'href="/stories/s-1#art-a1"' in html and 'href="/stories/s-1#art-b%2F2"' in html
    empty = call(site, "/search").text
    assert "Type words to find" in empty


def test_article_id_with_slash_routes(site):
    assert call(site, "/api/entities/e-guard").json()["articles"][1]["id"] == "b/2"
    assert call(site, "/stories/" + quote("s-1", safe="")).status_code == 200


# --------------------------------------------------------------------------- escaping


HTML_PAGES = ["/", "/stories/s-1", "/stories/s-1?entity=e-guard", "/entities/e-guard", "/entities/e-ali",
              "/search?q=alert", "/search?q=" + quote(SCRIPT), "/stories/" + quote(SCRIPT),
              "/nothing/" + quote(IMG)]


@pytest.mark.parametrize("path", HTML_PAGES)
def test_hostile_text_is_escaped_on_every_page(site, path):
    r = call(site, path)
    html = r.text
    assert SCRIPT not in html and "<img" not in html
    # our own single external script is the only script element; no tag has an inline handler or style
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/app.js" defer>']
    tags = [re.sub(r'"[^"]*"', '""', t) for t in re.findall(r"<[a-zA-Z][^>]*>", html)]
    assert not [t for t in tags if re.search(r"\s(on[a-z]+|style)\s*=", t)]


def test_hostile_text_is_shown_as_text(site):
    story = call(site, "/stories/s-1").text
    assert SCRIPT_ESC in story and IMG_ESC in story  # the body, outlet, panels
    assert "Title " + SCRIPT_ESC in story and "Story " + SCRIPT_ESC in story
    assert "Guard " + SCRIPT_ESC in story  # entity name in the list
    assert "date differs " + IMG_ESC in story  # timeline conflict
    assert "Guard " + SCRIPT_ESC in call(site, "/entities/e-guard").text
    search = call(site, "/search?q=alert").text
    assert "&lt;script&gt;<mark>alert</mark>(1)" in search
    assert SCRIPT_ESC in call(site, "/search?q=" + quote(SCRIPT)).text  # the query echoed back
    assert SCRIPT_ESC in call(site, "/").text


def test_snippet_parts():
    assert snippet_parts("a \x02b\x03 c \x02d\x03") == [("a ", False), ("b", True), (" c ", False),
                                                        ("d", True)]
    assert snippet_parts(None) == [] and snippet_parts("plain") == [("plain", False)]


# --------------------------------------------------------------------------- API and envelope


def test_api_story_is_the_export_contract(site):
    body = envelope(call(site, "/api/stories/s-1"))
    assert body["schema"] == "newsprism/1"
    assert body["story"]["id"] == "s-1" and body["story"]["articles"] == ["a1", "b/2"]
    assert set(body["story"]["comparison"]) >= {"shared", "unique", "conflicts", "wording"}
    texts = {a["id"]: a["text"] for a in body["articles"]}
    for e in body["entities"]:
        for m in e["mentions"]:
            assert texts[m["article"]][m["start"] : m["end"]] == m["text"]
    [q] = body["quotes"]
    assert q["speaker"]["entity"] == "e-ali" and q["via"][0]["name"] == f"Tasnim {SCRIPT}"
    assert {c["stance"] for c in body["claims"]} == {"asserts", "denies"}
    assert body["timeline"][0]["date"] == "2023-12-25"
    assert "_timeline_entries" not in body


def test_api_lists_search_entity(site):
    body = envelope(call(site, "/api/stories"))
    assert body["total"] == 1
    [s] = body["stories"]
    assert s["articles"] == 2 and s["outlets"] == ["Infobae", f"Outlet {IMG}"] and s["first"] == "2023-12-27"
    body = envelope(call(site, "/api/search?q=Tehran"))
    assert {r["id"] for r in body["results"]} == {"a1", "b/2"}
    for r in body["results"]:
        assert all(r["snippet"][a:b] == "Tehran" for a, b in r["marks"]) and r["marks"]
        assert r["story"] == "s-1"
    ent = envelope(call(site, "/api/entities/e-ali"))
    assert ent["entity"]["name"] == "Ali Reza" and len(ent["contexts"]) == 3
    assert ent["stories"] == [{"id": "s-1", "title": f"Story {SCRIPT}"}]
    assert [c["stance"] for c in ent["claims"]] == ["asserts"]


def test_api_check_finds_the_article(site):
    body = envelope(call(site, "/api/check?claim=" + quote("The Guard denied that Ali Reza spoke in Tehran")))
    assert body["claim"] == "The Guard denied that Ali Reza spoke in Tehran" and body["checked"] == 2
    texts = {"a1": TEXT_A, "b/2": TEXT_B}
    assert {r["article"] for r in body["articles"]} == {"a1", "b/2"}  # both speak of Ali Reza in Tehran
    for r in body["articles"]:
        assert r["stance"] in {"asserts", "denies", "discusses"} and 0 <= r["confidence"] <= 1
        assert r["story"] == "s-1" and r["evidence"]
        for ev in r["evidence"]:
            assert ev["text"] == texts[r["article"]][ev["start"] : ev["end"]] and "Ali Reza" in ev["text"]


def _api_routes(app) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.path for r in app.routes if isinstance(r, Route) and r.path.startswith("/api")}


# Every API route with good, unknown-id and bad-parameter requests; the walk must cover them all.
WALK = {
    "/api": ["/api"],
    "/api/stories": ["/api/stories", "/api/stories?limit=1&offset=5", "/api/stories?limit=0",
                     "/api/stories?limit=abc", "/api/stories?offset=-1"],
    "/api/stories/{story_id:path}": ["/api/stories/s-1", "/api/stories/nope", "/api/stories/",
                                     "/api/stories/" + quote(SCRIPT, safe="")],
    "/api/entities/{entity_id:path}": ["/api/entities/e-ali", "/api/entities/e-none", "/api/entities/b%2F2"],
    "/api/search": ["/api/search?q=Tehran", "/api/search?q=zzzqqq", "/api/search", "/api/search?q=",
                    "/api/search?q=Tehran&limit=0", "/api/search?q=" + "x" * 600,
                    "/api/search?q=%22%29%3B--"],
    "/api/check": ["/api/check", "/api/check?claim=", "/api/check?claim=%20%20",
                   "/api/check?claim=" + "y" * 1200, "/api/check?claim=x&top_k=0"],
}


def test_envelope_walk_over_every_api_route(site):
    assert _api_routes(site["app"]) == set(WALK), "add the new API route to WALK"
    statuses = {}
    for urls in WALK.values():
        for url in urls:
            r = call(site, url)
            envelope(r)
            statuses[url] = r.status_code
    for url in ("/api/stories/nope", "/api/entities/e-none", "/api/stories/"):
        assert statuses[url] == 404, url
    for url in ("/api/stories?limit=0", "/api/stories?limit=abc", "/api/search", "/api/search?q=",
                "/api/check", "/api/check?claim=%20%20", "/api/check?claim=" + "y" * 1200):
        assert statuses[url] == 400, url
    assert statuses["/api/search?q=%22%29%3B--"] == 200  # FTS syntax is not injectable
    for url in ("/api/nope", "/api/stories/s-1/extra/../x", "/api/"):
        r = call(site, url)
        assert envelope(r)["ok"] is False and r.status_code == 404


def test_openapi_description_lists_the_api(site):
    r = call(site, "/openapi.json")
    spec = r.json()
    assert spec["info"]["title"] == "newsprism"
    assert {"/api/stories", "/api/search", "/api/check", "/api/stories/{story_id}"} <= set(spec["paths"])
    assert not any(p.startswith("/stories") or p == "/" for p in spec["paths"])
    assert call(site, "/docs").status_code == 404  # the CDN-based docs page is off


# --------------------------------------------------------------------------- security


@pytest.mark.parametrize(
    "path", ["/", "/stories/s-1", "/api/stories", "/api/stories/nope", "/static/app.js", "/nope"]
)
def test_security_headers_everywhere(site, path):
    r = call(site, path)
    assert r.headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_static_assets_served_locally(site):
    js = call(site, "/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
    assert "data-ref" in js.text and "classList.add" in js.text
    css = call(site, "/static/app.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    html = call(site, "/stories/s-1").text
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing from another host


def raw_get(app, path: str, query: bytes) -> tuple[int, dict[str, str], bytes]:  # type: ignore[no-untyped-def]
    """One GET straight into the ASGI app, for URLs longer than an HTTP client will send."""
    sent: list[dict] = []  # type: ignore[type-arg]

    async def receive() -> dict:  # type: ignore[type-arg]
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:  # type: ignore[type-arg]
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": query,
             "root_path": "", "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80)}
    asyncio.run(app(scope, receive, send))
    start = sent[0]
    headers = {k.decode(): v.decode() for k, v in start["headers"]}
    return start["status"], headers, b"".join(m.get("body", b"") for m in sent[1:])


def test_request_size_limits(site):
    big = b"q=" + b"a" * (1024 * 1024)  # a 1 MB query string
    status, headers, body = raw_get(site["app"], "/api/search", big)
    assert status == 414 and json.loads(body) == {"ok": False, "status": 414,
                                                  "error": json.loads(body)["error"]}
    assert headers["content-security-policy"] == CSP
    status, headers, body = raw_get(site["app"], "/search", big)
    assert status == 414 and b"query string longer" in body
    r = call(site, "/api/stories/" + "x" * 5000)
    assert r.status_code == 414 and envelope(r)["status"] == 414
    # under the limit: validated
    assert call(site, "/api/search?q=" + "a" * (MAX_QUERY_BYTES - 10)).status_code == 400


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/api/stories", "/api/stories/s-1", "/", "/search"])
def test_read_only_refuses_writes(site, method, path):
    r = call(site, path, method=method, content=b"{}")
    assert r.status_code == 405 and "GET" in r.headers["allow"]
    if path.startswith("/api"):
        assert "read-only" in envelope(r)["error"]


def test_head_is_get_without_body(site):
    r = call(site, "/stories/s-1", method="HEAD")
    assert r.status_code == 200 and r.content == b"" and r.headers["content-security-policy"] == CSP


def test_writable_mode_still_limits_bodies(site):
    app = create_app(site["db"], readonly=False)  # type: ignore[arg-type]
    try:
        r = request(app, "POST", "/api/stories", content=b"x" * (1024 * 1024 + 1))
        assert r.status_code == 413 and envelope(r)["status"] == 413
        r = request(app, "POST", "/api/stories", content=b"{}")
        assert r.status_code == 405 and envelope(r)["status"] == 405  # no route writes
    finally:
        app.state.data.corpus.close()


def test_unknown_store_is_one_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        create_app(str(tmp_path / "missing.db"))
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(NewsprismError):
        get(str(bad), "/api/stories")


def test_big_story_pages_through_originals_and_folds_copies(tmp_path):
    db = tmp_path / "big.db"
    ids = [f"n{k:02d}" for k in range(12)]
    with Store(db) as store:
        for k, i in enumerate(ids):
            store.put(Analysis(article=Article(id=i, text=f"Report number {k} on the flood in Valencia.",
                                               outlet=f"O{k}")))
        store.replace_stories([Story(id="s-big", title="Flood", articles=tuple(ids),
                                     copies=(("n10", "n00"), ("n11", "n00")))])
    app = create_app(str(db))
    try:
        one = request(app, "GET", "/stories/s-big").text
        shown = re.findall(r'id="art-(n\d\d)"', one)
        assert shown == ids[:8]  # originals only, eight per page
        assert "same text also in: n10, n11" in one and "originals 1–8 of 10" in one
        assert 'href="?page=2"' in one
        two = request(app, "GET", "/stories/s-big?page=2&entity=e-x").text
        assert re.findall(r'id="art-(n\d\d)"', two) == ["n08", "n09"]
        assert 'href="?page=1&amp;entity=e-x"' in two
        assert request(app, "GET", "/stories/s-big?page=3").status_code == 404
        api = envelope(request(app, "GET", "/api/stories/s-big"))  # the API gives the whole story
        assert [a["id"] for a in api["articles"]] == ids
        # A page asks for some of the story's articles; ids outside the story are left out, order kept.
        part = app.state.data.story_doc("s-big", only=["n03", "not-in-it", "n01"])
        assert [a["id"] for a in part["articles"]] == ["n03", "n01"]
        assert api["story"]["copies"] == [{"copy": "n10", "of": "n00"}, {"copy": "n11", "of": "n00"}]
    finally:
        app.state.data.corpus.close()


# --------------------------------------------------------------------------- get() and live updates


def test_get_runs_one_request_in_process(site):
    status, ctype, body = get(site["db"], "api/stories")  # type: ignore[arg-type]
    assert status == 200 and ctype.startswith("application/json") and json.loads(body)["total"] == 1
    status, ctype, body = get(site["db"], "/api/stories/nope")  # type: ignore[arg-type]
    assert status == 404 and json.loads(body) == {"ok": False, "error": "no story 'nope'", "status": 404}
    status, ctype, body = get(site["db"], "/stories/s-1")  # type: ignore[arg-type]
    assert status == 200 and ctype.startswith("text/html") and SCRIPT_ESC in body


def test_server_sees_writes_made_by_another_process(tmp_path):
    db = tmp_path / "live.db"
    build_store(db)
    app = create_app(str(db))
    try:
        assert envelope(request(app, "GET", "/api/stories"))["total"] == 1
        with Store(db) as store:  # another writer: e.g. a running 'newsprism ingest'
            stories = store.stories()
            store.replace_stories([*stories, Story(id="s-2", title="New", articles=("b/2",))])
        assert envelope(request(app, "GET", "/api/stories"))["total"] == 2
    finally:
        app.state.data.corpus.close()


# ----------------------------------------------------------------------- the seeds, through the real pipeline


def test_seed_store_through_the_real_pipeline(tmp_path):
    pytest.importorskip("newsprism.ingest", reason="the ingest module is not written yet")
    from newsprism.corpus import Corpus

    db = str(tmp_path / "seed.db")
    root = Path(__file__).resolve().parents[1]
    with Corpus(db) as corpus:
        report = corpus.ingest([str(root / "examples")])
    assert len(report.added) == 2
    stories = envelope(request(app := create_app(db), "GET", "/api/stories"))["stories"]
    try:
        seed = [s for s in stories if s["articles"] == 2]
        assert seed, stories
        sid = seed[0]["id"]
        doc = envelope(request(app, "GET", f"/api/stories/{sid}"))
        sole = [e for e in doc["entities"] if "Soleimani" in e["name"]]
        assert sole and {m["article"] for m in sole[0]["mentions"]} == set(doc["story"]["articles"])
        html = request(app, "GET", f"/stories/{sid}?entity={quote(sole[0]['id'])}").text
        assert html.count(" hl\"") >= len(sole[0]["mentions"])  # every mention marked (+ the list entry)
        hits = envelope(request(app, "GET", "/api/search?q=Soleimani"))["results"]
        assert len(hits) == 2
    finally:
        app.state.data.corpus.close()


def test_api_check_reads_the_stored_positions(tmp_path: Path, nlp: object) -> None:
    """/api/check answers as ``newsprism check`` does: from the stored claims, with who holds them."""
    from newsprism.pipeline import Pipeline
    from test_check import CEASEFIRE, CEASEFIRE_REPORTS

    db = tmp_path / "check.db"
    arts = [Article(id=k, text=t) for k, t in CEASEFIRE_REPORTS.items()]
    with Store(db) as store:
        for an in Pipeline.default().run(arts, fail_fast=True):
            store.put(an)
    app = create_app(str(db))
    try:
        body = envelope(request(app, "GET", "/api/check?claim=" + quote(CEASEFIRE)))
    finally:
        app.state.data.corpus.close()
    got = {r["article"]: r for r in body["articles"]}
    assert got["mashable"]["stance"] == "denies" and "Shekau" in got["mashable"]["holder"]
    assert got["reuters"]["stance"] == "asserts" and got["reuters"]["holder"] == "Nigeria"
