"""Bad input: each bad file gives exactly one clear InputError, and the good file beside it is still read."""

from __future__ import annotations

import json
import os
import random
import threading

import pytest

from newsprism.errors import InputError
from newsprism.ingest import IngestOptions, read_inputs
from newsprism.model import Article

GOOD = "Officials said on Wednesday that the talks would resume next week in Geneva.\n"


def _write(path, content) -> None:
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)


def _random_bytes(n: int) -> bytes:
    return random.Random(1234).randbytes(n)


CASES = [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n\t \r\n", "empty file"),
    ("random.txt", _random_bytes(4096), "binary file"),
    ("nul.txt", b"Some text\x00\x00\x00 with NUL bytes" * 10, "binary file"),
    ("image.html", b"\x89PNG\r\n\x1a\n" + _random_bytes(600), "binary file"),
    ("truncated.json", '{"text": "Cut off in the mid', "truncated JSON"),
    ("list-of-numbers.json", "[1, 2, 3]", "expected a JSON object"),
    ("scalar.json", '"just a string"', "expected a JSON object or a list"),
    ("broken.html", "<html><body><div><p></div></span><<<>>>", "no article text"),
    ("scripts-only.html", "<html><script>var a = 1;</script><style>p {}</style></html>", "no article text"),
    ("nofeed.rss", "<rss><channel><title>Empty</title></channel></rss>", "feed has no entries"),
    ("garbage.xml", "<<<not xml at all", "not an RSS/Atom feed"),
    ("header-only.txt", " date 2023-12-27 By Jake Smith\n\n", "no article text"),
    ("captions-only.txt", "A man walks by (Reuters)\n\n(AP Photo/Jane Doe)\n", "no article text"),
    ("deep.json", "[" * 5000 + "]" * 5000, "JSON"),
    ("book.txt", "A sentence of a long book. " * 40_000, "over the 1,000,000-character limit of one article"),
]


@pytest.mark.parametrize("name, content, reason", CASES, ids=[c[0] for c in CASES])
def test_one_error_per_bad_file_and_the_good_one_is_read(tmp_path, name, content, reason):
    _write(tmp_path / "good.txt", GOOD)
    _write(tmp_path / name, content)
    items = list(read_inputs([str(tmp_path)]))
    errors = [x for x in items if isinstance(x, InputError)]
    articles = [x for x in items if isinstance(x, Article)]
    assert [a.id for a in articles] == ["good.txt"]
    assert len(errors) == 1, errors
    [err] = errors
    assert err.source == str(tmp_path / name)
    assert reason in err.reason, err.reason
    assert str(err).startswith(f"{tmp_path / name}: ")
    assert "\n" not in str(err) and "Traceback" not in str(err)


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("latin-1", "Le garçon était très content à Zürich. Ça va, señor Muñoz?\n"),
        ("cp1252", "He said “hello” – and left… The café’s owner paid €20.\n"),
        ("utf-16", "Unicode text with a BOM: Qassem Soleimani, “revenge”.\n"),
        ("utf-8-sig", "UTF-8 with a byte-order mark: naïve café.\n"),
        ("cp1251", "Привет, как дела? Это обычный новостной текст о переговорах в Женеве.\n"),
    ],
)
def test_legacy_encodings_are_decoded(tmp_path, encoding, text):
    (tmp_path / "legacy.txt").write_bytes(text.encode(encoding))
    [a] = list(read_inputs([str(tmp_path / "legacy.txt")]))
    assert isinstance(a, Article), a
    assert a.text == text.strip()


def test_nfc_and_newlines(tmp_path):
    (tmp_path / "nfd.txt").write_bytes("Cafe\u0301 opens.\r\n\r\nSecond paragraph.\rThird line.".encode())
    [a] = list(read_inputs([str(tmp_path / "nfd.txt")]))
    assert a.text == "Caf\u00e9 opens.\n\nSecond paragraph.\nThird line."


def test_jsonl_bad_lines_and_lines_without_text(tmp_path):
    lines = [
        json.dumps({"id": "ok-1", "text": "Good line one."}),
        '{"id": "bad", "text": "unterminated',
        json.dumps({"id": "no-text", "title": "Only a title"}),
        json.dumps({"id": "blank-text", "text": "   "}),
        json.dumps({"id": "num-text", "text": 42}),
        json.dumps({"id": "ok-2", "text": "Good line two."}),
    ]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = list(read_inputs([str(tmp_path / "mixed.jsonl")]))
    assert [x.id for x in items if isinstance(x, Article)] == ["ok-1", "ok-2"]
    errors = [x for x in items if isinstance(x, InputError)]
    assert [e.line for e in errors] == [2, 3, 4, 5]
    assert all(e.source == str(tmp_path / "mixed.jsonl") for e in errors)
    assert all("text" in e.reason for e in errors[1:])


