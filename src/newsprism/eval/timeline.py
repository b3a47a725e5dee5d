"""SemEval-2015 Task 4 (TimeLine) trial set: are gold events anchored to their gold dates?

Layout: ``trial-docs/*.xml`` (tokens with sentence numbers; the document creation time is the
TIMEX3 with ``functionInDocument="CREATION_TIME"``) and ``trial-timelines/*.txt`` (one target
entity per file; lines ``cluster<TAB>date<TAB>doc-sentence-word...``).

Each document is rebuilt as text (tokens joined by spaces, one paragraph per sentence), dated by
its creation time, and run through parse + mentions + times, as the product's pipeline runs them
(the names the mentions stage finds are the events' participants: "Jobs", which spaCy's entities
miss now and then, is the doer an entry is told by). A gold event word is dated by the stage's own
rule for a word (:func:`newsprism.stages.time_words.date_word`, part of the system being measured),
the rule the stage dates its own events by: an expression tied to the word, else the nearest
dated expression of its clause (a year or month refined by a coreferent mention's finer
compatible date), else the date of a coreferent mention dated by an expression in the same or
another trial document (same kind of happening, same named thing acted on: the task's timelines
are cross-document), else the date of a "when" clause it holds or of the happening a perfect
holds "since", else the tense of its clause against the document date and the day its lead
names (a simple past in a report naming no day near publication gets only the document's month;
a future told without a time of its own is at the last future day or month the report named).
A word the stage took as an event trigger gets the stage's date for that event.

Gold words are found in their sentence as written, else case-insensitively, else by the first
word of a multi-word event ("step_down"). The task's format has no weeks: a week the system
gives is read as the month holding its Thursday.

Besides, ``stage_events`` scores what the product's events hold: the share of gold mentions the
stage took as event triggers (``trigger_recall``), the share of those the stage's own event
date gets right (``accuracy``) and their product, the share of all gold mentions the stage
anchors right (``anchored``). The stage applies the word rule's coreference, "when" and "since"
rules inside its article (:func:`newsprism.stages.time_words.corefer_within`); the word rule
above adds, for them, the tellings in other trial documents, which the stage, reading one
article, cannot see. ``timeline`` scores what the product shows: the trial documents grouped
into stories as the product groups them (:func:`newsprism.resolve.stories.group_stories`), one
timeline per story by the product's call (:func:`newsprism.resolve.timeline.story_timelines`: a
story's events re-dated by any report's telling, its own story's first), and the share of gold
mentions whose event an entry holds (one of the events it was merged from) and dates to the gold
date at the gold precision (a happening told at listed times, "an appearance in March and June", is
held by an entry of each, and shown right at either); a gold mention of an unknown date counts as
shown right when the stage took it as an event and no entry places that event on the timeline
(:func:`_shown_right`).

Score: the share of gold event mentions whose system date equals the gold date at the gold
precision; a gold ``XXXX-XX-XX`` (unknown) counts as right when the system leaves it unanchored.
The official timeline F1 is not computed: it needs the task's TimeML conversion and temporal
closure scorer and, for the main track, linking events to the target entity; what is reported
besides accuracy is the pairwise order agreement of dated gold events within each timeline.

Splits: ``trial`` scores every gold mention. ``trial-a`` and ``trial-b`` are its two halves by
the parity of the numeric document id (:func:`half_of`): ``trial-a`` the gold mentions in
documents with an even id (tuned on), ``trial-b`` those with an odd id (held out). The system
still reads every trial document in both halves (its input is the corpus's text, and the
cross-document rule needs the other reports); only the gold mentions scored differ, so A and B
add up to ``trial``. The rule is reported in the JSON as ``split_rule``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..errors import DataMissing
from ..model import Analysis, Article

__all__ = ["HALVES", "evaluate", "half_of", "load_documents", "load_timelines"]

ANCHORS = {
    "minard2015_best_main_track_f1": 7.85,
    "source": "Minard et al. 2015, SemEval-2015 Task 4: TimeLine (best main-track system, F1)",
    "note": "the anchor is timeline F1 on the test set, not date-anchoring accuracy on the trial set",
}


HALVES = {"trial-a": 0, "trial-b": 1}  # split -> parity of the document ids it scores
SPLIT_RULE = "trial-a: gold mentions in documents with an even numeric id; trial-b: odd ids; trial: all"


def half_of(doc_id: str) -> str:
    """The half (``trial-a``/``trial-b``) a trial document's gold mentions are scored in."""
    digits = "".join(c for c in doc_id if c.isdigit())
    return "trial-b" if digits and int(digits) % 2 else "trial-a"


