"""Road data as it is published: the Road Network File, the National Road Network and
OpenStreetMap extracts, in their own field layouts, giving speeds and directions."""

from __future__ import annotations

import zipfile

import processing
import pytest
from osgeo import ogr, osr
from qgis.core import NULL, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from crs_plugin.core.network.profiles import road_profiles

X0, Y0 = 7_000_000.0, 1_500_000.0
KM = 1000.0
# A square of 10 km roads: the direct road A-B, and a detour A-D-C-B three times as long.
A, B, C, D = (0, 0), (10 * KM, 0), (10 * KM, 10 * KM), (0, 10 * KM)
DIRECT, DETOUR = [A, B], [A, D, C, B]

RNF_FIELDS = ["NGD_UID", "NAME", "TYPE", "DIR", "AFL_VAL", "ATL_VAL", "AFR_VAL", "ATR_VAL", "CSDUID_L", "CSDNAME_L",
              "CSDTYPE_L", "CSDUID_R", "CSDNAME_R", "CSDTYPE_R", "PRUID_L", "PRNAME_L", "PRUID_R", "PRNAME_R",
              "CLASS", "RANK"]  # fmt: skip


def write(path, driver, fields, rows, layer_name="roads"):
    """Lines in EPSG:3347 with text fields, as the publishers write them."""
    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(3347)
    layer = ds.CreateLayer(layer_name, srs, ogr.wkbLineString)
    for name in fields:
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for vertices, values in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        line = ogr.Geometry(ogr.wkbLineString)
        for x, y in vertices:
            line.AddPoint_2D(X0 + x, Y0 + y)
        feature.SetGeometry(line)
        for name, value in values.items():
            feature.SetField(name, value)
        layer.CreateFeature(feature)
    ds = None


def rnf_zip(tmp_path, direct_class):
    """lrnf000r21a_e.zip as Statistics Canada publishes it: a Shapefile inside a ZIP, opened
    as QGIS opens a dropped ZIP (GDAL's /vsizip/), without unpacking it."""
    folder = tmp_path / f"rnf_class_{direct_class}"
    folder.mkdir()
    base = {f: None for f in RNF_FIELDS} | {
        "PRUID_L": "13",
        "PRUID_R": "13",
        "PRNAME_L": "New Brunswick / Nouveau-Brunswick",
    }
    write(folder / "lrnf000r21a_e.shp", "ESRI Shapefile", RNF_FIELDS, [
        (DIRECT, base | {"NGD_UID": "1", "NAME": "Chemin Principal", "CLASS": direct_class, "RANK": "5"}),
        (DETOUR, base | {"NGD_UID": "2", "NAME": "Trans-Canada", "TYPE": "HWY", "CLASS": "10", "RANK": "1"}),
    ])  # fmt: skip
    archive = folder / "lrnf000r21a_e.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for part in folder.glob("lrnf000r21a_e.*"):
            if part.suffix != ".zip":
                zf.write(part, part.name)
    layer = QgsVectorLayer(f"/vsizip/{archive}/lrnf000r21a_e.shp", "lrnf000r21a_e", "ogr")
    assert layer.isValid() and layer.featureCount() == 2
    return layer


def points(xy, name):
    layer = QgsVectorLayer("Point?crs=EPSG:3347&field=point_id:string", name, "memory")
    f = QgsFeature(layer.fields())
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + xy[0], Y0 + xy[1])))
    f.setAttributes([name])
    layer.dataProvider().addFeatures([f])
    return layer


