"""Results that read as a report: outputs named after what was asked, below the service points in
the layer tree, with legends that fit them; lines from each area to its nearest point."""

from __future__ import annotations

import processing
import pytest
from qgis.core import QgsProject, QgsVectorLayer

from tests.conftest import CENSUS, N_AREAS

AREAS = f"{CENSUS}|layername=dissemination_areas"


@pytest.fixture
def project_with_points(sample_store):
    """A project with the service points in a group, as the panel adds them; emptied afterwards."""
    project = QgsProject.instance()
    project.clear()
    census = QgsVectorLayer(AREAS, "Census 2021", "ogr")
    points = QgsVectorLayer(f"{sample_store}|layername=service_points", "Service points", "ogr")
    project.addMapLayer(census)
    project.addMapLayer(points, False)
    project.layerTreeRoot().insertGroup(0, "CRS Service Points").addLayer(points)
    yield project, points, census
    project.clear()


def run_and_load(algorithm: str, params: dict) -> list:
    project = QgsProject.instance()
    before = set(project.mapLayers())
    processing.runAndLoadResults(algorithm, params)
    return [project.mapLayer(i) for i in project.mapLayers() if i not in before]


def aliases(layer, *names: str) -> list[str]:
    return [layer.attributeAlias(layer.fields().indexFromName(name)) for name in names]


def legend(layer) -> list[str]:
    return [item.label() for item in layer.renderer().legendSymbolItems()]


def test_nearest_federal_point_is_named_and_placed_below_the_points(crs_provider, project_with_points):
    project, points, census = project_with_points
    added = run_and_load("crs:nearestservice", {"INPUT": census, "SERVICE_POINTS": points, "ORDERS_OF_GOVERNMENT": [0],
                                                "OUTPUT": "memory:", "LINES": "memory:"})  # fmt: skip
    names = sorted(layer.name() for layer in added)
    assert names == ["Lines to the nearest federal point", "Nearest federal point"]
    group = project.layerTreeRoot().findGroup("CRS Service Points")
    order = [node.layer().name() for node in group.findLayers()]
    assert order[0] == "Service points" and set(order[1:]) == set(names)  # drawn under the points
    nearest = next(layer for layer in added if layer.name() == "Nearest federal point")
    assert legend(nearest)[0] == "within 5 km" and legend(nearest)[-1] == "no point within reach"
    # The columns the analysis added read as words in the attribute table and forms.
    assert aliases(nearest, "nearest_name", "nearest_order", "distance_m", "DAUID") == [
        "Nearest point", "Nearest point's order of government", "Distance (m)", ""]  # fmt: skip


def test_lines_to_the_nearest_point_join_each_area_to_its_point(crs_provider, sample_store):
    out = processing.run("crs:nearestservice", {"INPUT": AREAS, "SERVICE_POINTS": f"{sample_store}|layername=service_points",
                                                "OUTPUT": "memory:", "LINES": "memory:"})  # fmt: skip
    nearest = {f["DAUID"]: f for f in out["OUTPUT"].getFeatures()}
    lines = list(out["LINES"].getFeatures())
    assert len(lines) == N_AREAS == len(nearest)
    assert out["LINES"].crs().authid() == "EPSG:3347"
    points = QgsVectorLayer(f"{sample_store}|layername=service_points", "points", "ogr")
    for line in lines[::250]:
        area = nearest[line["DAUID"]]
        assert line["nearest_id"] == area["nearest_id"]
        # The line is as long as the distance measured, and ends at the nearest point.
        assert line.geometry().length() == pytest.approx(area["distance_m"], abs=0.01)
        point = next(p for p in points.getFeatures() if p["point_id"] == area["nearest_id"])
        end = line.geometry().asPolyline()[-1]
        lon_lat = point.geometry().asPoint()
        from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

        to_metric = QgsCoordinateTransform(
            points.crs(), QgsCoordinateReferenceSystem("EPSG:3347"), QgsProject.instance()
        )
        assert end.distance(to_metric.transform(lon_lat)) < 0.01


