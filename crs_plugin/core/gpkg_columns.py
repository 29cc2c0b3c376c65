"""Write a copy of a GeoPackage layer with extra columns, without a Python loop per feature.

GDAL creates the empty output layer (same structure, CRS, GeoPackage metadata and
R-tree triggers); SQLite then copies the rows from the attached source with
``INSERT … SELECT`` joined with the new columns. Those are bound into in-memory
databases many rows per statement, in parts by feature id, each part written while
the next is bound. The rows keep their feature ids, so the source's R-tree is the
output's R-tree: its pages are copied as they are instead of being rebuilt (rebuilding
costs ~10 µs per feature). Sources that are not GeoPackages are first
translated to a temporary one by GDAL.

The GeoPackage triggers (R-tree upkeep and GDAL's feature count) are set aside
while rows are copied and put back unchanged afterwards; the feature count and
extent are then written once.
"""

from __future__ import annotations

import os
import queue
import shutil
import sqlite3
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

import numpy as np
from osgeo import gdal

from .errors import StoreError
from .gdal_exceptions import with_gdal_exceptions
from .i18n import tr

#: Parameters bound per INSERT statement: SQLite before 3.32 allows no more than 999.
_PARAMETERS_PER_INSERT = 999
#: The new columns are bound in up to this many parts of at least _PART_MIN_ROWS rows, each
#: written while the next is bound (at most 10 databases may be attached to a connection).
_PARTS = 4
_PART_MIN_ROWS = 20_000
#: An in-memory database other connections of this process can attach: the memdb VFS from
#: SQLite 3.36; a shared-cache memory database before that (QGIS 3.22's Python on some platforms).
_MEMORY_DATABASE = (
    "file:/crs_extra_{}?vfs=memdb"
    if sqlite3.sqlite_version_info >= (3, 36)
    else "file:crs_extra_{}?mode=memory&cache=shared"
)

_SQL_TYPES = {"string": "TEXT", "real": "REAL", "integer": "INTEGER", "boolean": "BOOLEAN"}


def quote_identifier(name: str) -> str:
    """SQLite identifier quoting (identifiers cannot be bound as parameters)."""
    return '"' + name.replace('"', '""') + '"'


def set_aside(db: sqlite3.Connection, table: str, kind: str) -> list[str]:
    """Drop ``table``'s triggers or indexes (``kind``) in the main database; returns the
    SQL that recreates them.

    GeoPackage triggers keep the R-tree and GDAL's feature count up to date row by row;
    a bulk writer sets them aside, does that work once, and puts them back unchanged.
    """
    rows = db.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL",
        (kind, table),
    ).fetchall()
    for name, _ in rows:
        db.execute(f"DROP {kind.upper()} main.{quote_identifier(name)}")
    return [sql for _, sql in rows]


