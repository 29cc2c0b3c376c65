"""The array-built road network engine against QGIS's own network analysis."""

from __future__ import annotations

import numpy as np
import processing
import pytest
import shapely
from qgis.core import NULL, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from crs_plugin.core.network.graph import (
    BACKWARD,
    FORWARD,
    build_network,
    nearest_by_network,
    segments_of,
)


def value(v):
    return None if v is None or v == NULL else v


# -- the engine on hand-made networks (planar lengths: exact arithmetic) ---------------------


def network(lines, tolerance=0.0, direction=None, speed=None):
    segments, owner = segments_of(np.array([shapely.LineString(line) for line in lines], dtype=object))
    return build_network(segments, owner, tolerance, ellipsoid=None, direction=direction, speed_kmh=speed)


def test_points_on_the_same_road_go_straight_along_it():
    net = network([[(0, 0), (1000, 0)]])
    got = nearest_by_network(net, [(200, 10)], [(700, -5)])
    assert got.index.tolist() == [0]
    assert got.network[0] == pytest.approx(500.0) and got.access[0] == pytest.approx(10.0)
    assert got.egress[0] == pytest.approx(5.0) and got.total[0] == pytest.approx(515.0)


def test_one_way_roads_are_followed():
    # A loop: the direct road from A's end to S is one way (towards A), so the trip goes round.
    lines = [[(0, 0), (1000, 0)], [(1000, 0), (1000, 1000)], [(1000, 1000), (0, 1000)], [(0, 1000), (0, 0)]]
    both = nearest_by_network(network(lines), [(0, 0)], [(1000, 0)])
    assert both.network[0] == pytest.approx(1000.0)
    one_way = nearest_by_network(
        network(lines, direction=np.array([BACKWARD, 0, 0, 0])), [(0, 0)], [(1000, 0)]
    )
    assert one_way.network[0] == pytest.approx(3000.0)
    with_flow = nearest_by_network(
        network(lines, direction=np.array([FORWARD, 0, 0, 0])), [(0, 0)], [(1000, 0)]
    )
    assert with_flow.network[0] == pytest.approx(1000.0)


def test_tolerance_joins_road_ends_and_parallel_roads_keep_the_shorter():
    gap = [[(0, 0), (1000, 0)], [(1000.4, 0), (2000, 0)]]
    assert nearest_by_network(network(gap), [(0, 0)], [(2000, 0)]).index.tolist() == [-1]
    joined = nearest_by_network(network(gap, tolerance=0.5), [(0, 0)], [(2000, 0)])
    assert joined.index.tolist() == [0] and joined.network[0] == pytest.approx(2000.0, abs=0.5)
    parallel = [[(0, 0), (1000, 0)], [(0, 0), (500, 500), (1000, 0)]]
    assert nearest_by_network(network(parallel), [(0, 0)], [(1000, 0)]).network[0] == pytest.approx(1000.0)


def test_travel_time_prefers_the_faster_road():
    lines = [[(0, 0), (10_000, 0)], [(0, 0), (0, 5000), (10_000, 5000), (10_000, 0)]]
    slow_direct = nearest_by_network(network(lines, speed=np.array([30.0, 100.0])), [(0, 0)], [(10_000, 0)],
                                     cost="time")  # fmt: skip
    assert slow_direct.network[0] == pytest.approx(20_000 / (100 / 3.6))  # the 20 km detour at 100 km/h
    fast_direct = nearest_by_network(network(lines, speed=np.array([90.0, 100.0])), [(0, 0)], [(10_000, 0)],
                                     cost="time")  # fmt: skip
    assert fast_direct.network[0] == pytest.approx(10_000 / (90 / 3.6))


def test_unreachable_and_missing_points():
    net = network([[(0, 0), (1000, 0)], [(5000, 0), (6000, 0)]])
    got = nearest_by_network(net, [(0, 0), (np.nan, np.nan), (6000, 0)], [(1000, 0)])
    assert got.index.tolist() == [0, -1, -1]
    assert np.isnan(got.network[1:]).all() and np.isnan(got.total[1:]).all()


# -- against QGIS's native shortest path, on the sample's road network -----------------------


def points_layer(xy, ids):
    layer = QgsVectorLayer("Point?crs=EPSG:3347&field=point_id:string", "p", "memory")
    features = []
    for (x, y), pid in zip(xy, ids):
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        f.setAttributes([pid])
        features.append(f)
    layer.dataProvider().addFeatures(features)
    return layer


