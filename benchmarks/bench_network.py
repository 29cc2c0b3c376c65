"""Nearest service by road: crs:networkdistance (array-built engine) vs QGIS's graph builder and pandana.

    python benchmarks/bench_network.py            # 200,000 and 1,000,000 road segments, 57,000 x 600 points
    python benchmarks/bench_network.py --quick    # 40,000 segments, 5,000 x 100 points

Data (fixed seed, EPSG:3347, a province-sized region): towns of jittered street grids
(8 % of their blocks missing: dead ends and irregular blocks; one-way pairs on every
fourth street), a highway skeleton joining the towns (a minimum spanning tree of their
Delaunay triangulation plus short extra links, one feature per highway with a vertex
every 400 m), and rural dead-end roads off the highways. Demand points cluster in towns
(85 %) and along rural roads; service points sit in towns, more in bigger ones.

Comparisons, each in this one process on the same files:
- ``crs:networkdistance`` end to end (GeoPackages in, GeoPackage out) against the
  previous implementation, QGIS's vector layer director and graph builder with one
  multi-source Dijkstra (200,000 segments only: its tie-point search grows with
  segments x points); nearest ids and distances must agree to 1e-6 m;
- the same against ``native:shortestpathpointtolayer`` for a sample of demand points;
- the engine against pandana's ``nearest_pois`` (network build + node lookup + query) with
  the points on network nodes, where both must give the same distances.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

import numpy as np
import shapely
from _common import gdal, peak_rss_mb, report, size, start_qgis, timed
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import minimum_spanning_tree
from scipy.spatial import Delaunay, cKDTree

REGION = (np.array([4_000_000.0, 1_500_000.0]), np.array([5_000_000.0, 2_100_000.0]))


def town_grid(rng, centre, blocks, spacing):
    """Street segments of a jittered, rotated grid town; the grid's nodes."""
    i, j = np.meshgrid(np.arange(blocks + 1), np.arange(blocks + 1), indexing="ij")
    local = np.stack([i, j], axis=-1).reshape(-1, 2) * spacing - blocks * spacing / 2
    angle = rng.uniform(0, np.pi / 2)
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    nodes = centre + local @ rotation.T + rng.normal(0, spacing * 0.08, local.shape)
    index = np.arange((blocks + 1) ** 2).reshape(blocks + 1, blocks + 1)
    along_i = np.stack([index[:-1, :].ravel(), index[1:, :].ravel()], axis=1)  # streets one way
    along_j = np.stack([index[:, :-1].ravel(), index[:, 1:].ravel()], axis=1)  # and the other
    pairs = np.vstack([along_i, along_j])
    # One-way pairs: every fourth street along j, alternating direction with the next one.
    street = np.concatenate([np.full(len(along_i), -1), np.repeat(np.arange(blocks + 1), blocks)])
    direction = np.zeros(len(pairs), dtype=np.int8)
    direction[street % 4 == 0] = 1
    direction[street % 4 == 1] = 2
    keep = rng.random(len(pairs)) > 0.08
    return nodes[pairs[keep]], direction[keep], nodes