def write_feature_count(db: sqlite3.Connection, table: str, count: int) -> None:
    """GDAL's cached feature count of ``table`` (kept by the triggers a bulk writer sets aside)."""
    if db.execute("SELECT 1 FROM main.sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
        db.execute("UPDATE main.gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?", (count, table))


@with_gdal_exceptions
def copy_with_columns(
    source_path: str,
    source_layer: str | None,
    dest_path: str,
    dest_layer: str,
    fids: np.ndarray,
    columns: list[tuple[str, str, np.ndarray]],
    index_build_limit: int | None = None,
) -> bool:
    """Copy ``source_layer`` to ``dest_path``/``dest_layer`` and add ``columns``.

    ``columns`` are (name, kind, values) with kind in string/real/integer/boolean and
    values aligned with ``fids`` (the source's feature ids); every source feature is
    copied, those not in ``fids`` with empty new columns. On any error the destination
    file is removed: no half-written output.

    The output has the source's R-tree when the source has one; otherwise an R-tree is
    built if there are at most ``index_build_limit`` features (None: always), since
    building one costs ~30 µs per feature. Returns whether the output has an R-tree.
    """
    if os.path.exists(dest_path):
        os.remove(dest_path)  # Processing outputs are overwritten, as QGIS's sinks do
    staging = None
    try:
        src = gdal.OpenEx(source_path, gdal.OF_VECTOR)
        layer = src.GetLayerByName(source_layer) if source_layer else src.GetLayer(0)
        if layer is None:
            raise StoreError(
                tr("no layer {source_layer!r} in {name}").format(
                    source_layer=source_layer, name=Path(source_path).name
                )
            )
        table = layer.GetName()
        if src.GetDriver().ShortName != "GPKG":
            staging = tempfile.mkdtemp(prefix="crs_copy_")
            source_path = os.path.join(staging, "source.gpkg")
            gdal.VectorTranslate(source_path, src, format="GPKG", layers=[table], layerName="source",
                                 options=["-preserve_fid", "-lco", "FID=fid", "-lco", "SPATIAL_INDEX=NO"])  # fmt: skip
            table = "source"
        src = layer = None
        copy_index = _has_rtree(source_path, table)
        build_index = not copy_index and (index_build_limit is None or len(fids) <= index_build_limit)
        # The empty output: GDAL writes its GeoPackage metadata, constraints and triggers.
        gdal.VectorTranslate(
            dest_path, source_path, format="GPKG", layers=[table], layerName=dest_layer,
            options=["-preserve_fid", "-limit", "0", "-lco", "FID=fid",
                     "-lco", f"SPATIAL_INDEX={'YES' if copy_index else 'NO'}"],
        )  # fmt: skip
        _fill(dest_path, dest_layer, source_path, table, fids, columns, copy_index)
        if build_index:
            ds = gdal.OpenEx(dest_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
            ds.ExecuteSQL(
                f"SELECT CreateSpatialIndex({_sql_text(dest_layer)}, {_sql_text(_geometry_column(dest_path, dest_layer))})"
            )
            ds = None
        return copy_index or build_index
    except Exception as exc:
        if os.path.exists(dest_path):
            os.remove(dest_path)
        raise StoreError(
            tr("Could not write {name}: {exc}").format(name=Path(dest_path).name, exc=exc)
        ) from exc
    finally:
        if staging:
            shutil.rmtree(staging, ignore_errors=True)


def _fill(dest_path, dest_layer, source_path, source_table, fids, columns, copy_index) -> None:
    """Copy the rows and the new columns (and the source's R-tree with ``copy_index``).

    The new columns are bound in parts (by feature id) into in-memory databases while
    a second thread writes the output: the R-tree first, then each part's rows as soon
    as that part is bound. Both threads spend most of their time inside SQLite, which
    runs without Python's lock, so binding and writing overlap on two cores.
    """
    fids = np.asarray(fids, dtype=np.int64)
    order = np.argsort(fids, kind="stable")
    if np.any(fids[order[1:]] == fids[order[:-1]]):
        raise ValueError("a feature id is listed twice")  # a programming error: one row per feature
    ends = np.linspace(0, len(fids), min(_PARTS, max(1, len(fids) // _PART_MIN_ROWS)) + 1).astype(int)[1:]
    # Part k holds the rows with fids in (upper[k-1], upper[k]]; the last part takes every higher fid.
    upper = [int(fids[order[end - 1]]) for end in ends[:-1]] + [None]
    names = [f"c{i}" for i in range(len(columns))]
    uris = [_MEMORY_DATABASE.format(uuid.uuid4().hex) for _ in ends]
    parts = [sqlite3.connect(uri, uri=True, isolation_level=None) for uri in uris]  # alive while open
    try:
        for part in parts:
            part.execute(f"CREATE TABLE crs_extra (fid INTEGER PRIMARY KEY, {', '.join(names)})")
        bound: queue.Queue = queue.Queue()
        with ThreadPoolExecutor(max_workers=1) as pool:
            writing = pool.submit(
                _write_rows,
                dest_path,
                dest_layer,
                source_path,
                source_table,
                columns,
                names,
                copy_index,
                uris,
                upper,
                bound,
            )
            try:
                start = 0
                for part, end in zip(parts, ends):
                    rows = order[start:end]
                    _bind_part(
                        part, fids[rows], [(kind, np.asarray(values)[rows]) for _, kind, values in columns]
                    )
                    bound.put(True)
                    start = end
            except BaseException:
                bound.put(False)  # the writer stops without committing; this error is the one to report
                wait([writing])
                raise
            writing.result()  # the writer's error, if any, is raised here
    finally:
        for part in parts:
            part.close()


def _bind_part(part: sqlite3.Connection, fids: np.ndarray, columns: list[tuple[str, np.ndarray]]) -> None:
    """Rows (fid, c0, c1, …) into ``part``'s table ``crs_extra``.

    Many rows go in one statement: binding is the costly part (~1 µs per row one by one).
    """
    width = len(columns) + 1
    per_insert = max(1, _PARAMETERS_PER_INSERT // width)
    table = np.empty((len(fids), width), dtype=object)
    table[:, 0] = fids.tolist()
    for i, (kind, values) in enumerate(columns, start=1):
        table[:, i] = _sql_values(values, kind)
    row = "(" + ", ".join("?" * width) + ")"
    whole = len(fids) - len(fids) % per_insert
    part.execute("BEGIN")
    part.executemany(
        f"INSERT INTO crs_extra VALUES {', '.join([row] * per_insert)}",  # noqa: S608 - placeholders only
        table[:whole].reshape(-1, width * per_insert).tolist(),
    )
    part.executemany(f"INSERT INTO crs_extra VALUES {row}", table[whole:].tolist())  # noqa: S608
    part.execute("COMMIT")


def _write_rows(
    dest_path, dest_layer, source_path, source_table, columns, names, copy_index, uris, upper, bound
) -> None:
    """The output's R-tree, then every source row with its new columns, one ``INSERT … SELECT``
    per part as ``bound`` says each part is ready; one transaction."""
    out, src_table = quote_identifier(dest_layer), quote_identifier(source_table)
    db = _connect_output(dest_path, source_path)
    try:
        for k, uri in enumerate(uris):
            db.execute(f"ATTACH DATABASE ? AS extra{k}", (uri,))
        db.execute("BEGIN")
        triggers = set_aside(db, dest_layer, "trigger")
        for name, kind, _ in columns:
            db.execute(f"ALTER TABLE main.{out} ADD COLUMN {quote_identifier(name)} {_SQL_TYPES[kind]}")
        if copy_index:
            _copy_rtree(db, dest_layer, source_table)
        source_info = db.execute(f"PRAGMA src.table_info({src_table})").fetchall()
        dest_info = db.execute(f"PRAGMA main.table_info({out})").fetchall()
        # Feature ids: the source's primary key (fid, OBJECTID…) becomes the output's fid.
        source_fid = quote_identifier(next(row[1] for row in source_info if row[5] == 1))
        dest_fid = next(row[1] for row in dest_info if row[5] == 1)
        source_names = {row[1] for row in source_info if row[5] != 1}
        copied = [row[1] for row in dest_info if row[1] in source_names]
        targets = ", ".join(quote_identifier(c) for c in [dest_fid, *copied, *(n for n, _, _ in columns)])
        selected = ", ".join(
            [f"s.{source_fid}", *(f"s.{quote_identifier(c)}" for c in copied), *(f"e.{n}" for n in names)]
        )
        lower = None
        for k, high in enumerate(upper):
            if not bound.get():
                return  # binding failed: nothing is committed and the caller reports why
            where = " AND ".join(
                [f"s.{source_fid} > :lower"] * (lower is not None)
                + [f"s.{source_fid} <= :upper"] * (high is not None)
            )
            db.execute(
                f"INSERT INTO main.{out} ({targets}) SELECT {selected} FROM src.{src_table} AS s "  # noqa: S608 - identifiers quoted
                f"LEFT JOIN extra{k}.crs_extra AS e ON e.fid = s.{source_fid}"
                + (f" WHERE {where}" if where else ""),
                {"lower": lower, "upper": high},
            )
            lower = high
        for sql in triggers:
            db.execute(sql)
        db.execute(
            "UPDATE main.gpkg_contents SET (min_x, min_y, max_x, max_y) = (SELECT min_x, min_y, max_x, max_y "
            "FROM src.gpkg_contents WHERE table_name = ?) WHERE table_name = ?",
            (source_table, dest_layer),
        )
        write_feature_count(db, dest_layer, db.execute(f"SELECT count(*) FROM main.{out}").fetchone()[0])  # noqa: S608
        db.execute("COMMIT")
    finally:
        db.close()


def _connect_output(dest_path: str, source_path: str) -> sqlite3.Connection:
    """A connection to the new output with the source attached as ``src``.

    Opened by URI so that ATTACH understands the in-memory database's URI.
    """
    db = sqlite3.connect(Path(dest_path).resolve().as_uri(), uri=True, isolation_level=None)
    # A new file that is deleted on any failure: journaling would only double the writes.
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("ATTACH DATABASE ? AS src", (source_path,))
    return db


def _rtree(db: sqlite3.Connection, schema: str, table: str) -> str | None:
    """The name of ``table``'s GeoPackage R-tree in attached database ``schema``, if it has one."""
    row = db.execute(
        f"SELECT 'rtree_' || c.table_name || '_' || c.column_name FROM {schema}.gpkg_geometry_columns AS c "  # noqa: S608 - schema is 'main' or 'src'
        f"JOIN {schema}.sqlite_master AS m ON m.name = 'rtree_' || c.table_name || '_' || c.column_name "
        "WHERE c.table_name = ?",
        (table,),
    ).fetchone()
    return row[0] if row else None


def _has_rtree(path: str, table: str) -> bool:
    db = sqlite3.connect(path)
    try:
        return _rtree(db, "main", table) is not None
    finally:
        db.close()


def _copy_rtree(db: sqlite3.Connection, dest_layer: str, source_table: str) -> None:
    """Copy the source's R-tree pages into the output's (same feature ids, same boxes)."""
    dest_rtree, source_rtree = _rtree(db, "main", dest_layer), _rtree(db, "src", source_table)
    for part in ("node", "parent", "rowid"):
        target, origin = quote_identifier(f"{dest_rtree}_{part}"), quote_identifier(f"{source_rtree}_{part}")
        db.execute(f"DELETE FROM main.{target}")  # noqa: S608 - identifiers quoted
        db.execute(f"INSERT INTO main.{target} SELECT * FROM src.{origin}")  # noqa: S608


def _geometry_column(path: str, table: str) -> str:
    with sqlite3.connect(path) as db:
        row = db.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
        ).fetchone()
    return row[0]


def _sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


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
    out = values.tolist()
    if set(map(type, out)) <= {str, type(None)}:  # the usual case: checked without a Python loop
        return out
    return [None if v is None else str(v) for v in out]


__all__ = ["copy_with_columns", "quote_identifier", "set_aside", "write_feature_count"]
