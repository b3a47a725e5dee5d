"""Turn the web data into what the HTML templates show (highlighted bodies, panels, the chart)."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from ..report.highlight import highlight
from ..report.html import marks_by_article, removed_bodies
from ..report.text import category_counts, split_speech

__all__ = ["render_page", "story_view"]

SELECTED = "hl"  # CSS class of the selected entity's mentions; app.js adds the same class on click


def render_page(env: Environment, name: str, **ctx: Any) -> str:
    """Render one template; the story page gets its derived view first."""
    if name == "story.html.j2":
        ctx.update(story_view(ctx["doc"], ctx.get("selected")))
    return env.get_template(name).render(**ctx)


def _timeline_svg(entries: list[Any]) -> Markup:
    if not entries:
        return Markup("")
    try:
        from ..resolve.timeline import render_svg
    except ImportError:
        return Markup("")
    # render_svg escapes every text it writes (descriptions come from articles).
    return Markup(render_svg(entries))


def story_view(doc: dict[str, Any], selected: str | None = None) -> dict[str, Any]:
    """Bodies with marked spans, entity list, claim groups, quotes and the chart for one story."""
    entities = {e["id"]: e for e in doc["entities"]}
    bodies = {}
    marks_of = marks_by_article(doc)
    for a in doc["articles"]:
        marks = marks_of.get(a["id"], [])
        if selected:
            marks = [
                dataclasses.replace(m, cls=f"{m.cls} {SELECTED}")
                if m.ref == selected and m.cls.startswith("ent") else m
                for m in marks
            ]
        bodies[a["id"]] = highlight(a["text"], marks)
    counts = {e["id"]: Counter(m["article"] for m in e["mentions"]) for e in doc["entities"]}
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in doc["claims"]:
        groups[c["group"] or c["id"]].append(c)
    claim_groups = [
        {"claims": g, "conflict": {"asserts", "denies"} <= {c["stance"] for c in g}} for g in groups.values()
    ]
    labels = {a["id"]: a["outlet"] or a["title"] or a["id"] for a in doc["articles"]}
    said, others = split_speech(doc["quotes"])
    return {
        "story": doc["story"],
        "articles": doc["articles"],
        "bodies": bodies,
        "removed": removed_bodies(doc),
        "entities": entities,
        "entity_list": doc["entities"],
        "counts": counts,
        # what was said, then the other attributions apart (beliefs, plans, perceptions, acts)
        "quotes": said,
        "other_quotes": others,
        "other_counts": category_counts(others),
        "claim_groups": claim_groups,
        "timeline": doc["timeline"],
        "svg": _timeline_svg(doc.get("_timeline_entries", [])),
        "cmp": doc["story"]["comparison"],
        "labels": labels,
        "selected_class": SELECTED,
        "pager": doc.get("_pager") or {
            "page": 1, "pages": 1, "per_page": len(doc["articles"]), "originals": len(doc["articles"]),
            "copies": {},
        },
    }
