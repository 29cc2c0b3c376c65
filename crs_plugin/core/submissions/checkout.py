"""A contributor's editable copy of their jurisdiction's points: one GeoPackage file.

The file holds the ``service_points`` layer and the ``partnerships`` that involve
those points (feature ids are the shared store's row ids, so edits can be traced
back), a ``crs_checkout`` table recording what was checked out (jurisdiction,
organisation, base version) and, in ``crs_checkout_base``, the untouched base copy
the changes are computed against. Keeping the base inside the file means the
checkout travels as one file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from osgeo import ogr

from ..errors import SubmissionError
from ..gdal_exceptions import with_gdal_exceptions
from ..i18n import tr
from ..partnerships import (
    PARTNERSHIP_FIELD_NAMES,
    PartnershipProblem,
    partnerships_layer,
    point_list,
    read_partnerships,
    validate_partnerships,
)
from ..schema import FIELD_NAMES, SCHEMA_VERSION, utc_now
from ..store import POINTS_LAYER, points_layer

CHECKOUT_TABLE = "crs_checkout"
BASE_TABLE = "crs_checkout_base"


@dataclass(frozen=True)
class SharedRow:
    """One row as the shared store holds it: a service point (with its location) or a partnership."""

    id: int
    values: dict  # schema field -> text or None
    x: float | None = None
    y: float | None = None


@dataclass(frozen=True)
class CheckoutInfo:
    jurisdiction: str
    base_version: int
    store: str  # where it was checked out from, without credentials
    organisation: str | None = None
    checked_out_at: str = field(default_factory=utc_now)
    schema_version: str = SCHEMA_VERSION


@with_gdal_exceptions
def write_checkout(
    path: str | Path, rows: list[SharedRow], info: CheckoutInfo, partnerships: list[SharedRow] = ()
) -> None:
    """Write the editable checkout (the points ``rows`` and the ``partnerships`` that involve them);
    an existing file at ``path`` is replaced only when done."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent) as tmp:
        base = Path(tmp) / "base.gpkg"
        _write_rows(base, rows, partnerships)
        work = Path(tmp) / "checkout.gpkg"
        shutil.copyfile(base, work)
        ds = ogr.Open(str(work), update=1)
        try:
            meta = ds.CreateLayer(CHECKOUT_TABLE, None, ogr.wkbNone)
            meta.CreateField(ogr.FieldDefn("key", ogr.OFTString))
            meta.CreateField(ogr.FieldDefn("value", ogr.OFTString))
            for key, value in asdict(info).items():
                feat = ogr.Feature(meta.GetLayerDefn())
                feat.SetField("key", key)
                if value is not None:
                    feat.SetField("value", str(value))
                meta.CreateFeature(feat)
            blob = ds.CreateLayer(BASE_TABLE, None, ogr.wkbNone)
            blob.CreateField(ogr.FieldDefn("content", ogr.OFTBinary))
            feat = ogr.Feature(blob.GetLayerDefn())
            feat.SetFieldBinaryFromHexString("content", base.read_bytes().hex())
            blob.CreateFeature(feat)
        finally:
            ds = None
        os.replace(work, path)


@with_gdal_exceptions
def _write_rows(path: Path, rows: list[SharedRow], partnerships: list[SharedRow]) -> None:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    try:
        tables = (
            (points_layer(ds), FIELD_NAMES, rows),
            (partnerships_layer(ds), PARTNERSHIP_FIELD_NAMES, partnerships),
        )
        ds.StartTransaction()
        for layer, names, records in tables:
            defn = layer.GetLayerDefn()
            index = [defn.GetFieldIndex(name) for name in names]
            for row in records:
                feat = ogr.Feature(defn)
                feat.SetFID(int(row.id))
                for j, name in zip(index, names):
                    value = row.values.get(name)
                    if value is not None:
                        feat.SetFieldString(j, str(value))
                if row.x is not None:
                    geom = ogr.Geometry(ogr.wkbPoint)
                    geom.AddPoint_2D(float(row.x), float(row.y))
                    feat.SetGeometryDirectly(geom)
                layer.CreateFeature(feat)
        ds.CommitTransaction()
    finally:
        ds = None


