"""Census boundaries + Census Profile (+ Geographic Attribute File) -> a census layer in the store.

The boundary polygons are copied by GDAL (C speed, Shapefile read inside its ZIP through
``/vsizip/``) into the GeoPackage store, keeping their published CRS (EPSG:3347); the
characteristics are pivoted to one column each and written by SQLite in one
``executemany``, joined by DGUID. An area with no profile row, or whose value the file
suppresses (``x``, ``..``, ``...``, ``F``), gets NULL, never 0, and is counted in the report.

With the Geographic Attribute File the layer also carries a representative point in two
columns, ``rep_x_3347`` / ``rep_y_3347`` (EPSG:3347 metres): the analyses measure from it
instead of the polygon's centroid (see ``processing/layer_arrays.LayerArrays.points``).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from osgeo import gdal, ogr, osr

from ..errors import CensusError
from ..gdal_exceptions import gdal_exceptions
from ..gpkg_columns import quote_identifier, set_aside
from ..i18n import tr
from .catalogue import PROFILE_CSV, PROFILE_SDMX, Characteristic, load_characteristics
from .gaf import block_population, published_points, read_gaf, weighted_points
from .profile import (
    LEVEL_SCHEMAS,
    SYMBOL_MEANINGS,
    SYMBOLS,
    GeographySelection,
    ProfileReader,
    ProfileTable,
    concat_tables,
    find_geo_index,
)
from .sdmx import read_sdmx

#: Columns of the representative point (EPSG:3347), read by the analyses when present.
REP_X, REP_Y = "rep_x_3347", "rep_y_3347"
REP_CRS = "EPSG:3347"
REP_SOURCE = "rep_source"
METADATA_TABLE = "census_characteristics"
UID_FIELDS = {"DA": "DAUID", "DB": "DBUID"}


@dataclass
class FieldReport:
    characteristic: Characteristic
    with_value: int = 0
    no_row: int = 0
    symbols: dict = field(default_factory=dict)  # symbol -> areas


@dataclass
class ImportReport:
    layer: str
    level: str
    areas: int
    joined: int  # areas with at least one profile row
    fields: list[FieldReport]
    representative_points: int = 0
    point_source: str = ""
    language: str = "en"

    def lines(self, language: str | None = None) -> list[str]:
        """Sentences for the log: what was joined, and what is NULL and why."""
        fr = (language or self.language).startswith("fr")
        out = [
            (f"{self.joined} zones sur {self.areas} jointes au profil du recensement par DGUID."
             if fr else f"{self.joined} of {self.areas} areas joined to the Census Profile by DGUID.")
        ]  # fmt: skip
        no_row = self.areas - self.joined
        if no_row:
            out.append(
                f"{no_row} zone(s) sans ligne dans le profil : toutes leurs caractéristiques sont NULL."
                if fr
                else f"{no_row} area(s) with no profile row: all their characteristics are NULL."
            )
        for report in self.fields:
            label = report.characteristic.label("fr" if fr else "en")
            for symbol, count in sorted(report.symbols.items(), key=lambda kv: -kv[1]):
                meaning = SYMBOL_MEANINGS.get(symbol, symbol)
                if fr:
                    meaning = {"suppressed": "confidentielles", "not available": "non disponibles",
                               "not applicable": "sans objet", "too unreliable to be published":
                               "trop peu fiables pour être publiées"}.get(meaning, meaning)  # fmt: skip
                    out.append(f"{count} zone(s) {meaning} ({symbol}) pour « {label} » : NULL.")
                else:
                    out.append(
                        f"{count} area{'s' if count > 1 else ''} {meaning} ({symbol}) for '{label}': NULL."
                    )
        if self.representative_points:
            out.append(
                f"{self.representative_points} points représentatifs pondérés par la population ({self.point_source})."
                if fr
                else f"{self.representative_points} population-weighted representative points ({self.point_source})."
            )
        return out


def ogr_path(path: str | Path) -> str:
    """A path GDAL opens: a ZIP as published (``lda_000b21a_e.zip``) through ``/vsizip/``,
    pointing at the Shapefile inside."""
    path = str(path)
    if not path.lower().endswith(".zip"):
        return path
    inside = f"/vsizip/{os.path.abspath(path)}"
    with gdal_exceptions():
        names = gdal.ReadDirRecursive(inside) or []
    shapefiles = [n for n in names if n.lower().endswith(".shp")]
    if not shapefiles:
        gpkgs = [n for n in names if n.lower().endswith(".gpkg")]
        if not gpkgs:
            raise CensusError(tr("{name} holds no Shapefile or GeoPackage.").format(name=Path(path).name))
        shapefiles = gpkgs
    return f"{inside}/{shapefiles[0]}"


def boundary_level(path: str | Path) -> tuple[str, str]:
    """('DA' or 'DB', layer name) of a boundary file, from its id field."""
    with gdal_exceptions():
        try:
            ds = gdal.OpenEx(ogr_path(path), gdal.OF_VECTOR)
        except RuntimeError as exc:
            raise CensusError(
                tr("Cannot open the boundary file {name}: {exc}").format(name=Path(path).name, exc=exc)
            ) from None
        layer = ds.GetLayer(0)
        defn = layer.GetLayerDefn()
        names = {defn.GetFieldDefn(i).GetName().upper() for i in range(defn.GetFieldCount())}
        name = layer.GetName()
    for level, uid in UID_FIELDS.items():
        if uid in names and "DGUID" in names:
            return level, name
    raise CensusError(
        tr("{name} is not a dissemination area or block boundary file: it has no DAUID or DBUID with DGUID "
           "(fields: {fields}).").format(name=Path(path).name, fields=", ".join(sorted(names)))
    )  # fmt: skip


def block_points(path: str | Path, provinces: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """DBUID and a point inside each dissemination block polygon (EPSG:3347)."""
    with gdal_exceptions():
        ds = gdal.OpenEx(ogr_path(path), gdal.OF_VECTOR)
        layer = ds.GetLayer(0)
        if provinces:
            layer.SetAttributeFilter("PRUID IN (" + ",".join(f"'{p}'" for p in provinces) + ")")
        defn = layer.GetLayerDefn()
        keep = {"DBUID"}
        layer.SetIgnoredFields([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())
                                if defn.GetFieldDefn(i).GetName() not in keep])  # fmt: skip
        ids, wkbs = [], []
        if hasattr(layer, "GetArrowStreamAsNumPy"):
            for batch in layer.GetArrowStreamAsNumPy():
                column = np.asarray(batch["DBUID"])
                ids.append(
                    np.char.decode(column, "utf-8").astype(object)
                    if column.dtype.kind == "S"
                    else column.astype(str).astype(object)
                )
                wkbs.append(np.asarray(batch[layer.GetGeometryColumn() or "wkb_geometry"], dtype=object))
        else:  # pragma: no cover - GDAL < 3.6
            for feature in layer:
                ids.append(np.array([feature.GetField("DBUID")], dtype=object))
                wkbs.append(np.array([bytes(feature.GetGeometryRef().ExportToWkb())], dtype=object))
        srs = layer.GetSpatialRef()
        to_lambert = None
        if srs is not None and srs.GetAuthorityCode(None) != "3347":
            lambert = osr.SpatialReference()
            lambert.ImportFromEPSG(3347)
            for ref in (srs, lambert):
                ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            to_lambert = osr.CoordinateTransformation(srs, lambert)
        if not ids:
            return np.array([], dtype=object), np.zeros((0, 2))
        geoms = shapely.from_wkb(np.concatenate(wkbs))
        centres = shapely.point_on_surface(geoms)
        xy = np.column_stack([shapely.get_x(centres), shapely.get_y(centres)])
        if to_lambert is not None:
            xy = np.asarray(to_lambert.TransformPoints(xy), float)[:, :2]
    return np.concatenate(ids), xy


def _copy_boundaries(
    store: Path, source: str, layer_name: str, level: str, provinces: tuple[str, ...]
) -> None:
    uid = UID_FIELDS[level]
    where = ("PRUID IN (" + ",".join(f"'{p}'" for p in provinces) + ")") if provinces else None
    exists = store.exists()
    with gdal_exceptions():
        gdal.VectorTranslate(
            str(store), source, format="GPKG", accessMode="overwrite" if exists else None,
            layerName=layer_name, where=where, selectFields=[uid, "DGUID", "PRUID", "LANDAREA"],
            geometryType="PROMOTE_TO_MULTI", layerCreationOptions=["FID=fid", "GEOMETRY_NAME=geom"],
        )  # fmt: skip


def _profile(profiles, sdmx, characteristics, selection, feedback) -> tuple[ProfileTable, list]:
    """The characteristics of every file as one table, columns in ``characteristics`` order."""
    fields = [c.field for c in characteristics]
    tables = []
    for path, index in profiles:
        index = index or find_geo_index(path)
        if feedback is not None:
            feedback.pushInfo(
                tr("Reading {name} with its index {index}.").format(
                    name=Path(path).name, index=Path(index).name
                )
                if index
                else tr("Reading {name} (no Geo_starting_row file: scanning it all).").format(
                    name=Path(path).name
                )
            )
        tables.append((PROFILE_CSV, ProfileReader(path, index).read(
            [c.id_in(PROFILE_CSV) for c in characteristics if c.id_in(PROFILE_CSV)], selection, feedback)))  # fmt: skip
    for path in sdmx:
        ids = [c.id_in(PROFILE_SDMX) for c in characteristics if c.id_in(PROFILE_SDMX)]
        tables.append((PROFILE_SDMX, read_sdmx(path, ids, selection)))
    # Each product's ids -> the catalogue's columns.
    aligned = []
    for product, table in tables:
        values = np.full((len(table), len(fields)), np.nan)
        symbols = np.full((len(table), len(fields)), -1, np.int8)
        for j, c in enumerate(characteristics):
            cid = c.id_in(product)
            if cid is not None and cid in table.ids:
                values[:, j], symbols[:, j] = table.column(cid)
        aligned.append(ProfileTable(table.dguids, table.names, tuple(range(len(fields))), values, symbols))
    return concat_tables(aligned, tuple(range(len(fields)))), fields


def import_census(
    store: str | Path,
    boundaries: str | Path,
    profiles=(),
    sdmx=(),
    gaf: str | Path | None = None,
    blocks: str | Path | None = None,
    fields=None,
    provinces=(),
    layer_name: str = "census_population",
    feedback=None,
    language: str = "en",
) -> ImportReport:
    """Write ``layer_name`` into the GeoPackage ``store`` and say what was joined.

    ``profiles`` are (CSV path, Geo_starting_row path or None: looked for beside it);
    ``sdmx`` are SDMX CSV answers; ``fields`` are catalogue fields (None: all), to which
    their universes are added; ``provinces`` are PRUIDs ('13') to keep (empty: all).
    """
    store = Path(store)
    catalogue = load_characteristics()
    provinces = tuple(str(p) for p in provinces)
    level, _ = boundary_level(boundaries)
    fields = list(fields or [c.field for c in catalogue.characteristics])
    if level == "DB":
        fields.insert(0, "pop_2021")  # the blocks' own population (DBPOP2021)
    characteristics = catalogue.with_universes(fields)
    if level == "DB" and gaf is None:
        raise CensusError(
            tr(
                "Dissemination blocks have no Census Profile of their own: give the Geographic Attribute "
                "File (92-151-X) to place their dissemination area's characteristics by block population."
            )
        )
    if not profiles and not sdmx:
        raise CensusError(tr("Give at least one Census Profile file (CSV) or SDMX answer."))
    selection = GeographySelection(LEVEL_SCHEMAS["DA"], provinces)
    table, names = _profile(profiles, sdmx, characteristics, selection, feedback)
    if feedback is not None:
        feedback.pushInfo(
            tr("{count} dissemination areas read from the Census Profile.").format(count=len(table))
        )
        feedback.setProgress(80)

    _copy_boundaries(store, ogr_path(boundaries), layer_name, level, provinces)
    with closing(sqlite3.connect(store)) as db:
        rows = db.execute(
            f"SELECT fid, DGUID, {UID_FIELDS[level]} FROM {quote_identifier(layer_name)} ORDER BY fid"  # noqa: S608
        ).fetchall()
    fids = np.array([r[0] for r in rows], dtype=np.int64)
    dguids = np.array([r[1] or "" for r in rows], dtype=str)
    uids = np.array([r[2] or "" for r in rows], dtype=str)

    attributes = read_gaf(gaf, provinces) if gaf is not None else None
    if level == "DB":
        parent = _block_parents(attributes, uids)
        share = _block_shares(attributes, uids, parent)
        row = _rows_of(table.dguids, parent)
    else:
        row = _rows_of(table.dguids, dguids)
    has_row = row >= 0
    values = np.full((len(fids), len(names)), np.nan)
    symbols = np.full((len(fids), len(names)), -1, np.int8)
    values[has_row] = table.values[row[has_row]]
    symbols[has_row] = table.symbols[row[has_row]]
    if level == "DB":
        # A block's count is its share (by 2021 population) of its area's; percentages are the area's.
        counts = np.array([c.unit != "percent" for c in characteristics])
        values[:, counts] *= share[:, None]
        if "pop_2021" in names:
            values[:, names.index("pop_2021")] = block_population(attributes, uids)

    columns = [(name, "REAL", values[:, j]) for j, name in enumerate(names)]
    points_written, point_source = 0, ""
    if attributes is not None and level == "DA":
        if blocks is not None:
            ids, xy = block_points(blocks, provinces)
            rep = weighted_points(attributes, dguids, ids, xy)
            point_source = "block populations (DBPOP2021)"
            fallback = ~np.isfinite(rep).all(axis=1)
            rep[fallback] = published_points(attributes, dguids[fallback])
        else:
            rep = published_points(attributes, dguids)
            point_source = "published representative points (DARPLAMX/DARPLAMY)"
        ok = np.isfinite(rep).all(axis=1)
        points_written = int(ok.sum())
        columns += [(REP_X, "REAL", rep[:, 0]), (REP_Y, "REAL", rep[:, 1])]
    _write_columns(store, layer_name, fids, columns)

    reports = []
    for j, c in enumerate(characteristics):
        report = FieldReport(c, with_value=int(np.isfinite(values[:, j]).sum()), no_row=int((~has_row).sum()))
        for code in np.unique(symbols[has_row, j]):
            if code > 0:
                report.symbols[SYMBOLS[code]] = int((symbols[has_row, j] == code).sum())
        reports.append(report)
    _write_metadata(store, layer_name, reports)
    report = ImportReport(layer_name, level, len(fids), int(has_row.sum()), reports, points_written, point_source,
                          language)  # fmt: skip
    if feedback is not None:
        feedback.setProgress(100)
    return report


def _rows_of(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Row of each ``wanted`` key in ``keys`` (-1 where absent)."""
    keys = np.asarray(keys, dtype=str)
    wanted = np.asarray(wanted, dtype=str)
    if len(keys) == 0:
        return np.full(len(wanted), -1)
    order = np.argsort(keys)
    pos = np.minimum(np.searchsorted(keys[order], wanted), len(keys) - 1)
    return np.where(keys[order][pos] == wanted, order[pos], -1)


