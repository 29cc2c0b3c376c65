"""Disc sums over a grid (plain 2SFCA's fast path) against brute force and the KD-tree path."""

from __future__ import annotations

import numpy as np
import pytest

from crs_plugin.core.analysis import disc_grid
from crs_plugin.core.analysis.accessibility import two_step_fca
from crs_plugin.core.analysis.disc_grid import disc_cover


def _brute(points, queries, radius):
    d = np.hypot(points[:, None, 0] - queries[None, :, 0], points[:, None, 1] - queries[None, :, 1])
    return d <= radius  # (points, queries)


def _clustered(rng, n, centres, spread):
    return centres[rng.integers(0, len(centres), n)] + rng.normal(0, spread, (n, 2))


@pytest.mark.parametrize("radius", [500.0, 3000.0, 12000.0, 80000.0])
def test_sums_and_spread_equal_brute_force(radius):
    rng = np.random.default_rng(int(radius))
    centres = rng.uniform(0, 100000, (12, 2))
    points = _clustered(rng, 3000, centres, 4000)
    queries = np.vstack([_clustered(rng, 400, centres, 6000), [[-1e6, -1e6], [5e6, 40.0]]])  # two far away
    weights = rng.integers(0, 900, len(points)).astype(float)
    values = rng.uniform(0, 2, len(queries))
    cover = disc_cover(points, queries, radius)
    inside = _brute(points, queries, radius)
    np.testing.assert_allclose(cover.sums(weights, len(queries)), weights @ inside, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(cover.spread(values, len(points)), inside @ values, rtol=1e-12, atol=1e-12)
    assert np.array_equal(cover.counts(len(points)), inside.sum(axis=1))


@pytest.mark.parametrize("threads", [1, 3])
def test_queries_in_parallel_chunks_give_the_same_cover(monkeypatch, threads):
    monkeypatch.setattr(disc_grid, "thread_count", lambda n_queries: threads)
    rng = np.random.default_rng(5)
    points, queries = rng.uniform(0, 30000, (4000, 2)), rng.uniform(0, 30000, (500, 2))
    cover = disc_cover(points, queries, 2500.0)
    inside = _brute(points, queries, 2500.0)
    assert np.array_equal(np.rint(cover.sums(np.ones(len(points)), len(queries))), inside.sum(axis=0))
    assert np.array_equal(cover.counts(len(points)), inside.sum(axis=1))


def test_points_exactly_on_the_circle_and_at_identical_places():
    """A lattice puts many points exactly at the radius (3-4-5): all of them count."""
    lattice = np.stack(np.meshgrid(np.arange(40.0), np.arange(40.0)), -1).reshape(-1, 2)
    lattice = np.vstack([lattice, lattice[:50]])  # duplicates
    queries = np.vstack([lattice[::7], [[0.5, 0.5]]])
    cover = disc_cover(lattice, queries, 5.0)
    inside = _brute(lattice, queries, 5.0)
    assert np.array_equal(np.rint(cover.sums(np.ones(len(lattice)), len(queries))), inside.sum(axis=0))


@pytest.mark.parametrize(("cells", "sub_positions"), [(2, 1), (3, 2), (8, 4), (12, 8)])
def test_any_grid_and_stencil_resolution_gives_the_exact_cover(monkeypatch, cells, sub_positions):
    """Coarser or finer grids and stencils only move work between runs and rim checks."""
    monkeypatch.setattr(disc_grid, "CELLS_PER_RADIUS", cells)
    monkeypatch.setattr(disc_grid, "SUB_POSITIONS", sub_positions)
    rng = np.random.default_rng(cells)
    points = rng.uniform(0, 20000, (3000, 2))
    # Queries inside, on the edges of and just outside the points' box (still in reach).
    queries = np.vstack([rng.uniform(-3000, 23000, (300, 2)), [[0, 0], [20000, 20000], [-2999.0, 10000]]])
    cover = disc_cover(points, queries, 3000.0)
    inside = _brute(points, queries, 3000.0)
    weights = rng.uniform(0, 5, len(points))
    np.testing.assert_allclose(cover.sums(weights, len(queries)), weights @ inside, rtol=1e-12, atol=1e-9)
    assert np.array_equal(cover.counts(len(points)), inside.sum(axis=1))


def test_spread_keeps_small_values_next_to_large_ones():
    """Running sums carry their rounding: a point reached only by tiny values is not
    swamped by the huge values that started and ended before it."""
    points = np.array([[float(x), 0.0] for x in range(0, 4000, 10)])
    # The tiny values' discs start while the huge one's is still running.
    queries = np.array([[500.0, 0.0], [900.0, 0.0], [1000.0, 0.0], [3000.0, 0.0]])
    values = np.array([1e12, 3e-7, 1e-7, 2e-7])
    spread = disc_cover(points, queries, 300.0).spread(values, len(points))
    inside = _brute(points, queries, 300.0)
    expected = inside @ values
    np.testing.assert_allclose(spread, expected, rtol=1e-14, atol=0)
    assert (spread[inside.sum(axis=1) == 0] == 0).all()


def test_coarse_grid_and_fallback_give_the_same_scores(monkeypatch):
    """Few cells per radius (a wide extent) and no grid at all (too many cells) agree."""
    rng = np.random.default_rng(3)
    demand, supply = rng.uniform(0, 50000, (2000, 2)), rng.uniform(0, 50000, (150, 2))
    population, capacity = rng.integers(0, 500, 2000).astype(float), rng.integers(1, 5, 150).astype(float)
    fine = two_step_fca(demand, population, supply, capacity, 4000.0)
    monkeypatch.setattr(disc_grid, "MAX_CELLS", 2000)  # 2 cells per radius
    assert disc_cover(demand, supply, 4000.0) is not None
    coarse = two_step_fca(demand, population, supply, capacity, 4000.0)
    monkeypatch.setattr(disc_grid, "MAX_CELLS", 100)  # no grid: the KD-tree lists the pairs
    assert disc_cover(demand, supply, 4000.0) is None
    fallback = two_step_fca(demand, population, supply, capacity, 4000.0)
    monkeypatch.setattr(disc_grid, "MAX_CELLS", 4_000_000)
    strip = np.column_stack([np.linspace(0, 3e8, 50), np.zeros(50)])  # 75,000 radii long
    assert disc_cover(strip, strip, 4000.0) is None
    for other in (coarse, fallback):
        np.testing.assert_allclose(other.score, fine.score, rtol=1e-12, atol=0)
        assert np.array_equal(other.supply_in_reach, fine.supply_in_reach)
        np.testing.assert_allclose(other.supply_ratio, fine.supply_ratio, rtol=1e-12, equal_nan=True)
