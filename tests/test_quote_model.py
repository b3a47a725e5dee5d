"""The quote model's run-time scoring (role rows found without feature names, the cue model's
sum) gives exactly the numbers of the named features the model was trained on."""

from __future__ import annotations

import csv
from itertools import islice

import numpy as np
import pytest

from conftest import need_data
from newsprism.stages.quote_model import DocView, cue_candidates, cue_features, load_model, role_batch
from newsprism.stages.quotes import find_quote_regions

_TEXTS = [
    ("Iran claimed on Wednesday that the attacks were revenge, according to Iran International. "
     "“We deny it,” a Hamas spokesman said in a statement, calling for calm."),
    ("''I have admiration for the mechanics'' of the Clinton proposals, Mr. Holtz-Eakin said. "
     "''They're more detailed than anything the other side has offered.''"),
    ("The senator, speaking to reporters in Virginia, said she believes the bill will pass, "
     "although aides warned that the vote could slip to next week."),
    ("Police said the suspect, who was arrested Tuesday, told officers he had acted alone; "
     "his lawyer denied that, calling the confession coerced."),
]


def _fnc_bodies(n: int) -> list[str]:
    path = need_data("fnc-1") / "train_bodies.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return [r["articleBody"] for r in islice(csv.DictReader(fh), n)]


def _check_same_scores(nlp: object, texts: list[str]) -> int:
    model = load_model()
    assert model is not None
    n_cues = 0
    for text in texts:
        doc = nlp(text)  # type: ignore[operator]
        v = DocView(doc, [r.outer for r in find_quote_regions(text)], text)
        cands = cue_candidates(v, model.extra_cues, model.known_cues, prune=True)
        if not cands:
            continue
        probs = model.cue_probs([cue_features(v, i) for i in cands])
        # The run time's weights found without names: the very same numbers.
        assert np.array_equal(model.cue_probs_of(v, cands), probs)
        assert np.array_equal(model.cue_probs_of(v, range(v.n)),
                              model.cue_probs([cue_features(v, i) for i in range(v.n)]))
        weight = model.cue.weight
        assert weight is not None  # the one-column cue model is summed in Python, feature by feature
        sums = np.array([sum(weight.get(f, 0.0) for f in cue_features(v, i)) for i in cands])
        assert np.array_equal(probs, 1.0 / (1.0 + np.exp(-sums)))
        for c in cands:
            a, b = v.sents[v.sent_of[c]]
            toks = [t for t in range(max(a, c - 40), min(b, c + 41)) if t != c and not v.space[t]]
            if not toks:
                continue
            lem = v.lemma[c]
            assert np.array_equal(model.role_probs_of(v, c, toks, lem),
                                  model.role_probs(role_batch(v, c, toks, lem)))
            # The whole sentence, the cue itself among its tokens ("self").
            whole = list(range(a, b))
            assert np.array_equal(model.role_probs_of(v, c, whole, lem),
                                  model.role_probs(role_batch(v, c, whole, lem)))
            n_cues += 1
    return n_cues


def test_fast_scores_equal_the_named_features(nlp: object) -> None:
    assert _check_same_scores(nlp, _TEXTS) >= 10


def test_fast_scores_equal_the_named_features_on_news(nlp: object) -> None:
    assert _check_same_scores(nlp, _fnc_bodies(25)) >= 100


def test_fast_scores_equal_the_named_features_on_the_examples(nlp: object) -> None:
    """The repo's own example articles (no gold data needed): whole articles, quotes and all."""
    from pathlib import Path

    texts = [p.read_text(encoding="utf-8")
             for p in sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))]
    assert texts
    assert _check_same_scores(nlp, texts) >= 20


