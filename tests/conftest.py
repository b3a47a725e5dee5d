"""Shared fixtures: the gold data folder, the seed articles, one spaCy pipeline per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("NEWSPRISM_SHARED", ROOT.parent / "shared"))
DATA = SHARED / "data"
EXAMPLES = ROOT / "examples"
SEED_000 = EXAMPLES / "000_75d8648a647aa147.txt"
SEED_004 = EXAMPLES / "004_b0a8d3d4ea4ee59b.txt"


def need_data(name: str) -> Path:
    """Return ``../shared/data/NAME`` or skip the test with the reason."""
    path = DATA / name
    if not path.exists():
        pytest.skip(f"gold data {path} is absent (it lives in ../shared/data beside the repo)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from newsprism.nlp import load_nlp

    return load_nlp()
