"""Speakers and relays: resolve who holds a speech act, and through whom it reached the outlet.

The source phrase an article uses ("he", "the spokesman", "a statement from the terrorist
group", "an IRGC spokesperson") is resolved to a *named* span of the article: the nearest
fitting antecedent (a preceding speaker or named subject), with the role kept apart
("spokesperson of IRGC"). Relays ("according to Iran International", "as reported by the
Palestinian news agency Maan") become via spans labelled with the source's bare name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .quote_lexicon import (
    CLAIM_NOUNS,
    DOCUMENT_NOUNS,
    FINDING_NOUNS,
    GROUP_NOUNS,
    MEDIA_NOUNS,
    PEOPLE_NOUNS,
    PERSON_ROLE_NOUNS,
    PRONOUNS,
    RELAY_RE,
)

__all__ = ["BLANK_LINE", "Name", "Resolved", "SpeakerResolver", "credit_spans", "find_relays", "glue_point", "looks_outlet", "trim_det"]

_NAME_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "EVENT"}
_SPEAKER_TYPES = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
# Role nouns that rank the role noun they qualify rather than name one of their own.
_RANKS = frozenset({"deputy", "chief"})
# A blank line: where a paragraph (or a heading without a stop) ends, whatever the parse ran over it.
BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_GLUED = re.compile(r"[a-z]{2}[A-Z][a-z]")
# the role nouns of an office or a body, which a people's adjective may hold ("Lebanese officials")
_OFFICE_NOUNS = (PERSON_ROLE_NOUNS - PEOPLE_NOUNS) | GROUP_NOUNS
# Nouns that speak for the one whose they are: an office or a body, what one wrote or said, one's
# outlet, one's telling or publicist ("Obama's spokesman", "Trump's campaign", "Trump's tweet", "Clinton's
# remarks", "Mr Wilson's account", "Banksy's PR"); any other
# noun a name holds is someone or something in its own right ("Zehaf Bibeau's brother").
# A party's court papers speak for it too ("Ivana Trump's brief said ..."; h155).
_COURT_PAPERS = frozenset({"brief", "submission", "affidavit", "motion", "petition", "deposition", "testimony",
                           "pleading"})
_SPEAKS_FOR = _OFFICE_NOUNS | DOCUMENT_NOUNS | CLAIM_NOUNS | MEDIA_NOUNS | _COURT_PAPERS | {
    "account", "pr", "publicist"}
# The roles that speak FOR the person whose they are ("Obama's spokesman said" is Obama speaking); any
# other role of a person is someone in their own right ("an aide to President Jonathan", "Obama's chief
# of staff"), who speaks as that role of them.
_VOICE_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
# The roles of a body that speak as themselves, not for it, as its officers and staff do ("a Boko
# Haram expert", "a Harvard professor", "an Amnesty adviser"; not "an IRGC spokesperson", "a Pentagon
# official", "the group's leader").
_OWN_VOICE_ROLES = frozenset({"expert", "analyst", "professor", "researcher", "economist", "strategist",
                              "pollster", "adviser", "advisor", "counselor", "activist", "campaigner",
                              "columnist", "writer", "author"})
# Verbs of making a document whose agent is its holder ("a video posted by ISIS"; not "obtained by NBC").
_AUTHORING = frozenset({"post", "release", "publish", "upload", "issue", "write", "produce", "share", "sign",
                        "send", "circulate", "distribute"})
# What a people's adjective looks like: capitalised words, not an acronym the mentions call NORP
# ("ISIL militants") nor a plural ("Barrons blog post").
_PEOPLES_WORD = re.compile(r"(?:[A-Z][a-z]+[ -])*[A-Z][a-z]*(?:[a-rt-z]|ss)")
_POSSESSIVE = ("'s", "’s", "'", "’")
# A verb's clitic glued to the end of a name ("Smith’ll", "Tom Hale’d").
_GLUED_CLITIC = re.compile(r"(?<=[A-Za-z]{2})['’](?:ve|d|ll|re|m)\Z")
# Prepositions naming what a source phrase is about, not who holds it ("Trump's tweet about Clinton");
# "on" and "over" only after a document ("the Pentagon's statement on Syria", not "officials on
# Capitol Hill").
_TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
_DOCUMENT_TOPIC_PREPS = frozenset({"on", "over"})
_ROLE_TOPIC_PREPS = _TOPIC_PREPS | _DOCUMENT_TOPIC_PREPS
# Offices a person holds by title, written before the name ("President Ruto", "Sen. Warren"): "the
# president" takes up only one the article gave that title or role, never any person named before it
# ("Al-Shabaab claimed the attack. The president slammed the militants": no one's president).
_TITLES: dict[str, tuple[str, ...]] = {
    "president": ("president", "pres."), "minister": ("minister",), "premier": ("premier", "prime minister"),
    "chancellor": ("chancellor",), "governor": ("governor", "gov."), "senator": ("senator", "sen."),
    "mayor": ("mayor",), "king": ("king",), "prince": ("prince",), "general": ("general", "gen."),
    "colonel": ("colonel", "col."), "ayatollah": ("ayatollah",), "sheriff": ("sheriff",),
    "congressman": ("congressman", "rep."), "congresswoman": ("congresswoman", "rep."),
}
_CREDIT_RE = re.compile(r"\((?:with|With|WITH) (?:information|info|reporting) (?:from|by) ([^)]+)\)")


@dataclass(frozen=True)
class Name:
    """A named mention usable as a speaker: char span, type, and whether it looks personal."""

    start: int
    end: int
    label: str
    person: bool


@dataclass(frozen=True)
class Resolved:
    """A resolved speaker: the named span (or the words used when nothing is named)."""

    start: int
    end: int
    label: str  # PERSON, ORG, ... or "nominal"/"pronoun" when unresolved
    role: str | None
    how: str  # "name", "role", "pronoun", "nominal", "document", "unresolved"
    confidence: float


def glue_point(word: str) -> int | None:
    """Offset inside a token where two words were glued ("ZionistsSharif" -> 8), or None."""
    if word.startswith(("Mc", "Mac")):
        return None
    m = _GLUED.search(word)
    return None if m is None else m.start() + 2


class SpeakerResolver:
    """Resolves source phrases of one document, remembering speakers as it goes (left to right)."""

    def __init__(self, doc: Any, mentions: Sequence[Any] = (), quoted: Sequence[tuple[int, int]] = (),
                 text: str | None = None, view: Any | None = None):
        self.doc = doc
        self.text: str = doc.text if text is None else text
        self.quoted = sorted(quoted)
        self.names = self._names(mentions)
        self.history: list[tuple[int, Resolved, str]] = []  # (position, speaker, source head lemma)
        self.reported: list[tuple[int, int]] = []  # the content of the acts resolved so far
        self.subjects = self._subjects(view)

    # ------------------------------------------------------------------ named mentions

    def _inside_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    def _names(self, mentions: Sequence[Any]) -> list[Name]:
        raw: list[tuple[int, int, str]] = []
        for m in mentions:
            if getattr(m, "kind", "name") == "name" and m.label in _NAME_TYPES:
                raw.append((m.start, m.end, m.label))
        if not raw:
            raw = [(e.start_char, e.end_char, e.label_) for e in self.doc.ents if e.label_ in _NAME_TYPES]
        out: list[Name] = []
        for s, e, label in sorted(raw):
            s, e = self._strip_name(s, e)
            if e <= s:
                continue
            out.append(Name(s, e, label, label == "PERSON" or self._has_role_near(s, e)))
        return self._surnames(out)

    def _surnames(self, names: list[Name]) -> list[Name]:
        """``names`` with the surnames the mentions missed of persons named before ("Nigeria's chief of
        defence staff, Alex Badeh, announced the truce. ... Air Chief Marshal Badeh revealed it"): a
        proper noun ending its run of them, outside every name, whose word last named a person."""
        first: dict[str, int] = {}
        for n in names:
            if n.label == "PERSON" and " " in self.text[n.start:n.end].strip():
                word = self.text[n.start:n.end].split()[-1]
                if word[:1].isupper() and len(word) > 2:
                    first.setdefault(word, n.end)
        if not first:
            return names
        starts = [n.start for n in names]
        added: list[Name] = []
        doc = self.doc
        for tok in doc:
            seen = first.get(tok.text)
            if seen is None or tok.idx < seen or tok.pos_ != "PROPN" or (
                    tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
                continue
            k = bisect.bisect_right(starts, tok.idx) - 1
            if k >= 0 and names[k].end > tok.idx or k + 1 < len(names) and names[k + 1].start < tok.idx + len(tok):
                continue
            added.append(Name(tok.idx, tok.idx + len(tok), "PERSON", True))
        return sorted(names + added, key=lambda n: (n.start, n.end)) if added else names

    def _strip_name(self, s: int, e: int) -> tuple[int, int]:
        """Drop determiners, possessive endings and glued-on neighbour words from a name span."""
        seg = self.text[s:e]
        for det in ("the ", "The ", "a ", "an "):
            if seg.startswith(det):
                s += len(det)
                seg = seg[len(det):]
        for tail in ("’s", "'s"):
            if seg.endswith(tail):
                e -= len(tail)
                seg = seg[: -len(tail)]
        # A verb's clitic the tokenizer left on the name ("Tom Hale’d said").
        if (clitic := _GLUED_CLITIC.search(seg)) is not None:
            e -= len(seg) - clitic.start()
            seg = seg[: clitic.start()]
        # A glued token ("ZionistsSharif") holds two words; keep the last, a name of its own.
        words = seg.split(" ")
        off = 0
        for w in words:
            gp = glue_point(w)
            if gp is not None:
                s = s + off + gp
                seg = self.text[s:e]
                break
            off += len(w) + 1
        return s, e

    def _has_role_near(self, s: int, e: int) -> bool:
        """A name right after a role noun ("spokesman Ramzan Sharif") or in apposition to one is a person.

        A name *before* a role noun ("an IRGC spokesperson") is the organisation, not a person.
        """
        span = self.doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return False
        left = span.doc[span.start - 1] if span.start > 0 else None
        if left is not None and left.lemma_.lower() in PERSON_ROLE_NOUNS and left.pos_ in ("NOUN", "PROPN"):
            return True
        root = span.root
        return root.dep_ == "appos" and root.head.lemma_.lower() in PERSON_ROLE_NOUNS

    def names_in(self, s: int, e: int) -> list[Name]:
        """Names inside ``text[s:e]``; a name running over the edge is clipped to it
        (the mention layer may glue a neighbour word on: "Zionists Sharif")."""
        out = []
        for n in self.names:
            if n.start >= s and n.end <= e:
                out.append(n)
            elif n.start < e and n.end > s:
                cs, ce = max(n.start, s), min(n.end, e)
                if ce - cs >= 3 and (cs == 0 or not self.text[cs - 1].isalnum()) and (
                    ce >= len(self.text) or not self.text[ce].isalnum()
                ):
                    out.append(Name(cs, ce, n.label, n.person))
        return out

    def _speakers_in(self, s: int, e: int) -> list[Name]:
        """The names in ``text[s:e]`` that may be the one speaking. Not a possessor beside another
        person named ("Ben Rhodes, Obama's deputy national security adviser"), nor a people's
        adjective (NORP) describing a noun of the phrase beside another name ("the Italian newspaper
        Corriere della Sera") or a noun that is no office or body of that people ("an American
        blogger", "a Catholic priest", "the Chinese man"); "Lebanese officials", "Somali authorities"
        and "Hunter's spokesman" stay theirs."""
        names = [n for n in self.names_in(s, e) if n.label in _SPEAKER_TYPES and not self._in_topic(n, s, e)]
        persons = [n for n in names if n.person]
        if len(persons) > 1:
            owners = [n for n in persons if self.text.startswith(_POSSESSIVE, n.end)]
            if len(owners) < len(persons):
                names = [n for n in names if n not in owners]
        described = {n: noun for n in names if n.label == "NORP"
                     and _PEOPLES_WORD.fullmatch(self.text, n.start, n.end)
                     and (noun := self._described(n, s, e)) is not None}
        if not described:
            return names
        rest = [n for n in names if n not in described]
        if any(not self._in_preposition(n, s) for n in rest):
            return rest
        # The other names a preposition brings in only say whose office it is ("a Somali official
        # in Somaliland"): "a Catholic priest in America" is no America speaking, "a former
        # American soldier from Wisconsin" no Wisconsin.
        offices = [n for n, noun in described.items() if noun in _OFFICE_NOUNS]
        return [n for n in names if n in offices or n in rest] if offices else []

    def _in_topic(self, name: Name, s: int, e: int) -> bool:
        """Whether ``name`` is what the phrase ``text[s:e]`` is about ("Trump's tweet about Clinton",
        "a statement regarding Hamas", "the Pentagon's statement on Syria"): a topic holds nothing.
        The one it is on behalf of, or who made it, is no topic but its holder ("A statement on behalf
        of Senator John McCain", "A memo about James Comey written by Andrew McCabe")."""
        span = self.doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is None:
            return False
        tok = span.root
        noun = tok
        while noun.dep_ == "compound" and s <= noun.head.idx < e:
            noun = noun.head  # "Defense" of "Defense Secretary Ashton Carter"
        to = noun.head
        if noun.dep_ == "pobj" and to.lower_ == "to" and s <= to.idx < e and (
                to.head.lemma_.lower() in DOCUMENT_NOUNS
                or to.head.lower_ == "from" and to.head.head.lemma_.lower() in DOCUMENT_NOUNS):
            return True  # the one it is sent to holds nothing either ("A letter from McCain to Carter")
        while tok.head.i != tok.i and s <= tok.head.idx < e:
            if tok.lower_ == "behalf" or tok.dep_ == "agent" and tok.head.lemma_.lower() in _AUTHORING:
                return False
            low = tok.head.lower_
            if tok.dep_ == "pobj" and (low in _TOPIC_PREPS or low in _DOCUMENT_TOPIC_PREPS
                                       and tok.head.head.lemma_.lower() in DOCUMENT_NOUNS):
                return True
            tok = tok.head
        return False

    def _in_preposition(self, name: Name, s: int) -> bool:
        """Whether a preposition of the phrase opening at ``s`` brings ``name`` in."""
        span = self.doc.char_span(name.start, name.end, alignment_mode="expand")
        return span is not None and span.root.dep_ == "pobj" and span.root.head.idx >= s

    def _described(self, name: Name, s: int, e: int) -> str | None:
        """The lemma of the noun of ``text[s:e]`` a people's adjective modifies ("American" of
        "an American blogger"), or None when the name is not such a modifier."""
        span = self.doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        head = root.head
        if root.dep_ not in ("amod", "compound", "nmod") or head.pos_ not in ("NOUN", "PROPN") \
                or span.start <= head.i < span.end or not s <= head.idx < e \
                or head.pos_ == "PROPN" and head.i == span.end:
            return None  # "Islamic State", a name the mentions cut in two, is one name
        return head.lemma_.lower()

    def _subjects(self, view: Any | None = None) -> list[tuple[int, Name]]:
        """Named subjects outside quotes, in order: the antecedents pronouns usually take.

        ``view`` (a :class:`.quote_model.DocView` of the doc) gives the same tokens and
        sentences without walking every spaCy token.
        """
        out: list[tuple[int, Name]] = []
        doc = self.doc
        if view is not None:
            dep, idx = view.dep, view.idx
            subj = [doc[i] for i in range(view.n) if (dep[i] == "nsubj" or dep[i] == "nsubjpass")]
            # Sentence (start char, char of its 4th token) pairs.
            sents = [(idx[a], idx[min(b - 1, a + 3)]) for a, b in view.sents]
        else:
            subj = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass")]
            sents = [(sent.start_char, sent[min(len(sent) - 1, 3)].idx) for sent in doc.sents]
        speakers = [n for n in self.names if n.label in _SPEAKER_TYPES]
        for tok in subj:
            if self._inside_quote(tok.idx):
                continue
            s, e = tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)
            names = self._speakers_in(s, e)
            if names:
                best = self._pick(names, tok)
                out.append((tok.idx, best))
        # A name opening a sentence is its topic even when the parse misses the subject
        # ("President Trump talks about ..." read as a noun phrase).
        k = 0
        for start, head_end in sents:
            if self._inside_quote(start):
                continue
            while k < len(speakers) and speakers[k].start < start:
                k += 1
            # (A name inside the quote opening the sentence is no one's topic: "'It was O'Brien's
            # idea,' he said.")
            if k < len(speakers) and speakers[k].start <= head_end and not self._inside_quote(speakers[k].start):
                out.append((speakers[k].start, speakers[k]))
        out.sort(key=lambda x: x[0])
        return out

    @staticmethod
    def _pick(names: list[Name], head: Any | None = None) -> Name:
        """The one of ``names`` who speaks: the name the phrase is headed by, or the one in apposition
        to its role noun ("Hassan Tukur, an aide to President Goodluck Jonathan", "the group's
        leader, Abubakar Shekau"), whoever else the apposition names, if a person or no person is
        named; else the last person named ("Obama's spokesman Josh Earnest"), else the first name."""
        persons = [n for n in names if n.person]
        if head is not None:
            heads = [head, *(c for c in head.children if c.dep_ == "appos")]
            for tok in heads:
                for n in names:
                    # (a body at the head gives way to a person named beside it: "According to
                    # Radio-Canada, Zehaf-Bibeau's mother, Susan Bibeau")
                    if n.start <= tok.idx < n.end and (n.person or not persons):
                        return n
        if persons:
            return persons[-1]
        return names[0]

    def _role_of(self, head: Any) -> str | None:
        """The role noun heading (or next to) a source phrase, e.g. "spokesman"; of a rank before
        its role ("the Vatican's deputy spokesman", "chief economist"), the role, for that is what
        a later "the spokesman" takes up ("attorney general" is one role, kept as read)."""
        tok = self._role_token(head)
        return None if tok is None else tok.text.lower()

    @staticmethod
    def _role_token(head: Any) -> Any | None:
        """The token of :meth:`_role_of`. Not from across a blank line: a heading the parse ran into the
        sentence below ("Profile: Boko Haram leader Abubakar Shekau" over "Human Rights Watch has
        reported") gives the subject there no role; nor one of a relative clause, which tells of
        someone else ("Enoch Mark, a pastor whose daughter is among the hostages")."""
        text = head.doc.text
        # (the role the clause gives the one it is of stays: "Navkiran Singh, who is the lawyer for ...")
        told = {t.i for c in head.subtree if c.dep_ == "relcl" and c.i != head.i for t in c.subtree
                if not (t.dep_ == "attr" and t.head.i == c.i and c.lemma_ == "be")}
        for tok in head.subtree:
            if tok.i in told or tok.i < head.i and BLANK_LINE.search(text, tok.idx, head.idx) is not None:
                continue
            low = tok.lemma_.lower()
            if low in PERSON_ROLE_NOUNS and tok.pos_ == "NOUN":
                while tok.lemma_.lower() in _RANKS and tok.dep_ == "compound" and tok.head.pos_ == "NOUN" \
                        and tok.head.lemma_.lower() in PERSON_ROLE_NOUNS:
                    tok = tok.head
                return tok
        return None

    def _principal(self, names: list[Name], head: Any | None) -> Name | None:
        """The name whose role the phrase's role noun is: its possessor, the name before it or the
        object of its "for", "of" or "to" ("Obama's spokesman", "a Boko Haram expert", "a spokeswoman
        for the State Department", "an aide to Smith"), whoever else the phrase names ("Obama's
        spokesman Josh Earnest")."""
        tok = self._role_token(head) if head is not None else None
        if tok is None:
            return None
        for n in names:
            span = self.doc.char_span(n.start, n.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if (root.dep_ in ("poss", "compound") and root.head.i == tok.i) or (
                    root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in ("for", "of", "to")
                    and root.head.head.i == tok.i):
                return n
        return None

    def _in_topic_of_role(self, name: Name, head: Any | None) -> bool:
        """Whether ``name`` hangs on a preposition of what the role noun of ``head`` is about ("the
        spokesperson on the Boko Haram insurgency"; not "an expert at McGill University") or on a
        relative clause ("a journalist who had been kidnapped with him in Libya")."""
        tok = self._role_token(head) if head is not None else None
        span = self.doc.char_span(name.start, name.end, alignment_mode="expand")
        if tok is None or span is None:
            return False
        t = span.root
        while t.head.i != t.i and t.i != tok.i:
            if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.i > tok.i \
                    and t.head.lower_ in _ROLE_TOPIC_PREPS or t.dep_ == "relcl":
                return True
            t = t.head
        return False

    def _held_by(self, name: Name, head: Any | None) -> str | None:
        """The word of the common noun ``head`` when ``name`` is its possessor or the object of its "of"
        and it is none of the nouns that speak for the one whose they are (_SPEAKS_FOR): "Zehaf
        Bibeau's [brother]", "[Opponents] of Donald Trump". Not a place or a people, which a noun
        after them is mostly an office or a part of ("Connecticut's tax commissioner") and a noun
        before their "of" a name or a share of ("The city of Phoenix", "73 percent of Americans")."""
        if head is None or head.pos_ != "NOUN" or head.lemma_.lower() in _SPEAKS_FOR \
                or head.lower_ in _SPEAKS_FOR or name.label in ("GPE", "NORP"):
            return None
        span = self.doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is None:
            return None
        root = span.root
        if root.dep_ == "poss" and root.head.i == head.i or (
                root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == head.i):
            return head.lower_
        return None

    # ------------------------------------------------------------------ resolution

    def resolve(self, s: int, e: int, head: Any | None) -> Resolved:
        """Resolve the source phrase ``text[s:e]`` (head token ``head``) to a named span."""
        words = self.text[s:e]
        low = words.lower().strip()
        role = self._role_of(head) if head is not None else None
        head_lemma = head.lemma_.lower() if head is not None else ""
        names = self._speakers_in(s, e)
        # "a statement from the terrorist group": the holder is the of/from object; "a video posted by
        # al Qaeda", the agent of its making.
        if head is not None and head_lemma in DOCUMENT_NOUNS and not names:
            made = [ag for ch in head.children if ch.dep_ == "acl" and ch.lemma_.lower() in _AUTHORING
                    for ag in ch.children if ag.dep_ == "agent"]
            for child in [*head.children, *made]:
                if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "of", "by"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            inner = self.resolve(obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge), obj)
                            return self._remember(s, Resolved(inner.start, inner.end, inner.label, inner.role,
                                                              "document", inner.confidence), head_lemma)
            # Only a document already spoken of is taken up ("the statement", "its report"); "a video
            # posted online", "an unverified report" bring in a new one, whose holder is unsaid.
            found = None
            if self._definite(head):
                found = self._document_author(head)
                if found is None and head_lemma in FINDING_NOUNS and not self._antecedent_document(s) \
                        and not any(c.dep_ == "poss" for c in head.children):
                    # "The report noted ...", no holder named: the report is its own source, not the
                    # last group named ("Iraqi" of "Iraqi Interior Ministry spokesman ..."); a statement
                    # is still the last speaker's ("Hamas said ... The statement said ..."), and so is a
                    # report a possessor points back from ("its quarterly report", "the group's report")
                    s2, e2 = trim_det(self.text, s, e)
                    return self._remember(s, Resolved(s2, e2, "nominal", None, "unresolved", 0.5), head_lemma)
                if found is None:
                    found = self._antecedent(s, want="document")
            if found is not None:
                return self._remember(s, found, head_lemma)
        if names:
            best = self._pick(names, head)
            principal = self._principal(
                [n for n in self.names_in(s, e) if n.label in _SPEAKER_TYPES], head) if role else None
            kin = role if principal is not None and principal == best and (
                role_tok := self._role_token(head)) is not None and _own_role(role_tok.lemma_.lower(), best) \
                else self._held_by(best, head)
            if kin is not None:
                # "Zehaf Bibeau's mother", "friends of Yang", "opponents of Donald Trump": a person in their
                # own right, who speaks for no one, and not the one named; the words are the speaker.
                s2, e2 = trim_det(self.text, s, e)
                res = Resolved(s2, e2, "nominal", f"{kin} of {self.text[best.start:best.end]}", "unresolved", 0.5)
            elif role in _TITLES and best.label == "GPE" and principal == best:
                # "Kenya's president blasted ...": the one in the office speaks, not the country; the
                # person where the article gave them that title, else the words, as that role of it.
                # (the words up to the role: "The California congressman['s bombshell on Fox News]")
                office = f"{role} of {self.text[best.start:best.end]}"
                tok = self._role_token(head)
                upto = e if tok is None else min(e, tok.idx + len(tok.text))
                res = self._titled(s, role, self.text[best.start:best.end]) or Resolved(
                    *trim_det(self.text, s, upto), "nominal", office, "unresolved", 0.5)
                res = Resolved(res.start, res.end, res.label, office, res.how, res.confidence)
            elif role and not best.person:
                # "an IRGC spokesperson": no person is named, the organisation speaks through its role.
                res = Resolved(best.start, best.end, best.label, f"{role} of {self.text[best.start:best.end]}",
                               "role", 0.85)
            else:
                # The role is the one whose role it is, named the same way for a person or a body:
                # "Obama's spokesman" as "Hamas's spokesman" ("spokesman of Obama", "of Hamas").
                # (Not a body what the role is about brings in: "the government's spokesperson on the
                # Boko Haram insurgency" is no spokesperson of Boko Haram.)
                orgs = [n for n in names if not n.person and n is not best and not self._in_topic_of_role(n, head)]
                full_role = role
                if role and principal is not None:
                    full_role = f"{role} of {self.text[principal.start:principal.end]}"
                elif role and orgs:
                    full_role = f"{role} of {self.text[orgs[0].start:orgs[0].end]}"
                res = Resolved(best.start, best.end, "PERSON" if best.person else best.label, full_role,
                               "name", 0.9)
            return self._remember(s, res, head_lemma)
        if low in PRONOUNS:
            # The "I" of the article's own words, outside quotes, is its writer, no one it named
            # ("I would've thought that ...").
            found = None if low == "i" and not self._inside_quote(s) else self._pronoun(s, low, head)
            if found is not None:
                return self._remember(s, found, head_lemma)
            return self._remember(s, Resolved(s, e, "pronoun", None, "unresolved", 0.3), head_lemma)
        if head is not None and head.pos_ in ("NOUN", "PROPN"):
            want = "person" if head_lemma in PERSON_ROLE_NOUNS else "group" if head_lemma in GROUP_NOUNS else ""
            if want and head.pos_ == "NOUN" and any(t.lower_ in ("the", "this", "that") for t in head.lefts) \
                    and not any(t.dep_ in ("acl", "relcl") and t.left_edge.i > 0
                                and t.doc[t.left_edge.i - 1].text != "," for t in head.rights):
                # "the man sitting next to her", "the woman who called": a clause of its own picks
                # out someone new, not the last person named ("The neighbour, who declined to be
                # named," is the one named before).
                found = self._antecedent(s, want=want, role=role, skip=self._patient(head))
                if found is not None:
                    return self._remember(s, found, head_lemma)
        # Nothing named: the words used are the speaker ("Police", "officials").
        s2, e2 = trim_det(self.text, s, e)
        return self._remember(s, Resolved(s2, e2, "nominal", role, "unresolved", 0.5), head_lemma)

    def _antecedent_document(self, pos: int) -> bool:
        """A document was resolved as a speaker before ``pos``."""
        return any(hpos < pos and res.how != "unresolved" and (lemma in DOCUMENT_NOUNS or res.how == "document")
                   for hpos, res, lemma in self.history)

    def _document_author(self, head: Any) -> Resolved | None:
        """The holder the article named for the document ``head`` ("the report") where it spoke of it
        before: the name that holds the last earlier noun of that word ("According to a [Washington
        Post] report", "[Gertz]'s report"), or the subject of the verb whose object that noun is
        ("[Hamas] issued a statement")."""
        lemma = head.lemma_.lower()
        prev = next((t for t in reversed(head.doc[:head.i]) if t.lemma_.lower() == lemma and t.pos_ == "NOUN"),
                    None)
        if prev is None:
            return None
        holders = [c for c in prev.children if c.dep_ in ("poss", "compound") and c.i < prev.i]
        if prev.dep_ == "dobj":
            holders += [c for c in prev.head.children if c.dep_ == "nsubj"]
        for h in holders:
            names = self.names_in(h.left_edge.idx, h.right_edge.idx + len(h.right_edge))
            if names:
                n = names[-1]
                return Resolved(n.start, n.end, "PERSON" if n.person else n.label, None, "document", 0.7)
        return None

    @staticmethod
    def _definite(head: Any) -> bool:
        """Whether the noun ``head`` has a determiner or possessor that points back ("the", "this", "its")."""
        return any(t.dep_ in ("det", "poss") and t.lower_ not in ("a", "an", "another", "some", "any", "no")
                   for t in head.children if t.i < head.i)

    def heard(self, content: Sequence[tuple[int, int]]) -> None:
        """Note the content of an act just resolved: a name it holds is what was said, not who a later
        "he said" is (:meth:`_pronoun`)."""
        self.reported.extend(content)

    def _in_report(self, at: int, pos: int) -> bool:
        """Whether char ``at`` lies in the content of an act reported before ``pos`` (not in one
        holding ``pos`` too)."""
        return any(s <= at < e and not s <= pos < e for s, e in self.reported)

    def _remember(self, pos: int, res: Resolved, head_lemma: str) -> Resolved:
        self.history.append((pos, res, head_lemma))
        return res

    def _pronoun(self, pos: int, pron: str, head: Any | None) -> Resolved | None:
        # Translated text keeps the real subject before a stray pronoun:
        # "The Iranian Revolutionary Guard He stated ...".
        if head is not None and head.i > 0:
            prev = head.doc[head.i - 1]
            if prev.pos_ == "PROPN" and prev.dep_ in ("npadvmod", "nsubj", "compound", "appos", "dep", "ROOT"):
                named = [n for n in self.names if n.start <= prev.idx < n.end]
                if named:
                    n = named[-1]
                    return Resolved(n.start, n.end, "PERSON" if n.person else n.label, None, "pronoun", 0.7)
        gender = PRONOUNS[pron]
        para_start = self.text.rfind("\n", 0, pos) + 1
        # The previous speaker in the same paragraph is the usual referent of "he said"; a name in what
        # an earlier act reported is what was said, not who says more ("Mr Tukur said Boko Haram had
        # announced a ceasefire. ... 'They've assured us,' he said": Tukur).
        for hpos, res, _ in reversed(self.history):
            if hpos < para_start:
                break
            if res.how != "unresolved" and (gender != "p" or res.label != "PERSON") \
                    and not self._in_report(hpos, pos):
                return Resolved(res.start, res.end, res.label, res.role, "pronoun", 0.75)
        want_person = gender in ("m", "f", "s", "r")
        cands: list[tuple[int, Resolved]] = []
        for spos, name in self.subjects:
            if spos < pos and name.person == want_person and not self._in_report(spos, pos):
                cands.append((spos, Resolved(name.start, name.end, "PERSON" if name.person else name.label,
                                             None, "pronoun", 0.7)))
        for hpos, res, _ in self.history:
            if hpos < pos and res.how != "unresolved" and (res.label == "PERSON") == want_person \
                    and not self._in_report(hpos, pos):
                cands.append((hpos, Resolved(res.start, res.end, res.label, res.role, "pronoun", 0.7)))
        if cands:
            best = max(cands, key=lambda c: c[0])
            if pos - best[0] < 3000:
                return best[1]
        if want_person:
            persons = [n for n in self.names if n.person and n.end <= pos and not self._inside_quote(n.start)]
            if persons:
                n = persons[-1]
                return Resolved(n.start, n.end, "PERSON", None, "pronoun", 0.5)
        return None

    @staticmethod
    def _patient(head: Any) -> tuple[int, int]:
        """The span of the subject a passive verb's agent ``head`` acts on ("[Warren] has been endorsed
        by the nurses union"), or an empty span: it is what the act is about, not who acts."""
        if head.dep_ == "pobj" and head.head.dep_ == "agent":
            verb = head.head.head
            subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if subj is not None:
                return subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge)
        return 0, 0

    def _antecedent(self, pos: int, want: str, role: str | None = None,
                    skip: tuple[int, int] = (0, 0)) -> Resolved | None:
        """Nearest earlier speaker or subject fitting a nominal ("the spokesman", "the group", "the text"),
        none inside ``skip``."""
        if want == "document":
            for hpos, res, lemma in reversed(self.history):
                if hpos < pos and res.how != "unresolved" and (lemma in DOCUMENT_NOUNS or res.how == "document"):
                    return Resolved(res.start, res.end, res.label, res.role, "document", 0.75)
            want = "group"
        if want == "person" and role:
            same_role = _role_matcher(role)
            for hpos, res, _ in reversed(self.history):
                if hpos < pos and res.role and same_role(res.role):
                    return Resolved(res.start, res.end, res.label, res.role, "nominal", 0.75)
        cands: list[tuple[int, Resolved]] = []
        is_person = want == "person"
        if is_person and role in _TITLES:
            return self._titled(pos, role)
        for spos, name in self.subjects:
            if spos < pos and name.person == is_person and not skip[0] <= spos < skip[1]:
                cands.append((spos, Resolved(name.start, name.end, name.label if not is_person else "PERSON",
                                             role, "nominal", 0.65)))
        for hpos, res, _ in self.history:
            if hpos < pos and res.how != "unresolved" and (res.label == "PERSON") == is_person \
                    and not skip[0] <= res.start < skip[1]:
                cands.append((hpos, Resolved(res.start, res.end, res.label, res.role or role, "nominal", 0.7)))
        if cands:
            return max(cands, key=lambda c: c[0])[1]
        return None

    def _titled(self, pos: int, role: str, place: str = "") -> Resolved | None:
        """The last person before ``pos`` the article wrote with the title ``role`` ("President
        Uhuru Kenyatta", "Sen. Warren"), or under a later bare mention of their surname ("Kenyatta");
        of ``place``, one whose title it names ("Kenyan President Uhuru Kenyatta", not "President Obama")."""
        words = "|".join(re.escape(t) for t in _TITLES[role])
        title = re.compile(r"\b(?:" + words + r")\s+$", re.IGNORECASE)
        # (the mentions may hold the title: "[Mayor de Blasio]'s decision", "[Jordan's King Abdullah]")
        own = re.compile(r"\b(?:" + words + r")\s", re.IGNORECASE)
        surnames = set()
        for n in self.names:
            if not n.person or n.end > pos:
                continue
            base = max(0, n.start - 20)
            m = own.search(self.text, n.start, n.end) or title.search(self.text, base, n.start)
            if m is not None and place[:4] in self.text[max(0, m.start() - 30):n.start]:
                surnames.add(self.text[n.start:n.end].split()[-1])
        last = next((n for n in reversed(self.names)
                     if n.person and n.end <= pos and self.text[n.start:n.end].split()[-1] in surnames), None)
        if last is None:
            return None
        return Resolved(last.start, last.end, "PERSON", role, "nominal", 0.65)


def _own_role(role: str, principal: Name) -> bool:
    """Whether one in the role ``role`` of ``principal`` speaks as themselves, not for it: kin and the
    like always (PEOPLE_NOUNS); of a person, any role but a spokesperson's (_VOICE_ROLES); of a body,
    the roles of _OWN_VOICE_ROLES."""
    if role in PEOPLE_NOUNS:
        return True
    return role not in _VOICE_ROLES if principal.person else role in _OWN_VOICE_ROLES


_GENDERED = re.compile(r"(wo)?m[ae]n\b")


def _role_matcher(role: str) -> Callable[[str], bool]:
    """A test of whether the role noun ``role`` ("spokesman", "officials") names the role an earlier
    speaker held ("spokesperson of IRGC", "official"): the same word at a word's start, its first six
    letters enough (a shorter word whole: "the man" is not "the store manager"), and not of the
    other sex — "the spokesman" is not "a spokeswoman for the Times", nor "the man" "a woman named
    Lana". The role's pattern is built once for all the speakers it is held against."""
    word = role[:-1] if role.endswith("s") and not role.endswith("ss") else role  # "witness" is one
    pattern = re.compile(r"\b" + re.escape(word[:6]) if len(word) >= 6 else r"\b" + re.escape(word) + r"s?\b")
    mine = _GENDERED.search(role)

    def names(held: str) -> bool:
        if not pattern.search(held):
            return False
        theirs = _GENDERED.search(held.split(" of ")[0])
        return not (mine and theirs and bool(mine.group(1)) != bool(theirs.group(1)))

    return names


def trim_det(text: str, s: int, e: int) -> tuple[int, int]:
    seg = text[s:e]
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if seg.startswith(det) and len(seg) > len(det):
            return s + len(det), e
    return s, e


# ---------------------------------------------------------------------- relays


def _name_in(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The bare name inside a relay phrase: its last run of capitalised words."""
    best: tuple[int, int] | None = None
    run_start: int | None = None
    run_end = s
    for m in re.finditer(r"\S+", text[s:e]):
        word = m.group().strip(",.;:")
        ws = s + m.start()
        cap = bool(word) and (word[0].isupper() or word[0].isdigit())
        if cap and run_start is None:
            run_start = ws
        if cap:
            run_end = ws + len(word)
        elif run_start is not None and word.lower() in ("of", "for", "and", "al", "el", "de") :
            continue
        elif run_start is not None:
            if not _is_date(text[run_start:run_end]):
                best = (run_start, run_end)
            run_start = None
    if run_start is not None and not _is_date(text[run_start:run_end]):
        best = (run_start, run_end)
    return best


_DATE_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                         "february", "march", "april", "may", "june", "july", "august", "september", "october",
                         "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                         "oct", "nov", "dec"})


def _is_date(words: str) -> bool:
    """A run of capitalised words that only dates the relay ("... with the AP on Monday", "in March 2016")."""
    return all(w.lower().strip(".,") in _DATE_WORDS or w.strip(".,").isdigit() for w in words.split())


_ADJ_NAT = re.compile(r"^(Israeli|Iranian|Palestinian|American|British|French|Spanish|Arab|Lebanese|Syrian|"
                      r"Iraqi|Russian|Chinese|German|Turkish|Egyptian|Saudi|Qatari|US|U\.S\.|state|State)$")


# A people's adjective the list above may not hold ("Italian", "Kurdish", "Chinese").
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ese|ish)$")
# words after a name that end it: prepositions and conjunctions, not the noun a people's adjective goes with
_NAME_STOPS = frozenset({"on", "in", "at", "of", "for", "from", "to", "with", "by", "about", "and", "or", "but",
                         "who", "that", "which", "as", "during", "after", "before", "last", "this", "said", "says"})


def _people_word(text: str, span: tuple[int, int], stop: int) -> bool:
    """The name run ``span`` of a relay phrase ending at ``stop`` is one people's adjective before a
    lower-case noun ("by Italian news media"): it names no one. A lone name ending the phrase
    ("according to Brian") stays."""
    words = text[span[0]:span[1]].split()
    after = text[span[1]:stop].split()
    # a first name of that ending is a person before a preposition ("with Adrian on the radio show"); a
    # people's adjective goes with the noun after it ("Italian news media", "Chinese state television")
    return len(words) == 1 and bool(_DEMONYM.match(words[0])) and bool(after) and after[0][0].islower() \
        and after[0] not in _NAME_STOPS


def find_relays(text: str, s: int, e: int) -> list[tuple[int, int, str, int, int]]:
    """Relay phrases in ``text[s:e]``: (name start, name end, name, phrase start, phrase end)."""
    out: list[tuple[int, int, str, int, int]] = []
    for m in RELAY_RE.finditer(text, s, e):
        ns = m.end()
        para_end = text.find("\n", ns)
        para_end = len(text) if para_end < 0 else para_end
        stop = ns
        while stop < para_end:
            ch = text[stop]
            if ch == "!" and re.match(r"!\s(?:News|Online|Finance|Sports|Music|Entertainment)\b", text[stop:]) \
                    and re.search(r"\b(?:E|Yahoo)$", text[ns:stop]):
                stop += 1  # "according to E! Online", "Yahoo! News": the mark is the outlet's
                continue
            if ch in ",;:()“”\"!?":
                break
            # A sentence end stops; "J.D."-style abbreviations keep going.
            if (ch == "." and (stop + 1 >= para_end or text[stop + 1].isspace())
                    and not re.search(r"\b[A-Z]$|\b(?:U\.S|St|Mr|Dr|Gen|Lt|Col)$", text[ns:stop])):
                break
            stop += 1
        # A name before a clause the phrase runs into is the relay's ("in an interview with Hollywood
        # Today magazine that he has long contemplated taking S.O.A. to the big screen").
        clause = re.search(r"\s(?:that|who|which|whom)\s", text[ns:stop])
        span = (_name_in(text, ns, ns + clause.start()) if clause else None) or _name_in(text, ns, stop)
        phrase_words = text[ns:stop].split()
        # Only descriptive words followed by ". Name." (a stray period in translated text).
        if (span is None or all(_ADJ_NAT.match(w) for w in text[span[0]:span[1]].split())) and stop < para_end:
            tail = re.match(r"\.\s+([A-Z][\w-]+(?: [A-Z][\w-]+){0,3})\.?\s*$", text[stop:para_end])
            if tail and phrase_words and phrase_words[-1].lower() in MEDIA_NOUNS:
                span = (stop + tail.start(1), stop + tail.end(1))
        media = [w for w in phrase_words if w.lower().strip(".,") in MEDIA_NOUNS]
        if span is not None and media and _people_word(text, span, stop):
            span = None  # "quoted by Italian news media as saying": no name, the outlet is the phrase
        if span is None:
            if not media:
                continue
            s2, e2 = trim_det(text, ns, stop)
            # The phrase ends before "as saying" ("quoted by Chinese state television as saying").
            cut = re.search(r"\s+as\b", text[s2:e2])
            span = (s2, s2 + cut.start()) if cut else (s2, e2)
        name = text[span[0]:span[1]]
        if name.lower() in PRONOUNS or all(_ADJ_NAT.match(w) for w in name.split()):
            continue
        out.append((span[0], span[1], name, m.start(), stop))
    return out


def looks_outlet(name: str) -> bool:
    return bool(re.search(r"\b(News|Post|Times|Journal|Press|TV|Radio|Agency|Magazine|Daily|Herald|"
                          r"Tribune|Network|Channel|Review|Telegraph|Guardian|Gazette)\b", name))


def credit_spans(text: str, credits: Sequence[str] = ()) -> list[tuple[int, int, str]]:
    """Article-level credits present in the text: "(With information from Europa Press and AFP)"."""
    out: list[tuple[int, int, str]] = []
    for m in _CREDIT_RE.finditer(text):
        inner_start = m.start(1)
        for part in re.finditer(r"[^,]+?(?=\s+and\s+|,|$)|(?<=and )[^,]+$", m.group(1)):
            word = part.group().strip()
            word = re.sub(r"^and\s+", "", word)
            if not word:
                continue
            st = text.find(word, inner_start + part.start())
            if st >= 0:
                out.append((st, st + len(word), word))
    for c in credits:
        if c and not any(n == c for _, _, n in out):
            st = text.rfind(c)
            if st >= 0:
                out.append((st, st + len(c), c))
    return out
