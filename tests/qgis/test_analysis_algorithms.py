"""The analysis algorithms through Processing, against QGIS's own algorithms where one exists."""

from __future__ import annotations

import math

import numpy as np
import processing
import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsVectorLayer,
)

from tests.conftest import CENSUS, N_AREAS

SEGMENTS = 64  # buffer segments per quarter circle in the native chain


def value(v, null=None):
    return null if v is None or v == NULL else v


def census():
    layer = QgsVectorLayer(f"{CENSUS}|layername=dissemination_areas", "da", "ogr")
    assert layer.isValid()
    return layer


def points(store):
    return f"{store}|layername=service_points"


def run(alg, **params):
    return processing.run(alg, {**params})


def test_coverage_equals_native_buffer_and_select_by_location(crs_provider, sample_store):
    ours = run("crs:coverage", INPUT=census(), SERVICE_POINTS=points(sample_store), ORDERS_OF_GOVERNMENT=[0],
               THRESHOLDS_KM="5, 25", OUTPUT="memory:", SUMMARY="memory:")  # fmt: skip
    rows = {f["DAUID"]: (value(f["POP2021"], 0), f["distance_m"], f["within_5km"], f["within_25km"])
            for f in ours["OUTPUT"].getFeatures()}  # fmt: skip
    assert len(rows) == N_AREAS
    services = run(
        "native:reprojectlayer", INPUT=points(sample_store), TARGET_CRS="EPSG:3347", OUTPUT="memory:"
    )["OUTPUT"]
    # Federal points people go to (the call centres' addresses are not measured to).
    services.setSubsetString(
        "\"order_of_government\" = 'federal' AND \"channel\" NOT IN ('call_centre', 'digital')"
    )
    federal = run("native:extractbyexpression", INPUT=services, EXPRESSION="true", OUTPUT="memory:")["OUTPUT"]
    centroids = run("native:centroids", INPUT=census(), OUTPUT="memory:")["OUTPUT"]
    for threshold, column in ((5000.0, 2), (25000.0, 3)):
        buffers = run("native:buffer", INPUT=federal, DISTANCE=threshold, SEGMENTS=SEGMENTS, DISSOLVE=True,
                      OUTPUT="memory:")["OUTPUT"]  # fmt: skip
        inside = run("native:extractbylocation", INPUT=centroids, PREDICATE=[0], INTERSECT=buffers,
                     OUTPUT="memory:")["OUTPUT"]  # fmt: skip
        native = {f["DAUID"] for f in inside.getFeatures()}
        ours_in = {k for k, r in rows.items() if r[column]}
        # The buffer polygon is inscribed in the circle: only areas in that thin band may differ.
        band = threshold * (1 - math.cos(math.pi / (4 * SEGMENTS))) + 1e-6
        for dauid in ours_in ^ native:
            assert threshold - band <= rows[dauid][1] <= threshold, dauid
        assert native <= ours_in
        native_pop = sum(rows[k][0] for k in native)
        ours_pop = sum(rows[k][0] for k in ours_in)
        assert native_pop <= ours_pop <= native_pop + sum(rows[k][0] for k in ours_in - native)
        assert len(ours_in - native) <= 2
    summary = {f["jurisdiction"]: f for f in ours["SUMMARY"].getFeatures()}
    assert list(summary) == ["13", "59", "all"]  # provinces, then a total row for all areas
    total_5 = sum(r[0] for r in rows.values() if r[2])
    assert summary["13"]["pop_within_5km"] + summary["59"]["pop_within_5km"] == total_5
    assert summary["all"]["pop_within_5km"] == total_5
    assert summary["all"]["population"] == summary["13"]["population"] + summary["59"]["population"]
    assert 0 < summary["59"]["share_within_25km"] <= 1
    # Provinces by name, shares also as percentages, and the headline the log gives.
    assert [summary[k]["name"] for k in ("13", "59", "all")] == [
        "New Brunswick",
        "British Columbia",
        "All areas",
    ]
    assert summary["59"]["pct_within_25km"] == round(100 * summary["59"]["share_within_25km"], 2)
    bc = summary["59"]
    assert bc["headline"] == (
        f"BC: {bc['population']:,.0f} people, {100 * bc['share_within_25km']:.1f} % within 25 km of a federal point"
    )
    assert ours["HEADLINES"].splitlines()[1] == bc["headline"]


