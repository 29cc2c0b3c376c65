"""Coverage, gaps, co-location, duplicates and 2SFCA: hand-computed cases and a reference library."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import shapely

from crs_plugin.core.analysis.accessibility import GaussianDecay, StepDecay, parse_steps, two_step_fca
from crs_plugin.core.analysis.colocation import close_pairs, service_sets
from crs_plugin.core.analysis.coverage import coverage, coverage_summary, parse_thresholds
from crs_plugin.core.analysis.duplicates import likely_duplicates, normalise_address, normalise_name
from crs_plugin.core.analysis.gaps import gap_zones
from crs_plugin.core.errors import AnalysisError


def test_parse_thresholds():
    assert parse_thresholds("25, 5;10") == (5000.0, 10000.0, 25000.0)
    with pytest.raises(AnalysisError, match="in kilometres"):
        parse_thresholds("5 km, ten")
    with pytest.raises(AnalysisError, match="greater than 0"):
        parse_thresholds("0")


def test_coverage_by_hand_with_zero_and_suppressed_population():
    services = np.array([[0.0, 0.0]])
    areas = np.array([[3000.0, 4000.0], [0.0, 10000.0], [30000.0, 0.0], [1000.0, 0.0]])  # 5, 10, 30, 1 km
    result = coverage(areas, services, [5000, 10000])
    assert result.distance_m.tolist() == [5000.0, 10000.0, 30000.0, 1000.0]
    assert result.covered.tolist() == [[True, True], [False, True], [False, False], [True, True]]
    summary = coverage_summary(["NB", "NB", "NB", "NB"], [100, 0, 50, np.nan], result)["NB"]
    assert summary["population"] == 150 and summary["areas_unknown_population"] == 1
    assert summary["pop_within_5km"] == 100 and summary["pop_within_10km"] == 100
    assert summary["share_within_10km"] == pytest.approx(100 / 150)


def test_coverage_with_no_service_point_covers_nobody():
    result = coverage(np.ones((3, 2)), np.zeros((0, 2)), [5000])
    assert not result.covered.any() and np.isnan(result.distance_m).all()


def test_gap_zones_merge_touching_areas_and_rank_by_population():
    squares = np.array([shapely.box(0, 0, 1000, 1000), shapely.box(1000, 0, 2000, 1000),  # touching
                        shapely.box(5000, 0, 6000, 1000)])  # fmt: skip
    zones = gap_zones(squares, np.array([10.0, 20.0, 100.0]))
    assert [(z.areas, z.population) for z in zones] == [(1, 100.0), (2, 30.0)]
    assert zones[1].area_km2 == pytest.approx(2.0)


def test_gap_zones_repair_an_invalid_polygon():
    bowtie = shapely.Polygon([(0, 0), (1000, 1000), (1000, 0), (0, 1000)])  # self-intersecting
    zones = gap_zones(np.array([bowtie]), np.array([7.0]))
    assert sum(z.population for z in zones) == 7.0 and all(z.geometry.is_valid for z in zones)


def test_close_pairs_by_hand():
    xy = np.array([[0, 0], [300, 400], [0, 10], [5000, 0]], dtype=float)  # 500 m, 10 m, 490.1 m
    orders = np.array(["federal", "provincial", "federal", "municipal"], dtype=object)
    pairs = close_pairs(xy, 500.0, differ_by=orders)
    assert list(zip(pairs.i.tolist(), pairs.j.tolist())) == [(0, 1), (1, 2)]  # 0-2 are both federal
    assert pairs.distance.tolist() == pytest.approx([500.0, np.hypot(300, 390)])
    assert pairs.cluster.tolist() == [1, 1]
    assert service_sets("passport;sin", "sin;health_card") == ("sin", "passport", "health_card")
    assert len(close_pairs(xy[:1], 500.0).i) == 0


def test_close_pairs_at_identical_locations():
    pairs = close_pairs(np.zeros((3, 2)), 500.0)
    assert pairs.distance.tolist() == [0.0, 0.0, 0.0] and set(pairs.cluster.tolist()) == {1}


def test_name_and_address_normalisation():
    assert normalise_name("Centre Service Canada - Québec") == "quebec"
    assert normalise_name("Service Canada Centre – Quebec") == "quebec"
    assert normalise_address("123 Main Street") == normalise_address("123 main st.")
    assert normalise_address("12 rue Principale") == "12 st principale"


def test_likely_duplicates_by_hand():
    xy = np.array([[0, 0], [40, 30], [20, 0], [10000, 0]], dtype=float)
    names_en = [
        "Service Canada Centre - Moncton",
        "Moncton Service Canada",
        "Moncton City Hall",
        "Service Canada Centre - Moncton",
    ]
    names_fr = [None, "Centre Service Canada - Moncton", None, None]
    addresses = ["100 Main Street", "100 Main St.", "655 Main St", "100 Main Street"]
    sources = ["a", "b", "c", "a"]
    found = likely_duplicates(
        xy, names_en, names_fr, addresses, max_distance=100, min_score=0.6, sources=sources
    )
    assert list(zip(found.i.tolist(), found.j.tolist())) == [(0, 1)]
    # 0.4 * (1 - 50/100) + 0.4 * 1.0 (French name of b equals a's name once normalised) + 0.2 * 1.0
    assert found.score[0] == pytest.approx(0.4 * 0.5 + 0.4 + 0.2)
    same_source = likely_duplicates(
        xy, names_en, names_fr, addresses, max_distance=100, sources=["a", "a", "a", "a"]
    )
    assert len(same_source.i) == 0


def access_reference(demand_xy, population, supply_xy, capacity, radius, weight_fn=None):
    """PySAL access's 2SFCA on a cost table computed by brute force (independent of our KD-tree)."""
    from access import fca

    d = np.hypot(demand_xy[:, None, 0] - supply_xy[None, :, 0], demand_xy[:, None, 1] - supply_xy[None, :, 1])
    i, j = np.nonzero(d <= radius)
    cost = pd.DataFrame({"origin": i, "dest": j, "cost": d[i, j]})
    demand = pd.DataFrame({"geoid": np.arange(len(demand_xy)), "pop": population}).set_index("geoid")
    supply = pd.DataFrame({"geoid": np.arange(len(supply_xy)), "cap": capacity}).set_index("geoid")
    series = fca.two_stage_fca(demand, supply, cost, max_cost=radius, demand_index=True, demand_name="pop",
                               supply_name="cap", weight_fn=weight_fn)  # fmt: skip
    return series.reindex(np.arange(len(demand_xy))).fillna(0.0).to_numpy()


