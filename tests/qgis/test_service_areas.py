"""crs:serviceareas: the roads reached within each limit, against QGIS's own service area."""

from __future__ import annotations

import processing
import pytest
import shapely
from qgis.core import QgsProcessingException

from tests.qgis.test_network_distance import X0, Y0, points, roads


def lengths_by_limit(layer, field="limit_km"):
    out = {}
    for f in layer.getFeatures():
        out[f[field]] = out.get(f[field], 0.0) + f.geometry().length()
    return out


def test_roads_reached_by_hand_and_as_qgis_draws_them(crs_provider):
    road_layer = roads()  # the river: no road between (0, 0) and (1000, 0)
    out = processing.run("crs:serviceareas", {"SERVICE_POINTS": points([("S1", 1000, 0)]), "ROADS": road_layer,
                                              "LIMITS": "1, 1.5", "OUTPUT": "memory:", "AREAS": "memory:"})  # fmt: skip
    lines, areas = out["OUTPUT"], out["AREAS"]
    assert {f["point_id"] for f in lines.getFeatures()} == {"S1"}
    # Within 1 km: the two whole roads leaving S1 (east and north). The river keeps the west out.
    within_1 = [f.geometry() for f in lines.getFeatures() if f["limit_km"] == 1]
    assert sum(g.length() for g in within_1) == pytest.approx(2000.0, rel=1e-3)
    assert all(g.boundingBox().xMinimum() >= X0 + 1000 - 1e-6 for g in within_1)
    assert max(f["cost_km"] for f in lines.getFeatures()) <= 1.5 + 1e-9
    # QGIS's service area from the same point and limit covers the same roads.
    native = processing.run("native:serviceareafrompoint", {
        "INPUT": road_layer, "STRATEGY": 0, "START_POINT": f"{X0 + 1000},{Y0} [EPSG:3347]", "TRAVEL_COST2": 1500,
        "INCLUDE_BOUNDS": False, "OUTPUT_LINES": "memory:"})["OUTPUT_LINES"]  # fmt: skip
    theirs = shapely.union_all([shapely.from_wkt(f.geometry().asWkt()) for f in native.getFeatures()])
    ours = shapely.union_all([shapely.from_wkt(f.geometry().asWkt()) for f in lines.getFeatures()])
    assert ours.length == pytest.approx(theirs.length, rel=2e-3)
    assert shapely.symmetric_difference(ours, theirs).length < 5.0
    limits = sorted(f["limit_km"] for f in areas.getFeatures())
    assert limits == [1.0, 1.5] and all(f["area_km2"] > 0 for f in areas.getFeatures())


def test_travel_time_limits_and_no_roads(crs_provider):
    out = processing.run("crs:serviceareas", {"SERVICE_POINTS": points([("S1", 1000, 0)]), "ROADS": roads(),
                                              "COST": 1, "DEFAULT_SPEED": 60, "LIMITS": "1", "OUTPUT": "memory:"})  # fmt: skip
    reached = lengths_by_limit(out["OUTPUT"], "limit_min")
    assert reached[1.0] == pytest.approx(2000.0, rel=1e-3)  # 1 km a minute at 60 km/h
    from qgis.core import QgsVectorLayer

    with pytest.raises(QgsProcessingException, match="no features"):
        processing.run("crs:serviceareas", {"SERVICE_POINTS": points([("S1", 0, 0)]),
                                            "ROADS": QgsVectorLayer("LineString?crs=EPSG:3347", "none", "memory"),
                                            "OUTPUT": "memory:"})  # fmt: skip
