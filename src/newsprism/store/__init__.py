"""Persistence: the embedded SQLite store (default) with numbered migrations."""

from .db import DEFAULT_DB, AddResult, Store

__all__ = ["AddResult", "DEFAULT_DB", "Store"]
