"""The signature an embedded post ends with: "— Daily Caller (@DailyCaller) February 29, 2020".

The cleaner sets a paragraph ending so apart from the article's text (``Removed`` of kind
"embed"); the times stage dates a post left in the text by it, and the timeline a post set apart:
one pattern, so the post the cleaner takes is the post they date.
"""

from __future__ import annotations

import re

__all__ = ["HANDLE", "POST_SIGNATURE"]

# the handle a signature names its author by, "(@DailyCaller)"
HANDLE = r"\(@\w{1,30}\)"
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# a dash, the author's name, the handle and the post's date (group "date") at the paragraph's end
POST_SIGNATURE = re.compile(r"[—–-]\s*[^\n()]{0,80}" + HANDLE + r"\s*(?P<date>" + _MONTHS
                            + r"\s+\d{1,2},\s+\d{4})\s*$")
