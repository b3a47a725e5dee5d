"""The HTML report: marks nest without crossing, and each story shows only what belongs to it."""

from __future__ import annotations

import re
from html import unescape

import pytest

from newsprism.report.highlight import Mark, highlight
from newsprism.report.html import render_html
from newsprism.report.text import holder_label, render_markdown

TEXT = (
    "Hamas denied on Wednesday the Iranian version.\n"
    "“We deny the validity of what was stated,” the group said, according to Maan."
)


def _spans(markup: str) -> list[tuple[str, str]]:
    """(class, covered text) for every span, by walking the tags with a stack."""
    out, stack = [], []
    for tok in re.split(r"(<span[^>]*>|</span>)", markup):
        if tok.startswith("<span"):
            stack.append((re.search(r'class="([^"]*)"', tok).group(1), []))
        elif tok == "</span>":
            cls, parts = stack.pop()
            text = "".join(parts)
            out.append((cls, text))
            for _, outer in stack:
                outer.append(text)
        else:
            piece = unescape(tok.replace("<br>", "\n"))
            if stack:
                stack[-1][1].append(piece)
    assert not stack, "a span was left open"
    return out


def test_highlight_nests_overlapping_marks_and_keeps_the_text():
    quote = TEXT.index("“")
    marks = [
        Mark(0, 5, "ent", "Hamas (ORG)", "e1"),
        Mark(0, 46, "claim", "claim (denies)", "c1"),
        Mark(quote + 1, quote + 41, "quote", "quote — the group", "q1"),
        Mark(quote + 3, quote + 20, "claim", "claim (denies)", "c2"),  # crosses nothing, inside the quote
        Mark(quote + 15, quote + 60, "claim", "crosses the quote's end", "c3"),
        Mark(TEXT.index("Maan"), TEXT.index("Maan") + 4, "via", "relayed by Maan", "q1"),
        Mark(10, 5, "bad", "end before start: dropped"),
        Mark(0, len(TEXT) + 9, "bad", "past the text: dropped"),
    ]
    html = str(highlight(TEXT, marks))
    # Every character of the text is there once, escaped, line breaks as <br>.
    assert unescape(re.sub(r"<[^>]+>", "", html.replace("<br>", "\n"))) == TEXT
    assert 'class="bad"' not in html
    covered: dict[str, str] = {}
    for cls, text in _spans(html):
        covered[cls] = covered.get(cls, "") + text
    assert covered["ent"] == "Hamas"
    assert covered["via"] == "Maan"
    # A mark that crosses another is cut into pieces, which together cover exactly its text.
    by_ref = "".join(t for c, t in _spans(html) if c == "quote")
    assert by_ref == TEXT[quote + 1 : quote + 41]
    # The longer span is outside: the entity sits inside the sentence's claim.
    assert re.search(r'<span class="claim"[^>]*><span class="ent"', html)


def test_highlight_escapes_markup_in_article_text():
    text = "<script>alert(1)</script> said <b>Sharif</b>"
    html = str(highlight(text, [Mark(0, 25, "quote", "<img src=x>", "q\"1")]))
    assert "<script>" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and 'data-ref="q&quot;1"' in html


def _article(aid: str) -> dict:
    return {"id": aid, "title": f"title {aid}", "outlet": None, "url": None, "author": None,
            "published": None, "published_inferred": False, "language": None, "text": TEXT, "removed": [],
            "credits": []}


def _entity(eid: str, name: str, articles: list[str]) -> dict:
    return {"id": eid, "name": name, "type": "ORG", "aliases": [], "confidence": 1.0,
            "mentions": [{"article": a, "start": 0, "end": 5, "text": "Hamas"} for a in articles]}


def _claim(cid: str, article: str, group: str | None, stance: str, words: str) -> dict:
    return {"id": cid, "text": words, "proposition": words, "holder": None, "holder_name": "Hamas",
            "holder_span": None, "stance": stance, "article": article, "start": 0, "end": 46, "group": group}


def _section(html: str, story: str) -> str:
    return html.split(f'<section id="{story}">', 1)[1].split("</section>", 1)[0]


