"""The embedded store: one GeoPackage holding the service points of every source.

``service_points`` holds the common schema (geometry in EPSG:4326) for all
sources; ``source_loads`` keeps one provenance row per load. Loading a source
replaces that source's rows in one SQLite transaction, so a failed load leaves
the previous version intact, and reports what was added, changed and removed
(by ``source_record_id``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from osgeo import gdal, ogr, osr

from .errors import StoreError
from .mapping import SAFE_SOURCE_ID
from .schema import FIELDS, LIST_SEPARATOR, FieldType, Provenance
from .table import PointTable

POINTS_LAYER = "service_points"
LOADS_LAYER = "source_loads"
_LOAD_FIELDS = ("source_id", "uri", "fetched_at", "record_count", "sha256", "added", "changed",
                "removed")  # fmt: skip

ogr.UseExceptions()
osr.UseExceptions()
gdal.UseExceptions()


@dataclass(frozen=True)
class LoadSummary:
    source_id: str
    total: int
    added: int
    changed: int
    removed: int

    def __str__(self) -> str:
        return (
            f"{self.source_id}: {self.total} points "
            f"({self.added} added, {self.changed} changed, {self.removed} removed)"
        )


def _ogr_type(ftype: FieldType) -> int:
    return ogr.OFTDate if ftype == FieldType.DATE else ogr.OFTString


class GeoPackageStore:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)

    def write_points(self, points: PointTable, provenance: Provenance) -> LoadSummary:
        """Replace ``provenance.source_id``'s points with ``points``, all or nothing."""
        created = not os.path.exists(self.path)
        try:
            ds = self._open(create=created)
        except RuntimeError as exc:
            raise StoreError(f"Cannot open the GeoPackage {self.path}: {exc}") from None
        try:
            layer = self._points_layer(ds)
            loads = self._loads_layer(ds)
            ds.StartTransaction()
            try:
                summary = self._replace_source(ds, layer, points, provenance)
                self._log_load(loads, provenance, summary)
                ds.CommitTransaction()
            except Exception:
                ds.RollbackTransaction()
                raise
        except StoreError:
            ds = None
            self._remove_if(created)
            raise
        except Exception as exc:
            ds = None
            self._remove_if(created)
            raise StoreError(
                f"Writing source '{provenance.source_id}' to {self.path} failed ({exc}); "
                "the store was left as it was."
            ) from exc
        finally:
            ds = None  # closes the file
        return summary

    def _remove_if(self, created: bool) -> None:
        if created and os.path.exists(self.path):
            os.remove(self.path)

    def _open(self, create: bool):
        if create:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            return ogr.GetDriverByName("GPKG").CreateDataSource(self.path)
        return ogr.Open(self.path, update=1)

    @staticmethod
    def _points_layer(ds):
        layer = ds.GetLayerByName(POINTS_LAYER)
        if layer is not None:
            return layer
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4326)
        layer = ds.CreateLayer(POINTS_LAYER, srs, ogr.wkbPoint, options=["FID=fid", "GEOMETRY_NAME=geom"])
        for f in FIELDS:
            defn = ogr.FieldDefn(f.name, _ogr_type(f.type))
            if f.required:
                defn.SetNullable(False)
            layer.CreateField(defn)
        ds.ExecuteSQL(
            f"CREATE UNIQUE INDEX IF NOT EXISTS {POINTS_LAYER}_point_id ON {POINTS_LAYER}(point_id)"
        )
        ds.ExecuteSQL(f"CREATE INDEX IF NOT EXISTS {POINTS_LAYER}_source_id ON {POINTS_LAYER}(source_id)")
        return layer

    @staticmethod
    def _loads_layer(ds):
        layer = ds.GetLayerByName(LOADS_LAYER)
        if layer is not None:
            return layer
        layer = ds.CreateLayer(LOADS_LAYER, None, ogr.wkbNone)
        for name in _LOAD_FIELDS:
            ftype = (
                ogr.OFTInteger if name in ("record_count", "added", "changed", "removed") else ogr.OFTString
            )
            layer.CreateField(ogr.FieldDefn(name, ftype))
        return layer

    @staticmethod
    def _existing(layer, source_id: str) -> dict[str, tuple[int, tuple]]:
        """source_record_id -> (fid, signature) of the source's stored points."""
        # OGR attribute filters cannot take parameters: only ids of the safe form get here.
        if not SAFE_SOURCE_ID.fullmatch(source_id):
            raise StoreError(f"Invalid source id {source_id!r}.")
        layer.SetAttributeFilter(f"source_id = '{source_id}'")
        try:
            return {
                f.GetField("source_record_id"): (
                    f.GetFID(),
                    _signature([f.GetField(d.name) for d in FIELDS], f.GetGeometryRef()),
                )
                for f in layer
            }
        finally:
            layer.SetAttributeFilter(None)

    def _replace_source(self, ds, layer, points: PointTable, provenance: Provenance) -> LoadSummary:
        source_id = provenance.source_id
        existing = self._existing(layer, source_id)
        for fid, _ in existing.values():
            layer.DeleteFeature(fid)
        before = {k: sig for k, (_, sig) in existing.items()}
        defn = layer.GetLayerDefn()
        names = [f.name for f in FIELDS]
        cols = [points.columns[n] for n in names]
        after = {}
        for i in range(len(points)):
            feat = ogr.Feature(defn)
            values = [c[i] for c in cols]
            for j, v in enumerate(values):
                if v is not None:
                    feat.SetField(j, v)
            geom = ogr.Geometry(ogr.wkbPoint)
            geom.AddPoint_2D(float(points.lon[i]), float(points.lat[i]))
            feat.SetGeometryDirectly(geom)
            layer.CreateFeature(feat)
            after[values[names.index("source_record_id")]] = _signature(
                [feat.GetField(j) for j in range(len(names))], feat.GetGeometryRef()
            )
        added = len(after.keys() - before.keys())
        removed = len(before.keys() - after.keys())
        changed = sum(1 for k in after.keys() & before.keys() if after[k] != before[k])
        return LoadSummary(source_id, len(points), added, changed, removed)

    @staticmethod
    def _log_load(layer, provenance: Provenance, summary: LoadSummary) -> None:
        feat = ogr.Feature(layer.GetLayerDefn())
        values = {
            "source_id": provenance.source_id,
            "uri": provenance.uri,
            "fetched_at": provenance.fetched_at,
            "record_count": summary.total,
            "sha256": provenance.sha256,
            "added": summary.added,
            "changed": summary.changed,
            "removed": summary.removed,
        }
        for name, value in values.items():
            feat.SetField(name, value)
        layer.CreateFeature(feat)

    def count(self, source_id: str | None = None) -> int:
        if not os.path.exists(self.path):
            return 0
        ds = ogr.Open(self.path)
        layer = ds.GetLayerByName(POINTS_LAYER)
        if layer is None:
            return 0
        if source_id is not None:
            return len(self._existing(layer, source_id))
        return layer.GetFeatureCount()


def _signature(values: list, geom) -> tuple:
    """What counts as 'changed': attributes and position to ~1 cm."""
    x, y = (round(geom.GetX(), 7), round(geom.GetY(), 7)) if geom is not None else (None, None)
    return (*[v if v != "" else None for v in values], x, y)


__all__ = ["LIST_SEPARATOR", "LOADS_LAYER", "POINTS_LAYER", "GeoPackageStore", "LoadSummary"]
