"""The fast output writer: a GeoPackage copy of a layer with extra columns, checked through GDAL."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest
from osgeo import gdal, ogr

from crs_plugin.core import gpkg_columns
from crs_plugin.core.errors import StoreError
from crs_plugin.core.gpkg_columns import copy_with_columns
from tests.conftest import CENSUS

gdal.UseExceptions()
N = 3755  # features in the sample census layer


def _extras(fids: np.ndarray) -> list:
    """Values derived from each fid, so a misaligned row shows."""
    return [("distance_m", "real", fids * 1.5), ("covered", "boolean", fids % 2 == 0),
            ("label", "string", np.array([f"area {f}" for f in fids], dtype=object))]  # fmt: skip


def _rows(path, layer: str, where: str = "") -> dict[int, tuple]:
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    if where:
        lyr.SetAttributeFilter(where)
    return {
        f.GetFID(): (f.GetField("DAUID"), f.GetField("POP2021"), f.GetGeometryRef().ExportToWkb())
        for f in lyr
    }


def _check_copy(target, layer: str) -> None:
    ds = ogr.Open(str(target))
    lyr = ds.GetLayerByName(layer)
    assert lyr.GetFeatureCount() == N
    assert lyr.GetFIDColumn() == "fid"
    for feature in lyr:
        fid = feature.GetFID()
        assert feature.GetField("distance_m") == fid * 1.5
        assert feature.GetField("covered") == (fid % 2 == 0)
        assert feature.GetField("label") == f"area {fid}"
    source = _rows(CENSUS, "dissemination_areas")
    assert _rows(target, layer) == source  # geometries and attributes kept, ids unchanged
    # A spatial filter answers through the output's R-tree: same features as the source.
    src_ds = ogr.Open(str(CENSUS))  # a layer lives only as long as its dataset
    src_layer = src_ds.GetLayerByName("dissemination_areas")
    first = src_layer.GetFeature(1)  # and a geometry as long as its feature
    min_x, max_x, min_y, max_y = first.GetGeometryRef().GetEnvelope()
    window = (min_x - 5000, min_y - 5000, max_x + 5000, max_y + 5000)
    lyr.SetSpatialFilterRect(*window)
    src_layer.SetSpatialFilterRect(*window)
    assert sorted(f.GetFID() for f in lyr) == sorted(f.GetFID() for f in src_layer) != []
    assert lyr.GetExtent() == pytest.approx(src_layer.GetExtent())
    with sqlite3.connect(target) as db:
        assert db.execute(f"SELECT rtreecheck('rtree_{layer}_geom')").fetchone() == ("ok",)
        assert db.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?", (layer,)).fetchone() == (N,)  # fmt: skip


def test_copy_of_a_geopackage_layer_reuses_its_spatial_index(tmp_path):
    fids = np.arange(N, 0, -1)  # any order: values follow their fid
    target = tmp_path / "out.gpkg"
    # Copied, not built: the build limit does not apply.
    assert copy_with_columns(str(CENSUS), "dissemination_areas", str(target), "out", fids, _extras(fids),
                             index_build_limit=0)  # fmt: skip
    _check_copy(target, "out")


@pytest.mark.parametrize(
    ("order", "memory_database"),
    [("reversed", None), ("shuffled", None),
     ("shuffled", "file:crs_extra_{}?mode=memory&cache=shared")],  # SQLite before 3.36
)  # fmt: skip
def test_columns_bound_in_parts_while_rows_are_written(tmp_path, monkeypatch, order, memory_database):
    """Large outputs are written part by part (by feature id) while the next part is bound:
    every feature is written once with its own values, whatever order the ids come in,
    and features without a row, between and past the parts, get empty columns."""
    monkeypatch.setattr(gpkg_columns, "_PART_MIN_ROWS", 300)  # 4 parts of 3755 (sample) or 939 rows
    if memory_database:
        monkeypatch.setattr(gpkg_columns, "_MEMORY_DATABASE", memory_database)
    fids = np.arange(N, 0, -1) if order == "reversed" else np.random.default_rng(3).permutation(N) + 1
    copy_with_columns(
        str(CENSUS), "dissemination_areas", str(tmp_path / "all.gpkg"), "out", fids, _extras(fids)
    )
    _check_copy(tmp_path / "all.gpkg", "out")
    some = fids[fids % 4 != 0]  # a gap after each part's last id too
    some = some[some < N - 10]  # and none of the highest ids
    target = tmp_path / "some.gpkg"
    copy_with_columns(str(CENSUS), "dissemination_areas", str(target), "out", some, _extras(some))
    ds = ogr.Open(str(target))
    values = {f.GetFID(): f.GetField("distance_m") for f in ds.GetLayerByName("out")}
    assert sorted(values) == list(range(1, N + 1))
    assert values == {fid: fid * 1.5 if fid in set(some.tolist()) else None for fid in range(1, N + 1)}


def test_a_column_that_cannot_be_written_leaves_no_output(tmp_path, monkeypatch):
    """An error while binding one part stops the writer of the others: no output, the binding error."""
    monkeypatch.setattr(gpkg_columns, "_PART_MIN_ROWS", 300)
    fids = np.arange(1, N + 1)
    counts = np.arange(N, dtype=object)
    counts[N - 1] = "not a number"  # in the last part, after three parts were written
    target = tmp_path / "out.gpkg"
    with pytest.raises(StoreError, match="not a number"):
        copy_with_columns(str(CENSUS), "dissemination_areas", str(target), "out", fids,
                          [("count", "integer", counts)])  # fmt: skip
    assert not target.exists()
    with pytest.raises(StoreError, match="listed twice"):
        copy_with_columns(str(CENSUS), "dissemination_areas", str(target), "out", np.array([1, 2, 2]),
                          [("count", "integer", np.arange(3))])  # fmt: skip
    assert not target.exists()


def test_output_stays_editable_with_its_triggers(tmp_path):
    """The R-tree and count triggers are back: a feature added later is found and counted."""
    fids = np.arange(1, N + 1)
    target = tmp_path / "out.gpkg"
    copy_with_columns(str(CENSUS), "dissemination_areas", str(target), "out", fids, _extras(fids))
    ds = ogr.Open(str(target), update=1)
    lyr = ds.GetLayerByName("out")
    feature = ogr.Feature(lyr.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOLYGON (((1 1, 2 1, 2 2, 1 1)))"))
    lyr.CreateFeature(feature)
    ds = None
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT count(*) FROM rtree_out_geom WHERE maxx <= 2").fetchone() == (1,)
        assert db.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'out'").fetchone() == (N + 1,)  # fmt: skip


def test_sources_without_an_index_or_not_geopackages(tmp_path):
    """A GeoPackage without R-tree and a Shapefile (other key name) give the same output."""
    plain = tmp_path / "plain.gpkg"
    gdal.VectorTranslate(str(plain), str(CENSUS), layers=["dissemination_areas"],
                         options=["-preserve_fid", "-lco", "SPATIAL_INDEX=NO", "-lco", "FID=OBJECTID"])  # fmt: skip
    shapefile = tmp_path / "areas.shp"
    gdal.VectorTranslate(str(shapefile), str(CENSUS), layers=["dissemination_areas"], format="ESRI Shapefile")
    fids = np.arange(1, N + 1)
    copy_with_columns(str(plain), None, str(tmp_path / "a.gpkg"), "a", fids, _extras(fids))
    _check_copy(tmp_path / "a.gpkg", "a")
    # A Shapefile numbers features from 0: the writer keeps its numbering.
    shp_fids = np.arange(0, N)
    copy_with_columns(str(shapefile), None, str(tmp_path / "b.gpkg"), "b", shp_fids, _extras(shp_fids))
    ds = ogr.Open(str(tmp_path / "b.gpkg"))
    lyr = ds.GetLayerByName("b")
    assert lyr.GetFeatureCount() == N and lyr.GetFeature(0).GetField("label") == "area 0"
    shp = ogr.Open(str(shapefile))
    first_source = shp.GetLayer(0).GetFeature(0)
    assert lyr.GetFeature(0).GetField("DAUID") == first_source.GetField("DAUID")


def test_features_without_a_row_get_empty_columns_and_no_index_past_the_limit(tmp_path):
    """No R-tree is built past the limit for a source without one (building costs time)."""
    plain = tmp_path / "plain.gpkg"
    gdal.VectorTranslate(str(plain), str(CENSUS), layers=["dissemination_areas"],
                         options=["-preserve_fid", "-lco", "SPATIAL_INDEX=NO"])  # fmt: skip
    fids = np.arange(1, 11)
    target = tmp_path / "out.gpkg"
    assert not copy_with_columns(
        str(plain), None, str(target), "out", fids, _extras(fids), index_build_limit=5
    )
    ds = ogr.Open(str(target))
    lyr = ds.GetLayerByName("out")
    assert lyr.GetFeatureCount() == N
    assert (
        lyr.GetFeature(5).GetField("distance_m") == 7.5 and lyr.GetFeature(11).GetField("distance_m") is None
    )
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'rtree_%'").fetchone() == (0,)


def test_overwrites_an_existing_output_and_leaves_none_on_failure(tmp_path):
    target = tmp_path / "out.gpkg"
    target.write_bytes(b"an older output")
    fids = np.arange(1, N + 1)
    copy_with_columns(str(CENSUS), "dissemination_areas", str(target), "out", fids, _extras(fids))
    ds = ogr.Open(str(target))
    assert ds.GetLayerByName("out").GetFeatureCount() == N
    ds = None
    with pytest.raises(StoreError, match="Could not write out.gpkg"):  # DAUID exists already
        copy_with_columns(str(CENSUS), "dissemination_areas", str(target), "out", fids,
                          [("DAUID", "string", np.full(N, "x", dtype=object))])  # fmt: skip
    assert not target.exists()
    with pytest.raises(StoreError, match="no layer 'nope'"):
        copy_with_columns(str(CENSUS), "nope", str(target), "out", fids, _extras(fids))
    assert not target.exists()
