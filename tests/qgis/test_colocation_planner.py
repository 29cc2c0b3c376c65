"""crs:colocationplanner through Processing: a case computed by hand, and the sample data checked
against crs:coverage (straight line and by road) run on the existing points plus the chosen sites."""

from __future__ import annotations

import processing
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsSettings, QgsVectorLayer

from tests.conftest import CENSUS

# Areas on a line (EPSG:3347 metres) with their people; the existing federal point F at x = 0
# reaches A1 and A2 within 10 km. Candidates: P1 (provincial) reaches A3 (500) and A4 (300);
# M1 (municipal) reaches A4 (300) and A5 (400); M2 (municipal) reaches A6 (50).
AREAS = [("A1", 0, 1000), ("A2", 8_000, 200), ("A3", 30_000, 500), ("A4", 40_000, 300),
         ("A5", 50_000, 400), ("A6", 90_000, 50)]  # fmt: skip
POINTS = [("F", "federal", "in_person", 0, 5.0), ("P1", "provincial", "in_person", 35_000, 3.0),
          ("M1", "municipal", "in_person", 46_000, 1.0), ("M2", "municipal", "in_person", 90_000, 1.0),
          ("C1", "provincial", "call_centre", 40_000, 1.0)]  # fmt: skip


def areas_layer():
    layer = QgsVectorLayer("Point?crs=EPSG:3347&field=name:string&field=POP2021:double", "areas", "memory")
    features = []
    for name, x, people in AREAS:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name, people])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 0)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def points_layer():
    layer = QgsVectorLayer(
        "Point?crs=EPSG:3347&field=point_id:string&field=name_en:string&field=order_of_government:string"
        "&field=channel:string&field=cost:double", "points", "memory",
    )  # fmt: skip
    features = []
    for ident, order, channel, x, cost in POINTS:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([ident, f"Office {ident}", order, channel, cost])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 0)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def plan(**extra):
    return processing.run("crs:colocationplanner", {
        "INPUT": areas_layer(), "SERVICE_POINTS": points_layer(), "DISTANCE": 10_000, "OUTPUT": "memory:",
        "CURVE": "memory:", "UNCOVERED": "memory:", **extra,
    })  # fmt: skip


def sites(result):
    return [(f["rank"], f["point_id"], f["added_population"]) for f in result["OUTPUT"].getFeatures()]


@pytest.mark.parametrize("solver", [0, 1])
def test_maximal_coverage_by_hand(crs_provider, solver):
    out = plan(SITES=2, SOLVER=solver)
    # P1 first (800 people), then M1 adds A5 (400); the call centre is no candidate, F is kept.
    assert sites(out) == [(1, "P1", 800.0), (2, "M1", 400.0)]
    assert (out["POPULATION_BEFORE"], out["POPULATION_AFTER"], out["SITES_ADDED"]) == (1200.0, 2400.0, 2)
    curve = [(f["sites_added"], f["point_id"], f["population_within"]) for f in out["CURVE"].getFeatures()]
    assert curve == [(0, None, 1200.0), (1, "P1", 2000.0), (2, "M1", 2400.0)]
    assert [(f["name"], f["population_uncovered"]) for f in out["UNCOVERED"].getFeatures()] == [("A6", 50.0)]
    assert out["HEADLINE"].startswith("Adding 2 sites brings 1,200 more people within 10 km of a service point: "
                                     "98.0 % of the 2,450 people, up from 49.0 %")  # fmt: skip


def test_budget_with_a_cost_field_and_set_covering_by_hand(crs_provider):
    # Budget 2: P1 (cost 3) does not fit; M1 (1) and M2 (1) do.
    out = plan(BUDGET=2, COST_FIELD="cost")
    assert [s[1] for s in sites(out)] == ["M1", "M2"]
    assert out["POPULATION_AFTER"] == 1200 + 700 + 50
    # 90 % of 2,450 = 2,205 people: P1 and M1 reach 2,400; the fewest sites is 2.
    covering = plan(OBJECTIVE=2, TARGET_PERCENT=90, SOLVER=1)
    assert sorted(s[1] for s in sites(covering)) == ["M1", "P1"]
    assert "reach the 90.0 % target" in covering["HEADLINE"]


