"""A self-contained HTML report (no scripts, no external assets) rendered from the export document."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .highlight import Mark, highlight
from .index import ArticleIndex, StoryTimeline, story_entities
from .text import category_counts, holder_label, split_speech

__all__ = ["marks_by_article", "removed_bodies", "render_html"]

_env = Environment(
    loader=PackageLoader("newsprism.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals["holder_label"] = holder_label


def marks_by_article(doc: dict[str, Any]) -> dict[str, list[Mark]]:
    """Every article's marks, in one pass over the document.

    Collecting them article by article walked all entities, quotes and claims once per
    article, which grew with the square of the corpus (800 articles took 15 s to render).
    The order within an article is the same as that walk's: entities, then quotes, then claims.
    """
    marks: dict[str, list[Mark]] = defaultdict(list)
    for e in doc["entities"]:
        for m in e["mentions"]:
            marks[m["article"]].append(
                Mark(m["start"], m["end"], f"ent ent-{_css_type(e['type'])}", f"{e['name']} ({e['type']})",
                     e["id"])
            )
    for q in doc["quotes"]:
        if q.get("embed") is None:  # an embedded post's quote is marked in that post (removed_bodies)
            marks[q["article"]].extend(_quote_marks(q))
    for c in doc["claims"]:
        marks[c["article"]].append(
            Mark(c["start"], c["end"], f"claim claim-{_css_type(c['stance'])}", f"claim ({c['stance']})",
                 c["id"])
        )
    return marks


def _quote_marks(q: dict[str, Any]) -> list[Mark]:
    """A quote's content, speaker and relays, in the text its offsets point into."""
    who = (q["speaker"] or {}).get("text") or (q["speaker"] or {}).get("role") or "unknown speaker"
    via = ", ".join(v["name"] for v in q["via"])
    # a belief, a plan, a perception or an act is marked as what it is, not as a quote
    what = "quote" if split_speech([q])[0] else q.get("category") or "attribution"
    out = [Mark(q["start"], q["end"], "quote", f"{what} — {who}" + (f", via {via}" if via else ""), q["id"])]
    sp = q["speaker"]
    if sp and sp.get("start") is not None:
        out.append(Mark(sp["start"], sp["end"], "speaker", "speaker", q["id"]))
    for v in q["via"]:
        if v["end"] > v["start"]:
            out.append(Mark(v["start"], v["end"], "via", f"relayed by {v['name']}", q["id"]))
    return out


def removed_bodies(doc: dict[str, Any]) -> dict[str, list[Markup]]:
    """Each article's removed pieces (captions, credits, embedded posts) as escaped text, an embedded
    post's quotes marked in it: their offsets point into the post, not the article."""
    marks: dict[tuple[str, int], list[Mark]] = defaultdict(list)
    for q in doc["quotes"]:
        if q.get("embed") is not None:
            marks[q["article"], q["embed"]].extend(_quote_marks(q))
    return {a["id"]: [highlight(r["text"], marks.get((a["id"], k), [])) for k, r in enumerate(a["removed"])]
            for a in doc["articles"] if a.get("removed")}


def _css_type(t: str | None) -> str:
    return "".join(ch for ch in (t or "x").lower() if ch.isalnum()) or "x"


def render_html(doc: dict[str, Any], timeline_svg: dict[str, str] | None = None) -> str:
    """Render the ``newsprism/1`` document; ``timeline_svg`` maps story id to an SVG we generated.

    What each story shows is looked up through article indexes built once, so the time
    grows with the size of the document, not with stories times entities.
    """
    articles = {a["id"]: a for a in doc["articles"]}
    marks = marks_by_article(doc)
    bodies = {aid: highlight(a["text"], marks.get(aid, [])) for aid, a in articles.items()}
    quotes_by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in doc["quotes"]:
        quotes_by_article[q["article"]].append(q)
    claims_by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in doc["claims"]:
        claims_by_group[c["group"] or c["id"]].append(c)
    groups = list(claims_by_group.values())
    entities = {e["id"]: e for e in doc["entities"]}
    by_entity = ArticleIndex(doc["entities"], lambda e: (m["article"] for m in e["mentions"]))
    by_group = ArticleIndex(groups, lambda g: (c["article"] for c in g))
    timeline = StoryTimeline(doc["timeline"], lambda t: t.get("story"),
                             lambda t: (m["article"] for m in t["mentions"]))
    stories = []
    for s in doc["stories"]:
        members = s["articles"]
        said, others = split_speech([q for i in members for q in quotes_by_article.get(i, [])])
        stories.append(
            {
                "story": s,
                "articles": [articles[i] for i in members if i in articles],
                "entities": story_entities(by_entity, members),
                "quotes": said,
                "other_quotes": others,
                "other_counts": category_counts(others),
                "claim_groups": by_group.touching(members),
                "timeline": timeline.of(s["id"], members),
                "svg": Markup((timeline_svg or {}).get(s["id"], "")),
            }
        )
    return _env.get_template("report.html.j2").render(
        doc=doc, stories=stories, bodies=bodies, removed=removed_bodies(doc), entities=entities,
        articles=articles,
    )
