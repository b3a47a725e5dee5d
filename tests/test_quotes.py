"""Quotes stage: direct and reported speech, speakers, cues and relays on the seeds and crafted text."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import SEED_000, SEED_004, need_data
from newsprism.model import Analysis, Article, Quote, Removed, from_dict, to_dict
from newsprism.pipeline import Pipeline
from newsprism.stages.mentions import find_mentions
from newsprism.stages.quote_lexicon import CUE_CLASSES, OTHER_CLASSES
from newsprism.stages.quotes import (
    Attribution,
    QuoteStage,
    extract_attributions,
    find_quote_regions,
    find_quotes_in_text,
)


def _seed_000() -> Article:
    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    assert lines[0].strip().startswith("date 2023-12-27")
    return Article(id="000", text="\n".join(lines[1:]).lstrip("\n"), published=date(2023, 12, 27),
                   author="Jake Smith", outlet="Daily Caller")


def _seed_004(repaired: bool = False) -> Article:
    text = SEED_004.read_text(encoding="utf-8").split("\n", 1)[1].lstrip("\n")
    if repaired:
        text = text.replace("ZionistsSharif", "Zionists Sharif")
    return Article(id="004", text=text, outlet="Infobae")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_names(["parse", "mentions", "quotes"])


@pytest.fixture(scope="module")
def seeds(pipeline: Pipeline) -> dict[str, Analysis]:
    out = {a.id: a for a in pipeline.run([_seed_000(), _seed_004()])}
    [rep] = list(pipeline.run([_seed_004(repaired=True)]))
    out["004r"] = rep
    return out


def _find(a: Analysis, fragment: str) -> Quote:
    hits = [q for q in a.quotes if fragment in q.slice(a.text)]
    assert hits, f"no quote holding {fragment!r}: {[q.slice(a.text)[:50] for q in a.quotes]}"
    return hits[0]


def _speaker(a: Analysis, q: Quote) -> str:
    assert q.speaker is not None, f"quote {q.slice(a.text)[:50]!r} has no speaker"
    return q.speaker.slice(a.text)


def _via(q: Quote) -> list[str]:
    return [v.label for v in q.via]


# --------------------------------------------------------------------------- seeds


def test_seed_000_irgc_spokesperson_via_iran_international(seeds: dict[str, Analysis]) -> None:
    a = seeds["000"]
    q = _find(a, "The Al-Aqsa Storm was one of the retaliations")
    assert q.label == "direct"
    assert a.text[q.start - 1] == "“" and a.text[q.end] == "”"  # the span is inside the marks
    assert _speaker(a, q) == "IRGC"
    assert q.speaker_role == "spokesperson of IRGC"
    assert q.cue is not None and q.cue.slice(a.text) == "said" and q.cue_class == "say"
    assert _via(q) == ["Iran International"]


def test_seed_000_hamas_statement_via_jerusalem_post(seeds: dict[str, Analysis]) -> None:
    a = seeds["000"]
    for fragment in ("Hamas denies the validity", "We also confirm that all acts"):
        q = _find(a, fragment)
        assert q.label == "direct"
        assert _speaker(a, q) == "Hamas"
        assert "Jerusalem Post" in _via(q)
    denial = _find(a, "the IRGC’s statement that the Oct. 7 attacks were revenge")
    assert denial.label == "indirect" and denial.cue_class == "deny" and _speaker(a, denial) == "Hamas"


def test_seed_000_trump_cpac_words_attributed_to_trump(seeds: dict[str, Analysis]) -> None:
    a = seeds["000"]
    q = _find(a, "but we took that son of a bitch out")
    assert _speaker(a, q) == "Trump"
    assert q.cue is not None and q.cue.slice(a.text) == "says"


def test_seed_000_iran_claim_and_haaretz(seeds: dict[str, Analysis]) -> None:
    a = seeds["000"]
    first = _find(a, "the Oct. 7 Hamas attacks against Israel were revenge")  # the lead's "Iran is claiming"
    assert first.label == "indirect" and first.cue_class == "claim" and _speaker(a, first) == "Iran"
    q = _find(a, "was an act of retaliation for the killing of Soleimani")
    assert q.label == "indirect" and q.cue_class == "claim" and _speaker(a, q) == "Iran"
    assert _via(q) == ["Iran International"]
    noted = _find(a, "they would respond to Mousavi’s death")
    assert _speaker(a, noted) == "IRGC" and noted.cue_class == "note" and _via(noted) == ["Haaretz"]
    # "directly and indirectly" is a scare quote inside the IRGC's reported clause, not a quote.
    assert not any(q.slice(a.text) == "directly and indirectly" for q in a.quotes)


def test_seed_000_date_after_the_cue_is_neither_cue_nor_content(seeds: dict[str, Analysis]) -> None:
    a = seeds["000"]
    q = _find(a, "left 1,200 civilians dead")
    assert q.slice(a.text).startswith("that the Oct. 7 attacks")
    assert q.cue is not None and q.cue.slice(a.text) == "claimed"
    assert "according to" not in q.slice(a.text)  # the relay is an act of its own, not content


def test_seed_000_no_relay_cue_read_inside_a_quotation(seeds: dict[str, Analysis]) -> None:
    a = seeds["000"]
    # "..., instead citing the “Zionist occupation” ..., according to the Jerusalem Post": the
    # relay belongs to Hamas's speech act; the scare quote is no quote of the Post's.
    for q in a.quotes:
        if q.cue is not None and q.cue.label == "according to":
            assert "Zionist occupation" not in q.slice(a.text)
            assert "Hamas said" not in q.slice(a.text)
    hamas = _find(a, "region as their motive")
    assert _speaker(a, hamas) == "Hamas" and "Jerusalem Post" in _via(hamas)


def test_seed_004_hamas_via_maan(seeds: dict[str, Analysis]) -> None:
    a = seeds["004"]
    deny = _find(a, "We deny the validity of what was stated")
    assert _speaker(a, deny) == "Hamas"  # "a statement from the terrorist group"
    q = _find(a, "We have repeatedly stated the motives")
    assert _speaker(a, q) == "Hamas"  # "the text stressed"
    assert q.cue_class == "stress"
    assert _via(q)[0] == "Maan"


def test_seed_004_sharif_threats(seeds: dict[str, Analysis]) -> None:
    for key in ("004", "004r"):
        a = seeds[key]
        threat = _find(a, "These revenges will continue at different times and places")
        assert _speaker(a, threat) in ("Sharif", "Ramzan Sharif")
        assert threat.cue_class == "threaten"
        assert threat.slice(a.text) == "These revenges will continue at different times and places"
        assert "Tasnim" in _via(threat)
        harsh = _find(a, "harsh revenge")
        assert _speaker(a, harsh) == "Sharif"
        # The quote stops where the speaker's name begins, even inside the glued token.
        assert harsh.slice(a.text).endswith("against the Zionists")


def test_seed_004_irgc_statement_and_roles(seeds: dict[str, Analysis]) -> None:
    a = seeds["004"]
    stated = _find(a, "the attacks carried out on October 7 by Hamas")
    assert _speaker(a, stated) == "Iranian Revolutionary Guard"  # "The Iranian Revolutionary Guard He stated"
    noted = _find(a, "It was one of the revenges for the assassination")
    assert _speaker(a, noted) == "Ramzan Sharif"
    assert noted.speaker_role == "spokesman of Revolutionary Guard"
    late = _find(a, "played a significant role")  # "The spokesperson noted" -> Sharif
    assert _speaker(a, late) in ("Sharif", "Ramzan Sharif")


def test_seed_004_article_credits_are_via_when_in_text(seeds: dict[str, Analysis]) -> None:
    a = seeds["004"]
    assert a.quotes
    for q in a.quotes:
        assert [v.label for v in q.via][-2:] == ["Europa Press", "AFP"]
        for v in q.via:
            assert v.slice(a.text) == v.label


def test_seed_spans_slice_the_text(seeds: dict[str, Analysis]) -> None:
    for a in seeds.values():
        assert len(a.quotes) >= 8
        for q in a.quotes:
            for sp in (q, q.speaker, q.cue, *q.via):
                if sp is None:
                    continue
                assert 0 <= sp.start < sp.end <= len(a.text)
                assert sp.stage == f"quotes.v{QuoteStage.version}"
                assert 0.0 < sp.confidence <= 1.0
            body = q.slice(a.text)
            assert body == body.strip() and body
            # No speaker built out of a damaged token.
            if q.speaker is not None:
                assert "ZionistsSharif" not in q.speaker.slice(a.text)


def test_round_trip(seeds: dict[str, Analysis]) -> None:
    a = seeds["000"]
    assert from_dict(to_dict(a.quotes)) == a.quotes


# --------------------------------------------------------------------------- crafted text


def _with_cue(text: str, nlp: object, cue: str) -> list[Attribution]:
    """The attributions of ``text`` whose cue is the words ``cue``."""
    return [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
            if a.cue is not None and text[a.cue[0]:a.cue[1]] == cue]


def _by_cue(text: str, nlp: object) -> dict[str, Attribution]:
    """The attributions of ``text`` by the words of their cue."""
    return {text[a.cue[0]:a.cue[1]]: a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
            if a.cue is not None}


def _quotes(text: str, nlp: object) -> list[tuple[str, str | None, str | None]]:
    return [(q.slice(text), q.speaker.slice(text) if q.speaker else None, q.cue_class)
            for q in find_quotes_in_text(text, nlp=nlp)]


def test_straight_and_curly_marks(nlp: object) -> None:
    t = 'Mary Smith arrived late. "The bridge is closed," she said.'
    assert _quotes(t, nlp) == [("The bridge is closed,", "Mary Smith", "say")]
    t2 = "Mary Smith arrived late. “The bridge is closed,” she said."
    assert _quotes(t2, nlp) == [("The bridge is closed,", "Mary Smith", "say")]


def test_nested_single_quotes(nlp: object) -> None:
    t = "“We call it ‘Operation Dawn’ for a reason,” said John Baker, the army spokesman."
    [(body, speaker, _)] = _quotes(t, nlp)
    assert body == "We call it ‘Operation Dawn’ for a reason,"
    assert speaker == "John Baker"


def test_split_quote(nlp: object) -> None:
    t = "“The talks failed,” Ahmed Karimi said, “and nobody will return to the table this year.”"
    got = _quotes(t, nlp)
    assert [g[0] for g in got] == ["The talks failed,", "and nobody will return to the table this year."]
    assert {g[1] for g in got} == {"Ahmed Karimi"}


def test_quote_goes_on_after_an_honorific(nlp: object) -> None:
    # "Mr." is no sentence end: both parts are Mr. Clarke's.
    t = '"I am the guy that is trying to work from within," Mr. Clarke said. "The goal is to drive it home."'
    got = _quotes(t, nlp)
    assert [g[0] for g in got] == ["I am the guy that is trying to work from within,", "The goal is to drive it home."]
    assert {g[1] for g in got} == {"Clarke"}


def test_quote_signed_with_a_dash(nlp: object) -> None:
    t = ("“He represents our greatest shame.” ― Sonya Herridge\n"
         "“He is ignorant of our culture and lives.”― Pamela Padilla, 45, Texas\n")
    got = _quotes(t, nlp)
    assert [(g[0], g[1]) for g in got] == [("He represents our greatest shame.", "Sonya Herridge"),
                                           ("He is ignorant of our culture and lives.", "Pamela Padilla")]


def test_quote_over_paragraphs(nlp: object) -> None:
    t = ("Senator Jane Doe said:\n\n“We will not stand by while the budget is cut again.\n\n"
         "“We will fight this in committee and on the floor.”\n")
    got = find_quotes_in_text(t, nlp=nlp)
    assert len(got) == 1
    body = got[0].slice(t)
    assert body.startswith("We will not stand by") and body.endswith("on the floor.")
    assert got[0].speaker is not None and got[0].speaker.slice(t) == "Jane Doe"


@pytest.mark.parametrize("text, speaker", [
    # rd34, FNC-1 body 1419: a heading without a stop, which the parse runs into the sentence below it
    (("Who are Boko Haram?\n\nProfile: Boko Haram leader Abubakar Shekau\n\nHuman Rights Watch has reported "
     "that 2,053 civilians were killed in the first half of the year."), "Human Rights Watch"),
    # body 72: a link line above the paragraph
    (("See more Hollywood's 100 Favorite Films\n\nSources say Sony is beginning negotiations with The "
     "Fighter actor."), "Sources"),
    # body 217: the end of a quote in the paragraph above
    (("Witnesses said it sounded like a 'bomb'\n\nLocals told the BBC they heard a large blast just before "
     "midnight."), "Locals"),
])
def test_a_blank_line_ends_the_source_phrase(nlp: object, text: str, speaker: str) -> None:
    got = [q for q in find_quotes_in_text(text, nlp=nlp) if q.speaker is not None
           and q.speaker.start > text.rindex("\n")]
    assert got and got[0].speaker is not None and got[0].speaker.slice(text) == speaker
    assert got[0].speaker_role in (None, "sources")  # no role from across the blank line ("leader")


def test_unclosed_mark_in_translated_text(nlp: object) -> None:
    t = "The minister Luis Ortega spoke on Monday.\n\nThese attacks will not stop“, he warned.\n"
    [(body, speaker, cls)] = _quotes(t, nlp)
    assert body == "These attacks will not stop"
    assert speaker == "Luis Ortega" and cls == "warn"


@pytest.mark.parametrize(
    ("text", "bodies", "speaker"),
    [
        # French and continental marks, spaced or not, either way round
        ("The minister spoke on Tuesday. «We will not give up the port,» she said in Lyon.",
         ["We will not give up the port,"], "she"),
        ("The mayor was blunt. »We have no money left for the bridge«, he told reporters.",
         ["We have no money left for the bridge"], "he"),
        ("The prime minister, Jean Dupont, said: « Nous allons gagner cette bataille ».",
         ["Nous allons gagner cette bataille"], "Jean Dupont"),
        ("The chancellor spoke at noon. „The budget is closed“, said Greta Vogel.", ["The budget is closed"],
         "Greta Vogel"),
        # the parse makes the closing guillemet a subject of the inverted verb beside the name
        ("The senator was firm. «The bill is bad and we will vote against it,» said Anne Leroy.",
         ["The bill is bad and we will vote against it,"], "Anne Leroy"),
        # split around the speech verb
        ("The general spoke to reporters. «We will respond,» he said, «and soon.»", ["We will respond,", "and soon."],
         "he"),
        # nested marks of another kind: curly in guillemets, guillemets in curly, »…« in „…“, single ones
        ("The senator was firm. «The bill is what he called “a disgrace” and we will vote against it,» said Anne Leroy.",
         ["The bill is what he called “a disgrace” and we will vote against it,"], "Anne Leroy"),
        ("The senator was firm. “The bill is what he called «a disgrace» and we will vote against it,” said Anne Leroy.",
         ["The bill is what he called «a disgrace» and we will vote against it,"], "Anne Leroy"),
        ("The senator was firm. „The bill is what he called »a disgrace« and we will vote against it“, said Anne Leroy.",
         ["The bill is what he called »a disgrace« and we will vote against it"], "Anne Leroy"),
        ("The coach was calm. „The team played ‚like champions‘ tonight,“ said Klaus Berger after the match.",
         ["The team played ‚like champions‘ tonight,"], "Klaus Berger"),
        ("The senator was firm. «The bill is what he called ‹a disgrace› and we will vote against it,» said Anne Leroy.",
         ["The bill is what he called ‹a disgrace› and we will vote against it,"], "Anne Leroy"),
        # over two paragraphs, the second re-opened (one quote, as in straight and curly marks)
        ("The union was angry.\n\n«We asked for talks and nobody came.\n\n«Now we will strike,» said Paul Martin.\n",
         ["We asked for talks and nobody came.\n\n«Now we will strike,"], "Paul Martin"),
        # an opening guillemet machine translation never closed
        ("The minister Luis Ortega spoke on Monday.\n\n«These attacks will not stop, he warned.\n",
         ["These attacks will not stop"], "Luis Ortega"),
    ],
)
def test_guillemets_and_low_marks(nlp: object, text: str, bodies: list[str], speaker: str) -> None:
    # Fail on 74b74fa: a curly mark opening inside guillemets (or a guillemet inside curly or low marks)
    # was read as the first quote left unclosed, and "«...» said Anne Leroy" was said by "»".
    got = [q for q in find_quotes_in_text(text, nlp=nlp) if q.label == "direct"]
    assert [q.slice(text) for q in got] == bodies
    assert {q.speaker.slice(text) if q.speaker else None for q in got} == {speaker}
    assert all(q.cue is not None and q.cue.slice(text) in ("said", "told", "warned") for q in got)


@pytest.mark.parametrize(
    ("text", "bodies", "speaker"),
    [
        # British outlets quote in single marks, straight or curly, with apostrophes inside
        ("The pilot spoke last week. 'Over the years it faded,' he said.", ["Over the years it faded,"], "he"),
        ("The pilot spoke last week. 'I don't know what went wrong in my mind,' Williams told reporters.",
         ["I don't know what went wrong in my mind,"], "Williams"),
        ("The actor smiled. ‘I never read the critics’ reviews,’ said Marie Dubois on the radio.",
         ["I never read the critics’ reviews,"], "Marie Dubois"),
        ("The actor smiled. ‹I never read the reviews,› said Marie Dubois on the radio.",
         ["I never read the reviews,"], "Marie Dubois"),
        # double marks nest inside them
        ("The senator was firm. 'He called it \"a disgrace\" and left,' said Anne Leroy.",
         ['He called it "a disgrace" and left,'], "Anne Leroy"),
    ],
)
def test_single_marks_quote(nlp: object, text: str, bodies: list[str], speaker: str) -> None:
    # Fail on 38a37db: single marks made no region, so the model's reported span held the marks
    # ("'Over the years it faded", indirect).
    got = [q for q in find_quotes_in_text(text, nlp=nlp) if q.label == "direct"]
    assert [q.slice(text) for q in got] == bodies
    assert {q.speaker.slice(text) if q.speaker else None for q in got} == {speaker}


@pytest.mark.parametrize("text", [
    "Mayor Jones calls the plan 'dead on arrival' in saying the council ignored the voters.",
    "Critics call the bill “a disgrace” by claiming it helps only the rich.",
])
def test_a_gerund_after_a_quote_does_not_say_it(nlp: object, text: str) -> None:
    # "in/by saying" right after a quote tells how the words were meant: its own clause is reported, the
    # quote is a part of the first verb's. The curly case fails on 38a37db ("a disgrace" said in "claiming"),
    # the single one on single-mark regions alone.
    attrs = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert [a.label for a in attrs] == ["indirect"]
    assert text[attrs[0].cue[0]:attrs[0].cue[1]] in ("calls", "call")  # type: ignore[index]


def test_the_source_is_no_piece_of_its_content(nlp: object) -> None:
    # The role model read the subject both as the source and as a piece of the content of "sparked"
    # (fails on 9b5dd2f); the farmers' report stays.
    text = "The new rule immediately sparked anger from farmers who say that such rules hurt small farms."
    attrs = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert not any(a.source and a.source[0] <= s < e <= a.source[1] for a in attrs for s, e in a.content)
    assert ("that such rules hurt small farms", "farmers") in {
        (text[s:e], text[a.speaker.start:a.speaker.end] if a.speaker else None) for a in attrs for s, e in a.content}


def test_apostrophes_quote_nothing() -> None:
    # An opener no closer follows in its paragraph is an apostrophe: no single-quoted region goes on unclosed.
    assert find_quote_regions("The voters' rights group met in the '90s and won't stop.\n\n'Tis the season.") == []
    t = "He sang rock 'n' roll. ‘We won,’ she said."
    assert [t[r.start:r.end] for r in find_quote_regions(t)] == ["n", "We won,"]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cls"),
    [
        ("The ministry claimed that the strike hit only military targets.",
         "that the strike hit only military targets", "ministry", "claim"),
        ("Hamas denied that it had ordered the attack.", "that it had ordered the attack", "Hamas", "deny"),
        ("John Kerry stressed that the ceasefire must hold.", "that the ceasefire must hold", "John Kerry", "stress"),
        ("According to Reuters, the convoy was stopped at the border.", "the convoy was stopped at the border",
         "Reuters", "say"),
        ("Maria Lopez told reporters the vote would be delayed.", "the vote would be delayed", "Maria Lopez", "tell"),
        ("Hamas said in a statement that the talks had collapsed.", "that the talks had collapsed", "Hamas", "say"),
        ("The army warned that more strikes would follow.", "that more strikes would follow", "army", "warn"),
    ],
)
def test_reported_speech(nlp: object, text: str, content: str, speaker: str, cls: str) -> None:
    got = _quotes(text, nlp)
    assert (content, speaker, cls) in got, got


def test_reported_content_leaves_a_closing_aside_out(nlp: object) -> None:
    t = "Mr. Clarke compares his struggles to those of the former president, who also ran into financial trouble."
    got = _quotes(t, nlp)
    assert got and got[0][0] == "his struggles to those of the former president"


def test_a_paragraph_going_on_with_a_quote_is_one_reported_span_with_it(nlp: object) -> None:
    # PolNeAR marks the speaker's quote and the all-quote paragraph after it as one content; the
    # reader still gets two quotes, the second as sure as before.
    t = ("The senator spoke to reporters on Monday.\n\n“We will build a new bridge over the river,” Jane Doe said "
         "to loud applause.\n\n“And the state will pay for every part of it. They do not know it yet, but they "
         "will pay.”\n\nThe crowd cheered.\n")
    first, second = (t.index("“We will"), t.index("“And the state"))
    got = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    base = next(a for a in got if a.outer and a.outer[0][0] == first)
    assert [t[s:e] for s, e in base.outer] == ["“We will build a new bridge over the river,”",
                                               t[second:t.index("\n\nThe crowd")]]
    follow = next(a for a in got if a.content[0][0] == second + 1)
    assert follow.outer == () and follow.confidence < base.confidence
    assert [q.slice(t)[:14] for q in find_quotes_in_text(t, nlp=nlp)] == ["We will build ", "And the state "]


def test_a_speech_verb_inside_reported_content_is_no_report_of_its_own(nlp: object) -> None:
    t = "The senator said the questions he refused to answer were unfair."
    assert _quotes(t, nlp) == [("the questions he refused to answer were unfair", "senator", "say")]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # The model read only the head of the reported clause; the clause is content whole.
        (("The officials said that states, led by West Virginia, will allow utilities to pass through the "
         "costs of his credits to ratepayers."),
         ("that states, led by West Virginia, will allow utilities to pass through the costs of his credits to "
         "ratepayers"), "officials"),
        (("The White House said it believes the legislation could result in retaliatory measures, where other "
          "countries would change their laws that currently protect the United States."),
         ("it believes the legislation could result in retaliatory measures, where other countries would change "
          "their laws that currently protect the United States"), "White House"),
    ],
)
def test_reported_clause_is_content_whole(nlp: object, text: str, content: str, speaker: str) -> None:
    assert _quotes(text, nlp) == [(content, speaker, "say")]


def test_content_keeps_out_of_the_speech_act_its_cue_hangs_from(nlp: object) -> None:
    # "mentioned" hangs from "said": its content is its own phrase, and "said" is a report of its own.
    t = "Back when he mentioned the deficit, Mr. McKinley said that he considered debt a last resort."
    assert _quotes(t, nlp) == [("the deficit", "he", "say"),
                               ("that he considered debt a last resort", "McKinley", "say")]
    # "wrote his book" was the example till v118: a book written is no one's words (_Builder._made_thing).
    t = "Back when he wrote his book, Mr. McKinley said that he considered debt a last resort."
    assert _quotes(t, nlp) == [("that he considered debt a last resort", "McKinley", "say")]


@pytest.mark.parametrize(
    ("text", "first", "second", "cls"),
    [
        ("The mayor said the bridge would reopen in May and warned that delays were possible.",
         "the bridge would reopen in May", "that delays were possible", "warn"),
        ("The minister said he would order a review of the defenses, arguing that hackers had grown bolder.",
         "he would order a review of the defenses", "that hackers had grown bolder", "claim"),
    ],
)
def test_coordinated_speech_verb_ends_the_first_report(nlp: object, text: str, first: str, second: str,
                                                       cls: str) -> None:
    got = _quotes(text, nlp)
    speaker = got[0][1]
    assert speaker in ("mayor", "minister")
    assert got == [(first, speaker, "say"), (second, speaker, cls)]


def test_quote_then_a_joined_speech_verb_is_not_that_verbs_quote(seeds: dict[str, Analysis]) -> None:
    a = seeds["004"]
    q = _find(a, "the Israelis are under special pressure")
    assert q.cue is not None and q.cue.slice(a.text) == "has also highlighted"
    noted = _find(a, "the Israeli Government")
    assert noted.cue is not None and noted.cue.slice(a.text) == "noted" and _speaker(a, noted) == "Sharif"


def test_according_to_at_the_end_is_no_part_of_the_content(nlp: object) -> None:
    t = ("Some voters would see their taxes go up under the plan, according to an analysis by the Tax Policy "
         "Center, a nonpartisan group.")
    [q] = find_quotes_in_text(t, nlp=nlp)
    assert q.slice(t) == "Some voters would see their taxes go up under the plan"
    assert q.cue is not None and q.cue.slice(t) == "according to"


def test_speaker_and_colon_leading_a_line(nlp: object) -> None:
    t = ("Pence: Gennifer Flowers Won’t Be at Debate\n\n"
         "Governor Mike Pence spoke to Chris Wallace on Sunday. The transcript follows.\n\n"
         '"WALLACE: Will she be there tomorrow night?\n\n'
         '"PENCE: She will not be attending the debate.\n\n'
         "Correction: An earlier version of this article misstated the day of the debate.\n")
    got = {q.slice(t): q for q in find_quotes_in_text(t, nlp=nlp)}
    for body, speaker in (("Gennifer Flowers Won’t Be at Debate", "Pence"),
                          ("Will she be there tomorrow night", "WALLACE"),
                          ("She will not be attending the debate", "PENCE")):
        q = got[body]
        assert q.speaker is not None and q.speaker.slice(t) in (speaker, "Mike Pence", "Chris Wallace"), body
        assert q.cue is None  # the colon is no cue word
    assert not any("misstated" in body for body in got)


def test_speaker_and_colon_right_before_a_quote(nlp: object) -> None:
    # HuffPollster's digests: a headline, a dash, the speaker's name (initials and all) and a
    # colon, then the quote, with no speech verb; "From the report:" after a sentence's end too.
    t = ("HuffPollster: Iowa polls were not wrong.\n\n"
         "The polls had Trump ahead of Cruz in Iowa for weeks, and Jeffrey M. Jones of Gallup has studied why.\n\n"
         "IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Jeffrey M. Jones: “Although the polls failed to "
         "predict Ted Cruz’s Iowa win on Tuesday night, it isn’t because they were dead wrong.” [Gallup]\n\n"
         "What the survey means - Not all web panels are created equal. From the report: “In general, samples "
         "with more elaborate sampling produced more accurate results.”\n\n"
         "Still to come - Election night: “a long night of counting in three states.”\n")
    got = {q.slice(t): q for q in find_quotes_in_text(t, nlp=nlp)}
    jones = got["Although the polls failed to predict Ted Cruz’s Iowa win on Tuesday night, it isn’t because they "
                "were dead wrong."]
    assert jones.speaker is not None and jones.speaker.slice(t) == "Jeffrey M. Jones"
    assert jones.cue is None  # the colon is no cue word
    assert "In general, samples with more elaborate sampling produced more accurate results." in got
    # A label that names no one ("Election night") reports nothing.
    assert not any("long night" in body for body in got)


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # PolNeAR's source is the whole subject phrase, its relative clause too; the speaker is the name.
        ("Joseph Okafor, who has four children, said the school would close in June.",
         "Joseph Okafor, who has four children", "Joseph Okafor"),
        ("Many people involved in the talks said that the bank had backed the plan.",
         "Many people involved in the talks", None),
        # A participle set off by commas is no part of it, nor a place named in it the speaker.
        ("Trump, speaking to a veterans group in Virginia, said he would order a review.", "Trump", "Trump"),
    ],
)
def test_source_phrase_and_its_speaker(nlp: object, text: str, source: str, speaker: str | None) -> None:
    [a] = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert a.source is not None and text[a.source[0]:a.source[1]] == source
    if speaker is not None:
        assert a.speaker is not None and text[a.speaker.start:a.speaker.end] == speaker


def test_a_relative_clause_reporting_on_its_own_is_no_part_of_the_source(nlp: object) -> None:
    t = ("Mr. Kamin, who emphasized that her proposals would simplify returns for small businesses, "
         "said the plan was sound.")
    got = _by_cue(t, nlp)
    said, emphasized = got["said"], got["emphasized"]
    assert said.source is not None and t[said.source[0]:said.source[1]] == "Mr. Kamin"
    assert emphasized.source is not None and t[emphasized.source[0]:emphasized.source[1]] == "who"
    assert [t[a:b] for a, b in emphasized.outer] == ["that her proposals would simplify returns for small businesses"]


def test_a_relay_opening_its_sentence_relays_the_rest_of_it(nlp: object) -> None:
    t = "According to Yahoo News, Clinton spokesman Jesse Lehrich said Friday that she would sign the bill."
    [a] = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    assert a.cue is not None and t[a.cue[0]:a.cue[1]] == "said"
    assert [tuple(t[x:y] for x, y in r) for r in a.relays] == [
        ("According to", "Yahoo News", "Clinton spokesman Jesse Lehrich said Friday that she would sign the bill")]


def test_a_source_read_as_a_name_modifier_is_the_whole_name(nlp: object) -> None:
    # The role model marked only "Mr" as the source of "expects": the source is the name it modifies.
    t = "Mr. McKinley is bearish on the future of student loans and expects rates to rise."
    got = _by_cue(t, nlp)
    src = got["expects"].source
    assert src is not None and t[src[0]:src[1]] == "Mr. McKinley"


def test_the_parse_phrase_never_cuts_the_models_source_words(nlp: object) -> None:
    # The parse leaves the participle set off by commas out of the phrase; the role model reads
    # it as part of the source (as PolNeAR does), its quoted title with its closing mark.
    t = "The 30-second spot, titled “Arrogant,” features women reading Trump's comments about women."
    got = _by_cue(t, nlp)
    src = got["features"].source
    assert src is not None and t[src[0]:src[1]] == "The 30-second spot, titled “Arrogant,”"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # An empty "it" of seeming and of being clear holds no view: the act has no source.
        ("Yet it was unclear whether Sanders was ready to follow that script.", "it was unclear", None),
        ("It appears, though, that the championship game was not boring to everyone.", "appears", None),
        # An "it" that stands for a speaker stays the source.
        ("The company issued a statement on Monday. It said that the recall would cost two million dollars.",
         "said", "It"),
    ],
)
def test_an_empty_it_is_no_source(nlp: object, text: str, cue: str, source: str | None) -> None:
    got = _by_cue(text, nlp)
    a = got[cue]
    assert a.content and (text[a.source[0]:a.source[1]] if a.source else None) == source
    if source is None:
        assert a.speaker is None


def test_a_source_never_runs_over_its_own_cue(nlp: object) -> None:
    # The parse made the whole sentence the subject phrase of "endorsed".
    t = ("A union representing flight attendants endorsed Hillary Clinton for president on Thursday, another "
         "example of organized labor throwing its support behind the nominee.")
    [a] = [a for a in extract_attributions(nlp(t), text=t)  # type: ignore[operator]
           if a.cue is not None and t[a.cue[0]:a.cue[1]] == "endorsed"]
    assert a.source is not None and t[a.source[0]:a.source[1]] == "A union representing flight attendants"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # What seems so is the content; the one it seems so to goes unsaid (PolNeAR: no source).
        ("Sanders appears to have a slight lead in the latest polls of the state.", None),
        ("The political fallout from the decision appears significant.", None),
        # Seeming to make a speech act or to think something is that act of the subject.
        ("But in late November, Rubio seemed to urge the opposite tactic in a speech to conservative pastors.",
         "Rubio"),
        ("Anderson largely agreed with McLenny and seemed to think the outreach to black voters was phony.",
         "Anderson"),
    ],
)
def test_the_subject_of_seeming_is_no_source(nlp: object, text: str, source: str | None) -> None:
    [a] = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
           if a.cue is not None and text[a.cue[0]:a.cue[1]].startswith(("appears", "seemed"))]
    assert (text[a.source[0]:a.source[1]] if a.source else None) == source


@pytest.mark.parametrize(
    ("name", "words", "source"),
    [
        # The parse found the subject inside the quote it reports ("We will achieve justice"), and
        # so did the role model: the name between the quote and its cue speaks (_name_beside),
        # though the tagger read 'Tulsa' as a verb.
        ("dev/huff-post_2016-09-20_hillary-clinton-speaks-directly-", "We will achieve justice",
         "Tulsa police Chief Chuck Jordan"),
        # The cue after its quote had no subject in the parse; the role model reads its speaker.
        ("train/politico_2016-02-04_insiders-trump-will-rebound-in-n", "Hillary needed to split",
         "a South Carolina Democrat"),
        ("train/wash-post_2016-07-03_trump-tweet-that-blasts-clinton-", "Just saw #DonaldTrump",
         "screenwriter Cole Haddon"),
    ],
)
def test_a_quote_whose_cue_the_parse_gave_no_speaker_takes_the_models(
        nlp: object, name: str, words: str, source: str | None) -> None:
    split, _, name = name.partition("/")
    text = (need_data("polnear") / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
    [a] = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
           if any(words in text[s:e] for s, e in a.content)]
    assert (text[a.source[0]:a.source[1]] if a.source else None) == source


def test_quote_opening_the_next_sentence_goes_on_with_the_report(nlp: object) -> None:
    t = ('Economists praised parts of the plan. "I have admiration for the mechanics" of the Clinton proposals, '
         'Mr. Holtz-Eakin said. "They are more detailed than anything the other side has offered."')
    got = [(q.slice(t), q.speaker.slice(t) if q.speaker else None, q.cue.start if q.cue else None)
           for q in find_quotes_in_text(t, nlp=nlp)]
    said = t.index("said")
    assert ('"I have admiration for the mechanics" of the Clinton proposals', "Holtz-Eakin", said) in got
    assert ('"They are more detailed than anything the other side has offered."', "Holtz-Eakin", said) in got


def test_an_interview_is_the_channel_of_the_act_not_a_report_of_its_own(nlp: object) -> None:
    t = ("The plan will fail because nobody has paid for it, John Smith said in an interview with the Associated "
         "Press on Monday.")
    [q] = find_quotes_in_text(t, nlp=nlp)
    assert [v.label for v in q.via] == ["Associated Press"]  # the outlet, not the day
    [a] = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    assert a.relays == ()
    t2 = "The plan will fail because nobody has paid for it, John Smith said, citing the Associated Press."
    # "citing X" stays an attribution of its own (as a relay, or read by the model as a cue).
    got = extract_attributions(nlp(t2), text=t2)  # type: ignore[operator]
    cues = [t2[c[0]:c[1]] for a2 in got for c, _, _ in a2.relays] + [t2[a2.cue[0]:a2.cue[1]] for a2 in got if a2.cue]
    assert "citing" in cues


def test_a_sentence_opening_on_a_poll_reports_its_finding(nlp: object) -> None:
    t = ("The Washington Post released a poll of 1,000 voters on Monday. In the poll, Clinton led Trump by five "
         "points among likely voters.")
    q = next(q for q in find_quotes_in_text(t, nlp=nlp) if q.cue is not None and q.cue.slice(t) == "In")
    assert q.slice(t) == "Clinton led Trump by five points among likely voters"
    assert q.speaker is not None and q.speaker.slice(t) == "Washington Post"


def test_a_subject_from_the_paragraph_before_is_not_the_speaker(nlp: object) -> None:
    t = ("A member of the vigilantes, Mohammed Haruna, said of clashes on Sunday, “Two of our members came to [the "
         "town of] Biu this morning from Damboa and said the soldiers engaged Boko Haram yesterday and the battle "
         "lasted till about midnight.”\n\nSeparately, Maiduguri resident Andrew Tada, said the insurgents killed "
         "five people in Gava, a hilly town not far from Damboa.")
    got = {q.slice(t): q.speaker.slice(t) if q.speaker else None for q in find_quotes_in_text(t, nlp=nlp)}
    # (Where the content ends is not this test's business: quotes.v31 leaves the closing appositive out.)
    [speaker] = [s for c, s in got.items() if c.startswith("the insurgents killed five people in Gava")]
    assert speaker == "Andrew Tada"


def test_the_spokesman_is_the_spokesman_named_before_not_a_spokeswoman(nlp: object) -> None:
    # A rank before its role ("deputy spokesman") holds the role a later "the spokesman" takes up,
    # and "spokeswoman" is not that role though it opens the same way.
    t = ("The ministry's deputy spokesman, Karl Weber, said the talks had stalled. A spokeswoman for the "
         "Herald declined to comment on the talks. The spokesman said the ministers would meet again in May.")
    got = {q.slice(t): q for q in find_quotes_in_text(t, nlp=nlp)}
    first, last = got["the talks had stalled"], got["the ministers would meet again in May"]
    assert first.speaker_role == "spokesman"
    assert last.speaker is not None and last.speaker.slice(t) == "Karl Weber"


@pytest.mark.parametrize(
    "text",
    [
        ('A woman named Lana Reyes said she had been on a flight to Boston. She screamed because the man '
         'sitting next to her said "You need to learn your place."'),
        "A woman named Lana Reyes boarded a flight to Boston. The man sitting next to her said the plane was late.",
    ],
)
def test_the_man_with_a_clause_of_his_own_is_someone_new(nlp: object, text: str) -> None:
    # "the man sitting next to her" is no one named before: not "a woman named Lana", whose "woman" merely
    # ends in the same letters.
    after = text.lower().index("the man")
    [q] = [q for q in find_quotes_in_text(text, nlp=nlp) if q.cue is not None and q.start > after]
    assert q.speaker is not None and q.speaker.slice(text) == "man"


def test_of_two_subjects_the_nearer_holds_the_act(nlp: object) -> None:
    t = "The Latest: Trump urges supporters to monitor polling places.\n\nThe rally ended at noon."
    q = next(q for q in find_quotes_in_text(t, nlp=nlp) if q.cue is not None and q.cue.slice(t) == "urges")
    assert q.speaker is not None and q.speaker.slice(t) == "Trump"


def test_according_to_opening_a_sentence_the_parse_made_its_root(nlp: object) -> None:
    t = ("Hillary Clinton’s campaign has asked the moderator to fact check Donald Trump. According to "
         "conservative talk radio host Rush Limbaugh, the move reeks of “fear” and desperation.")
    q = next(q for q in find_quotes_in_text(t, nlp=nlp) if q.cue is not None and q.cue.label == "according to")
    assert q.slice(t) == "the move reeks of “fear” and desperation"
    assert q.speaker is not None and q.speaker.slice(t) == "Rush Limbaugh"


def test_quote_ending_its_sentence_is_not_the_next_sentences_quote(nlp: object) -> None:
    t = 'South Korea accused the leader of "fanatic recklessness." President Park said his mental state was bad.'
    got = _quotes(t, nlp)
    assert ("his mental state was bad", "Park", "say") in got, got
    assert not any(q[1] == "Park" and "fanatic" in q[0] for q in got)


def test_a_quoted_phrase_inside_a_reported_clause_is_reported_speech(nlp: object) -> None:
    t = "Trump blasted the American media for being “unbelievably dishonest.”"
    [q] = find_quotes_in_text(t, nlp=nlp)
    assert q.slice(t) == "the American media for being “unbelievably dishonest.”" and q.label == "indirect"
    t2 = "Hamas said in a statement that “the talks had collapsed.”"
    [q2] = find_quotes_in_text(t2, nlp=nlp)
    assert q2.slice(t2).startswith("that “the talks had collapsed") and q2.label == "indirect"
    t4 = "The police reported “2,521 shooting incidents” in the city this year."
    [q4] = find_quotes_in_text(t4, nlp=nlp)
    assert q4.slice(t4).startswith("“2,521 shooting incidents” in the city") and q4.label == "indirect"
    t3 = "She told reporters: “We will not back down.”"
    [q3] = find_quotes_in_text(t3, nlp=nlp)
    assert q3.slice(t3) == "We will not back down." and q3.label == "direct"


def test_model_content_keeps_no_far_or_empty_pieces(seeds: dict[str, Analysis]) -> None:
    a = seeds["004"]
    spoken = [q for q in a.quotes if q.cue is not None and q.cue.slice(a.text).startswith("has spoken")]
    assert [q.slice(a.text) for q in spoken] == ["a “hostile act” and a “violation of its sovereignty”"]


def test_reported_content_keeps_a_concessive_tail(nlp: object) -> None:
    # h101: fails on 480b000 (the content ended at ", although" / ", though").
    t = "North Korea said the test was its biggest yet, although it may take days to measure its power."
    assert _quotes(t, nlp) == [("the test was its biggest yet, although it may take days to measure its power",
                                "North Korea", "say")]
    t3 = "She said she identifies as an independent, though she is currently registered as a Democrat."
    assert _quotes(t3, nlp)[0][0] == "she identifies as an independent, though she is currently registered as a Democrat"


def test_reported_content_ends_where_the_learned_chooser_puts_it(nlp: object) -> None:
    # issue #4 (h154): the rules ended the content on the speech verb of a clause inside it ("at the
    # moment he says"); the content-end chooser (quote_ends) runs it on to its sentence's end, where
    # PolNeAR's annotators end such contents.
    t = ("Mr. Kasich insisted that he will say whatever makes the most political sense at the moment he says "
         "it, from crop insurance to defense spending.")
    assert [t[s:e] for s, e in _with_cue(t, nlp, "insisted")[0].outer] == [
        ("that he will say whatever makes the most political sense at the moment he says it, from crop insurance "
         "to defense spending")]


def test_reported_content_does_not_stop_on_a_word_opening_a_phrase(nlp: object) -> None:
    # h101: fails on f958bfd (the content stopped at the role model's window, on "for").
    t = ("Officials in the capital said on Tuesday that the agency had spent far more money than it had told the "
         "committee it would spend on the program over the last three fiscal years, with millions of dollars going "
         "to consultants and to travel for officials who never once visited any of the sites that were built with "
         "the help of contractors from overseas.")
    [a] = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    assert t[a.outer[-1][0]:a.outer[-1][1]].endswith("to travel for officials who never once visited any of the "
                                                       "sites that were built with the help of contractors from overseas")
    # ... and on the "to" of an infinitive (fails on 45efa7d).
    t2 = t.replace("and to travel", "and then also to travel")
    [a2] = extract_attributions(nlp(t2), text=t2)  # type: ignore[operator]
    assert t2[a2.outer[-1][0]:a2.outer[-1][1]].endswith("and then also to travel for officials who never once visited "
                                                         "any of the sites that were built with the help of contractors "
                                                         "from overseas")
    # ... and on a subordinator other than "that": a span ending on "because" reads as nothing.
    t3 = t.replace("to travel for officials who", "to travel because officials")
    [a3] = extract_attributions(nlp(t3), text=t3)  # type: ignore[operator]
    assert t3[a3.outer[-1][0]:a3.outer[-1][1]].endswith("because officials never once visited any of the sites "
                                                         "that were built with the help of contractors from overseas")
    # ... and on a name's first words: up to its last word (h120: fails on 5fd874d, "to Senator Andrew").
    t4 = t.replace("to travel for officials who", "to Senator Andrew Hollis, who")
    [a4] = extract_attributions(nlp(t4), text=t4)  # type: ignore[operator]
    assert t4[a4.outer[-1][0]:a4.outer[-1][1]].endswith("going to consultants and to Senator Andrew Hollis")
    t5 = t.replace("to travel for officials who", "to the Hollis Travel Group, which")
    [a5] = extract_attributions(nlp(t5), text=t5)  # type: ignore[operator]
    assert t5[a5.outer[-1][0]:a5.outer[-1][1]].endswith("to consultants and to the Hollis Travel Group")


def test_reported_content_leaves_a_second_speech_act_out(nlp: object) -> None:
    t2 = "The governor said that voters had rejected the plan, but he vowed to try again next year."
    got = _quotes(t2, nlp)
    assert got[0] == ("that voters had rejected the plan", "governor", "say")
    assert got[1][0] == "to try again next year" and got[1][2] == "threaten"


def test_relays(nlp: object) -> None:
    t = ("“We will respond,” the commander said, as reported by the Palestinian news agency Maan. "
         "Officials confirmed the strike, according to the Jerusalem Post.")
    qs = find_quotes_in_text(t, nlp=nlp)
    assert [v.label for v in qs[0].via] == ["Maan"]
    assert [v.label for v in qs[-1].via] == ["Jerusalem Post"]
    t2 = "The senator told the magazine that she would run again."
    [q] = find_quotes_in_text(t2, nlp=nlp)
    assert [v.label for v in q.via] == ["magazine"] and q.cue_class == "tell"


@pytest.mark.parametrize(
    ("text", "via"),
    [
        # The outlet told is relayed by its whole name, not a name inside it or a glued word's tail.
        ("A Vice spokesman told The Hollywood Reporter that Smith won well over $300,000.", ["Hollywood Reporter"]),
        ("Watch expert Chad Rickicki told TechCrunch that the gold case costs more.", ["TechCrunch"]),
        ("A gynaecologist from Sarajevo told MailOnline that children do not know enough.", ["MailOnline"]),
        ("The minister told CNN's Don Lemon that the talks had failed.", ["CNN"]),
        # A court or a committee told in person hears the words: it relays nothing.
        ("“This is a plot to kill police officers,” prosecutor Mark Dawson told Westminster Magistrates’ Court.", []),
        ("The director told the House Intelligence Committee that the agency had no such program.", []),
    ],
)
def test_the_outlet_told_is_named_whole_and_a_body_told_is_none(nlp: object, text: str, via: list[str]) -> None:
    [q] = [q for q in find_quotes_in_text(text, nlp=nlp) if q.cue is not None and q.cue.slice(text) == "told"]
    assert _via(q) == via


def test_glued_speaker_is_cut_out_of_the_token(nlp: object) -> None:
    t = "Spokesman Ali Reza spoke.\n\n“We will take revenge on the enemiesReza said.\n"
    [q] = find_quotes_in_text(t, nlp=nlp)
    assert q.slice(t) == "We will take revenge on the enemies"
    assert q.speaker is not None and q.speaker.slice(t) == "Reza"


def test_doubled_apostrophes_are_quote_marks(nlp: object) -> None:
    t = "''It's embarrassing,'' said Tom Hale. ''Nobody wants that.''"
    regions = find_quote_regions(t)
    assert [t[r.start:r.end] for r in regions] == ["It's embarrassing,", "Nobody wants that."]
    assert [t[r.outer[0]:r.outer[1]] for r in regions] == ["''It's embarrassing,''", "''Nobody wants that.''"]
    got = _quotes(t, nlp)
    assert ("It's embarrassing,", "Tom Hale", "say") in got


def test_learned_model_ships_without_pickle() -> None:
    import json
    from pathlib import Path

    import numpy as np

    from newsprism.stages.quote_model import load_model

    base = Path(__file__).resolve().parent.parent / "src" / "newsprism" / "models" / "quotes"
    meta = json.loads(base.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["role_classes"][0] == "O" and set(meta["role_classes"]) == {"O", "content", "source", "cue"}
    with np.load(base.with_suffix(".npz"), allow_pickle=False) as z:
        assert z["cue_coef"].shape[0] == len(z["cue_features"])
        assert z["role_coef"].shape == (len(z["role_features"]), 4)
    assert base.with_suffix(".npz").stat().st_size < 8_000_000
    model = load_model()
    assert model is not None and 0.0 < model.cue_threshold < 1.0


def test_run_time_scoring_equals_the_training_features(nlp: object) -> None:
    """The stage's shortcuts (shared branch features, the one-column sum, pruned candidates)
    give the scores of the features the model was trained on."""
    import numpy as np

    from newsprism.stages.quote_model import DocView, cue_candidates, cue_features, load_model, role_batch

    model = load_model()
    assert model is not None
    doc = nlp("Iran claimed on Wednesday that the attacks were revenge, according to Iran International. "  # type: ignore[operator]
              "“We deny it,” a Hamas spokesman said in a statement, calling for calm.")
    v = DocView(doc)
    every = cue_candidates(v, model.extra_cues, model.known_cues)
    pruned = cue_candidates(v, model.extra_cues, model.known_cues, prune=True)
    assert set(pruned) <= set(every) and pruned
    p_all = dict(zip(every, model.cue_probs([cue_features(v, i) for i in every]).tolist()))
    assert all(p < model.cue_threshold for i, p in p_all.items() if i not in pruned)
    # The one-column sum equals the gathered sum.
    feats = [cue_features(v, i) for i in pruned]
    rows = [[model.cue.index.get(f, len(model.cue.coef) - 1) for f in fs] for fs in feats]
    gathered = np.array([model.cue.coef[r, 0].sum() for r in rows])
    assert np.allclose(model.cue.scores(feats)[:, 0], gathered, atol=1e-4)
    for c in pruned:
        toks = [t for t in range(len(doc)) if t != c]
        assert np.allclose(model.role_probs_of(v, c, toks, v.lemma[c]),
                           model.role_probs(role_batch(v, c, toks, v.lemma[c])), atol=1e-5)


def test_extraction_reads_with_the_model_it_is_given(nlp: object) -> None:
    """The trainer scores each fold with that fold's model, passed in, not the process's one."""
    import copy

    from newsprism.stages.quote_model import load_model

    shipped = load_model()
    assert shipped is not None
    own = copy.copy(shipped)
    asked: list[int] = []

    def cue_probs_of(v, cands):  # type: ignore[no-untyped-def]
        asked.append(len(cands))
        return shipped.cue_probs_of(v, cands)

    own.cue_probs_of = cue_probs_of  # type: ignore[method-assign]
    text = "The minister said on Monday that taxes would rise, and unions protested."
    doc = nlp(text)  # type: ignore[operator]
    got = extract_attributions(doc, text=text, model=own)
    assert asked and got == extract_attributions(doc, text=text)


def test_what_is_cited_is_the_content_of_citing(nlp: object) -> None:
    """'X said ..., citing Y': Y is what X cites (PolNeAR's content), not the source of what X said.
    The model here reads no cue in "citing", so the relay phrase makes the act."""
    # h80: fails on 1f53c61 (the relay took the words cited for the source of the quote before it).
    import copy

    from newsprism.stages.quote_model import load_model

    shipped = load_model()
    assert shipped is not None
    own = copy.copy(shipped)

    def cue_probs_of(v, cands):  # type: ignore[no-untyped-def]
        got = shipped.cue_probs_of(v, cands)
        got[[v.lower[c] == "citing" for c in cands]] = 0.0
        return got

    own.cue_probs_of = cue_probs_of  # type: ignore[method-assign]
    text = ('The country "has made dramatic changes," McConnell said in June, citing the release of prisoners '
            "and Suu Kyi's election.")
    attrs = extract_attributions(nlp(text), text=text, model=own)  # type: ignore[operator]
    relays = {(text[c[0]:c[1]], text[s[0]:s[1]], text[x[0]:x[1]]) for a in attrs for c, s, x in a.relays}
    assert relays == {("citing", "McConnell", "the release of prisoners and Suu Kyi's election")}


def test_a_participle_after_the_reported_clause_is_the_reporters(nlp: object) -> None:
    # h80: fails on 1c4ee26 (the source of "citing" was the reported clause's subject, "the bill").
    text = "The senator said the bill would fail, citing its cost to Medicare."
    [a] = _with_cue(text, nlp, "citing")
    assert a.source is not None and text[a.source[0]:a.source[1]] == "The senator"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("We have been here before: Osama bin Laden declared war on the United States.", "declared",
         ["war on the United States"]),
        ("It is on social issues that they lean left: 42% say they're liberal.", "say", ["they're liberal"]),
    ],
)
def test_a_clause_a_colon_ends_before_the_report_is_not_reported(nlp: object, text: str, cue: str,
                                                                 content: list[str]) -> None:
    # h80: fails on 7ef19f5 (the words before the colon were a piece of the content).
    [a] = _with_cue(text, nlp, cue)
    assert [text[s:e] for s, e in a.outer] == content


@pytest.mark.parametrize(
    ("text", "citer"),
    [
        (("Smith said the plan had failed, and the Journal reported that the deal collapsed, citing a memo from "
          "Goldman Sachs."), "the Journal"),
        (("Jones said the talks had stalled, and the Times reported that the merger was dead, citing a letter from "
          "Morgan Stanley."), "the Times"),
        ("McConnell said the changes were real, with critics citing the jailing of Ko Ni.", "critics"),
        (("McConnell said the changes were real, though Amnesty International disputed it, citing a report by "
          "Human Rights Watch."), "Amnesty International"),
    ],
)
def test_the_citer_is_the_subject_of_the_verb_citing_hangs_on(nlp: object, text: str, citer: str) -> None:
    # h87: fails on 949d3a0 (every act of the sentence relayed "citing" with its own source: Smith, McConnell).
    attrs = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert {text[s[0]:s[1]] for a in attrs for _c, s, _x in a.relays} == {citer}


def test_regions_are_exact() -> None:
    t = 'He said "yes." Then: “no ”quote” here.'
    for r in find_quote_regions(t):
        assert 0 <= r.start < r.end <= len(t)
    assert find_quote_regions("") == []
    assert find_quote_regions("no marks at all") == []
    # Each region keeps its opening mark's family: a doubled apostrophe is a straight mark.
    t = "He said \"yes.\" Then: “no.” ''Fine,'' she said. «Oui», dit-il. And ” closed only."
    assert [r.family for r in find_quote_regions(t)] == ["straight", "curly", "straight", "guillemet", ""]


# --------------------------------------------------------------------------- stage contract


def test_empty_article_gives_no_quotes(pipeline: Pipeline) -> None:
    [a] = list(pipeline.run([Article(id="e", text="")]))
    assert a.quotes == ()
    [b] = list(pipeline.run([Article(id="w", text="   \n\n ")]))
    assert b.quotes == ()
    assert find_quotes_in_text("") == []


def test_batch_equals_one_by_one(pipeline: Pipeline) -> None:
    arts = [_seed_000(), _seed_004(), Article(id="x", text="“Fine,” said Tom Hale.")]
    batch = [a.quotes for a in pipeline.run(arts, batch_size=3)]
    single = [next(iter(pipeline.run([art]))).quotes for art in arts]
    assert batch == single


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("When the senator announced his run, his critics hysterically denounced him.", "hysterically denounced",
         "his critics", "him"),
        ("The new policy was unveiled on Monday. Florida Sen. Marco Rubio, a co-sponsor of the bill, opposed it.",
         "opposed", "Florida Sen. Marco Rubio, a co-sponsor of the bill", "it"),
        ("Trump praised the plan. Pence contradicted him on Sunday.", "contradicted", "Pence", "him"),
    ],
)
def test_a_pronoun_object_is_the_content_of_its_cue(nlp: object, text: str, cue: str, source: str,
                                                     content: str) -> None:
    # h145: fails on bc1f838 (the model's act was dropped as made of function words only).
    [a] = _with_cue(text, nlp, cue)
    assert a.source is not None and text[a.source[0]:a.source[1]] == source
    assert [text[s:e] for s, e in a.outer] == [content]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The governor's office informed him on Friday.", "informed"),
        ("She emailed him on Friday, hours before the vote.", "emailed"),
        ("Prosecutors questioned him for two hours.", "questioned"),
        ("Smith met the families and reassured them.", "reassured"),
    ],
)
def test_a_listener_pronoun_is_no_content(nlp: object, text: str, cue: str) -> None:
    # h152 (a review of quotes.v109): the one a verb of telling or asking speaks to is not what
    # it says; no words are reported.
    assert _with_cue(text, nlp, cue) == []


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        (("The Democratic presidential nominee has been endorsed by dozens of papers ranging from The New York "
          "Times to the Arizona Republic."), "has been endorsed",
         "dozens of papers ranging from The New York Times to the Arizona Republic", "The Democratic presidential nominee"),
        ("He is backed by 34% of GOP voters in the RealClearPolitics average of recent national surveys.", "is backed",
         "34% of GOP voters in the RealClearPolitics average of recent national surveys", "He"),
        # A participle's noun is what its agent acts on.
        ("Charter schools, promoted by Donald Trump and the Obama administration, are growing fast.", "promoted",
         "Donald Trump and the Obama administration", "Charter schools"),
    ],
)
def test_a_passive_cue_with_its_agent_is_about_its_subject(nlp: object, text: str, cue: str, source: str,
                                                          content: str) -> None:
    # h145: fails on afef13c (the role model read no content, and the act was dropped).
    [a] = _with_cue(text, nlp, cue)
    assert a.source is not None and text[a.source[0]:a.source[1]] == source
    assert [text[s:e] for s, e in a.outer] == [content]


def test_a_passive_of_feeling_is_not_about_its_subject(nlp: object) -> None:
    # The one who feels is no content ("have been outraged by the raids": the raids are).
    text = "Immigrant rights advocates have been outraged by the raids."
    assert not any([text[s:e] for s, e in a.outer] == ["Immigrant rights advocates"]
                   for a in extract_attributions(nlp(text), text=text))  # type: ignore[operator]


def test_stage_contract() -> None:
    st = QuoteStage()
    assert st.name == "quotes" and st.requires == ("parse",) and st.assigns == ("quotes",)
    assert st.tag == "quotes.v155"


def test_a_title_case_headline_is_read_through_its_sentence_case_copy(pipeline: Pipeline) -> None:
    # issue #4 (h150): in "Governor Vows To Veto Budget Bill" spaCy's small model tags every word
    # PROPN, so no cue was seen; the stage reads the headline again through a parse of its copy
    # with the title's capitals lowered ("Governor vows to veto budget bill"), of the same length, so
    # the quote points into the article's text. A title-case line further down is not the headline.
    from newsprism.stages.quote_titles import headline, sentence_case

    body = ("\n\nThe governor of Ohio said on Tuesday that he would reject the budget passed by the "
            "Senate. Senate Leader Tom Hale said a deal was still far off.")
    for head, cue, content in (("Governor Vows To Veto Budget Bill", "Vows", "To Veto Budget Bill"),
                               ("Senate Leader Admits Deal Is Far Off", "Admits", "Deal Is Far Off"),
                               ("Ohio Voters Fear Plant Closures Will Cost Jobs", "Fear",
                                "Plant Closures Will Cost Jobs")):
        text = head + body
        line = headline(text)
        assert line == (0, len(head)) and len(sentence_case(text, line)) == len(head)
        [a] = list(pipeline.run([Article(id="h", text=text)]))
        got = [(q.cue.slice(text) if q.cue else None, q.slice(text)) for q in a.quotes if q.end <= len(head)]
        assert got == [(cue, content)], head
    assert sentence_case("Senate Leader Admits Deal Is Far Off" + body, (0, 36)) == \
        "Senate Leader admits deal is far off"  # "Senate", "Leader": the article's names
    inner = "The vote is on Friday.\n\nGovernor Vows To Veto Budget Bill\n\nMore to follow."
    assert headline(inner) is None and headline("FBI SAYS NO CHARGES\n\nText.") is None
    [b] = list(pipeline.run([Article(id="i", text=inner)]))
    assert not [q for q in b.quotes if "Veto" in q.slice(inner)]


def test_a_headline_cue_whose_source_swallowed_the_verb_is_read_from_the_copy(nlp: Any,
                                                                              pipeline: Pipeline) -> None:
    # issue #4 (h155): the article's parse read "Report Of" as the cue of "Clinton Campaign Denies
    # Report Of Secret Meeting", with "Clinton Campaign Denies" as its source, and the headline was not
    # read again (an act was found there); an act whose source holds what the copy's parse calls a
    # verb is read from the copy. A colon label's source ("X on Y Releasing ...: ...") stays.
    body = ("\n\nThe campaign of Hillary Clinton on Tuesday called a Politico story false. "
            "Spokesman Brian Fallon said no meeting took place.")
    for head, want in (("Clinton Campaign Denies Report Of Secret Meeting",
                        ("Denies", "Clinton Campaign", "Report Of Secret Meeting")),
                       ("Anti-Trump Groups Launch Ads in Indiana Against The Donald",
                        ("Launch Ads in Indiana Against", "Anti-Trump Groups", "The Donald"))):
        text = head + body
        doc = nlp(text)
        attrs = [a for a in extract_attributions(doc, find_mentions(doc, text), text=text, nlp=nlp)
                 if a.content[0][1] <= len(head)]
        got = [(text[a.cue[0]:a.cue[1]] if a.cue else None, text[a.source[0]:a.source[1]] if a.source else None,
                text[a.content[0][0]:a.content[-1][1]]) for a in attrs]
        assert got == [want], head
        [a] = list(pipeline.run([Article(id="h", text=text)]))
        [q] = [q for q in a.quotes if q.end <= len(head)]
        assert q.cue is not None and q.cue.slice(text) == want[0] and q.slice(text) == want[2]


def test_the_one_an_aside_cue_speaks_to_is_not_what_was_said() -> None:
    # issue #4 (h155, FNC-1 body 1997): in "The capsule, he explained to CNN, was documented ..." the
    # learned content ran from the cue's listener on ("CNN, was documented to have been ..."); the
    # object of the cue's "to" opening a piece is cut off it. A piece that is that object and no more
    # stays ("pointed to the report").
    text = ("Inside the capsule are contents that will be showcased as soon as the box is removed from "
            "the cornerstone, according to Massachusetts Secretary of State William Galvin. The capsule, he "
            "explained to CNN, was documented to have been first buried in 1795, then was dug up and reburied "
            "in 1855 during repairs to the building.")
    got = [q.slice(text) for q in find_quotes_in_text(text) if q.cue and q.cue.slice(text).startswith("explained")]
    assert got[:2] == ["The capsule", "was documented to have been first buried in 1795, then"]
    assert not any("CNN" in g for g in got)
    pointed = "The senator pointed to the report, which was released on Monday."
    assert [q.slice(pointed)[:10] for q in find_quotes_in_text(pointed)] == ["the report"]


def test_those_a_thing_is_shown_to_are_not_what_is_shown() -> None:
    # issue #4 (h155): "Police have shown video of the attack to reporters" gave the content "of the
    # attack to reporters": the parse hung "to reporters" on "attack", and the reporters are whom the
    # video was shown to. A closing "to" + audience (_AUDIENCE) on the cue or on a noun is cut; one on
    # a verb of the content stays ("will be opened to the press"). (The learned cue keeps the object,
    # "have shown video", as PolNeAR's cues do: "made a strong condemnation of".)
    text = "Gunmen stormed a shopping centre in Nairobi. Police have shown video of the attack to reporters."
    got = [(q.cue.slice(text) if q.cue else None, q.slice(text)) for q in find_quotes_in_text(text)]
    assert got == [("have shown video", "of the attack")]
    said = "The mayor said the capsule will be opened to the press."
    assert [q.slice(said) for q in find_quotes_in_text(said)] == ["the capsule will be opened to the press"]


def test_the_one_persuaded_is_not_what_was_said() -> None:
    # issue #4 (h155): "The senator was persuaded by aides to drop the bill" listed "The senator" as
    # what the aides said beside "to drop the bill"; the subject of a passive cue with an infinitive
    # after it is the one moved to act, the agent the source.
    text = "The senator was persuaded by aides to drop the bill. The vote is on Friday."
    got = [(q.slice(text), q.speaker.slice(text) if q.speaker else None) for q in find_quotes_in_text(text)]
    assert got == [("to drop the bill", "aides")]
    urged = "The governor was urged by lawmakers to veto the bill."
    assert [q.slice(urged) for q in find_quotes_in_text(urged)] == ["to veto the bill"]


def test_the_president_is_one_the_article_titled_so_not_the_last_person() -> None:
    # issue #4 (h164): "the president" took up the last person-like name before it, though no one
    # had been called president ("Al-Shabaab", which the parse tags PERSON, slammed the militants); it
    # takes up one the article titled so, or stays "the president".
    text = "Al-Shabaab claimed the attack on the mall. The president slammed the militants as cowards."
    got = {q.slice(text): q.speaker.slice(text) if q.speaker else None for q in find_quotes_in_text(text)}
    assert got["the militants as cowards"] == "president"
    titled = "President Uhuru Kenyatta visited the wounded on Sunday. " + text
    got = {q.slice(titled): q.speaker.slice(titled) if q.speaker else None for q in find_quotes_in_text(titled)}
    assert got["the militants as cowards"] == "Uhuru Kenyatta"
    # A premier is a prime minister; the mentions may hold the title ("Mayor de Blasio") (FNC-1 588, 2217).
    premier = ('UK Prime Minister David Cameron denounced the group. "We will hunt down those '
               'responsible," the grim-faced premier said.')
    mayor = ("In a statement, Thompson said, “I applaud Mayor de Blasio’s decision.” De Blasio "
             "described the policy as a win. “It will be good for New Yorkers,” the mayor said.")
    king = ("Jordan’s King Abdullah announced he was cutting short a visit to the U.S. The king, a former "
            "military pilot himself, called the pilot a martyr.")  # FNC-1 2274: the title inside the name
    for text, speaker in ((premier, "David Cameron"), (mayor, "De Blasio"), (king, "Jordan’s King Abdullah")):
        got = {q.slice(text): q.speaker.slice(text) if q.speaker else None for q in find_quotes_in_text(text)}
        assert got[next(k for k in got if k.startswith(("We will", "It will", "the pilot")))] == speaker, text


def test_a_country_s_president_is_a_person_not_the_country() -> None:
    # issue #4 (h164): "Kenya's president blasted ..." was spoken by "Kenya" (a body speaking through
    # its role, as "an IRGC spokesperson" is); one office-holder of a country speaks: the person the
    # article titled so with that country, else the words, as "president of Kenya".
    text = "Kenya's president blasted the attack as barbaric."
    q, = find_quotes_in_text(text)
    assert (q.speaker.slice(text) if q.speaker else None, q.speaker_role) == ("Kenya's president", "president of Kenya")
    named = ("Kenyan President Uhuru Kenyatta visited the mall on Sunday. "
             "Kenya's president accused the militants of targeting civilians.")
    got = {q.slice(named): q.speaker.slice(named) if q.speaker else None for q in find_quotes_in_text(named)}
    assert got["the militants of targeting civilians"] == "Uhuru Kenyatta"
    other = ("President Barack Obama visited the mall on Sunday. "
             "Kenya's president accused the militants of targeting civilians.")
    got = {q.slice(other): q.speaker.slice(other) if q.speaker else None for q in find_quotes_in_text(other)}
    assert got["the militants of targeting civilians"] == "Kenya's president"
    # The words up to the office, not what the office-holder's words are (FNC-1 1185).
    held = ("Rep. Duncan Hunter said agents had captured ISIS fighters. The California congressman’s bombshell "
            "on Fox News Tuesday also claims more militants may already be here.")
    got = {q.slice(held): q.speaker.slice(held) if q.speaker else None for q in find_quotes_in_text(held)}
    assert got["more militants may already be here"] == "California congressman"


def test_the_predicate_of_a_naming_is_no_speaker() -> None:
    # issue #4 (h164): the parse reads "named Iran as the culprit said ..." as "as [the culprit said]",
    # so "the culprit" spoke; the one the naming clause is of speaks.
    cases = (("An official who named Iran as the culprit said the strike was planned for months.",
              "the strike was planned for months", "official"),
             ("Police who identified the man as the gunman said he had acted alone.", "he had acted alone", "Police"))
    for text, content, speaker in cases:
        got = {q.slice(text): q.speaker.slice(text) if q.speaker else None for q in find_quotes_in_text(text)}
        assert got[content] == speaker, text


def test_a_party_s_court_papers_speak_for_it() -> None:
    # issue #4 (h155, PolNeAR dev politico_2016-09-22): since quotes.v129 a noun a name holds speaks
    # for itself unless it is one that speaks for its holder; "Ivana Trump's brief said ..." was spoken
    # by "brief". A party's brief, submission or affidavit speaks for the party (a brother does not:
    # test_a_noun_a_name_holds_is_not_the_name).
    text = ("Earlier this month, lawyers for both Donald and Ivana Trump filed legal papers opposing the "
            "unsealing. However, Ivana Trump's brief said that was not her view.")
    got = {q.slice(text): (q.speaker.slice(text) if q.speaker else None, q.speaker_role)
           for q in find_quotes_in_text(text)}
    assert got["that was not her view"] == ("Ivana Trump", None)


def test_a_document_speaks_for_its_named_holder_or_itself() -> None:
    # issue #4 (h155, FNC-1 bodies): "The report noted ..." with no earlier document
    # spoken fell back to the last group's subject ("Iraqi" of "Iraqi officials"); it is its own
    # source, or the holder the article named where it spoke of it first ("According to a Washington
    # Post report", "Hamas issued a statement").
    cases = (("Iraqi officials said the army had retaken the town. The report noted that civilians had fled.",
              "that civilians had fled", "report"),  # a statement stays the last speaker's: see below
             ("According to a Washington Post report, 11 Iraqi police officers were rushed into the hospital. "
              + "The report noted that some struggled to stand.", "that some struggled to stand", "Washington Post"),
             ("Hamas issued a statement on Monday. The statement said the group had carried out the attack.",
              "the group had carried out the attack", "Hamas"))
    its = ("Google is hiring. The company counted 55,030 employees as of Sept. 30, according to its "
           "most recent quarterly report.")
    for text, content, speaker in (*cases, (its, "The company counted 55,030 employees as of Sept. 30",
                                            "Google")):
        got = {q.slice(text): q.speaker.slice(text) if q.speaker else None for q in find_quotes_in_text(text)}
        assert got[content] == speaker, text


def test_quotes_of_an_embedded_post_point_into_the_post(pipeline: Pipeline) -> None:
    # What the cleaner kept out of the text is not lost to the quote stage: a quote in an embedded
    # post comes after the article's own, marked with the post, relayed by the author its
    # signature names; the signature is no speech, a caption no post.
    post = ("Senator Jane Ruiz spoke in Ohio. She then said \"we will not back down.\" "
            "— Ohio Times (@OhioTimes) May 4, 2024")
    art = Article(id="p", text="“The vote is on Friday,” said Tom Hale.\n\nMore to follow.",
                  removed=(Removed(kind="caption", text="“Hello,” said the photographer."),
                           Removed(kind="embed", text=post, offset=40)))
    [a] = list(pipeline.run([art]))
    inside = [q for q in a.quotes if q.embed is not None]
    assert [q.slice(a.text) for q in a.quotes if q.embed is None] == ["The vote is on Friday,"]
    assert a.quotes[-1] is inside[-1] and {q.embed for q in inside} == {1}
    [q] = [q for q in inside if q.label == "direct"]
    assert q.source(a.article) == post and q.slice(post) == "we will not back down."
    assert q.speaker is not None and q.speaker.slice(post) == "Jane Ruiz"  # "She", resolved in the post
    assert [(v.label, v.slice(post)) for v in q.via] == [("Ohio Times", "Ohio Times")]
    assert not any("May 4" in q.slice(post) or "Ohio Times" in q.slice(post) for q in inside)
    assert from_dict(to_dict(a.quotes)) == a.quotes  # the store keeps the mark


def test_an_embedded_post_is_read_with_the_runs_model() -> None:
    # A run parsing with a model of its own reads the posts with it too, not with the default model
    # (fails on eff11a0: embed_quotes parsed every post with load_nlp()).
    import importlib

    from spacy.language import Language

    from newsprism.nlp import MODEL_PACKAGE
    from newsprism.stages.mentions import MentionStage
    from newsprism.stages.parse import ParseStage

    read: list[str] = []

    def reads(doc: object) -> object:
        read.append(doc.text)  # type: ignore[attr-defined]
        return doc

    if "newsprism_test_reads" not in Language.factories:
        Language.component("newsprism_test_reads", func=reads)
    custom = importlib.import_module(MODEL_PACKAGE).load()
    custom.add_pipe("newsprism_test_reads")
    post = "Senator Jane Ruiz spoke in Ohio. She said \"we will not back down.\" — Ohio Times (@OhioTimes) May 4, 2024"
    art = Article(id="p", text="“The vote is on Friday,” said Tom Hale.", removed=(Removed(kind="embed", text=post),))
    [a] = list(Pipeline([ParseStage(nlp=custom), MentionStage(), QuoteStage()]).run([art]))
    assert read == [art.text, post]
    assert [q.slice(post) for q in a.quotes if q.embed == 0 and q.label == "direct"] == ["we will not back down."]


@pytest.mark.parametrize("post, author", [
    # a hyphen for the dash, the post's own first: the signature is the last name before a handle
    (('Trump at CPAC - he says "we took that son of a bitch out" - Daily Caller (@DailyCaller) '
      "February 29, 2020"), "Daily Caller"),
    # another handle in the post itself
    (('Senator Ruiz said "we will not back down." Watch via NBC (@NBCNews) pic.twitter.com/x '
      "— Ohio Times (@OhioTimes) May 4, 2024"), "Ohio Times"),
    # quotation marks in the author's name after a dash
    ('Senator Ruiz said "we will not back down." — Dwayne "The Rock" Johnson (@TheRock) May 2, 2020',
     'Dwayne "The Rock" Johnson'),
])
def test_an_embedded_posts_relay_is_the_author_its_signature_ends_with(pipeline: Pipeline, post: str,
                                                                       author: str) -> None:
    # An article of nothing but the post (its text all kept out) still has the post's quotes.
    [a] = list(pipeline.run([Article(id="p", text="", removed=(Removed(kind="embed", text=post),))]))
    [q] = [q for q in a.quotes if q.label == "direct"]
    assert q.embed == 0 and [v.label for v in q.via] == [author]
    assert q.slice(post).startswith(("we took", "we will"))


def test_an_embedded_posts_speaker_entity_is_the_one_the_article_names_so() -> None:
    # "Trump" in the post is the article's one Trump; with two (Eric and Donald), nobody is guessed.
    from newsprism.model import Mention, Span
    from newsprism.report.export import quote_json

    post = 'Trump says "we did it" — Daily Caller (@DailyCaller) February 29, 2020'
    q = Quote(start=12, end=21, label="direct", stage="t", speaker=Span(start=0, end=5, label="PERSON", stage="t"),
              embed=0)
    for names, want in ((["Donald Trump"], "e-Donald Trump"), (["Eric Trump", "Donald Trump"], None),
                        (["Eric Trump", "Trump"], "e-Trump")):
        text = " and ".join(names) + " spoke."
        starts = [text.index(n) for n in names]
        a = Analysis(article=Article(id="p", text=text, removed=(Removed(kind="embed", text=post),)),
                     mentions=tuple(Mention(start=s, end=s + len(n), label="PERSON", stage="t")
                                    for s, n in zip(starts, names)))

        def entity_of(_: str, s: int, e: int, text: str = text) -> str | None:
            return f"e-{text[s:e]}"

        got = quote_json(a, q, entity_of)["speaker"]
        assert (got["text"], got["entity"]) == ("Trump", want), names


def test_a_content_span_holding_no_quoted_words_is_not_direct(nlp: object) -> None:
    # "tells" first had the quote of "says" and kept only "the story": nobody's quoted words.
    t = ('He tells the story of an American soldier injured by his roadside bombs and then says '
         '"but we took that son of a bitch out didn\'t we."')
    got = {t[a.cue[0]:a.cue[1]]: (a.label, [t[s:e] for s, e in a.content])
           for a in extract_attributions(nlp(t), text=t) if a.cue is not None}  # type: ignore[operator]
    # h147: "the story" alone was cut short of what he tells (the demo's embedded post; fails on 7bd5619).
    assert got["tells"] == ("indirect", ["the story of an American soldier injured by his roadside bombs"])
    assert got["says"] == ("direct", ["but we took that son of a bitch out didn't we."])


def test_the_words_leading_in_to_a_joined_cue_are_not_the_first_cues(nlp: object) -> None:
    # h152 (_Builder._of_conjoined_cue; a review of quotes.v114): "recalls" took "then", which hangs on
    # "says", and ran over "and" to it.
    t = 'He recalls the day of the attack and then says "I knew we had to move."'
    got = {t[a.cue[0]:a.cue[1]]: (a.label, [t[s:e] for s, e in a.content])
           for a in extract_attributions(nlp(t), text=t) if a.cue is not None}  # type: ignore[operator]
    assert got["recalls"] == ("indirect", ["the day of the attack"])
    assert got["then says"] == ("direct", ["I knew we had to move."])
    # words after the joined verb are not its lead-in ("put" is no saying here; FNC-1 body 2349)
    t = "He was fingerprinted and searched, it was said, and put on a terror watchlist preventing him from leaving."
    [a] = _with_cue(t, nlp, "was said")
    assert [t[s:e] for s, e in a.content][-1] == "and put on a terror watchlist"


def test_a_short_role_noun_takes_up_the_same_word_not_one_it_begins(nlp: object) -> None:
    # "The man" is not the store manager two sentences back: the nearest person said it.
    t = ("Store manager Jane Smith said the shop would close in May. Officer Tom Hale said the road "
         "was closed. The man said he had not been paid for weeks.")
    got = {q.slice(t): q.speaker.slice(t) if q.speaker else None for q in find_quotes_in_text(t, nlp=nlp)}
    assert got["the shop would close in May"] == "Jane Smith"
    assert got["he had not been paid for weeks"] == "Tom Hale"


def test_a_cue_outside_the_speech_lexicon_is_classed_by_its_act_not_as_saying() -> None:
    # The learned model reads beliefs, plans and perceptions as attributions (PolNeAR marks them); they
    # were all classed "say", and the claims stage took each for an assertion ("the boy as Abu Ubaidah").
    p = Pipeline.from_names(["parse", "mentions", "quotes", "claims"])
    t = ("Police believe the suspect fled to Ohio on Monday. Apple plans to launch a new phone next year. "
         "Witnesses saw the gunman leave the building. Officials identified the boy as Abu Ubaidah. "
         "The mayor said the road would reopen on Friday.")
    [a] = list(p.run([Article(id="x", text=t)]))
    got = {q.cue.slice(t): q.cue_class for q in a.quotes if q.cue is not None}
    assert got == {"believe": "think", "plans": "intend", "saw": "perceive", "identified": "other", "said": "say"}
    assert sorted(t[c.start:c.end] for c in a.claims) == [
        "Police believe the suspect fled to Ohio on Monday", "The mayor said the road would reopen on Friday"]


def test_a_nominal_cue_is_classed_by_its_noun_and_doubting_asserts_nothing() -> None:
    # Review of quotes.v86: "issued a denial that" was "other" (its verb's lemma) and made no claim;
    # "doubt" was a belief, and its clause an assertion of what is doubted. "The witness" takes up the
    # witness named before (its plural "s" is no plural).
    p = Pipeline.from_names(["parse", "mentions", "quotes", "claims"])
    t = ("Iran issued a denial that it had sent troops to Syria last month. Western officials doubt that the "
         "ceasefire in eastern Ukraine will hold through the winter. A witness, Maria Lopez, said the car was "
         "speeding. Officer Tom Hale said the road was closed. The witness said the driver did not stop.")
    [a] = list(p.run([Article(id="x", text=t)]))
    got = {q.slice(t): (q.cue_class, q.speaker.slice(t) if q.speaker else None) for q in a.quotes}
    assert got["that it had sent troops to Syria last month"] == ("deny", "Iran")
    assert got["that the ceasefire in eastern Ukraine will hold through the winter"][0] == "doubt"
    assert got["the driver did not stop"] == ("say", "Maria Lopez")
    stances = {t[c.start:c.end]: c.label for c in a.claims}
    assert stances["that it had sent troops to Syria last month"] == "denies"
    assert not any("ceasefire" in k for k in stances)


def test_the_classes_of_non_speech_cues_list_no_lemma_the_speech_lexicon_classes() -> None:
    # cue_class reads CUE_CLASSES first, so a noun spelled as a speech verb ("claim", "report", "charge")
    # listed in OTHER_CLASSES too was never read there, and "charge" listed as "accuse" read "claim".
    assert sorted(set(OTHER_CLASSES) & set(CUE_CLASSES)) == []


def test_a_first_name_of_a_demonym_s_ending_is_a_person_and_yahoo_s_mark_ends_a_sentence() -> None:
    # h128's review of v94, v97: "Adrian", "Vivian" end as "Italian" does, but a preposition after them ends
    # the name; "Yahoo!" keeps its mark only before the outlet's word ("Yahoo! News"), not before a new sentence
    from newsprism.stages.speakers import find_relays

    def relays(t: str) -> list[str]:
        return [r[2] for r in find_relays(t, 0, len(t))]

    assert relays("He said so in an interview with Adrian on the radio show.") == ["Adrian"]
    assert relays("The plant is closing, according to Vivian on the local news station.") == ["Vivian"]
    assert relays("The company is closing, according to Yahoo! The firm said nothing.") == ["Yahoo"]
    assert relays("He quit, according to E! Online, last week.") == ["E! Online"]


def test_the_outlet_told_ends_before_the_subject_of_what_it_was_told(nlp: object) -> None:
    # h128's review of v95: with no "that", the capitalised run of "told 8 News NOW" went on into the told
    # clause's subject ("8 News NOW Canseco", "8 News NOW Jose Canseco")
    for t in ("A witness told 8 News NOW Canseco was hurt in the crash.",
              "A neighbor tells 8 News NOW Jose Canseco was hurt.",
              "A neighbor told 8 News NOW that Canseco was hurt."):
        vias = [v.label for q in find_quotes_in_text(t, nlp=nlp) for v in q.via]
        assert vias == ["8 News NOW"], (t, vias)


def test_works_without_mentions_stage(nlp: object) -> None:
    p = Pipeline.from_names(["parse", "quotes"])
    [a] = list(p.run([_seed_000()]))
    q = _find(a, "The Al-Aqsa Storm was one of the retaliations")
    assert _speaker(a, q) == "IRGC" and _via(q) == ["Iran International"]


def test_quote_its_sentence_runs_into_is_reported_from_the_sentence_start(nlp: object) -> None:
    t = "However laudable the goal, using the capital gains tax ''is a misguided approach,'' Mr. Burman said."
    [a] = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    assert [t[s:e] for s, e in a.content] == ["is a misguided approach,"]  # the quote stays the quote
    assert [t[s:e] for s, e in a.outer] == [t[: t.index(" Mr. Burman")]]  # what was reported (PolNeAR)


def test_reported_content_ends_with_the_quote_it_opened_and_that_opens_the_report(nlp: object) -> None:
    t = 'South Korean President Park said his mental state is "spiraling out of control."'
    [q] = find_quotes_in_text(t, nlp=nlp)
    assert q.slice(t) == 'his mental state is "spiraling out of control."'
    t2 = 'Trump told Fox that "they hit Matt because they said he was soft."'
    [a] = extract_attributions(nlp(t2), text=t2)  # type: ignore[operator]
    assert [t2[s:e] for s, e in a.content] == ["they hit Matt because they said he was soft."]
    assert [t2[s:e] for s, e in a.outer] == ['that "they hit Matt because they said he was soft."']


def test_a_that_clause_running_into_a_quote_opens_the_report(nlp: object) -> None:
    # PolNeAR train: the reported clause opens on its "that", words before the quote and all.
    t = ("Mr. Stern added that after taxes, as a couple with one income and three private-school tuitions, "
         "''they weren't living large.''")
    [a] = _with_cue(t, nlp, "added")
    assert [t[s:e] for s, e in a.content] == ["they weren't living large."]  # the quote stays the quote
    assert [t[s:e] for s, e in a.outer] == [t[t.index("that after"):]]


def test_a_reported_clause_running_into_a_quote_opens_on_its_subject(nlp: object) -> None:
    # PolNeAR train: the clause's subject and the words before the quote are what was reported.
    t = "Mr. Walsh said the group might run ads against Mr. Trump or Mr. Cruz, ''depending on how the race unfolds.''"
    [a] = _with_cue(t, nlp, "said")
    assert [t[s:e] for s, e in a.outer] == [t[t.index("the group"):]]
    # The speaker after the cue is no subject of what was reported.
    t2 = '"The problem," said Edward Leamer, an economist at U.C.L.A., "is that we\'re going to need more housing."'
    [b] = _with_cue(t2, nlp, "said")
    assert [t2[s:e] for s, e in b.outer] == ['"The problem,"', '"is that we\'re going to need more housing."']


def test_a_that_clause_after_the_cues_adjunct_is_its_reported_clause(nlp: object) -> None:
    from newsprism.stages.quotes import _complement, extract_attributions

    # The parse hangs "that he may wait ..." on "conference" (PolNeAR train): it is what Adelson said.
    t = ("Courted by most of the Republican candidates, Adelson said earlier on Friday during a news "
         "conference that he may wait until February’s primaries to decide who to back.")
    doc = nlp(t)  # type: ignore[operator]
    said = next(tok for tok in doc if tok.text == "said")
    comp = _complement(said, t)
    assert comp is not None and t[comp[0]:comp[1]].startswith("that he may wait until February’s primaries")
    [a] = [a for a in extract_attributions(doc, text=t)
           if a.cue is not None and t[a.cue[0]:a.cue[1]].startswith("said")]
    assert a.source is not None and t[a.source[0]:a.source[1]] == "Adelson"
    assert next(t[x:y] for x, y in a.outer).startswith("that he may wait")



@pytest.mark.parametrize(
    ("name", "quote", "cue", "source"),
    [
        ("breitbart_2016-02-02_red-hot-chili-peppers-in-final-s",
         "“We had written two dozen songs before we got with [Danger Mouse],”", "said", "Kiedis"),
        ("breitbart_2016-05-18_trump-s-investments-include-comp",
         "“We’re going to tax you when those air conditioners come,”", "said", "Trump"),
    ],
)
def test_a_quote_opening_its_sentence_on_a_comma_is_its_cues_quote(
        nlp: object, name: str, quote: str, cue: str, source: str) -> None:
    # PolNeAR train articles: parsed whole, the words after the quote fell into the quote's clause,
    # which made the quote a scare quote of the cue's reported clause (an indirect report ran
    # over the quote, its speaker and the rest of the sentence).
    text = (need_data("polnear") / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8")
    at = text.index(quote)
    [a] = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
           if any(s <= at < e for s, e in a.outer)]
    assert a.label == "direct"
    assert [text[s:e] for s, e in a.outer] == [quote]
    assert a.cue is not None and text[a.cue[0]:a.cue[1]] == cue
    assert a.source is not None and text[a.source[0]:a.source[1]] == source


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # PolNeAR train: the relay parts its sentence's content, the clause's verb after it.
        (("Over the long term, according to the budget office, the rise in annual deficits and debt is mainly "
          "attributable to the aging of the population."),
         ["Over the long term", ("the rise in annual deficits and debt is mainly attributable to the aging of the "
                                 "population")]),
        (("His criticism, according to an interview with The New York Times at the time, was the president's "
          "choice of paramour."), ["His criticism", "was the president's choice of paramour"]),
        # The comma closing the source's appositive closes the relay (the parse hangs it off the name).
        (("At the center of the dispute, according to Maria Lopez, a former state auditor, was a contract "
          "signed in secret."), ["At the center of the dispute", "was a contract signed in secret"]),
        # The parse hangs the relay off the subject it follows.
        (("One of the options the council weighed, according to a person familiar with the talks, is to delay "
          "the vote until spring."), ["One of the options the council weighed", "is to delay the vote until spring"]),
        # A speech verb in the source's own relative clause reports nothing of its own.
        (("Missing from the meeting, according to aides who spoke with reporters later, was any talk of the "
          "budget."), ["Missing from the meeting", "was any talk of the budget"]),
    ],
)
def test_according_to_inside_a_sentence_parts_its_content(nlp: object, text: str, pieces: list[str]) -> None:
    [a] = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert a.cue is not None and text[a.cue[0]:a.cue[1]] == "according to"
    assert [text[s:e] for s, e in a.outer] == pieces


def test_according_to_after_the_clauses_verb_ends_the_content(nlp: object) -> None:
    # The words after such a relay are an aside ("..., a huge sum"), not the report's.
    t = ("For these assignments and others, Centerview earned about $600 million last year, according to public "
         "filings, a huge sum for a firm of its size.")
    acc = [a for a in extract_attributions(nlp(t), text=t)  # type: ignore[operator]
           if a.cue is not None and t[a.cue[0]:a.cue[1]] == "according to"]
    assert [[t[s:e] for s, e in a.outer] for a in acc] == [
        ["For these assignments and others, Centerview earned about $600 million last year"]]


@pytest.mark.parametrize(("text", "cue"), [
    ('"God forbid we ask the FBI anything," Gowdy said sarcastically.', "said sarcastically"),
    ('"We live in a hard world," my father often said.', "often said"),
    ('"Subpoenas are not optional," Gowdy said at the hearing.', "said"),
    ('"The tax relief will be concentrated on the middle class," he said at a rally on Monday.', "said"),
])
def test_a_direct_quotes_cue_has_the_models_extent_without_a_hanging_preposition(
        nlp: object, text: str, cue: str) -> None:
    [a] = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert a.label == "direct" and a.cue is not None
    assert text[a.cue[0]:a.cue[1]] == cue  # PolNeAR's cue of the quote, not the rules' bare verb


@pytest.mark.parametrize(("text", "cue", "source", "content"), [
    ("Ameriquest was one of several firms sued by the NAACP for targeting black borrowers.",
     "sued", "the NAACP", "several firms"),
    ("When asked by a reporter whether this differed from the plan, Trump said nothing.",
     "asked", "a reporter", "whether this differed from the plan"),
])
def test_a_participle_with_its_agent_is_an_act_of_its_own(
        nlp: object, text: str, cue: str, source: str, content: str) -> None:
    got = _with_cue(text, nlp, cue)
    assert len(got) == 1, "PolNeAR annotates the agent's act; only 'as reported by X' is a relay"
    a = got[0]
    assert a.source is not None and text[a.source[0]:a.source[1]] == source
    assert text[a.content[0][0]:a.content[0][1]] == content



def test_reported_content_keeps_a_contrast_it_runs_into(nlp: object) -> None:
    t = ("Pollsters said Mitt Romney had a ten-point lead over Obama among wealthy voters in 2012, "
         "but still lost the election.")
    [a] = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    assert [t[s:e] for s, e in a.content] == [t[len("Pollsters said "):-1]]  # PolNeAR reports both halves


@pytest.mark.parametrize(
    ("name", "cue", "start", "end"),
    [
        # PolNeAR dev: the role model reads the cue's sentence only, and the content stopped at the
        # quote's first sentence end ('... do not want to see that…').
        ("politico_2016-09-16_sanders-clinton-needs-to-get-awa", "going on to say",
         "that the country has spent \"hundreds of years", "will bring a lot of those people around in support of Clinton.\""),
        ("west-journal_2016-09-26_rush-limbaugh-hillary-asking-mod", "According to",
         "“[I]f it was left up to Hillary", "the moderator ought have no role in it.'”"),
    ],
)
def test_content_ending_inside_a_quote_it_opened_runs_to_the_quotes_close(
        nlp: object, name: str, cue: str, start: str, end: str) -> None:
    text = (need_data("polnear") / "dev" / "text" / f"{name}.txt").read_text(encoding="utf-8")
    at = text.index(start)
    [a] = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
           if a.cue is not None and text[a.cue[0]:a.cue[1]] == cue and a.outer[0][0] == at]
    stop = text.index(end, at) + len(end)
    assert a.outer[-1][1] == stop


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # PolNeAR train: the relay hangs off the last verb of the coordination; the content was
        # that verb's clause only ('Bloomberg snagged 13 percent', 'declined by 0.2% ...').
        ("breitbart_2016-01-23_poll-donald-trump-ties-hillary-c",
         "Trump received 37 percent, Clinton had 36 percent and Bloomberg snagged 13 percent"),
        ("usa-today_2016-05-09_crippling-college-debt-changes-h",
         ("The median family income rose by 0.8% from 1995 to 2005, but declined by 0.2% (adjusted for inflation) "
          "from 2005 to 2014")),
    ],
)
def test_according_to_after_coordinated_clauses_reports_them_all(nlp: object, name: str, content: str) -> None:
    text = (need_data("polnear") / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8")
    at = text.index(content)
    acc = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
           if a.cue is not None and text[a.cue[0]:a.cue[1]] == "according to" and at <= a.cue[0] < at + len(content) + 4]
    assert [[text[s:e] for s, e in a.outer] for a in acc] == [[content]]


def test_a_quoted_title_is_no_speech_and_a_quote_split_around_it_goes_on(nlp: object) -> None:
    t = ("Senator Mary Cole said on “Fox News Sunday” that the bill would pass.\n\n"
         "“We have the votes,” Cole said on “Meet the Press.” “But nothing is certain.”")
    attrs = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    contents = [[t[s:e] for s, e in a.content] for a in attrs]
    # the shows are named, not quoted as anyone's words
    assert not any("Fox News Sunday" in c or "Meet the Press" in c for cs in contents for c in cs)
    assert any(any("the bill would pass" in c for c in cs) for cs in contents)
    # the second paragraph's quote, split around the show's name, is one attribution of Cole's
    [split] = [cs for cs in contents if any("We have the votes" in c for c in cs)]
    assert any("But nothing is certain" in c for c in split)


@pytest.mark.parametrize("second", ["“Ana Ruiz.”", "“That’s Portland and Salem.”", "“Mr. Mayor?”"])
def test_a_quoted_sentence_that_reads_like_a_title_is_the_speaker_going_on(nlp: object, second: str) -> None:
    # Capitalised words in marks after a sentence's end, ending on their own period or question
    # mark, are a sentence of the speaker's, not a show or book named.
    t = f"“We need one name for the ballot,” Lopez told the crowd on Friday. {second}"
    [a] = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    assert [t[s:e] for s, e in a.outer] == ["“We need one name for the ballot,”", second]


@pytest.mark.parametrize("mark", ['"', "“”"])
def test_a_quoted_title_opening_the_next_sentence_is_no_speech(nlp: object, mark: str) -> None:
    # h91 (review r2 item 9): fails on 4623469 (the show's name went on Lopez's quote). The quote
    # after the sentence's end runs on into the writer's sentence: a title, not a sentence of hers.
    o, c = mark[0], mark[-1]
    t = (f"{o}I will run again,{c} Lopez told reporters on Friday. She then appeared on a talk show. "
         f"{o}Face the Nation.{c} aired it live.")
    [a] = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    assert [t[s:e] for s, e in a.outer] == [f"{o}I will run again,{c}"]


def test_a_quoted_sentence_its_speech_tag_follows_is_speech(nlp: object) -> None:
    # The sentence going on after the quote is the tag of the question's own cue.
    t = "“We need one name for the ballot,” Lopez told the crowd on Friday. “Ana Ruiz?” she asked."
    by_cue = _by_cue(t, nlp)
    assert [t[s:e] for s, e in by_cue["asked"].outer] == ["“Ana Ruiz?”"]


# --------------------------------------------------------------------------- h50's rules (quotes.v31, v32)
# A closing appositive is the writer's (_Builder._drop_appositive); a quote that goes on after
# "..., X said." stays in the role model's content of the report (_Builder._goes_on_tokens); the
# one word opening a quoted clause is reported with it (v32, _Builder._clause_opener).


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # PolNeAR dev (nyt_2016-09-19_old-hands..., wash-post_2016-09-18_e-u-...): gold ends at the noun.
        (("Mr. Schultz generally supported Democrats during his time on MSNBC, and said he did not support "
         "Mr. Trump, the presumed Putin favorite."), "he did not support Mr. Trump"),
        (("But critics say resources could be better spent in partnership with NATO, the existing military "
         "alliance that includes the United States and most E.U. countries."),
         "resources could be better spent in partnership with NATO"),
        # A list is no appositive: the words after its second comma stay.
        ("She said the plan would hurt the poorest families, the elderly, and the disabled.",
         "the plan would hurt the poorest families, the elderly, and the disabled"),
    ],
)
def test_a_closing_appositive_is_the_writers_not_the_report(nlp: object, text: str, content: str) -> None:
    attrs = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    [a] = [a for a in attrs if a.cue is not None and text[a.cue[0]:a.cue[1]] in ("said", "say")]
    assert [text[s:e] for s, e in a.outer] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # The cue's own clause of time dates the attitude (_Builder._drop_circumstance).
        ("The senator has been critical of the governor since they both ran for the same seat in 2010.",
         "has been critical of", "the governor"),
        ("Critics described Mr. Lee as a reformer when he ran for mayor in 2008.", "described",
         "Mr. Lee as a reformer"),
        # A reported clause keeps its "when"; "when it comes to" narrows what was said.
        ("She said the economy grew fast when rates were low.", "said", "the economy grew fast when rates were low"),
        ("The mayor has been critical of the plan when it comes to the budget.", "has been critical of",
         "the plan when it comes to the budget"),
    ],
)
def test_the_cues_clause_of_time_is_no_content(nlp: object, text: str, cue: str, content: str) -> None:
    # h69 (quotes.v43): fails on 667abef (the first two keep the "since"/"when" clause).
    [a] = _with_cue(text, nlp, cue)
    assert [text[s:e] for s, e in a.outer] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # Where, through what or when the act took place is the writer's (_Builder._drop_channel).
        ("The governor criticized the plan on Twitter.", "criticized", "the plan"),
        ("The group condemned the attack in a statement on Sunday.", "condemned", "the attack"),
        ("A reporter spotted the senator and reported her presence on Twitter.", "reported", "her presence"),
        # A reported clause keeps its phrases; a phrase on no channel stays.
        ("She said the plan would be debated on television.", "said", "the plan would be debated on television"),
        ("The mayor criticized his attacks on moderators.", "criticized", "his attacks on moderators"),
    ],
)
def test_the_acts_channel_is_no_content(nlp: object, text: str, cue: str, content: str) -> None:
    # h80: fails on efa0ef0 (the first three keep "on Twitter", "in a statement on Sunday").
    [a] = _with_cue(text, nlp, cue)
    assert [text[s:e] for s, e in a.outer] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Turkey's prime minister defended the ban on Twitter.", "defended", "the ban on Twitter"),
        ("The group condemned the attack on the rally.", "condemned", "the attack on the rally"),
        ("Activists denounced the restrictions on television.", "denounced", "the restrictions on television"),
        ("The senator condemned the attacks on Facebook.", "condemned", "the attacks on Facebook"),
    ],
)
def test_what_a_ban_or_an_attack_falls_on_is_no_channel(nlp: object, text: str, cue: str, content: str) -> None:
    # h87: fails on 949d3a0 (the phrase after the object was cut as the act's channel: "the ban").
    [a] = _with_cue(text, nlp, cue)
    assert [text[s:e] for s, e in a.outer] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # A cue putting word out does it on the medium; a strike or a raid falls on no medium.
        ("The union announced the strike on Twitter.", "announced", "the strike"),
        ("Police announced the raid on Facebook.", "announced", "the raid"),
        ("The minister condemned the strike on Twitter.", "condemned", "the strike"),
        ("The president announced the ban on Twitter.", "announced", "the ban"),
        # A place or gathering is what the blow falls on, whatever the cue.
        ("The army reported the attack on the rally.", "reported", "the attack on the rally"),
    ],
)
def test_a_medium_after_a_ban_or_a_blow_is_the_channel_of_word_put_out(
        nlp: object, text: str, cue: str, content: str) -> None:
    # h91 (review r2 item 6): fails on 4623469 (the first four keep "on Twitter"/"on Facebook").
    [a] = _with_cue(text, nlp, cue)
    assert [text[s:e] for s, e in a.outer] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Smith said the plan had failed, and the Journal reported that the deal collapsed.", "said",
         "the plan had failed"),
        ("The mayor said taxes would rise, and the governor warned that schools would close.", "said",
         "taxes would rise"),
        ("The mayor said taxes would rise, but the governor warned that schools would close.", "said",
         "taxes would rise"),
        # A conjunction inside the report stays.
        ("The mayor said taxes and fees would rise.", "said", "taxes and fees would rise"),
    ],
)
def test_a_report_ends_before_the_conjunction_of_the_next_clause(nlp: object, text: str, cue: str,
                                                                  content: str) -> None:
    # h87: fails on aa5629f (the first two end on ", and").
    [a] = _with_cue(text, nlp, cue)
    assert [text[s:e] for s, e in a.outer] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # A comment after a dash is the writer's (_Builder._drop_dashed).
        ("The senator praised the governor for cutting taxes - moves that critics called reckless.", "praised",
         "the governor for cutting taxes"),
        ("The mayor likened the rules to a tax on the poor — a charge that stung.", "likened",
         "the rules to a tax on the poor"),
        # The pair of dashes before the cue sets off the subject's aside; the content's one dash is counted.
        ("Critics — many of them Democrats — likened the rules to a new tax — a charge the governor rejected.",
         "likened", "the rules to a new tax"),
        # A reported clause keeps its dash; a pair of dashes sets off an aside the content runs on after.
        ("She said the plan had worked - helping thousands of families find homes.", "said",
         "the plan had worked - helping thousands of families find homes"),
        ("He praised the governor - a longtime ally - for cutting taxes.", "praised",
         "the governor - a longtime ally - for cutting taxes"),
    ],
)
def test_a_comment_after_a_dash_is_no_content(nlp: object, text: str, cue: str, content: str) -> None:
    # h69 (quotes.v46): fails on a29f42a (the first two keep the comment).
    [a] = _with_cue(text, nlp, cue)
    assert [text[s:e] for s, e in a.outer] == [content]


def test_a_quote_going_on_after_the_report_stays_in_the_models_content(nlp: object) -> None:
    # PolNeAR dev (usa-today_2016-09-08_lawmaker-...): the role model's content of "said" (its
    # sentence only) replaced the rules' report with the quote after it.
    t = ("The administration may be reluctant to act while Secretary of State John Kerry negotiates with "
         "Russia over Syria, Schiff said. \"The other factor the administration may be considering is whether "
         "it would give the appearance that they were trying to tip the scales for Hillary Clinton.\"")
    [a] = [a for a in extract_attributions(nlp(t), text=t)  # type: ignore[operator]
           if a.cue is not None and t[a.cue[0]:a.cue[1]] == "said"]
    quote = t[t.index('"The other'):]
    assert [t[s:e] for s, e in a.outer] == [t[:t.index(", Schiff")], quote]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # PolNeAR train (breitbart_2016-04-..., breitbart_2016-01-...): gold takes the clause's subject.
        ("At the rally, the governor says Kasich “has a track record of bringing people together.”",
         "Kasich “has a track record of bringing people together.”"),
        (("The senator endorsed the mayor on Monday, saying he “has consistently demonstrated his deep commitment "
         "to conservative principles.”"),
         "he “has consistently demonstrated his deep commitment to conservative principles.”"),
        # A preposition between them belongs to the cue ('called for'), not to what was said.
        ("Clinton has also broadly called for \"boots on the ground.\"", "\"boots on the ground.\""),
    ],
)
def test_the_one_word_opening_a_quoted_clause_is_reported_with_it(nlp: object, text: str, content: str) -> None:
    # h50 (quotes.v32): _Builder._clause_opener, from _lead_in.
    [a] = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
           if a.cue is not None and a.label == "direct"]
    assert [text[s:e] for s, e in a.outer] == [content]


# --------------------------------------------------------------------------- h52's rules (quotes.v33)
# False attributions: a paragraph-long quote in other marks than the speaker's is not theirs going on
# (_Builder._same_marks in _assign_regions).


@pytest.mark.parametrize(("mark", "close", "follows"), [("“", "”", True), ('"', '"', False)])
def test_a_quote_paragraph_in_other_marks_is_not_the_speaker_going_on(
        nlp: object, mark: str, close: str, follows: bool) -> None:
    # PolNeAR dev (breitbart_2016-10-02_washington-post-hit-piece-...): a straight-quoted paragraph in
    # an article quoting in curly marks is pasted from elsewhere, not 'she said' going on.
    t = ("The woman’s enthusiasm for Trump is recorded in detail:\n\n“Here comes Big Daddy,” she said, "
         f"clapping. “The Donald. Big Daddy.”\n\n{mark}Kevin was snoring in the seat next to her.{close}\n\n"
         "The crowd roared.")
    contents = [t[s:e] for a in extract_attributions(nlp(t), text=t)  # type: ignore[operator]
                for s, e in a.outer]
    assert "“Here comes Big Daddy,”" in contents
    assert (f"{mark}Kevin was snoring in the seat next to her.{close}" in contents) is follows


# --------------------------------------------------------------------------- h121's rule (quotes.v85)
# An act whose verb names or sights in the passive, no one doing it, is dropped (_names_unsaid), unless
# quoted words are its content (v86).


@pytest.mark.parametrize(
    "text",
    [
        "Father John O'Neal was officially declared dead for 48 minutes before the doctors revived him.",
        "The North Korean leader was last seen limping at a concert in July.",
        "DeJesus is listed as a single woman on the official form.",
        "The river is called HaBesor in Hebrew, and it flows from two streams.",
        "Police were called to the house around 3:30 pm for a welfare check.",
        "The video is titled A Message to America and runs four minutes.",
        # What no one knows is no one's report (v89).
        "It was not immediately known if there were further injuries.",
        "Little is known about his whereabouts since the raid.",
        "It's still not known what the new streaming service will actually offer.",
        # A "by" of a place under the sight is no one's seeing (v93).
        "The boy was seen standing by the door of the school with a gun.",
        # A death pronounced is declared (v121; FNC-1 body 1393, fails on 01b6019).
        "Mr. Ramos was pronounced dead a little over an hour after arriving at the hospital.",
    ],
)
def test_a_passive_of_naming_or_sighting_with_no_one_doing_it_reports_nothing(nlp: object, text: str) -> None:
    # The article names, lists or shows; the learned cue model (or the rules, for "called" and "declared")
    # read each verb as a speech act.
    assert extract_attributions(nlp(text), text=text) == []  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The new tax is seen as a victory for the unions.", "is seen"),  # a view held
        ("The senator was called a liar by the governor.", "was called"),  # the governor's words
        ('The video, released in May, is called "No Surrender" after a line of the song.', "is called"),
        ("He is known to have met the king twice.", "is known"),
        # v93: an adverb before the word that makes it a saying.
        ("The new tax is seen largely as a victory for the unions.", "is seen"),
        ("He is known mainly for his work on the bill.", "is known mainly"),
    ],
)
def test_a_passive_of_naming_that_holds_a_view_or_has_a_speaker_stays(nlp: object, text: str, cue: str) -> None:
    assert _with_cue(text, nlp, cue)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # The role model's source was a place or a thing of the clause (FNC-1 bodies 432, 461, 77, 74, 34).
        ("Even in Peru, where government jobs are considered to be for life, Mr. Verma was pushing it.",
         "are considered"),
        (("There has been no sign of the missing in weeks, despite searches of the burial sites outside Tixtla, "
          "where drug cartels are believed to dump their enemies."), "are believed"),
        (("The central prison of Dakar is an interrogation center for the police, and many suspected smugglers "
          "are believed to be held in underground cells there."), "are believed"),
        (("Nevertheless, the U.S. will try to have limits placed on the calls though the prisoners are allowed "
          "to talk with relatives in Oman."), "are allowed"),
        ("His father was Karim Hassan, a Lebanese refugee who is said to have been an aide to the old regime.",
         "is said"),
        # v91: the rules' acts too (FNC-1 bodies 270, 470).
        ("Mr. Novak, 22, was mocked by his friends, so it is claimed he burned the letters.", "is claimed"),
        ("We were clearly moments away from its end and we hadn't been told how long the battery will run.",
         "hadn't been told"),
        # v93: the "by" of another verb is no agent of this one (FNC-1 body 224).
        (("Ambushed by a Daily News reporter outside the tower he was asked whether the rats were as bad as "
          "everyone said."), "was asked"),
    ],
)
def test_a_passive_act_with_no_agent_has_no_source(nlp: object, text: str, cue: str) -> None:
    # v90: no one is said to hold it; the act stays, sourceless.
    [a] = _with_cue(text, nlp, cue)
    assert a.source is None and a.speaker is None


@pytest.mark.parametrize(
    ("text", "via"),
    [
        # v94: a people's adjective before the outlet's noun is no name ("Italian" was the relay), and
        # the phrase stops before "as saying" (it ran to the sentence's end).
        ("Pope Francis was quoted by Italian news media as saying that dogs can go to heaven.",
         "Italian news media"),
        ("The minister was quoted by Chinese state television as saying that the talks had failed.",
         "Chinese state television"),
        ("The minister was quoted by the newspaper as saying that the talks had failed.", "newspaper"),
        # v95: the parse read the outlet's "News" as a common noun and took it alone (FNC-1 body 333).
        ("A neighbor told 8 News NOW that the former baseball star was hurt.", "8 News NOW"),
        # v96: the phrase ran into the reported clause and took its last name (FNC-1 body 323).
        (("The director said in an interview with Hollywood Today magazine that he had long wanted to take "
          "S.O.A. to the big screen."), "Hollywood Today"),
        ("The director said in an interview with Variety that he had long wanted to take the show to Paris.",
         "Variety"),
        # v97: an outlet's "!" is no sentence end (FNC-1 body 339: "E").
        ("“I have decided it is time to tell everyone,” she said on the site, according to E! Online.",
         "E! Online"),
    ],
)
def test_a_relay_named_by_its_outlet_noun(nlp: object, text: str, via: str) -> None:
    assert [_via(q) for q in find_quotes_in_text(text, nlp=nlp)] == [[via]]


# --------------------------------------------------------------------------- h59's rule (quotes.v35)
# A learned act the role model reads no source for takes the parse's subject, unless that is a pronoun
# of a thing or a fact (_NO_HOLDER_SUBJECTS in _Builder._model_found): then the act is the writer's.


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # PolNeAR dev (politico_2016-10-04_trump-not-walking-the-walk-...): gold has no source.
        ("Of course, it’s hardly surprising that a Republican tax plan would mostly benefit the wealthy.",
         "surprising"),
        # PolNeAR dev (usa-today_2016-09-22_derelict-obama-and-clinton-trump...): gold has no source.
        (("This led to drastic losses and allowed the then-relatively small ISIL to quickly become a "
         "formidable fighting force."), "allowed"),
    ],
)
def test_a_pronoun_of_a_thing_is_no_source_of_a_learned_act(nlp: object, text: str, cue: str) -> None:
    attrs = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
             if a.cue is not None and cue in text[a.cue[0]:a.cue[1]]]
    assert attrs
    assert all(a.source is None and a.speaker is None for a in attrs)


# --------------------------------------------------------------------------- h64's rule (quotes.v36)
# A cue set off by commas in mid-sentence, the quote after it: the sentence's words before the aside
# are reported too, a piece of their own (_Builder._aside_lead from _lead_in); the quote stays the quote.


@pytest.mark.parametrize(
    ("text", "pieces", "quote"),
    [
        # PolNeAR train (a commission's statement): gold takes "That" and the quote.
        ("That, the commission said, “would be helpful in avoiding uncertainty.”",
         ["That", "“would be helpful in avoiding uncertainty.”"], "would be helpful in avoiding uncertainty."),
        # The words between the aside and the quote run into it.
        ('The golf industry, she said, is "doing much better than it has in years."',
         ["The golf industry", 'is "doing much better than it has in years."'],
         "doing much better than it has in years."),
        # Words on the act of speaking are no part of what was said.
        ("In a statement on Tuesday, the commission said, “We will appeal the ruling.”",
         ["“We will appeal the ruling.”"], "We will appeal the ruling."),
        ('When he first described the plan in June, he said, "It will be a big, beautiful wall."',
         ['"It will be a big, beautiful wall."'], "It will be a big, beautiful wall."),
        # A lead with a comma of its own sets the scene (quotes.v39).
        ('Quite suddenly, after the couple divorced, she said, "Marla called and told me she could not do it."',
         ['"Marla called and told me she could not do it."'], "Marla called and told me she could not do it."),
    ],
)
def test_words_before_a_cue_in_commas_are_reported_with_the_quote(
        nlp: object, text: str, pieces: list[str], quote: str) -> None:
    [a] = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
           if a.cue is not None and text[a.cue[0]:a.cue[1]] == "said"]
    assert [text[s:e] for s, e in a.outer] == pieces
    # What a reader sees as the quote is the quoted words alone.
    assert [text[s:e] for s, e in a.content] == [quote]


@pytest.mark.parametrize(
    ("text", "cue", "pieces"),
    [
        # PolNeAR train (usa-today_2016-07-07_...): "This" and the words after the aside.
        ("This, I predict, will not end well for the party.", "predict",
         ["This", "will not end well for the party"]),
        ("That, they say, will be easier when he is isolated against a single rival.", "say",
         ["That", "will be easier when he is isolated against a single rival"]),
        # The words the aside interrupts open after a dash (PolNeAR train, wash-post_2016-01-20_...).
        (("She praised the students she met in Delhi - all of whom, she explained, needed a boost to reach "
          "their potential."), "explained", ["all of whom", "needed a boost to reach their potential"]),
    ],
)
def test_reported_speech_after_a_cue_in_commas_takes_the_words_before_the_aside(
        nlp: object, text: str, cue: str, pieces: list[str]) -> None:
    # h64 (quotes.v39): _Builder._reported_aside; the content a reader sees is the words after the aside.
    [a] = _with_cue(text, nlp, cue)
    assert [text[s:e] for s, e in a.outer] == pieces
    assert [text[s:e] for s, e in a.content] == pieces[1:]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # PolNeAR train (huff-post_2016-08-03_..., breitbart_2015-11-19_...): gold takes both parts.
        ("“Honestly,” he continued, “we may be on the brink of a real crisis.”",
         ["“Honestly,”", "“we may be on the brink of a real crisis.”"]),
        ("“We,” he said, “will win the vote next week.”", ["“We,”", "“will win the vote next week.”"]),
        # Inside the writer's sentence a one-word quote is a scare quote, no part of the speaker's.
        ("He called it a “disaster,” he said, “and a shame for the city.”", ["“and a shame for the city.”"]),
    ],
)
def test_a_one_word_first_part_of_a_split_quote_is_the_speakers(nlp: object, text: str,
                                                                 pieces: list[str]) -> None:
    # h64 (quotes.v40): _Builder._opens_split in _assign_regions.
    [a] = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
           if a.cue is not None and text[a.cue[0]:a.cue[1]] in ("said", "continued")]
    assert [text[s:e] for s, e in a.outer] == pieces


@pytest.mark.parametrize(
    ("text", "cue", "pieces"),
    [
        # PolNeAR train: the pronoun that stands for the content's subject or object is content.
        ("The deficit, which he said would be the lowest in a decade, fell again in March.", "said",
         ["which", "would be the lowest in a decade"]),
        ("The senator, who is expected to support the bill, stayed home.", "is expected",
         ["who", "to support the bill"]),
        # The subject of an active cue is its source, not what was said.
        ("Young voters who are voting for a Republican for the first time were few.", "are voting for",
         ["a Republican for the first time"]),
    ],
)
def test_a_relative_pronoun_before_the_cue_is_reported(nlp: object, text: str, cue: str,
                                                       pieces: list[str]) -> None:
    # h64 (quotes.v41): _Builder._relative_lead; the content a reader sees is the words after the cue.
    [a] = _with_cue(text, nlp, cue)
    assert [text[s:e] for s, e in a.outer] == pieces
    assert [text[s:e] for s, e in a.content] == [pieces[-1]]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # PolNeAR train (nyt_2016-..., 'Israel seems to be undergoing ...'): the subject is what seems so.
        ("Israel seems to be undergoing a long period of gloom.", ["Israel", "to be undergoing a long period of gloom"]),
        # An empty "it" is no part of it; a verb of seeming leading to a speech act keeps its source.
        ("It seems that the plan failed.", ["that the plan failed"]),
        ("He appeared to say that the plan had failed.", ["to say that the plan had failed"]),
    ],
)
def test_the_subject_of_a_verb_of_seeming_is_reported(nlp: object, text: str, pieces: list[str]) -> None:
    # h64 (quotes.v42): _Builder._seeming_subject.
    [a] = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
           if a.cue is not None and text[a.cue[0]:a.cue[1]] in ("seems", "appeared")]
    assert [text[s:e] for s, e in a.outer] == pieces


@pytest.mark.parametrize(
    ("text", "cue", "content", "source"),
    [
        # PolNeAR train ('he has lent his prime-time platform to wild, unsubstantiated accusations that
        # ...'): the subject of the verb the noun hangs off holds it, when a name or a person's pronoun.
        ("He has lent his platform to accusations that the mayor is ill.", "accusations", "that the mayor is ill",
         "He"),
        ("They acted under the assumption that the talks would fail.", "the assumption",
         "that the talks would fail", "They"),
        # A subject that is neither a name nor a pronoun is left out: too often a thing ('the tax has
        # been unpopular because of fears that ...').
        ("Lawmakers persisted in arguments that the audit was flawed.", "arguments", "that the audit was flawed",
         None),
        # The cue takes the noun's article and modifiers.
        ("The speech was a tacit acknowledgment that the war had failed.", "a tacit acknowledgment",
         "that the war had failed", None),
        # An existential "there" and its copula open the cue (h85).
        ("There has been no doubt that the senator will run.", "There has been no doubt",
         "that the senator will run", None),
    ],
)
def test_a_noun_of_saying_reports_its_that_clause(nlp: object, text: str, cue: str, content: str,
                                                  source: str | None) -> None:
    # h70: _Builder._noun_clauses, CLAIM_NOUNS.
    [a] = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert a.cue is not None and text[a.cue[0]:a.cue[1]] == cue
    assert [text[s:e] for s, e in a.outer] == [content]
    assert (text[a.source[0]:a.source[1]] if a.source else None) == source


def test_a_noun_of_saying_reports_a_that_clause_parted_from_it(nlp: object) -> None:
    # h108 (_Builder._parted_that; PolNeAR train 'using her comments before a special House Benghazi
    # committee that "I was responsible for quite a bit" of Obama's foreign policy'): the parse hangs
    # the clause off the committee, as a relative clause (fails on a918517).
    text = "The ads used her comments before a special House committee that she was responsible for the policy."
    [a] = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert a.cue is not None and text[a.cue[0]:a.cue[1]] == "comments"
    assert [text[s:e] for s, e in a.outer] == ["that she was responsible for the policy"]
    assert a.source is not None and text[a.source[0]:a.source[1]] == "her"


def test_a_parted_that_clause_of_another_verb_is_no_nouns(nlp: object) -> None:
    # h107's review of quotes.v70: the clause of a verb conjoined with the noun's verb lies inside
    # that verb's phrase but is no clause of the noun ("the rumours" reported "that the doors were
    # locked"; fails on 112d3f8).
    text = "He heard the rumours in Paris and ensured that the doors were locked."
    assert [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
            if a.cue is not None and text[a.cue[0]:a.cue[1]] == "the rumours"] == []


def test_a_source_does_not_open_on_the_mark_closing_a_title(nlp: object) -> None:
    # h85 (_Builder._finish; PolNeAR dev 'On "Face the Nation," Sen. Bernie Sanders (Vt.), who ...'):
    # the parse ran the subject back over the title's closing mark (fails on 8266900).
    text = "On \"Meet the Press,\" Sen. Tom Smith (Vt.), who lost the primaries, identified young voters' exhaustion as a reason."
    [a] = _with_cue(text, nlp, "identified")
    assert a.source is not None and text[a.source[0]:a.source[1]] == "Sen. Tom Smith (Vt.), who lost the primaries"


def test_a_source_starts_after_a_dateline_dash(nlp: object) -> None:
    # h85 (_Builder._finish; PolNeAR dev 'BRUSSELS - European leaders ...'): fails on 563e1b3.
    text = "BRUSSELS - European leaders said on Friday that the talks would resume."
    [a] = _with_cue(text, nlp, "said")
    assert a.source is not None and text[a.source[0]:a.source[1]] == "European leaders"


@pytest.mark.parametrize("text", [
    "The fact that the bridge is closed surprised nobody.",
    "The possibility that the plant will close worried workers on Friday.",
    "The idea that taxes will fall is popular.",
])
def test_a_noun_of_fact_or_framing_reports_nothing(nlp: object, text: str) -> None:
    assert extract_attributions(nlp(text), text=text) == []  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # PolNeAR train (e.g. 'said that he's staying in the race until the convention. "Let me be as
        # clear as I can be: ..."'): a reported clause that runs to its sentence's end goes on with
        # the quote opening the next one.
        (('The senator said that she would stay in the race until the convention. "We are in this until '
          'the last ballot is cast, and nobody should doubt it."'),
         "that she would stay in the race until the convention"),
        # NYT's doubled marks: the parse ends the sentence on the quote's opening mark.
        (("The governor said he would not vote for Mr. Cruz. ''I am not sure that the voters of this state "
          "really believe he represents them.''"), "he would not vote for Mr. Cruz"),
    ],
)
def test_a_quote_after_a_report_running_to_its_sentences_end_goes_on(nlp: object, text: str, first: str) -> None:
    # h68 (quotes.v45): _Builder._quote_goes_on and _goes_on_tokens for a cue before its content.
    [a] = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
           if a.cue is not None and text[a.cue[0]:a.cue[1]] == "said"]
    got = [text[s:e] for s, e in a.outer]
    assert got[0].startswith(first)
    assert any(p.lstrip("'\"").startswith(("We are in this", "I am not sure")) for p in got), got


def test_a_report_stopping_short_of_its_sentence_or_a_quote_a_paragraph_on_does_not_go_on(nlp: object) -> None:
    # The clause ends before its sentence does (a relay follows), or the quote opens the next paragraph.
    for t in (('She said the plan would fail, according to two aides. "Nobody in this building believes it '
               'will work at all," one of them said.'),
              ('Scott joked that Trump ranks fourth in a two-way race.\n\n"I have always been insulted by the '
               'term outreach," he told the group.')):
        a = next(a for a in extract_attributions(nlp(t), text=t)  # type: ignore[operator]
                 if a.cue is not None and t[a.cue[0]:a.cue[1]] in ("said", "joked"))
        assert not any("insulted" in t[s:e] or "Nobody" in t[s:e] for s, e in a.outer)


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        # PolNeAR dev/train headlines ('Obama on Climate Change: The Trends Are ...', 'Clinton to Planned
        # Parenthood: Trump will reverse Roe v. Wade'): the person named before the preposition speaks.
        ("Obama on Climate Change: The Trends Are Terrifying.\n\nBarack Obama spoke on Monday in Honolulu.",
         "The Trends Are Terrifying", "Obama"),
        ("Warren to Wall Street: You Should Be Investigated.\n\nElizabeth Warren spoke on Tuesday.",
         "You Should Be Investigated", "Warren"),
    ],
)
def test_a_line_led_by_a_person_and_whom_they_address_is_theirs(nlp: object, text: str, content: str,
                                                                source: str) -> None:
    # h70: _Builder._addressed.
    [a] = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert [text[s:e] for s, e in a.outer] == [content]
    assert a.source is not None and text[a.source[0]:a.source[1]] == source
    assert a.cue is None


def test_an_infinitive_before_a_colon_addresses_no_one(nlp: object) -> None:
    text = "Limited Tools to Fight Terrorism: The United Nations was set up when wars raged.\n\nBarack Obama spoke."
    assert extract_attributions(nlp(text), text=text) == []  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "cue", "content", "source"),
    [
        # PolNeAR train: 23 'declined to comment' contents, 5 read before (the rules left a weak cue
        # without a clause out, and the model is unsure of 'to comment').
        ("A spokesman for the mayor declined to comment.", "declined", "to comment", "A spokesman for the mayor"),
        ("On Monday, Trump refused to endorse Ryan.", "refused", "to endorse Ryan", "Trump"),
    ],
)
def test_a_refusal_reports_its_infinitive(nlp: object, text: str, cue: str, content: str, source: str) -> None:
    # h70: _verb_attribution, _REFUSING_CUES.
    a = _by_cue(text, nlp)[cue]
    assert [text[s:e] for s, e in a.outer] == [content]
    assert a.source is not None and text[a.source[0]:a.source[1]] == source


@pytest.mark.parametrize(
    ("text", "cue", "content", "source"),
    [
        # PolNeAR dev/train-heldout: the role model's source was the modifier alone ('Mr', 'Daily', 'Tim')
        # and the noun it modifies a piece of the content.
        ("Mr. Walsh has been a supporter of the mayor's plan for the city.", "a supporter of",
         ["the mayor's plan for the city"], "Mr. Walsh"),
        ("Another side of the story was being told by The Daily Caller, which unearthed an old story from the Times.",
         "was being told", ["Another side of the story", "which unearthed an old story from the Times"],
         "The Daily Caller"),
    ],
)
def test_a_source_run_of_a_modifier_takes_its_noun(nlp: object, text: str, cue: str, content: list[str],
                                                   source: str) -> None:
    # h74: _Builder._model_attribution, the modifier's noun relabelled from content to source.
    a = _by_cue(text, nlp)[cue]
    assert [text[s:e] for s, e in a.outer] == content
    assert a.source is not None and text[a.source[0]:a.source[1]] == source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # PolNeAR dev/train-heldout: the parse hung the name off something else and the role model read
        # none, so the quote was no one's ('Said Ellis: “…”', '“…,” declared Alyssa Van Wagenen, 29, ...').
        ("Said Ellis: “I don’t get the sense she cares.”", "Said", "Ellis"),
        (("\"I'm voting for anyone but Trump,\" declared Ellen Barker, 33, of Meridian, Ind.\n\n"
          "Of the four candidates tested, voters were inclined to agree."), "declared", "Ellen Barker, 33, of Meridian, Ind"),
    ],
)
def test_a_name_beside_a_quote_and_its_cue_speaks(nlp: object, text: str, cue: str, source: str) -> None:
    # h74: _Builder._name_beside.
    a = _by_cue(text, nlp)[cue]
    assert a.source is not None and text[a.source[0]:a.source[1]] == source


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("“We will rebuild every house on this street,” added Wednesday in Paris.", "added"),
        ("“We will rebuild every house on this street,” said Wednesday at a news conference in Paris.", "said"),
    ],
)
def test_a_date_and_place_after_the_cue_are_no_name_beside_it(nlp: object, text: str, cue: str) -> None:
    # h76: _Builder._name_beside read the words after the date as the speaker ('Wednesday in
    # Paris'); fails on 54ab7de.
    a = _by_cue(text, nlp)[cue]
    assert a.source is None


def test_a_name_phrase_the_parse_made_a_clause_before_its_cue_speaks(nlp: object) -> None:
    # h74: the model path of _Builder._model_attribution. The parse read 'Jeffrey Salkin, a ... rabbi
    # helping to organize the boycott' as a clause of 'said' (no subject), and the model as content.
    text = (need_data("polnear") / "train" / "text" / "wash-post_2016-03-18_rabbis-vow-to-boycott-trump-spee.txt"
            ).read_text(encoding="utf-8")
    [a] = [a for a in extract_attributions(nlp(text), text=text)  # type: ignore[operator]
           if any("other rabbis were alarmed" in text[s:e] for s, e in a.outer)]
    assert a.source is not None and text[a.source[0]:a.source[1]].startswith("Jeffrey Salkin, a Hollywood")
    assert not any("Salkin" in text[s:e] for s, e in a.outer)


def test_a_name_after_its_title_takes_the_title(nlp: object) -> None:
    # h74: _Builder._model_attribution climbs from the appositive name to its title's phrase.
    text = "Another critic, Laurence H. Tribe, likened the rules to a bonfire."
    a = _by_cue(text, nlp)["likened"]
    assert a.source is not None and text[a.source[0]:a.source[1]] == "Another critic, Laurence H. Tribe"


def test_a_second_that_clause_after_but_is_the_same_report(nlp: object) -> None:
    # ", but that ..." with "that" opening a clause is the cue's second reported clause; "that" as a
    # determiner opens a clause of the writer's.
    t = "The governor said the state needs new roads, but that he would not raise the gas tax to pay for them."
    [a] = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    assert a.cue_lemma == "say"
    assert any("he would not raise the gas tax" in t[s:e] for s, e in a.outer)
    t = "Moreno believes the plan is too costly, but that group will pass it anyway."
    [a] = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    assert [t[s:e] for s, e in a.outer] == ["the plan is too costly"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # PolNeAR's content of "told/warned X that ..." starts at the "that": the listener is the cue's.
        ("The senator told ABC 7 that someone had reprogrammed the sign.", "told",
         "that someone had reprogrammed the sign"),
        ("Trump reminded his supporters that the polls had been wrong before.", "reminded",
         "that the polls had been wrong before"),
        ("Officials warned residents that the river could flood overnight.", "warned",
         "that the river could flood overnight"),
        # The listener a piece of its own, words of the cue after it.
        ("The senator warned colleagues privately that the bill would fail.", "warned",
         "that the bill would fail"),
        ("The CEO informed employees by email on Friday that the plant would close.", "informed",
         "that the plant would close"),
        # An adjective the clause completes is the content's own ("surprising that ...").
        ("The mayor said it was surprising that the post went unnoticed.", "said",
         "it was surprising that the post went unnoticed"),
    ],
)
def test_a_reported_clause_after_its_listener_starts_at_that(nlp: object, text: str, cue: str,
                                                             content: str) -> None:
    # _Builder._that_lead.
    a = _by_cue(text, nlp)[cue]
    assert [text[s:e] for s, e in a.outer] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # The learned span ran onto the doubled apostrophes opening the next sentence's quote.
        ("Mr. Smith, a Republican, shares this bleak view. ''We're in a bubble, and it will burst,'' he said.",
         "shares", "this bleak view"),
        ("The mayor argued only a catastrophe would move Congress to help. ''We need Chapter 9,'' she said.",
         "argued", "only a catastrophe would move Congress to help"),
    ],
)
def test_a_report_does_not_end_on_the_mark_opening_the_next_quote(nlp: object, text: str, cue: str,
                                                                  content: str) -> None:
    # _clean, _OPENING_END.
    a = _by_cue(text, nlp)[cue]
    assert [text[s:e] for s, e in a.outer] == [content]


def test_a_mark_after_a_space_that_no_word_follows_closes() -> None:
    from newsprism.stages.quotes import _clean

    # "'Oh, yes, just vote for Hillary Clinton,' " Sanders told: the spaced mark closes the quote.
    t = "\"It's not just Bernie saying, 'Oh, yes, just vote for her,' \" Sanders told CNN."
    end = t.index("\" Sanders") + 1
    assert _clean(t, (1, end)) == (1, end)
    t = "He shares this view. ''We're in a bubble,'' he said."
    assert t[slice(*_clean(t, (3, t.index("We're"))))] == "shares this view"
    t = "He shares this view. ‘We're in a bubble,’ he said."
    assert t[slice(*_clean(t, (3, t.index("We're"))))] == "shares this view"


def test_a_report_going_on_into_the_next_paragraph_is_a_piece_per_paragraph(nlp: object) -> None:
    from newsprism.stages.quotes import _by_paragraph

    # _by_paragraph: PolNeAR leaves the first paragraph's end out of the content; the quote the
    # reader gets stays whole.
    t = ("Senator Jane Doe said:\n\n“We will not stand by while the budget is cut again.\n\n"
         "“We will fight this in committee and on the floor.”\n")
    [a] = extract_attributions(nlp(t), text=t)  # type: ignore[operator]
    assert [t[s:e] for s, e in a.outer] == ["“We will not stand by while the budget is cut again",
                                            "“We will fight this in committee and on the floor.”"]
    assert [t[s:e] for s, e in a.content] == [t[t.index("We will not"):t.index("floor.") + 6]]
    # a quotation closing at the paragraph's end keeps its closing marks
    t = "the plan “was dead.”\n\nIt would not come back"
    assert [t[s:e] for s, e in _by_paragraph(t, ((0, len(t)),))] == ["the plan “was dead.”", "It would not come back"]


def test_two_pieces_a_conjunction_alone_parts_are_one() -> None:
    # _conjoined: PolNeAR's content never leaves a lone "and"/"or"/"but" out between its pieces; a
    # dash's aside and a gap holding other words stay apart.
    from newsprism.stages.quotes import _conjoined

    t = "portrayed immigrants as an economic burden and as people who refuse to assimilate"
    a, b = (10, t.index(" and")), (t.index("as people"), len(t))
    assert _conjoined(t, (a, b)) == ((10, len(t)),)
    t = "raise taxes on the rich, and would leave the middle class alone"
    assert _conjoined(t, ((0, t.index(",")), (t.index("would"), len(t)))) == ((0, len(t)),)
    t = "a deep understanding of the electorate — and deep pockets"
    pieces = ((t.index("the"), t.index(" —")), (t.index("deep pockets"), len(t)))
    assert _conjoined(t, pieces) == pieces
    t = "the plan failed, he said, and the money was gone"
    pieces = ((0, t.index(",")), (t.index("the money"), len(t)))
    assert _conjoined(t, pieces) == pieces


def test_words_the_role_model_skips_inside_a_reported_clause_are_reported(nlp: object) -> None:
    # h131 (_Builder._filled; FNC-1 bodies: the model's content of 'said' here came as four pieces,
    # 'the courier, who identifies himself as' / 'in the clip but whose last name' / 'released, has'
    # / 'bakery about six', each a quote of its own; fails on 74b74fa): a word or two the model
    # left out inside one sentence, where neither the cue nor the source stands, is quoted too.
    text = ("Brandt said the courier, who identifies himself as Tom in the clip but whose last name "
            "wasn't released, has worked at the bakery about six years.")
    [a] = _with_cue(text, nlp, "said")
    first = text[a.content[0][0]:a.content[0][1]]
    assert first.startswith("the courier, who identifies himself as Tom in the clip") and "wasn't released" in first
    assert "has worked at the bakery" in first  # 'worked at the': 3 words, the 'at' a piece the model read


@pytest.mark.parametrize(
    ("text", "speaker", "label", "role"),
    [
        # A person named as the possessor beside the one named speaks no word of it.
        ("“We will act when we must,” said Ann Rhodes, Obama’s deputy national security adviser.",
         "Ann Rhodes", "PERSON", "adviser of Obama"),
        ("Hunter's spokesman said the claim was true.", "Hunter", "PERSON", "spokesman of Hunter"),
        # A people's adjective names no one who speaks when its noun is a person in their own right or
        # no office or body of that people, nor when another name stands beside it.
        ("An American blogger has said she left the party because of the vote.", "American blogger", "nominal",
         None),
        ("The Chinese man said he had been robbed.", "Chinese man", "nominal", "man"),
        ("A Catholic priest in America said the letter was a fake.", "Catholic priest in America", "nominal",
         None),
        ("The Mexican newspaper El Proceso reported that the mayor had fled.", "El Proceso", "ORG", None),
        ("Lebanese officials said the border was closed.", "Lebanese", "NORP", "officials of Lebanese"),
    ],
)
def test_a_possessor_or_a_peoples_adjective_is_not_the_speaker(
        nlp: object, text: str, speaker: str, label: str, role: str | None) -> None:
    # h131 (SpeakerResolver._speakers_in; FNC-1 bodies 0-299: 'Ben Rhodes, Obama's deputy national security
    # adviser' spoke as Obama, 'An American blogger' as American, 'The Chinese man' as 'man of Chinese';
    # fails on d3b4968).
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and (q.speaker.slice(text), q.speaker.label, q.speaker_role) == (speaker, label, role)


@pytest.mark.parametrize(
    ("text", "speaker", "label"),
    [
        # A new document ("a video", "a new report") takes up no holder named before it ...
        ("Hamas said on Monday that the truce would hold. A video posted online said the fighters had left the town.",
         "video", "nominal"),
        # ... the one whose making it is ("posted by") holds it, and "the statement" is the one spoken of.
        ("The army said on Monday that the truce would hold. A video posted by Hamas said the fighters had left the town.",
         "Hamas", "ORG"),
        ("Hamas said on Monday that the truce would hold. The statement said the fighters had left the town.",
         "Hamas", "ORG"),
    ],
)
def test_a_document_is_held_by_its_maker_or_the_one_spoken_of(nlp: object, text: str, speaker: str, label: str) -> None:
    # h131 (SpeakerResolver.resolve, _definite, _AUTHORING; FNC-1 bodies 0-299: 'A video posted on YouTube'
    # spoke as Pizza House, 'a new report' as Apple, 'A video posted by al Qaeda ...' as United States;
    # fails on 2121fc8).
    q = find_quotes_in_text(text, nlp=nlp)[-1]
    assert q.speaker is not None and (q.speaker.slice(text), q.speaker.label) == (speaker, label)


def test_a_peoples_adjective_is_a_capitalised_word_not_an_acronym_or_a_plural() -> None:
    # h131 (speakers._PEOPLES_WORD; FNC-1 bodies 0-299: the mentions call 'ISIL' of 'ISIL militants' and
    # 'Barrons' of 'a Barrons blog post' NORP; read as adjectives they were no speakers, and 'The group'
    # took no ISIL up; fails on 799d6fa).
    from newsprism.stages.speakers import _PEOPLES_WORD

    assert all(_PEOPLES_WORD.fullmatch(w) for w in ("American", "South Korean", "Swiss", "Saudi Arabian"))
    assert not any(_PEOPLES_WORD.fullmatch(w) for w in ("ISIL", "Barrons", "U.S."))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (("President Donald Trump's tweet about Hillary Clinton on Sunday said the election was being rigged "
          "against him."), "Donald Trump"),
        ("Chancellor Angela Merkel's statement about Vladimir Putin said the sanctions would stay in place.",
         "Angela Merkel"),
        (("A letter from Senator John McCain about Defense Secretary Ashton Carter said the review had been "
          "botched."), "John McCain"),
    ],
)
def test_a_document_is_held_by_its_possessor_not_by_the_one_it_is_about(nlp: object, text: str,
                                                                        speaker: str) -> None:
    # h147 (SpeakerResolver._in_topic; a review of quotes.v108: "Trump's tweet about Clinton said ..." spoke
    # as Clinton, the person named after "about" outranking an owner; fails on 90dd503).
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and q.speaker.slice(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A statement on behalf of Senator John McCain said the review had been botched.", "John McCain"),
        ("A memo about James Comey written by Andrew McCabe said the director had been candid.", "Andrew McCabe"),
        (("A letter from Senator John McCain to Defense Secretary Ashton Carter said the program had failed."),
         "John McCain"),
        # the one a letter is sent to holds nothing; one a preposition brings in past him still may
        ("A letter to Defense Secretary Ashton Carter said the program had failed.",
         "letter to Defense Secretary Ashton Carter"),
        ("A statement to reporters from the Pentagon said the strike had been lawful.", "Pentagon"),
    ],
)
def test_a_document_is_held_by_the_one_it_is_on_behalf_of_or_written_by(nlp: object, text: str,
                                                                         speaker: str) -> None:
    # h152 (SpeakerResolver._in_topic; a review of quotes.v111: "on behalf of McCain" and "a memo about Comey
    # written by McCabe" were read as topics, and the letter's addressee spoke).
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and q.speaker.slice(text) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "\"It was O'Brien's idea to close the road,\" he said.",
        "Police said the driver had fled. “Mahmoud Abbas will never sign it,” the official said.",
    ],
)
def test_a_name_opening_a_quote_is_no_speaker(nlp: object, text: str) -> None:
    # h147 (SpeakerResolver._subjects; a review of quotes.v108: the name opening the quote was taken for
    # the topic of its sentence, and "he" and "the official" for it; fails on 951940b).
    q = find_quotes_in_text(text, nlp=nlp)[-1]
    assert q.speaker is not None and q.speaker.slice(text) not in ("O'Brien", "Mahmoud Abbas")


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("Obama's spokesman said the president would veto the bill.", "Obama", "spokesman of Obama"),
        ("Hamas's spokesman said the group would not disarm the brigades.", "Hamas", "spokesman of Hamas"),
        ("A spokesman for Hillary Clinton said she would not attend the dinner.", "Hillary Clinton",
         "spokesman of Hillary Clinton"),
        ("A spokeswoman for the State Department said the talks would resume.", "State Department",
         "spokeswoman of State Department"),
        ("Obama's spokesman Josh Earnest said the president would veto the bill.", "Josh Earnest",
         "spokesman of Obama"),
    ],
)
def test_a_role_is_of_the_one_whose_role_it_is_for_a_person_as_for_a_body(
        nlp: object, text: str, speaker: str, role: str) -> None:
    # h147 (SpeakerResolver._principal; a review of quotes.v108: "Hamas's spokesman" kept "spokesman of Hamas"
    # and "Obama's spokesman" only "spokesman", as if Obama were one; fails on 96bff18).
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and (q.speaker.slice(text), q.speaker_role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("Zehaf Bibeau's mother told the RCMP that her son wanted to travel to Syria.", "Zehaf Bibeau's mother",
         "mother of Zehaf Bibeau"),
        ("Friends of Yang said that he had been increasingly depressed about his long work hours.", "Friends of Yang",
         "friends of Yang"),
        ("Critics of Donald Trump said the wall would never be built.", "Critics of Donald Trump",
         "critics of Donald Trump"),
        # one named beside them is who speaks; a spokesman speaks for the one whose he is
        ("Bibeau's mother, Susan Bibeau, said her son had been troubled.", "Susan Bibeau", "mother of Bibeau"),
        ("Obama's spokesman said the president would veto the bill.", "Obama", "spokesman of Obama"),
    ],
)
def test_a_persons_kin_friend_or_critic_is_not_the_person(nlp: object, text: str, speaker: str, role: str) -> None:
    # h147 (SpeakerResolver.resolve; FNC-1 bodies 300-1683: "Zehaf Bibeau's mother told the RCMP ..." spoke as
    # Zehaf Bibeau, "friends said" of Yang as Yang; fails on 256b940).
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and (q.speaker.slice(text), q.speaker_role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("Zehaf Bibeau's brother told reporters that he had been troubled for years.", "Zehaf Bibeau's brother",
         "brother of Zehaf Bibeau"),
        ("Opponents of Donald Trump said the wall would never be built.", "Opponents of Donald Trump",
         "opponents of Donald Trump"),
        ("Scott's family said in a statement that he had been unarmed.", "Scott's family", "family of Scott"),
        # a noun that speaks for the one whose it is, and a place a noun only names, still speak as the name
        ("Trump's campaign said the poll was rigged.", "Trump", None),
        ("Clinton's remarks suggested the deal was dead.", "Clinton", None),
        ("Mr Wilson's account said he was attacked as he attempted to exit his cruiser.", "Wilson", None),
        ("The city of Phoenix said the roads would reopen on Monday.", "Phoenix", None),
    ],
)
def test_a_noun_a_name_holds_is_not_the_name(nlp: object, text: str, speaker: str, role: str | None) -> None:
    # h152 (SpeakerResolver._held_by; a review of quotes.v115: only the listed kin, friends and critics were
    # told apart from the one they are of).
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and (q.speaker.slice(text), q.speaker_role) == (speaker, role)


def test_a_negated_topic_is_talked_of_whole(nlp: object) -> None:
    # h157 (_Builder._whole_topic; a review of quotes.v131 on FNC-1 body 1681: the content of 'talked' was
    # "peace but of more violence", the opposite of what Shekau talked of; "talk of" is a speech act, its
    # content what was talked of).
    text = 'In the new video, Shekau talked not of peace but of more violence -- promising more "war."'
    q = next(q for q in find_quotes_in_text(text, nlp=nlp) if q.cue is not None and q.cue.slice(text) == "talked")
    assert q.slice(text) == "not of peace but of more violence"


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        (("Asked whether Nigeria would consider releasing captured Boko Haram militants in exchange for the girls, "
          'Omeri said "every asset" will be directed towards the girls\' release.'), "Omeri"),
        (("Asked what characteristics he would like the Republican party's nominee to embody, Adelson said, "
          '"They have got to be able to win."'), "Adelson"),
    ],
)
def test_the_one_asked_puts_no_question(nlp: object, text: str, answer: str) -> None:
    # h157 (_Builder._finish; a review of quotes.v131 on FNC-1 body 62: the question Omeri was asked was
    # listed as Omeri's words; PolNeAR train marks such an "Asked" with no source).
    asked, said = find_quotes_in_text(text, nlp=nlp)
    assert asked.cue is not None and asked.cue.slice(text) == "Asked" and asked.speaker is None
    assert said.speaker is not None and said.speaker.slice(text) == answer


def test_the_one_quoted_is_never_the_relay_quoting_it(nlp: object) -> None:
    # rd36: "the ministry" took up the last body named, Reuters itself: the relay spoke through itself.
    t = "Reuters quoted the ministry as saying the attack killed ten."
    [q] = [q for q in find_quotes_in_text(t, nlp=nlp) if q.cue is not None and q.cue.slice(t) == "quoted"]
    assert q.speaker is not None and q.speaker.slice(t) == "ministry"
    assert [v.slice(t) for v in q.via] == ["Reuters"]


@pytest.mark.parametrize(
    ("text", "speaker", "via", "content"),
    [
        (("The Wall Street Journal quotes Guerrero State Prosecutor Inaky Blanco as saying the graves were linked "
          "to the disappearance of the students."), "Guerrero State Prosecutor Inaky Blanco", "Wall Street Journal",
         ("Guerrero State Prosecutor Inaky Blanco as saying the graves were linked to the disappearance of the "
          "students")),
        (("Eight Cameroon soldiers and more than 100 Boko Haram militants were killed in fighting in the far north of "
          "Cameroon on Friday, Reuters quoted the country's defence ministry as saying."),
         "country's defence ministry", "Reuters",
         ("Eight Cameroon soldiers and more than 100 Boko Haram militants were killed in fighting in the far north of "
          "Cameroon on Friday")),
        (("“It is not clear who the said Boko Haram negotiator is,” Arab News quoted Nnamdi Obasi, senior analyst "
          "of Nigeria for Crisis Group."), "Nnamdi Obasi", "Arab News", ("It is not clear who the said Boko Haram "
                                                                       "negotiator is,")),
    ],
)
def test_the_one_quoted_speaks_and_the_one_quoting_relays(nlp: object, text: str, speaker: str, via: str,
                                                           content: str) -> None:
    # h157 (_Builder._quoted_one, _relay_name; a review of quotes.v131 on FNC-1 bodies (rd34): "X quotes Y as
    # saying ..." spoke as X, with no relay (Iguala 142, Boko Haram 837 and 1419), and "Reuters quoted the
    # country's defence ministry as saying" was a quote of its own. PolNeAR's source and content, X and
    # "Y as saying ...", stay.)
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and q.speaker.slice(text) == speaker
    assert [v.label for v in q.via][:1] == [via]
    assert q.slice(text) == content


def test_a_surname_the_mentions_missed_is_the_person_named_before(nlp: object) -> None:
    # h157 (SpeakerResolver._surnames; a review of quotes.v131 on FNC-1 body 1419: "Air Chief Marshal Badeh",
    # run into the heading before it by the parse, was no name of the mentions, so his act went unresolved
    # and his "He said" to Boko Haram).
    text = ("Nigeria's chief of defence staff, Alex Badeh, announced the truce. Boko Haram has not made a public "
            "statement.\n\n'Cautiously optimistic'\n\nAir Chief Marshal Badeh revealed the truce at the close of a "
            "three-day security meeting between Nigeria and Cameroon. He said Nigerian soldiers would comply with "
            "the agreement.")
    quotes = find_quotes_in_text(text, nlp=nlp)
    assert [q.speaker.slice(text) if q.speaker else None for q in quotes] == ["Alex Badeh", "Badeh", "Badeh"]


@pytest.mark.parametrize(
    "text",
    [
        ('Mr Tukur said Danladi Ahmadu had announced a unilateral ceasefire on Thursday evening.\n\n'
         '"They have agreed to release the Chibok girls," he continued.'),
        ("Speaking to the BBC, Nigerian government spokesman Mike Omeri said Danladi Ahmadu would not be given "
         'territory under the ceasefire agreement.\n\n"We are inching closer to release of all groups in '
         'captivity," he said.'),
    ],
)
def test_a_name_in_what_was_reported_is_not_who_he_is(nlp: object, text: str) -> None:
    # h157 (SpeakerResolver.heard, _in_report; a review of quotes.v131 on FNC-1 Boko Haram bodies 1419, 600:
    # the subject of a speaker's reported words, the latest person before the next paragraph's "he said",
    # took it: Tukur's and Omeri's quotes spoke as Boko Haram, Tukur's as Danladi Ahmadu).
    quotes = find_quotes_in_text(text, nlp=nlp)
    first, last = quotes[0], quotes[-1]
    assert first.speaker is not None and last.speaker is not None
    assert last.speaker.slice(text) == first.speaker.slice(text) != "Danladi Ahmadu"


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # the one named speaks; the apposition, whoever it names, gives the role
        ("Hassan Tukur, an aide to Nigerian President Goodluck Jonathan, said the girls would be freed within days.",
         "Hassan Tukur", "aide of Goodluck Jonathan"),
        (("Shehu Sani, a Boko Haram expert who has negotiated with the group before on behalf of the government, "
          'told AFP: "I have doubts about the deal."'), "Shehu Sani", "expert of Boko Haram"),
        (("Mike Omeri, the Nigerian government's spokesperson on the Boko Haram insurgency, told The WorldPost "
          "Saturday that the government is confident it has been negotiating with the right guy."),
         "Mike Omeri", "spokesperson"),
        (("Enoch Mark, a Christian pastor in Chibok whose daughter and niece are among the hostages, said the "
          'girls\' families were "lost for words".'), "Enoch Mark", None),
        # an adviser, aide or expert, named or not, is someone in their own right; a spokesman speaks for
        # the one whose he is
        (("A senior adviser to Nigeria's President Goodluck Jonathan told Al Jazeera that the deal reached on "
          "Friday included the release of the girls."),
         "senior adviser to Nigeria's President Goodluck Jonathan", "adviser of Goodluck Jonathan"),
        ("A Harvard professor said the study was flawed.", "Harvard professor", "professor of Harvard"),
        ("Obama adviser David Axelrod said the campaign was confident.", "David Axelrod", "adviser of Obama"),
        # a relative clause gives the role only as what the one named is
        (("Navkiran Singh, who is the lawyer for Hans Raj Chauhan, the only castration victim so far to come "
          "forward, said his client and other victims believed they would become social outcasts."),
         "Navkiran Singh", "lawyer"),
        # where one works is whose role it is; what the role is about, or a relative clause, is not
        ("Eran Cicurel, an editor at Voice of Israel, said that Gill Rosenberg was not captured by IS.",
         "Eran Cicurel", "editor of Voice of Israel"),
        (('"Captivity is the state most violently opposite his nature," his friend Clare Morgana Gillis, a '
          "journalist who had been kidnapped with him in Libya in 2011, wrote in a piece last year."),
         "Clare Morgana Gillis", "friend"),
    ],
)
def test_the_one_named_speaks_and_the_apposition_gives_the_role(nlp: object, text: str, speaker: str,
                                                                role: str | None) -> None:
    # h157 (SpeakerResolver._pick, _own_role, _in_topic_of_role; a review of quotes.v131 on FNC-1 Boko Haram
    # bodies 1430, 1681, 2191, 531, 1195: the last person of the phrase spoke, "Goodluck Jonathan" for his
    # aide, "Boko Haram" for its expert, "Chibok" for Enoch Mark; a senior adviser to Jonathan spoke as
    # Jonathan).
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and (q.speaker.slice(text), q.speaker_role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Warren has been endorsed by the nurses union.", "nurses union"),
        ("Biden has been endorsed by the firefighters union.", "firefighters union"),
        # an earlier body the agent takes up still speaks
        ("Hamas fired rockets on Monday. Israel was condemned by the group.", "Hamas"),
    ],
)
def test_a_passive_agent_is_not_its_subject(nlp: object, text: str, speaker: str) -> None:
    # h152 (SpeakerResolver._patient; a review of quotes.v110: the union took up "Warren", the one it
    # endorsed, as its antecedent).
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and q.speaker.slice(text) == speaker


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        ("Smith’ll tell you the deal is dead.", "Smith", "Smith"),
        ("Mayor Tom Hale’d said the budget was fine.", "Mayor Tom Hale", "Tom Hale"),
    ],
)
def test_a_clitic_glued_to_a_name_is_not_the_name(nlp: object, text: str, source: str, speaker: str) -> None:
    # h152 (_GLUED_CLITIC; a review of quotes.v116: the tokenizer splits a clitic off a pronoun only, and
    # "Smith’ll" spoke as "Smith’ll").
    [a] = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert a.source is not None and text[a.source[0]:a.source[1]] == source
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and q.speaker.slice(text) == speaker


def test_a_clitic_the_parse_took_for_a_subject_is_no_speaker(nlp: object) -> None:
    # h147 (_CLITIC in _Builder._finish; FNC-1 bodies 300-1683: "I would’ve thought that ..." spoke as "’ve",
    # a curly apostrophe's clitic the parse made a proper noun with "I" hung on it; fails on ded061f).
    text = ("I would’ve thought that religious life contains enough real absurdities to quash the need to make up "
            "additional ones.")
    [a] = _with_cue(text, nlp, "thought")
    assert a.source is not None and text[a.source[0]:a.source[1]] == "I"
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and q.speaker.slice(text) == "I"


def test_the_i_of_the_articles_own_words_is_its_writer(nlp: object) -> None:
    # h147 (SpeakerResolver.resolve; FNC-1 bodies 300-1683: a blogger's "I personally doubt ...", "I'm not
    # expecting ..." after Tim Cook's reported words spoke as Cook; fails on 226e709).
    text = ("Apple CEO Tim Cook reportedly told employees in Berlin that he wears his Apple Watch in the shower. "
            "In fact, I personally doubt the device is water resistant.")
    got = {q.slice(text): q.speaker.slice(text) if q.speaker else None for q in find_quotes_in_text(text, nlp=nlp)}
    assert got["the device is water resistant"] == "I"
    # inside a quote, "I" is still the one quoted
    text = "Tom Hale spoke first. “I think the road will reopen soon,” he said."
    assert [q.speaker.slice(text) if q.speaker else None for q in find_quotes_in_text(text, nlp=nlp)] == ["Tom Hale"]


@pytest.mark.parametrize(
    ("text", "body", "speaker"),
    [
        # PolNeAR keeps an embedded post as a tag around its text; the quote was the tag's attribute.
        (("Black Lives Matter blasted Clinton on Tuesday. One BLM activist tweeted:\n\n"
         '<tweet tweet-author="@DMVBlackLives" tweet-date="February 16, 2016">PREACH! She legit should be '
         "spending time convincing her bestie Rahm to resign instead of pimping black votes… "
         "https://t.co/gwzQMEyL6R<tweet/>.\n\nThe campaign did not respond."),
         ("PREACH! She legit should be spending time convincing her bestie Rahm to resign instead of pimping "
         "black votes…"), "One BLM activist"),
        (("Democrats reacted within minutes. Former Maryland Gov. Martin O’Malley called for new gun laws:\n\n"
         '<tweet pic="" author="MartinOMalley" timestamp="1449075600" tweet_id="672149874046083072">Horrifying news '
         "out of #SanBernardino. Enough is enough.</tweet>.\n\nOthers waited."),
         "Horrifying news out of #SanBernardino. Enough is enough", "Martin O’Malley"),
    ],
)
def test_a_markup_tags_attribute_is_no_quote_the_post_it_opens_is(nlp: object, text: str, body: str,
                                                                  speaker: str) -> None:
    # h148 (_Builder._in_tags, _post_body; PolNeAR train-heldout: 'One BLM activist tweeted: <tweet
    # tweet-author="' and four more acts quoted a tag's attribute, gold's content is the post; fails on b49d91c).
    attrs = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert not any("tweet" in text[a:b] for at in attrs for a, b in at.content)
    [got] = [at for at in attrs if any(text[a:b] == body for a, b in at.content)]
    assert got.source is not None and text[got.source[0]:got.source[1]].endswith(speaker)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # The rules read the object of a verb of making or releasing as its content: it is the thing made.
        ("The family asked for answers on Saturday. Late on Friday, police released video of the shooting.", False),
        ("I have written letters for several of them, and I would do it again.", False),
        ("Hillary Clinton released her returns this year. Donald Trump has not.", False),
        # A clause or a quote it brings is someone's words.
        ("Police released a statement on Friday saying the officer had acted lawfully.", True),
        ('The campaign released a statement on Friday: "We will win Ohio."', True),
    ],
)
def test_the_thing_a_verb_of_making_releases_is_no_ones_words(nlp: object, text: str, kept: bool) -> None:
    # h148 (_Builder._made_thing; PolNeAR dev: 'police released video', 'I have written letters for several
    # of them', 'Hillary Clinton released her returns this year' were acts; train: 40 such acts not
    # gold's, 14 gold's; fails on d5334b4).
    attrs = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    got = [a for a in attrs if a.cue_lemma in ("release", "write")]
    if kept:
        assert got
    else:
        assert not got, [(text[a.cue[0]:a.cue[1]] if a.cue else None, [text[x:y] for x, y in a.content]) for a in got]


@pytest.mark.parametrize(
    "text",
    [
        # The article's correction notice and its credit line are the writer's apparatus.
        ("Correction: An earlier version of this article misstated the amount of time it takes an acre of trees "
        "to convert 156 tons of carbon."),
        "This story has been updated to note that Carson posted the syllabus on his Facebook page.",
        ("Julie Hirschfeld Davis reported from Midway Atoll, and Mark Landler and Coral Davenport from Kaneohe Bay, "
        "Hawaii."),
    ],
)
def test_the_articles_correction_and_credit_line_are_no_ones_words(nlp: object, text: str) -> None:
    # h148 (_Builder._own_apparatus; PolNeAR dev: 'An earlier version of this article misstated ...' and
    # 'Julie Hirschfeld Davis reported from Midway Atoll ...' were acts, none gold's; fails on 0ff5c27).
    attrs = extract_attributions(nlp(text), text=text)  # type: ignore[operator]
    assert not attrs, [(a.cue_lemma, [text[x:y] for x, y in a.content]) for a in attrs]


def test_a_source_that_only_mentions_the_article_still_speaks(nlp: object) -> None:
    # h148: 'many of the people interviewed for this story' is people, not the article.
    text = "Many of the people interviewed for this story said they would vote for Mr. Sanders in November."
    assert any(a.cue_lemma == "say" for a in extract_attributions(nlp(text), text=text))  # type: ignore[operator]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A man known by the name Abu Omar said the fighters had left the town.", "Abu Omar"),
        ("A militant known by the name of Abu Bakr told reporters that the group would fight on.", "Abu Bakr"),
        ("A fighter who goes by the name Abu Muhammad said the convoy was hit.", "Abu Muhammad"),
        ("The organization, also known as ISIS, had threatened to kill Haines.", "ISIS"),
        ("An analyst named Yakoub Mustafa told Magharebia that the militants were present in Libya.",
         "Yakoub Mustafa"),
        ('"You think they could stop some rats?" a commenter named "4npower" said.', "4npower"),
        # not a name the noun is known by, or not the noun's: its words stay the speaker
        ("A man known to police said the fighters had left.", "man"),
        ("A suspect known to police as Big Mike said he had nothing to do with the robbery.", "Big Mike"),
        # the noun itself names or knows someone (the relative clause's subject), or the verb has an
        # object of its own: no name of the noun's (rd35's review of quotes.v133)
        ("A protester who called Netanyahu a war criminal told reporters the rally would continue.", "protester"),
        ("A neighbor who called Smith on Monday night said he sounded calm.", "neighbor"),
        ("A classmate who knew him as Mohammed said the boy was quiet and polite.", "classmate"),
        ("Twitter accounts linked to the jihadist group, also known as ISIS, claimed that the boy had died.",
         "Twitter accounts"),
    ],
)
def test_a_subject_known_by_a_name_is_that_name(nlp: object, text: str, speaker: str) -> None:
    # h156 (redone, lost with the old machine): "a man known by the name Abu X said" spoke as "man"; the
    # name the noun's participle or relative clause gives it holds its head (FNC-1 bodies 374, 657, 794,
    # 920, 947, 1097, 2520: "The author, known only as Lena, said", "an eyewitness named Taugan Tan
    # Kadalim claims"). Not where the parse hung the participle on the wrong noun (body 1785).
    [q] = find_quotes_in_text(text, nlp=nlp)
    assert q.speaker is not None and q.speaker.slice(text) == speaker


def test_words_two_cues_claim_are_one_quote(pipeline: Pipeline) -> None:
    # h159 (to_quotes; FNC-1 body 62: the same words came as two quotes, cued by "added" and by "said",
    # one id twice in the export).
    text = ("Omeri added that the militants are motivated by a wish to reintegrate into society. “They are "
            "working towards peace in order to have a chance for them to return to normal things -- for "
            "example, many have businesses, \" he said.\n\nAsked whether Nigeria would consider releasing "
            "prisoners, he declined to comment.")
    [a] = list(pipeline.run([Article(id="bh-62", text=text, outlet="The WorldPost")]))
    spans = [(q.start, q.end) for q in a.quotes]
    assert any(text[s:e].lstrip("“").startswith("They are working") for s, e in spans)
    assert len(spans) == len(set(spans)), [(text[s:e][:30], q.cue.slice(text) if q.cue else None)
                                           for (s, e), q in zip(spans, a.quotes)]
