"""Name normalisation, damaged-token detection and blocking keys for entity resolution.

Everything here is pure string work so the mention stage (per article) and the
cross-article resolver agree on what a name "is".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Container, Iterable

__all__ = [
    "ARTICLES",
    "EVENT_HEADS",
    "ROLE_WORDS",
    "TITLES",
    "acronym_of",
    "fold",
    "glued_split",
    "initials",
    "is_acronym",
    "loose_tokens",
    "name_key",
    "name_tokens",
    "skeleton",
]

# Honorifics and ranks: part of a surface form, never part of who someone is.
TITLES: frozenset[str] = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "shaykh",
        "sheik",
        "seyyed",
        "sayyed",
        "sayyid",
        "seyed",
        "sayed",
        "syed",
        "ayatollah",
        "hojatoleslam",
        "imam",
        "mullah",
        "pope",
        "rev",
        "reverend",
        "gen",
        "general",
        "brig",
        "brigadier",
        "maj",
        "major",
        "lt",
        "lieutenant",
        "col",
        "colonel",
        "capt",
        "captain",
        "cmdr",
        "commander",
        "sgt",
        "sergeant",
        "adm",
        "admiral",
        "marshal",
        "field",
        "cpl",
        "corporal",
        "pvt",
        "private",
        "president",
        "vice",
        "premier",
        "chancellor",
        "minister",
        "secretary",
        "senator",
        "sen",
        "rep",
        "representative",
        "congressman",
        "congresswoman",
        "gov",
        "governor",
        "mayor",
        "judge",
        "justice",
        "ambassador",
        "former",
        "late",
        "then",
        "ex",
        "deputy",
        "acting",
        "chief",
    ]
)

# Role nouns: a name right after one of these is a person ("spokesman Ramzan Sharif").
ROLE_WORDS: frozenset[str] = frozenset(
    [
        "sheriff",
        "detective",
        "det",
        "inspector",
        "trooper",
        "constable",
        "bishop",
        "archbishop",
        "rabbi",
        "pastor",
        "professor",
        "councilman",
        "councilwoman",
        "councillor",
        "assemblyman",
        "assemblywoman",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "president",
        "minister",
        "general",
        "gen",
        "commander",
        "leader",
        "chief",
        "director",
        "secretary",
        "senator",
        "governor",
        "mayor",
        "ambassador",
        "official",
        "officer",
        "envoy",
        "adviser",
        "advisor",
        "chairman",
        "chairwoman",
        "ceo",
        "founder",
        "actor",
        "actress",
        "singer",
        "star",
        "rapper",
        "player",
        "coach",
        "striker",
        "journalist",
        "reporter",
        "author",
        "writer",
        "lawyer",
        "attorney",
        "judge",
        "prosecutor",
        "brigadier",
        "colonel",
        "comedian",
        "host",
        "presenter",
        "anchor",
        "star",
        "coach",
        "manager",
        "captain",
        "martyr",
        "commander",
    ]
)

ARTICLES: frozenset[str] = frozenset({"the", "a", "an"})

# Heads that make a capitalised phrase an event name ("Al-Aqsa Storm", "Operation X").
EVENT_HEADS: frozenset[str] = frozenset(
    {"flood", "storm", "deluge", "operation", "offensive", "uprising", "intifada", "revolution", "war"}
)

# Translations of one word that name the same event ("Tufan al-Aqsa": flood, deluge, storm).
_EVENT_SYNONYMS: dict[str, str] = {"storm": "flood", "deluge": "flood", "tufan": "flood", "toofan": "flood"}

# Generic organisation suffixes dropped for matching ("Corp" vs "Corps" vs nothing).
_ORG_SUFFIXES: frozenset[str] = frozenset({"corp", "corps", "inc", "ltd", "llc", "plc", "co", "company"})

# Small words left out of acronyms ("Federal Bureau of Investigation" -> FBI).
_ACRONYM_SKIP: frozenset[str] = frozenset({"of", "the", "and", "for", "in", "on", "&", "de", "du", "la"})

# Lower-case words that extraction glues onto the end of a name ("Soleimaniin", "Moussavia").
GLUED_TAILS: tuple[str, ...] = (
    "in",
    "a",
    "an",
    "and",
    "of",
    "on",
    "at",
    "to",
    "the",
    "for",
    "with",
    "as",
    "by",
    "is",
    "was",
    "who",
    "said",
)

_QUOTES = "\"'`‘’“”«»‹›„‚"
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)
_NONWORD = re.compile(r"[^\w&]+")
# Abbreviations of place-name words, written either way ("Mt Cook" / "Mount Cook").
_ABBREVIATIONS: dict[str, str] = {"mt": "mount", "mtn": "mountain", "ft": "fort", "pt": "point"}
_DOTTED = re.compile(r"\b(?:[A-Z] ?\. ?){2,}")
_CAMEL = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case and strip accents ("Múgica" -> "mugica")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def name_tokens(text: str) -> list[str]:
    """Folded word tokens of a surface form, with quotes, possessives and punctuation removed.

    Dotted initials are one token: "U.S. Surgeon General" and "US Surgeon General" agree.
    """
    text = text.strip().strip(_QUOTES).strip()
    text = _POSSESSIVE.sub("", text)
    text = _DOTTED.sub(lambda m: m.group(0).replace(".", "").replace(" ", "") + " ", text)
    out: list[str] = []
    for raw in _NONWORD.split(fold(text).replace("'", "").replace("’", "")):
        if raw:
            out.append(_ABBREVIATIONS.get(raw, raw))
    return out


def _strip_arabic_article(tokens: list[str], original: str) -> list[str]:
    """Drop "al"/"el" before a name ("Al Quds", "al-Aqsa"), keeping persons called Al."""
    out: list[str] = []
    hyphenated = {fold(m.group(1)) for m in re.finditer(r"\b([Aa]l|[Ee]l)-\w", original)}
    for i, tok in enumerate(tokens):
        if tok in ("al", "el") and i + 1 < len(tokens) and (tok in hyphenated or i > 0 or len(tokens) > 2):
            continue
        out.append(tok)
    return out


@functools.lru_cache(maxsize=200_000)
def name_key(text: str, label: str = "") -> str:
    """The normalised form used for matching: folded, no article, titles or possessive.

    >>> name_key("the Iranian Revolutionary Guard's")
    'iranian revolutionary guard'
    >>> name_key("Brigadier General Seyyed Razi Mousavi", "PERSON")
    'razi mousavi'
    """
    if is_acronym(text.strip()):
        return acronym_of(text.strip())
    tokens = name_tokens(text)
    while tokens and tokens[0] in ARTICLES:
        tokens.pop(0)
    if label != "PERSON" or (tokens and tokens[0] in ("al", "el") and "-" in text):
        tokens = _strip_arabic_article(tokens, text)
    # Titles go only from the front of person names ("General Motors" keeps its "general"),
    # and never the last token (a person called "Major").
    while label in ("PERSON", "") and len(tokens) > 1 and (tokens[0] in TITLES or tokens[0] in ROLE_WORDS):
        tokens.pop(0)
    if label == "EVENT":
        tokens = _event_tokens(tokens)
    return " ".join(tokens)


def _event_tokens(tokens: list[str]) -> list[str]:
    """Canonical word order for event names: "Flood of al-Aqsa" == "Al Aqsa Flood"."""
    tokens = [_EVENT_SYNONYMS.get(t, t) for t in tokens if t not in ARTICLES]
    if "of" in tokens:
        i = tokens.index("of")
        head, rest = tokens[:i], tokens[i + 1 :]
        if head and rest and all(t in EVENT_HEADS for t in head):
            tokens = rest + head
    if tokens and tokens[0] == "operation" and len(tokens) > 1:
        tokens = tokens[1:]
    return [t for t in tokens if t not in ("al", "el")]


def loose_tokens(key: str) -> tuple[str, ...]:
    """Key tokens for loose matching: generic org suffixes gone, plural of the head folded."""
    toks = key.split()
    while len(toks) > 1 and toks[-1] in _ORG_SUFFIXES:
        toks.pop()
    if toks and len(toks[-1]) > 4 and toks[-1].endswith("s") and not toks[-1].endswith("ss"):
        toks[-1] = toks[-1][:-1]
    return tuple(toks)


_SKELETON_SUBS: tuple[tuple[str, str], ...] = (
    ("ph", "f"),
    ("kh", "k"),
    ("gh", "g"),
    ("dh", "d"),
    ("th", "t"),
    ("sh", "s"),
    ("ch", "c"),
    ("q", "k"),
    ("ck", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("w", "v"),
    ("y", "i"),
    ("z", "s"),
)


@functools.lru_cache(maxsize=100_000)
def skeleton(token: str) -> str:
    """A transliteration-tolerant key: consonant skeleton ("Qassem" and "Qasem" -> "ksm")."""
    t = "".join(ch for ch in fold(token) if ch.isalpha())
    if not t:
        return ""
    if len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
        t = t[:-1]  # plural: "Pictures" / "Picture"
    for a, b in _SKELETON_SUBS:
        t = t.replace(a, b)
    first, rest = t[0], "".join(ch for ch in t[1:] if ch not in "aeiou")
    out = [first]
    for ch in rest:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def is_acronym(text: str) -> bool:
    """True for "IRGC", "U.S.", "NATO" (2-7 capitals, optional dots)."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def acronym_of(text: str) -> str:
    """The folded letters of an acronym surface form ("U.S." -> "us")."""
    return fold(text.replace(".", "").replace(" ", ""))


