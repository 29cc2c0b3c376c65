"""Vectorised coordinate transformation with the same PROJ data QGIS and GDAL use.

pyproj is handed GDAL's PROJ search path before it is imported: inside a virtual
environment it otherwise looks for ``proj.db`` under the venv's prefix and may
pick a different database than QGIS, giving (slightly) different results.
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

from .errors import CoordinateError
from .schema import CANADA_BBOX, STORAGE_CRS


def _share_proj_search_path_with_gdal() -> None:
    if os.environ.get("PROJ_DATA") or os.environ.get("PROJ_LIB"):
        return
    try:
        from osgeo import osr
    except ImportError:  # pragma: no cover - GDAL is always there with QGIS
        return
    for path in reversed(osr.GetPROJSearchPaths() or []):
        if os.path.exists(os.path.join(path, "proj.db")):
            os.environ["PROJ_DATA"] = path
            return


_share_proj_search_path_with_gdal()

import pyproj  # noqa: E402  (after the search path is set)


@lru_cache(maxsize=64)
def _transformer(src: str, dst: str) -> pyproj.Transformer:
    try:
        return pyproj.Transformer.from_crs(src, dst, always_xy=True)
    except pyproj.exceptions.CRSError as exc:
        raise CoordinateError(f"Unknown coordinate reference system: {exc}") from None


@lru_cache(maxsize=64)
def _pipeline(pipeline: str) -> pyproj.Transformer:
    return pyproj.Transformer.from_pipeline(pipeline)


def same_crs(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        return pyproj.CRS.from_user_input(a) == pyproj.CRS.from_user_input(b)
    except pyproj.exceptions.CRSError:
        return False


def transform_xy(x, y, src: str | None = None, dst: str | None = None, pipeline: str | None = None):
    """Transform coordinate arrays (x = easting/longitude first).

    Either ``src`` and ``dst`` (authority ids or WKT) or a PROJ ``pipeline``
    (the operation QGIS chose for its transform context) is given.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if pipeline:
        t = _pipeline(pipeline)
    else:
        if src is None or dst is None or same_crs(src, dst):
            return x, y
        t = _transformer(src, dst)
    tx, ty = t.transform(x, y)
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
