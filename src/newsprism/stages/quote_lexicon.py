"""Word lists for attribution: speech cues and their classes, roles, relays, statement nouns."""

from __future__ import annotations

import re

__all__ = [
    "CONTENT_NOUN_CUES",
    "CUE_CLASSES",
    "DOCUMENT_NOUNS",
    "FINDING_NOUNS",
    "GROUP_NOUNS",
    "MEDIA_NOUNS",
    "NON_SPEECH_CLASSES",
    "OTHER_CLASSES",
    "PEOPLE_NOUNS",
    "PERSON_ROLE_NOUNS",
    "PRONOUNS",
    "QUOTE_CLOSERS",
    "QUOTE_OPENERS",
    "RELAY_RE",
    "WEAK_CUES",
    "cue_class",
]

# lemma -> class. The class names are what users filter on (``quotes --cue deny``);
# they group verbs by the speech act, not by tense or synonymy alone.
_CLASSES: dict[str, tuple[str, ...]] = {
    "say": ("say", "tell", "speak", "talk", "add", "continue", "remark", "reply", "respond", "answer",
            "comment", "explain", "describe", "recall", "mention", "quote", "write", "tweet", "post",
            "indicate", "point", "observe", "yell", "shout", "chant", "scream", "ask", "testify",
            "describe", "call", "put", "joke", "quip", "recount", "reiterate", "repeat", "echo",
            "summarize", "express", "advise", "highlight", "underline", "address", "advance", "discuss",
            "refer", "apologize", "apologise", "remind"),
    "state": ("state", "declare", "proclaim", "pronounce", "affirm", "maintain"),
    "claim": ("claim", "allege", "argue", "contend", "insist", "assert", "suggest", "charge", "blame",
              "predict", "estimate", "speculate", "hint", "imply", "theorize", "deem", "interpret"),
    "deny": ("deny", "reject", "dispute", "refute", "dismiss", "rebut", "contradict", "disagree",
             "downplay", "decline", "refuse", "counter"),
    "confirm": ("confirm", "acknowledge", "admit", "concede", "agree", "verify", "corroborate", "grant"),
    "warn": ("warn", "caution", "alert", "fear", "worry"),
    "threaten": ("threaten", "vow", "swear", "pledge", "promise"),
    "stress": ("stress", "emphasize", "emphasise", "underscore", "insist"),
    "note": ("note", "observe", "notice", "point"),
    "assure": ("assure", "reassure", "guarantee"),
    "accuse": ("accuse", "blast", "slam", "criticize", "criticise", "attack", "condemn", "denounce",
               "lambaste", "rip", "hammer", "fault", "berate", "decry", "mock"),
    "announce": ("announce", "report", "reveal", "disclose", "publish", "release", "unveil", "inform",
                 "tell", "notify", "find", "show", "cite", "conclude", "determine", "detail"),
    "urge": ("urge", "demand", "call", "plead", "request", "press", "implore", "propose"),
    "praise": ("praise", "hail", "applaud", "commend", "laud", "welcome", "celebrate", "endorse", "defend",
               "advocate", "recommend", "tout", "boast", "favor", "favour"),
    "criticize": ("oppose", "question", "challenge", "complain", "lament", "rail"),
}

# First class wins for verbs listed twice, so order the more specific classes first.
_ORDER = ("deny", "threaten", "warn", "confirm", "accuse", "criticize", "stress", "assure", "note", "claim",
          "state", "urge", "praise", "announce", "say")

CUE_CLASSES: dict[str, str] = {}
for _cls in _ORDER:
    for _lemma in _CLASSES[_cls]:
        CUE_CLASSES.setdefault(_lemma, _cls)
# "tell" is the telling act itself, kept apart because its object is the audience, not the content.
CUE_CLASSES["tell"] = "tell"
CUE_CLASSES["say"] = "say"