@dataclass
class _Doc:
    doc_id: str
    text: str
    dct: date | None
    offsets: dict[tuple[int, int], int]  # (sentence, token number in sentence) -> char offset
    words: dict[int, list[str]]  # sentence -> its words in order


def load_documents(folder: Path) -> dict[str, _Doc]:
    """Parse the trial XML documents into text, creation date and token offsets."""
    docs: dict[str, _Doc] = {}
    for path in sorted(folder.glob("*.xml")):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as exc:
            raise DataMissing(f"{path}: not valid XML ({exc}); re-copy the SemEval-2015 trial data") from None
        doc_id = root.get("doc_id") or path.name.split("-")[0].split("_")[0]
        by_sent: dict[int, list[str]] = {}
        for tok in root.iter("token"):
            by_sent.setdefault(int(tok.get("sentence", "0")), []).append(tok.text or "")
        dct = None
        for tx in root.iter("TIMEX3"):
            if tx.get("functionInDocument") == "CREATION_TIME" and tx.get("value"):
                try:
                    dct = date.fromisoformat(tx.get("value", "")[:10])
                except ValueError:
                    dct = None
        parts: list[str] = []
        offsets: dict[tuple[int, int], int] = {}
        pos = 0
        for s in sorted(by_sent):
            for k, w in enumerate(by_sent[s]):
                if k:
                    parts.append(" ")
                    pos += 1
                offsets[(s, k)] = pos
                parts.append(w)
                pos += len(w)
            parts.append("\n\n")
            pos += 2
        docs[doc_id] = _Doc(doc_id, "".join(parts), dct, offsets, by_sent)
    return docs


def load_timelines(folder: Path) -> dict[str, list[tuple[int, str, list[tuple[str, int, str]]]]]:
    """Target entity file -> [(cluster, gold date, [(doc id, sentence, word)])]."""
    out: dict[str, list[tuple[int, str, list[tuple[str, int, str]]]]] = {}
    for path in sorted(folder.glob("*.txt")):
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 3 or not cols[0].strip().isdigit():
                continue
            mentions = []
            for m in cols[2:]:
                doc_id, sent, word = m.split("-", 2)
                mentions.append((doc_id, int(sent), word))
            gold = cols[1].strip()
            while gold.endswith("-XX") and not gold.startswith("XXXX"):
                gold = gold[:-3]  # "2008-XX-XX" is the year 2008
            rows.append((int(cols[0]), gold, mentions))
        out[path.stem] = rows
    return out


def _word_index(words: list[str], word: str) -> int | None:
    """Position of a gold event word in its sentence (the first occurrence).

    Gold words keep the case of the text except now and then ("pre-orders" for "Pre-orders"),
    and multi-word events are joined by "_" ("step_down", "showed_off", "taking_out" for
    "taking the iPhone out"): their first word stands for them.
    """
    if word in words:
        return words.index(word)
    lower = [w.lower() for w in words]
    for cand in (word, word.split("_")[0]):
        if cand.lower() in lower:
            return lower.index(cand.lower())
    return None


def _gold_precision(value: str) -> str:
    if value.startswith("XXXX"):
        return "vague"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "vague")


def _task_value(value: str | None, precision: str) -> tuple[str | None, str]:
    """A system date in the task's format: the task has no weeks, so a week is the month holding
    most of it (its Thursday's)."""
    if value is not None and precision == "week":
        from ..stages.temporal import value_range

        thursday = value_range(value)[0] + timedelta(days=3)
        return f"{thursday.year:04d}-{thursday.month:02d}", "month"
    return value, precision


def _system_anchor(
    a: Analysis, offset: int, dct: date | None, index: Any = None
) -> tuple[str | None, str, str]:
    """(value, precision, which rule) for the word at ``offset``, in the task's format."""
    from ..stages.time_words import date_word

    value, precision, rule = date_word(a, offset, index)
    value, precision = _task_value(value, precision)
    return value, precision, rule