def test_role_rows_take_the_one_pass_on_news_and_the_walks_on_deep_trees(
        nlp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """News trees are shallow enough for the one pass (so the tests above check it); a tree
    deeper than the walks' caps takes the walks, with the same scores."""
    import newsprism.stages.quote_model as qm

    model = load_model()
    assert model is not None
    text = _TEXTS[2]
    v = DocView(nlp(text), [], text)  # type: ignore[operator]
    c = v.lower.index("said")
    toks = list(range(v.n))
    assert v.tree().shallow and model.role_rows.flat(v, c, toks, "say") is not None
    fast = model.role_probs_of(v, c, toks, "say")
    monkeypatch.setattr(qm, "_FLAT_MAX_DEPTH", 1)
    v = DocView(nlp(text), [], text)  # type: ignore[operator]
    assert not v.tree().shallow and model.role_rows.flat(v, c, toks, "say") is None
    assert np.array_equal(model.role_probs_of(v, c, toks, "say"), fast)
    assert np.array_equal(fast, model.role_probs(role_batch(v, c, toks, "say")))


def test_tree_facts_are_the_walks_answers(nlp: object) -> None:
    """speech_above / clause_at: the nearest speech verb above a token's head and the nearest
    clause head at or above it, as a walk up the heads finds them."""
    from newsprism.stages.quote_lexicon import CUE_CLASSES

    for text in _TEXTS:
        v = DocView(nlp(text), [], text)  # type: ignore[operator]
        tree = v.tree()
        for t in range(v.n):
            x, sv = t, -1
            while v.head[x] != x:
                x = v.head[x]
                if v.pos[x] == "VERB" and v.lemma[x] in CUE_CLASSES:
                    sv = x
                    break
            assert tree.speech_above[t] == sv
            x, cl = t, -1
            while True:
                if v.dep[x] in ("advcl", "ccomp", "relcl", "acl", "conj"):
                    cl = x
                    break
                if v.head[x] == x:
                    break
                x = v.head[x]
            assert tree.clause_at[t] == cl
        assert any(s >= 0 for s in tree.speech_above) and any(k >= 0 for k in tree.clause_at)


def test_doc_view_of_empty_and_quoted_docs(nlp: object) -> None:
    v = DocView(nlp(""))  # type: ignore[operator]
    assert v.n == 0 and v.sents == [] and v.commas == [0] and v.speech_before == [0]
    text = "“We deny it,” he said, and left."
    v = DocView(nlp(text), [r.outer for r in find_quote_regions(text)], text)  # type: ignore[operator]
    assert [v.lower[i] for i in range(v.n) if v.inq[i]] == ["“", "we", "deny", "it", ",", "”"]
    assert v.commas[v.n] == 2 and v.speech_before[v.n] == 2  # "deny", "said"
    assert v.sent_of == [0] * v.n and v.sstart[0] and not any(v.sstart[1:])


@pytest.mark.parametrize("lemma", ["say", "claim"])
def test_memo_tables_refill_after_emptying(nlp: object, lemma: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables emptied when they grow past their limit give the same scores once refilled."""
    import newsprism.stages.quote_model as qm

    monkeypatch.setattr(qm, "_MEMO_LIMIT", 2)
    text = f"The minister will {lemma} on Monday that the talks, which began in May, have failed."
    assert _check_same_scores(nlp, [text, text]) >= 2


def test_cue_features_read_the_predicate_the_subject_and_the_speech_above(nlp: object) -> None:
    """A copula's adjective and what it governs ("were worried about", "are afraid that"), the subject's lemma
    ("The implication is ..."), and the class of the speech verb whose report holds a word."""
    text = ("Republicans were worried about the shift. The senator warned that the plan would fail. "
            "Many Democrats are afraid that turnout may be low.")
    v = DocView(nlp(text), [], text)  # type: ignore[operator]
    by = {v.lower[i]: cue_features(v, i) for i in range(v.n)}
    assert {"ka=worried", "lka=be|worried", "kap=about", "ksl=republicans", "sa=-"} <= set(by["were"])
    assert {"ka=afraid", "kac=ccomp", "ksl=democrats"} <= set(by["are"])
    assert "sa=warn" in by["fail"] and "psa=VERB|ccomp" in by["fail"]
    assert "sa=-" in by["warned"] and "ksl=senator" in by["warned"]
    text = "The implication is clear: the determination of the voters is undiminished."
    v = DocView(nlp(text), [], text)  # type: ignore[operator]
    feats = {f for i in range(v.n) for f in cue_features(v, i)}
    assert {"ksl=implication", "ka=clear", "suf=NOUN|ion"} <= feats
    # Neither a verb coordinated with a speech verb nor a parse run on into the next paragraph
    # puts a word inside that verb's report.
    text = ("Anderson largely agreed with McLenny and seemed to think the outreach to black voters was "
            "phony. She said Republican Donald Trump favors a “strongman approach.”\n\nUnder the new "
            "program, people would enroll, receive training and then state and local leaders could call on "
            "their help.")
    v = DocView(nlp(text), [r.outer for r in find_quote_regions(text)], text)  # type: ignore[operator]
    by = {v.lower[i]: cue_features(v, i) for i in range(v.n)}
    assert "sa=-" in by["think"] and "sa=-" in by["call"] and "sa=say" in by["favors"]


def test_a_copula_with_an_attitude_adjective_is_a_cue(nlp: object) -> None:
    """PolNeAR dev: "we are convinced ..." reports a belief (the cue model reads the copula's
    adjective and its clause; v30 found no attribution here)."""
    from newsprism.stages.quotes import extract_attributions

    text = ("After living in different parts of the world, we are convinced this is the only country in "
            "which one can come from zero, work hard and become anything.")
    got = [(text[a.cue[0]:a.cue[1]], text[a.source[0]:a.source[1]] if a.source else None,
            [text[s:e] for s, e in a.outer])
           for a in extract_attributions(nlp(text), (), text=text)]  # type: ignore[operator]
    assert got == [("are convinced", "we", ["this is the only country in which one can come from zero"])]


@pytest.mark.parametrize("text", [
    # PolNeAR dev; neither is an attribution in the gold (an imperative to the reader, a passive
    # with no one pressing), and v30 read both as sourceless acts of the model's weak cues.
    ("Don't forget that your college-age child is capable of earning $6,000 annually by working full time in "
    "the summer and part time during the school year."),
    ("Newspapers, websites and broadcasts that break with the party line are pressured to reverse course, "
    "and, in the worst cases, forced out of business."),
])
def test_a_weak_cue_no_rule_reads_needs_a_source(nlp: object, text: str) -> None:
    from newsprism.stages.quotes import extract_attributions

    model = load_model()
    assert model is not None and model.sourceless_cue_threshold > model.cue_threshold
    assert extract_attributions(nlp(text), (), text=text) == []  # type: ignore[operator]
