"""Write a copy of a GeoPackage layer with extra columns, without a Python loop per feature.

GDAL copies the layer (geometry and attributes, feature ids preserved) in C; the
new columns are then added with ``ALTER TABLE`` and filled with one parameterised
``executemany`` UPDATE inside a transaction. This is what makes analysis outputs
of hundreds of thousands of features cheap to write.

GeoPackage R-tree triggers written by GDAL call ``ST_IsEmpty`` / ``ST_MinX`` …,
which SQLite needs to know when it prepares an UPDATE (they only run when a
geometry changes, which never happens here); they are registered on the
connection with real implementations over GeoPackage geometry blobs.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import numpy as np
import shapely
from osgeo import gdal

from .errors import StoreError

gdal.UseExceptions()

_SQL_TYPES = {"string": "TEXT", "real": "REAL", "integer": "INTEGER", "boolean": "BOOLEAN"}
_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}


def wkb_offset(blob) -> int:
    """Where the WKB starts in a GeoPackage geometry blob (after the header and envelope)."""
    return 8 + 8 * _ENVELOPE_DOUBLES.get((blob[3] >> 1) & 0x07, 0)


def _blob_geometry(blob):
    if blob is None:
        return None
    return shapely.from_wkb(bytes(blob[wkb_offset(blob) :]))


def _bound(index):
    def fn(blob):
        geom = _blob_geometry(blob)
        return None if geom is None or geom.is_empty else float(geom.bounds[index])

    return fn


def _register_gpkg_functions(db: sqlite3.Connection) -> None:
    db.create_function("ST_IsEmpty", 1, lambda b: None if b is None else int(bool(b[3] & 0x10)))
    for name, index in (("ST_MinX", 0), ("ST_MinY", 1), ("ST_MaxX", 2), ("ST_MaxY", 3)):
        db.create_function(name, 1, _bound(index))


def quote_identifier(name: str) -> str:
    """SQLite identifier quoting (identifiers cannot be bound as parameters)."""
    return '"' + name.replace('"', '""') + '"'


def copy_with_columns(
    source_path: str,
    source_layer: str | None,
    dest_path: str,
    dest_layer: str,
    fids: np.ndarray,
    columns: list[tuple[str, str, np.ndarray]],
    spatial_index: bool = True,
) -> None:
    """Copy ``source_layer`` to ``dest_path``/``dest_layer`` and add ``columns``.

    ``columns`` are (name, kind, values) with kind in string/real/integer/boolean and
    values aligned with ``fids`` (the source's feature ids). On any error the
    destination file is removed: no half-written output. ``spatial_index=False`` skips
    the R-tree, which SQLite builds at about 30 µs per feature (14 s for 500,000).
    """
    existed = os.path.exists(dest_path)
    if existed:
        os.remove(dest_path)  # Processing outputs are overwritten, as QGIS's sinks do
    try:
        src = gdal.OpenEx(source_path, gdal.OF_VECTOR)
        layer = src.GetLayerByName(source_layer) if source_layer else src.GetLayer(0)
        gdal.VectorTranslate(
            dest_path, src, format="GPKG", layers=[layer.GetName()], layerName=dest_layer,
            options=["-preserve_fid", "-lco", "FID=fid", "-lco", f"SPATIAL_INDEX={'YES' if spatial_index else 'NO'}"],
        )  # fmt: skip
        src = None
        table = quote_identifier(dest_layer)
        with sqlite3.connect(dest_path) as db:
            # A new file that is deleted on any failure: journaling would only double the writes.
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute("PRAGMA cache_size = -262144")  # 256 MB page cache for the rewrite
            _register_gpkg_functions(db)
            for name, kind, _ in columns:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {quote_identifier(name)} {_SQL_TYPES[kind]}")
            assignments = ", ".join(f"{quote_identifier(name)} = ?" for name, _, _ in columns)
            values = [_sql_values(values, kind) for _, kind, values in columns]
            db.executemany(
                f"UPDATE {table} SET {assignments} WHERE fid = ?",  # noqa: S608 - identifiers quoted, values bound
                zip(*values, np.asarray(fids, dtype=np.int64).tolist()),
            )
        db.close()
    except Exception as exc:
        if os.path.exists(dest_path):
            os.remove(dest_path)
        raise StoreError(f"Could not write {Path(dest_path).name}: {exc}") from exc


def _sql_values(values: np.ndarray, kind: str) -> list:
    values = np.asarray(values)
    if kind in ("real", "integer", "boolean"):
        numeric = values.astype(float)
        missing = ~np.isfinite(numeric)
        cast = numeric.astype(np.int64) if kind != "real" else numeric
        out = cast.tolist()
        for i in np.flatnonzero(missing):
            out[i] = None
        return out
    return [None if v is None else str(v) for v in values.tolist()]


__all__ = ["copy_with_columns", "quote_identifier"]
