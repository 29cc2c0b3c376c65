"""Field mapping and the CSV/GeoJSON connector: correct values and clear errors."""

from __future__ import annotations

import json

import numpy as np
import pytest

from crs_plugin.core.catalogue import load_catalogue
from crs_plugin.core.errors import CoordinateError, DataError, MappingError, SourceError
from crs_plugin.core.mapping import FieldMapping
from crs_plugin.core.sources import FileSource, load_points
from tests.conftest import SAMPLE_DIR


def bc_mapping() -> FieldMapping:
    return FieldMapping.from_file(SAMPLE_DIR / "mappings" / "service_bc_offices.json")


def write(path, text, encoding="utf-8"):
    path.write_text(text, encoding=encoding)
    return path


MINI = {
    "source_id": "mini",
    "geometry": {"x": "lon", "y": "lat"},
    "fields": {
        "source_record_id": {"column": "id"},
        "name_en": {"column": "name"},
        "organization": {"value": "Org"},
        "order_of_government": {"column": "level", "map": {"Federal": "federal", "Prov": "provincial"}},
        "jurisdiction": {"value": "NB"},
        "point_type": {"value": "service_centre"},
        "services": {"column": "svc", "split": "|", "map": {"EI": "employment_insurance", "SIN": "sin"}},
    },
}


def mini_points(tmp_path, csv_text, spec=None, **kwargs):
    path = write(tmp_path / "mini.csv", csv_text, **kwargs)
    return load_points(FileSource(path, "mini"), FieldMapping.from_dict(spec or MINI))


def test_service_bc_csv_maps_every_field():
    points, provenance = load_points(
        FileSource(SAMPLE_DIR / "service_bc_offices.csv", "service_bc_offices"), bc_mapping()
    )
    assert len(points) == provenance.record_count == 68
    first = {k: v[0] for k, v in points.columns.items()}
    assert first["point_id"] == "service_bc_offices:61"
    assert first["name_en"] == "Service BC - Vancouver"
    assert first["organization"] == "Service BC"
    assert first["order_of_government"] == "provincial"
    assert first["jurisdiction"] == "BC"
    assert first["point_type"] == "service_centre"
    assert first["city"] == "Vancouver"
    assert first["phone"] == "604 331-8927"
    assert first["channel"] == "in_person"  # schema default
    assert first["source_id"] == "service_bc_offices"
    assert points.lon[0] == pytest.approx(-123.103297) and points.lat[0] == pytest.approx(49.290217)
    assert len(provenance.sha256) == 64


def test_csv_and_geojson_versions_of_one_source_give_the_same_points():
    mapping = bc_mapping()
    from_csv, _ = load_points(
        FileSource(SAMPLE_DIR / "service_bc_offices.csv", "service_bc_offices"), mapping
    )
    from_json, _ = load_points(
        FileSource(SAMPLE_DIR / "service_bc_offices.geojson", "service_bc_offices"), mapping
    )
    assert len(from_csv) == len(from_json)
    for name, column in from_csv.columns.items():
        assert list(column) == list(from_json.columns[name]), name
    np.testing.assert_array_equal(from_csv.lon, from_json.lon)
    np.testing.assert_array_equal(from_csv.lat, from_json.lat)


def test_projected_cp1252_semicolon_csv_is_transformed_and_accents_survive():
    catalogue = load_catalogue()
    points, _ = load_points(
        catalogue.source("snb_service_centres"), catalogue.entry("snb_service_centres").mapping
    )
    assert points.columns["services"][0] == "drivers_licence;health_card;property_tax"
    assert points.columns["name_fr"][0] == "Service Nouveau-Brunswick - Moncton"
    # EPSG:2953 metres became lon/lat inside New Brunswick.
    assert ((points.lon > -69.1) & (points.lon < -63.7)).all()
    assert ((points.lat > 44.9) & (points.lat < 48.1)).all()


def test_value_maps_splits_and_concatenation(tmp_path):
    points, _ = mini_points(
        tmp_path, "id,name,level,svc,lon,lat\n1,A,Federal,EI|SIN|EI,-66.6,45.9\n2,B,Prov,,-66.5,45.8\n"
    )
    assert list(points.columns["order_of_government"]) == ["federal", "provincial"]
    assert list(points.columns["services"]) == ["employment_insurance;sin", None]
    assert list(points.columns["point_id"]) == ["mini:1", "mini:2"]


def test_french_accents_in_utf8_with_bom(tmp_path):
    text = "\ufeffid,name,level,svc,lon,lat\n1,Hôtel de ville de Québec,Federal,,-66.6,45.9\n"
    points, _ = mini_points(tmp_path, text)
    assert points.columns["name_en"][0] == "Hôtel de ville de Québec"


def test_unknown_column_in_mapping_is_named_with_a_suggestion(tmp_path):
    spec = json.loads(json.dumps(MINI))
    spec["fields"]["name_en"] = {"column": "nmae"}
    with pytest.raises(MappingError, match=r"column 'nmae' for name_en.*did you mean 'name'"):
        mini_points(tmp_path, "id,name,level,svc,lon,lat\n1,A,Federal,,-66.6,45.9\n", spec)