def initials(tokens: Iterable[str]) -> set[str]:
    """Possible acronyms of a multi-word name, with and without the small words."""
    toks = [t for t in tokens if t]
    if len(toks) < 2:
        return set()
    full = "".join(t[0] for t in toks)
    content = "".join(t[0] for t in toks if t not in _ACRONYM_SKIP)
    out = {full, content}
    # "Islamic Revolutionary Guard Corps" is IRGC; "Corps" may be dropped in the other form.
    trimmed = [t for t in toks if t not in _ACRONYM_SKIP]
    if len(trimmed) > 2 and trimmed[-1] in _ORG_SUFFIXES:
        out.add("".join(t[0] for t in trimmed[:-1]))
    return {x for x in out if len(x) >= 2}


def glued_split(token: str, known: Container[str] | None = None) -> tuple[int, int] | None:
    """Where the real name sits inside a token damaged by extraction, as (start, end) in it.

    "accusedSoleimani" -> (7, 16); "ZionistsSharif" -> (8, 14) (the name after the glue);
    "Soleimaniin" -> (0, 9) when "soleimani" is in ``known`` (folded names seen as whole
    tokens elsewhere). Returns None for healthy tokens ("McDonald", "YouTube" unless known).
    """
    if len(token) < 4:
        return None
    if token[0].islower():
        # A lower-case word glued to a capitalised name: "accusedSoleimani".
        m = re.search(r"[a-z]{3,}(?=[A-Z][a-z]{2,}$)", token)
        if m and m.start() == 0:
            return (m.end(), len(token))
        return None
    for m in _CAMEL.finditer(token):
        left, right = token[: m.start()], token[m.start() :]
        # Two capitalised words glued ("ZionistsSharif") when either half is a word seen alone.
        if (
            len(left) >= 4
            and len(right) >= 3
            and (known is not None and (fold(left) in known or fold(right) in known))
        ):
            return (m.start(), len(token))
    if known:
        low = fold(token)
        for tail in GLUED_TAILS:
            stem = low[: -len(tail)]
            if low.endswith(tail) and len(stem) >= 3 and stem in known and low not in known:
                return (0, len(token) - len(tail))
    return None
