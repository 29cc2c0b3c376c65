"""Open data: HSDS 3 tables and objects valid against the official schemas, a Frictionless package
that frictionless validates, internal fields never published, and a package that loads back."""

from __future__ import annotations

import csv
import json
import math
import os
import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import numpy as np
import pytest

from crs_plugin.core.catalogue import load_catalogue
from crs_plugin.core.opendata.hsds import TABLE_COLUMNS, TABLE_OBJECT, build_hsds, make_id, parse_hours
from crs_plugin.core.opendata.package import PackageInfo, write_package
from crs_plugin.core.schema import FIELD_NAMES, FIELDS, PUBLIC_FIELDS
from crs_plugin.core.sources import load_points
from crs_plugin.core.store import GeoPackageStore
from crs_plugin.core.table import PointTable
from tests.conftest import ROOT

HSDS_SCHEMAS = ROOT / "tests" / "data" / "hsds3"
OPENDATA_PYTHON = Path(os.environ.get("CRS_OPENDATA_VENV", ROOT / ".venv-opendata")) / "bin" / "python"
SECRETS = {"contact_name": "Zoë Internal-Contact", "contact_email": "zoe.secret@example.gc.ca",
           "notes": "INTERNAL NOTE: lease ends 2027"}  # fmt: skip


def point(**values) -> dict:
    base = {"organization": "Service New Brunswick", "order_of_government": "provincial", "jurisdiction": "NB",
            "channel": "in_person", "point_type": "service_centre", "source_id": "test", "province": "NB"}  # fmt: skip
    return {**base, **values}


def table(rows: list[dict], lonlat: list[tuple]) -> PointTable:
    columns = {name: np.array([r.get(name) for r in rows], dtype=object) for name in FIELD_NAMES}
    lon, lat = (np.array(v, dtype=float) for v in zip(*lonlat))
    return PointTable(columns, lon, lat)


def hand_points() -> PointTable:
    """Three points whose HSDS rows are worked out by hand below."""
    rows = [
        point(point_id="test:1", source_record_id="1", name_en="Fredericton Centre", name_fr="Centre de Fredericton",
              services="drivers_licence;health_card", street_address="432 Queen St", city="Fredericton",
              postal_code="E3B 1B6", phone="506 453-2000 x 217", hours="Mo-Fr 08:30-16:30; Sa 09:00-12:00",
              languages="en;fr", accessibility="Step-free entrance, accessible washroom", last_verified="2024-05-01",
              url="https://www2.snb.ca/fredericton", **SECRETS),
        point(point_id="test:2", source_record_id="2", name_fr="Centre de Caraquet", services="health_card",
              city="Caraquet", hours="By appointment", languages="fr"),
        point(point_id="test:3", source_record_id="3", name_en="Service Canada Centre - Moncton",
              organization="Service Canada", order_of_government="federal", jurisdiction="CA",
              services="passport", hours="Mon-Fri 9-5", province=None, **SECRETS),
    ]  # fmt: skip
    return table(rows, [(-66.6431, 45.9636), (-64.943, 47.794), (-64.779, 46.088)])


@pytest.fixture(scope="module")
def sample_points(sample_store) -> PointTable:
    points = GeoPackageStore(sample_store).read_points()
    # Every sample point gets internal values: none may be published.
    for name, value in SECRETS.items():
        points.columns[name] = np.array([f"{value} #{i}" for i in range(len(points))], dtype=object)
    return points


