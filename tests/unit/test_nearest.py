"""The KD-tree nearest search against brute force on random data."""

from __future__ import annotations

import numpy as np
import pytest

from crs_plugin.core.analysis import nearest
from crs_plugin.core.errors import AnalysisError
from crs_plugin.core.filters import ServiceFilter


def brute_force(demand, services, k):
    d = np.hypot(demand[:, None, 0] - services[None, :, 0], demand[:, None, 1] - services[None, :, 1])
    order = np.argsort(d, axis=1, kind="stable")[:, :k]
    return order, np.take_along_axis(d, order, axis=1)


@pytest.mark.parametrize("k", [1, 3])
def test_matches_brute_force(k):
    rng = np.random.default_rng(1)
    demand = rng.uniform(0, 100_000, (2000, 2))
    services = rng.uniform(0, 100_000, (300, 2))
    result = nearest(demand, services, k=k)
    index, distance = brute_force(demand, services, k)
    np.testing.assert_allclose(result.distance, distance, rtol=0, atol=1e-9)
    assert (result.index == index).mean() > 0.999  # only exact ties may differ
    chosen = np.hypot(*(demand[:, None, :] - services[result.index]).transpose(2, 0, 1))
    np.testing.assert_allclose(chosen, distance, atol=1e-9)


def test_max_distance_is_inclusive_and_leaves_others_empty():
    services = np.array([[0.0, 0.0], [10.0, 0.0]])
    demand = np.array([[3.0, 4.0], [100.0, 0.0]])  # 5 m from the first; 90 m from the second
    result = nearest(demand, services, k=2, max_distance=5.0)
    assert result.index.tolist() == [[0, -1], [-1, -1]]
    assert result.distance[0, 0] == 5.0
    assert np.isnan(result.distance[1]).all()


def test_more_neighbours_asked_than_exist():
    result = nearest(np.array([[0.0, 0.0]]), np.array([[1.0, 0.0], [0.0, 2.0]]), k=4)
    assert result.index.tolist() == [[0, 1, -1, -1]]
    np.testing.assert_array_equal(result.distance[0, :2], [1.0, 2.0])


def test_empty_inputs_and_demand_without_location():
    assert nearest(np.zeros((0, 2)), np.ones((3, 2))).index.shape == (0, 1)
    none = nearest(np.ones((2, 2)), np.zeros((0, 2)))
    assert (none.index == -1).all() and np.isnan(none.distance).all()
    partial = nearest(np.array([[np.nan, np.nan], [1.0, 1.0]]), np.array([[1.0, 2.0]]))
    assert partial.index.tolist() == [[-1], [0]]


def test_identical_locations():
    services = np.array([[5.0, 5.0], [5.0, 5.0]])
    result = nearest(np.array([[5.0, 5.0]]), services, k=2)
    assert sorted(result.index[0].tolist()) == [0, 1]
    assert result.distance.tolist() == [[0.0, 0.0]]


def test_k_must_be_positive():
    with pytest.raises(AnalysisError, match="at least 1"):
        nearest(np.zeros((1, 2)), np.zeros((1, 2)), k=0)


def test_service_filter_mask():
    columns = {
        "order_of_government": np.array(["federal", "provincial", "federal", None], dtype=object),
        "channel": np.array(["in_person", "in_person", "call_centre", "in_person"], dtype=object),
        "services": np.array(["passport;sin", "health_card", None, "sin"], dtype=object),
    }
    assert ServiceFilter(orders=("federal",)).mask(columns, 4).tolist() == [True, False, True, False]
    assert ServiceFilter(services=("sin",)).mask(columns, 4).tolist() == [True, False, False, True]
    assert ServiceFilter(orders=("federal",), channels=("in_person",)).mask(columns, 4).tolist() == [
        True, False, False, False]  # fmt: skip
    with pytest.raises(AnalysisError, match="no field 'point_type'"):
        ServiceFilter(point_types=("other",)).mask(columns, 4)
