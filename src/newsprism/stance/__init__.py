"""Stance of an article toward a claim (asserts, denies, discusses, unrelated), trained on FNC-1."""

from __future__ import annotations

from .model import FNC_LABELS, STANCE_OF, Prediction, StanceModel

__all__ = ["FNC_LABELS", "STANCE_OF", "Prediction", "StanceModel"]
