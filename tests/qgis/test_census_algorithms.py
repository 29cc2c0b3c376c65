"""crs:importcensus through Processing, and any census characteristic in the analyses.

The census layer imported from the fixtures (tests/data/census) carries population-weighted
representative points: the analyses measure from them, not from the polygons' centroids.
"""

from __future__ import annotations

import processing
import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerJoinInfo,
)

from tests.unit.test_census import ATLANTIC, DAS, DBS, EXPECTED, GAF, QUEBEC, SDMX


def value(v):
    return None if v is None or v == NULL else v


@pytest.fixture(scope="module")
def census_store(tmp_path_factory, qgis_processing):
    from qgis.core import QgsApplication

    from crs_plugin.processing.provider import CrsProvider

    if QgsApplication.processingRegistry().providerById("crs") is None:
        from tests.conftest import _KEEP_ALIVE

        provider = CrsProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        _KEEP_ALIVE.append(provider)
    store = tmp_path_factory.mktemp("census") / "crs.gpkg"
    result = processing.run("crs:importcensus", {
        "BOUNDARIES": str(DAS), "PROFILES": [str(ATLANTIC), str(QUEBEC)], "GEOGRAPHIC_ATTRIBUTES": str(GAF),
        "BLOCKS": str(DBS), "OUTPUT": str(store),
    })  # fmt: skip
    return store, result


def areas_layer(store):
    layer = QgsVectorLayer(f"{store}|layername=census_population", "census", "ogr")
    assert layer.isValid()
    return layer


def points_at(*xy_3347, languages=None):
    """Service points (memory layer in EPSG:3347) at the given coordinates."""
    layer = QgsVectorLayer(
        "Point?crs=EPSG:3347&field=point_id:string&field=order_of_government:string&field=channel:string"
        "&field=languages:string", "points", "memory",
    )  # fmt: skip
    features = []
    for i, (x, y) in enumerate(xy_3347):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([f"p{i}", "federal", "in_person", (languages or ["en;fr"] * len(xy_3347))[i]])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_import_census_through_processing(census_store):
    store, result = census_store
    assert result["AREAS"] == 8 and result["AREAS_JOINED"] == 7
    assert "2 areas suppressed (x) for 'Population aged 65 and over': NULL." in result["REPORT"]
    layer = QgsVectorLayer(result["CENSUS_LAYER"], "census", "ogr")
    assert layer.isValid() and layer.featureCount() == 8 and layer.crs().authid() == "EPSG:3347"
    rows = {f["DAUID"]: f for f in layer.getFeatures()}
    assert rows["13070001"]["age_65_plus"] == 125 and value(rows["13070003"]["age_65_plus"]) is None


def test_import_census_one_province_from_the_web_service(tmp_path, census_store):
    store = tmp_path / "crs.gpkg"
    result = processing.run("crs:importcensus", {
        "BOUNDARIES": str(DAS), "SDMX": [str(SDMX)], "PROVINCES": "NB", "CHARACTERISTICS": [20],
        "LAYER_NAME": "fols", "OUTPUT": str(store),
    })  # fmt: skip
    layer = QgsVectorLayer(result["CENSUS_LAYER"], "fols", "ogr")
    names = layer.fields().names()
    assert "fols_fr" in names and "fols_total" in names and "age_65_plus" not in names
    with pytest.raises(QgsProcessingException, match="not a province"):
        processing.run("crs:importcensus", {"BOUNDARIES": str(DAS), "SDMX": [str(SDMX)], "PROVINCES": "XX",
                                            "OUTPUT": str(store)})  # fmt: skip


