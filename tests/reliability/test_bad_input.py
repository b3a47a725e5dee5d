"""Bad input: each bad file gives exactly one clear InputError, and the good file beside it is still read."""

from __future__ import annotations

import json
import os
import random

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