def test_oversized_file_names_the_limit_and_the_option(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "huge.txt").write_text("word " * 3000, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], IngestOptions(max_bytes=1000)))
    [err] = [x for x in items if isinstance(x, InputError)]
    assert err.source == str(tmp_path / "huge.txt")
    assert "1,000-byte limit" in err.reason and "--max-bytes" in err.reason
    assert [x.id for x in items if isinstance(x, Article)] == ["good.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file: chmod 000 cannot fail here")
def test_unreadable_file(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        items = list(read_inputs([str(tmp_path)]))
    finally:
        locked.chmod(0o644)
    [err] = [x for x in items if isinstance(x, InputError)]
    assert err.source == str(locked) and "permission denied" in err.reason


def test_dangling_symlink(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "does-not-exist.txt")
    items = list(read_inputs([str(tmp_path)]))
    [err] = [x for x in items if isinstance(x, InputError)]
    assert err.source == str(tmp_path / "gone.txt") and "broken symlink" in err.reason
    assert [x.id for x in items if isinstance(x, Article)] == ["good.txt"]


def test_self_symlink_loop(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    items = list(read_inputs([str(tmp_path)]))
    [err] = [x for x in items if isinstance(x, InputError)]
    assert err.source == str(tmp_path / "self.txt") and "symlink loop" in err.reason


def test_directory_symlink_loop_is_reported_once(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner.txt").write_text("Inner article text.", encoding="utf-8")
    (tmp_path / "sub" / "back").symlink_to(tmp_path)
    items = list(read_inputs([str(tmp_path)]))
    [err] = [x for x in items if isinstance(x, InputError)]
    assert err.source == str(tmp_path / "sub" / "back") and "symlink loop" in err.reason
    assert [x.id for x in items if isinstance(x, Article)] == ["good.txt", "inner.txt"]


def test_directory_named_like_a_file_and_missing_paths(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    items = list(read_inputs([str(tmp_path / "folder.txt"), str(tmp_path / "missing.txt"), str(tmp_path)]))
    errors = [x for x in items if isinstance(x, InputError)]
    assert [e.source for e in errors] == [str(tmp_path / "folder.txt"), str(tmp_path / "missing.txt")]
    assert "no input files found" in errors[0].reason
    assert errors[1].reason == "no such file"
    assert [x.id for x in items if isinstance(x, Article)] == ["good.txt"]


def test_special_file_is_refused(tmp_path):
    [err] = list(read_inputs(["/dev/null"]))
    assert isinstance(err, InputError) and err.reason == "not a regular file"


def test_symlinks_not_followed_when_asked(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real" / "a.txt")
    items = list(read_inputs([str(tmp_path)], IngestOptions(follow_symlinks=False)))
    assert [x.id for x in items] == ["a.txt"]


# -------------------------------------------------------------------- files that cannot be read, even by root


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="needs Linux /proc")
def test_file_whose_read_fails(tmp_path):
    """Opening /proc/self/mem works for anyone, but reading it at offset 0 fails (EIO) — even for root."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "mem.txt").symlink_to("/proc/self/mem")
    items = list(read_inputs([str(tmp_path)]))
    [err] = [x for x in items if isinstance(x, InputError)]
    assert err.source == str(tmp_path / "mem.txt")
    assert err.reason.startswith("cannot read (") and "Input/output error" in err.reason
    assert [x.id for x in items if isinstance(x, Article)] == ["good.txt"]


def test_path_whose_open_fails(tmp_path):
    """A path through a file, as if it were a folder: open fails with ENOTDIR whoever runs it."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "good.txt" / "inner.txt"
    items = list(read_inputs([str(bad), str(tmp_path / "good.txt")]))
    assert isinstance(items[0], InputError) and items[0].source == str(bad)
    assert items[0].reason == "cannot read (Not a directory)"
    assert isinstance(items[1], Article)


def test_named_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    """Opening a FIFO blocks until someone writes; the reader must refuse it instead of hanging."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result: list[object] = []
    worker = threading.Thread(
        target=lambda: result.extend(read_inputs([str(fifo), str(tmp_path / "good.txt")])), daemon=True
    )
    worker.start()
    worker.join(120)  # a hang guard, not a speed limit
    if worker.is_alive():  # unblock the reader so the test run can go on, then fail
        with open(fifo, "wb"):
            pass
        pytest.fail("reading a named FIFO blocked waiting for a writer")
    err, art = result
    assert isinstance(err, InputError) and err.source == str(fifo) and err.reason == "not a regular file"
    assert isinstance(art, Article)


# ----------------------------------------------------------------- regressions found by bench/fuzz_parsers.py


def test_json_metadata_is_scrubbed_of_nul_and_controls(tmp_path):
    record = {
        "id": "a\u0000b",
        "text": "Body \u0000 with\u0007 controls.",
        "title": "Ti\u0000tle\u001b[31m",
        "author": "\u0000",
        "outlet": "Wire\u0085Co",
    }
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    [a] = list(read_inputs([str(tmp_path / "a.json")]))
    assert isinstance(a, Article), a
    assert a.id == "a b" and a.text == "Body with controls."
    assert a.title == "Ti tle [31m" and a.author is None and a.outlet == "Wire Co"
    for value in (a.id, a.text, a.title, a.outlet):
        assert not any(ord(ch) < 32 and ch != "\n" for ch in value)


def test_uncleaned_text_is_scrubbed_too():
    from newsprism.ingest.records import parse_jsonl

    [a] = list(parse_jsonl('{"text": "One\\u0000two \\u0007three"}', "s.jsonl", "s.jsonl", clean=False))
    assert a.text == "One two  three"


def test_txt_title_line_with_control_characters():
    from newsprism.ingest.txt import parse_txt

    a = parse_txt("\x07Talks \x00resume\n\nOfficials said the talks would resume.", "t.txt", "t.txt")
    assert a.title == "Talks resume" and a.text == "Officials said the talks would resume."


def test_lone_surrogates_become_replacement_characters():
    """A str from Python may hold a lone surrogate, which cannot be written as UTF-8 into the store."""
    from newsprism.ingest.clean import clean_text
    from newsprism.ingest.txt import parse_txt

    assert clean_text("bad \ud800 char").text == "bad \ufffd char"
    a = parse_txt("Title \udfff here\n\nBody \ud800 text.", "t.txt", "t.txt")
    assert a.title == "Title \ufffd here" and a.text == "Body \ufffd text."


def test_feed_title_with_nul_is_scrubbed():
    from newsprism.ingest.feeds import parse_feed

    data = (
        b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>\x00Atom News</title>"
        b"<entry><id>urn:1</id><title type='html'>A \x00&lt;b&gt;bold&lt;/b&gt; title</title>"
        b"<content type='html'>&lt;p&gt;Officials said the talks resume.&lt;/p&gt;</content></entry></feed>"
    )
    items = list(parse_feed(data, "f.atom", "f.atom"))
    [a] = [x for x in items if isinstance(x, Article)]
    for value in (a.title, a.outlet, a.text):
        assert value is None or "\x00" not in value


def test_html_fragment_with_nul():
    from newsprism.ingest.html import html_to_text

    assert html_to_text("<p>\x00one</p><p>two\x07</p>") == "one\n\ntwo"


def test_malformed_json_message_reads_well(tmp_path):
    (tmp_path / "t.json").write_text('{"text": "cut off', encoding="utf-8")
    [err] = list(read_inputs([str(tmp_path / "t.json")]))
    assert err.reason == "malformed or truncated JSON (Unterminated string starting at; line 1, column 10)"


@pytest.fixture
def deep_tree(tmp_path):
    """1,500 nested folders, removed bottom-up afterwards: pytest's own recursive clean-up cannot remove
    them."""
    top = tmp_path / "deep"
    top.mkdir()
    folders = []
    current = str(top)
    for _ in range(1500):
        current = os.path.join(current, "d")
        os.mkdir(current)
        folders.append(current)
    bottom = os.path.join(current, "bottom.txt")
    try:
        yield top, bottom
    finally:
        if os.path.exists(bottom):
            os.remove(bottom)
        for folder in reversed(folders):
            os.rmdir(folder)


def test_very_deep_folder_tree_is_read_without_recursion(deep_tree):
    """Deeper than Python's recursion limit: the recursive walk raised RecursionError; now a stack is used."""
    top, bottom = deep_tree
    with open(bottom, "w", encoding="utf-8") as fh:
        fh.write(GOOD)
    (top / "top.txt").write_text("Another article at the top of the tree.", encoding="utf-8")
    items = list(read_inputs([str(top)]))
    assert [x.id for x in items] == ["bottom.txt", "top.txt"]


def test_two_links_pointing_at_each_other(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    items = list(read_inputs([str(tmp_path)]))
    errors = [x for x in items if isinstance(x, InputError)]
    assert [e.source for e in errors] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert all(e.reason.startswith("symlink loop") for e in errors)
    assert [x.id for x in items if isinstance(x, Article)] == ["good.txt"]


def test_file_names_that_are_not_utf8(tmp_path):
    """Found through the CLI: a Latin-1 file name crashed the store (a lone surrogate cannot be written)."""
    folder = os.fsencode(tmp_path)
    with open(folder + b"/caf\xe9.txt", "wb") as fh:
        fh.write(GOOD.encode())
    with open(folder + b"/empty\xff.txt", "wb"):
        pass
    items = list(read_inputs([str(tmp_path)]))
    [art] = [x for x in items if isinstance(x, Article)]
    [err] = [x for x in items if isinstance(x, InputError)]
    assert art.id == "caf\\xe9.txt" and art.origin == f"{tmp_path}/caf\\xe9.txt"
    assert err.source == f"{tmp_path}/empty\\xff.txt" and err.reason == "empty file"
    for value in (art.id, art.origin, str(err)):
        value.encode("utf-8")  # raises on a lone surrogate


def test_jsonl_line_with_a_huge_number_does_not_stop_the_file(tmp_path):
    """Python refuses integers of more than 4,300 digits with ValueError, not a JSON error: it ended the
    file."""
    lines = [
        json.dumps({"id": "one", "text": "First good line."}),
        '{"id": 1' + "0" * 5000 + ', "text": "x"}',
        json.dumps({"id": "three", "text": "Third good line."}),
    ]
    (tmp_path / "big-number.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "big-number.json").write_text('[{"text": "x", "n": ' + "9" * 5000 + "}]", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [x.id for x in items if isinstance(x, Article)] == ["one", "three"]
    errors = [x for x in items if isinstance(x, InputError)]
    assert [(e.source, e.line) for e in errors] == [
        (str(tmp_path / "big-number.json"), None),
        (str(tmp_path / "big-number.jsonl"), 2),
    ]
    assert all("number too long" in e.reason for e in errors)


def test_raw_line_separators_inside_json_strings(tmp_path):
    """U+2028, U+2029 and NEL are legal inside JSON strings; folding them to newlines split JSONL records."""
    record = {"id": "sep", "text": "First part\u2028second part\u2029third\x85 fourth.", "title": "A\u2028B"}
    body = json.dumps(record, ensure_ascii=False) + "\r\n" + json.dumps({"id": "next", "text": "Next one."})
    (tmp_path / "sep.jsonl").write_bytes(body.encode("utf-8"))
    (tmp_path / "sep.json").write_bytes(json.dumps({**record, "id": "sep-json"}, ensure_ascii=False).encode())
    items = list(read_inputs([str(tmp_path)]))
    assert [x for x in items if isinstance(x, InputError)] == []
    arts = {a.id: a for a in items}
    assert set(arts) == {"sep", "next", "sep-json"}
    assert arts["sep"].text == "First part\nsecond part\nthird\nfourth." == arts["sep-json"].text
    assert arts["sep"].title == "A B"


def test_text_file_with_nel_is_text_not_binary(tmp_path):
    (tmp_path / "nel.txt").write_bytes("Short line\u0085and the next.".encode())
    [a] = list(read_inputs([str(tmp_path / "nel.txt")]))
    assert isinstance(a, Article) and a.text == "Short line\nand the next."


def test_utf16_with_nul_characters_is_binary(tmp_path):
    """Found by bench/fuzz_parsers.py: behind a UTF-16 BOM the NUL-byte check never ran, and U+0000 reached
    the text."""
    data = (
        b"\xff\xfe"
        + "Some text".encode("utf-16-le")
        + b"\x00\x00"
        + ("and more text " * 20).encode("utf-16-le")
    )
    (tmp_path / "nul16.txt").write_bytes(data)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    [err] = [x for x in items if isinstance(x, InputError)]
    assert (
        err.source == str(tmp_path / "nul16.txt")
        and err.reason == "binary file, not text (holds NUL characters)"
    )
    assert [x.id for x in items if isinstance(x, Article)] == ["good.txt"]
