"""crs:nearestservice against QGIS's own native:joinbynearest on the sample data."""

from __future__ import annotations

import numpy as np
import processing
import pytest
from qgis.core import (
    NULL,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)

from tests.conftest import CENSUS, N_AREAS
from tests.qgis.test_network_cache import Log  # a feedback that keeps what was said

TOLERANCE_M = 1e-6


def value(v, null=None):
    """A feature attribute with QGIS's NULL as ``null``."""
    return null if v is None or v == NULL else v


def layer(uri, name="layer"):
    lyr = QgsVectorLayer(str(uri), name, "ogr")
    assert lyr.isValid(), uri
    return lyr


def points_layer(store):
    return layer(f"{store}|layername=service_points", "service_points")


def census_layer():
    return layer(f"{CENSUS}|layername=dissemination_areas", "dissemination_areas")


def reproject(lyr, crs="EPSG:3347"):
    return processing.run("native:reprojectlayer", {"INPUT": lyr, "TARGET_CRS": crs, "OUTPUT": "memory:"})[
        "OUTPUT"
    ]


def by_key(lyr, key, *fields):
    return {f[key]: tuple(f[x] for x in fields) for f in lyr.getFeatures()}


def assert_same_nearest(ours, theirs, services_3347):
    """Same distances everywhere; same ids except where two points tie exactly."""
    xy = {f["point_id"]: f.geometry().asPoint() for f in services_3347.getFeatures()}
    assert ours.keys() == theirs.keys()
    ties = 0
    for key, (our_id, our_d) in ours.items():
        their_id, their_d = theirs[key]
        assert abs(our_d - their_d) <= TOLERANCE_M, (key, our_d, their_d)
        if our_id != their_id:
            assert xy[our_id].distance(xy[their_id]) <= TOLERANCE_M or abs(our_d - their_d) <= TOLERANCE_M
            ties += 1
    assert ties <= len(ours) * 0.01


IN_PERSON = "\"channel\" NOT IN ('call_centre', 'digital')"  # where a distance means something


def test_same_ids_and_distances_as_joinbynearest_for_area_centroids(crs_provider, sample_store):
    services = reproject(points_layer(sample_store))
    services.setSubsetString(IN_PERSON)
    centroids = processing.run("native:centroids", {"INPUT": census_layer(), "OUTPUT": "memory:"})["OUTPUT"]
    theirs = processing.run(
        "native:joinbynearest",
        {"INPUT": centroids, "INPUT_2": services, "FIELDS_TO_COPY": ["point_id"], "NEIGHBORS": 1,
         "PREFIX": "n_", "OUTPUT": "memory:"},
    )["OUTPUT"]  # fmt: skip
    ours = processing.run(
        "crs:nearestservice",
        {"INPUT": str(CENSUS) + "|layername=dissemination_areas", "SERVICE_POINTS": points_layer(sample_store),
         "OUTPUT": "memory:"},
    )["OUTPUT"]  # fmt: skip
    assert ours.featureCount() == census_layer().featureCount() == N_AREAS
    assert_same_nearest(by_key(ours, "DAUID", "nearest_id", "distance_m"),
                        by_key(theirs, "DAUID", "n_point_id", "distance"), services)  # fmt: skip


