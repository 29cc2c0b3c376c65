"""Read a vector layer into numpy/shapely arrays once, in a metric CRS.

File layers that OGR can open are read through OGR's Arrow stream (columns
at a time, no Python loop per feature). Other layers (memory, PostGIS, a
selection or a subset) are read through QGIS's feature iterator, collecting
WKB in one pass. Either way coordinates are transformed by QGIS itself, with
the project's transform context, over whole coordinate arrays.
"""

from __future__ import annotations

import struct
import time
from dataclasses import dataclass

import numpy as np
import shapely
from osgeo import ogr
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from ..core.gdal_exceptions import with_gdal_exceptions
from ..core.i18n import tr
from ..toolbelt.qgis_compat import FieldType


@dataclass
class LayerArrays:
    fids: np.ndarray  # int64 feature ids, as QGIS numbers them
    geometries: np.ndarray  # shapely geometries in the destination CRS (None where empty)
    attributes: dict[str, np.ndarray]  # object arrays (str / numbers / None)
    #: (n, 2) representative points in the destination CRS (NaN where an area has none):
    #: a census layer's population-weighted points, used instead of centroids.
    representative: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.fids)

    def points(self) -> np.ndarray:
        """(n, 2) coordinates: an area's representative point when the layer carries one,
        else points as they are and other geometries by their centroid."""
        xy = np.full((len(self), 2), np.nan)
        present = ~shapely.is_missing(self.geometries) & ~shapely.is_empty(self.geometries)
        if present.any():
            geoms = self.geometries[present]
            is_point = shapely.get_type_id(geoms) == 0
            # Centroids only where needed: computing them for points costs as much as the search.
            centres = geoms if is_point.all() else np.where(is_point, geoms, shapely.centroid(geoms))
            xy[present, 0] = shapely.get_x(centres)
            xy[present, 1] = shapely.get_y(centres)
        if self.representative is not None:
            known = np.isfinite(self.representative).all(axis=1)
            xy[known] = self.representative[known]
        return xy


def representative_points(
    x,
    y,
    source_crs: QgsCoordinateReferenceSystem,
    dest_crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext,
) -> np.ndarray:
    """(n, 2) points from coordinate columns in ``source_crs``, in ``dest_crs`` (NaN where empty)."""
    from ..core.table import number_column

    xy = np.column_stack([number_column(x)[0], number_column(y)[0]])
    known = np.isfinite(xy).all(axis=1)
    transform = coordinate_transform(source_crs, dest_crs, transform_context)
    if transform is not None and known.any():
        xy[known] = transform_coordinates(xy[known], transform)
    return xy


def coordinate_transform(
    source_crs: QgsCoordinateReferenceSystem,
    dest_crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext,
) -> QgsCoordinateTransform | None:
    """QGIS's transform between two CRSs in the project's context (None if they are the same)."""
    if source_crs == dest_crs:
        return None
    if not source_crs.isValid():
        raise QgsProcessingException(
            tr(
                "The layer has no valid coordinate reference system; set its CRS in the layer "
                "properties before running the analysis."
            )
        )
    return QgsCoordinateTransform(source_crs, dest_crs, transform_context)


def transform_coordinates(xy: np.ndarray, transform: QgsCoordinateTransform) -> np.ndarray:
    """(n, 2) coordinates through ``transform``, each exactly where
    ``QgsCoordinateTransform.transform`` puts it point by point.

    The coordinates travel as the vertices of one line, so QGIS transforms them in one PROJ
    call with the same operation, direction (a recorded operation used the other way is
    inverted) and PROJ context as point by point. One difference is handled here: when the
    operation fails for some points (outside a grid's extent), QGIS moves the whole array
    to its fallback operation, where point by point only those points fall back; such
    arrays are split until each part succeeds with one operation.
    """
    xy = np.ascontiguousarray(xy, dtype="<f8").reshape(-1, 2)
    if len(xy) == 0:
        return xy.copy()
    out = _transform_as_line(xy, transform)
    if not transform.fallbackOperationOccurred() or len(xy) == 1:
        return out
    if len(xy) <= _SPLIT_BELOW:
        return np.vstack([_transform_as_line(xy[i : i + 1], transform) for i in range(len(xy))])
    half = len(xy) // 2
    return np.vstack(
        [transform_coordinates(xy[:half], transform), transform_coordinates(xy[half:], transform)]
    )


#: Arrays with points on both sides of an operation's extent are split down to this size,
#: then transformed point by point.
_SPLIT_BELOW = 32


