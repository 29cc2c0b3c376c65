"""The embedded store: one GeoPackage holding the service points of every source.

``service_points`` holds the common schema (geometry in EPSG:4326) for all
sources; ``source_loads`` keeps one provenance row per load. Loading a source
replaces that source's rows in one SQLite transaction, so a failed load leaves
the previous version intact, and reports what was added, changed and removed
(by ``source_record_id``).

GDAL creates the tables (GeoPackage metadata, constraints, R-tree and triggers);
rows are then written by SQLite from arrays, without a Python call per feature:
the layer's triggers are set aside while rows change, the R-tree is bulk-loaded
(``gpkg_rtree``), and triggers, feature count and extent are put right before
the transaction commits.
"""

from __future__ import annotations

import json
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from osgeo import ogr, osr

from .errors import StoreError
from .gdal_exceptions import with_gdal_exceptions
from .gpkg_columns import quote_identifier, set_aside, write_feature_count
from .gpkg_rtree import point_blobs, points_xy, write_rtree
from .i18n import tr
from .mapping import SAFE_SOURCE_ID
from .schema import FIELDS, LIST_SEPARATOR, FieldType, Provenance
from .table import PointTable, text_column

POINTS_LAYER = "service_points"
LOADS_LAYER = "source_loads"
_FIELD_NAMES = [f.name for f in FIELDS]
_LOAD_FIELDS = ("source_id", "uri", "fetched_at", "record_count", "sha256", "added", "changed",
                "removed", "http_validators")  # fmt: skip


@dataclass(frozen=True)
class LoadSummary:
    source_id: str
    total: int
    added: int
    changed: int
    removed: int

    def __str__(self) -> str:
        return tr("{source_id}: {total} points ({added} added, {changed} changed, {removed} removed)").format(
            source_id=self.source_id,
            total=self.total,
            added=self.added,
            changed=self.changed,
            removed=self.removed,
        )


@with_gdal_exceptions
def _ogr_type(ftype: FieldType) -> int:
    return ogr.OFTDate if ftype == FieldType.DATE else ogr.OFTString


@with_gdal_exceptions
def points_layer(ds):
    """The service_points layer of an open GeoPackage, created with the schema's fields if missing."""
    layer = ds.GetLayerByName(POINTS_LAYER)
    if layer is not None:
        # A store written by an older version lacks the fields added since: add them (empty).
        defn = layer.GetLayerDefn()
        for f in FIELDS:
            if defn.GetFieldIndex(f.name) < 0:
                layer.CreateField(ogr.FieldDefn(f.name, _ogr_type(f.type)))
        return layer
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = ds.CreateLayer(POINTS_LAYER, srs, ogr.wkbPoint, options=["FID=fid", "GEOMETRY_NAME=geom"])
    for f in FIELDS:
        defn = ogr.FieldDefn(f.name, _ogr_type(f.type))
        if f.required:
            defn.SetNullable(False)
        layer.CreateField(defn)
    ds.ExecuteSQL(f"CREATE UNIQUE INDEX IF NOT EXISTS {POINTS_LAYER}_point_id ON {POINTS_LAYER}(point_id)")
    ds.ExecuteSQL(f"CREATE INDEX IF NOT EXISTS {POINTS_LAYER}_source_id ON {POINTS_LAYER}(source_id)")
    return layer


class GeoPackageStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)

    def write_points(self, points: PointTable, provenance: Provenance) -> LoadSummary:
        """Replace ``provenance.source_id``'s points with ``points``, all or nothing."""
        if not SAFE_SOURCE_ID.fullmatch(provenance.source_id):
            raise StoreError(tr("Invalid source id {source_id!r}.").format(source_id=provenance.source_id))
        created = not os.path.exists(self.path)
        try:
            self._create_tables(created)
            with closing(sqlite3.connect(self.path, isolation_level=None)) as db:
                db.execute("BEGIN IMMEDIATE")  # one writer; readers keep the previous version
                try:
                    summary = self._replace_source(db, points, provenance)
                    self._log_load(db, provenance, summary)
                    db.execute("COMMIT")
                except BaseException:
                    db.execute("ROLLBACK")
                    raise
        except StoreError:
            self._remove_if(created)
            raise
        except Exception as exc:
            self._remove_if(created)
            raise StoreError(
                tr(
                    "Writing source '{source_id}' to {path} failed ({exc}); the store was left as it was."
                ).format(source_id=provenance.source_id, path=self.path, exc=exc)
            ) from exc
        return summary

    def remove_source(self, source_id: str) -> LoadSummary:
        """Delete every point of a source (it left the catalogue) in one transaction; the load log
        keeps a row saying how many went. Nothing happens when the store holds none of them."""
        if self.count(source_id) == 0:
            return LoadSummary(source_id, 0, 0, 0, 0)
        nothing = PointTable({}, np.zeros(0), np.zeros(0))
        return self.write_points(nothing, Provenance(source_id, "removed from the catalogue", 0))

    def _remove_if(self, created: bool) -> None:
        if created and os.path.exists(self.path):
            os.remove(self.path)

    @with_gdal_exceptions
    def _create_tables(self, create: bool) -> None:
        """The GeoPackage and its two tables, made by GDAL where missing."""
        try:
            if create:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                ds = ogr.GetDriverByName("GPKG").CreateDataSource(self.path)
            else:
                ds = ogr.Open(self.path, update=1)
        except RuntimeError as exc:
            raise StoreError(
                tr("Cannot open the GeoPackage {path}: {exc}").format(path=self.path, exc=exc)
            ) from None
        points_layer(ds)
        self._loads_layer(ds)
        ds = None  # GDAL writes a new layer's R-tree and triggers when it closes the file

    @staticmethod
    @with_gdal_exceptions
    def _loads_layer(ds):
        layer = ds.GetLayerByName(LOADS_LAYER)
        if layer is not None:
            if layer.GetLayerDefn().GetFieldIndex("http_validators") < 0:  # a store from an older version
                layer.CreateField(ogr.FieldDefn("http_validators", ogr.OFTString))
            return layer
        layer = ds.CreateLayer(LOADS_LAYER, None, ogr.wkbNone)
        for name in _LOAD_FIELDS:
            ftype = (
                ogr.OFTInteger if name in ("record_count", "added", "changed", "removed") else ogr.OFTString
            )
            layer.CreateField(ogr.FieldDefn(name, ftype))
        return layer

    @staticmethod
    def _stored(db: sqlite3.Connection, source_id: str) -> PointTable:
        """The source's stored points, as arrays (one SQL query)."""
        columns = ", ".join(quote_identifier(f.name) for f in FIELDS)
        query = f"SELECT {columns}, geom FROM {POINTS_LAYER} WHERE source_id = ?"  # noqa: S608 - fixed names
        rows = db.execute(query, (source_id,)).fetchall()
        values = list(zip(*rows)) if rows else [()] * (len(FIELDS) + 1)
        x, y = points_xy(list(values[-1]))
        return PointTable({f.name: np.array(v, dtype=object) for f, v in zip(FIELDS, values)}, x, y)

    def _replace_source(
        self, db: sqlite3.Connection, points: PointTable, provenance: Provenance
    ) -> LoadSummary:
        before = self._stored(db, provenance.source_id)
        triggers = set_aside(db, POINTS_LAYER, "trigger")
        db.execute(f"DELETE FROM {POINTS_LAYER} WHERE source_id = ?", (provenance.source_id,))  # noqa: S608
        # Indexes are rebuilt in one sort after the rows are in: twice as fast as
        # updating them row by row (a duplicate point_id still fails the load).
        indexes = set_aside(db, POINTS_LAYER, "index")
        (last_fid,) = db.execute(f"SELECT coalesce(max(fid), 0) FROM {POINTS_LAYER}").fetchone()  # noqa: S608
        cols = [points.columns[n].tolist() for n in _FIELD_NAMES]
        fids = range(last_fid + 1, last_fid + 1 + len(points))
        names = ", ".join(quote_identifier(n) for n in ["fid", *_FIELD_NAMES, "geom"])
        db.executemany(
            f"INSERT INTO {POINTS_LAYER} ({names}) VALUES ({', '.join('?' * (len(_FIELD_NAMES) + 2))})",  # noqa: S608
            zip(fids, *cols, point_blobs(points.lon, points.lat)),
        )
        for sql in indexes + triggers:
            db.execute(sql)
        self._reindex(db)
        return LoadSummary(provenance.source_id, len(points), *_changes(before, points))

    @staticmethod
    def _reindex(db: sqlite3.Connection) -> None:
        """R-tree, feature count and extent of service_points, from its rows."""
        rows = db.execute(f"SELECT fid, geom FROM {POINTS_LAYER}").fetchall()  # noqa: S608 - fixed names
        fids = np.array([r[0] for r in rows], dtype=np.int64)
        x, y = points_xy([r[1] for r in rows])
        located = np.isfinite(x) & np.isfinite(y)
        rtree = f"rtree_{POINTS_LAYER}_geom"
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)).fetchone():
            write_rtree(db, rtree, fids[located], x[located], x[located], y[located], y[located])
        extent = (
            (
                float(x[located].min()),
                float(y[located].min()),
                float(x[located].max()),
                float(y[located].max()),
            )
            if located.any()
            else (None, None, None, None)
        )
        db.execute(
            "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
            "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = ?",
            (*extent, POINTS_LAYER),
        )
        write_feature_count(db, POINTS_LAYER, len(rows))

    @staticmethod
    def _log_load(db: sqlite3.Connection, provenance: Provenance, summary: LoadSummary) -> None:
        values = {
            "source_id": provenance.source_id,
            "uri": provenance.uri,
            "fetched_at": provenance.fetched_at,
            "record_count": summary.total,
            "sha256": provenance.sha256,
            "added": summary.added,
            "changed": summary.changed,
            "removed": summary.removed,
            "http_validators": json.dumps(provenance.extra.get("http_validators", {})),
        }
        names = ", ".join(quote_identifier(n) for n in values)
        db.execute(
            f"INSERT INTO {LOADS_LAYER} ({names}) VALUES ({', '.join('?' * len(values))})",  # noqa: S608
            list(values.values()),
        )

    def read_points(self) -> PointTable:
        """Every stored point, as arrays (one SQL query)."""
        try:
            with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as db:
                present = {r[1] for r in db.execute(f"PRAGMA table_info({POINTS_LAYER})")}
                # A store from an older version reads with the newer fields empty.
                columns = ", ".join(quote_identifier(f.name) if f.name in present else "NULL" for f in FIELDS)
                query = f"SELECT {columns}, geom FROM {POINTS_LAYER} ORDER BY fid"  # noqa: S608 - fixed names
                rows = db.execute(query).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(
                tr("Cannot read service points from {path}: {exc}.").format(path=self.path, exc=exc)
            ) from None
        x, y = points_xy([r[-1] for r in rows])
        values = {f.name: text_column([r[j] for r in rows]) for j, f in enumerate(FIELDS)}
        return PointTable(values, x, y)

    @with_gdal_exceptions
    def count(self, source_id: str | None = None) -> int:
        if not os.path.exists(self.path):
            return 0
        ds = ogr.Open(self.path)
        layer = ds.GetLayerByName(POINTS_LAYER)
        if layer is None:
            return 0
        if source_id is not None:
            with closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)) as db:
                query = f"SELECT count(*) FROM {POINTS_LAYER} WHERE source_id = ?"  # noqa: S608 - fixed name
                return db.execute(query, (source_id,)).fetchone()[0]
        return layer.GetFeatureCount()


