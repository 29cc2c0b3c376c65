"""Co-location and partnership candidates: nearby points of different governments."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from ..schema import LIST_SEPARATOR


@dataclass(frozen=True)
class Pairs:
    i: np.ndarray  # first point (index), i < j
    j: np.ndarray
    distance: np.ndarray
    cluster: np.ndarray  # cluster id of the pair (connected components of all pairs)


def close_pairs(
    xy: np.ndarray,
    max_distance: float,
    differ_by: np.ndarray | None = None,
    same_by: np.ndarray | None = None,
    distances=None,
) -> Pairs:
    """All pairs within ``max_distance`` (inclusive), whose ``differ_by`` differs and ``same_by`` matches.

    By road (``distances``, a distance model), a pair's distance is the shorter of the two
    trips (one-way roads make them differ).
    """
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if len(xy) < 2:
        empty = np.zeros(0, dtype=np.int64)
        return Pairs(empty, empty, np.zeros(0), empty)
    by_road = None
    if distances is None:
        pairs = cKDTree(xy).query_pairs(np.nextafter(max_distance, np.inf), output_type="ndarray")
        i, j = pairs[:, 0], pairs[:, 1]
    else:
        a, b, cost = distances.within(xy, xy, max_distance)
        other = a != b
        a, b, cost = np.minimum(a, b)[other], np.maximum(a, b)[other], cost[other]
        order = np.lexsort((cost, b, a))
        a, b, cost = a[order], b[order], cost[order]
        first = np.r_[True, (a[1:] != a[:-1]) | (b[1:] != b[:-1])] if len(a) else np.zeros(0, dtype=bool)
        i, j, by_road = a[first], b[first], cost[first]
        by_road = dict(zip(zip(i.tolist(), j.tolist()), by_road.tolist()))
    for key, want_equal in ((differ_by, False), (same_by, True)):
        if key is not None:
            key = np.asarray(key, dtype=object).astype(str)
            keep = (key[i] == key[j]) == want_equal
            i, j = i[keep], j[keep]
    order = np.lexsort((j, i))
    i, j = i[order], j[order]
    if by_road is None:
        distance = np.hypot(*(xy[i] - xy[j]).T)
    else:
        distance = np.array([by_road[(a, b)] for a, b in zip(i.tolist(), j.tolist())], dtype=float)
    n = len(xy)
    graph = coo_matrix((np.ones(len(i)), (i, j)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    # Number clusters 1.. in order of first appearance among pairs.
    first = {}
    for label in labels[i]:
        first.setdefault(label, len(first) + 1)
    cluster = np.array([first[label] for label in labels[i]], dtype=np.int64)
    return Pairs(i, j, distance, cluster)


def service_sets(a: str | None, b: str | None) -> tuple[str, str, str]:
    """(shared, only in a, only in b) service codes, each ';'-joined in a stable order."""
    sa = [s for s in (a or "").split(LIST_SEPARATOR) if s]
    sb = [s for s in (b or "").split(LIST_SEPARATOR) if s]
    shared = [s for s in sa if s in sb]
    return (
        LIST_SEPARATOR.join(shared),
        LIST_SEPARATOR.join(s for s in sa if s not in sb),
        LIST_SEPARATOR.join(s for s in sb if s not in sa),
    )