def _two_stories() -> dict:
    cmp = {"shared": [], "unique": {}, "conflicts": [], "sources": {}, "wording": {}}
    doc = {
        "schema": "newsprism/1",
        "articles": [_article(a) for a in ("a1", "a2", "b1")],
        "stories": [
            {"id": "s-a", "title": "Story A", "articles": ["a1", "a2"], "copies": [], "confidence": 1.0,
             "comparison": cmp},
            {"id": "s-b", "title": "Story B", "articles": ["b1"], "copies": [], "confidence": 1.0,
             "comparison": cmp},
        ],
        "entities": [
            _entity("e-once", "OnlyInA", ["a2"]),
            _entity("e-both", "InBoth", ["a1", "b1", "b1"]),
            _entity("e-many", "ManyInA", ["a1", "a1", "a2", "a2"]),
            _entity("e-b", "OnlyInB", ["b1"]),
        ],
        "quotes": [],
        "claims": [
            _claim("c1", "a1", "g-x", "asserts", "GroupX claim"),
            _claim("c2", "b1", "g-x", "denies", "GroupX claim"),
            _claim("c3", "a2", None, "asserts", "Lonely claim in A"),
            _claim("c4", "b1", "g-y", "asserts", "GroupY claim"),
        ],
        "timeline": [
            {"date": "2023-12-25", "precision": "day", "description": "EntryOfB by story id", "entities": [],
             "story": "s-b", "conflicts": [],
             "mentions": [{"article": "a1", "start": 0, "end": 5, "text": "x"}]},
            {"date": "2023-12-27", "precision": "day", "description": "EntryOfA by mention", "entities": [],
             "story": None, "conflicts": [],
             "mentions": [{"article": "a2", "start": 0, "end": 5, "text": "y"}]},
        ],
    }
    return doc


def test_each_story_shows_its_own_entities_claims_and_timeline():
    html = render_html(_two_stories())
    a, b = _section(html, "s-a"), _section(html, "s-b")
    ents_a = re.findall(r'<tr id="(e-[a-z]+)">', a)
    # By mention count (most first); ties keep the document's order.
    assert ents_a == ["e-many", "e-both", "e-once"]
    assert re.findall(r'<tr id="(e-[a-z]+)">', b) == ["e-both", "e-b"]
    # A claim group shows in every story whose articles it touches; a lone claim in its own.
    assert "GroupX claim" in a and "GroupX claim" in b and "Conflict: sources assert and deny this" in b
    assert "Lonely claim in A" in a and "Lonely claim in A" not in b
    assert "GroupY claim" in b and "GroupY claim" not in a
    assert a.index("GroupX claim") < a.index("Lonely claim in A")  # the document's order
    # A timeline entry belongs to its story and to any story whose articles tell it.
    assert "EntryOfB by story id" in b and "EntryOfB by story id" in a  # told in a1
    assert "EntryOfA by mention" in a and "EntryOfA by mention" not in b
    assert a.index("EntryOfB by story id") < a.index("EntryOfA by mention")
    # Each article body carries its own marks only.
    assert a.count('data-ref="e-many"') == 4 and b.count('data-ref="e-many"') == 0
    assert b.count('data-ref="e-both"') == 2


def test_markdown_report_lists_each_storys_own_entities_and_timeline():
    md = render_markdown(_two_stories())
    a, b = md.split("## Story 2:", 1)
    a = a.split("## Story 1:", 1)[1]
    assert re.findall(r"- \*\*(\w+)\*\*", a) == ["ManyInA", "InBoth", "OnlyInA"]
    assert re.findall(r"- \*\*(\w+)\*\*", b) == ["InBoth", "OnlyInB"]
    assert "EntryOfB by story id" in a and "EntryOfB by story id" in b
    assert "EntryOfA by mention" in a and "EntryOfA by mention" not in b


def test_a_storys_entities_are_counted_and_ranked_by_their_mentions_in_that_story():
    # rd34's Boko Haram story listed "Afghan Taliban (ORG, 64)" first among its entities: 63 of the 64
    # mentions were in another story's articles. Each report counts a story's own mentions only.
    from rich.console import Console

    from newsprism.report.text import print_summary

    doc = _two_stories()
    doc["entities"] = [_entity("e-spread", "Spread", ["a1", "b1", "b1", "b1", "b1", "b1"]),
                       _entity("e-local", "Local", ["a1", "a2"])]
    a = _section(render_html(doc), "s-a")
    assert re.findall(r'<tr id="(e-[a-z]+)"><td>\w+</td><td>ORG</td><td></td><td>(\d+)</td>', a) == [
        ("e-local", "2"), ("e-spread", "1")]
    md = render_markdown(doc).split("## Story 2:", 1)[0]
    assert "**Local** (ORG, 2 mentions)" in md and "**Spread** (ORG, 1 mentions)" in md
    assert md.index("**Local**") < md.index("**Spread**")
    console = Console(record=True, width=200)
    print_summary(doc, console)
    first = console.export_text().split("Story 2", 1)[0]
    assert "Entities 2: Local (ORG, 2); Spread (ORG, 1)" in first
    assert doc["entities"][0]["mentions"][1]["article"] == "b1"  # the document itself is left whole