# Cues outside the speech lexicon. The learned model reads them because PolNeAR marks beliefs,
# intentions and perceptions as attributions too ("police believe ...", "Apple plans to ...", "Kim
# appeared to ..."), and nominal cues ("the rumor that ...", "issued a denial that ..."); their class
# names that act rather than "say", which 22% of the quotes on 300 FNC-1 bodies were given. Only
# :func:`cue_class` and NON_SPEECH_CLASSES read these: the model's features and the rules read
# CUE_CLASSES, so no reading changes with them. A noun spelled as a speech verb ("claim", "report",
# "charge", "fear", "promise") takes the verb's class from CUE_CLASSES, so it is not listed here.
_OTHER_CLASSES: dict[str, tuple[str, ...]] = {
    "think": ("know", "believe", "think", "expect", "consider", "feel", "understand", "assume", "wonder",
              "remember", "suspect", "imagine", "learn", "discover", "realize", "realise", "guess",
              "recognize", "recognise", "view", "perceive", "belief", "opinion", "impression", "thought",
              "thinking", "assumption", "recognition", "realization", "realisation", "conviction", "theory",
              "position"),
    # "hop" is the lemmatizer's reading of "hoped", "hoping"
    "intend": ("want", "plan", "seek", "decide", "hope", "hop", "wish", "intend", "try", "choose", "aim",
               "decision", "intention"),
    "perceive": ("see", "witness", "hear", "watch", "spot"),
    "seem": ("appear", "seem"),
    # holding something unlikely asserts nothing ("officials doubt that the ceasefire will hold")
    "doubt": ("doubt",),
    # the nouns the rules read as cues (CLAIM_NOUNS, CONTENT_NOUN_CUES) by the act they name
    "state": ("statement", "communique", "communiqué", "declaration", "pronouncement", "message",
              "narrative"),
    "claim": ("assertion", "allegation", "suggestion", "argument", "contention", "speculation",
              "rumor", "rumour", "prediction", "forecast", "insinuation"),
    "announce": ("announcement", "signal"),
    "accuse": ("accusation",),
    "confirm": ("admission", "acknowledgment", "acknowledgement", "agreement"),
    "assure": ("assurance",),
    "warn": ("warning", "concern"),
    "stress": ("insistence",),
    "deny": ("denial",),
    "criticize": ("criticism", "complaint"),
}
OTHER_CLASSES: dict[str, str] = {lemma: cls for cls, lemmas in _OTHER_CLASSES.items() for lemma in lemmas}
# The classes of acts that are no speech: beliefs, plans, perceptions, and "other" (:func:`cue_class`'s
# class of a cue in neither lexicon). A nominal cue's act that is also a speech act ("state", "claim",
# "deny" ...) is speech.
NON_SPEECH_CLASSES: frozenset[str] = (frozenset(OTHER_CLASSES.values()) - frozenset(CUE_CLASSES.values())
                                      | {"other"})

# Verbs that take the content as a direct object rather than a clause, and only count when they do
# (so "showed" needs an object, "called" needs a clause/complement or a quote).
WEAK_CUES: frozenset[str] = frozenset(
    {"call", "put", "address", "find", "show", "release", "publish", "grant", "press", "attack",
     "rip", "hammer", "thank", "welcome", "celebrate", "think", "believe", "fear", "worry", "point",
     "advance", "discuss", "express", "decline", "refuse", "post", "notice", "counter", "determine",
     "detail", "cite", "plead", "request", "quote", "ask", "respond", "reply", "answer", "continue", "speak",
     "talk", "add", "describe", "recall", "repeat", "maintain", "pledge",
     "apologize", "apologise", "remind"}
)

# Nouns that report speech when they head the subject: "a statement from the group said".
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    {"statement", "text", "communique", "communiqué", "release", "letter", "note", "report", "message",
     "declaration", "announcement", "memo", "filing", "document", "post", "tweet", "video", "study",
     "poll", "survey", "ruling", "complaint", "lawsuit", "analysis"}
)
# Documents whose findings a sentence opening "In the poll, ..." reports; those among the
# DOCUMENT_NOUNS also lead a headline as its source ("Poll: Clinton and Trump in dead heat").
FINDING_NOUNS: frozenset[str] = frozenset({"poll", "survey", "study", "report", "analysis", "audit", "review",
                                          "census"})
