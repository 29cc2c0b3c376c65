"""Nearest service: crs:nearestservice vs native:joinbynearest and qgis:distancetonearesthubpoints.

    python benchmarks/bench_nearest.py            # 500,000 demand x 20,000 service points
    python benchmarks/bench_nearest.py --quick    # 20,000 x 2,000

Data: uniform random points over southern Canada in EPSG:3347 (fixed seed), in
GeoPackages. Every algorithm runs end to end through processing.run (reading the
inputs and writing a GeoPackage output included), in this one process, on the same
files. ``ours_compute_s`` is the KD-tree search alone on arrays already in memory.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
from _common import CANADA_SOUTH, gdal, peak_rss_mb, report, sizes, start_qgis, timed


def write_points(path: Path, layer: str, xy: np.ndarray, prefix: str) -> None:
    csv_path = path.with_suffix(f".{layer}.csv")
    ids = np.array([f"{prefix}{i}" for i in range(len(xy))])
    with csv_path.open("w") as fh:
        fh.write("point_id,x,y\n")
        np.savetxt(fh, np.column_stack([ids, xy[:, 0].round(3), xy[:, 1].round(3)]), fmt="%s", delimiter=",")
    src = gdal.OpenEx(str(csv_path), gdal.OF_VECTOR,
                      open_options=["X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y", "KEEP_GEOM_COLUMNS=NO"])  # fmt: skip
    gdal.VectorTranslate(str(path), src, accessMode="append" if path.exists() else None, layerName=layer,
                         srcSRS="EPSG:3347", dstSRS="EPSG:3347")  # fmt: skip
    src = None
    csv_path.unlink()


def read_distances(path: str, layer: str, id_field: str, distance_field: str) -> dict:
    from osgeo import ogr

    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(layer)
    return {f.GetField(id_field): f.GetField(distance_field) for f in lyr}


def main() -> None:
    n, m = sizes((20_000, 2_000), (500_000, 20_000), __doc__)
    name = f"nearest_{n // 1000}k_x_{m // 1000}k"

    app, processing, plugin = start_qgis()
    from crs_plugin.core.analysis import nearest

    rng = np.random.default_rng(42)
    lo, hi = CANADA_SOUTH
    demand_xy = rng.uniform(lo, hi, (n, 2))
    service_xy = rng.uniform(lo, hi, (m, 2))
    tmp = Path(tempfile.mkdtemp(prefix="crs_bench_"))
    data = tmp / "data.gpkg"
    write_points(data, "demand", demand_xy, "d")
    write_points(data, "services", service_xy, "s")
    demand, services = f"{data}|layername=demand", f"{data}|layername=services"

    compute_s, _ = timed(lambda: nearest(demand_xy, service_xy))

    def ours():
        out = str(tmp / "ours.gpkg")
        processing.run("crs:nearestservice", {"INPUT": demand, "SERVICE_POINTS": services, "OUTPUT": out})
        return out

    ours_s, ours_out = timed(ours)
    ours_rss = peak_rss_mb()
    ours_d = read_distances(ours_out, "ours", "point_id", "distance_m")

    def join():
        out = str(tmp / "join.gpkg")
        processing.run("native:joinbynearest", {"INPUT": demand, "INPUT_2": services, "NEIGHBORS": 1,
                                                "FIELDS_TO_COPY": ["point_id"], "PREFIX": "n_", "OUTPUT": out})  # fmt: skip
        return out

    join_s, join_out = timed(join)
    join_d = read_distances(join_out, "join", "point_id", "distance")
    diff = max(abs(ours_d[k] - join_d[k]) for k in ours_d)
    report(name=name, ours_s=round(ours_s, 3), ours_compute_s=round(compute_s, 3), baseline="native:joinbynearest",
           baseline_s=round(join_s, 3), speedup=round(join_s / ours_s, 1), agree=diff <= 1e-6, max_abs_diff=diff,
           peak_rss_mb=round(ours_rss))  # fmt: skip

    def hubs():
        out = str(tmp / "hubs.gpkg")
        processing.run("qgis:distancetonearesthubpoints", {"INPUT": demand, "HUBS": services, "FIELD": "point_id",
                                                          "UNIT": 0, "OUTPUT": out})  # fmt: skip
        return out

    hubs_s, hubs_out = timed(hubs)
    hubs_d = read_distances(hubs_out, "hubs", "point_id", "HubDist")
    diff = max(abs(ours_d[k] - hubs_d[k]) for k in ours_d)
    report(name=name, ours_s=round(ours_s, 3), baseline="qgis:distancetonearesthubpoints", baseline_s=round(hubs_s, 3),
           speedup=round(hubs_s / ours_s, 1), agree=diff <= 1e-6, max_abs_diff=diff, peak_rss_mb=round(ours_rss))  # fmt: skip
    plugin.unload()


if __name__ == "__main__":
    main()
