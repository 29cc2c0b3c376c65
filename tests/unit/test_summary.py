import math

import numpy as np

from crs_plugin.core.analysis.summary import distance_summary, weighted_quantile


def test_weighted_quantile_by_hand():
    # 10 people at 1 km, 80 at 5 km, 10 at 40 km
    d, w = np.array([40.0, 1.0, 5.0]), np.array([10, 10, 80])
    assert weighted_quantile(d, w, 0.5) == 5.0
    assert weighted_quantile(d, w, 0.9) == 5.0
    assert weighted_quantile(d, w, 0.95) == 40.0
    assert weighted_quantile(d, w, 0.05) == 1.0
    assert math.isnan(weighted_quantile(d, np.zeros(3), 0.5))


def test_distance_summary_per_group_with_suppressed_and_unmatched_areas():
    groups = ["BC", "BC", "BC", "NB", "NB"]
    population = [100, 300, np.nan, 50, 50]
    distance_m = [1000, 3000, 9000, 2000, np.nan]
    s = distance_summary(groups, population, distance_m)
    assert s["BC"]["population"] == 400
    assert s["BC"]["mean_km"] == (100 * 1 + 300 * 3) / 400
    assert s["BC"]["median_km"] == 3.0
    assert s["NB"]["unmatched_population"] == 50
    assert s["NB"]["mean_km"] == 2.0
