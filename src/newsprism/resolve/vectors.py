"""Sparse unit vectors of weighted terms, for cosine similarities by matrix products."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import scipy.sparse as sp


def unit_rows(vectors: Iterable[tuple[Mapping[str, float], float]]) -> sp.csr_matrix:
    """One row per (term weights, norm) pair, each divided by its norm; columns are the terms
    in first-seen order. Row products of the result are cosines."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    data: list[float] = []
    n = 0
    for n, (vec, norm) in enumerate(vectors, start=1):
        for term, w in vec.items():
            rows.append(n - 1)
            cols.append(vocab.setdefault(term, len(vocab)))
            data.append(w / norm)
    return sp.csr_matrix((data, (rows, cols)), shape=(n, len(vocab)))
