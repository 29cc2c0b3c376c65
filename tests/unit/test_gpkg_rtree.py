"""Bulk-loaded GeoPackage R-trees and point blobs, checked by SQLite and GDAL."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from osgeo import ogr, osr

from crs_plugin.core.gpkg_rtree import point_blobs, points_xy, write_rtree

ogr.UseExceptions()


def _points_layer(path) -> None:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds.CreateLayer("pts", srs, ogr.wkbPoint)
    ds = None


@pytest.mark.parametrize("n", [0, 1, 51, 52, 3000, 20000])  # empty, one leaf, first split, 2 and 3 levels
def test_bulk_loaded_rtree_is_valid_and_answers_like_a_scan(tmp_path, n):
    path = tmp_path / "pts.gpkg"
    _points_layer(path)
    rng = np.random.default_rng(n)
    x, y = rng.uniform(-140, -50, n), rng.uniform(42, 70, n)
    x[:3], y[:3] = -100.0, 50.0  # identical points
    with sqlite3.connect(path, isolation_level=None) as db:
        db.execute("BEGIN")
        triggers = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'pts'").fetchall()  # fmt: skip
        for name, _ in triggers:
            db.execute(f'DROP TRIGGER "{name}"')
        db.executemany("INSERT INTO pts (fid, geom) VALUES (?, ?)", zip(range(1, n + 1), point_blobs(x, y)))
        write_rtree(db, "rtree_pts_geom", np.arange(1, n + 1), x, x, y, y)
        for _, sql in triggers:
            db.execute(sql)
        db.execute("COMMIT")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT rtreecheck('rtree_pts_geom')").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM rtree_pts_geom").fetchone() == (n,)
    # GDAL filters through the R-tree: same features as a scan of the coordinates.
    window = (-100.0, 50.0, -90.0, 55.0)
    inside = (x >= window[0]) & (x <= window[2]) & (y >= window[1]) & (y <= window[3])
    ds = ogr.Open(str(path), update=1)
    layer = ds.GetLayer(0)
    layer.SetSpatialFilterRect(*window)
    assert sorted(f.GetFID() for f in layer) == (np.flatnonzero(inside) + 1).tolist()
    # Later edits keep it valid (GDAL's triggers update the bulk-loaded tree).
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (-95 52)"))
    layer.CreateFeature(feature)
    layer.SetSpatialFilterRect(*window)
    assert layer.GetFeatureCount() == inside.sum() + 1
    ds = None
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT rtreecheck('rtree_pts_geom')").fetchone() == ("ok",)


def test_boxes_are_rounded_outwards_to_single_precision(tmp_path):
    """A coordinate between two float32 values stays inside its stored box."""
    path = tmp_path / "pts.gpkg"
    _points_layer(path)
    x, y = np.array([-64.123456789012]), np.array([45.987654321098])
    with sqlite3.connect(path, isolation_level=None) as db:
        db.execute("BEGIN")
        write_rtree(db, "rtree_pts_geom", [1], x, x, y, y)
        db.execute("COMMIT")
        min_x, max_x, min_y, max_y = db.execute(
            "SELECT minx, maxx, miny, maxy FROM rtree_pts_geom"
        ).fetchone()
    assert min_x <= x[0] <= max_x and min_y <= y[0] <= max_y and min_x < max_x


def test_point_blobs_read_by_gdal_and_back():
    x = np.array([-123.115316, np.nan, 0.0, -64.5])
    y = np.array([49.281559, 45.0, 0.0, 46.1])
    blobs = point_blobs(x, y)
    assert blobs[1] is None
    geometry = ogr.CreateGeometryFromWkb(bytes(blobs[0][8:]))
    assert (geometry.GetX(), geometry.GetY()) == (-123.115316, 49.281559)
    rx, ry = points_xy(blobs)
    np.testing.assert_array_equal(rx, x)
    assert np.isnan(ry[1]) and ry[0] == y[0]


def test_points_xy_reads_other_writers_blobs():
    """Big-endian WKB, an envelope, an empty point and NULL: what other tools may write."""
    wkb_be = ogr.CreateGeometryFromWkt("POINT (1.5 2.5)").ExportToWkb(ogr.wkbXDR)
    big_endian = b"GP\x00\x00" + (4326).to_bytes(4, "little") + wkb_be
    envelope = np.array([3.0, 3.0, 4.0, 4.0]).tobytes()  # minx, maxx, miny, maxy
    with_envelope = b"GP\x00\x03" + (4326).to_bytes(4, "little") + envelope + ogr.CreateGeometryFromWkt("POINT (3 4)").ExportToWkb(ogr.wkbNDR)  # fmt: skip
    empty = b"GP\x00\x11" + (4326).to_bytes(4, "little") + ogr.CreateGeometryFromWkt("POINT EMPTY").ExportToWkb(ogr.wkbNDR)  # fmt: skip
    x, y = points_xy([big_endian, with_envelope, empty, None])
    assert x[:2].tolist() == [1.5, 3.0] and y[:2].tolist() == [2.5, 4.0]
    assert np.isnan(x[2:]).all() and np.isnan(y[2:]).all()
