"""Every analysis by road: road distance and travel time give what crs:networkdistance gives."""

from __future__ import annotations

import numpy as np
import processing
import pytest
from qgis.core import NULL, QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer

from tests.qgis.test_network_distance import X0, Y0, roads

ROAD_DISTANCE, TRAVEL_TIME = 1, 2


def value(v):
    return None if v is None or v == NULL else v


def areas(rows):
    """Demand points with a population and a province, in EPSG:3347 around the river grid."""
    layer = QgsVectorLayer("Point?crs=EPSG:3347&field=DAUID:string&field=POP2021:integer&field=PRUID:string",
                           "areas", "memory")  # fmt: skip
    features = []
    for dauid, x, y, pop in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + y)))
        f.setAttributes([dauid, pop, "13"])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def services(rows):
    layer = QgsVectorLayer("Point?crs=EPSG:3347&field=point_id:string&field=order_of_government:string&"
                           "field=organization:string&field=name_en:string&field=services:string", "s", "memory")  # fmt: skip
    features = []
    for pid, x, y, order in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + y)))
        f.setAttributes([pid, order, pid, pid, "passport"])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


DEMAND = [
    ("A", 0, -10, 100),
    ("B", 2000, 0, 200),
    ("C", 1500, 1990, 50),
    ("D", 400, 2000, 80),
    ("E", 2600, 1000, 10),
]
SUPPLY = [("S1", 1000, 0, "federal"), ("S2", 0, 2000, "provincial")]


def by_road(supply_rows, cost=0, **extra):
    """crs:networkdistance's answer for every demand point: {DAUID: value}."""
    out = processing.run("crs:networkdistance", {"INPUT": areas(DEMAND), "SERVICE_POINTS": services(supply_rows),
                                                 "ROADS": roads(), "COST": cost, "OUTPUT": "memory:", **extra})  # fmt: skip
    field = "travel_min" if cost else "total_m"
    return {f["DAUID"]: value(f[field]) for f in out["OUTPUT"].getFeatures()}


def run(algorithm, **params):
    return processing.run(algorithm, {"INPUT": areas(DEMAND), "SERVICE_POINTS": services(SUPPLY), "ROADS": roads(),
                                      "OUTPUT": "memory:", **params})  # fmt: skip


@pytest.mark.parametrize("method", [ROAD_DISTANCE, TRAVEL_TIME])
def test_coverage_and_gaps_by_road_equal_network_distance(crs_provider, method):
    expected = by_road(SUPPLY, cost=1 if method == TRAVEL_TIME else 0)
    field = "travel_min" if method == TRAVEL_TIME else "distance_m"
    coverage = run("crs:coverage", DISTANCE_METHOD=method, THRESHOLDS_KM="1, 2.5", SUMMARY="memory:")
    got = {f["DAUID"]: f for f in coverage["OUTPUT"].getFeatures()}
    unit = 60.0 if method == TRAVEL_TIME else 1000.0  # thresholds: minutes or km
    for dauid, distance in expected.items():
        assert got[dauid][field] == pytest.approx(distance, abs=1e-6)
        suffix = "min" if method == TRAVEL_TIME else "km"
        assert got[dauid][f"within_2.5{suffix}"] == (
            distance * (60 if method == TRAVEL_TIME else 1) <= 2.5 * unit
        )
    limit = dict(THRESHOLD=2500.0) if method == ROAD_DISTANCE else dict(TRAVEL_MINUTES=2.5)
    gaps = run("crs:servicegaps", DISTANCE_METHOD=method, ZONES="memory:", **limit)
    left_out = {f["DAUID"]: f[field] for f in gaps["OUTPUT"].getFeatures()}
    limit_value = 2500.0 if method == ROAD_DISTANCE else 2.5
    assert left_out.keys() == {d for d, v in expected.items() if v is None or v > limit_value}
    assert left_out  # the river makes some areas gaps by road that are not in a straight line


def test_road_distance_differs_from_straight_lines_where_the_river_is(crs_provider):
    straight = {
        f["DAUID"]: f["distance_m"] for f in run("crs:coverage", SUMMARY="memory:")["OUTPUT"].getFeatures()
    }
    road = {f["DAUID"]: f["distance_m"] for f in run("crs:coverage", SUMMARY="memory:",
                                                      DISTANCE_METHOD=ROAD_DISTANCE)["OUTPUT"].getFeatures()}  # fmt: skip
    assert road["A"] > straight["A"] + 900  # no bridge: A's nearest by road is S2, 2 km up the grid


