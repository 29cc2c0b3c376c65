"""Helpers shared by the benchmark scripts: QGIS start-up, data files, timing, memory."""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from osgeo import gdal, ogr, osr  # noqa: E402

gdal.UseExceptions()
ogr.UseExceptions()

#: Southern Canada in EPSG:3347 (metres): where generated points fall.
CANADA_SOUTH = (np.array([3_800_000.0, 1_300_000.0]), np.array([8_800_000.0, 2_600_000.0]))


def start_qgis():
    """A headless QGIS with Processing and the plugin's provider; returns (app, processing, plugin)."""
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing

    from crs_plugin.plugin import CrsServicePointsPlugin

    plugin = CrsServicePointsPlugin(iface=None)
    plugin.initProcessing()
    return app, processing, plugin


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn) -> tuple[float, object]:
    """Median wall time of ``fn`` and its last result, by the project's convention:
    once if slower than 30 s, else at least 3 runs, and 9 when a run takes under a
    second (short runs vary most with the machine's other work)."""
    times, result = [], None
    while True:
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        if times[0] > 30 or len(times) >= (9 if times[0] < 1 else 3):
            return statistics.median(times), result


def write_layer(path: Path, name: str, geometries, fields: dict[str, np.ndarray], epsg: int = 3347) -> None:
    """A GeoPackage layer from shapely geometries and columns (generation only, not timed)."""
    import shapely

    ds = (
        ogr.Open(str(path), update=1)
        if path.exists()
        else ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    )
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    geom_type = ogr.wkbPoint if shapely.get_type_id(geometries[0]) == 0 else ogr.wkbMultiPolygon
    layer = ds.CreateLayer(name, srs, geom_type)
    for field, values in fields.items():
        kind = ogr.OFTReal if np.asarray(values).dtype.kind == "f" else (
            ogr.OFTInteger64 if np.asarray(values).dtype.kind in "iu" else ogr.OFTString)  # fmt: skip
        layer.CreateField(ogr.FieldDefn(field, kind))
    defn = layer.GetLayerDefn()
    ds.StartTransaction()
    wkbs = shapely.to_wkb(geometries if geom_type == ogr.wkbPoint else shapely.multipolygons(
        [[g] if g.geom_type == "Polygon" else list(g.geoms) for g in geometries]))  # fmt: skip
    columns = {k: np.asarray(v).tolist() for k, v in fields.items()}
    for i, wkb in enumerate(wkbs):
        feature = ogr.Feature(defn)
        for field, values in columns.items():
            feature.SetField(field, values[i])
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        layer.CreateFeature(feature)
    ds.CommitTransaction()


def report(**fields) -> None:
    print("RESULT " + json.dumps(fields, default=lambda v: v.item()), flush=True)


def size(n: int) -> str:
    """500 -> '500', 57000 -> '57k', 500000 -> '500k' (for result names)."""
    return f"{n // 1000}k" if n >= 1000 else str(n)


def sizes(quick: tuple[int, int], full: tuple[int, int], description: str) -> tuple[int, int]:
    """(demand, supply) sizes from the command line: full size, or ``--quick``."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="a size that finishes in under a minute")
    return quick if parser.parse_args().quick else full


def clustered_points(rng, centres: np.ndarray, count: int, spread_m: float) -> np.ndarray:
    """``count`` points scattered (normal, ``spread_m``) around random ``centres``: towns and their hinterland."""
    return centres[rng.integers(0, len(centres), count)] + rng.normal(0, spread_m, (count, 2))
