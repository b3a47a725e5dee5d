"""scripts/train_quotes.py refuses a data folder with no training articles before it touches anything."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_missing_train_data_is_one_clear_error_and_keeps_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    kept = cache / "train_all.spacy"
    kept.write_bytes(b"parsed documents of an earlier run")
    out = tmp_path / "model" / "quotes"
    (tmp_path / "polnear" / "train" / "text").mkdir(parents=True)  # a folder, but no articles in it
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_quotes.py"), "--data", str(tmp_path / "polnear"),
         "--cache", str(cache), "--out", str(out)],
        check=False, capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "no annotated PolNeAR train articles" in lines[0] and str(tmp_path / "polnear") in lines[0]
    assert kept.read_bytes() == b"parsed documents of an earlier run"
    assert not out.parent.exists()


def test_cue_only_without_a_role_model_to_keep_is_one_clear_error(tmp_path: Path) -> None:
    out = tmp_path / "model" / "quotes"
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_quotes.py"), "--data", str(tmp_path / "polnear"),
         "--out", str(out), "--cue-only"],
        check=False, capture_output=True, text=True, timeout=120)
    assert run.returncode != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert "--cue-only keeps the role model" in lines[0] and str(out) in lines[0]
    assert not out.parent.exists()
