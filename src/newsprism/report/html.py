"""A self-contained HTML report (no scripts, no external assets) rendered from the export document."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .highlight import Mark, highlight

__all__ = ["render_html"]

_env = Environment(
    loader=PackageLoader("newsprism.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _marks_for(article_id: str, doc: dict[str, Any]) -> list[Mark]:
    marks: list[Mark] = []
    for e in doc["entities"]:
        for m in e["mentions"]:
            if m["article"] == article_id:
                marks.append(Mark(m["start"], m["end"], f"ent ent-{_css_type(e['type'])}", f"{e['name']} ({e['type']})", e["id"]))
    for q in doc["quotes"]:
        if q["article"] != article_id:
            continue
        who = (q["speaker"] or {}).get("text") or (q["speaker"] or {}).get("role") or "unknown speaker"
        via = ", ".join(v["name"] for v in q["via"])
        title = f"quote — {who}" + (f", via {via}" if via else "")
        marks.append(Mark(q["start"], q["end"], "quote", title, q["id"]))
        sp = q["speaker"]
        if sp and sp.get("start") is not None:
            marks.append(Mark(sp["start"], sp["end"], "speaker", "speaker", q["id"]))
        for v in q["via"]:
            if v["end"] > v["start"]:
                marks.append(Mark(v["start"], v["end"], "via", f"relayed by {v['name']}", q["id"]))
    for c in doc["claims"]:
        if c["article"] == article_id:
            marks.append(Mark(c["start"], c["end"], f"claim claim-{_css_type(c['stance'])}", f"claim ({c['stance']})", c["id"]))
    return marks


def _css_type(t: str | None) -> str:
    return "".join(ch for ch in (t or "x").lower() if ch.isalnum()) or "x"


def render_html(doc: dict[str, Any], timeline_svg: dict[str, str] | None = None) -> str:
    """Render the ``newsprism/1`` document; ``timeline_svg`` maps story id to an SVG we generated."""
    articles = {a["id"]: a for a in doc["articles"]}
    bodies = {aid: highlight(a["text"], _marks_for(aid, doc)) for aid, a in articles.items()}
    quotes_by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in doc["quotes"]:
        quotes_by_article[q["article"]].append(q)
    claims_by_group: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in doc["claims"]:
        claims_by_group[c["group"] or c["id"]].append(c)
    entities = {e["id"]: e for e in doc["entities"]}
    stories = []
    for s in doc["stories"]:
        members = set(s["articles"])
        stories.append(
            {
                "story": s,
                "articles": [articles[i] for i in s["articles"] if i in articles],
                "entities": sorted(
                    (e for e in doc["entities"] if any(m["article"] in members for m in e["mentions"])),
                    key=lambda e: -len(e["mentions"]),
                ),
                "quotes": [q for i in s["articles"] for q in quotes_by_article.get(i, [])],
                "claim_groups": [
                    g for g in claims_by_group.values() if any(c["article"] in members for c in g)
                ],
                "timeline": [t for t in doc["timeline"] if t.get("story") == s["id"]
                             or any(m["article"] in members for m in t["mentions"])],
                "svg": Markup((timeline_svg or {}).get(s["id"], "")),
            }
        )
    return _env.get_template("report.html.j2").render(
        doc=doc, stories=stories, bodies=bodies, entities=entities, articles=articles
    )
