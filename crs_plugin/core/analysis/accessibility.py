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
from scipy.sparse import csr_matrix
from scipy.spatial import cKDTree

from ..errors import AnalysisError


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


def parse_steps(text: str) -> StepDecay:
    """'5:1, 15:0.68, 30:0.22' (km:weight) -> StepDecay in metres."""
    try:
        steps = tuple(
            (float(k) * 1000.0, float(v))
            for k, v in (part.split(":") for part in text.split(",") if part.strip())
        )
    except ValueError:
        raise AnalysisError(
            f"Distance-decay steps look like '5:1, 15:0.68, 30:0.22' (km:weight); got {text!r}."
        ) from None
    if not steps or any(w < 0 for _, w in steps):
        raise AnalysisError("Distance-decay weights must be zero or more.")
    return StepDecay(steps)


def catchment_matrix(demand_xy: np.ndarray, supply_xy: np.ndarray, radius: float) -> csr_matrix:
    """Sparse (n_demand x n_supply) matrix of distances for pairs within ``radius`` (inclusive).

    Pairs at distance 0 (a point on an area's centroid) are kept as explicit entries;
    a test covers it.
    """
    n, m = len(demand_xy), len(supply_xy)
    if n == 0 or m == 0:
        return csr_matrix((n, m))
    pairs = cKDTree(demand_xy).sparse_distance_matrix(
        cKDTree(supply_xy), np.nextafter(radius, np.inf), output_type="coo_matrix"
    )
    return pairs.tocsr()  # COO -> CSR keeps explicit zeros (it only sums duplicates, of which there are none)


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
) -> AccessResult:
    if radius <= 0:
        raise AnalysisError("The catchment radius must be greater than 0.")
    population = np.nan_to_num(np.asarray(population, dtype=float), nan=0.0)
    capacity = np.nan_to_num(np.asarray(capacity, dtype=float), nan=0.0)
    if (population < 0).any() or (capacity < 0).any():
        raise AnalysisError("Population and capacity must not be negative.")
    distance = catchment_matrix(np.asarray(demand_xy, float), np.asarray(supply_xy, float), radius)
    weight = distance.copy()
    weight.data = np.ones_like(distance.data) if decay is None else decay(distance.data)
    demand_in_reach = weight.T @ population  # sum_i W(d_ij) P_i, per supply j
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(demand_in_reach > 0, capacity / demand_in_reach, np.nan)
    score = weight @ np.nan_to_num(ratio, nan=0.0)
    in_reach = np.diff(distance.indptr)
    return AccessResult(score, ratio, in_reach)
