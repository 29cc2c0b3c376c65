"""crs:servicestandard through Processing: a hand-made case, and the sample against crs:coverage."""

from __future__ import annotations

import json

import processing
import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from tests.qgis.test_colocation_planner import points_layer


def areas_layer():
    # Two provinces on a line (EPSG:3347): the federal point F at x = 0 reaches 10 km.
    layer = QgsVectorLayer("Point?crs=EPSG:3347&field=PRUID:string&field=POP2021:double", "areas", "memory")
    features = []
    for pruid, x, people in (("13", 0, 900), ("13", 35_000, 100), ("59", 50_000, 300), ("59", 90_000, 700)):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([pruid, people])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 0)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_standards_per_province_and_canada_with_the_sites_that_would_meet_them(crs_provider, tmp_path):
    path = tmp_path / "standards.json"
    path.write_text(json.dumps({"standards": [
        {"id": "s90_10km", "name_en": "90 % within 10 km", "name_fr": "90 % à 10 km", "share_percent": 90,
         "distance_km": 10},
        {"id": "s50_10km", "name_en": "50 % within 10 km", "name_fr": "50 % à 10 km", "share_percent": 50,
         "distance_km": 10}]}), encoding="utf-8")  # fmt: skip
    out = processing.run("crs:servicestandard", {
        "INPUT": areas_layer(), "SERVICE_POINTS": points_layer(), "STANDARDS": str(path), "OUTPUT": "memory:",
        "AREAS_MAP": "memory:", "SITES": "memory:",
    })  # fmt: skip
    rows = {(f["standard"], f["jurisdiction"]): f for f in out["OUTPUT"].getFeatures()}
    nb, bc, canada = rows["s90_10km", "13"], rows["s90_10km", "59"], rows["s90_10km", "CA"]
    assert (nb["population"], nb["pop_within"], nb["met"], nb["population_short"]) == (1000, 900, True, 0)
    # BC: nobody within 10 km of F; M1 (46 km) reaches the area at 50 km, M2 (90 km) the one at 90 km: both.
    assert (bc["pop_within"], bc["met"], bc["population_short"], bc["sites_needed"]) == (0, False, 900, 2)
    assert sorted(bc["sites"].split(";")) == ["M1", "M2"] and bc["share_with_sites"] == 1.0
    # Canada: 900 of 2,000 within reach; 90 % needs 1,800: P1 (the area at 35 km) is not enough, M1 and M2 are.
    assert (canada["population"], canada["sites_needed"], canada["met"]) == (2000, 2, False)
    assert rows["s50_10km", "CA"]["sites_needed"] == 1  # M2 (700 people) makes 1,600 / 2,000
    assert rows["s50_10km", "13"]["met"] and rows["s50_10km", "13"]["sites_needed"] == 0
    assert "British Columbia: 0.0 % of the 1,000 people live within 10 km" in out["HEADLINES"]
    sites = [(f["standard"], f["jurisdiction"], f["point_id"]) for f in out["SITES"].getFeatures()]
    assert ("s50_10km", "CA", "M2") in sites and len(sites) == 2 + 2 + 1 + 1
    within = [f["within_s90_10km"] for f in out["AREAS_MAP"].getFeatures()]
    assert within == [True, False, False, False]


def test_sample_standard_equals_coverage_per_province(crs_provider, sample_store, census_copy):
    points = f"{sample_store}|layername=service_points"
    out = processing.run("crs:servicestandard", {"INPUT": str(census_copy), "SERVICE_POINTS": points,
                                                 "OUTPUT": "memory:"})  # fmt: skip
    coverage = processing.run("crs:coverage", {"INPUT": str(census_copy), "SERVICE_POINTS": points,
                                               "ORDERS_OF_GOVERNMENT": [0], "CHANNELS": [0], "THRESHOLDS_KM": "25, 50",
                                               "OUTPUT": "memory:", "SUMMARY": "memory:"})  # fmt: skip
    expected = {f["jurisdiction"]: f for f in coverage["SUMMARY"].getFeatures()}
    rows = {(f["standard"], f["jurisdiction"]): f for f in out["OUTPUT"].getFeatures()}
    for pruid in ("13", "59"):
        assert rows["federal_in_person_50km", pruid]["pop_within"] == pytest.approx(
            expected[pruid]["pop_within_50km"]
        )
        assert rows["federal_in_person_50km", pruid]["met"]
        example = rows["example_92_percent_25km", pruid]
        assert example["pop_within"] == pytest.approx(expected[pruid]["pop_within_25km"])
    nb = rows["example_92_percent_25km", "13"]
    assert not nb["met"] and nb["sites_needed"] >= 1 and nb["share_with_sites"] >= 0.92
