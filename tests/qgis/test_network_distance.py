"""crs:networkdistance on a hand-made road grid with a river, and against QGIS's shortest path."""

from __future__ import annotations

import processing
import pytest
from qgis.core import NULL, QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer

X0, Y0 = 7_000_000.0, 1_500_000.0  # somewhere in EPSG:3347


def value(v):
    return None if v is None or v == NULL else v


def roads(skip=((0, 0, 1, 0),), isolated=()):
    """A 3 x 3 km grid of 1 km segments; ``skip`` removes segments (the river: no bridge);
    ``isolated`` adds unconnected segments ((x1, y1, x2, y2) in metres)."""
    layer = QgsVectorLayer("LineString?crs=EPSG:3347&field=id:integer", "roads", "memory")
    features = []
    for i in range(3):
        for j in range(3):
            for di, dj in ((1, 0), (0, 1)):
                a, b = (i, j), (i + di, j + dj)
                if b[0] > 2 or b[1] > 2 or (a[0], a[1], b[0], b[1]) in skip:
                    continue
                f = QgsFeature(layer.fields())
                f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(X0 + a[0] * 1000, Y0 + a[1] * 1000),
                                                          QgsPointXY(X0 + b[0] * 1000, Y0 + b[1] * 1000)]))  # fmt: skip
                f.setAttributes([len(features)])
                features.append(f)
    for x1, y1, x2, y2 in isolated:
        f = QgsFeature(layer.fields())
        f.setGeometry(
            QgsGeometry.fromPolylineXY([QgsPointXY(X0 + x1, Y0 + y1), QgsPointXY(X0 + x2, Y0 + y2)])
        )
        f.setAttributes([len(features)])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def points(rows, fields="point_id:string"):
    layer = QgsVectorLayer(f"Point?crs=EPSG:3347&field={fields}", "p", "memory")
    features = []
    for pid, x, y in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + y)))
        f.setAttributes([pid])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def run(demand, services, road_layer):
    out = processing.run("crs:networkdistance", {"INPUT": demand, "SERVICE_POINTS": services, "ROADS": road_layer,
                                                 "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    return {f["point_id"]: {k: value(f[k]) for k in ("nearest_id", "network_m", "access_m", "egress_m", "total_m",
                                                      "straight_m")} for f in out.getFeatures()}  # fmt: skip


def test_river_crossing_by_hand(crs_provider):
    services = points([("S1", 1000, 0), ("S2", 0, 2000)])
    demand = points([("A", 0, -10), ("B", 2000, 0)])
    got = run(demand, services, roads())
    # A is 1 km from S1 in a straight line, but the river has no bridge there: S2 is nearer by road.
    assert got["A"]["nearest_id"] == "S2"
    # Road lengths are ellipsoidal: within the projection's scale error (< 0.1 %) of the planar 2 km.
    assert got["A"]["network_m"] == pytest.approx(2000.0, rel=1e-3)
    assert got["A"]["access_m"] == pytest.approx(10.0)
    assert got["A"]["total_m"] == pytest.approx(got["A"]["network_m"] + 10.0)
    assert got["A"]["straight_m"] == pytest.approx((1000**2 + 10**2) ** 0.5)
    assert got["B"]["nearest_id"] == "S1" and got["B"]["network_m"] == pytest.approx(1000.0, rel=1e-3)
    assert got["B"]["egress_m"] == pytest.approx(0.0)


def test_same_network_cost_as_qgis_shortest_path(crs_provider):
    road_layer = roads()
    demand = points([("A", 0, -10), ("B", 2000, 0), ("C", 1500, 1990), ("D", 400, 2000)])
    ours = run(demand, points([("S1", 1000, 0)]), road_layer)
    theirs = processing.run("native:shortestpathlayertopoint", {
        "INPUT": road_layer, "STRATEGY": 0, "START_POINTS": demand, "END_POINT": f"{X0 + 1000},{Y0} [EPSG:3347]",
        "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    cost = {f["point_id"]: f["cost"] for f in theirs.getFeatures()}
    assert set(cost) == set(ours)
    for pid, row in ours.items():
        assert row["network_m"] == pytest.approx(cost[pid], abs=1e-6), pid


def test_unreachable_points_and_empty_roads(crs_provider):
    island = roads(isolated=[(-3000, -3000, -2000, -3000)])  # a road that joins nothing
    got = run(points([("A", -2500, -3010)]), points([("S1", 2000, 2000)]), island)
    assert got["A"]["nearest_id"] is None and got["A"]["network_m"] is None
    empty = QgsVectorLayer("LineString?crs=EPSG:3347", "none", "memory")
    with pytest.raises(QgsProcessingException, match="no features"):
        run(points([("A", 0, 0)]), points([("S1", 1, 1)]), empty)