def test_p_median_by_hand(crs_provider):
    out = plan(OBJECTIVE=1, SITES=1, SOLVER=1)
    rows = [(f["point_id"], f["people_served"]) for f in out["OUTPUT"].getFeatures()]
    # P1 at 35 km brings A3, A4 (5 km), A5 (15 km) and A6 (55 km) nearer: 38,750 person-km saved
    # (M1 at 46 km would save 37,900), and serves their 1,250 people.
    assert rows == [("P1", 1250.0)]
    curve = [f["mean_distance_km"] for f in out["CURVE"].getFeatures()]
    before = (1000 * 0 + 200 * 8 + 500 * 30 + 300 * 40 + 400 * 50 + 50 * 90) / 2450
    after = (200 * 8 + 500 * 5 + 300 * 5 + 400 * 15 + 50 * 55) / 2450
    assert curve == pytest.approx([before, after])


def test_summary_in_french(crs_provider):
    settings = QgsSettings()
    settings.setValue("locale/userLocale", "fr_CA")
    try:
        out = plan(SITES=1)
    finally:
        settings.remove("locale/userLocale")
    assert out["HEADLINE"].startswith("Ajouter 1 site place 800 personnes de plus à 10 km ou moins")


def coverage_after(store, point_ids, **method):
    """Population within 50 km of the federal in-person points and the given points, by crs:coverage."""
    points = QgsVectorLayer(f"{store}|layername=service_points", "points", "ogr")
    ids = ", ".join(f"'{i}'" for i in point_ids) or "''"
    points.setSubsetString(
        f'("order_of_government" = \'federal\' AND "channel" = \'in_person\') OR "point_id" IN ({ids})'
    )
    out = processing.run("crs:coverage", {"INPUT": str(CENSUS), "SERVICE_POINTS": points, "THRESHOLDS_KM": "50",
                                          "OUTPUT": "memory:", "SUMMARY": "memory:", "GROUP_FIELD": "", **method})  # fmt: skip
    return next(out["SUMMARY"].getFeatures())["pop_within_50km"]


@pytest.mark.parametrize("by_road", [False, True])
def test_sample_plan_equals_coverage_of_the_points_it_opens(crs_provider, store_copy, census_copy, sample_roads,
                                                            tmp_path, by_road):  # fmt: skip
    method = {"DISTANCE_METHOD": 1, "ROADS": sample_roads} if by_road else {}
    out = processing.run("crs:colocationplanner", {
        "INPUT": str(census_copy), "SERVICE_POINTS": f"{store_copy}|layername=service_points", "SITES": 4,
        "DISTANCE": 50_000, "OUTPUT": "memory:", "CURVE": "memory:", "UNCOVERED": "memory:",
        "CHART": str(tmp_path / "curve.png"), **method,
    })  # fmt: skip
    chosen = [f["point_id"] for f in out["OUTPUT"].getFeatures()]
    assert len(chosen) == 4 and out["SITES_ADDED"] == 4
    assert out["POPULATION_BEFORE"] == pytest.approx(coverage_after(store_copy, [], **method))
    assert out["POPULATION_AFTER"] == pytest.approx(coverage_after(store_copy, chosen, **method))
    curve = [f["population_within"] for f in out["CURVE"].getFeatures()]
    assert curve[0] == pytest.approx(out["POPULATION_BEFORE"]) and curve[-1] == pytest.approx(
        out["POPULATION_AFTER"]
    )
    assert all(b >= a for a, b in zip(curve, curve[1:]))
    total = sum(f["POP2021"] or 0 for f in QgsVectorLayer(str(census_copy), "c", "ogr").getFeatures())
    left = sum(f["population_uncovered"] for f in out["UNCOVERED"].getFeatures())
    assert left == pytest.approx(total - out["POPULATION_AFTER"])
    assert (tmp_path / "curve.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert 0.0 <= out["GAP"] < 0.05


def test_sample_exact_is_at_least_greedy_and_p_median_lowers_the_distance(
    crs_provider, sample_store, census_copy
):
    common = {"INPUT": str(census_copy), "SERVICE_POINTS": f"{sample_store}|layername=service_points", "SITES": 6,
              "OUTPUT": "memory:"}  # fmt: skip
    greedy = processing.run("crs:colocationplanner", common)
    exact = processing.run("crs:colocationplanner", {**common, "SOLVER": 1})
    assert exact["POPULATION_AFTER"] >= greedy["POPULATION_AFTER"] - 1e-6
    assert "(optimal)" in exact["HEADLINE"]
    median = processing.run("crs:colocationplanner", {**common, "OBJECTIVE": 1, "CURVE": "memory:"})
    distances = [f["mean_distance_km"] for f in median["CURVE"].getFeatures()]
    assert len(distances) == 7 and all(b < a for a, b in zip(distances, distances[1:]))
