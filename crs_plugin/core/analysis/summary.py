"""Population-weighted distance statistics per group (jurisdiction, region)."""

from __future__ import annotations

import numpy as np


def weighted_quantile(values: np.ndarray, weights: np.ndarray, q: float) -> float:
    """The distance within which a share ``q`` of the population lives (inverted CDF)."""
    values = np.asarray(values, dtype=float)
    weights = np.asarray(weights, dtype=float)
    ok = np.isfinite(values) & np.isfinite(weights) & (weights > 0)
    if not ok.any():
        return float("nan")
    order = np.argsort(values[ok], kind="stable")
    v, w = values[ok][order], weights[ok][order]
    cumulative = np.cumsum(w)
    return float(v[np.searchsorted(cumulative, q * cumulative[-1], side="left")])


def distance_summary(groups, population, distance_m) -> dict[str, dict[str, float]]:
    """Per group: population, and population-weighted mean / median / 90th percentile (km).

    Areas with unknown (suppressed) population or no reachable point are left
    out of the distance statistics but reported in ``unmatched_population``.
    """
    groups = np.asarray(groups, dtype=object)
    population = np.asarray(population, dtype=float)
    distance_km = np.asarray(distance_m, dtype=float) / 1000.0
    out = {}
    for group in sorted({str(g) for g in groups}):
        sel = groups.astype(str) == group
        pop = np.nan_to_num(population[sel], nan=0.0)
        d = distance_km[sel]
        ok = np.isfinite(d)
        total = float(pop.sum())
        reached = float(pop[ok].sum())
        out[group] = {
            "population": total,
            "mean_km": float(np.average(d[ok], weights=pop[ok])) if reached > 0 else float("nan"),
            "median_km": weighted_quantile(d, pop, 0.5),
            "p90_km": weighted_quantile(d, pop, 0.9),
            "unmatched_population": total - reached,
        }
    return out