def test_coverage_headline_reads_as_the_issue_asks(crs_provider, sample_store):
    """The sample's headline for British Columbia, in English and French."""
    from crs_plugin.core.analysis.coverage import coverage_headline
    from crs_plugin.core.filters import ServiceFilter

    row = {"population": 1_645_350, "share_within_50km": 0.9617}
    point = ServiceFilter(orders=("federal",), channels=("in_person",))
    assert coverage_headline("59", row, "share_within_50km", "50 km", point.point_phrase("en"), "en") == (
        "BC: 1,645,350 people, 96.2 % within 50 km of an in-person federal point"
    )
    assert coverage_headline(
        "59", row, "share_within_50km", "50\u00a0km", point.point_phrase("fr"), "fr"
    ) == (
        "BC : 1\u00a0645\u00a0350 personnes, 96,2\u00a0% à moins de 50\u00a0km d'un point fédéral en personne"
    )


def test_service_gaps_rank_and_zones(crs_provider, sample_store):
    nearest = run("crs:nearestservice", INPUT=census(), SERVICE_POINTS=points(sample_store), ORDERS_OF_GOVERNMENT=[1],
                  OUTPUT="memory:")["OUTPUT"]  # fmt: skip
    expected = {f["DAUID"]: value(f["POP2021"], 0) for f in nearest.getFeatures() if f["distance_m"] > 25000}
    out = run("crs:servicegaps", INPUT=census(), SERVICE_POINTS=points(sample_store), ORDERS_OF_GOVERNMENT=[1],
              THRESHOLD=25000, OUTPUT="memory:", ZONES="memory:")  # fmt: skip
    gaps = {f["DAUID"]: (f["gap_rank"], f["population_left_out"]) for f in out["OUTPUT"].getFeatures()}
    assert set(gaps) == set(expected) and len(gaps) > 50
    ranked = sorted(gaps.values())
    assert [p for _, p in ranked] == sorted((p for _, p in ranked), reverse=True)
    zones = list(out["ZONES"].getFeatures())
    assert sum(z["population"] for z in zones) == pytest.approx(sum(expected.values()))
    assert sum(z["areas"] for z in zones) == len(expected)
    assert all(z.geometry().isGeosValid() for z in zones)


def test_colocation_candidates_on_sample_match_brute_force(crs_provider, sample_store):
    out = run(
        "crs:colocationcandidates", SERVICE_POINTS=points(sample_store), DISTANCE=500, OUTPUT="memory:"
    )["OUTPUT"]
    layer = run(
        "native:reprojectlayer", INPUT=points(sample_store), TARGET_CRS="EPSG:3347", OUTPUT="memory:"
    )["OUTPUT"]
    feats = list(layer.getFeatures())
    expected = set()
    for a in range(len(feats)):
        for b in range(a + 1, len(feats)):
            fa, fb = feats[a], feats[b]
            if fa["order_of_government"] != fb["order_of_government"]:
                if fa.geometry().distance(fb.geometry()) <= 500:
                    expected.add(frozenset((fa["point_id"], fb["point_id"])))
    got = {frozenset((f["a_point_id"], f["b_point_id"])) for f in out.getFeatures()}
    assert got == expected and len(got) > 20
    for f in out.getFeatures():
        assert f["a_order"] != f["b_order"] and f["distance_m"] <= 500
        assert abs(f.geometry().length() - f["distance_m"]) < 1e-6


def memory_points(rows, crs="EPSG:3347"):
    layer = QgsVectorLayer(
        f"Point?crs={crs}&field=point_id:string&field=name_en:string&field=name_fr:string&field=street_address:string"
        "&field=source_id:string&field=order_of_government:string&field=organization:string&field=services:string",
        "points", "memory",
    )  # fmt: skip
    features = []
    for x, y, *attrs in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes(list(attrs))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def test_duplicates_algorithm_by_hand(crs_provider):
    layer = memory_points([
        (0, 0, "a:1", "Service Canada Centre - Moncton", None, "100 Main Street", "a", "federal", "SC", ""),
        (40, 30, "b:1", "Moncton Service Canada", None, "100 Main St.", "b", "federal", "SC", ""),
        (20, 0, "c:1", "Service New Brunswick - Moncton", None, "100 Main St", "c", "provincial", "SNB", ""),
    ])  # fmt: skip
    out = run("crs:duplicates", SERVICE_POINTS=layer, DISTANCE=100, OUTPUT="memory:")["OUTPUT"]
    rows = [(f["a_point_id"], f["b_point_id"], round(f["score"], 9)) for f in out.getFeatures()]
    assert rows == [("a:1", "b:1", 0.8)]  # 0.4 * 0.5 + 0.4 * 1 + 0.2 * 1; c is another government