def test_unknown_schema_field_in_mapping():
    spec = json.loads(json.dumps(MINI))
    spec["fields"]["nom"] = {"column": "name"}
    with pytest.raises(MappingError, match="'nom', which is not a schema field"):
        FieldMapping.from_dict(spec)


def test_non_numeric_coordinates_name_the_rows(tmp_path):
    text = (
        "id,name,level,svc,lon,lat\n1,A,Federal,,-66.6,45.9\n2,B,Federal,,abc,45.9\n3,C,Federal,,-66.1,4 5\n"
    )
    with pytest.raises(CoordinateError, match=r"column 'lon' must hold numbers but has 'abc' in row 2"):
        mini_points(tmp_path, text)


@pytest.mark.parametrize("text", ["", "   \n\n"])
def test_empty_file(tmp_path, text):
    with pytest.raises(SourceError, match="is empty"):
        mini_points(tmp_path, text)


def test_header_only_file_has_no_records(tmp_path):
    with pytest.raises(DataError, match="has no records"):
        mini_points(tmp_path, "id,name,level,svc,lon,lat\n")


def test_projected_coordinates_declared_as_lon_lat_are_a_wrong_crs(tmp_path):
    text = "id,name,level,svc,lon,lat\n1,A,Federal,,2500000,7400000\n"
    with pytest.raises(CoordinateError, match=r"outside Canada.*projected metres.*\"crs\": \"EPSG:3347\""):
        mini_points(tmp_path, text)


def test_swapped_latitude_and_longitude(tmp_path):
    text = "id,name,level,svc,lon,lat\n1,A,Federal,,45.9,-66.6\n"
    with pytest.raises(CoordinateError, match="look swapped"):
        mini_points(tmp_path, text)


def test_wrong_crs_declared_in_geojson(tmp_path):
    doc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3347"}},
        "features": [{"type": "Feature", "id": 1, "geometry": {"type": "Point", "coordinates": [-66.6, 45.9]},
                      "properties": {"name": "A", "level": "Federal", "svc": None}}],
    }  # fmt: skip
    path = write(tmp_path / "a.geojson", json.dumps(doc))
    spec = json.loads(json.dumps(MINI))
    spec["fields"]["source_record_id"] = {"column": "@id"}
    with pytest.raises(CoordinateError, match="outside Canada once read as EPSG:3347"):
        load_points(FileSource(path, "mini"), FieldMapping.from_dict(spec))


def test_value_outside_the_allowed_codes_says_how_to_fix(tmp_path):
    with pytest.raises(DataError, match=r"not allowed \(Municipal\) in row 1.*Add a 'map'"):
        mini_points(tmp_path, "id,name,level,svc,lon,lat\n1,A,Municipal,,-66.6,45.9\n")


def test_duplicate_record_ids(tmp_path):
    text = "id,name,level,svc,lon,lat\n7,A,Federal,,-66.6,45.9\n7,B,Federal,,-66.5,45.9\n"
    with pytest.raises(DataError, match=r"not unique \(7\) in rows 1, 2"):
        mini_points(tmp_path, text)


def test_missing_geometry_in_geojson(tmp_path):
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": 1, "geometry": None, "properties": {"name": "A", "level": "Federal", "svc": None}}]}  # fmt: skip
    path = write(tmp_path / "a.geojson", json.dumps(doc))
    spec = json.loads(json.dumps(MINI))
    spec["fields"]["source_record_id"] = {"column": "@id"}
    with pytest.raises(CoordinateError, match="row 1 have no location"):
        load_points(FileSource(path, "mini"), FieldMapping.from_dict(spec))


def test_truncated_geojson(tmp_path):
    path = write(tmp_path / "a.geojson", '{"type": "FeatureCollection", "features": [{"type": "Fea')
    with pytest.raises(SourceError, match="not valid JSON"):
        FileSource(path, "mini").fetch()


def test_ragged_csv_rows(tmp_path):
    with pytest.raises(SourceError, match="lines 3 have a different number of columns"):
        mini_points(tmp_path, "id,name,level,svc,lon,lat\n1,A,Federal,,-66.6,45.9\n2,B\n")


def test_wrong_declared_encoding(tmp_path):
    path = tmp_path / "mini.csv"
    path.write_bytes("id,name\n1,Montréal\n".encode("cp1252"))
    with pytest.raises(SourceError, match="not valid utf-8"):
        FileSource(path, "mini", encoding="utf-8").fetch()


def test_missing_file():
    with pytest.raises(SourceError, match="File not found"):
        FileSource("/nonexistent/points.csv", "mini").fetch()


def test_invalid_source_id_is_refused():
    spec = dict(MINI, source_id="x'; DROP TABLE service_points; --")
    with pytest.raises(MappingError, match="must be 1-64 letters"):
        FieldMapping.from_dict(spec)