@with_gdal_exceptions
def read_checkout_info(path: str | Path) -> CheckoutInfo:
    ds = _open_checkout(path)
    meta = ds.GetLayerByName(CHECKOUT_TABLE)
    values = {f.GetField("key"): f.GetField("value") for f in meta}
    try:
        return CheckoutInfo(
            jurisdiction=values["jurisdiction"],
            base_version=int(values["base_version"]),
            store=values.get("store") or "",
            organisation=values.get("organisation"),
            checked_out_at=values.get("checked_out_at") or "",
            schema_version=values.get("schema_version") or "",
        )
    except (KeyError, TypeError, ValueError):
        raise SubmissionError(
            tr("{name}: the checkout record is incomplete or damaged.").format(name=Path(path).name)
        ) from None


@with_gdal_exceptions
def extract_base(path: str | Path, target: str | Path) -> None:
    """Write the checkout's untouched base copy to ``target``."""
    ds = _open_checkout(path)
    layer = ds.GetLayerByName(BASE_TABLE)
    feat = layer.GetNextFeature() if layer is not None else None
    if feat is None:
        raise SubmissionError(
            tr("{name}: the base copy of the checkout is missing.").format(name=Path(path).name)
        )
    Path(target).write_bytes(bytes(feat.GetFieldAsBinary("content")))


@with_gdal_exceptions
def base_values(
    path: str | Path, fids, fields: tuple[str, ...], table: str = POINTS_LAYER
) -> dict[int, dict]:
    """``fields`` of the checkout's base rows ``fids`` of ``table`` (rows absent from the base are left out;
    ``fids`` None: every row)."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.gpkg"
        extract_base(path, base)
        ds = ogr.Open(str(base))
        try:
            layer = ds.GetLayerByName(table)
            found = {}
            if layer is None:
                return found
            features = layer if fids is None else (layer.GetFeature(int(fid)) for fid in fids)
            for feat in features:
                fid = feat.GetFID() if feat is not None else None
                if feat is not None:
                    found[int(fid)] = {
                        f: feat.GetField(f) if feat.IsFieldSetAndNotNull(f) else None for f in fields
                    }
            return found
        finally:
            ds = None


@with_gdal_exceptions
def _open_checkout(path: str | Path):
    try:
        ds = ogr.Open(str(path))
    except RuntimeError:
        ds = None
    if ds is None or ds.GetLayerByName(CHECKOUT_TABLE) is None or ds.GetLayerByName(POINTS_LAYER) is None:
        raise SubmissionError(
            tr("{name} is not a service-point checkout (use 'Check out service points' first).").format(
                name=Path(path).name
            )
        )
    return ds


_NOT_INVOLVED = ("The partnership links none of the checkout's points.",
                 "Le partenariat ne relie aucun point de l'extraction.")  # fmt: skip


def partnership_problems(path: str | Path, language: str = "en") -> list[PartnershipProblem]:
    """The checkout's partnerships, checked by the partnerships' rules (:func:`validate_partnerships`).
    The shared store knows every point; the checkout knows its own and those its partnerships linked
    when checked out: a partnership that links none of the checkout's points, or a point the checkout
    deleted, is an error here (the review checks the other points against the store)."""
    rows = read_partnerships(path)
    if not rows:
        return []
    ds = _open_checkout(path)
    own = {f.GetField("point_id") for f in ds.GetLayerByName(POINTS_LAYER)}
    ds = None
    in_base = {v["point_id"] for v in base_values(path, None, ("point_id",)).values() if v["point_id"]}
    linked = {p for row in rows for p in point_list(row.get("point_ids"))}
    problems = validate_partnerships(rows, (linked - (in_base - own)) | own, language=language)
    for r, row in enumerate(rows):
        ids = set(point_list(row.get("point_ids")))
        if ids and not ids & own:
            text = _NOT_INVOLVED[language.startswith("fr")]
            problems.append(
                PartnershipProblem("error", r, row.get("partnership_id"), "point_ids", "not_involved", text)
            )
    return problems