def test_accessibility_algorithm_matches_core_and_counts_points(crs_provider, sample_store):
    out = run("crs:accessibility", INPUT=census(), SERVICE_POINTS=points(sample_store), RADIUS=30000, METHOD=0,
              OUTPUT="memory:")["OUTPUT"]  # fmt: skip
    scores = np.array([f["access_score"] for f in out.getFeatures()], dtype=float)
    pops = np.array([value(f["POP2021"], 0) for f in out.getFeatures()], dtype=float)
    in_reach = np.array([f["points_in_reach"] for f in out.getFeatures()])
    assert (scores[in_reach == 0] == 0).all() and (scores[in_reach > 0] > 0).any()
    assert out.featureCount() == N_AREAS
    # Conservation: each point's capacity (1) is shared out among the people in reach, so
    # sum_i A_i P_i equals the number of points with a populated area within 30 km.
    populated = run("native:centroids", INPUT=census(), OUTPUT="memory:")["OUTPUT"]
    populated = run(
        "native:extractbyexpression", INPUT=populated, EXPRESSION='"POP2021" > 0', OUTPUT="memory:"
    )["OUTPUT"]
    counters = QgsVectorLayer(points(sample_store), "counters", "ogr")  # 2SFCA leaves the call centres out
    counters.setSubsetString("\"channel\" NOT IN ('call_centre', 'digital')")
    reach = run("crs:nearestservice", INPUT=counters, SERVICE_POINTS=populated, SERVICE_ID_FIELD="DAUID",
                SERVICE_NAME_FIELD="DAUID", MAX_DISTANCE=30000, OUTPUT="memory:")["OUTPUT"]  # fmt: skip
    served_points = sum(1 for f in reach.getFeatures() if value(f["nearest_id"]) is not None)
    assert (scores * pops).sum() == pytest.approx(served_points, rel=1e-9)


def test_filters_matching_nothing_cover_nobody(crs_provider, sample_store):
    out = run("crs:coverage", INPUT=census(), SERVICE_POINTS=points(sample_store), ORDERS_OF_GOVERNMENT=[2],
              OUTPUT="memory:", SUMMARY="memory:")  # fmt: skip
    assert not any(f["within_50km"] for f in out["OUTPUT"].getFeatures())
    assert {f["pop_within_50km"] for f in out["SUMMARY"].getFeatures()} == {0.0}


def test_empty_service_layer_and_empty_areas(crs_provider):
    empty_points = memory_points([])
    gaps = run("crs:servicegaps", INPUT=census(), SERVICE_POINTS=empty_points, THRESHOLD=1000,
               OUTPUT="memory:", ZONES="memory:")  # fmt: skip
    assert gaps["OUTPUT"].featureCount() == N_AREAS  # everyone is in a gap
    empty_areas = QgsVectorLayer(
        "Polygon?crs=EPSG:3347&field=POP2021:integer&field=PRUID:string", "a", "memory"
    )
    out = run(
        "crs:coverage", INPUT=empty_areas, SERVICE_POINTS=empty_points, OUTPUT="memory:", SUMMARY="memory:"
    )
    assert out["OUTPUT"].featureCount() == 0 and out["SUMMARY"].featureCount() == 0


def test_invalid_polygons_are_rejected_by_default_and_repaired_when_checks_are_off(crs_provider):
    areas = QgsVectorLayer("Polygon?crs=EPSG:3347&field=POP2021:integer", "a", "memory")
    f = QgsFeature(areas.fields())
    f.setGeometry(
        QgsGeometry.fromWkt(
            "POLYGON((7000000 1500000, 7001000 1501000, 7001000 1500000, 7000000 1501000, 7000000 1500000))"
        )
    )
    f.setAttributes([120])
    areas.dataProvider().addFeatures([f])
    params = dict(INPUT=areas, SERVICE_POINTS=memory_points([(0, 0, "x:1")]), THRESHOLD=1000, OUTPUT="memory:",
                  ZONES="memory:")  # fmt: skip
    with pytest.raises(QgsProcessingException, match="invalid geometry"):
        run("crs:servicegaps", **params)
    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    out = processing.run("crs:servicegaps", params, context=context)
    zones = list(out["ZONES"].getFeatures())
    assert sum(z["population"] for z in zones) == 120 and all(z.geometry().isGeosValid() for z in zones)


