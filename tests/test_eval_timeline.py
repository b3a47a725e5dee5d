"""The timeline evaluation on the SemEval-2015 TimeLine trial set, with pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ROOT, need_data
from newsprism.eval.timeline import evaluate, load_documents, load_timelines

BASELINE = json.loads((ROOT / "tests" / "baselines" / "timeline.json").read_text())


def test_gold_files_are_read() -> None:
    data = need_data("semeval2015-timeline")
    docs = load_documents(data / "trial-docs")
    timelines = load_timelines(data / "trial-timelines")
    assert docs["16844"].dct is not None and docs["16844"].dct.isoformat() == "2010-06-08"
    assert "unveiled" in docs["16844"].words[2]
    rows = timelines["iphone_4"]
    assert (2, "2010-06-07", [("16844", 2, "unveiled")]) in rows
    # "2008-XX-XX" style gold is read as the coarser value
    assert all("-XX" not in g for rows in timelines.values() for _, g, _ in rows if not g.startswith("XXX"))


def test_anchoring_floor() -> None:
    data = need_data("semeval2015-timeline")
    result = evaluate(Path(data))
    assert result["gold_mentions"] > 150
    assert result["anchoring_accuracy"] >= BASELINE["anchoring_accuracy"]
    assert result["pairwise_order_agreement"] >= BASELINE["pairwise_order_agreement"]
    # what the product's own timeline holds: the gold mentions the stage took as events, by its dates
    stage = result["stage_events"]
    assert stage["trigger_recall"] >= BASELINE["stage_events_trigger_recall"]
    assert stage["accuracy"] >= BASELINE["stage_events_accuracy"]
    assert stage["mentions"] == round(stage["trigger_recall"] * result["gold_mentions"])
    assert stage["anchored"] >= BASELINE["stage_events_anchored"]
    assert abs(stage["anchored"] - stage["trigger_recall"] * stage["accuracy"]) < 1e-3
    # what the product shows: one timeline per story, gold mentions an entry holds and dates right
    shown = result["timeline"]
    assert shown["recall"] >= BASELINE["timeline_recall"]
    assert shown["anchored"] >= BASELINE["timeline_anchored"]
    assert shown["recall"] <= stage["trigger_recall"]  # an entry holds only the stage's events
    # anchored: the held mentions dated right plus the unknown-date mentions no entry puts on a date
    held = round(shown["recall"] * result["gold_mentions"])
    assert shown["unknown_left_out"] > 0
    assert abs(shown["anchored"] * result["gold_mentions"]
               - (shown["accuracy"] * held + shown["unknown_left_out"])) < 0.5
    assert result["anchors"]["minard2015_best_main_track_f1"] == 7.85


def test_gold_words_are_found_as_the_task_writes_them() -> None:
    from newsprism.eval.timeline import _word_index

    words = ["Pre-orders", "of", "the", "phone", "began", ";", "Jobs", "showed", "off", "it"]
    assert _word_index(words, "began") == 4
    assert _word_index(words, "pre-orders") == 0
    assert _word_index(words, "showed_off") == 7
    assert _word_index(words, "missing") is None


def test_halves_split_the_trial_set_by_document_id_parity() -> None:
    from newsprism.eval.timeline import half_of

    assert half_of("16844") == "trial-a" and half_of("18315") == "trial-b"
    data = need_data("semeval2015-timeline")
    whole = evaluate(Path(data))
    halves = [evaluate(Path(data), split=s) for s in ("trial-a", "trial-b")]
    assert all(h["split_rule"].startswith("trial-a: gold mentions in documents with an even") for h in halves)
    assert sum(h["gold_mentions"] for h in halves) == whole["gold_mentions"]
    assert halves[0]["gold_mentions"] and halves[1]["gold_mentions"]

    def right(r: dict) -> int:
        return sum(v["correct"] for v in r["by_rule"].values())

    assert right(halves[0]) + right(halves[1]) == right(whole)
    assert halves[0]["anchoring_accuracy"] >= BASELINE["trial_a_anchoring_accuracy"]
    assert halves[1]["anchoring_accuracy"] >= BASELINE["trial_b_anchoring_accuracy"]
    # the product's timeline on each half: tuned on trial-a, trial-b held out
    assert halves[0]["timeline"]["anchored"] >= BASELINE["trial_a_timeline_anchored"]
    assert halves[1]["timeline"]["anchored"] >= BASELINE["trial_b_timeline_anchored"]
    assert halves[0]["scored_documents"] + halves[1]["scored_documents"] == whole["documents"]


def test_an_entry_holds_both_events_of_one_phrase() -> None:
    # SemEval trial document 1664: "Steve Jobs gave his annual opening keynote to the World Wide
    # Developers Conference ... on Monday" is the occurrence "gave" and the gold event "keynote", one
    # phrase, which the entry holding both shows once. Both are the entry's events: matching the
    # entry's mentions back to events by their span found only "gave", and the gold "keynote" was
    # scored as held by no entry.
    from newsprism.eval.timeline import _entries_by_event
    from newsprism.model import Analysis, Article
    from newsprism.pipeline import Pipeline

    doc = load_documents(need_data("semeval2015-timeline") / "trial-docs")["1664"]
    (a,) = Pipeline.from_names(["parse", "mentions", "times"]).run(
        [Article(id="1664", text=doc.text, published=doc.dct)])
    assert isinstance(a, Analysis)
    gave = a.text.index("gave his annual")
    keynote = a.text.index("keynote", gave)
    held = _entries_by_event({"1664": a})
    assert held.get(("1664", gave)) == (("2005-06-06", "day"),), held
    assert held.get(("1664", keynote)) == (("2005-06-06", "day"),), held


def test_an_unknown_gold_date_is_shown_right_when_no_entry_dates_its_event() -> None:
    # The task leaves some events undated (XXXX-XX-XX: "the decision to proceed with iPhone 4
    # development"); the word and stage scores count those right when the system leaves them
    # unanchored. An entry always has a date, so the timeline shows such an event right only by
    # placing no entry on it; before, it could never be right, whatever the timeline did.
    from newsprism.eval.timeline import _shown_right

    assert _shown_right(None, "XXXX-XX-XX")
    assert not _shown_right((("2010-06-07", "day"),), "XXXX-XX-XX")
    assert _shown_right((("2010-06-07", "day"),), "2010-06-07")
    assert not _shown_right((("2010-06", "month"),), "2010-06-07")  # the gold precision too
    assert not _shown_right(None, "2010-06-07")
    assert _shown_right((("2010-W23", "week"),), "2010-06")  # a week is the month of its Thursday


def test_a_happening_on_two_entries_is_shown_right_at_either_date() -> None:
    # "He briefly made an appearance in March and June" is on an entry of each month (the timeline's
    # _conjoined), and the gold lists the mention at each: both are shown, neither hides the other
    from newsprism.eval.timeline import _shown_right

    both = (("2011-03", "month"), ("2011-06", "month"))
    listed = {"2011-03", "2011-06"}
    assert _shown_right(both, "2011-03", listed) and _shown_right(both, "2011-06", listed)
    assert not _shown_right(both, "2011-04", listed | {"2011-04"})
    assert not _shown_right(both, "XXXX-XX-XX", listed)


def test_a_happening_also_shown_at_a_date_the_gold_does_not_list_is_not_right() -> None:
    # a right entry does not make up for a wrong one beside it: the timeline shows the happening at a
    # date it did not happen at (the gold lists the mention at March only)
    from newsprism.eval.timeline import _shown_right

    both = (("2011-03", "month"), ("2011-06", "month"))
    assert not _shown_right(both, "2011-03", {"2011-03"})
    assert _shown_right((("2011-03", "month"),), "2011-03", {"2011-03"})
