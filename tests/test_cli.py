"""End to end through the command line: the seeds, the JSON contract, errors, re-runs, escaping."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, SEED_000, SEED_004

CLI = [sys.executable, "-m", "newsprism.cli"]


def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], check=False, capture_output=True, text=True, cwd=cwd, input=stdin,
                          timeout=600)


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seeds")
    db, js, html, md = tmp / "n.db", tmp / "out.json", tmp / "r.html", tmp / "r.md"
    res = run("analyze", str(EXAMPLES), "--db", str(db), "--json", str(js), "--html", str(html),
              "--md", str(md))
    assert res.returncode == 0, res.stderr
    return {"db": db, "doc": json.loads(js.read_text()), "html": html.read_text(), "md": md.read_text(),
            "stdout": res.stdout, "stderr": res.stderr}


def test_seeds_one_story_dates_and_clean_text(seeds_run):
    doc = seeds_run["doc"]
    assert doc["schema"] == "newsprism/1"
    assert set(doc) >= {"articles", "stories", "entities", "quotes", "claims", "timeline"}
    arts = {a["id"]: a for a in doc["articles"]}
    a0, a4 = arts[SEED_000.name], arts[SEED_004.name]
    assert (a0["published"], a0["published_inferred"], a0["author"]) == ("2023-12-27", False, "Jake Smith")
    assert (a4["published"], a4["published_inferred"]) == ("2023-12-27", True)
    assert a0["outlet"] is None and a4["outlet"] is None  # unknown stays unknown
    assert "pic.twitter.com" not in a0["text"] and "@DailyCaller" not in a0["text"]
    assert "WANA" not in a4["text"] and "With information from" not in a4["text"]
    assert {r["kind"] for r in a4["removed"]} >= {"caption", "credit-line"}
    assert a4["credits"] == ["Europa Press", "AFP"]
    assert len(doc["stories"]) == 1
    assert sorted(doc["stories"][0]["articles"]) == sorted(arts)
    assert set(doc["stories"][0]["comparison"]) >= {"shared", "unique", "conflicts", "wording"}


def test_every_span_in_the_export_slices_its_article(seeds_run):
    doc = seeds_run["doc"]
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    removed = {a["id"]: a["removed"] for a in doc["articles"]}
    for e in doc["entities"]:
        for m in e["mentions"]:
            assert texts[m["article"]][m["start"]:m["end"]] == m["text"]
    for q in doc["quotes"]:
        # a quote in an embedded post points into that post's text
        text = texts[q["article"]] if q["embed"] is None else removed[q["article"]][q["embed"]]["text"]
        assert text[q["start"]:q["end"]] == q["text"]
        if q["speaker"] and q["speaker"]["start"] is not None:
            assert text[q["speaker"]["start"]:q["speaker"]["end"]] == q["speaker"]["text"]
        for v in q["via"]:
            assert v["end"] == v["start"] or text[v["start"]:v["end"]] == v["name"]
    for c in doc["claims"]:
        assert texts[c["article"]][c["start"]:c["end"]] == c["text"]
    for t in doc["timeline"]:
        for m in t["mentions"]:
            assert texts[m["article"]][m["start"]:m["end"]] == m["text"]


def test_seed_000_trump_cpac_words_from_the_embedded_post(seeds_run):
    # The cleaner keeps the Daily Caller's embedded tweet out of the article's text; Trump's words
    # in it are still his quote, relayed by the post's author, with offsets into the post.
    doc = seeds_run["doc"]
    [a0] = [a for a in doc["articles"] if a["id"] == SEED_000.name]
    [q] = [q for q in doc["quotes"] if "but we took that son of a bitch out" in q["text"]]
    assert q["article"] == a0["id"] and a0["removed"][q["embed"]]["kind"] == "embed"
    assert q["speaker"]["text"] == "Trump" and q["cue"] == "says" and q["kind"] == "direct"
    [trump] = [e for e in doc["entities"] if e["id"] == q["speaker"]["entity"]]
    assert trump["name"] == "Donald Trump"  # the post's "Trump" is the article's "Donald Trump"
    assert [v["name"] for v in q["via"]] == ["Daily Caller"]
    listed = run("quotes", "--db", str(seeds_run["db"]), "--speaker", "Trump")
    assert listed.returncode == 0, listed.stderr
    assert "but we took that son of a bitch out" in listed.stdout and "via Daily Caller" in listed.stdout
    assert "(in an embedded post)" in listed.stdout
    assert "son of a bitch" not in a0["text"]  # the post stays out of the analysed text


def test_quotes_by_speaker_match_the_entity_the_listing_shows(seeds_run):
    # The speaker filter reads the entity a speaker resolves to, as the listing and JSON do: the
    # post's "Trump" is the article's "Donald Trump", 004's "Iranian Revolutionary Guard" the IRGC.
    by_name = run("quotes", "--db", str(seeds_run["db"]), "--speaker", "Donald Trump")
    assert by_name.returncode == 0, by_name.stderr
    out = " ".join(by_name.stdout.split())
    assert "Trump (says): “but we took that son of a bitch out" in out
    irgc = " ".join(run("quotes", "--db", str(seeds_run["db"]), "--speaker", "IRGC").stdout.split())
    assert "[004_b0a8d3d4ea4ee59b.txt] Iranian Revolutionary Guard (stated)" in irgc


def test_seed_timeline_and_terminal_summary(seeds_run):
    dates = {t["date"] for t in seeds_run["doc"]["timeline"]}
    assert {"2023-10-07", "2023-12-25", "2023-12-27", "2020-02-29"} <= dates
    assert any(d.startswith("2020-01") for d in dates)
    assert "Story 1" in seeds_run["stdout"] and "2 added" in seeds_run["stderr"]


def test_reports_escape_and_are_self_contained(seeds_run):
    html = seeds_run["html"]
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html), "report must not load anything"
    assert "Content-Security-Policy" in html
    assert "Qasem Soleimani" in html or "Qassem Soleimani" in html
    assert seeds_run["md"].startswith("# newsprism report")


def test_conflicting_claims_name_their_sentences(seeds_run):
    # Iran asserts the revenge claim in two sentences of the Daily Caller piece: each line of the
    # conflict shows its own sentence, so the two are told apart and found in the article.
    out = " ".join(seeds_run["stdout"].split())
    assert "asserts Iran: Iran is claiming the Oct. 7 Hamas attacks" in out
    assert "asserts Iran: Iran claimed on Wednesday that the Oct. 7 attacks" in out
    assert "denies Hamas: Hamas denied the IRGC’s statement" in out
    md = seeds_run["md"]
    assert "- denies: Hamas: Subsequently, Hamas denied the Iranian version" in md


def test_conflicting_claims_say_who_when_the_words_do_not(seeds_run):
    # "said a statement from the terrorist group" (EFE's piece) resolves to Hamas: the conflict
    # says so, in the Markdown and the HTML report, with the article's words after the name, as
    # the terminal does for "an IRGC spokesperson"; words that name their entity are shown as they are.
    out = " ".join(seeds_run["stdout"].split())
    md, html = seeds_run["md"], seeds_run["html"]
    assert "denies: Hamas \\(a statement from the terrorist group\\):" in md
    assert "Hamas (a statement from the terrorist group)" in html
    assert "asserts: Islamic Revolutionary Guard Corp \\(an IRGC spokesperson\\):" in md
    assert "asserts Islamic Revolutionary Guard Corp (an IRGC spokesperson):" in out
    assert "denies Hamas (a statement from the terrorist group):" in out
    assert "denies Hamas: Hamas denied the IRGC’s statement" in out


def test_summary_says_what_it_left_out(seeds_run):
    # The summary lists 8 of the story's quotes (what was said): the rest are counted, with the
    # command that lists them all, and that command does list them; the other attributions (beliefs,
    # plans, perceptions, acts) are counted with the command that lists them too.
    doc, out = seeds_run["doc"], " ".join(seeds_run["stdout"].split())
    story = doc["stories"][0]["id"]
    quotes = sum(q["category"] == "speech" for q in doc["quotes"])
    others = len(doc["quotes"]) - quotes
    assert quotes > 8
    assert f"… {quotes - 8} more: newsprism quotes --story {story}" in out
    assert (f"Other attributions {others} (" in out) == (others > 0)
    listed = run("quotes", "--db", str(seeds_run["db"]), "--story", story)
    assert listed.returncode == 0, listed.stderr
    assert len(re.findall(r"^\[\d{3}_\w+\.txt\] ", listed.stdout, re.MULTILINE)) == quotes
    every = run("quotes", "--db", str(seeds_run["db"]), "--story", story, "--all")
    assert len(re.findall(r"^\[\d{3}_\w+\.txt\] ", every.stdout, re.MULTILINE)) == quotes + others
    # The timeline fits: no count line. The embedded post's entry names its article in its
    # description, not in an empty "()".
    assert "more: newsprism timeline" not in out
    assert "(embedded post in 000_75d8648a647aa147.txt) ()" not in out
    assert "(embedded post in 000_75d8648a647aa147.txt)" in out


def test_ingest_tells_of_articles_older_stages_analysed(seeds_run, tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(seeds_run["db"], db)
    con = sqlite3.connect(db)
    (stages,) = con.execute("SELECT stages FROM analyses LIMIT 1").fetchone()
    older = json.dumps([s.replace("quotes.v", "quotes.v0") for s in json.loads(stages)])
    # as an earlier release would have stored it: the column and the analysis's own record
    con.execute("UPDATE analyses SET stages=?, data=json_set(data, '$.stages', json(?))"
                " WHERE rowid=(SELECT MIN(rowid) FROM analyses)", (older, older))
    con.commit()
    con.close()
    res = run("ingest", str(EXAMPLES), "--db", str(db))
    assert res.returncode == 0, res.stderr
    assert "1 stored article was analysed by older stage versions" in " ".join(res.stderr.split())
    res = run("reanalyze", "--db", str(db))
    assert "1 re-analysed" in res.stderr
    res = run("ingest", str(EXAMPLES), "--db", str(db))
    assert "older stage versions" not in res.stderr


def test_reingest_changes_nothing(seeds_run, tmp_path):
    db = tmp_path / "copy.db"
    shutil.copy(seeds_run["db"], db)

    def snapshot():
        con = sqlite3.connect(db)
        rows = (con.execute("SELECT id, hash, data FROM articles ORDER BY id").fetchall(),
                con.execute("SELECT article_id, data FROM analyses ORDER BY article_id").fetchall(),
                con.execute("SELECT id, data FROM stories ORDER BY id").fetchall())
        con.close()
        return rows

    before = snapshot()
    res = run("ingest", str(EXAMPLES), "--db", str(db))
    assert res.returncode == 0, res.stderr
    assert "0 added, 2 already stored" in res.stderr
    assert snapshot() == before


def test_bad_inputs_are_named_and_the_rest_is_processed(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED_000, src / SEED_000.name)
    (src / "empty.txt").write_text("")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02" * 200)
    (src / "broken.json").write_text('{"text": "unterminated')
    (src / "latin1.txt").write_bytes(
        "Le président a déclaré que la réunion aura lieu à Paris.".encode("latin-1")
    )
    res = run("ingest", str(src), "--db", str(tmp_path / "n.db"))
    assert res.returncode == 2
    err = res.stderr
    for name in ("empty.txt", "binary.txt", "broken.json"):
        assert name in err
    assert "Traceback" not in err
    assert "2 added" in err  # the seed and the latin-1 file


def test_user_mistakes_are_one_line(tmp_path, seeds_run):
    res = run("show", "no-such-story", "--db", str(seeds_run["db"]))
    assert res.returncode == 1 and "no story 'no-such-story'" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    res = run("stories", "--db", str(tmp_path / "absent.db"))
    assert res.returncode == 1 and "no such store" in res.stderr and "Traceback" not in res.stderr
    res = run("quotes", "--db", str(SEED_000))  # an article given where the store goes
    assert res.returncode == 1 and "not a newsprism store" in res.stderr and SEED_000.name in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "bug" not in res.stderr
    res = run("export", "--format", "xml", "--db", str(seeds_run["db"]))
    # A wrong option value is a usage error (exit 2, as README documents), naming the choices.
    assert res.returncode == 2 and "unknown format 'xml'" in res.stderr and "parquet" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    res = run("analyze", str(tmp_path / "nothing-here"), "--db", str(tmp_path / "x.db"), "-q")
    assert res.returncode == 2 and "nothing-here" in res.stderr and "Traceback" not in res.stderr


def test_query_commands(seeds_run):
    db = str(seeds_run["db"])
    story = seeds_run["doc"]["stories"][0]["id"]
    res = run("stories", "--db", db)
    assert res.returncode == 0 and story in res.stdout
    res = run("show", story, "--db", db)
    assert res.returncode == 0 and "Story 1" in res.stdout
    res = run("entities", "--db", db, "--story", story)
    assert res.returncode == 0 and "Soleimani" in res.stdout
    res = run("quotes", "--db", db, "--speaker", "Hamas")
    assert res.returncode == 0 and "Hamas" in res.stdout
    res = run("timeline", "--db", db)
    assert res.returncode == 0 and "2023-12-25" in res.stdout
    res = run("export", "--db", db)
    assert res.returncode == 0 and json.loads(res.stdout)["schema"] == "newsprism/1"


def test_stdin_input(tmp_path):
    text = SEED_000.read_text(encoding="utf-8")
    res = run("ingest", "-", "--db", str(tmp_path / "n.db"), stdin=text)
    assert res.returncode == 0, res.stderr
    assert "1 added" in res.stderr


def test_check_names_who_asserts_and_who_denies(seeds_run):
    """One line per article: the stance, its confidence, the article, who holds it, the evidence."""
    claim = "The Oct. 7 attacks were revenge for the killing of Soleimani"
    res = run("check", claim, "--db", str(seeds_run["db"]))
    assert res.returncode == 0, res.stderr
    lines = [ln for ln in res.stdout.splitlines() if ln.startswith("  ") and "unrelated:" not in ln]
    assert re.match(r"  denies +0\.\d\d  \S+  Hamas: ", lines[0]), res.stdout
    irgc = re.compile(r"  asserts +0\.\d\d  \S+  .*Revolutionary Guard.*: ")
    assert any(irgc.match(ln) for ln in lines), res.stdout
