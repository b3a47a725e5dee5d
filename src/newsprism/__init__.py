"""newsprism: who said what, who disputes it, and how outlets differ — linked to the source sentence."""

from __future__ import annotations

import logging

from .errors import DataMissing, InputError, NewsprismError, PipelineError, StoreError
from .model import (
    Analysis,
    Article,
    Claim,
    Entity,
    EntityMention,
    Event,
    Mention,
    Quote,
    Removed,
    Span,
    Story,
    TimeExpr,
    TimelineEntry,
)
from .pipeline import ArticleStage, Pipeline

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Analysis",
    "Article",
    "ArticleStage",
    "Claim",
    "DataMissing",
    "Entity",
    "EntityMention",
    "Event",
    "InputError",
    "Mention",
    "NewsprismError",
    "Pipeline",
    "PipelineError",
    "Quote",
    "Removed",
    "Span",
    "StoreError",
    "Story",
    "TimeExpr",
    "TimelineEntry",
    "__version__",
]
