"""Persistence: the embedded SQLite store (default) with numbered migrations."""

from .db import DEFAULT_DB, AddResult, Store

__all__ = ["DEFAULT_DB", "AddResult", "Store"]
