"""Coverage and gaps count a call centre's or digital service's region as served, not a distance."""

from __future__ import annotations

import json
import math

import processing
import shapely
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsPointXY,
    QgsVectorLayer,
)

from crs_plugin.core.catalogue import load_catalogue


def census(path) -> QgsVectorLayer:
    return QgsVectorLayer(f"{path}|layername=dissemination_areas", "census", "ogr")


def points(store) -> str:
    return f"{store}|layername=service_points"


def run(algorithm, **params):
    return processing.run(algorithm, {"OUTPUT": "memory:", **params})


def features(layer) -> list:
    return list(layer.getFeatures())


def test_provincial_call_centres_serve_their_whole_province(crs_provider, channels_store, census_copy):
    out = run("crs:coverage", INPUT=census(census_copy), SERVICE_POINTS=points(channels_store), ORDERS_OF_GOVERNMENT=[1],
              CHANNELS=[2], SUMMARY="memory:")  # fmt: skip
    rows = features(out["OUTPUT"])
    assert len(rows) == 3755
    # Service BC's contact centre (BC) and SNB TeleServices (NB): every area served, at every distance,
    # although neither has a counter to measure from.
    assert all(f["served_by_region"] for f in rows)
    assert all(f["within_5km"] and f["within_50km"] for f in rows)
    assert all(f["distance_m"] == NULL or math.isnan(f["distance_m"]) for f in rows)
    summary = {f["jurisdiction"]: f for f in features(out["SUMMARY"])}
    assert set(summary) == {"13", "59", "all"}
    for row in summary.values():
        assert row["share_within_5km"] == 1.0
        assert row["pop_served_by_region"] == row["population"] > 0
    # The sentence says the share counts regions, not distance to a counter alone.
    assert summary["59"]["headline"].endswith(
        "100.0 % within 50 km of a telephone provincial point or in the region of a call centre or online "
        "service (100.0 % by region)"
    ), summary["59"]["headline"]


def test_a_regions_polygon_serves_the_areas_inside_it(crs_provider, channels_store, census_copy):
    out = run("crs:coverage", INPUT=census(census_copy), SERVICE_POINTS=points(channels_store), ORDERS_OF_GOVERNMENT=[3],
              CHANNELS=[2], SUMMARY="memory:")  # fmt: skip
    served = {f["DAUID"] for f in features(out["OUTPUT"]) if f["served_by_region"]}
    # Independently: each area's centroid taken to longitude/latitude, tested in the 311 lines' polygons.
    catalogue = load_catalogue()
    rows = list(catalogue.source("contact_centres_digital").fetch()[0].columns["Region polygon"])
    polygons = [shapely.from_geojson(r) for r in rows if r]
    assert len(polygons) == 2  # Greater Moncton, Vancouver (its census subdivision code is not in this layer)
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:3347"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateTransformContext())  # fmt: skip
    expected, near_edge = set(), set()
    for f in features(census(census_copy)):
        p = transform.transform(QgsPointXY(f.geometry().centroid().asPoint()))
        point = shapely.Point(p.x(), p.y())
        if any(polygon.contains(point) for polygon in polygons):
            expected.add(f["DAUID"])
        if any(polygon.boundary.distance(point) < 0.001 for polygon in polygons):
            near_edge.add(f["DAUID"])
    assert len(expected) > 50
    assert served ^ expected <= near_edge  # straight edges in two CRSs may differ by metres


def test_service_gaps_leave_out_areas_a_region_serves(crs_provider, channels_store, census_copy):
    params = dict(INPUT=census(census_copy), SERVICE_POINTS=points(channels_store), ORDERS_OF_GOVERNMENT=[1],
                  THRESHOLD=25000, ZONES="memory:")  # fmt: skip
    in_person = run("crs:servicegaps", CHANNELS=[0], **params)
    assert in_person["OUTPUT"].featureCount() > 100
    with_phone = run("crs:servicegaps", CHANNELS=[0, 2], **params)
    assert with_phone["OUTPUT"].featureCount() == 0


def test_in_person_analyses_are_unchanged_by_regions(crs_provider, channels_store, census_copy):
    """Filtering to in-person points gives what it gave before call centres had regions."""
    both = run("crs:coverage", INPUT=census(census_copy), SERVICE_POINTS=points(channels_store), ORDERS_OF_GOVERNMENT=[1],
               CHANNELS=[0], SUMMARY="memory:")  # fmt: skip
    assert "served_by_region" not in both["OUTPUT"].fields().names()
    assert all("region" not in f["headline"] for f in features(both["SUMMARY"]))
    assert json.dumps(sorted(both["OUTPUT"].fields().names()))