def test_analyses_measure_from_the_representative_point(census_store):
    """A point on 13070001's population-weighted point: 0 m from it, while the square's
    centroid is 361 m away (700 m east and 500 m north of the corner vs 1000, 1000)."""
    store, _ = census_store
    x0, y0 = EXPECTED["squares"]["13070001"]
    services = points_at((x0 + 700, y0 + 500))
    out = processing.run("crs:nearestservice", {"INPUT": areas_layer(store), "SERVICE_POINTS": services,
                                                "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    distance = {f["DAUID"]: f["distance_m"] for f in out.getFeatures()}
    assert distance["13070001"] == pytest.approx(0.0, abs=1e-6)
    out = processing.run("crs:coverage", {"INPUT": areas_layer(store), "SERVICE_POINTS": services,
                                          "THRESHOLDS_KM": "0.1", "POPULATION_FIELD": "pop_2021",
                                          "OUTPUT": "memory:", "SUMMARY": "memory:"})  # fmt: skip
    covered = {f["DAUID"]: f["within_0.1km"] for f in out["OUTPUT"].getFeatures()}
    assert covered["13070001"] is True and covered["13070002"] is False


def test_coverage_of_people_aged_65_and_over_against_their_universe(census_store):
    """Within 3 km of a point at 13070001's: its 125 people aged 65 and over and 13070002's 85
    (1.7 km away) out of 210 in New Brunswick: a share of the 65+ population (1.0), with the 65+
    share of all people (210 / 850) beside it."""
    store, _ = census_store
    x0, y0 = EXPECTED["squares"]["13070001"]
    out = processing.run("crs:coverage", {
        "INPUT": areas_layer(store), "SERVICE_POINTS": points_at((x0 + 700, y0 + 500)), "THRESHOLDS_KM": "3",
        "POPULATION_FIELD": "age_65_plus", "OUTPUT": "memory:", "SUMMARY": "memory:",
    })  # fmt: skip
    summary = {f["jurisdiction"]: f for f in out["SUMMARY"].getFeatures()}
    nb = summary["13"]
    assert nb["population"] == 210 and nb["pop_within_3km"] == 210 and nb["share_within_3km"] == 1.0
    assert nb["universe"] == 850 and nb["share_of_universe"] == pytest.approx(210 / 850)
    assert nb["areas_unknown_population"] == 3


def test_a_percentage_is_counted_with_its_universe(census_store):
    """Prevalence of low income (%) x people in private households: 12.1 % of 495 + 13.6 % of 590…"""
    store, _ = census_store
    out = processing.run("crs:coverage", {
        "INPUT": areas_layer(store), "SERVICE_POINTS": points_at((0, 0)), "THRESHOLDS_KM": "1",
        "POPULATION_FIELD": "lim_at_pct", "OUTPUT": "memory:", "SUMMARY": "memory:",
    })  # fmt: skip
    summary = {f["jurisdiction"]: f for f in out["SUMMARY"].getFeatures()}
    assert summary["13"]["population"] == pytest.approx(0.121 * 495)
    assert summary["24"]["population"] == pytest.approx(0.136 * 590 + 0.09 * 445 + 0.152 * 790)


def test_characteristics_joined_in_qgis_in_every_analysis(census_store, tmp_path):
    """The areas without characteristics, a table of them joined in QGIS ('census_' prefix): the
    2SFCA weighted by Indigenous people and the gaps for people in low income use the joined
    fields, and the universe is found under the same prefix."""
    store, _ = census_store
    areas = QgsVectorLayer(f"/vsizip/{DAS}/lda_000b21a_e.shp", "areas", "ogr")
    assert areas.isValid()
    table = QgsVectorLayer(f"{store}|layername=census_population", "table", "ogr")
    QgsProject.instance().addMapLayers([areas, table])
    join = QgsVectorLayerJoinInfo()
    join.setJoinLayer(table)
    join.setJoinFieldName("DAUID")
    join.setTargetFieldName("DAUID")
    join.setPrefix("census_")
    join.setJoinFieldNamesSubset(["age_total", "age_65_plus", "indig", "lim_at"])
    assert areas.addJoin(join)
    try:
        x0, y0 = EXPECTED["squares"]["24660001"]
        services = points_at((x0 + 1000, y0 + 1500))
        out = processing.run("crs:coverage", {
            "INPUT": areas, "SERVICE_POINTS": services, "THRESHOLDS_KM": "50",
            "POPULATION_FIELD": "census_age_65_plus", "OUTPUT": "memory:", "SUMMARY": "memory:",
        })  # fmt: skip
        quebec = {f["jurisdiction"]: f for f in out["SUMMARY"].getFeatures()}["24"]
        assert quebec["population"] == 230 and quebec["universe"] == 1850
        access = processing.run("crs:accessibility", {
            "INPUT": areas, "SERVICE_POINTS": services, "POPULATION_FIELD": "census_indig", "RADIUS": 50000,
            "OUTPUT": "memory:",
        })["OUTPUT"]  # fmt: skip
        scores = {f["DAUID"]: value(f["access_score"]) for f in access.getFeatures()}
        assert scores["24660001"] == pytest.approx(1 / 35)  # one point for 10 + 5 + 20 Indigenous people
        gaps = processing.run("crs:servicegaps", {
            "INPUT": areas, "SERVICE_POINTS": services, "POPULATION_FIELD": "census_lim_at", "THRESHOLD": 5000,
            "OUTPUT": "memory:", "ZONES": "memory:",
        })["OUTPUT"]  # fmt: skip
        left_out = {f["DAUID"]: value(f["population_left_out"]) for f in gaps.getFeatures()}
        assert left_out["13070001"] == 60 and "24660001" not in left_out
    finally:
        QgsProject.instance().removeMapLayers([areas.id(), table.id()])
