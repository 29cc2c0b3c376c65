"""Coordinate transformation for the domain code (sources, validation), through GDAL's OSR.

OSR uses the PROJ library and data QGIS uses, with a PROJ context per thread, so a source
loaded in a background task transforms safely beside QGIS (pyproj's objects crashed
there on QGIS 3.40). Nothing is changed for the process: no PROJ setting, no environment
variable, and GDAL's exception switch only inside these calls.
"""

from __future__ import annotations

import threading

import numpy as np
from osgeo import osr

from .errors import CoordinateError
from .gdal_exceptions import gdal_exceptions
from .i18n import tr
from .schema import CANADA_BBOX, STORAGE_CRS

_per_thread = threading.local()  # OSR objects are not shared between threads


def _srs(text: str) -> osr.SpatialReference:
    cache = _per_thread.__dict__.setdefault("srs", {})
    if text not in cache:
        srs = osr.SpatialReference()
        try:
            with gdal_exceptions():
                srs.SetFromUserInput(text)
        except RuntimeError as exc:
            raise CoordinateError(
                tr("Unknown coordinate reference system {text!r}: {exc}").format(text=text, exc=exc)
            ) from None
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # x = easting / longitude
        cache[text] = srs
    return cache[text]


def same_crs(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return bool(_srs(a).IsSame(_srs(b)))
    except CoordinateError:
        return False


def northing_first(text: str) -> bool:
    """True when the CRS's own axis order (its authority's) puts northing or latitude first."""
    srs = osr.SpatialReference()
    try:
        with gdal_exceptions():
            srs.SetFromUserInput(text)
    except RuntimeError:
        return False
    return bool(srs.EPSGTreatsAsLatLong() or srs.EPSGTreatsAsNorthingEasting())


def transform_xy(x, y, src: str, dst: str):
    """Transform coordinate arrays (x = easting/longitude first) between two CRSs
    (authority ids or WKT) with PROJ's best operation. Inside Processing, layers are
    transformed by QGIS with the project's transform context instead (layer_arrays)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if same_crs(src, dst) or x.size == 0:
        return x, y
    with gdal_exceptions():
        try:
            transform = osr.CoordinateTransformation(_srs(src), _srs(dst))
            points = np.asarray(
                transform.TransformPoints(np.column_stack([x.ravel(), y.ravel()])), dtype=float
            )
        except RuntimeError as exc:
            raise CoordinateError(
                tr("Coordinates cannot be transformed from {src} to {dst}: {exc}").format(
                    src=src, dst=dst, exc=exc
                )
            ) from None
    return points[:, 0].reshape(x.shape), points[:, 1].reshape(y.shape)


def outside_canada(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Boolean mask of lon/lat positions outside Canada's bounding box (or not finite)."""
    lon_min, lat_min, lon_max, lat_max = CANADA_BBOX
    with np.errstate(invalid="ignore"):
        inside = (lon >= lon_min) & (lon <= lon_max) & (lat >= lat_min) & (lat <= lat_max)
    return ~inside


def to_storage_crs(x: np.ndarray, y: np.ndarray, crs: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Source coordinates to EPSG:4326 lon/lat."""
    return transform_xy(x, y, crs or STORAGE_CRS, STORAGE_CRS)