def test_a_storys_entity_shows_the_aliases_its_own_articles_use():
    # rd35: the aliases column was the whole store's, so story A listed a name only story B used.
    doc = _two_stories()
    taliban = _entity("e-tal", "Taliban", ["a1", "b1"])
    taliban["aliases"] = ["Tehrik-i-Taliban", "the Taliban"]
    taliban["mentions"][0]["text"] = "the  Taliban"
    taliban["mentions"][1]["text"] = "Tehrik-i-Taliban"
    doc["entities"] = [taliban]
    html = render_html(doc)
    row = '<tr id="e-tal"><td>Taliban</td><td>ORG</td><td>{}</td><td>1</td>'
    assert row.format("the Taliban") in _section(html, "s-a")
    assert row.format("Tehrik-i-Taliban") in _section(html, "s-b")


def test_a_quote_of_an_embedded_post_is_marked_in_the_post_not_in_the_body():
    # Its offsets point into the post's text: marking them in the body would paint words of the
    # article that nobody said.
    doc = _two_stories()
    doc["articles"][0]["removed"] = [{"kind": "embed", "text": "He says \"we did it\" — X (@x) May 4, 2024",
                                      "offset": 46}]
    doc["quotes"] = [{"id": "q-post", "article": "a1", "start": 9, "end": 18, "text": "we did it",
                      "kind": "direct",
                      "speaker": {"entity": None, "text": "He", "start": 0, "end": 2, "role": None},
                      "cue": "says", "cue_class": "say", "via": [{"name": "X", "start": 22, "end": 23}],
                      "credits": [], "confidence": 0.8, "stage": "quotes.v80", "embed": 0}]
    html = render_html(doc)
    section = _section(html, "s-a")
    body = section.split('<div class="body">', 1)[1].split("</div>", 1)[0]
    assert not [t for cls, t in _spans(body) if cls in ("quote", "speaker", "via")]
    post = section.split('<ul class="removed">', 1)[1].split("</ul>", 1)[0]
    marked = [(cls, t) for cls, t in _spans(post) if cls != "tag"]
    assert marked == [("speaker", "He"), ("quote", "we did it"), ("via", "X")]
    assert "in an embedded post" in section
    assert "(in an embedded post)" in render_markdown(doc)


def test_the_terminal_summary_shows_who_said_something_first():
    # The few quote lines of a story are "who said what": acts that are no speech (a belief, a plan,
    # an "other" cue the model read) are not listed among the sayings, and are still counted, with
    # the command that lists them (a document without categories reads them from the cue's class).
    from rich.console import Console

    from newsprism.report.text import print_summary

    def quote(qid: str, text: str, cls: str) -> dict:
        return {"id": qid, "article": "a1", "start": 0, "end": 5, "text": text, "kind": "indirect",
                "speaker": {"entity": None, "text": "Hamas", "start": 0, "end": 5, "role": None},
                "cue": cls, "cue_class": cls, "via": [], "credits": [], "confidence": 0.7, "stage": "t",
                "embed": None}

    doc = _two_stories()
    doc["quotes"] = [quote("q1", "little about the plan", "other"), quote("q2", "to win the vote", "intend"),
                     quote("q3", "the attack was a crime", "say")]
    console = Console(record=True, width=200)
    print_summary(doc, console, max_items=1)
    out = console.export_text()
    assert "the attack was a crime" in out and "little about the plan" not in out
    assert "Quotes 1:" in out and "… 2 more" not in out
    assert "Other attributions 2 (1 plan, 1 act): newsprism quotes --story s-a --all" in out


@pytest.mark.parametrize("words, name, shown", [
    # words that do not name the entity come after its name, compared word by word
    ("a source familiar with the discussions", "US", "US (a source familiar with the discussions)"),
    ("an unnamed official", "UN", "UN (an unnamed official)"),
    ("a European diplomat", "EU", "EU (a European diplomat)"),
    ("a statement from the terrorist group", "Hamas", "Hamas (a statement from the terrorist group)"),
    # words that hold the whole name are shown as they are; words the name holds give the name
    ("Guard spokesman Ramzan Sharif", "Ramzan Sharif", "Guard spokesman Ramzan Sharif"),
    ("Trump", "Donald Trump", "Donald Trump"),
    ("Hamas", "Hamas", "Hamas"),
])
def test_a_claims_holder_is_named_by_its_entity(words, name, shown):
    claim = {"holder": "e1", "holder_name": words}
    assert holder_label(claim, {"e1": {"name": name}}) == shown
    assert holder_label({"holder": None, "holder_name": words}, {}) == words
    assert holder_label({"holder": None, "holder_name": None}, {}) == "unknown"
