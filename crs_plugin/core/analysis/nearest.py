"""Nearest service points for many demand locations, with a KD-tree.

Coordinates are in a projected metric CRS, so Euclidean distance is the
distance in metres that QGIS's own algorithms report in that CRS.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from ..errors import AnalysisError
from ..i18n import tr


@dataclass(frozen=True)
class NearestResult:
    #: (n, k) indexes into the service arrays; -1 where there is no k-th neighbour.
    index: np.ndarray
    #: (n, k) distances in CRS units (metres); NaN where there is no k-th neighbour.
    distance: np.ndarray


def nearest(
    demand_xy: np.ndarray,
    service_xy: np.ndarray,
    k: int = 1,
    max_distance: float | None = None,
) -> NearestResult:
    """The ``k`` nearest service points of each demand point, nearest first.

    ``max_distance`` (inclusive) leaves farther neighbours out. Ties at equal
    distance are broken by the tree, i.e. arbitrarily but deterministically.
    """
    if k < 1:
        raise AnalysisError(tr("The number of nearest points (k) must be at least 1."))
    demand_xy = np.asarray(demand_xy, dtype=float).reshape(-1, 2)
    service_xy = np.asarray(service_xy, dtype=float).reshape(-1, 2)
    n, m = len(demand_xy), len(service_xy)
    index = np.full((n, k), -1, dtype=np.int64)
    distance = np.full((n, k), np.nan)
    if n == 0 or m == 0:
        return NearestResult(index, distance)
    if not np.isfinite(service_xy).all():
        raise AnalysisError(tr("Some service points have no valid location."))
    valid = np.isfinite(demand_xy).all(axis=1)
    tree = cKDTree(service_xy)
    kk = min(k, m)
    # An upper bound slightly above max_distance: the tree's bound is exclusive.
    bound = np.inf if max_distance is None or max_distance <= 0 else np.nextafter(max_distance, np.inf)
    d, i = tree.query(demand_xy[valid], k=kk, distance_upper_bound=bound, workers=-1)  # every core
    d = d.reshape(-1, kk)
    i = i.reshape(-1, kk)
    found = np.isfinite(d)
    i = np.where(found, i, -1)
    d = np.where(found, d, np.nan)
    index[valid, :kk] = i
    distance[valid, :kk] = d
    return NearestResult(index, distance)


def take(column: np.ndarray, index: np.ndarray) -> np.ndarray:
    """column[index] as objects, None where index is -1 (no point found)."""
    out = np.full(index.shape, None, dtype=object)
    hit = index >= 0
    out[hit] = np.asarray(column, dtype=object)[index[hit]]
    return out
