"""The fixed FNC-1 split: 20% of training bodies held out (seed 2026), never used for training or tuning.

Training (``scripts/train_stance.py``) and evaluation (``newsprism eval fnc1``) both
call :func:`split_bodies`, so the held-out part is the same everywhere.
Inside the remaining 80%, :func:`split_bodies` also fixes a validation part for tuning.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import DataMissing

__all__ = ["HELDOUT_FRACTION", "SEED", "VALID_FRACTION", "FncData", "load_fnc", "split_bodies"]

SEED = 2026
HELDOUT_FRACTION = 0.20
# Share of the remaining (non-held-out) bodies used for early stopping and tuning.
VALID_FRACTION = 0.15


@dataclass(frozen=True)
class FncData:
    """FNC-1 training data: bodies by id and (headline, body id, stance) rows."""

    bodies: dict[int, str]
    pairs: tuple[tuple[str, int, str], ...]


def load_fnc(data_dir: Path) -> FncData:
    """Read ``train_bodies.csv`` and ``train_stances.csv`` from ``data_dir``."""
    bodies_path = Path(data_dir) / "train_bodies.csv"
    stances_path = Path(data_dir) / "train_stances.csv"
    for p in (bodies_path, stances_path):
        if not p.exists():
            raise DataMissing(f"FNC-1 file {p} not found; point NEWSPRISM_DATA at the folder holding fnc-1/")
    # Bodies are long; the csv default field limit is too small for a few of them.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with bodies_path.open(encoding="utf-8", newline="") as fh:
        bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}
    with stances_path.open(encoding="utf-8", newline="") as fh:
        pairs = tuple((r["Headline"], int(r["Body ID"]), r["Stance"]) for r in csv.DictReader(fh))
    return FncData(bodies=bodies, pairs=pairs)


def split_bodies(body_ids: Iterable[int], seed: int = SEED) -> dict[str, frozenset[int]]:
    """Assign every body id to "train", "valid" or "heldout", deterministically.

    Ids are sorted before shuffling so the split does not depend on input order.
    """
    ids = np.array(sorted({int(i) for i in body_ids}), dtype=np.int64)
    rng = np.random.default_rng(seed)
    perm = ids[rng.permutation(len(ids))]
    n_held = round(HELDOUT_FRACTION * len(ids))
    held = perm[:n_held]
    rest = perm[n_held:]
    n_valid = round(VALID_FRACTION * len(rest))
    return {
        "heldout": frozenset(int(i) for i in held),
        "valid": frozenset(int(i) for i in rest[:n_valid]),
        "train": frozenset(int(i) for i in rest[n_valid:]),
    }
