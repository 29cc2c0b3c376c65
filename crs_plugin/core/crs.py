"""Vectorised coordinate transformation for the domain code (sources, validation).

The plugin never changes PROJ's settings for the process (QGIS and other plugins
share it): pyproj uses its own PROJ data as installed, and is shown where the data is
only when it found none.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache

import numpy as np
import pyproj
from pyproj.datadir import DataDirError

from .errors import CoordinateError
from .schema import CANADA_BBOX, STORAGE_CRS


def _give_pyproj_the_proj_data_it_lacks() -> None:
    """pyproj in a virtual environment looks for ``proj.db`` under the environment's prefix
    and, finding none, cannot build any transformer (Debian 13's pyproj refuses outright).
    Only then is it pointed at the PROJ data GDAL uses (or the base interpreter's); a pyproj
    that found its data is left alone, and no environment variable is set for the process."""
    try:
        pyproj.datadir.get_data_dir()
        return
    except DataDirError:
        pass
    candidates = [os.path.join(sys.base_prefix, "share", "proj")]
    try:
        from osgeo import osr

        candidates = [*(osr.GetPROJSearchPaths() or []), *candidates]
    except ImportError:  # pragma: no cover - GDAL comes with QGIS
        pass
    for path in candidates:
        if os.path.exists(os.path.join(path, "proj.db")):
            pyproj.datadir.set_data_dir(path)
            return


_give_pyproj_the_proj_data_it_lacks()


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