def test_filters_and_k_nearest_match_joinbynearest(crs_provider, sample_store):
    services = reproject(points_layer(sample_store))
    services.setSubsetString(f"\"order_of_government\" = 'federal' AND {IN_PERSON}")
    federal = processing.run("native:extractbyexpression",
                             {"INPUT": services, "EXPRESSION": "true", "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    demand = reproject(census_layer())
    demand = processing.run("native:centroids", {"INPUT": demand, "OUTPUT": "memory:"})["OUTPUT"]
    theirs = processing.run(
        "native:joinbynearest",
        {"INPUT": demand, "INPUT_2": federal, "FIELDS_TO_COPY": ["point_id"], "NEIGHBORS": 3,
         "PREFIX": "n_", "OUTPUT": "memory:"},
    )["OUTPUT"]  # fmt: skip
    ours = processing.run(
        "crs:nearestservice",
        {"INPUT": demand, "SERVICE_POINTS": points_layer(sample_store), "ORDERS_OF_GOVERNMENT": [0], "K": 3,
         "OUTPUT": "memory:"},
    )["OUTPUT"]  # fmt: skip
    assert ours.featureCount() == theirs.featureCount() == 3 * N_AREAS
    our_rows = {(f["DAUID"], f["rank"]): (f["nearest_id"], f["distance_m"]) for f in ours.getFeatures()}
    their_rows = {}
    for f in sorted(theirs.getFeatures(), key=lambda f: (f["DAUID"], f["distance"])):
        their_rows.setdefault(f["DAUID"], []).append((f["n_point_id"], f["distance"]))
    their_ranked = {(dauid, r + 1): v for dauid, rows in their_rows.items() for r, v in enumerate(rows)}
    assert {v[0] for v in our_rows.values()} <= {f["point_id"] for f in federal.getFeatures()}
    assert_same_nearest(our_rows, their_ranked, services)


def test_points_in_another_crs_are_reprojected_with_qgis_transform(crs_provider, sample_store):
    """Service points in EPSG:4326, demand in EPSG:3347: same result as both reprojected by QGIS."""
    services = reproject(points_layer(sample_store))
    demand = processing.run("native:centroids", {"INPUT": census_layer(), "OUTPUT": "memory:"})["OUTPUT"]
    from_4326 = processing.run("crs:nearestservice", {"INPUT": demand, "SERVICE_POINTS": points_layer(sample_store),
                                                      "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    from_3347 = processing.run("crs:nearestservice", {"INPUT": demand, "SERVICE_POINTS": services,
                                                      "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    a = by_key(from_4326, "DAUID", "nearest_id", "distance_m")
    b = by_key(from_3347, "DAUID", "nearest_id", "distance_m")
    assert_same_nearest(a, b, services)


def test_max_distance_and_selected_features(crs_provider, sample_store):
    demand = census_layer()
    QgsProject.instance().addMapLayer(demand)
    demand.selectByExpression("\"PROV\" = 'NB'")
    selected = demand.selectedFeatureCount()
    assert 0 < selected < demand.featureCount()
    out = processing.run(
        "crs:nearestservice",
        {"INPUT": QgsProcessingFeatureSourceDefinition(demand.id(), selectedFeaturesOnly=True),
         "SERVICE_POINTS": points_layer(sample_store), "MAX_DISTANCE": 10000, "OUTPUT": "memory:"},
    )["OUTPUT"]  # fmt: skip
    distances = np.array([value(f["distance_m"], np.nan) for f in out.getFeatures()], dtype=float)
    assert out.featureCount() == selected
    assert np.nanmax(distances) <= 10000
    assert np.isnan(distances).any()  # rural areas farther than 10 km get no match
    assert {f["PROV"] for f in out.getFeatures()} == {"NB"}
    QgsProject.instance().removeMapLayer(demand.id())


def test_filter_matching_nothing_gives_empty_matches(crs_provider, sample_store):
    out = processing.run(
        "crs:nearestservice",
        {
            "INPUT": census_layer(),
            "SERVICE_POINTS": points_layer(sample_store),
            "ORDERS_OF_GOVERNMENT": [2],
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]  # fmt: skip  (2 = territorial: none in BC or NB)
    assert out.featureCount() == N_AREAS
    assert {value(f["nearest_id"]) for f in out.getFeatures()} == {None}
    assert {value(f["distance_m"]) for f in out.getFeatures()} == {None}


def test_geographic_distance_crs_is_refused(crs_provider, sample_store):
    with pytest.raises(QgsProcessingException, match="projected CRS in metres"):
        processing.run("crs:nearestservice", {"INPUT": census_layer(), "SERVICE_POINTS": points_layer(sample_store),
                                              "DISTANCE_CRS": "EPSG:4326", "OUTPUT": "memory:"})  # fmt: skip


def test_filter_on_a_layer_without_schema_fields_is_a_clear_error(crs_provider):
    plain = QgsVectorLayer("Point?crs=EPSG:4326&field=point_id:string", "plain", "memory")
    with pytest.raises(QgsProcessingException, match="no field 'order_of_government' to filter on"):
        processing.run("crs:nearestservice", {"INPUT": census_layer(), "SERVICE_POINTS": plain,
                                              "ORDERS_OF_GOVERNMENT": [0], "OUTPUT": "memory:"})  # fmt: skip


def test_empty_and_missing_geometries_get_no_match(crs_provider, sample_store, tmp_path):
    """A layer starting with an empty geometry (and holding a NULL one) is read without error."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorFileWriter

    layer = QgsVectorLayer("Point?crs=EPSG:3347&field=name:string", "areas", "memory")
    features = []
    for name, wkt in (("empty", "POINT EMPTY"), ("none", None), ("real", "POINT(7000000 1500000)")):
        f = QgsFeature(layer.fields())
        f.setAttributes([name])
        if wkt:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(f)
    layer.dataProvider().addFeatures(features)
    path = str(tmp_path / "areas.gpkg")
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsProject.instance().transformContext(),
                                              QgsVectorFileWriter.SaveVectorOptions())  # fmt: skip
    out = processing.run("crs:nearestservice", {"INPUT": path, "SERVICE_POINTS": points_layer(sample_store),
                                                "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    got = {f["name"]: value(f["nearest_id"]) for f in out.getFeatures()}
    assert got["empty"] is None and got["none"] is None and got["real"] is not None


def test_call_centres_and_online_services_are_never_the_nearest_point(crs_provider, sample_store):
    """The sample's Service Canada source has two call centres with an address (Bathurst, Vancouver):
    no one is served there, so no area is sent to them, and the log says they were left out."""
    points = points_layer(sample_store)
    remote = {f["point_id"] for f in points.getFeatures() if f["channel"] in ("call_centre", "digital")}
    assert {"service_canada_offices:CC-BAT", "service_canada_offices:CC-VAN"} <= remote
    feedback = Log()
    out = processing.run("crs:nearestservice", {"INPUT": census_layer(), "SERVICE_POINTS": points,
                                                "PER_ORDER_OF_GOVERNMENT": True, "OUTPUT": "memory:"},
                         feedback=feedback)["OUTPUT"]  # fmt: skip
    chosen = {f["nearest_id"] for f in out.getFeatures()} | {
        f["nearest_federal_id"] for f in out.getFeatures()
    }
    assert chosen and not chosen & remote
    assert any("call centres and online services with a position are left out" in m for m in feedback.lines)


def test_k_nearest_written_to_a_geopackage_keeps_every_row(crs_provider, sample_store, tmp_path):
    """K rows per area share the area's feature id: a GeoPackage output numbers its own rows
    (it kept 6 of 11,265 and said nothing)."""
    target = tmp_path / "k3.gpkg"
    processing.run("crs:nearestservice", {"INPUT": census_layer(), "SERVICE_POINTS": points_layer(sample_store),
                                          "K": 3, "OUTPUT": str(target)})  # fmt: skip
    out = layer(f"{target}|layername=k3")
    ranks = {}
    for f in out.getFeatures():
        ranks.setdefault(f["DAUID"], []).append(f["rank"])
    assert out.featureCount() == 3 * N_AREAS
    assert len(ranks) == N_AREAS and all(sorted(r) == [1, 2, 3] for r in ranks.values())


@pytest.mark.parametrize("locale", ["en_CA", "fr_CA"])
def test_nearest_names_in_the_interface_language(crs_provider, sample_store, locale):
    """No name field chosen: the nearest point's name in QGIS's language, the other where it has none."""
    from qgis.core import QgsSettings

    points = points_layer(sample_store)
    first, other = ("name_fr", "name_en") if locale.startswith("fr") else ("name_en", "name_fr")
    expected = {f["point_id"]: value(f[first]) or value(f[other]) for f in points.getFeatures()}
    settings = QgsSettings()
    before = settings.value("locale/userLocale")
    settings.setValue("locale/userLocale", locale)
    try:
        out = processing.run("crs:nearestservice", {"INPUT": census_layer(), "SERVICE_POINTS": points,
                                                    "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    finally:
        settings.setValue("locale/userLocale", before) if before is not None else settings.remove(
            "locale/userLocale"
        )
    names = {f["nearest_id"]: f["nearest_name"] for f in out.getFeatures()}
    assert names and all(name == expected[pid] for pid, name in names.items())
    if locale.startswith("fr"):
        assert any(name.startswith("Centre Service Canada") for name in names.values())