def _changes(before: PointTable, after: PointTable) -> tuple[int, int, int]:
    """(added, changed, removed) points by ``source_record_id``, compared column by column.

    "Changed" means any attribute differs (empty text and NULL are the same) or the
    position moved by more than ~1 cm (7 decimals of a degree).
    """
    old_ids = before.columns["source_record_id"].astype(str)
    new_ids = after.columns["source_record_id"].astype(str)
    _, old, new = np.intersect1d(old_ids, new_ids, return_indices=True)
    changed = np.zeros(len(old), dtype=bool)
    for name in _FIELD_NAMES:
        changed |= _blank_as_null(before.columns[name][old]) != _blank_as_null(after.columns[name][new])
    for a, b in ((before.lon[old], after.lon[new]), (before.lat[old], after.lat[new])):
        a, b = np.round(a, 7), np.round(b, 7)
        changed |= ~((a == b) | (np.isnan(a) & np.isnan(b)))
    return len(new_ids) - len(new), int(changed.sum()), len(old_ids) - len(old)


def _blank_as_null(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=object)
    return np.where(values == "", None, values)


__all__ = [
    "LIST_SEPARATOR",
    "LOADS_LAYER",
    "POINTS_LAYER",
    "GeoPackageStore",
    "LoadSummary",
    "points_layer",
]