def test_network_distance_equals_qgis_shortest_path_on_sample_roads(crs_provider, sample_roads, census_copy,
                                                                     sample_store):  # fmt: skip
    census = QgsVectorLayer(f"{census_copy}|layername=dissemination_areas", "census", "ogr")
    nb = [f for f in census.getFeatures() if f["PRUID"] == "13"]
    rng = np.random.default_rng(7)
    picked = [nb[i] for i in rng.choice(len(nb), 12, replace=False)]
    demand_xy = np.array([[f.geometry().centroid().asPoint().x(), f.geometry().centroid().asPoint().y()]
                          for f in picked])  # fmt: skip
    services = processing.run("native:reprojectlayer", {
        "INPUT": f"{sample_store}|layername=service_points", "TARGET_CRS": "EPSG:3347", "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    services.setSubsetString("\"jurisdiction\" = 'NB'")
    ids = [f["point_id"] for f in services.getFeatures()]
    service_xy = [(f.geometry().asPoint().x(), f.geometry().asPoint().y()) for f in services.getFeatures()]
    service_layer = points_layer(service_xy, ids)
    demand_ids = [f"A{i}" for i in range(len(picked))]
    ours = processing.run("crs:networkdistance", {"INPUT": points_layer(demand_xy, demand_ids),
                                                  "SERVICE_POINTS": service_layer, "ROADS": sample_roads,
                                                  "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
    rows = {f["point_id"]: f for f in ours.getFeatures()}
    compared = 0
    for pid, (x, y) in zip(demand_ids, demand_xy):
        native = processing.run("native:shortestpathpointtolayer", {
            "INPUT": sample_roads, "STRATEGY": 0, "START_POINT": f"{x},{y} [EPSG:3347]", "END_POINTS": service_layer,
            "TOLERANCE": 0, "OUTPUT": "memory:"})["OUTPUT"]  # fmt: skip
        cost = {f["point_id"]: f["cost"] for f in native.getFeatures() if value(f["cost"]) is not None}
        row = rows[pid]
        if not cost:
            assert value(row["nearest_id"]) is None
            continue
        assert row["network_m"] == pytest.approx(cost[row["nearest_id"]], abs=1e-6)
        compared += 1
    assert compared >= 8


def qgis_graph_builder_nearest(roads, demand_xy, service_xy):
    """Nearest service by road as crs:networkdistance computed it before the engine: QGIS's
    director and graph builder (tie points, WGS 84 lengths), one multi-source Dijkstra."""
    from qgis.analysis import QgsGraphBuilder, QgsNetworkDistanceStrategy, QgsVectorLayerDirector
    from qgis.core import QgsCoordinateReferenceSystem
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    director = QgsVectorLayerDirector(roads, -1, "", "", "", QgsVectorLayerDirector.DirectionBoth)
    director.addStrategy(QgsNetworkDistanceStrategy())
    builder = QgsGraphBuilder(QgsCoordinateReferenceSystem("EPSG:3347"), True, 0.0, "WGS84")
    tie_input = np.vstack([demand_xy, service_xy])
    tied = director.makeGraph(builder, [QgsPointXY(float(x), float(y)) for x, y in tie_input])
    graph = builder.graph()
    n_vertices = graph.vertexCount()
    tie_xy = np.array([[p.x(), p.y()] for p in tied])
    tie_vertex = np.array([graph.findVertex(p) for p in tied])
    edges = np.array(
        [(e.fromVertex(), e.toVertex(), e.cost(0)) for e in map(graph.edge, range(graph.edgeCount()))]
    )
    n, m = len(demand_xy), len(service_xy)
    egress = np.maximum(np.hypot(*(service_xy - tie_xy[n:]).T), 1e-9)
    rows = np.concatenate([edges[:, 0], n_vertices + np.arange(m)]).astype(np.int64)
    cols = np.concatenate([edges[:, 1], tie_vertex[n:]]).astype(np.int64)
    matrix = csr_matrix((np.concatenate([np.maximum(edges[:, 2], 1e-9), egress]), (rows, cols)),
                        shape=(n_vertices + m, n_vertices + m))  # fmt: skip
    dist, _, sources = dijkstra(
        matrix, indices=n_vertices + np.arange(m), min_only=True, return_predecessors=True
    )
    reach = dist[tie_vertex[:n]]
    chosen = sources[tie_vertex[:n]] - n_vertices
    found = np.isfinite(reach) & (chosen >= 0)
    network = np.where(found, reach - egress[np.where(found, chosen, 0)], np.nan)
    return np.where(found, chosen, -1), network


def test_engine_equals_the_qgis_graph_builder_path(sample_roads, census_copy, sample_store):
    """The engine against the previous implementation (QGIS's graph builder) on many points."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext

    from crs_plugin.processing.road_network import lonlat_transform

    census = QgsVectorLayer(f"{census_copy}|layername=dissemination_areas", "census", "ogr")
    centroids = shapely.centroid(shapely.from_wkb([bytes(f.geometry().asWkb()) for f in census.getFeatures()
                                                   if f["PRUID"] == "13"]))  # fmt: skip
    demand_xy = shapely.get_coordinates(centroids)[::4]
    rng = np.random.default_rng(3)
    service_xy = demand_xy[rng.choice(len(demand_xy), 25, replace=False)] + rng.normal(0, 300, (25, 2))
    old_index, old_network = qgis_graph_builder_nearest(sample_roads, demand_xy, service_xy)
    # The previous implementation measured on WGS 84 whatever the QGIS release.
    to_lonlat, ellipsoid = lonlat_transform(
        QgsCoordinateReferenceSystem("EPSG:3347"), QgsProcessingContext(), "WGS84"
    )
    lines = shapely.from_wkb([bytes(f.geometry().asWkb()) for f in sample_roads.getFeatures()])
    segments, owner = segments_of(lines)
    net = build_network(segments, owner, 0.0, to_lonlat, ellipsoid)
    new = nearest_by_network(net, demand_xy, service_xy, to_lonlat=to_lonlat)
    assert (new.index == old_index).all()
    found = old_index >= 0
    assert found.sum() > 0.9 * len(found)
    np.testing.assert_allclose(new.network[found], old_network[found], rtol=0, atol=1e-6)
