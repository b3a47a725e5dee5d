"""HTML pages: main text and metadata by trafilatura; fragments to text by the standard library.

Nothing the page references (images, scripts, frames, links) is ever fetched:
trafilatura works on the string it is given.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser

from ..errors import InputError
from ..model import Article
from .clean import clean_meta, clean_text, scrub
from .txt import parse_date

__all__ = ["html_to_text", "looks_like_html", "parse_html"]

log = logging.getLogger(__name__)

_BLOCK_TAGS = frozenset(
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt", "hr",
    }
)  # fmt: skip
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe", "object"})
_OG_SITE = re.compile(r"""<meta\s[^>]*?(?:property|name)\s*=\s*["']og:site_name["'][^>]*?>""", re.IGNORECASE)
_CONTENT_ATTR = re.compile(r"""content\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|p|div|article|meta|title)\b", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` holds common HTML tags."""
    return bool(_HTML_SNIFF.search(text[:4096]))


class _TextCollector(HTMLParser):
    """Collects text, turning block-level tags into paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed summary), one paragraph per block element."""
    collector = _TextCollector()
    try:
        collector.feed(fragment)
        collector.close()
    except (AssertionError, ValueError):  # HTMLParser's own errors on hopeless markup
        pass
    text = scrub("".join(collector.parts))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _og_site_name(html: str) -> str | None:
    m = _OG_SITE.search(html[:200_000])
    if not m:
        return None
    c = _CONTENT_ATTR.search(m.group(0))
    if not c:
        return None
    value = " ".join((c.group(1) or c.group(2) or "").split())
    return html_to_text(value) or None


def parse_html(
    html: str, source: str, article_id: str, url: str | None = None, clean: bool = True
) -> Article:
    """Extract one article from an HTML page, or raise :class:`InputError` when it holds no text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Only the page's own date: no guessing from the text, which could invent one.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura/lxml raise many types on bad markup
        log.debug("trafilatura failed on %s: %r", source, exc)
        doc = None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(source, "no article text found in the HTML")
    title = _clean_meta(getattr(doc, "title", None))
    lines = [line.strip() for line in text.split("\n")]
    # trafilatura repeats the headline as the first line of the text.
    if title and lines and " ".join(lines[0].split()) == title:
        lines = lines[1:]
    body = "\n\n".join(line for line in lines if line)
    cleaned = clean_text(body) if clean else None
    final = cleaned.text if cleaned else scrub(body).strip()
    if not final:
        raise InputError(source, "no article text found in the HTML")
    date_str = getattr(doc, "date", None)
    return Article(
        id=article_id,
        text=final,
        title=title,
        outlet=_og_site_name(html) or _clean_meta(getattr(doc, "sitename", None)),
        url=url or _clean_meta(getattr(doc, "url", None)),
        author=_clean_meta(getattr(doc, "author", None)),
        published=parse_date(date_str) if isinstance(date_str, str) else None,
        language=_clean_meta(getattr(doc, "language", None)),
        origin=source,
        removed=cleaned.removed if cleaned else (),
        credits=cleaned.credits if cleaned else (),
        repairs=cleaned.repairs if cleaned else (),
    )


def _clean_meta(value: object) -> str | None:
    return clean_meta(value)
