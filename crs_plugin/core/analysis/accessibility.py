"""Two-step floating catchment area (2SFCA) and enhanced 2SFCA accessibility scores.

With d_ij the distance from demand location i to supply location j, P_i the
population, S_j the capacity, d0 the catchment radius and W a distance-decay
weight (W = 1 for the plain 2SFCA):

    R_j = S_j / sum_{i: d_ij <= d0} W(d_ij) P_i
    A_i = sum_{j: d_ij <= d0} W(d_ij) R_j

These are the definitions of the PySAL ``access`` package (``fca.two_stage_fca``);
the tests compare both on the same inputs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from ..errors import AnalysisError
from ..i18n import tr
from .disc_grid import disc_cover
from .parallel import map_chunks, thread_count


@dataclass(frozen=True)
class StepDecay:
    """E2SFCA zones: ((upper distance, weight), …), e.g. ((5000, 1.0), (15000, 0.68), (30000, 0.22))."""

    steps: tuple[tuple[float, float], ...]

    def __call__(self, d: np.ndarray) -> np.ndarray:
        w = np.zeros_like(d, dtype=float)
        remaining = np.ones_like(d, dtype=bool)
        for upper, weight in sorted(self.steps):
            hit = remaining & (d <= upper)
            w[hit] = weight
            remaining &= ~hit
        return w


@dataclass(frozen=True)
class GaussianDecay:
    sigma: float

    def __call__(self, d: np.ndarray) -> np.ndarray:
        return np.exp(-d * d / (2.0 * self.sigma**2))


def parse_steps(text: str, unit: float = 1000.0) -> StepDecay:
    """'5:1, 15:0.68, 30:0.22' (km:weight) -> StepDecay in metres; with ``unit`` 60, the
    limits are minutes and the decay is in seconds of travel."""
    try:
        steps = tuple(
            (float(k) * unit, float(v))
            for k, v in (part.split(":") for part in text.split(",") if part.strip())
        )
    except ValueError:
        raise AnalysisError(
            tr("Distance-decay steps look like '5:1, 15:0.68, 30:0.22' (km:weight); got {text!r}.").format(
                text=text
            )
        ) from None
    if not steps or any(w < 0 for _, w in steps):
        raise AnalysisError(tr("Distance-decay weights must be zero or more."))
    return StepDecay(steps)


def catchment_pairs(demand_xy: np.ndarray, supply_xy: np.ndarray, radius: float):
    """(demand index, supply index, distance) of every pair within ``radius`` (inclusive).

    Pairs at distance 0 (a point on an area's centroid) are kept; a test covers it.
    The supply points are cut into strips searched in parallel threads (SciPy's
    KD-tree releases the GIL); the pairs are the same whatever the number of threads.
    """
    if len(demand_xy) == 0 or len(supply_xy) == 0:
        return np.zeros(0, np.intp), np.zeros(0, np.intp), np.zeros(0)
    # Unbalanced trees build in half the time and answer this query as fast.
    demand_tree = cKDTree(demand_xy, balanced_tree=False, compact_nodes=False)
    reach = np.nextafter(radius, np.inf)
    strips = np.array_split(np.argsort(supply_xy[:, 0], kind="stable"), thread_count(len(supply_xy)))

    def search(strip: np.ndarray):
        tree = cKDTree(supply_xy[strip], balanced_tree=False, compact_nodes=False)
        pairs = tree.sparse_distance_matrix(demand_tree, reach, output_type="ndarray")
        return pairs["j"], strip[pairs["i"]], pairs["v"]

    parts = map_chunks(search, strips)
    demand, supply, distance = (np.concatenate(column) for column in zip(*parts))
    return demand.astype(np.intp), supply.astype(np.intp), distance


@dataclass(frozen=True)
class AccessResult:
    score: np.ndarray  # A_i per demand location
    supply_ratio: np.ndarray  # R_j per supply location (NaN where no demand is in reach)
    supply_in_reach: np.ndarray  # number of supply locations within the radius, per demand


def two_step_fca(
    demand_xy: np.ndarray,
    population: np.ndarray,
    supply_xy: np.ndarray,
    capacity: np.ndarray,
    radius: float,
    decay=None,
    distances=None,
) -> AccessResult:
    """2SFCA (E2SFCA with ``decay``) within ``radius``; ``distances`` is a distance model
    (``core.network.distances``; straight lines when None), by road in its unit."""
    if radius <= 0:
        raise AnalysisError(tr("The catchment radius must be greater than 0."))
    population = np.nan_to_num(np.asarray(population, dtype=float), nan=0.0)
    capacity = np.nan_to_num(np.asarray(capacity, dtype=float), nan=0.0)
    if (population < 0).any() or (capacity < 0).any():
        raise AnalysisError(tr("Population and capacity must not be negative."))
    n, m = len(demand_xy), len(supply_xy)
    demand_xy, supply_xy = (
        np.asarray(demand_xy, float).reshape(n, 2),
        np.asarray(supply_xy, float).reshape(m, 2),
    )
    straight = distances is None
    cover = disc_cover(demand_xy, supply_xy, radius) if straight and decay is None and n and m else None
    if cover is not None:
        # Plain 2SFCA needs sums over discs only: most areas are counted a grid cell at a time.
        demand_in_reach = cover.sums(population, m)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(demand_in_reach > 0, capacity / demand_in_reach, np.nan)
        score = cover.spread(np.nan_to_num(ratio, nan=0.0), n)
        in_reach = cover.counts(n)
        return AccessResult(score, ratio, in_reach)
    if straight:
        demand, supply, distance = catchment_pairs(demand_xy, supply_xy, radius)
    else:
        demand, supply, distance = distances.within(demand_xy, supply_xy, radius)
    weight = None if decay is None else decay(distance)
    # Sums over the pairs (no sparse matrix to build): R_j's denominator, then A_i.
    pair_demand = population[demand] if weight is None else weight * population[demand]
    demand_in_reach = np.bincount(supply, weights=pair_demand, minlength=m)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(demand_in_reach > 0, capacity / demand_in_reach, np.nan)
    pair_ratio = np.nan_to_num(ratio, nan=0.0)[supply]
    score = np.bincount(demand, weights=pair_ratio if weight is None else weight * pair_ratio, minlength=n)
    return AccessResult(score, ratio, np.bincount(demand, minlength=n))
