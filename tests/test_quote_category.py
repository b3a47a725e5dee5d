"""What each attribution is (speech, belief, plan, perception, act), and the listings that show what
was said and count the rest: the stage, the export, `newsprism quotes`, the summary, Markdown, HTML, web."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from conftest import need_data
from newsprism.ingest.records import parse_jsonl
from newsprism.model import Analysis, Article, Entity, EntityMention, Quote, Span, Story
from newsprism.pipeline import Pipeline
from newsprism.report.export import quote_json
from newsprism.report.html import render_html
from newsprism.report.text import print_summary, render_markdown
from newsprism.stages.quote_category import CATEGORIES
from newsprism.store import Store
from newsprism.web import create_app
from newsprism.web.app import request

# Attributions read on FNC-1 bodies (300-1683) that no fact-checker calls a quote: a pronoun or a
# thing as the content of a physical act, a thing shown, a refusal to do; beside a belief, a plan and
# two sayings.
TEXT = ("As he lashed out at the airport, a group of passers by tackled him and pinned him to the ground. "
        "State television showed the country's leader walking with a limp. "
        "Police have shown video of the attack to reporters. "
        "The ad features images of soldiers marching through the capital. "
        "Police believe the gunman acted alone, and they hope to release more details on Friday. "
        "Comcast refused to reverse the error. "
        "\"We will not be intimidated,\" Prime Minister Stephen Harper said. "
        "Hamas said it had carried out the attack.")
WANT = {
    "the airport": ("lashed out at", "act"),
    "him": ("tackled", "act"),
    "the country's leader walking with a limp": ("showed", "act"),
    "of the attack": ("have shown video", "act"),
    "images of soldiers marching through the capital": ("features", "act"),
    "the gunman acted alone": ("believe", "belief"),
    "to release more details on Friday": ("hope", "plan"),
    "to reverse the error": ("refused", "act"),
    "We will not be intimidated,": ("said", "speech"),
    "it had carried out the attack": ("said", "speech"),
}


@pytest.fixture(scope="module")
def analysed() -> Analysis:
    [a] = list(Pipeline.from_names(["parse", "mentions", "quotes"]).run([Article(id="x.txt", text=TEXT)]))
    return a


def test_each_attribution_says_what_it_is(analysed: Analysis) -> None:
    # The class of "tackled" was "other" and that of "showed" "announce" (a speech act): the listings
    # showed "passers by tackled: him" and "police have shown video: of the attack" as quotes. (h155:
    # the reporters are whom it was shown to, not part of what was.)
    got = {q.slice(TEXT): (q.cue.slice(TEXT) if q.cue else None, q.category) for q in analysed.quotes}
    for content, want in WANT.items():
        assert got.get(content) == want, (content, got)
    assert {q.category for q in analysed.quotes} <= set(CATEGORIES)
    # the export carries it; a quote stored by an older stage version is read from its cue's class
    [said] = [q for q in analysed.quotes if q.slice(TEXT) == "it had carried out the attack"]
    assert quote_json(analysed, said, lambda *a: None)["category"] == "speech"
    old = Quote(start=0, end=5, label="indirect", cue_class="intend",
                cue=Span(start=0, end=1, label="plan"), stage="quotes.v123")
    assert quote_json(analysed, old, lambda *a: None)["category"] == "plan"


def test_a_title_case_headline_takes_its_category_from_its_own_parse() -> None:
    # issue #4 (h155): the article's parse tags a title-case headline's verbs PROPN, so "Missing Plane
    # Crashed", believed, read as a thing and the belief as an act; the headline's quotes take their
    # contents' shapes from the parse of its sentence-case copy, whether that copy found the act or
    # the article's parse did.
    body = "\n\nThe search for the jet went on for a week. Its wreckage has not been found."
    want = {"Officials Believe Missing Plane Crashed": ("Missing Plane Crashed", "belief"),
            "Scientists Think Mars Rover Found Water": ("Mars Rover Found Water", "belief"),
            "Residents Hope Mayor Resigns": ("Mayor Resigns", "plan"),
            "Governor Vows To Veto Budget Bill": ("To Veto Budget Bill", "speech")}
    heads = list(want)
    done = Pipeline.from_names(["parse", "mentions", "quotes"]).run(
        [Article(id=f"h{k}", text=h + body) for k, h in enumerate(heads)])
    for head, a in zip(heads, done):
        got = [(q.slice(a.text), q.category) for q in a.quotes if q.end <= len(head)]
        assert got == [want[head]], head


def _doc(analysed: Analysis) -> dict:
    # the export of the analysed article in one story, as `analyze --json` writes it
    quotes = [quote_json(analysed, q, lambda *a: None) for q in analysed.quotes]
    return {"schema": "newsprism/1",
            "articles": [{"id": "x.txt", "title": "Airport", "outlet": None, "author": None,
                          "published": None, "published_inferred": False, "text": TEXT, "removed": []}],
            "stories": [{"id": "s-1", "title": "Airport", "articles": ["x.txt"], "copies": [],
                         "comparison": {}}],
            "entities": [], "quotes": quotes, "claims": [], "timeline": []}


def test_the_reports_list_what_was_said_and_count_the_rest(analysed: Analysis) -> None:
    doc = _doc(analysed)
    console = Console(record=True, width=300)
    print_summary(doc, console)
    out = console.export_text()
    assert "Quotes 2:" in out and "it had carried out the attack" in out
    assert "tackled" not in out and "have shown video" not in out
    assert ("Other attributions 8 (1 belief, 1 plan, 6 act): newsprism quotes --story s-1 --all" in out)
    md = render_markdown(doc)
    said, others = md.split("### Other attributions", 1)
    assert "it had carried out the attack" in said and "tackled" not in said
    assert "1 belief, 1 plan, 6 act" in others and "(tackled): “him” \\[act\\]" in others
    html = render_html(doc)
    quotes, rest = html.split('<details class="other-attributions">', 1)
    assert "it had carried out the attack" in quotes.split("<h3>Quotes</h3>", 1)[1]
    assert "8 other attributions, not speech (1 belief, 1 plan, 6 act)" in rest
    assert '<span class="tag">act</span> him' in rest.split("</details>", 1)[0]
    # a body mark says what the span is
    assert 'title="act — group of passers by"' in html


def test_the_web_story_and_entity_pages_set_the_other_attributions_apart(
        analysed: Analysis, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    police = [EntityMention(article="x.txt", start=k, end=k + 6)
              for k in (TEXT.index("Police"), TEXT.index("Police", TEXT.index("Police") + 1))]
    with Store(db) as store:
        art = Article(id="x.txt", text=TEXT, title="Airport", published=date(2014, 10, 23))
        store.put(Analysis(article=art, quotes=analysed.quotes, stages=("quotes.v124",)))
        store.replace_stories([Story(id="s-1", title="Airport", articles=("x.txt",))])
        store.replace_entities([Entity(id="e-police", name="Police", type="ORG", mentions=tuple(police))])
    app = create_app(str(db))
    try:
        html = request(app, "GET", "/stories/s-1").text
        entity = request(app, "GET", "/entities/e-police").text
    finally:
        app.state.data.corpus.close()
    table, rest = html.split("<h2>Quotes</h2>", 1)[1].split('<details class="other-attributions">', 1)
    assert "it had carried out the attack" in table and "images of soldiers" not in table
    assert "8 other attributions, not speech (1 belief, 1 plan, 6 act)" in rest
    assert "images of soldiers marching" in rest.split("</details>", 1)[0]
    # the police said nothing: what they believe and what they showed are set apart, tagged
    assert "<h2>Quotes</h2>" not in entity
    others = entity.split('<details class="other-attributions">', 1)[1].split("</details>", 1)[0]
    assert "2 other attributions, not speech" in others
    assert '<span class="tag">belief</span> <span class="quote">“the gunman acted alone”</span>' in others


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsprism.cli", *args], check=False, capture_output=True,
                          text=True, timeout=600)


def test_quotes_lists_speech_by_default_and_every_category_on_demand(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "n.db")
    assert _cli("ingest", str(tmp_path / "in"), "--db", db).returncode == 0
    res = _cli("quotes", "--db", db, "--json", str(tmp_path / "q.json"))
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert sum(line.startswith("[x.txt]") for line in lines) == 2
    assert "tackled" not in res.stdout
    assert lines[-1] == "(8 other attributions not listed: 1 belief, 1 plan, 6 act; --all lists them)"
    # the JSON keeps every attribution, each with its category
    items = json.loads((tmp_path / "q.json").read_text(encoding="utf-8"))
    assert sorted(q["category"] for q in items) == ["act"] * 6 + ["belief", "plan", "speech", "speech"]
    every = _cli("quotes", "--db", db, "--all")
    assert sum(line.startswith("[x.txt]") for line in every.stdout.splitlines()) == 10
    assert "(tackled): “him”  [act]" in every.stdout and "not listed" not in every.stdout
    plans = _cli("quotes", "--db", db, "--category", "plan", "--category", "belief")
    assert [line.split(": ", 1)[1] for line in plans.stdout.splitlines() if line.startswith("[x.txt]")] == [
        "“the gunman acted alone”  [belief]", "“to release more details on Friday”  [plan]"]
    bad = _cli("quotes", "--db", db, "--category", "quote")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr
    assert "unknown --category 'quote'; choose from speech, belief, plan, perception, act" in bad.stderr
    assert "--category" in _cli("quotes", "--help").stdout


def test_on_fnc1_bodies_a_pronoun_or_a_thing_as_the_content_of_a_deed_is_an_act() -> None:
    # The two read in the quotes of FNC-1 bodies 300-1683 since quotes.v109-v110: "a group of passers by
    # tackled him" (body 560) and the headline "Ottawa shooting video shown by police" (body 1331).
    path = need_data("fnc-1") / "train_bodies.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(fh)
                  if r["Body ID"] in ("560", "1331")}
    lines = "\n".join(json.dumps({"id": f"fnc-{k}", "text": v}) for k, v in sorted(bodies.items()))
    arts = list(parse_jsonl(lines, "fnc", "fnc.jsonl"))
    got = {(a.id, a.text[q.cue.start:q.cue.end], q.slice(a.text)): q.category
           for a in Pipeline.from_names(["parse", "mentions", "quotes"]).run(arts)  # type: ignore[arg-type]
           for q in a.quotes if q.cue is not None}
    assert got[("fnc-560", "tackled", "him")] == "act"
    assert got[("fnc-1331", "shown", "video")] == "act"
    assert got[("fnc-560", "denied", "that the man in the video was Rudd")] == "speech"