def test_catchment_overlap_by_road(crs_provider):
    federal = by_road(SUPPLY[:1])
    provincial = by_road(SUPPLY[1:])
    out = run("crs:catchmentoverlap", DISTANCE_METHOD=ROAD_DISTANCE, DISTANCE=1500, NETWORK_A_ORDERS=[0],
              NETWORK_B_ORDERS=[1], ZONES="memory:")  # fmt: skip
    for f in out["OUTPUT"].getFeatures():
        in_a = federal[f["DAUID"]] is not None and federal[f["DAUID"]] <= 1500
        in_b = provincial[f["DAUID"]] is not None and provincial[f["DAUID"]] <= 1500
        expected = "both" if in_a and in_b else "a_only" if in_a else "b_only" if in_b else "neither"
        assert f["served_by"] == expected, f["DAUID"]
        assert f["distance_a_m"] == pytest.approx(federal[f["DAUID"]], abs=1e-6)


def test_accessibility_by_road_equals_two_step_fca_by_hand(crs_provider):
    radius = 2500.0
    trip = {pid: by_road([row]) for pid, *row in [(s[0], *s) for s in SUPPLY]}
    population = {d: p for d, _, _, p in DEMAND}
    # Step 1: each service's population in reach; step 2: the ratios of the services each area reaches.
    ratio = {
        s: 1.0 / sum(population[d] for d, t in trip[s].items() if t is not None and t <= radius) for s in trip
    }
    expected = {
        d: sum(ratio[s] for s in trip if trip[s][d] is not None and trip[s][d] <= radius) for d in population
    }
    out = run("crs:accessibility", DISTANCE_METHOD=ROAD_DISTANCE, RADIUS=radius)
    got = {f["DAUID"]: (f["access_score"], f["points_in_reach"]) for f in out["OUTPUT"].getFeatures()}
    for d, score in expected.items():
        assert got[d][0] == pytest.approx(score, rel=1e-12)
        assert got[d][1] == sum(1 for s in trip if trip[s][d] is not None and trip[s][d] <= radius)


def test_colocation_by_road_measures_along_the_roads(crs_provider):
    points = services(
        [("S1", 1000, 0, "federal"), ("S2", 0, 2000, "provincial"), ("S3", 1000, 10, "municipal")]
    )
    straight = processing.run("crs:colocationcandidates", {"SERVICE_POINTS": points, "DISTANCE": 1500,
                                                           "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    road = processing.run("crs:colocationcandidates", {"SERVICE_POINTS": points, "DISTANCE": 1500, "ROADS": roads(),
                                                       "DISTANCE_METHOD": ROAD_DISTANCE, "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    pairs = {(f["a_point_id"], f["b_point_id"]): f["distance_m"] for f in road.getFeatures()}
    assert ("S1", "S3") in pairs and pairs[("S1", "S3")] == pytest.approx(
        10.0, rel=1e-3
    )  # 10 m of road, on the ellipsoid
    assert {(f["a_point_id"], f["b_point_id"]) for f in straight.getFeatures()} >= set(pairs)
    assert ("S1", "S2") not in pairs  # 1.4 km apart in a straight line, over 3 km by road


def test_by_road_without_roads_is_a_clear_error(crs_provider):
    with pytest.raises(QgsProcessingException, match="needs a road network layer"):
        processing.run("crs:coverage", {"INPUT": areas(DEMAND), "SERVICE_POINTS": services(SUPPLY),
                                        "DISTANCE_METHOD": ROAD_DISTANCE, "OUTPUT": "memory:", "SUMMARY": "memory:"})  # fmt: skip


def test_coverage_by_road_equals_network_distance_on_the_sample(
    crs_provider, sample_roads, census_copy, sample_store
):
    census = QgsVectorLayer(f"{census_copy}|layername=dissemination_areas", "census", "ogr")
    census.setSubsetString("\"PRUID\" = '13'")
    points = f"{sample_store}|layername=service_points"
    nearest = processing.run("crs:networkdistance", {"INPUT": census, "SERVICE_POINTS": points,
                                                     "ROADS": sample_roads, "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    coverage = processing.run("crs:coverage", {"INPUT": census, "SERVICE_POINTS": points, "ROADS": sample_roads,
                                               "DISTANCE_METHOD": ROAD_DISTANCE, "OUTPUT": "memory:",
                                               "SUMMARY": "memory:"})["OUTPUT"]  # fmt: skip
    expected = {f["DAUID"]: value(f["total_m"]) for f in nearest.getFeatures()}
    got = {f["DAUID"]: value(f["distance_m"]) for f in coverage.getFeatures()}
    assert got.keys() == expected.keys() and len(got) > 500
    both = [d for d in got if got[d] is not None]
    assert len(both) == sum(v is not None for v in expected.values()) > 0.9 * len(got)
    assert np.allclose([got[d] for d in both], [expected[d] for d in both], rtol=0, atol=1e-6)