def _transform_as_line(xy: np.ndarray, transform: QgsCoordinateTransform) -> np.ndarray:
    n = len(xy)
    vertices = xy if n > 1 else np.vstack([xy, xy])  # a line needs two vertices
    line = QgsGeometry()
    line.fromWkb(
        struct.pack("<BII", 1, 2, len(vertices)) + vertices.tobytes()
    )  # little-endian WKB LineString
    try:
        line.transform(transform)
    except QgsCsException as exc:
        raise QgsProcessingException(
            tr(
                "Coordinates could not be transformed from {source} to {destination}: {error}. Check that the "
                "layer's CRS is the one its coordinates are in."
            ).format(
                source=transform.sourceCrs().authid(),
                destination=transform.destinationCrs().authid(),
                error=exc,
            )
        ) from None
    return np.frombuffer(bytes(line.asWkb()), dtype="<f8", offset=9).reshape(-1, 2)[:n].copy()


def read_layer(
    layer: QgsVectorLayer,
    fields: list[str],
    dest_crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsProcessingFeedback | None = None,
    request: QgsFeatureRequest | None = None,
) -> LayerArrays:
    """The layer's geometries (in ``dest_crs``) and the named attributes.

    ``request`` restricts the features (selection, limit); it forces the QGIS
    iterator path.
    """
    missing = [f for f in fields if layer.fields().indexOf(f) < 0]
    if missing:
        raise QgsProcessingException(
            tr("Layer '{layer}' has no field {fields}.").format(
                layer=layer.name(), fields=", ".join(repr(m) for m in missing)
            )
        )
    arrays = None
    if request is None and only_provider_fields(layer):
        try:
            arrays = _read_with_ogr(layer, fields)
        except (RuntimeError, SystemError):
            # OGR could not stream it (a file being written, a driver's Arrow quirk): QGIS reads it.
            arrays = None
    if arrays is None:
        arrays = _read_with_qgis(layer, fields, request, feedback)
    present = ~shapely.is_missing(arrays.geometries) & ~shapely.is_empty(arrays.geometries)
    if present.any():
        transform = coordinate_transform(layer.crs(), dest_crs, transform_context)
        if transform is not None:
            arrays.geometries = shapely.transform(
                arrays.geometries, lambda xy: transform_coordinates(xy, transform)
            )
    return arrays


def only_provider_fields(layer: QgsVectorLayer) -> bool:
    """True when every field of the layer is in its data source: no joined or virtual
    (expression) fields, which only QGIS's iterator computes."""
    fields = layer.fields()
    return all(fields.fieldOrigin(i) == QgsFields.OriginProvider for i in range(fields.count()))


def ogr_location(layer: QgsVectorLayer) -> tuple[str, str | None] | None:
    if layer.providerType() != "ogr" or layer.subsetString():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    if not path:
        return None
    return path, parts.get("layerName") or None


@with_gdal_exceptions
def _read_with_ogr(layer: QgsVectorLayer, fields: list[str]) -> LayerArrays | None:
    location = ogr_location(layer)
    if location is None:
        return None
    path, layer_name = location
    try:
        ds = ogr.Open(path)
    except RuntimeError:
        ds = None
    if ds is None:
        return None
    lyr = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
    if lyr is None or not hasattr(lyr, "GetArrowStreamAsNumPy"):
        return None
    defn = lyr.GetLayerDefn()
    all_fields = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    lyr.SetIgnoredFields([f for f in all_fields if f not in fields])
    geom_name = lyr.GetGeometryColumn() or "wkb_geometry"
    fid_name = lyr.GetFIDColumn() or "OGC_FID"
    fids, wkbs = [], []
    columns: dict[str, list] = {f: [] for f in fields}
    # Masked arrays keep NULLs apart from 0 (a suppressed census count is not a zero).
    stream = lyr.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES", "INCLUDE_FID=YES"])
    for batch in stream:
        fids.append(np.asarray(batch[fid_name], dtype=np.int64))
        geoms = batch[geom_name]
        if np.ma.isMaskedArray(geoms):  # NULL geometries (np.ma.filled(…, None) would fill with '?')
            geoms = np.where(np.ma.getmaskarray(geoms), None, np.ma.getdata(geoms)).astype(object)
        wkbs.append(np.asarray(geoms).astype(object))
        for f in fields:
            columns[f].append(_decode(batch[f]))
    if not fids:
        return LayerArrays(
            np.zeros(0, np.int64), np.array([], dtype=object), {f: np.array([], dtype=object) for f in fields}
        )
    wkb = np.concatenate(wkbs)
    wkb[wkb == b""] = None  # an empty WKB is no geometry (compared in numpy's loop, not Python's)
    return LayerArrays(
        np.concatenate(fids),
        shapely.from_wkb(wkb),
        {f: np.concatenate(v) for f, v in columns.items()},
    )