def test_legends_fit_the_results(crs_provider, project_with_points):
    _, points, census = project_with_points
    coverage = run_and_load("crs:coverage", {"INPUT": census, "SERVICE_POINTS": points, "ORDERS_OF_GOVERNMENT": [0],
                                             "CHANNELS": [0], "THRESHOLDS_KM": "5, 25", "OUTPUT": "memory:",
                                             "SUMMARY": "memory:"})  # fmt: skip
    per_area = next(layer for layer in coverage if layer.isSpatial())
    assert per_area.name() == "Coverage – federal, in person"
    assert aliases(per_area, "within_5km", "within_25km") == ["Within 5 km", "Within 25 km"]
    assert legend(per_area) == ["within 5 km", "5 km – 25 km", "beyond 25 km", "no point within reach"]
    summary = next(layer for layer in coverage if not layer.isSpatial())
    assert summary.name() == "Coverage summary – federal, in person"
    # The attribute table reads as a report: place, headline and percentages first, raw shares out of sight.
    columns = summary.attributeTableConfig().columns()
    assert [c.name for c in columns[:4]] == ["name", "headline", "pct_within_5km", "pct_within_25km"]
    assert {c.name for c in columns if c.hidden} == {"share_within_5km", "share_within_25km"}
    assert summary.attributeAlias(summary.fields().indexFromName("pct_within_25km")) == "% within 25 km"

    gaps = run_and_load("crs:servicegaps", {"INPUT": census, "SERVICE_POINTS": points, "ORDERS_OF_GOVERNMENT": [0],
                                            "CHANNELS": [0], "THRESHOLD": 25000, "OUTPUT": "memory:",
                                            "ZONES": "memory:"})  # fmt: skip
    areas = next(
        layer for layer in gaps if layer.geometryType() == per_area.geometryType() and "Areas" in layer.name()
    )
    assert areas.name() == "Areas beyond 25 km of an in-person federal point"
    assert aliases(areas, "gap_rank", "population_left_out") == [
        "Gap rank (1: most people)",
        "People left out",
    ]
    # Areas in a gap are all beyond 25 km: no "within 5 km" class.
    assert legend(areas) == ["25 km – 50 km", "50 km – 100 km", "beyond 100 km", "no point within reach"]

    pairs = run_and_load("crs:colocationcandidates", {"SERVICE_POINTS": points, "OUTPUT": "memory:"})[0]
    assert pairs.name() == "Co-location candidates within 500 m"
    symbol = pairs.renderer().symbol()
    # The line, and both points marked at a fixed size (a 500 m line vanishes at regional scale).
    assert [layer.layerType() for layer in symbol.symbolLayers()] == [
        "SimpleLine",
        "MarkerLine",
        "MarkerLine",
    ]


def test_names_and_legends_in_french(crs_provider, project_with_points, french, tmp_path):
    _, points, census = project_with_points
    # A GeoPackage output (the fast writer) is presented as a memory one is.
    added = run_and_load("crs:nearestservice", {"INPUT": census, "SERVICE_POINTS": points, "ORDERS_OF_GOVERNMENT": [0],
                                                "CHANNELS": [0], "OUTPUT": str(tmp_path / "nearest.gpkg")})  # fmt: skip
    assert [layer.name() for layer in added] == ["Point fédéral en personne le plus proche"]
    assert legend(added[0])[:2] == ["à moins de 5\u00a0km", "5\u00a0km – 10\u00a0km"]
    assert aliases(added[0], "nearest_name", "distance_m") == ["Point le plus proche", "Distance (m)"]
    coverage = run_and_load("crs:coverage", {"INPUT": census, "SERVICE_POINTS": points, "THRESHOLDS_KM": "5, 25",
                                             "OUTPUT": "memory:", "SUMMARY": "memory:"})  # fmt: skip
    per_area = next(layer for layer in coverage if layer.isSpatial())
    assert aliases(per_area, "within_25km", "distance_m") == ["À 25\u00a0km ou moins", "Distance (m)"]
