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
    """``text`` escaped, with every valid mark wrapped around the pieces it covers.

    One sweep over the cut points keeps the set of open marks (a mark opens at its start
    and closes at its end, both cut points), instead of testing every mark for every piece,
    which was quadratic in the marks of a long article.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for k, m in enumerate(valid):
        opening.setdefault(m.start, []).append(k)
        closing.setdefault(m.end, []).append(k)
    points = sorted({0, len(text), *opening, *closing})
    open_marks: set[int] = set()
    out: list[str] = []
    for a, b in pairwise(points):
        open_marks.difference_update(closing.get(a, ()))
        open_marks.update(opening.get(a, ()))
        piece = escape(text[a:b]).replace("\n", "<br>")
        # Outer (longer) spans first so quotes wrap entity mentions; ties keep the marks' order.
        active = sorted(open_marks, key=lambda k: (valid[k].start - valid[k].end, valid[k].cls, k))
        for k in reversed(active):
            m = valid[k]
            attrs = f' class="{escape(m.cls)}"'
            if m.title:
                attrs += f' title="{escape(m.title)}"'
            if m.ref:
                attrs += f' data-ref="{escape(m.ref)}"'
            piece = f"<span{attrs}>{piece}</span>"
        out.append(piece)
    return Markup("".join(out))