def _block_parents(attributes, dbuids) -> np.ndarray:
    keys = attributes.dbuid.astype(str)
    row = _rows_of(keys, dbuids)
    return np.where(row >= 0, attributes.dadguid[np.maximum(row, 0)].astype(str), "")


def _block_shares(attributes, dbuids, parents) -> np.ndarray:
    """Each block's share of its dissemination area's 2021 population (NaN if the DA has none)."""
    pop = block_population(attributes, dbuids)
    keys, inverse = np.unique(attributes.dadguid.astype(str), return_inverse=True)
    totals = np.bincount(inverse, weights=np.nan_to_num(attributes.db_pop), minlength=len(keys))
    row = _rows_of(keys, parents)
    total = np.where(row >= 0, totals[np.maximum(row, 0)], np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, pop / total, np.nan)


def _write_columns(store: Path, layer: str, fids: np.ndarray, columns) -> None:
    table = quote_identifier(layer)
    db = sqlite3.connect(store)
    try:
        with db:
            # GeoPackage triggers call GDAL's SQL functions; only attributes change: set them aside.
            triggers = set_aside(db, layer, "trigger")
            for name, kind, _ in columns:
                db.execute(f"ALTER TABLE {table} ADD COLUMN {quote_identifier(name)} {kind}")
            assignments = ", ".join(f"{quote_identifier(n)} = ?" for n, _, _ in columns)
            data = [
                np.where(np.isfinite(v), v, None).tolist() if kind == "REAL" else v.tolist()
                for _, kind, v in columns
            ]
            sql = f"UPDATE {table} SET {assignments} WHERE fid = ?"  # noqa: S608 - quoted identifiers
            db.executemany(sql, zip(*data, fids.tolist()))
            for sql in triggers:
                db.execute(sql)
    finally:
        db.close()