@pytest.fixture(scope="module")
def package(sample_points, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("open_data") / "package"
    both = PointTable(
        {n: np.concatenate([sample_points.columns[n], hand_points().columns[n]]) for n in FIELD_NAMES},
        np.concatenate([sample_points.lon, hand_points().lon]), np.concatenate([sample_points.lat, hand_points().lat]),
    )  # fmt: skip
    write_package(folder, both, PackageInfo(created="2025-03-31T12:00:00+00:00"))
    return folder


# -- HSDS by value -----------------------------------------------------------------------------


def test_hours_are_weekly_rules_or_a_description():
    assert parse_hours("Mo-Fr 08:30-16:30; Sa 09:00-12:00") == [
        {"byday": "MO,TU,WE,TH,FR", "opens_at": "08:30", "closes_at": "16:30"},
        {"byday": "SA", "opens_at": "09:00", "closes_at": "12:00"},
    ]
    assert parse_hours("Mon-Fri 9-5") == [
        {"byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "17:00"}
    ]
    assert parse_hours("Lun-Ven 8 h 30-16 h 30") == [
        {"byday": "MO,TU,WE,TH,FR", "opens_at": "08:30", "closes_at": "16:30"}
    ]
    assert parse_hours("Mo,We,Fr 10:00-14:00") == [
        {"byday": "MO,WE,FR", "opens_at": "10:00", "closes_at": "14:00"}
    ]
    for text in ("By appointment", "Closed Mondays", "Fr-Mo 9-5", "Mo 25:00-26:00", "", None):
        assert parse_hours(text) is None


def test_hsds_tables_by_value():
    data = build_hsds(hand_points())
    t = data.tables
    assert {k: len(v) for k, v in t.items()} == {
        "organizations": 2, "services": 3, "locations": 3, "service_at_location": 4, "addresses": 2, "phones": 1,
        "schedules": 4, "languages": 3, "accessibility": 1, "service_areas": 0,
    }  # fmt: skip
    snb = make_id("organization", "Service New Brunswick")
    assert t["organizations"][0] == {
        "id": snb, "name": "Service New Brunswick", "alternate_name": None, "website": None,
        "description": "Provincial government organization; 2 service points published.",
    }  # fmt: skip
    fredericton = t["locations"][0]
    assert fredericton == {
        "id": make_id("location", "test:1"), "location_type": "physical", "url": "https://www2.snb.ca/fredericton",
        "organization_id": snb, "name": "Fredericton Centre", "alternate_name": "Centre de Fredericton",
        "description": "Service centre of Service New Brunswick (in person)", "latitude": 45.9636,
        "longitude": -66.6431, "external_identifier": "test:1", "external_identifier_type": "crs_point_id",
    }  # fmt: skip
    assert t["locations"][1]["name"] == "Centre de Caraquet" and t["locations"][1]["alternate_name"] is None
    # One health-card service of the organization, offered at both of its centres.
    health = [s for s in t["services"] if s["name"] == "Health card"]
    assert (
        len(health) == 1
        and health[0]["alternate_name"] == "Carte santé"
        and health[0]["organization_id"] == snb
    )
    assert sorted(
        r["location_id"] for r in t["service_at_location"] if r["service_id"] == health[0]["id"]
    ) == sorted([make_id("location", "test:1"), make_id("location", "test:2")])
    assert t["addresses"][0] == {
        "id": make_id("address", "test:1"), "location_id": fredericton["id"], "address_1": "432 Queen St",
        "city": "Fredericton", "state_province": "NB", "postal_code": "E3B 1B6", "country": "CA",
        "address_type": "physical",
    }  # fmt: skip
    assert t["addresses"][1]["address_1"] == "" and t["addresses"][1]["city"] == "Caraquet"
    assert t["phones"] == [{"id": make_id("phone", "test:1"), "location_id": fredericton["id"], "service_id": None,
                            "number": "506 453-2000", "extension": 217, "type": "voice", "description": None}]  # fmt: skip
    weekly = [
        (s["location_id"], s["byday"], s["opens_at"], s["closes_at"], s["timezone"]) for s in t["schedules"]
    ]
    assert weekly == [
        (fredericton["id"], "MO,TU,WE,TH,FR", "08:30", "16:30", -4.0),
        (fredericton["id"], "SA", "09:00", "12:00", -4.0),
        (make_id("location", "test:2"), None, None, None, -4.0),
        (
            make_id("location", "test:3"),
            "MO,TU,WE,TH,FR",
            "09:00",
            "17:00",
            None,
        ),  # no province: no time zone
    ]
    assert t["schedules"][2]["description"] == "By appointment"
    assert [(r["name"], r["code"]) for r in t["languages"]] == [
        ("English", "en"),
        ("French", "fr"),
        ("French", "fr"),
    ]
    assert t["accessibility"][0]["description"] == "Step-free entrance, accessible washroom"
    # Identifiers are version-5 UUIDs of the point ids: the same from one publication to the next.
    assert uuid.UUID(fredericton["id"]).version == 5
    assert build_hsds(hand_points()).tables == t


def test_internal_fields_are_marked_in_the_schema_and_nowhere_else():
    """The rule: a field is published unless the schema marks it internal."""
    assert {f.name for f in FIELDS if f.internal} == {"contact_name", "contact_email", "notes"}
    properties = build_hsds(hand_points()).features[0]["properties"]
    assert set(properties) == {"location_id"} | {f.name for f in PUBLIC_FIELDS}


def test_internal_values_appear_in_no_published_file(package):
    files = [p for p in package.rglob("*") if p.is_file()]
    assert len(files) >= 18
    for path in files:
        text = path.read_text(encoding="utf-8")
        for value in SECRETS.values():
            assert value not in text, (path.name, value)
        assert "contact_name" not in text and "contact_email" not in text, path.name
    # ('notes' is also HSDS's column for notes on a schedule: the schema's field is what must not appear.)
    features = json.loads((package / "locations.geojson").read_text(encoding="utf-8"))["features"]
    assert not any("notes" in f["properties"] for f in features)


# -- official HSDS 3 schemas -------------------------------------------------------------------


def hsds_validator(object_name: str):
    """A validator for one HSDS 3 object; "$ref": "phone.json" resolves to the vendored file."""
    store = {}
    for path in HSDS_SCHEMAS.glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        store[path.name] = store[path.resolve().as_uri()] = schema
    schema = store[f"{object_name}.json"]
    resolver = jsonschema.RefResolver(
        (HSDS_SCHEMAS / f"{object_name}.json").resolve().as_uri(), schema, store=store
    )
    # FormatChecker() checks uuid, email and date formats; URIs are checked below.
    return jsonschema.Draft7Validator(schema, resolver=resolver, format_checker=jsonschema.FormatChecker())


def uris(value, found: list) -> list:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("url", "website", "uri") and isinstance(item, str) and item:
                found.append(item)
            uris(item, found)
    elif isinstance(value, list):
        for item in value:
            uris(item, found)
    return found


def test_every_json_object_is_valid_hsds3(package, sample_points):
    checked = 0
    for name, object_name in (
        ("organizations", "organization"),
        ("services", "service"),
        ("locations", "location"),
    ):
        validator = hsds_validator(object_name)
        records = json.loads((package / "hsds" / "json" / f"{name}.json").read_text(encoding="utf-8"))
        assert records
        for record in records:
            errors = sorted(validator.iter_errors(record), key=str)
            assert not errors, (name, record.get("id"), errors[0].message)
            checked += 1
        for url in uris(records, []):
            assert urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc, url
    assert checked == 108 + 1 + 313 + 2 + 275 + 3  # organizations, services, locations (sample + hand points)
    services = json.loads((package / "hsds" / "json" / "services.json").read_text(encoding="utf-8"))
    passport = next(
        s for s in services if s["name"] == "Passport" and s["organization"]["name"] == "Service Canada"
    )
    offering = [pid for pid, org, services in zip(sample_points.columns["point_id"], sample_points.columns["organization"],
                sample_points.columns["services"]) if org == "Service Canada" and "passport" in (services or "")]  # fmt: skip
    assert len(offering) == 5
    expected = {make_id("location", pid) for pid in [*offering, "test:3"]}
    assert passport["status"] == "active"
    assert {s["location_id"] for s in passport["service_at_locations"]} == expected
    locations = json.loads((package / "hsds" / "json" / "locations.json").read_text(encoding="utf-8"))
    fredericton = next(loc for loc in locations if loc["external_identifier"] == "test:1")
    assert [a["postal_code"] for a in fredericton["addresses"]] == ["E3B 1B6"]
    assert [(s["byday"], s["opens_at"]) for s in fredericton["schedules"]] == [("MO,TU,WE,TH,FR", "08:30"),
                                                                              ("SA", "09:00")]  # fmt: skip


def read_csv(path: Path, table_name: str, required: list[str]) -> list[dict]:
    """Rows as a CSV reader gives them: numbers for number columns; an empty cell is no value,
    or an empty text for a property HSDS requires (a CSV cannot tell the two apart)."""
    kinds = dict(TABLE_COLUMNS[table_name])
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for row in rows:
        record = {}
        for key, value in row.items():
            if value != "":
                record[key] = float(value) if kinds[key] == "number" else value
            elif key in required:
                record[key] = ""
        out.append(record)
    return out


def test_every_csv_row_is_valid_hsds3(package):
    for table_name, object_name in TABLE_OBJECT.items():
        path = package / "hsds" / f"{table_name}.csv"
        with open(path, encoding="utf-8") as f:
            assert next(csv.reader(f)) == [c for c, _ in TABLE_COLUMNS[table_name]]
        validator = hsds_validator(object_name)
        for record in read_csv(path, table_name, validator.schema.get("required", [])):
            errors = list(validator.iter_errors(record))
            assert not errors, (table_name, record, errors[0].message)


def test_geojson_locations_in_epsg4326(package, sample_points):
    doc = json.loads((package / "locations.geojson").read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc  # RFC 7946: longitude, latitude in WGS 84
    features = {f["id"]: f for f in doc["features"]}
    assert len(features) == len(sample_points) + 3
    for i in (0, 100, 274):
        pid = sample_points.columns["point_id"][i]
        assert features[pid]["geometry"]["coordinates"] == [sample_points.lon[i], sample_points.lat[i]]
        assert features[pid]["properties"]["name_en"] == sample_points.columns["name_en"][i]


# -- Frictionless ------------------------------------------------------------------------------


def frictionless_report(descriptor: Path) -> dict:
    assert OPENDATA_PYTHON.exists(), "the test tools are missing: run `make deps` (it makes .venv-opendata)"
    run = subprocess.run([str(OPENDATA_PYTHON), "-m", "frictionless", "validate", "--json", str(descriptor)],
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    return json.loads(run.stdout)


def test_datapackage_is_valid_frictionless(package):
    report = frictionless_report(package / "datapackage.json")
    invalid = [(t["name"], t["errors"][:2]) for t in report["tasks"] if not t["valid"]]
    assert report["valid"], invalid or report["errors"]
    rows = {t["name"]: (t.get("stats") or {}).get("rows") for t in report["tasks"]}
    assert rows["locations"] == 278 and rows["organizations"] == 109 and rows["services"] == 315
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"] == [{
        "name": "OGL-Canada-2.0", "path": "https://open.canada.ca/en/open-government-licence-canada",
        "title": "Open Government Licence - Canada", "title_fr": "Licence du gouvernement ouvert - Canada",
    }]  # fmt: skip
    assert descriptor["contributors"] == [{"title": "Service Network Collaboration (CRS) working group",
                                           "role": "publisher"}]  # fmt: skip
    assert descriptor["created"] == "2025-03-31T12:00:00+00:00"
    assert (descriptor["title_en"], descriptor["title_fr"]) == ("Government service points",
                                                                "Points de service gouvernementaux")  # fmt: skip
    assert descriptor["description_fr"].startswith("Où les gouvernements")
    resources = {r["name"]: r for r in descriptor["resources"]}
    sal = resources["service_at_location"]["schema"]
    assert sal["primaryKey"] == "id"
    assert sal["foreignKeys"] == [
        {"fields": "service_id", "reference": {"resource": "services", "fields": "id"}},
        {"fields": "location_id", "reference": {"resource": "locations", "fields": "id"}},
    ]
    assert resources["locations_geojson"]["mediatype"] == "application/geo+json"


def test_a_broken_foreign_key_fails_frictionless(package, tmp_path):
    """The keys are checked: a phone of a location that is not published is reported."""
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(package, broken)
    phones = (broken / "hsds" / "phones.csv").read_text(encoding="utf-8").splitlines()
    first = phones[1].split(",")
    first[1] = str(uuid.uuid4())
    phones[1] = ",".join(first)
    (broken / "hsds" / "phones.csv").write_text("\n".join(phones) + "\n", encoding="utf-8")
    report = frictionless_report(broken / "datapackage.json")
    assert not report["valid"]
    errors = [e["type"] for t in report["tasks"] if t["name"] == "phones" for e in t["errors"]]
    assert errors == ["foreign-key"]


# -- round trip --------------------------------------------------------------------------------


def test_the_package_loads_back_as_the_same_points(package, sample_points, tmp_path):
    catalogue = load_catalogue(package / "reimport" / "sources.json")
    (entry,) = catalogue.entries
    points, provenance = load_points(catalogue.source(entry.id), entry.mapping)
    store = GeoPackageStore(tmp_path / "reloaded.gpkg")
    store.write_points(points, provenance)
    back = store.read_points()
    assert len(back) == len(sample_points) + 3
    order = {pid: i for i, pid in enumerate(back.columns["point_id"])}
    rows = np.array([order[pid] for pid in sample_points.columns["point_id"]])
    for f in PUBLIC_FIELDS:
        if f.name in ("source_id", "source_record_id"):
            continue
        assert back.columns[f.name][rows].tolist() == sample_points.columns[f.name].tolist(), f.name
    assert np.array_equal(back.lon[rows], sample_points.lon) and np.array_equal(
        back.lat[rows], sample_points.lat
    )
    # The package is the source now; the record ids are the point ids (unique across the original sources).
    assert set(back.columns["source_id"]) == {"crs_open_data"}
    assert back.columns["source_record_id"].tolist() == back.columns["point_id"].tolist()
    for name in SECRETS:
        assert set(back.columns[name].tolist()) == {None}
    assert not math.isnan(back.lon[rows[0]])
