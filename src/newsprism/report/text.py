"""Terminal summary and Markdown report, both rendered from the export document."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from rich.console import Console
from rich.markup import escape as rich_escape

from ..stages.quote_category import CATEGORIES, SPEECH, class_category
from .index import ArticleIndex, StoryTimeline, story_entities

__all__ = ["category_counts", "holder_label", "md_escape", "print_summary", "render_markdown", "split_speech"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~-])")


def md_escape(text: str | None, limit: int = 400) -> str:
    """Escape Markdown and HTML in untrusted text; collapse whitespace; bound the length."""
    if text is None:
        return ""
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


class _Parts:
    """What each story of ``doc`` shows, looked up through article indexes built once."""

    def __init__(self, doc: dict[str, Any]):
        self.arts = {a["id"]: a for a in doc["articles"]}
        self.ents = {e["id"]: e for e in doc["entities"]}
        self.entities = ArticleIndex(doc["entities"], lambda e: (m["article"] for m in e["mentions"]))
        self.quotes = ArticleIndex(doc["quotes"], lambda q: (q["article"],))
        self.claims = ArticleIndex(doc["claims"], lambda c: (c["article"],))
        self.timeline = StoryTimeline(
            doc["timeline"], lambda t: t.get("story"), lambda t: (m["article"] for m in t["mentions"])
        )

    def of(self, s: dict[str, Any]) -> dict[str, Any]:
        members = s["articles"]
        return {
            "articles": [self.arts[i] for i in members if i in self.arts],
            "entities": story_entities(self.entities, members),
            "quotes": self.quotes.touching(members),
            "claims": self.claims.touching(members),
            "timeline": self.timeline.of(s["id"], members),
            "ents": self.ents,
        }


def _date(a: dict[str, Any]) -> str:
    if not a["published"]:
        return "undated"
    return a["published"] + (" (inferred)" if a["published_inferred"] else "")


def _speaker(q: dict[str, Any], ents: dict[str, Any]) -> str:
    sp = q.get("speaker") or {}
    if sp.get("entity") in ents:
        name = ents[sp["entity"]]["name"]
    else:
        name = sp.get("text") or ""
    role = sp.get("role")
    if role and role not in name:
        name = f"{name} ({role})" if name else role
    return name or "unknown speaker"


_WORD = re.compile(r"\w+")


def holder_label(c: dict[str, Any], ents: dict[str, Any]) -> str:
    """Who holds claim ``c``: the entity it resolved to, with the article's words after the name
    when they do not name it ("Hamas (a statement from the terrorist group)"). Words that hold the
    whole name ("Revolutionary Guard spokesman Ramzan Sharif") are shown as they are, words the
    name holds ("Trump" for Donald Trump) give the name; both compared word by word, so "US" is
    not named by "discussions", so that a conflict always says who."""
    words = c.get("holder_name") or ""
    ent = ents.get(c.get("holder") or "")
    if ent is None:
        return words or "unknown"
    name = ent["name"]
    said, named = _WORD.findall(words.casefold()), _WORD.findall(name.casefold())
    if not said or _runs_in(said, named):
        return name
    if _runs_in(named, said):
        return words
    return f"{name} ({words})"


def _runs_in(part: list[str], whole: list[str]) -> bool:
    """True when the words ``part`` occur in ``whole`` as one run."""
    n = len(part)
    return 0 < n <= len(whole) and any(whole[i : i + n] == part for i in range(len(whole) - n + 1))


def _excerpt(text: str, limit: int) -> str:
    """Article text on one line, cut at ``limit`` characters (a quote; a claim's sentence, which
    tells apart two sentences in which one holder asserts a proposition)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _conflict_groups(claims: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        groups.setdefault(c["group"] or c["id"], []).append(c)
    return [g for g in groups.values() if {"asserts", "denies"} <= {c["stance"] for c in g}]


def _category(q: dict[str, Any]) -> str:
    return q.get("category") or class_category(q.get("cue_class"))


def split_speech(quotes: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``quotes`` parted, each part in its own order, into what was said (category "speech": direct and
    reported) and the other attributions (beliefs, plans, perceptions, acts), which the listings count
    and show apart: "who said what" is what a reader of the quotes looks for."""
    said = [q for q in quotes if _category(q) == SPEECH]
    return said, [q for q in quotes if _category(q) != SPEECH]


def category_counts(quotes: list[dict[str, Any]]) -> str:
    """How many of ``quotes`` each category holds, in :data:`CATEGORIES` order: "3 belief, 1 act"."""
    counts = Counter(map(_category, quotes))
    return ", ".join(f"{counts[c]} {c}" for c in (*CATEGORIES, *sorted(set(counts) - set(CATEGORIES)))
                     if c in counts)


def _more(console: Console, hidden: int, command: str) -> None:
    """Say how many items a summary list left out and which command lists them all."""
    if hidden > 0:
        console.print(f"  [dim]… {hidden} more: {rich_escape(command)}[/dim]")


def print_summary(doc: dict[str, Any], console: Console | None = None, *, max_items: int = 8) -> None:
    """A readable per-story summary for the terminal."""
    console = console or Console()
    e = rich_escape
    parts = _Parts(doc)
    for n, s in enumerate(doc["stories"], 1):
        p = parts.of(s)
        console.rule(f"[bold]Story {n}[/bold] · {e(s['id'])}")
        console.print(f"[bold]{e(s['title'])}[/bold]")
        for a in p["articles"]:
            console.print(
                f"  • {e(a['id'])} — {e(a['outlet'] or 'outlet unknown')},"
                f" {e(a['author'] or 'author unknown')}, {_date(a)}"
            )
        if s["copies"]:
            console.print(
                f"  ({len(s['copies'])} near-duplicate cop{'y' if len(s['copies']) == 1 else 'ies'} folded)"
            )
        if p["entities"]:
            names = [f"{x['name']} ({x['type']}, {len(x['mentions'])})" for x in p["entities"][:max_items]]
            console.print(f"[cyan]Entities[/cyan] {len(p['entities'])}: " + e("; ".join(names)))
        said, others = split_speech(p["quotes"])
        if said:
            console.print(f"[cyan]Quotes[/cyan] {len(said)}:")
            for q in said[:max_items]:
                via = ", ".join(v["name"] for v in q["via"])
                console.print(
                    f"  {e(_speaker(q, p['ents']))} [dim]{e(q['cue'] or '')}[/dim]:"
                    f" “{e(_excerpt(q['text'], 108))}”"
                    + (" [dim](in an embedded post)[/dim]" if q.get("embed") is not None else "")
                    + (f" [green]via {e(via)}[/green]" if via else "")
                )
            _more(console, len(said) - max_items, f"newsprism quotes --story {s['id']}")
        if others:
            # counted, not listed: the command that lists them
            every = f"newsprism quotes --story {s['id']} --all"
            console.print(f"[dim]Other attributions {len(others)} ({e(category_counts(others))}):"
                          f" {e(every)}[/dim]")
        for g in _conflict_groups(p["claims"]):
            console.print(f"[red]Conflict[/red]: {e(g[0]['proposition'] or g[0]['text'])}")
            for c in g:
                console.print(
                    f"  {c['stance']:8} {e(holder_label(c, p['ents']))}:"
                    f" {e(_excerpt(c['text'], 80))}"
                    f" [dim]({e(c['article'])})[/dim]"
                )
        if p["timeline"]:
            console.print(f"[cyan]Timeline[/cyan] {len(p['timeline'])}:")
            for t in p["timeline"][: max_items * 2]:
                arts = sorted({m["article"] for m in t["mentions"]})
                # an embedded post names its article
                told = f" [dim]({e(', '.join(arts))})[/dim]" if arts else ""
                console.print(f"  {t['date']:10} {e(t['description'])}{told}")
            _more(console, len(p["timeline"]) - max_items * 2, f"newsprism timeline --story {s['id']}")
        cmp = s["comparison"]
        if cmp.get("unique"):
            console.print("[cyan]Only in one article[/cyan]:")
            for aid, facts in cmp["unique"].items():
                for f in facts[:max_items]:
                    console.print(f"  {e(aid)}: {e(f['fact'])}")
        for c in cmp.get("conflicts", [])[:max_items]:
            console.print(f"[red]Differs[/red] ({e(c['kind'])}): {e(c['description'])}")
    if not doc["stories"]:
        console.print("No stories: nothing was analysed.")


def render_markdown(doc: dict[str, Any]) -> str:
    """A Markdown report; all article-derived text escaped."""
    m = md_escape
    out = [f"# newsprism report\n\n{len(doc['articles'])} articles, {len(doc['stories'])} stories.\n"]
    parts = _Parts(doc)
    for n, s in enumerate(doc["stories"], 1):
        p = parts.of(s)
        out.append(f"\n## Story {n}: {m(s['title'])}\n\n`{s['id']}`\n")
        out.append("\n| article | outlet | author | published |\n|---|---|---|---|")
        for a in p["articles"]:
            out.append(f"| {m(a['id'])} | {m(a['outlet'] or '—')} | {m(a['author'] or '—')}"
                       f" | {m(_date(a))} |")
        if p["entities"]:
            out.append("\n### Entities\n")
            for x in p["entities"]:
                aliases = "; ".join(m(a) for a in x["aliases"] if a != x["name"])
                out.append(f"- **{m(x['name'])}** ({x['type']}, {len(x['mentions'])} mentions)"
                           + (f": {aliases}" if aliases else ""))
        said, others = split_speech(p["quotes"])
        for title, part in (("Quotes", said), ("Other attributions", others)):
            if not part:
                continue
            out.append(f"\n### {title}\n")
            if part is others:
                out.append(f"Beliefs, plans, perceptions and acts, not speech: {category_counts(others)}.\n")
            for q in part:
                via = ", ".join(m(v["name"]) for v in q["via"])
                out.append(f"- {m(_speaker(q, p['ents']))} ({m(q['cue'] or '')}): “{m(q['text'])}”"
                           + (f" \\[{_category(q)}\\]" if part is others else "")
                           + (" (in an embedded post)" if q.get("embed") is not None else "")
                           + (f" — via {via}" if via else "") + f" \\[{m(q['article'])}\\]")
        groups = _conflict_groups(p["claims"])
        if groups:
            out.append("\n### Conflicting claims\n")
            for g in groups:
                out.append(f"- {m(g[0]['proposition'] or g[0]['text'])}")
                for c in g:
                    out.append(
                        f"  - {c['stance']}: {m(holder_label(c, p['ents']))}:"
                        f" {m(_excerpt(c['text'], 160))}"
                        f" \\[{m(c['article'])}\\]"
                    )
        if p["timeline"]:
            out.append("\n### Timeline\n")
            for t in p["timeline"]:
                out.append(f"- {t['date']} ({t['precision']}): {m(t['description'])}")
        cmp = s["comparison"]
        if cmp.get("shared") or cmp.get("unique") or cmp.get("conflicts"):
            out.append("\n### Comparison\n")
            for f in cmp.get("shared", []):
                out.append(f"- all: {m(f['fact'])}")
            for aid, facts in cmp.get("unique", {}).items():
                for f in facts:
                    out.append(f"- only {m(aid)}: {m(f['fact'])}")
            for c in cmp.get("conflicts", []):
                out.append(f"- differs ({m(c['kind'])}): {m(c['description'])}")
    return "\n".join(out) + "\n"
