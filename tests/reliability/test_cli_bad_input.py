"""Through the real command line: each bad input is one line on stderr, the rest is stored, exit code 2.

Exit codes (README, ``newsprism --help``): 0 all inputs analysed; 2 some inputs
were rejected (each named once with its reason) while the others were stored;
1 the command itself failed.
"""

from __future__ import annotations

import http.server
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, loopback_server

CLI = [sys.executable, "-m", "newsprism.cli"]

GOOD_1 = "Officials said on Wednesday that the talks would resume next week in Geneva.\n"
GOOD_2 = "The central bank kept its main rate unchanged on Thursday, citing slowing inflation.\n"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "80"}
    env.pop("NEWSPRISM_DEBUG", None)
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, cwd=ROOT, timeout=600, env=env, check=False
    )


def _bad_folder(root: Path) -> tuple[Path, dict[str, str]]:
    """A folder of good and bad inputs; returns it and {source as printed: a piece of its reason}."""
    src = root / "in"
    (src / "sub").mkdir(parents=True)
    (src / "good-1.txt").write_text(GOOD_1, encoding="utf-8")
    (src / "good-2.txt").write_text(GOOD_2, encoding="utf-8")
    (src / "cp1252.txt").write_bytes(
        "Le garçon était très content à Zürich. “Bonjour” – café €20.\n".encode("cp1252")
    )
    (src / "empty.txt").write_bytes(b"")
    (src / "random.txt").write_bytes(random.Random(7).randbytes(4096))
    (src / "nul.txt").write_bytes(b"Text with\x00\x00 NUL bytes in it.\n" * 20)
    (src / "big.txt").write_text("word " * 2000, encoding="utf-8")
    (src / "truncated.json").write_text('{"text": "cut off in the mid', encoding="utf-8")
    (src / "scalar.json").write_text("42", encoding="utf-8")
    (src / "lines.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"id": "line-ok", "text": "A good line about the election results in Lagos."}),
                '{"id": "broken", "text": ',
                json.dumps({"id": "no-text", "title": "Only a title"}),
            ]
        ),
        encoding="utf-8",
    )
    (src / "broken.html").write_text("<html><body><div><p></div></span><<<>>>", encoding="utf-8")
    (src / "a-dup.json").write_text(json.dumps({"id": "same-id", "text": "First version of the story."}))
    (src / "b-dup.json").write_text(json.dumps({"id": "same-id", "text": "A different second version."}))
    (src / "[bold]markup.txt").write_bytes(b"")
    (src / "markup.json").write_text(json.dumps({"text": "Some text.", "published": "[/bold] [red]x"}))
    # File names that are not UTF-8: printed and stored with the odd bytes as \xNN.
    with open(os.fsencode(src) + b"/caf\xe9.txt", "wb") as fh:
        fh.write(GOOD_2.replace("central", "national").encode())
    with open(os.fsencode(src) + b"/empty\xff.txt", "wb"):
        pass
    os.mkfifo(src / "fifo.txt")
    (src / "self.txt").symlink_to(src / "self.txt")
    (src / "dangling.txt").symlink_to(src / "nowhere.txt")
    (src / "sub" / "back").symlink_to(src)
    expected = {
        f"{src}/empty.txt": "empty file",
        f"{src}/random.txt": "binary file",
        f"{src}/nul.txt": "binary file",
        f"{src}/big.txt": "5,000-byte limit (raise it with --max-bytes)",
        f"{src}/truncated.json": "malformed or truncated JSON",
        f"{src}/scalar.json": "expected a JSON object",
        f"{src}/lines.jsonl:2": "malformed JSON",
        f"{src}/lines.jsonl:3": "text: missing",
        f"{src}/broken.html": "no article text",
        f"{src}/b-dup.json": "duplicate id 'same-id' with different text",
        f"{src}/[bold]markup.txt": "empty file",
        f"{src}/markup.json": "cannot read date '[/bold] [red]x'",
        f"{src}/empty\\xff.txt": "empty file",
        f"{src}/fifo.txt": "not a regular file",
        f"{src}/self.txt": "symlink loop",
        f"{src}/dangling.txt": "broken symlink",
        f"{src}/sub/back": "symlink loop",
    }
    return src, expected


def _rejected_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("rejected ")]


def _check_one_line_each(stderr: str, expected: dict[str, str]) -> None:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    lines = _rejected_lines(stderr)
    assert len(lines) == len(expected), "\n".join(lines)
    for source, reason in expected.items():
        hits = [line for line in lines if line.startswith(f"rejected {source}: ")]
        assert len(hits) == 1, (source, lines)
        assert reason in hits[0], hits[0]


def _articles(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT id, text FROM articles ORDER BY id").fetchall()


def test_every_bad_input_is_one_line_and_the_rest_is_stored(tmp_path):
    src, expected = _bad_folder(tmp_path)
    db = tmp_path / "x.db"
    res = run("ingest", str(src), "--db", str(db), "--max-bytes", "5000")
    assert res.returncode == 2, res.stderr
    _check_one_line_each(res.stderr, expected)
    assert "6 added, 17 rejected" in res.stderr
    stored = dict(_articles(db))
    assert set(stored) == {"good-1.txt", "good-2.txt", "cp1252.txt", "line-ok", "same-id", "caf\\xe9.txt"}
    assert stored["cp1252.txt"] == "Le garçon était très content à Zürich. “Bonjour” – café €20."
    assert stored["same-id"] == "First version of the story."  # the first one read is kept

    # The same ingest again stores nothing new and names the same bad inputs again.
    before = _articles(db)
    again = run("ingest", str(src), "--db", str(db), "--max-bytes", "5000")
    assert again.returncode == 2
    _check_one_line_each(again.stderr, expected)
    assert "0 added, 6 already stored, 17 rejected" in again.stderr
    assert _articles(db) == before


def test_an_id_stored_with_other_text_is_refused_on_a_later_run(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "story.txt").write_text(GOOD_1, encoding="utf-8")
    db = tmp_path / "x.db"
    first = run("ingest", str(src), "--db", str(db))
    assert first.returncode == 0, first.stderr  # all inputs good: exit 0, nothing rejected
    assert _rejected_lines(first.stderr) == [] and "1 added" in first.stderr
    (src / "story.txt").write_text(GOOD_2, encoding="utf-8")
    second = run("ingest", str(src), "--db", str(db))
    assert second.returncode == 2
    [line] = _rejected_lines(second.stderr)
    assert "story.txt" in line and "already stored with different text" in line
    assert _articles(db) == [("story.txt", GOOD_1.strip())]


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = (
            b"<html><head><title>Talks</title></head><body><article><p>Officials said on Wednesday that "
            b"the talks would resume next week in Geneva, after a long pause.</p></article></body></html>"
        )
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_page():
    with loopback_server(_Page) as base:
        yield f"{base}/page"


def test_loopback_url_needs_allow_private(tmp_path, local_page):
    db = tmp_path / "x.db"
    res = run("ingest", local_page, "ftp://127.0.0.1/feed.xml", "--db", str(db))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    lines = _rejected_lines(res.stderr)
    assert len(lines) == 2, res.stderr
    assert (
        lines[0].startswith(f"rejected {local_page}: ")
        and "loopback" in lines[0]
        and "--allow-private" in lines[0]
    )
    assert lines[1].startswith("rejected ftp://127.0.0.1/feed.xml: ") and "only http and https" in lines[1]
    ok = run("ingest", local_page, "--db", str(db), "--allow-private")
    assert ok.returncode == 0, ok.stderr
    assert [aid for aid, _ in _articles(db)] == [local_page]