def trip(roads, profile, cost=1):
    profiles = list(road_profiles())
    out = processing.run("crs:networkdistance", {
        "INPUT": points(A, "home"), "SERVICE_POINTS": points(B, "office"), "ROADS": roads,
        "ROAD_PROFILE": profiles.index(profile) + 1, "COST": cost, "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    feature = next(out.getFeatures())
    return {k: (None if feature[k] == NULL else feature[k]) for k in out.fields().names()}


def minutes(km, kmh):
    return km / kmh * 60


def test_road_network_file_speeds_by_class_from_its_zip(crs_provider, tmp_path):
    # A local street (class 23, 40 km/h): 15 min direct beats 18 min by highway (100 km/h).
    local = trip(rnf_zip(tmp_path, "23"), "rnf")
    assert local["travel_min"] == pytest.approx(minutes(10, 40), rel=2e-3)
    # A strata lane (class 24, 30 km/h): 20 min direct, the 30 km highway detour wins at 18 min.
    strata = rnf_zip(tmp_path, "24")
    assert trip(strata, "rnf")["travel_min"] == pytest.approx(minutes(30, 100), rel=2e-3)
    # By distance the direct road wins whatever its class.
    assert trip(strata, "rnf", cost=0)["network_m"] == pytest.approx(10 * KM, rel=2e-3)


def test_national_road_network_posted_speed_and_traffic_direction(crs_provider, tmp_path):
    fields = ["NID", "ROADCLASS", "SPEED", "TRAFFICDIR", "PAVSTATUS", "L_STNAME_C"]
    path = tmp_path / "nrn_rrn_nb.gpkg"
    write(path, "GPKG", fields, [
        (DIRECT, {"NID": "a", "ROADCLASS": "Local / Street", "SPEED": "90", "TRAFFICDIR": "Both directions",
                  "PAVSTATUS": "Paved"}),
        (DETOUR, {"NID": "b", "ROADCLASS": "Expressway / Highway", "SPEED": "-1", "TRAFFICDIR": "Both directions"}),
    ], "ROADSEG")  # fmt: skip
    posted = trip(f"{path}|layername=ROADSEG", "nrn")
    assert posted["travel_min"] == pytest.approx(
        minutes(10, 90), rel=2e-3
    )  # the posted 90, not the class's 40
    one_way = tmp_path / "nrn_one_way.gpkg"
    write(one_way, "GPKG", fields, [
        (DIRECT, {"NID": "a", "ROADCLASS": "Local / Street", "SPEED": "90", "TRAFFICDIR": "Opposite direction"}),
        (DETOUR, {"NID": "b", "ROADCLASS": "Expressway / Highway", "SPEED": "-1", "TRAFFICDIR": "Both directions"}),
    ], "ROADSEG")  # fmt: skip
    # B -> A only on the direct road: from A the trip takes the detour (class speed 90 km/h, no posted speed).
    assert trip(f"{one_way}|layername=ROADSEG", "nrn")["travel_min"] == pytest.approx(
        minutes(30, 90), rel=2e-3
    )


def test_openstreetmap_tags_in_other_tags_and_geofabrik_columns(crs_provider, tmp_path):
    path = tmp_path / "osm.gpkg"
    write(path, "GPKG", ["osm_id", "name", "highway", "other_tags"], [
        (DIRECT, {"osm_id": "1", "highway": "residential", "other_tags": '"maxspeed"=>"30 mph","oneway"=>"-1"'}),
        (DETOUR, {"osm_id": "2", "highway": "primary", "other_tags": '"maxspeed"=>"80"'}),
    ], "lines")  # fmt: skip
    # The residential street is one way towards A: the trip goes round at 80 km/h.
    assert trip(f"{path}|layername=lines", "osm")["travel_min"] == pytest.approx(minutes(30, 80), rel=2e-3)
    shp = tmp_path / "gis_osm_roads_free_1.shp"
    write(shp, "ESRI Shapefile", ["osm_id", "fclass", "oneway", "maxspeed"], [
        (DIRECT, {"osm_id": "1", "fclass": "residential", "oneway": "B", "maxspeed": "0"}),
        (DETOUR, {"osm_id": "2", "fclass": "motorway", "oneway": "B", "maxspeed": "0"}),
    ])  # fmt: skip
    # No posted speeds (0): residential 40 km/h direct (15 min) against motorway 100 km/h round (18 min).
    assert trip(str(shp), "geofabrik")["travel_min"] == pytest.approx(minutes(10, 40), rel=2e-3)


def test_a_profile_that_does_not_match_the_layer_says_so(crs_provider, tmp_path):
    path = tmp_path / "osm.gpkg"
    write(path, "GPKG", ["highway"], [(DIRECT, {"highway": "primary"})], "lines")
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="no field 'CLASS'"):
        trip(f"{path}|layername=lines", "rnf")