@pytest.mark.parametrize("method", ["2sfca", "e2sfca_steps", "e2sfca_gaussian"])
def test_two_step_fca_equals_pysal_access_on_random_data(method):
    rng = np.random.default_rng(7)
    demand = rng.uniform(0, 60000, (600, 2))
    supply = rng.uniform(0, 60000, (40, 2))
    supply[5] = demand[3]  # a point exactly at an area centroid (distance 0)
    population = rng.integers(0, 900, 600).astype(float)
    population[:10] = 0.0
    capacity = rng.integers(1, 6, 40).astype(float)
    decay = {"2sfca": None, "e2sfca_steps": parse_steps("5:1, 10:0.68, 15:0.22"),
             "e2sfca_gaussian": GaussianDecay(6000.0)}[method]  # fmt: skip
    ours = two_step_fca(demand, population, supply, capacity, 15000.0, decay)
    from access import weights

    ref_weight = {"2sfca": None, "e2sfca_steps": weights.step_fn({5000: 1, 10000: 0.68, 15000: 0.22}),
                  "e2sfca_gaussian": weights.gaussian(6000.0)}[method]  # fmt: skip
    reference = access_reference(demand, population, supply, capacity, 15000.0, ref_weight)
    assert np.count_nonzero(reference) > 100
    np.testing.assert_allclose(ours.score, reference, rtol=1e-9, atol=0)