CONTENT_NOUN_CUES: frozenset[str] = frozenset({"statement", "communique", "communiqué", "declaration"})
# Nouns of saying and believing whose "that" clause is what was said or held: "the claim that",
# "growing concerns that", "his acknowledgment that" (PolNeAR marks them as attributions, the noun
# the cue). Not the nouns of fact and likelihood ("the fact that", "the possibility that", "evidence
# that", "a sign that"), nor those a writer frames an argument with ("the idea that", "the notion
# that", "a reminder that"): on PolNeAR train their clauses are mostly no one's.
CLAIM_NOUNS: frozenset[str] = frozenset(
    {"claim", "assertion", "accusation", "charge", "suggestion", "argument", "contention", "insistence",
     "statement", "remark", "comment", "report", "rumor", "rumour", "admission", "acknowledgment",
     "acknowledgement", "assurance", "warning", "promise", "pledge", "complaint", "pronouncement",
     "announcement", "prediction", "denial", "belief", "view", "thought", "thinking", "hope", "fear",
     "worry", "concern", "doubt", "assumption", "speculation", "impression", "recognition",
     "realization", "realisation", "conviction", "narrative", "theory", "message", "position",
     "insinuation", "signal", "agreement"}
)

# Role nouns of a person in their own right, not an office or a body ("the Chinese man", "an American
# mother", "a witness"): a people's adjective before them names no one who speaks.
PEOPLE_NOUNS: frozenset[str] = frozenset(
    {"witness", "resident", "voter", "supporter", "critic", "man", "woman", "father", "mother", "wife",
     "husband", "son", "daughter", "friend", "neighbor", "neighbour"}
)
# Role nouns: "spokesman" of IRGC. Used to keep the role and to resolve "the spokesman".
PERSON_ROLE_NOUNS: frozenset[str] = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "minister", "president", "general",
     "commander", "leader", "chief", "head", "director", "secretary", "senator", "governor", "mayor",
     "candidate", "nominee", "ambassador", "envoy", "adviser", "advisor", "aide", "representative",
     "lawmaker", "chairman", "chairwoman", "chair", "manager", "strategist", "pollster", "analyst",
     "expert", "professor", "researcher", "attorney", "lawyer", "prosecutor", "judge", "officer",
     "source", "diplomat", "negotiator", "counselor", "founder", "ceo", "executive", "economist",
     "sheriff", "chancellor", "premier", "king", "prince", "colonel", "brigadier", "sergeant",
     "captain", "lieutenant", "major", "cleric", "ayatollah", "mullah", "activist", "campaigner",
     "congressman", "congresswoman", "speaker", "whip", "deputy", "member", "host", "anchor",
     "reporter", "correspondent", "columnist", "editor", "writer", "author"}
) | PEOPLE_NOUNS
GROUP_NOUNS: frozenset[str] = frozenset(
    {"group", "organization", "organisation", "movement", "party", "regime", "government", "ministry",
     "army", "militia", "agency", "administration", "campaign", "committee", "council", "office",
     "department", "force", "forces", "guard", "guards", "corps", "authority", "authorities",
     "police", "military", "company", "firm", "team", "coalition", "alliance", "faction", "network",
     "union", "court", "white", "house", "embassy", "newspaper", "outlet", "channel"}
)
MEDIA_NOUNS: frozenset[str] = frozenset(
    {"newspaper", "paper", "magazine", "agency", "outlet", "channel", "network", "broadcaster",
     "daily", "weekly", "website", "site", "station", "radio", "television", "tv", "news", "journal",
     "tabloid", "publication", "program", "programme", "show", "podcast", "wire", "service"}
)
PRONOUNS: dict[str, str] = {
    "he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "n",
    "we": "p", "i": "s", "who": "r",
}

# Quote glyphs. Straight marks are direction-less; curly ones are read from context too,
# because machine-translated text uses them backwards.
QUOTE_OPENERS = "“„«"
QUOTE_CLOSERS = "”»"
DOUBLE_MARKS = "\"“”„«»"

# Relays: "according to X", "as reported by X", "reported by X", "citing X". Not "told X": its object
# is the audience, an outlet relaying only when it is one (the quotes stage's _told reads it).
RELAY_RE = re.compile(
    r"\b(?:according to|as reported by|as reported in|reported by|as cited by|cited by|citing|"
    r"as quoted by|quoted by|as published by|published by|in an interview with|speaking to)\s+",
    re.IGNORECASE,
)


def cue_class(lemma: str) -> str:
    """The class of a cue lemma: its speech act (CUE_CLASSES), else the act of a non-speech cue
    (OTHER_CLASSES: "think", "intend", "perceive", "seem", ...), else "other"."""
    lemma = lemma.lower()
    return CUE_CLASSES.get(lemma) or OTHER_CLASSES.get(lemma, "other")
