"""Call centres and digital services: service regions, their validation, mapping and open data."""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely

from crs_plugin.core.catalogue import load_catalogue
from crs_plugin.core.errors import CoordinateError
from crs_plugin.core.mapping import FieldMapping
from crs_plugin.core.opendata.hsds import build_hsds, make_id
from crs_plugin.core.regions import ExtentError, Region, area_codes, parse_extent, served_by_regions
from crs_plugin.core.schema import FIELD_NAMES
from crs_plugin.core.sources import load_points
from crs_plugin.core.table import PointTable, RawTable
from crs_plugin.core.validation import validate

SQUARE = {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]}


def test_areas_served_by_regions_by_hand():
    xy = np.array([[5.0, 5.0], [20.0, 5.0], [20.0, 20.0], [30.0, 30.0], [np.nan, np.nan]])
    attributes = {"DGUID": np.array(["2021S051213010001", "2021S051259150001", "2021S051213010002",
                                     "2021S051248000001", None], dtype=object),
                  "CSDUID": np.array(["1307022", "5915022", "1310032", "4811061", None], dtype=object)}  # fmt: skip
    province, csd = area_codes(attributes, 5)
    assert province.tolist() == ["NB", "BC", "NB", "AB", None]
    assert csd.tolist() == ["1307022", "5915022", "1310032", "4811061", None]
    polygon = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])
    cases = {
        (): [False] * 5,
        ("NB",): [True, False, True, False, False],
        ("5915022",): [False, True, False, False, False],
        ("BC", "1310032"): [False, True, True, False, False],
        ("CA",): [True] * 5,
    }
    for codes, expected in cases.items():
        assert served_by_regions(xy, province, csd, [Region(codes)]).tolist() == expected, codes
    assert served_by_regions(xy, province, csd, [Region((), polygon)]).tolist() == [
        True,
        False,
        False,
        False,
        False,
    ]
    both = served_by_regions(xy, province, csd, [Region(("AB",)), Region((), polygon)])
    assert both.tolist() == [True, False, False, True, False]
    # Without code fields, provinces come from PRUID (or DAUID) and no census subdivision is known.
    province, csd = area_codes({"PRUID": np.array(["13", "59"], dtype=object)}, 2)
    assert province.tolist() == ["NB", "BC"] and csd.tolist() == [None, None]


def test_extents_are_geojson_polygons():
    assert parse_extent(json.dumps(SQUARE)).area == 100.0
    assert parse_extent(json.dumps({"type": "Feature", "geometry": SQUARE, "properties": {}})).area == 100.0
    bow_tie = {"type": "Polygon", "coordinates": [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]]}
    assert parse_extent(json.dumps(bow_tie)).is_valid  # repaired
    for bad, reason in (("{", "not JSON"), ('{"type": "Point", "coordinates": [1, 2]}', "not a GeoJSON Polygon"),
                        ('{"type": "Polygon", "coordinates": []}', "empty polygon")):  # fmt: skip
        with pytest.raises(ExtentError, match=reason):
            parse_extent(bad)


def regional(**values) -> dict:
    base = {"point_id": "t:1", "source_record_id": "1", "source_id": "t", "name_en": "Line", "name_fr": "Ligne",
            "organization": "Org", "order_of_government": "provincial", "jurisdiction": "BC",
            "channel": "call_centre", "point_type": "call_centre", "phone": "1-800-555-0100"}  # fmt: skip
    return {**base, **values}


def points_of(rows: list[dict]) -> PointTable:
    columns = {n: np.array([r.get(n) for r in rows], dtype=object) for n in FIELD_NAMES}
    return PointTable(columns, np.full(len(rows), np.nan), np.full(len(rows), np.nan))


