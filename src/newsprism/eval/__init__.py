"""Evaluations on the gold data in ``../shared/data``.

Each evaluator is a module with ``evaluate(data_dir: Path, split: str = "dev",
limit: int | None = None, progress: Callable[[int, int], None] | None = None) -> dict``
returning its metrics (plus ``"anchors"``: published reference points, with sources).
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

from ..errors import DataMissing

__all__ = ["EVALUATORS", "default_data_dir", "run_eval"]

# name -> (module, data folder under ../shared/data)
EVALUATORS: dict[str, tuple[str, str]] = {
    "ecbplus": ("newsprism.eval.ecbplus", "ecbplus"),
    "ecbplus-stories": ("newsprism.eval.ecbplus_stories", "ecbplus"),
    "polnear": ("newsprism.eval.polnear", "polnear"),
    "fnc1": ("newsprism.eval.fnc1", "fnc-1"),
    "timeline": ("newsprism.eval.timeline", "semeval2015-timeline"),
}


def default_data_dir() -> Path:
    """``$NEWSPRISM_DATA`` or ``../shared/data`` next to the working copy."""
    env = os.environ.get("NEWSPRISM_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        cand = parent.parent / "shared" / "data"
        if (parent / "pyproject.toml").exists() and cand.exists():
            return cand
    return Path.cwd().parent / "shared" / "data"


def run_eval(name: str, data_root: Path | None = None, **kwargs: Any) -> dict[str, Any]:
    try:
        module_name, folder = EVALUATORS[name]
    except KeyError:
        raise DataMissing(f"unknown evaluation {name!r}; choose one of {', '.join(EVALUATORS)}") from None
    data_dir = (data_root or default_data_dir()) / folder
    if not data_dir.exists():
        raise DataMissing(
            f"gold data for {name!r} not found at {data_dir}; set NEWSPRISM_DATA to the folder holding"
            f" {folder}/"
        )
    module = importlib.import_module(module_name)
    result: dict[str, Any] = module.evaluate(data_dir, **kwargs)
    result.setdefault("evaluation", name)
    return result