@pytest.mark.parametrize("threads", [1, 3])
def test_two_step_fca_in_parallel_strips_equals_pysal_access(monkeypatch, threads):
    """Pairs for distance-decay weights are searched in strips by several threads: same
    scores, same counts."""
    from crs_plugin.core.analysis import accessibility

    monkeypatch.setattr(accessibility, "thread_count", lambda n_supply: threads)
    rng = np.random.default_rng(11)
    demand = rng.uniform(0, 100000, (2500, 2))
    supply = rng.uniform(0, 100000, (300, 2))
    population = rng.integers(0, 900, 2500).astype(float)
    capacity = rng.integers(1, 6, 300).astype(float)
    from access import weights

    ours = two_step_fca(demand, population, supply, capacity, 12000.0, GaussianDecay(5000.0))
    reference = access_reference(demand, population, supply, capacity, 12000.0, weights.gaussian(5000.0))
    np.testing.assert_allclose(ours.score, reference, rtol=1e-9, atol=0)
    brute = (
        np.hypot(demand[:, None, 0] - supply[None, :, 0], demand[:, None, 1] - supply[None, :, 1]) <= 12000.0
    )
    assert ours.supply_in_reach.tolist() == brute.sum(axis=1).tolist()


def test_two_step_fca_degenerate_inputs():
    empty = two_step_fca(np.zeros((0, 2)), [], np.ones((2, 2)), [1, 1], 1000)
    assert empty.score.shape == (0,)
    nothing = two_step_fca(np.ones((2, 2)), [5, 5], np.zeros((0, 2)), [], 1000)
    assert nothing.score.tolist() == [0.0, 0.0]
    zero_pop = two_step_fca(np.zeros((1, 2)), [0.0], np.zeros((1, 2)), [3.0], 1000)
    assert zero_pop.score.tolist() == [0.0] and np.isnan(zero_pop.supply_ratio[0])
    with pytest.raises(AnalysisError, match="radius"):
        two_step_fca(np.zeros((1, 2)), [1], np.zeros((1, 2)), [1], 0)
    with pytest.raises(AnalysisError, match="negative"):
        two_step_fca(np.zeros((1, 2)), [-1], np.zeros((1, 2)), [1], 10)


def test_step_decay_and_parse():
    steps = StepDecay(((5000, 1.0), (10000, 0.5)))
    assert steps(np.array([0.0, 5000.0, 5000.1, 10000.0, 20000.0])).tolist() == [1.0, 1.0, 0.5, 0.5, 0.0]
    with pytest.raises(AnalysisError, match="km:weight"):
        parse_steps("5-1")


def test_distance_overlap_by_hand():
    from crs_plugin.core.analysis.overlap import distance_overlap

    a = np.array([[0.0, 0.0]])
    b = np.array([[1500.0, 0.0]])
    areas = np.array([[750.0, 0.0], [-900.0, 0.0], [2400.0, 0.0], [9000.0, 0.0]])
    boundary = shapely.box(-5000, -5000, 10000, 5000)
    result = distance_overlap(areas, [10, 20, 40, 80], a, b, 1000.0, boundary)
    assert result.served_by.tolist() == ["both", "a_only", "b_only", "neither"]
    assert result.population == {"both": 10.0, "a_only": 20.0, "b_only": 40.0, "neither": 80.0}
    lens = result.geometries["both"]  # two circles of radius 1 km, 1.5 km apart
    expected = 2 * 1000**2 * math.acos(750 / 1000) - 750 * math.sqrt(4 * 1000**2 - 1500**2) / 1
    assert lens.area == pytest.approx(expected, rel=2e-3)
    assert result.geometries["a_only"].area + lens.area == pytest.approx(math.pi * 1000**2, rel=2e-3)


def test_voronoi_overlap_by_hand():
    from crs_plugin.core.analysis.overlap import voronoi_overlap

    boundary = shapely.box(0, 0, 100, 100)
    a = np.array([[25.0, 50.0], [75.0, 50.0]])  # cells: left and right halves
    b = np.array([[50.0, 25.0], [50.0, 75.0], [50.0, 75.0]])  # bottom and top halves (a duplicate)
    areas = np.array([[10.0, 10.0], [90.0, 90.0], [10.0, 90.0], [20.0, 80.0]])
    pairs = voronoi_overlap(areas, [1, 2, 4, 8], a, b, boundary).pairs
    got = {(p.a, p.b): (round(p.geometry.area), p.population, p.areas) for p in pairs}
    assert got[(0, 0)] == (2500, 1.0, 1)
    assert got[(1, 1)] == (2500, 2.0, 1) or got[(1, 2)] == (2500, 2.0, 1)
    assert sum(p.population for p in pairs) == 15.0
    assert sum(p.geometry.area for p in pairs) == pytest.approx(
        10000 + 5000
    )  # the duplicate's cell counted twice
