"""Article text as escaped HTML with annotated spans marked up.

Overlapping spans are handled by cutting the text at every span boundary and
wrapping each piece in the marks active over it, so the output never has
crossing tags. All article text is escaped; nothing from it becomes markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from markupsafe import Markup

__all__ = ["Mark", "highlight"]


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    cls: str  # a CSS class from our own fixed vocabulary, never article text
    title: str = ""  # tooltip; escaped
    ref: str = ""  # data-ref value (entity id, quote id); escaped


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    cuts = {0, len(text)}
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    for m in valid:
        cuts.add(m.start)
        cuts.add(m.end)
    points = sorted(cuts)
    out: list[str] = []
    for a, b in pairwise(points):
        piece = escape(text[a:b]).replace("\n", "<br>")
        active = [m for m in valid if m.start <= a and b <= m.end]
        # Outer (longer) spans first so quotes wrap entity mentions.
        active.sort(key=lambda m: (m.start - m.end, m.cls))
        for m in reversed(active):
            attrs = f' class="{escape(m.cls)}"'
            if m.title:
                attrs += f' title="{escape(m.title)}"'
            if m.ref:
                attrs += f' data-ref="{escape(m.ref)}"'
            piece = f"<span{attrs}>{piece}</span>"
        out.append(piece)
    return Markup("".join(out))