def test_validation_of_call_centres_and_digital_services():
    outside = {
        "type": "Polygon",
        "coordinates": [[[-130, 40], [-120, 40], [-120, 50], [-130, 50], [-130, 40]]],
    }
    rows = [
        regional(point_id="t:ok", service_region="BC"),
        regional(point_id="t:none"),
        regional(point_id="t:bad", service_region_extent="{not json"),
        regional(point_id="t:out", service_region_extent=json.dumps(outside)),
        regional(point_id="t:nophone", phone=None, service_region="BC;5915022"),
        regional(point_id="t:web", channel="digital", point_type="other", phone=None, service_region="CA"),
        regional(point_id="t:counter", channel="in_person", point_type="service_centre"),
        regional(point_id="t:code", service_region="BC;ZZ"),
    ]
    found = {(p.point_id, p.code) for p in validate(points_of(rows))}
    assert found == {
        ("t:none", "region_required"),
        ("t:bad", "bad_extent"),
        ("t:out", "extent_outside_canada"),
        ("t:nophone", "phone_expected"),
        ("t:web", "url_expected"),
        ("t:counter", "no_location"),  # only a counter must be placed
        ("t:code", "not_allowed"),
    }


def test_mapping_loads_regional_points_without_coordinates():
    mapping = FieldMapping.from_dict({
        "source_id": "lines", "geometry": {"x": "x", "y": "y"},
        "fields": {"source_record_id": {"column": "id"}, "name_en": {"column": "id"},
                   "organization": {"value": "Org"}, "order_of_government": {"value": "provincial"},
                   "jurisdiction": {"value": "BC"}, "channel": {"column": "channel"}},
    })  # fmt: skip

    def raw(channels, xs):
        n = len(channels)
        return RawTable({"id": np.array([str(i) for i in range(n)], dtype=object),
                         "channel": np.array(channels, dtype=object), "x": np.array(xs, dtype=object),
                         "y": np.array(["49.2" if x else "" for x in xs], dtype=object)})  # fmt: skip

    points = mapping.apply(raw(["in_person", "call_centre", "digital"], ["-123.1", "", ""]))
    assert points.lon[0] == pytest.approx(-123.1) and np.isnan(points.lon[1:]).all()
    with pytest.raises(CoordinateError, match="row 2 have no location"):
        mapping.apply(raw(["call_centre", "in_person"], ["", ""]))


def test_sample_call_centres_and_digital_services():
    catalogue = load_catalogue()
    entry = catalogue.entry("contact_centres_digital")
    points, _ = load_points(catalogue.source(entry.id), entry.mapping)
    assert len(points) == 8 and np.isnan(points.lon).all()
    assert points.columns["channel"].tolist().count("digital") == 2
    assert points.columns["service_region"].tolist() == ["CA", "CA", "BC", "BC", "NB", "NB", None, "5915022"]
    assert validate(points) == []
    data = build_hsds(points)
    areas = data.tables["service_areas"]
    telephone = next(s for s in data.tables["services"] if s["name"] == "Health card (call centre)"
                     and s["url"] is None and "Service New Brunswick" in s["description"])  # fmt: skip
    assert [(a["name"], a["description"]) for a in areas if a["service_id"] == telephone["id"]] == [
        ("New Brunswick", "New Brunswick (province or territory NB)")
    ]
    moncton = [a for a in areas if a["service_id"] == make_id("service", "contact_centres_digital:MONCTON-311",
                                                               "permits")]  # fmt: skip
    assert len(moncton) == 1 and moncton[0]["extent_type"] == "geojson"
    assert shapely.from_geojson(moncton[0]["extent"]).bounds == pytest.approx((-64.98, 46.02, -64.58, 46.2))
    assert {loc["location_type"] for loc in data.tables["locations"]} == {"virtual"}
    assert all(loc["latitude"] is None for loc in data.tables["locations"])
    schedules = [s for s in data.tables["schedules"] if s["location_id"] == make_id("location",
                 "contact_centres_digital:SBC-CC")]  # fmt: skip
    assert [(s["byday"], s["opens_at"], s["closes_at"], s["timezone"]) for s in schedules] == [
        ("MO,TU,WE,TH,FR", "07:30", "17:00", -8.0)
    ]
