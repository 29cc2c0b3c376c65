"""The GeoPackage store: one transaction per load, change summaries, nothing half-written."""

from __future__ import annotations

import hashlib
import sqlite3

import numpy as np
import pytest

from crs_plugin.core.catalogue import load_catalogue
from crs_plugin.core.errors import DataError, StoreError
from crs_plugin.core.sources import FileSource, load_points
from crs_plugin.core.store import GeoPackageStore
from crs_plugin.core.table import PointTable


def table_rows(path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT * FROM service_points ORDER BY point_id").fetchall()


def sample(source_id):
    catalogue = load_catalogue()
    return load_points(catalogue.source(source_id), catalogue.entry(source_id).mapping)


def test_sample_store_holds_every_counter_source(sample_store):
    with sqlite3.connect(sample_store) as db:
        counts = dict(db.execute("SELECT source_id, count(*) FROM service_points GROUP BY source_id"))
        orders = {r[0] for r in db.execute("SELECT DISTINCT order_of_government FROM service_points")}
        provinces = {r[0] for r in db.execute("SELECT DISTINCT province FROM service_points")}
        loads = db.execute("SELECT source_id, record_count, added FROM source_loads").fetchall()
    assert counts == {"service_canada_offices": 79, "service_bc_offices": 68,
                      "snb_service_centres": 23, "local_government_offices": 105}  # fmt: skip
    assert orders == {"federal", "provincial", "municipal", "indigenous"}
    assert provinces == {"BC", "NB"}
    assert sorted(loads) == sorted((s, n, n) for s, n in counts.items())


def test_refresh_reports_added_changed_removed(store_copy):
    points, provenance = sample("service_bc_offices")
    store = GeoPackageStore(store_copy)
    assert str(store.write_points(points, provenance)).endswith("(0 added, 0 changed, 0 removed)")
    keep = np.arange(len(points)) != 3  # one office closed
    changed = points.take(keep)
    changed.columns["phone"] = changed.columns["phone"].copy()
    changed.columns["phone"][0] = "250 000-0000"  # one changed
    changed.lon = changed.lon.copy()
    changed.lon[1] += 0.01  # one moved
    summary = store.write_points(changed, provenance)
    assert (summary.total, summary.added, summary.changed, summary.removed) == (67, 0, 2, 1)
    assert store.count("service_bc_offices") == 67
    assert store.count() == 274


def test_failed_write_leaves_the_previous_version(store_copy):
    before = table_rows(store_copy)
    points, provenance = sample("service_bc_offices")
    # Row 40 breaks the NOT NULL constraint: 39 rows are written before the failure.
    points.columns["organization"] = points.columns["organization"].copy()
    points.columns["organization"][40] = None
    with pytest.raises(StoreError, match="the store was left as it was"):
        GeoPackageStore(store_copy).write_points(points, provenance)
    assert table_rows(store_copy) == before


def test_a_point_id_taken_by_another_source_fails_the_load_and_keeps_the_store(store_copy):
    """The unique point_id index is rebuilt after the rows are in: a clash still refuses the
    load, and the store keeps its rows, indexes and triggers."""
    with sqlite3.connect(store_copy) as db:
        schema = sorted(db.execute("SELECT type, name FROM sqlite_master WHERE tbl_name = 'service_points'"))
        (taken,) = db.execute(
            "SELECT point_id FROM service_points WHERE source_id != 'service_bc_offices'"
        ).fetchone()
    before = table_rows(store_copy)
    points, provenance = sample("service_bc_offices")
    points.columns["point_id"] = points.columns["point_id"].copy()
    points.columns["point_id"][3] = taken
    with pytest.raises(StoreError, match="UNIQUE constraint failed: service_points.point_id"):
        GeoPackageStore(store_copy).write_points(points, provenance)
    assert table_rows(store_copy) == before
    with sqlite3.connect(store_copy) as db:
        assert (
            sorted(db.execute("SELECT type, name FROM sqlite_master WHERE tbl_name = 'service_points'"))
            == schema
        )
        assert db.execute("SELECT rtreecheck('rtree_service_points_geom')").fetchone() == ("ok",)


def test_failed_first_write_leaves_no_file(tmp_path):
    points, provenance = sample("service_bc_offices")
    points.columns["organization"] = np.full(len(points), None, dtype=object)
    target = tmp_path / "new.gpkg"
    with pytest.raises(StoreError):
        GeoPackageStore(target).write_points(points, provenance)
    assert not target.exists()


def test_bad_source_never_reaches_the_store(store_copy, tmp_path):
    digest = hashlib.sha256(store_copy.read_bytes()).hexdigest()
    bad = tmp_path / "bad.csv"
    bad.write_text("External Site,Office Code,Latitude,Longitude,Item Type,Address,Locality,"
                   "Site_Phone_No,Website_URL\nA,1,49.2,-123.1,Service BC Centre,,,,\n"
                   "B,2,north,-123.2,Service BC Centre,,,,\n", encoding="utf-8")  # fmt: skip
    catalogue = load_catalogue()
    with pytest.raises(DataError):
        GeoPackageStore(store_copy).write_points(
            *load_points(FileSource(bad, "service_bc_offices"), catalogue.entry("service_bc_offices").mapping)
        )
    assert hashlib.sha256(store_copy.read_bytes()).hexdigest() == digest


def test_point_table_rejects_misaligned_columns():
    with pytest.raises(ValueError, match="column name_en has 1 values for 2 points"):
        PointTable({"name_en": np.array(["a"], dtype=object)}, np.zeros(2), np.zeros(2))


def test_fast_output_writer_leaves_no_half_written_file(tmp_path):
    """copy_with_columns fails on a column the layer already has: no output file remains."""
    from crs_plugin.core.gpkg_columns import copy_with_columns
    from tests.conftest import CENSUS

    target = tmp_path / "out.gpkg"
    with pytest.raises(StoreError, match="Could not write out.gpkg"):
        copy_with_columns(str(CENSUS), "dissemination_areas", str(target), "out", np.arange(1, 3756),
                          [("DAUID", "string", np.full(3755, "x", dtype=object))])  # fmt: skip
    assert not target.exists()


def test_store_refuses_an_unsafe_source_id_itself(tmp_path):
    points, provenance = sample("service_bc_offices")
    provenance.source_id = "x' OR '1'='1"
    with pytest.raises(StoreError, match="Invalid source id"):
        GeoPackageStore(tmp_path / "crs.gpkg").write_points(points, provenance)
    assert not (tmp_path / "crs.gpkg").exists()


def test_http_validators_are_kept_with_the_load(tmp_path):
    """ETag and Last-Modified of a downloaded source are recorded in source_loads."""
    from crs_plugin.core.catalogue import SAMPLE_CATALOGUE
    from crs_plugin.core.mapping import FieldMapping
    from tests.servers.static import StaticServer

    csv = (SAMPLE_CATALOGUE.parent / "snb_service_centres.csv").read_bytes()
    mapping = FieldMapping.from_file(SAMPLE_CATALOGUE.parent / "mappings" / "snb_service_centres.json")
    validators = {"ETag": '"snb-2026-11-01"', "Last-Modified": "Sun, 01 Nov 2026 12:00:00 GMT"}
    with StaticServer() as server:
        server.routes["/snb.csv"] = (200, "text/csv", csv, validators)
        points, provenance = load_points(FileSource(server.url + "/snb.csv", "snb_service_centres"), mapping)
    assert provenance.extra["http_validators"] == {"etag": '"snb-2026-11-01"',
                                                   "last-modified": "Sun, 01 Nov 2026 12:00:00 GMT"}  # fmt: skip
    store = GeoPackageStore(tmp_path / "crs.gpkg")
    store.write_points(points, provenance)
    with sqlite3.connect(tmp_path / "crs.gpkg") as db:
        (kept,) = db.execute("SELECT http_validators FROM source_loads").fetchone()
    assert '"etag": "\\"snb-2026-11-01\\""' in kept and "Sun, 01 Nov 2026" in kept


def test_refreshed_store_stays_a_valid_geopackage(store_copy):
    """After a refresh GDAL sees a consistent layer: count, extent, R-tree, geometries."""
    from osgeo import ogr

    points, provenance = sample("snb_service_centres")
    moved = points.take(np.arange(len(points)))
    moved.lon = moved.lon.copy()
    moved.lon[0] = -64.0  # a new easternmost point widens the extent
    GeoPackageStore(store_copy).write_points(moved, provenance)
    ds = ogr.Open(str(store_copy))
    layer = ds.GetLayerByName("service_points")
    assert layer.GetFeatureCount() == 275
    assert layer.GetExtent()[1] >= -64.0
    layer.SetSpatialFilterRect(
        -64.001, moved.lat[0] - 0.001, -63.999, moved.lat[0] + 0.001
    )  # uses the R-tree
    found = [f.GetField("point_id") for f in layer]
    assert found == [moved.columns["point_id"][0]]
    layer.SetSpatialFilter(None)
    feature = next(f for f in layer if f.GetField("point_id") == moved.columns["point_id"][1])
    assert feature.GetGeometryRef().GetX() == pytest.approx(moved.lon[1], abs=1e-12)
    ds = None
    with sqlite3.connect(store_copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT rtreecheck('rtree_service_points_geom')").fetchone() == ("ok",)
        (rtree,) = db.execute("SELECT count(*) FROM rtree_service_points_geom").fetchone()
        assert db.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'service_points'").fetchone() == (275,)  # fmt: skip
        triggers = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert rtree == 275
    # GDAL's triggers are back: the R-tree and the count follow later edits.
    assert {"rtree_service_points_geom_insert", "rtree_service_points_geom_delete"} <= triggers
    ds = ogr.Open(str(store_copy), update=1)
    layer = ds.GetLayerByName("service_points")
    layer.DeleteFeature(next(iter(layer)).GetFID())
    ds = None
    with sqlite3.connect(store_copy) as db:
        assert db.execute("SELECT count(*) FROM rtree_service_points_geom").fetchone() == (274,)
        assert db.execute("SELECT rtreecheck('rtree_service_points_geom')").fetchone() == ("ok",)


def test_a_shared_catalogue_is_read_from_a_url(tmp_path):
    """A team's catalogue on a web server: mappings and files relative to it come from there too."""
    import json

    from crs_plugin.core.catalogue import SAMPLE_CATALOGUE
    from tests.servers.static import StaticServer

    folder = SAMPLE_CATALOGUE.parent
    doc = json.loads(SAMPLE_CATALOGUE.read_text(encoding="utf-8"))
    doc["sources"] = [e for e in doc["sources"] if e["id"] == "snb_service_centres"]
    with StaticServer() as server:
        server.routes["/crs/sources.json"] = (200, "application/json", json.dumps(doc).encode())
        server.routes["/crs/mappings/snb_service_centres.json"] = (
            200, "application/json", (folder / "mappings" / "snb_service_centres.json").read_bytes())  # fmt: skip
        server.routes["/crs/snb_service_centres.csv"] = (
            200,
            "text/csv",
            (folder / "snb_service_centres.csv").read_bytes(),
        )
        catalogue = load_catalogue(server.url + "/crs/sources.json")
        points, provenance = load_points(
            catalogue.source("snb_service_centres"), catalogue.entry("snb_service_centres").mapping
        )
        assert len(points) == 23 and provenance.uri == server.url + "/crs/snb_service_centres.csv"
        with pytest.raises(Exception, match="404"):
            load_catalogue(server.url + "/crs/missing.json")