def _decode(values: np.ndarray) -> np.ndarray:
    if isinstance(values, np.ma.MaskedArray):
        mask = np.ma.getmaskarray(values)
        out = _decode(values.data)
        out[mask] = None
        return out
    if values.dtype.kind == "S":
        return np.char.decode(values, "utf-8").astype(object)
    if values.dtype == object:
        return np.array([v.decode("utf-8") if isinstance(v, bytes) else v for v in values], dtype=object)
    return values.astype(object)


def _read_with_qgis(
    layer: QgsVectorLayer,
    fields: list[str],
    request: QgsFeatureRequest | None,
    feedback: QgsProcessingFeedback | None,
) -> LayerArrays:
    request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
    request.setSubsetOfAttributes(fields, layer.fields())
    wanted = request.filterFids() if request.filterType() == QgsFeatureRequest.FilterFids else None
    for attempt in range(2):
        fids, wkbs, columns = _iterate(layer, fields, request, feedback)
        if wanted is None or request.limit() >= 0 or len(fids) >= len(wanted):
            break
        # Selected features that do not come back: a source busy for a moment (a GeoPackage
        # another connection is writing), else gone or changed. Once more, then refuse.
        if attempt == 0:
            time.sleep(0.5)
    else:
        errors = "; ".join(layer.dataProvider().errors()[-3:]) if layer.dataProvider() else ""
        raise QgsProcessingException(
            tr("Only {read} of the {selected} selected features of layer '{layer}' could be read. Check that "
               "its data source is still available and not being written by another program, select the "
               "features again and run the analysis again.")
            .format(read=len(fids), selected=len(wanted), layer=layer.name())
            + (f" ({errors})" if errors else "")
        )  # fmt: skip
    # Dates as the OGR path gives them (datetime), not Qt's types, whichever way a layer is read.
    indexes = [layer.fields().indexOf(f) for f in fields]
    for f, idx in zip(fields, indexes):
        if layer.fields().at(idx).type() in (FieldType.Date, FieldType.DateTime, FieldType.Time):
            columns[f] = [_python_time(v) for v in columns[f]]
    return LayerArrays(
        np.asarray(fids, dtype=np.int64),
        shapely.from_wkb(np.array(wkbs, dtype=object)) if wkbs else np.array([], dtype=object),
        {f: np.array(v, dtype=object) for f, v in columns.items()},
    )


def _iterate(layer, fields, request, feedback):
    """One pass of QGIS's iterator: feature ids, WKB and the named attributes as lists."""
    n = layer.featureCount()
    fids, wkbs = [], []
    columns: dict[str, list] = {f: [] for f in fields}
    indexes = [layer.fields().indexOf(f) for f in fields]
    for count, feature in enumerate(_features(layer, request)):
        if feedback is not None and feedback.isCanceled():
            # A partial read must never pass for the layer.
            raise QgsProcessingException(tr("Canceled while reading the layer."))
        fids.append(feature.id())
        geom = feature.geometry()
        wkbs.append(None if geom.isNull() else bytes(geom.asWkb()))
        attrs = feature.attributes()
        for f, idx in zip(fields, indexes):
            value = attrs[idx]
            columns[f].append(None if value is None or value == NULL else value)
        if feedback is not None and n > 0 and count % 10000 == 0:
            feedback.setProgress(100.0 * count / n)
    return fids, wkbs, columns


def _features(layer: QgsVectorLayer, request: QgsFeatureRequest):
    """The layer's feature iterator; an iterator that could not open its source is retried
    once and then refused, never read as a layer with no features."""
    for _ in range(2):
        iterator = layer.getFeatures(request)
        if iterator.isValid():
            return iterator
        # A GeoPackage another connection is checkpointing, a database restarting: transient.
        time.sleep(0.5)
    raise QgsProcessingException(
        tr("Layer '{layer}' could not be read: its data source did not open ({source}). Check that the file "
           "or database is available and not locked by another program, then run the analysis again.")
        .format(layer=layer.name(), source=layer.publicSource())
    )  # fmt: skip


def _python_time(value):
    if isinstance(value, QDate):
        return value.toPyDate()
    if isinstance(value, QDateTime):
        return value.toPyDateTime()
    if isinstance(value, QTime):
        return value.toPyTime()
    return value