def test_bad_thresholds_are_a_clear_error(crs_provider, sample_store):
    with pytest.raises(QgsProcessingException, match="kilometres"):
        run("crs:coverage", INPUT=census(), SERVICE_POINTS=points(sample_store), THRESHOLDS_KM="five",
            OUTPUT="memory:", SUMMARY="memory:")  # fmt: skip


def test_fast_geopackage_output_equals_the_sink_output(crs_provider, sample_store, tmp_path):
    params = dict(INPUT=str(CENSUS) + "|layername=dissemination_areas", SERVICE_POINTS=points(sample_store),
                  PER_ORDER_OF_GOVERNMENT=True)  # fmt: skip
    fast = run("crs:nearestservice", **params, OUTPUT=str(tmp_path / "fast.gpkg"))["OUTPUT"]
    slow = run("crs:nearestservice", **params, OUTPUT="memory:")["OUTPUT"]
    fast_layer = QgsVectorLayer(fast, "fast", "ogr")
    assert fast_layer.isValid() and fast_layer.featureCount() == slow.featureCount() == N_AREAS
    names = [f.name() for f in slow.fields()]
    assert [f.name() for f in fast_layer.fields()] == names
    a = {f["DAUID"]: [value(f[n]) for n in names] for f in fast_layer.getFeatures()}
    b = {f["DAUID"]: [value(f[n]) for n in names] for f in slow.getFeatures()}
    assert a == b
    g_fast = {f["DAUID"]: f.geometry().asWkt(3) for f in fast_layer.getFeatures()}
    g_slow = {f["DAUID"]: f.geometry().asWkt(3) for f in slow.getFeatures()}
    assert g_fast == g_slow


def test_catchment_overlap_distance_mode_agrees_with_coverage(crs_provider, sample_store):
    out = run("crs:catchmentoverlap", INPUT=census(), SERVICE_POINTS=points(sample_store), NETWORK_A_ORDERS=[0],
              NETWORK_B_ORDERS=[1], MODE=0, DISTANCE=10000, OUTPUT="memory:", ZONES="memory:")  # fmt: skip
    fed = run("crs:coverage", INPUT=census(), SERVICE_POINTS=points(sample_store), ORDERS_OF_GOVERNMENT=[0],
              THRESHOLDS_KM="10", OUTPUT="memory:", SUMMARY="memory:")["OUTPUT"]  # fmt: skip
    covered = {f["DAUID"]: f["within_10km"] for f in fed.getFeatures()}
    served = {f["DAUID"]: f["served_by"] for f in out["OUTPUT"].getFeatures()}
    assert {k for k, v in served.items() if v in ("both", "a_only")} == {k for k, v in covered.items() if v}
    zones = {f["served_by"]: f for f in out["ZONES"].getFeatures()}
    assert set(zones) == {"both", "a_only", "b_only"}
    pops = {f["DAUID"]: value(f["POP2021"], 0) for f in out["OUTPUT"].getFeatures()}
    assert zones["both"]["population"] == sum(pops[k] for k, v in served.items() if v == "both") > 0
    assert all(z.geometry().isGeosValid() and z["area_km2"] > 0 for z in zones.values())


def test_catchment_overlap_voronoi_mode_accounts_for_everyone(crs_provider, sample_store):
    out = run("crs:catchmentoverlap", INPUT=census(), SERVICE_POINTS=points(sample_store), NETWORK_A_ORDERS=[0],
              NETWORK_B_ORDERS=[1], MODE=1, OUTPUT="memory:", ZONES="memory:")  # fmt: skip
    total = sum(value(f["POP2021"], 0) for f in census().getFeatures())
    zones = list(out["ZONES"].getFeatures())
    assert sum(z["population"] for z in zones) == pytest.approx(total, rel=1e-3)
    assert all(value(f["catchment_a"]) and value(f["catchment_b"]) for f in out["OUTPUT"].getFeatures())


def test_suppressed_population_is_unknown_not_zero(crs_provider, sample_store):
    out = run("crs:coverage", INPUT=str(CENSUS) + "|layername=dissemination_areas", SERVICE_POINTS=points(sample_store),
              OUTPUT="memory:", SUMMARY="memory:")  # fmt: skip
    suppressed = sum(1 for f in census().getFeatures() if value(f["POP2021"]) is None)
    assert suppressed > 20
    rows = [f for f in out["SUMMARY"].getFeatures() if f["jurisdiction"] != "all"]
    assert sum(f["areas_unknown_population"] for f in rows) == suppressed
