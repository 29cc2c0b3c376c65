"""Vectorised coordinate transformation for the domain code (sources, validation).

The plugin never changes PROJ's settings for the process (QGIS and other plugins
share it): pyproj uses its own PROJ data as installed.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyproj

from .errors import CoordinateError
from .schema import CANADA_BBOX, STORAGE_CRS


@lru_cache(maxsize=64)
def _transformer(src: str, dst: str) -> pyproj.Transformer:
    try:
        return pyproj.Transformer.from_crs(src, dst, always_xy=True)
    except pyproj.exceptions.CRSError as exc:
        raise CoordinateError(f"Unknown coordinate reference system: {exc}") from None


def same_crs(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return pyproj.CRS.from_user_input(a) == pyproj.CRS.from_user_input(b)
    except pyproj.exceptions.CRSError:
        return False


def transform_xy(x, y, src: str, dst: str):
    """Transform coordinate arrays (x = easting/longitude first) between two CRSs
    (authority ids or WKT) with PROJ's best operation. Inside Processing, layers are
    transformed by QGIS with the project's transform context instead (layer_arrays)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if same_crs(src, dst):
        return x, y
    tx, ty = _transformer(src, dst).transform(x, y)
    return np.asarray(tx, dtype=float), np.asarray(ty, dtype=float)


def outside_canada(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Boolean mask of lon/lat positions outside Canada's bounding box (or not finite)."""
    lon_min, lat_min, lon_max, lat_max = CANADA_BBOX
    with np.errstate(invalid="ignore"):
        inside = (lon >= lon_min) & (lon <= lon_max) & (lat >= lat_min) & (lat <= lat_max)
    return ~inside


def to_storage_crs(x: np.ndarray, y: np.ndarray, crs: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Source coordinates to EPSG:4326 lon/lat."""
    return transform_xy(x, y, crs or STORAGE_CRS, STORAGE_CRS)
