"""Exceptions. Every user-facing error carries one line that names the problem and the fix."""

from __future__ import annotations

__all__ = ["DataMissing", "InputError", "NewsprismError", "PipelineError", "StoreError"]


class NewsprismError(Exception):
    """Base class; ``str(exc)`` is a complete one-line message for the user."""


class InputError(NewsprismError):
    """One input (file, line, feed item) could not be read; the others go on.

    ``source`` names the file (and ``line`` the line for JSONL).
    """

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class PipelineError(NewsprismError):
    """The pipeline is misconfigured (unknown stage, unmet requirement)."""


class StoreError(NewsprismError):
    """The store cannot be opened or written."""


class DataMissing(NewsprismError):
    """An evaluation data set is not where it should be."""
