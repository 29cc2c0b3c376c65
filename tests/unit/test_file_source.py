"""Files as people publish them (issue 14): content over labels, ZIP archives, spreadsheet exports,
and geometry in the CRS a file declares or, when it declares none, the mapping's."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

from crs_plugin.core.errors import CoordinateError, SourceError
from crs_plugin.core.mapping import FieldMapping
from crs_plugin.core.sources import CkanSource, FileSource, load_points
from crs_plugin.core.sources import file as file_module
from tests.servers.static import StaticServer

MAPPING = {
    "source_id": "mini",
    "geometry": {"x": "lon", "y": "lat"},
    "fields": {
        "source_record_id": {"column": "id"},
        "name_en": {"column": "name"},
        "organization": {"value": "Org"},
        "order_of_government": {"value": "provincial"},
        "jurisdiction": {"value": "NB"},
        "point_type": {"value": "service_centre"},
    },
}
CSV = "id,name,lon,lat\n1,Hôtel de ville,-66.6,45.9\n2,Bureau B,-64.78,46.09\n"
#: Two offices in New Brunswick Stereographic (EPSG:2953) and where they are in lon/lat.
NB_2953 = [(2487000.0, 7461000.0), (2600000.0, 7470000.0)]


def load(path, mapping=None, **kwargs):
    return load_points(FileSource(path, "mini", **kwargs), FieldMapping.from_dict(mapping or MAPPING))


def geojson(points, crs=None) -> dict:
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": i + 1, "geometry": {"type": "Point", "coordinates": list(p)},
         "properties": {"id": str(i + 1), "name": f"Office {i + 1}"}} for i, p in enumerate(points)]}  # fmt: skip
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": crs}}
    return doc


def nb_lon_lat():
    from crs_plugin.core.crs import transform_xy

    return transform_xy(*np.array(NB_2953).T, "EPSG:2953", "EPSG:4326")


# -- content over labels ------------------------------------------------------------------------


def test_a_csv_named_json_and_a_geojson_labelled_csv_are_read_as_what_they_are(tmp_path):
    (tmp_path / "offices.json").write_text(CSV, encoding="utf-8")
    points, provenance = load(tmp_path / "offices.json")
    assert list(points.columns["name_en"]) == ["Hôtel de ville", "Bureau B"]
    assert provenance.extra["content"] == "csv"
    (tmp_path / "offices.csv").write_text(json.dumps(geojson([(-66.6, 45.9)])), encoding="utf-8")
    points, provenance = load(tmp_path / "offices.csv", fmt="csv")
    assert points.lon[0] == -66.6
    assert (provenance.extra["content"], provenance.extra["labelled"]) == ("geojson", "csv")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<!DOCTYPE html><html><body>Download</body></html>", r"leads to a web page, not a data file"),
        (b'<?xml version="1.0"?><ows:ExceptionReport/>', r"holds XML, not CSV, GeoJSON.*error report"),
        (
            b"PK\x03\x04" + b"\x00" * 26 + b"[Content_Types].xml" + b"xl/workbook.xml",
            r"is an Excel workbook: save",
        ),
        (b"%PDF-1.7 ...", r"holds a PDF document"),
    ],
)
def test_what_is_not_a_data_file_is_named(tmp_path, body, message):
    (tmp_path / "offices.csv").write_bytes(body)
    with pytest.raises(SourceError, match=message):
        FileSource(tmp_path / "offices.csv", "mini").fetch()


@pytest.fixture
def portal():
    with StaticServer() as server:
        yield server


def ckan_resource(portal, fmt: str, body: bytes, content_type: str = "application/geo+json") -> None:
    portal.routes["/files/offices"] = (200, content_type, body)
    resource = {"id": "r1", "format": fmt, "url": f"{portal.url}/files/offices"}
    portal.routes["/api/3/action/package_show"] = (200, "application/json", json.dumps(
        {"success": True, "result": {"id": "d", "resources": [resource]}}).encode())  # fmt: skip


def test_a_ckan_resource_labelled_geojson_that_serves_csv_loads_as_csv(portal):
    ckan_resource(portal, "GeoJSON", CSV.encode())
    points, provenance = load_points(CkanSource(portal.url, "d", "mini"), FieldMapping.from_dict(MAPPING))
    assert list(points.columns["source_record_id"]) == ["1", "2"] and points.lat[1] == 46.09
    assert provenance.extra["notes"] == ["CKAN resource 'r1' is labelled GeoJSON but holds csv: read as csv"]


def test_a_ckan_resource_that_serves_an_error_report_is_refused_naming_resource_label_and_content(portal):
    ckan_resource(portal, "CSV", b'<?xml version="1.0"?><ExceptionReport>no</ExceptionReport>', "text/csv")
    with pytest.raises(
        SourceError, match=r"CKAN resource 'r1' of dataset 'd' \(labelled CSV, at .*\) holds XML"
    ):
        CkanSource(portal.url, "d", "mini").fetch()


# -- ZIP archives ---------------------------------------------------------------------------


def make_zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def write_vector(path, driver: str, points, epsg: int):
    from osgeo import ogr, osr

    ds = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = ds.CreateLayer("offices", srs, ogr.wkbPoint)
    for name in ("id", "name"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for i, (x, y) in enumerate(points):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("id", str(i + 1))
        feature.SetField("name", f"Bureau {i + 1} é")
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    ds = None


def test_a_zip_archive_holding_a_csv(tmp_path):
    path = make_zip(tmp_path / "offices.zip", {"readme.txt.pdf": b"%PDF", "data/offices.csv": CSV.encode()})
    points, provenance = load(path)
    assert list(points.columns["name_en"]) == ["Hôtel de ville", "Bureau B"]
    assert provenance.extra["content"] == "zip:data/offices.csv:csv"


@pytest.mark.parametrize("driver", ["ESRI Shapefile", "GPKG"])
def test_a_zip_archive_holding_a_shapefile_or_geopackage_in_its_own_crs(tmp_path, driver):
    folder = tmp_path / "export"
    folder.mkdir()
    write_vector(
        folder / ("offices.shp" if driver == "ESRI Shapefile" else "offices.gpkg"), driver, NB_2953, 2953
    )
    members = {f"export/{p.name}": p.read_bytes() for p in sorted(folder.iterdir())}
    mapping = {**MAPPING, "geometry": {}}
    points, _ = load(make_zip(tmp_path / "offices.zip", members), mapping)
    lon, lat = nb_lon_lat()
    np.testing.assert_allclose(points.lon, lon, atol=1e-9)
    np.testing.assert_allclose(points.lat, lat, atol=1e-9)
    assert points.columns["name_en"][1] == "Bureau 2 é"


def test_a_zip_archive_from_a_web_server(portal):
    body = io.BytesIO()
    make_zip(body, {"offices.csv": CSV.encode()})
    portal.routes["/download"] = (200, "application/octet-stream", body.getvalue())
    points, _ = load(portal.url + "/download")
    assert len(points) == 2


def test_several_data_files_need_the_member_option(tmp_path):
    other = CSV.replace("Bureau B", "Bureau C")
    path = make_zip(
        tmp_path / "offices.zip", {"a/offices.csv": CSV.encode(), "b/offices_2023.csv": other.encode()}
    )
    with pytest.raises(SourceError, match=r"several data files \(a/offices.csv, b/offices_2023.csv\): name the "
                                          r"one to load in the connector's 'member' option"):  # fmt: skip
        load(path)
    points, _ = load(path, member="b/offices_2023.csv")
    assert points.columns["name_en"][1] == "Bureau C"
    with pytest.raises(
        SourceError, match=r"has no member 'c.csv'; it holds: a/offices.csv, b/offices_2023.csv"
    ):
        load(path, member="c.csv")


@pytest.mark.parametrize(("limit", "value", "message"), [
    ("MAX_ZIP_MEMBERS", 3, r"ZIP archive of 4 files, more than the 3 allowed; nothing was unpacked"),
    ("MAX_UNZIPPED_BYTES", 2 * 1024 * 1024, r"would unpack to 3 MB, more than the 2 MB allowed; nothing was unpacked"),
])  # fmt: skip
def test_archive_limits_are_checked_before_anything_is_unpacked(tmp_path, monkeypatch, limit, value, message):
    members = {f"part{i}.csv": CSV.encode() for i in range(3)} | {"padding.txt": b"0" * 3 * 1024 * 1024}
    path = make_zip(tmp_path / "big.zip", members)
    monkeypatch.setattr(file_module, limit, value)
    monkeypatch.setattr(
        file_module, "_vsi_read", lambda *a: pytest.fail("unpacked before the limits were checked")
    )
    with pytest.raises(SourceError, match=message):
        FileSource(path, "mini").fetch()


# -- spreadsheet exports --------------------------------------------------------------------


def test_excel_unicode_text_is_utf16_with_tabs(tmp_path):
    text = "id\tname\tlon\tlat\r\n1\tCentre de Québec\t-71.2\t46.8\r\n"
    (tmp_path / "offices.txt").write_bytes("\ufeff".encode("utf-16-le") + text.encode("utf-16-le"))
    points, _ = load(tmp_path / "offices.txt")
    assert points.columns["name_en"][0] == "Centre de Québec" and points.lon[0] == -71.2


def test_cp1252_is_read_and_reported(tmp_path):
    (tmp_path / "offices.csv").write_bytes(
        "id;name;lon;lat\n1;Hôtel de ville – Moncton;-64.78;46.09\n".encode("cp1252")
    )
    points, provenance = load(tmp_path / "offices.csv")
    assert points.columns["name_en"][0] == "Hôtel de ville – Moncton"
    assert provenance.extra["notes"] == ["read as cp1252 text"]


@pytest.mark.parametrize("data", [
    "id,name\n1,Montréal\n".encode("utf-16-le"),  # UTF-16 without its byte-order mark
    b"id,name\n1,Caf\x81\x8d\n",  # bytes Windows-1252 leaves undefined
])  # fmt: skip
def test_an_encoding_that_cannot_be_told_names_the_encoding_option(tmp_path, data):
    (tmp_path / "offices.csv").write_bytes(data)
    with pytest.raises(SourceError, match=r"cannot tell the text encoding.*connector's 'encoding' option"):
        FileSource(tmp_path / "offices.csv", "mini").fetch()


def test_the_delimiter_is_found_from_several_lines_not_the_header_alone(tmp_path):
    text = "id;Bureau, ville;lon;lat\n1;Moncton;-64.78;46.09\n2;Saint John;-66.06;45.27\n"
    (tmp_path / "offices.csv").write_text(text, encoding="utf-8")
    mapping = json.loads(json.dumps(MAPPING))
    mapping["fields"]["name_en"] = {"column": "Bureau, ville"}
    points, _ = load(tmp_path / "offices.csv", mapping)
    assert list(points.columns["name_en"]) == ["Moncton", "Saint John"] and points.lat[1] == 45.27


def test_trailing_empty_columns_are_ignored(tmp_path):
    text = "id;name;lon;lat;;;\n1;A;-64.78;46.09;;;\n2;B;-66.06;45.27;;\n"
    (tmp_path / "offices.csv").write_text(text, encoding="utf-8")
    points, _ = load(tmp_path / "offices.csv")
    assert list(points.columns["name_en"]) == ["A", "B"]


def test_decimal_commas_in_a_semicolon_file_are_numbers_and_reported(tmp_path):
    text = "id;name;lon;lat\n1;A;-64,78;46,09\n2;B;-66;45,27\n"
    (tmp_path / "offices.csv").write_text(text, encoding="utf-8")
    points, provenance = load(tmp_path / "offices.csv")
    assert list(points.lon) == [-64.78, -66.0] and list(points.lat) == [46.09, 45.27]
    assert provenance.extra["notes"] == [
        "numbers with a decimal comma read as numbers in columns 'lon', 'lat'"
    ]


@pytest.mark.parametrize("text", [
    "id;name;lon;lat\n1;A;-64,78;46.09\n2;B;-66.06;45,27\n",  # both separators in one column
    'id,name,lon,lat\n1,A,"-64,78","46,09"\n',  # a comma-separated file: 1,234 could be thousands
])  # fmt: skip
def test_ambiguous_decimal_commas_are_refused_naming_the_decimal_comma(tmp_path, text):
    (tmp_path / "offices.csv").write_text(text, encoding="utf-8")
    with pytest.raises(CoordinateError, match=r"column '(lon|lat)' has numbers written with a decimal comma"):
        load(tmp_path / "offices.csv")


# -- geometry in the CRS the file declares, or the mapping's --------------------------------------


def test_a_mapping_crs_applies_to_geojson_that_declares_none_and_the_advice_works(tmp_path):
    path = tmp_path / "offices.geojson"
    path.write_text(json.dumps(geojson(NB_2953)), encoding="utf-8")
    mapping = {**MAPPING, "geometry": {}}
    with pytest.raises(CoordinateError, match=r"add their CRS to the mapping's 'geometry' object, for example "
                                              r"\"crs\": \"EPSG:3347\""):  # fmt: skip
        load(path, mapping)
    points, _ = load(path, {**MAPPING, "geometry": {"crs": "EPSG:2953"}})  # the advice, followed
    lon, lat = nb_lon_lat()
    np.testing.assert_allclose(points.lon, lon, atol=1e-9)
    np.testing.assert_allclose(points.lat, lat, atol=1e-9)


def test_a_declared_crs_wins_and_the_advice_says_the_mapping_cannot_change_it(tmp_path):
    path = tmp_path / "offices.geojson"
    path.write_text(json.dumps(geojson(NB_2953, "urn:ogc:def:crs:OGC:1.3:CRS84")), encoding="utf-8")
    with pytest.raises(
        CoordinateError, match=r"declares EPSG:4326 \(so a 'crs' in the mapping does not apply\)"
    ):
        load(path, {**MAPPING, "geometry": {"crs": "EPSG:2953"}})