_INSERT_METADATA = (
    f"INSERT INTO {METADATA_TABLE} (layer, field, label_en, label_fr, unit, universe, csv_id, sdmx_id, "  # noqa: S608
    "areas_with_value, areas_suppressed, areas_other_symbol, areas_no_row) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _write_metadata(store: Path, layer: str, reports: list[FieldReport]) -> None:
    """One row per column of the census layer: labels, unit, universe, ids and NULL counts."""
    with gdal_exceptions():
        ds = gdal.OpenEx(str(store), gdal.OF_VECTOR | gdal.OF_UPDATE)
        existing = ds.GetLayerByName(METADATA_TABLE)
        if existing is None:
            table = ds.CreateLayer(METADATA_TABLE, None, ogr.wkbNone)
            for name, kind in (("layer", ogr.OFTString), ("field", ogr.OFTString), ("label_en", ogr.OFTString),
                               ("label_fr", ogr.OFTString), ("unit", ogr.OFTString), ("universe", ogr.OFTString),
                               ("csv_id", ogr.OFTInteger), ("sdmx_id", ogr.OFTInteger), ("areas_with_value", ogr.OFTInteger),
                               ("areas_suppressed", ogr.OFTInteger), ("areas_other_symbol", ogr.OFTInteger),
                               ("areas_no_row", ogr.OFTInteger)):  # fmt: skip
                table.CreateField(ogr.FieldDefn(name, kind))
        ds = None
    with closing(sqlite3.connect(store)) as db, db:
        db.execute(f"DELETE FROM {METADATA_TABLE} WHERE layer = ?", (layer,))  # noqa: S608 - a constant
        db.executemany(
            _INSERT_METADATA,
            [(layer, r.characteristic.field, r.characteristic.label_en, r.characteristic.label_fr,
              r.characteristic.unit, r.characteristic.universe, r.characteristic.id_in(PROFILE_CSV),
              r.characteristic.id_in(PROFILE_SDMX), r.with_value, r.symbols.get("x", 0),
              sum(v for k, v in r.symbols.items() if k != "x"), r.no_row) for r in reports],
        )  # fmt: skip