def polyline(rng, a, b, step=400.0, wiggle=150.0):
    n = max(2, int(np.hypot(*(b - a)) // step) + 1)
    t = np.linspace(0, 1, n)
    line = a + t[:, None] * (b - a)
    normal = np.array([-(b - a)[1], (b - a)[0]]) / max(np.hypot(*(b - a)), 1e-9)
    line[1:-1] += normal * (np.sin(t[1:-1] * np.pi * rng.uniform(1, 4)) * wiggle)[:, None]
    return line


def synthetic_roads(target_segments: int, seed: int = 42):
    """Road lines (shapely), direction codes (0 both, 1 forward, 2 backward), road class, towns."""
    rng = np.random.default_rng(seed)
    lo, hi = REGION
    lines, directions, classes, towns = [], [], [], []
    count = 0
    while count < 0.85 * target_segments:
        blocks = int(np.clip(rng.lognormal(2.6, 0.6), 4, 110))
        centre = rng.uniform(lo + 30_000, hi - 30_000)
        segments, direction, nodes = town_grid(rng, centre, blocks, rng.uniform(110, 180))
        lines.append(shapely.linestrings(segments))
        directions.append(direction)
        classes.append(np.full(len(segments), "local", dtype=object))
        towns.append((centre, blocks, nodes))
        count += len(segments)
    centres = np.array([t[0] for t in towns])
    triangles = Delaunay(centres).simplices
    edges = np.unique(np.sort(np.vstack([triangles[:, [0, 1]], triangles[:, [1, 2]], triangles[:, [0, 2]]]), axis=1),
                      axis=0)  # fmt: skip
    length = np.hypot(*(centres[edges[:, 0]] - centres[edges[:, 1]]).T)
    tree = minimum_spanning_tree(
        coo_matrix((length, (edges[:, 0], edges[:, 1])), shape=(len(towns),) * 2)
    ).tocoo()
    extra = edges[(length < np.quantile(length, 0.3)) & (rng.random(len(edges)) < 0.5)]
    links = np.unique(np.sort(np.vstack([np.column_stack([tree.row, tree.col]), extra]), axis=1), axis=0)
    highway_vertices = []
    for a, b in links:
        start = towns[a][2][np.argmin(np.hypot(*(towns[a][2] - centres[b]).T))]  # the town's edge facing b
        end = towns[b][2][np.argmin(np.hypot(*(towns[b][2] - centres[a]).T))]
        line = polyline(rng, start, end)
        lines.append(np.array([shapely.linestrings(line)], dtype=object))
        directions.append(np.zeros(1, dtype=np.int8))
        classes.append(np.array(["highway"], dtype=object))
        highway_vertices.append(line[1:-1])
        count += len(line) - 1
    highway_vertices = np.vstack(highway_vertices)
    rural_points = []
    while count < target_segments:
        start = highway_vertices[rng.integers(len(highway_vertices))]
        heading = rng.uniform(0, 2 * np.pi)
        end = start + rng.uniform(2000, 8000) * np.array([np.cos(heading), np.sin(heading)])
        line = polyline(rng, start, end, step=300.0, wiggle=200.0)
        lines.append(np.array([shapely.linestrings(line)], dtype=object))
        directions.append(np.zeros(1, dtype=np.int8))
        classes.append(np.array(["rural"], dtype=object))
        rural_points.append(line)
        count += len(line) - 1
    return (np.concatenate(lines), np.concatenate(directions), np.concatenate(classes), towns,
            np.vstack(rural_points) if rural_points else highway_vertices)  # fmt: skip


def demand_and_services(rng, towns, rural_points, n_demand: int, n_services: int):
    weight = np.array([t[1] ** 2 for t in towns], dtype=float)
    weight /= weight.sum()
    in_towns = int(n_demand * 0.85)
    which = rng.choice(len(towns), in_towns, p=weight)
    spread = np.array([t[1] * 150.0 / 3 for t in towns])
    demand = np.array([t[0] for t in towns])[which] + rng.normal(0, 1, (in_towns, 2)) * spread[which, None]
    rural = rural_points[rng.integers(len(rural_points), size=n_demand - in_towns)]
    demand = np.vstack([demand, rural + rng.normal(0, 500, rural.shape)])
    which = rng.choice(len(towns), n_services, p=weight)
    services = np.array([towns[t][2][rng.integers(len(towns[t][2]))] for t in which]) + rng.normal(
        0, 30, (n_services, 2)
    )
    return demand, services


def write_lines(path: Path, lines, directions, classes) -> None:
    csv_path = path.with_suffix(".roads.csv")
    wkt = shapely.to_wkt(lines, rounding_precision=3)
    with csv_path.open("w") as fh:
        fh.write("WKT,road_id,oneway,class\n")
        # Row by row: a fixed-width string array would be as wide as the longest highway's WKT.
        fh.writelines(f'"{w}",{i},{d},{c}\n' for i, (w, d, c) in enumerate(zip(wkt, directions, classes), 1))
    src = gdal.OpenEx(
        str(csv_path), gdal.OF_VECTOR, open_options=["GEOM_POSSIBLE_NAMES=WKT", "KEEP_GEOM_COLUMNS=NO"]
    )
    gdal.VectorTranslate(str(path), src, layerName="roads", srcSRS="EPSG:3347", dstSRS="EPSG:3347",
                         geometryType="LINESTRING", accessMode="append" if path.exists() else None)  # fmt: skip
    src = None
    csv_path.unlink()


def write_points(path: Path, layer: str, xy: np.ndarray, prefix: str) -> None:
    csv_path = path.with_suffix(f".{layer}.csv")
    ids = np.char.add(prefix, np.arange(len(xy)).astype(str))
    with csv_path.open("w") as fh:
        fh.write("point_id,x,y\n")
        np.savetxt(fh, np.column_stack([ids, xy[:, 0].round(3), xy[:, 1].round(3)]), fmt="%s", delimiter=",")
    src = gdal.OpenEx(str(csv_path), gdal.OF_VECTOR,
                      open_options=["X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y", "KEEP_GEOM_COLUMNS=NO"])  # fmt: skip
    gdal.VectorTranslate(str(path), src, accessMode="append" if path.exists() else None, layerName=layer,
                         srcSRS="EPSG:3347", dstSRS="EPSG:3347")  # fmt: skip
    src = None
    csv_path.unlink()


def qgis_graph_builder(roads_layer, demand_xy, service_xy):
    """crs:networkdistance as it was before the engine: QGIS's director and graph builder tie the
    points and build the graph; one multi-source Dijkstra (SciPy) from the service points."""
    from qgis.analysis import QgsGraphBuilder, QgsNetworkDistanceStrategy, QgsVectorLayerDirector
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY, QgsProcessingContext
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    from crs_plugin.processing.road_network import network_ellipsoid

    director = QgsVectorLayerDirector(roads_layer, -1, "", "", "", QgsVectorLayerDirector.DirectionBoth)
    director.addStrategy(QgsNetworkDistanceStrategy())
    # Lengths on the ellipsoid the running QGIS's network analysis uses (WGS 84 up to 3.36, the
    # Processing context's from 3.38: planar here, where no project sets one), as crs:networkdistance does.
    ellipsoid = network_ellipsoid(QgsProcessingContext()) or "NONE"
    builder = QgsGraphBuilder(QgsCoordinateReferenceSystem("EPSG:3347"), True, 0.0, ellipsoid)
    tied = director.makeGraph(
        builder, [QgsPointXY(float(x), float(y)) for x, y in np.vstack([demand_xy, service_xy])]
    )
    graph = builder.graph()
    n_vertices, n, m = graph.vertexCount(), len(demand_xy), len(service_xy)
    tie_xy = np.array([[p.x(), p.y()] for p in tied])
    tie_vertex = np.array([graph.findVertex(p) for p in tied])
    edges = np.array(
        [(e.fromVertex(), e.toVertex(), e.cost(0)) for e in map(graph.edge, range(graph.edgeCount()))]
    )
    egress = np.maximum(np.hypot(*(service_xy - tie_xy[n:]).T), 1e-9)
    rows = np.concatenate([edges[:, 0], n_vertices + np.arange(m)]).astype(np.int64)
    cols = np.concatenate([edges[:, 1], tie_vertex[n:]]).astype(np.int64)
    matrix = csr_matrix((np.concatenate([np.maximum(edges[:, 2], 1e-9), egress]), (rows, cols)),
                        shape=(n_vertices + m,) * 2)  # fmt: skip
    dist, _, sources = dijkstra(
        matrix, indices=n_vertices + np.arange(m), min_only=True, return_predecessors=True
    )
    reach, chosen = dist[tie_vertex[:n]], sources[tie_vertex[:n]] - n_vertices
    found = np.isfinite(reach) & (chosen >= 0)
    return np.where(found, chosen, -1), np.where(found, reach - egress[np.where(found, chosen, 0)], np.nan)


def pandana_nearest(node_xy, seg_a, seg_b, length, demand_nodes_xy, service_nodes_xy, max_m):
    import pandas as pd
    from pandana import Network

    nodes = pd.DataFrame({"x": node_xy[:, 0], "y": node_xy[:, 1]})
    edges = pd.DataFrame({"from": seg_a, "to": seg_b, "length": length})
    net = Network(nodes.x, nodes.y, edges["from"], edges["to"], edges[["length"]], twoway=True)
    demand_ids = net.get_node_ids(pd.Series(demand_nodes_xy[:, 0]), pd.Series(demand_nodes_xy[:, 1]))
    net.set_pois("services", max_m, 1, pd.Series(service_nodes_xy[:, 0]), pd.Series(service_nodes_xy[:, 1]))
    found = net.nearest_pois(max_m, "services", num_pois=1)
    return found.loc[demand_ids.values, 1].to_numpy(dtype=float)


def run(processing, tmp: Path, segments: int, n: int, m: int, with_qgis: bool, native_samples: int) -> None:
    from qgis.core import QgsVectorLayer

    from crs_plugin.core.network.graph import build_network, nearest_by_network, segments_of

    rng = np.random.default_rng(7)
    lines, directions, classes, towns, rural = synthetic_roads(segments)
    demand_xy, service_xy = demand_and_services(rng, towns, rural, n, m)
    # The positions as the files hold them (millimetres), for every side of the comparison.
    demand_xy, service_xy = demand_xy.round(3), service_xy.round(3)
    data = tmp / f"roads_{segments}.gpkg"
    write_lines(
        data, lines, np.zeros_like(directions), classes
    )  # both directions: as the baselines read them
    write_points(data, "demand", demand_xy, "d")
    write_points(data, "services", service_xy, "s")
    k = len(segments_of(lines)[0])
    name = f"network_{size(k)}_segments_x_{size(n)}_x_{size(m)}"
    out = tmp / f"nearest_{segments}.gpkg"

    from qgis.core import QgsSettings

    cache = tmp / "cache"
    QgsSettings().setValue("crs_service_points/cache_folder", str(cache))

    def ours(cold=True):
        if cold:  # the graph built from the roads every time, as the first analysis on them does
            shutil.rmtree(cache, ignore_errors=True)
        if out.exists():
            out.unlink()
        return processing.run("crs:networkdistance", {
            "INPUT": f"{data}|layername=demand", "SERVICE_POINTS": f"{data}|layername=services",
            "ROADS": f"{data}|layername=roads", "OUTPUT": str(out)})  # fmt: skip

    ours_s, _ = timed(ours)
    ours_cached_s, _ = timed(lambda: ours(cold=False))
    from osgeo import ogr

    ds = ogr.Open(str(out))
    rows = {
        f.GetField("point_id"): (f.GetField("nearest_id"), f.GetField("network_m")) for f in ds.GetLayer(0)
    }
    ds = None
    ours_index = np.array([-1 if rows[f"d{i}"][0] is None else int(rows[f"d{i}"][0][1:]) for i in range(n)])
    ours_network = np.array([np.nan if rows[f"d{i}"][1] is None else rows[f"d{i}"][1] for i in range(n)])
    roads = QgsVectorLayer(f"{data}|layername=roads", "roads", "ogr")
    if not with_qgis:  # the previous path takes hours at this size: our time against the target
        report(name=name, ours_s=round(ours_s, 2), ours_cached_graph_s=round(ours_cached_s, 2),
               baseline="target 15 s end to end, < 2 GB",
               target_met=bool(ours_s < 15 and peak_rss_mb() < 2048), reached=int((ours_index >= 0).sum()),
               peak_rss_mb=round(peak_rss_mb()))  # fmt: skip
    if with_qgis:
        qgis_s, (index, network) = timed(lambda: qgis_graph_builder(roads, demand_xy, service_xy))
        found = index >= 0
        diff = np.nanmax(np.abs(ours_network[found] - network[found])) if found.any() else 0.0
        report(name=name, ours_s=round(ours_s, 2), ours_cached_graph_s=round(ours_cached_s, 2),
               baseline="QGIS graph builder (previous crs:networkdistance)",
               baseline_s=round(qgis_s, 2), speedup=round(qgis_s / ours_s, 1),
               agree=bool((ours_index == index).all() and diff <= 1e-6), max_abs_diff=float(diff),
               peak_rss_mb=round(peak_rss_mb()))  # fmt: skip
    if native_samples:
        diffs = []
        for i in np.random.default_rng(1).choice(n, native_samples, replace=False):
            if ours_index[i] < 0:
                continue
            x, y = demand_xy[i]
            native = processing.run("native:shortestpathpointtolayer", {
                "INPUT": roads, "STRATEGY": 0, "START_POINT": f"{x},{y} [EPSG:3347]",
                "END_POINTS": f"{data}|layername=services", "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
            cost = {f["point_id"]: f["cost"] for f in native.getFeatures()}
            diffs.append(abs(cost[f"s{ours_index[i]}"] - ours_network[i]))
        report(name=name + "_native_sample", compared=len(diffs), baseline="native:shortestpathpointtolayer",
               agree=bool(max(diffs, default=0) <= 1e-6), max_abs_diff=float(max(diffs, default=0)))  # fmt: skip
    # pandana: points moved onto network nodes so that both tie them to the same node.
    segs, owner = segments_of(lines)
    net = build_network(segs, owner, ellipsoid=None)
    tree = cKDTree(net.node_xy)
    demand_nodes = net.node_xy[tree.query(demand_xy)[1]]
    service_nodes = net.node_xy[np.unique(tree.query(service_xy)[1])]
    max_m = 2_000_000.0

    def ours_nodes():
        built = build_network(segs, owner, ellipsoid=None)
        return nearest_by_network(built, demand_nodes, service_nodes)

    def theirs_nodes():
        built = build_network(segs, owner, ellipsoid=None)  # the same node and length arrays for both
        return pandana_nearest(built.node_xy, built.seg_a, built.seg_b, built.seg_length, demand_nodes,
                               service_nodes, max_m)  # fmt: skip

    ours_nodes_s, result = timed(ours_nodes)
    pandana_s, theirs = timed(theirs_nodes)
    reachable = np.isfinite(result.network) & (theirs < max_m)
    diff = np.abs(result.network[reachable] - theirs[reachable])
    relative = float((diff / np.maximum(result.network[reachable], 1.0)).max()) if reachable.any() else 0.0
    # pandana keeps distances in single precision: equal to 1e-5 of the distance is equal for it.
    report(name=name + "_on_nodes", ours_s=round(ours_nodes_s, 2), baseline="pandana 0.8 nearest_pois",
           baseline_s=round(pandana_s, 2), speedup=round(pandana_s / ours_nodes_s, 2),
           agree=bool(relative <= 1e-5 and (np.isfinite(result.network) == (theirs < max_m)).all()),
           max_abs_diff=float(diff.max(initial=0.0)), max_rel_diff=relative, peak_rss_mb=round(peak_rss_mb()))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a size that finishes in under a minute")
    quick = parser.parse_args().quick
    app, processing, plugin = start_qgis()
    tmp = Path(tempfile.mkdtemp(prefix="crs_bench_network_"))
    if quick:
        run(processing, tmp, 40_000, 5_000, 100, with_qgis=True, native_samples=5)
    else:
        run(processing, tmp, 200_000, 57_000, 600, with_qgis=True, native_samples=20)
        run(processing, tmp, 1_000_000, 57_000, 600, with_qgis=False, native_samples=0)


if __name__ == "__main__":
    main()