def evaluate(
    data_dir: Path,
    split: str = "trial",
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Date-anchoring accuracy of gold events (see module docstring)."""
    from ..stages.mentions import MentionStage
    from ..stages.parse import ParseStage
    from ..stages.time_words import EventIndex
    from ..stages.times import TimeStage

    if split not in ("trial", "dev", *HALVES):
        raise DataMissing(f"split {split!r} is not here: only the trial set is (use --split trial, trial-a or"
                          " trial-b)")
    docs = load_documents(data_dir / "trial-docs")
    timelines = load_timelines(data_dir / "trial-timelines")
    if not docs or not timelines:
        raise DataMissing(f"no trial-docs/trial-timelines under {data_dir}")
    needed = sorted({d for rows in timelines.values() for _, _, ms in rows for d, _, _ in ms if d in docs})
    if limit is not None:
        needed = needed[:limit]
    parse, names, times = ParseStage(), MentionStage(), TimeStage()
    analyses: dict[str, Analysis] = {}
    for k, doc_id in enumerate(needed):
        d = docs[doc_id]
        a = Analysis(article=Article(id=doc_id, text=d.text, published=d.dct))
        analyses[doc_id] = times(names(parse(a)))
        if progress:
            progress(k + 1, len(needed))
    index = EventIndex(list(analyses.values()))
    total = correct = unknown_total = unknown_right = 0
    rules: dict[str, list[int]] = {}
    missing = 0
    in_event = event_right = event_word_right = 0  # gold mentions inside a stage event
    entry_of = _entries_by_event(analyses)
    in_entry = entry_right = 0  # gold mentions whose event a timeline entry holds, and dates right
    unshown_right = 0  # gold mentions of an unknown date whose event no entry places on the timeline
    pair_total = pair_right = 0
    per_timeline: dict[str, float] = {}
    errors: list[str] = []
    for name, rows in timelines.items():
        # every date the gold lists each mention at ("an appearance in March and June" is at both)
        listed: dict[tuple[str, int, str], set[str]] = {}
        for _, gold, mentions in rows:
            for mention in mentions:
                listed.setdefault(mention, set()).add(gold)
        t_total = t_right = 0
        points: list[tuple[str, str | None]] = []  # (gold, system) for dated gold mentions
        for _, gold, mentions in rows:
            for doc_id, sent, word in mentions:
                if doc_id not in analyses or (split in HALVES and half_of(doc_id) != split):
                    continue
                d = docs[doc_id]
                pos = _word_index(d.words.get(sent, []), word)
                if pos is None:
                    missing += 1
                    continue
                off = d.offsets[(sent, pos)]
                value, precision, rule = _system_anchor(analyses[doc_id], off, d.dct, index)
                gp = _gold_precision(gold)
                if gp == "vague":
                    ok = value is None
                    unknown_total += 1
                    unknown_right += ok
                else:
                    ok = value == gold and precision == gp
                    points.append((gold, value))
                ev = next((e for e in analyses[doc_id].events if e.start <= off < e.end), None)
                if ev is not None:
                    ev_value, ev_precision = _task_value(ev.date, ev.precision)
                    in_event += 1
                    event_word_right += ok
                    event_right += (ev_value is None) if gp == "vague" else (
                        ev_value == gold and ev_precision == gp)
                    entries = entry_of.get((doc_id, ev.start), ())
                    in_entry += bool(entries)
                    right = _shown_right(entries, gold, listed[(doc_id, sent, word)])
                    entry_right += right and bool(entries)
                    unshown_right += right and not entries
                total += 1
                correct += ok
                t_total += 1
                t_right += ok
                rules.setdefault(rule, [0, 0])
                rules[rule][0] += 1
                rules[rule][1] += ok
                if not ok and len(errors) < 40:
                    errors.append(f"{name}: {doc_id}-{sent}-{word} gold {gold} system {value} ({rule})")
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                g = _order(points[i][0], points[j][0])
                s = _order(points[i][1], points[j][1])
                pair_total += 1
                pair_right += g == s
        per_timeline[name] = round(t_right / t_total, 4) if t_total else 0.0
    return {
        "evaluation": "timeline",
        "split": split,
        "split_rule": SPLIT_RULE,
        "documents": len(needed),
        "scored_documents": len({d for d in needed if split not in HALVES or half_of(d) == split}),
        "gold_mentions": total,
        "unfound_gold_words": missing,
        "anchoring_accuracy": round(correct / total, 4) if total else 0.0,
        "dated_accuracy": round((correct - unknown_right) / (total - unknown_total), 4)
        if total > unknown_total else 0.0,
        "unknown_accuracy": round(unknown_right / unknown_total, 4) if unknown_total else 0.0,
        "pairwise_order_agreement": round(pair_right / pair_total, 4) if pair_total else 0.0,
        "by_rule": {k: {"mentions": v[0], "correct": v[1]} for k, v in sorted(rules.items())},
        "stage_events": {
            "note": "the gold mentions the times stage took as event triggers (what its timeline holds), "
                    "scored by the date the stage gave the event; word_rule_accuracy is the score above "
                    "on the same mentions (it adds the cross-document coreference and 'since' rules)",
            "trigger_recall": round(in_event / total, 4) if total else 0.0,
            "mentions": in_event,
            "accuracy": round(event_right / in_event, 4) if in_event else 0.0,
            "anchored": round(event_right / total, 4) if total else 0.0,
            "word_rule_accuracy": round(event_word_right / in_event, 4) if in_event else 0.0,
        },
        "timeline": {
            "note": "the trial documents grouped into stories and one timeline built per story, as the "
                    "product does: gold mentions whose event an entry holds (recall), and those whose entry "
                    "has the gold date (accuracy); anchored: the share of all gold mentions the timeline "
                    "shows right, those plus the gold mentions of an unknown date (XXXX-XX-XX) that the "
                    "stage took as events and no entry places on the timeline (unknown_left_out)",
            "recall": round(in_entry / total, 4) if total else 0.0,
            "accuracy": round(entry_right / in_entry, 4) if in_entry else 0.0,
            "unknown_left_out": unshown_right,
            "anchored": round((entry_right + unshown_right) / total, 4) if total else 0.0,
        },
        "per_timeline": per_timeline,
        "errors_sample": errors,
        "timeline_f1": None,
        "timeline_f1_note": "not computed: needs the official TimeML conversion + closure scorer",
        "anchors": ANCHORS,
    }


def _shown_right(entries: Sequence[tuple[str, str]] | None, gold: str, listed: Iterable[str] = ()) -> bool:
    """Does the timeline show a gold mention's event right? ``entries``: (date, precision) of each
    entry holding the event, None or empty when none holds it (a happening told at listed times,
    "an appearance in March and June", is held by an entry of each: the gold lists it at each too).

    Right when one of its entries has the gold date at the gold precision and none is at a date the
    gold does not list the mention at (``listed``: all its gold dates), or, for a gold date the task
    leaves unknown (``XXXX-XX-XX``), when no entry places the event on the timeline: the same convention
    as the word rule's and the stage's scores, which count an unknown gold right when the system
    leaves it unanchored (an entry always has a date, so before, an unknown gold event could never
    be shown right)."""
    gp = _gold_precision(gold)
    if gp == "vague":
        return not entries
    shown = {_task_value(value, precision) for value, precision in entries or ()}
    # an entry at a date the gold does not list the mention at is a wrong date shown, even beside
    # a right one: every entry holding the event must be at one of its gold dates
    allowed = {(g, _gold_precision(g)) for g in {gold, *listed}}
    return (gold, gp) in shown and shown <= allowed


def _entries_by_event(analyses: dict[str, Analysis]) -> dict[tuple[str, int], tuple[tuple[str, str], ...]]:
    """(article, event start) -> (date, precision) of each timeline entry holding that event, in
    timeline order, the timelines built per story as the product builds them.

    The entry's own members say which events it holds (:func:`~newsprism.resolve.timeline.timeline_members`):
    an entry shows an event by its phrase, once per phrase, so two events of one phrase ("Jobs gave
    his annual opening keynote": 'gave' and 'keynote') are one mention of it, and matching the
    mentions back to events by their span found only one of them."""
    from ..resolve.stories import group_stories
    from ..resolve.timeline import story_timelines

    found = list(analyses.values())
    # The product's call (Corpus._timeline): each story built from its own reports, the corpus's
    # re-dating (another report's dated telling of a happening) read by every story's build.
    out: dict[tuple[str, int], tuple[tuple[str, str], ...]] = {}
    for entry, held in story_timelines(found, group_stories(found)):
        for key in dict.fromkeys(held):
            out[key] = (*out.get(key, ()), (entry.date, entry.precision))
    return out


def _order(a: str | None, b: str | None) -> str:
    """before/same/after/unknown between two values by their start days."""
    if a is None or b is None:
        return "unknown"
    from ..stages.temporal import value_range

    x, y = value_range(a)[0], value_range(b)[0]
    if a == b:
        return "same"
    return "before" if x < y else "after" if x > y else "overlap"



