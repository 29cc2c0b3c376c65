"""A road network built from coordinate arrays, and shortest paths over it with SciPy.

The graph is the one QGIS's network analysis builds from the same lines (its vector
layer director and graph builder): every vertex of a line is a node, vertices closer
than the topology tolerance are one node, each pair of consecutive vertices is an edge
whose length is the geodesic distance on the ellipsoid between its ends (the planar
distance when no ellipsoid is used), and a point is tied to the nearest position on the
nearest segment, which is split there. Building it takes array operations only, so a
province's roads (a million segments) take seconds instead of the minutes that tying
every point to every segment takes.

Coordinates are in a projected CRS in metres (the graph CRS). Geodesic lengths need the
positions in longitude/latitude on the ellipsoid: the caller gives a function that
transforms (n, 2) graph coordinates to them (QGIS's transform, in the Processing glue),
so that the core stays free of QGIS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from ..errors import AnalysisError
from ..i18n import tr

#: Direction codes of a segment: travelled both ways, from its first vertex to its last, or back.
BOTH, FORWARD, BACKWARD = 0, 1, 2
#: Zero-length links stay edges: SciPy reads an explicit zero weight in a sparse graph as no edge.
_ZERO = 1e-9

ToLonLat = Callable[[np.ndarray], np.ndarray]


@dataclass
class Ellipsoid:
    """An ellipsoid for geodesic lengths, by semi-major axis (m) and inverse flattening."""

    semi_major: float
    inverse_flattening: float
    _geod: object = field(default=None, init=False, repr=False, compare=False)

    def lengths(self, lonlat_a: np.ndarray, lonlat_b: np.ndarray) -> np.ndarray:
        """Geodesic distances (Karney's algorithm, as QGIS's QgsDistanceArea) between point pairs."""
        if self._geod is None:
            import pyproj

            self._geod = pyproj.Geod(a=self.semi_major, rf=self.inverse_flattening)
        if len(lonlat_a) == 0:
            return np.zeros(0)
        _, _, distance = self._geod.inv(lonlat_a[:, 0], lonlat_a[:, 1], lonlat_b[:, 0], lonlat_b[:, 1])
        return np.asarray(distance, dtype=float)


WGS84 = Ellipsoid(6378137.0, 298.257223563)


@dataclass
class RoadNetwork:
    """Nodes and segments of a road network (graph CRS coordinates, metres)."""

    node_xy: np.ndarray  # (n, 2)
    node_lonlat: np.ndarray | None  # (n, 2) on the ellipsoid, or None for planar lengths
    seg_a: np.ndarray  # (k,) node at the segment's first vertex
    seg_b: np.ndarray  # (k,) node at its second vertex
    seg_length: np.ndarray  # (k,) metres
    seg_speed: np.ndarray | None  # (k,) km/h, or None when only distances are asked
    seg_direction: np.ndarray  # (k,) BOTH / FORWARD / BACKWARD
    seg_feature: np.ndarray  # (k,) index of the input line the segment comes from
    ellipsoid: Ellipsoid | None = None
    _tree: object = field(default=None, init=False, repr=False, compare=False)

    @property
    def node_count(self) -> int:
        return len(self.node_xy)

    @property
    def segment_count(self) -> int:
        return len(self.seg_a)

    def segment_lines(self) -> np.ndarray:
        return shapely.linestrings(np.stack([self.node_xy[self.seg_a], self.node_xy[self.seg_b]], axis=1))

    def tree(self) -> shapely.STRtree:
        if self._tree is None:
            self._tree = shapely.STRtree(self.segment_lines())
        return self._tree


def segments_of(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Consecutive vertex pairs of (multi)line geometries: (k, 2, 2) coordinates and the
    index of the geometry each segment belongs to."""
    lines = np.asarray(lines, dtype=object)
    present = ~shapely.is_missing(lines) & ~shapely.is_empty(lines)
    parts, owner = shapely.get_parts(lines[present], return_index=True)
    owner = np.flatnonzero(present)[owner]
    coords, part = shapely.get_coordinates(parts, return_index=True)
    same_part = part[1:] == part[:-1]
    starts = np.flatnonzero(same_part)
    segments = np.stack([coords[starts], coords[starts + 1]], axis=1)
    return segments, owner[part[starts]]


def build_network(
    segments: np.ndarray,
    seg_feature: np.ndarray,
    tolerance: float = 0.0,
    to_lonlat: ToLonLat | None = None,
    ellipsoid: Ellipsoid | None = WGS84,
    direction: np.ndarray | None = None,
    speed_kmh: np.ndarray | None = None,
) -> RoadNetwork:
    """The network of ``segments`` ((k, 2, 2) coordinates), one per input line in ``seg_feature``.

    ``direction`` and ``speed_kmh`` are per input line (indexed by ``seg_feature``).
    Vertices closer than ``tolerance`` are joined into the first of them (in input order).
    """
    segments = np.asarray(segments, dtype=float).reshape(-1, 2, 2)
    seg_feature = np.asarray(seg_feature, dtype=np.int64)
    if len(segments) == 0:
        raise AnalysisError(tr("No network could be built: the road layer has no line segments."))
    vertices = segments.reshape(-1, 2)
    node_of_vertex, node_xy = _nodes(vertices, tolerance)
    seg_a, seg_b = node_of_vertex[0::2], node_of_vertex[1::2]
    # Segments reduced to one node by the tolerance carry nothing (QGIS skips them too).
    keep = seg_a != seg_b
    seg_a, seg_b, seg_feature = seg_a[keep], seg_b[keep], seg_feature[keep]
    node_lonlat = None
    if ellipsoid is not None:
        if to_lonlat is None:
            raise AnalysisError(tr("Geodesic lengths need the positions in longitude and latitude."))
        node_lonlat = np.asarray(to_lonlat(node_xy), dtype=float)
        length = ellipsoid.lengths(node_lonlat[seg_a], node_lonlat[seg_b])
    else:
        length = np.hypot(*(node_xy[seg_b] - node_xy[seg_a]).T)
    directions = np.zeros(len(seg_a), dtype=np.int8)
    if direction is not None:
        directions = np.asarray(direction, dtype=np.int8)[seg_feature]
    speeds = None
    if speed_kmh is not None:
        speeds = np.asarray(speed_kmh, dtype=float)[seg_feature]
    return RoadNetwork(node_xy, node_lonlat, seg_a, seg_b, length, speeds, directions, seg_feature, ellipsoid)


def _nodes(vertices: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Node id of each vertex and the node coordinates (first vertex of each group)."""
    if tolerance > 0:
        pairs = cKDTree(vertices).query_pairs(tolerance, output_type="ndarray")
        n = len(vertices)
        adjacency = csr_matrix((np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
        _, group = connected_components(adjacency, directed=False)
    else:
        # Exact coordinates: rows compared as one complex number each.
        _, group = np.unique(np.ascontiguousarray(vertices).view(np.complex128).ravel(), return_inverse=True)
    # Number the nodes by first appearance; each takes its first vertex's coordinates.
    first = np.full(group.max() + 1, len(vertices), dtype=np.int64)
    np.minimum.at(first, group, np.arange(len(vertices)))
    order = np.argsort(first, kind="stable")
    renumber = np.empty_like(order)
    renumber[order] = np.arange(len(order))
    return renumber[group], vertices[first[order]]


@dataclass
class Ties:
    """Where points join the network: the nearest position on the nearest segment."""

    segment: np.ndarray  # (p,) segment index, -1 for points that could not be tied
    fraction: np.ndarray  # (p,) position along the segment, 0 at seg_a, 1 at seg_b
    xy: np.ndarray  # (p, 2) the tie position
    distance: np.ndarray  # (p,) straight-line distance from the point to its tie position


def tie_points(network: RoadNetwork, points_xy: np.ndarray) -> Ties:
    points_xy = np.asarray(points_xy, dtype=float).reshape(-1, 2)
    p = len(points_xy)
    segment = np.full(p, -1, dtype=np.int64)
    fraction = np.zeros(p)
    xy = np.full((p, 2), np.nan)
    distance = np.full(p, np.nan)
    valid = np.isfinite(points_xy).all(axis=1)
    if p == 0 or not valid.any() or network.segment_count == 0:
        return Ties(segment, fraction, xy, distance)
    rows = np.flatnonzero(valid)
    # The first nearest segment in input order, as QGIS's director keeps the first strictly nearer one.
    point_index, seg_index = network.tree().query_nearest(shapely.points(points_xy[rows]), all_matches=True)
    first = np.ones(len(point_index), dtype=bool)
    order = np.lexsort((seg_index, point_index))
    point_index, seg_index = point_index[order], seg_index[order]
    first[1:] = point_index[1:] != point_index[:-1]
    point_index, seg_index = point_index[first], seg_index[first]
    a = network.node_xy[network.seg_a[seg_index]]
    b = network.node_xy[network.seg_b[seg_index]]
    q = points_xy[rows[point_index]]
    ab = b - a
    length2 = (ab**2).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        t = np.where(length2 > 0, ((q - a) * ab).sum(axis=1) / length2, 0.0)
    t = np.clip(t, 0.0, 1.0)
    at = a + t[:, None] * ab
    target = rows[point_index]
    segment[target] = seg_index
    fraction[target] = t
    xy[target] = at
    distance[target] = np.hypot(*(q - at).T)
    return Ties(segment, fraction, xy, distance)


@dataclass
class Graph:
    """A directed graph for SciPy: the network with tie points split into their segments.

    Nodes: the network's nodes, then one per distinct tie position; ``tie_node[i]`` is the
    node of point ``i`` given to :func:`with_ties` (-1 if it could not be tied).
    """

    rows: np.ndarray  # directed edges: from node
    cols: np.ndarray  # to node
    weights: np.ndarray  # cost
    tie_node: np.ndarray
    node_count: int
    node_xy: np.ndarray | None = None  # (node_count, 2): the network's nodes, then the split positions

    def matrix(self, extra_rows=(), extra_cols=(), extra_weights=(), extra_nodes: int = 0,
               reverse: bool = False) -> csr_matrix:  # fmt: skip
        """The graph as SciPy wants it, with optional extra edges to ``extra_nodes`` more nodes.

        ``reverse`` turns every road edge round: a search from the service points then
        follows trips *to* them (one-way roads taken the way people drive them).
        """
        roads_from, roads_to = (self.cols, self.rows) if reverse else (self.rows, self.cols)
        rows = np.concatenate([roads_from, np.asarray(extra_rows, dtype=np.int64)])
        cols = np.concatenate([roads_to, np.asarray(extra_cols, dtype=np.int64)])
        weights = np.concatenate([self.weights, np.asarray(extra_weights, dtype=float)])
        return _min_matrix(rows, cols, weights, self.node_count + extra_nodes)


def with_ties(
    network: RoadNetwork, ties: Ties, cost: str = "distance", to_lonlat: ToLonLat | None = None
) -> Graph:
    """The network's graph with every tied point's segment split at its position.

    ``cost`` is "distance" (metres) or "time" (seconds, from the segments' speeds).
    """
    if cost == "time" and network.seg_speed is None:
        raise AnalysisError(tr("Travel time needs a speed for each road."))
    n = network.node_count
    tied = np.flatnonzero(ties.segment >= 0)
    tie_node = np.full(len(ties.segment), -1, dtype=np.int64)
    # Ties at a segment's end are that end node (QGIS finds the existing vertex there).
    at_a = tied[ties.fraction[tied] <= 0.0]
    at_b = tied[ties.fraction[tied] >= 1.0]
    tie_node[at_a] = network.seg_a[ties.segment[at_a]]
    tie_node[at_b] = network.seg_b[ties.segment[at_b]]
    inner = tied[(ties.fraction[tied] > 0.0) & (ties.fraction[tied] < 1.0)]
    # One node per distinct position on a segment, ordered along it.
    keys = np.stack([ties.segment[inner].astype(float), ties.fraction[inner]], axis=1)
    unique_keys, first_index, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    new_nodes = n + np.arange(len(unique_keys))
    tie_node[inner] = new_nodes[inverse.ravel()]
    split_segment = unique_keys[:, 0].astype(np.int64)
    split_xy = ties.xy[inner[first_index]]

    # Segments without ties keep one edge; split segments become chains a -> t1 -> ... -> b.
    k = network.segment_count
    is_split = np.zeros(k, dtype=bool)
    is_split[split_segment] = True
    plain = np.flatnonzero(~is_split)
    # unique_keys is sorted by segment then fraction: chains are runs of equal segments.
    change = split_segment[1:] != split_segment[:-1]
    run_start = np.r_[True, change] if len(split_segment) else np.zeros(0, dtype=bool)
    run_end = np.r_[change, True] if len(split_segment) else np.zeros(0, dtype=bool)
    chain_from = np.concatenate([network.seg_a[split_segment[run_start]], new_nodes[~run_end]])
    chain_to = np.concatenate([new_nodes[run_start], new_nodes[~run_start]])
    chain_seg = np.concatenate([split_segment[run_start], split_segment[~run_start]])
    chain_from = np.concatenate([chain_from, new_nodes[run_end]])
    chain_to = np.concatenate([chain_to, network.seg_b[split_segment[run_end]]])
    chain_seg = np.concatenate([chain_seg, split_segment[run_end]])

    node_xy = np.vstack([network.node_xy, split_xy])
    if network.ellipsoid is not None:
        if len(split_xy) and to_lonlat is None:
            raise AnalysisError(tr("Geodesic lengths need the positions in longitude and latitude."))
        split_lonlat = np.asarray(to_lonlat(split_xy), dtype=float) if len(split_xy) else np.zeros((0, 2))
        node_lonlat = np.vstack([network.node_lonlat, split_lonlat])
        chain_length = network.ellipsoid.lengths(node_lonlat[chain_from], node_lonlat[chain_to])
    else:
        chain_length = np.hypot(*(node_xy[chain_to] - node_xy[chain_from]).T)

    src = np.concatenate([network.seg_a[plain], chain_from])
    dst = np.concatenate([network.seg_b[plain], chain_to])
    seg = np.concatenate([plain, chain_seg])
    length = np.concatenate([network.seg_length[plain], chain_length])
    weight = length if cost == "distance" else length / (network.seg_speed[seg] / 3.6)
    direction = network.seg_direction[seg]
    forward = direction != BACKWARD
    backward = direction != FORWARD
    rows = np.concatenate([src[forward], dst[backward]])
    cols = np.concatenate([dst[forward], src[backward]])
    weights = np.concatenate([weight[forward], weight[backward]])
    return Graph(rows, cols, weights, tie_node, n + len(unique_keys), node_xy)


def _min_matrix(rows, cols, weights, size: int) -> csr_matrix:
    """A CSR matrix keeping the cheapest of parallel edges (SciPy would add them up), built
    straight from the sorted edges (no COO conversion, which sorts again)."""
    usable = np.isfinite(weights) & (weights >= 0)
    rows, cols, weights = rows[usable].astype(np.int64), cols[usable].astype(np.int64), weights[usable]
    key = rows * size + cols
    order = np.argsort(key, kind="stable")
    key, weights = key[order], weights[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else np.zeros(0, np.int64)
    cheapest = np.maximum(np.minimum.reduceat(weights, starts), _ZERO) if len(key) else np.zeros(0)
    first = key[starts]
    indptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(first // size, minlength=size), out=indptr[1:])
    return csr_matrix((cheapest, first % size, indptr), shape=(size, size))


@dataclass(frozen=True)
class NetworkNearest:
    """For each demand point: its nearest service point by the network and the legs of the trip.

    Costs are in the search's unit: metres for distance, seconds for travel time (the legs
    to and from the road at the speed of the road they join).
    """

    index: np.ndarray  # (n,) service index, -1 when none is reachable
    network: np.ndarray  # (n,) cost along the roads
    access: np.ndarray  # (n,) straight line from the demand point to the road (m)
    egress: np.ndarray  # (n,) straight line from the road to the service point (m)
    total: np.ndarray  # (n,) cost of the whole trip: access + roads + egress


@dataclass
class _Trips:
    """Demand and service points tied into the graph, ready for searches from the services.

    Each tied service point is a virtual node joined to its tie node by its egress leg, and
    the roads are reversed: a search from a service follows trips *to* it.
    """

    graph: Graph
    demand_node: np.ndarray  # (n,) tie node of each demand point (-1: not tied)
    services: np.ndarray  # service indexes that are tied (the virtual nodes, in order)
    virtual: np.ndarray  # their virtual nodes
    access: np.ndarray  # (n,) metres
    access_cost: np.ndarray  # (n,) in the cost's unit
    egress: np.ndarray  # (m,) metres
    egress_cost: np.ndarray  # (m,) in the cost's unit
    matrix: csr_matrix


def _trips(network: RoadNetwork, demand_xy, service_xy, cost: str, to_lonlat: ToLonLat | None) -> _Trips:
    demand_xy = np.asarray(demand_xy, dtype=float).reshape(-1, 2)
    service_xy = np.asarray(service_xy, dtype=float).reshape(-1, 2)
    n = len(demand_xy)
    ties = tie_points(network, np.vstack([demand_xy, service_xy]))
    graph = with_ties(network, ties, cost, to_lonlat)
    leg_cost = ties.distance.copy()
    if cost == "time":
        tied = ties.segment >= 0
        with np.errstate(divide="ignore"):
            leg_cost[tied] = ties.distance[tied] / (network.seg_speed[ties.segment[tied]] / 3.6)
    service_node = graph.tie_node[n:]
    services = np.flatnonzero(service_node >= 0)
    virtual = graph.node_count + np.arange(len(services))
    matrix = graph.matrix(
        virtual, service_node[services], leg_cost[n:][services], len(services), reverse=True
    )
    return _Trips(graph, graph.tie_node[:n], services, virtual, ties.distance[:n], leg_cost[:n], ties.distance[n:],
                  leg_cost[n:], matrix)  # fmt: skip


def nearest_by_network(
    network: RoadNetwork,
    demand_xy: np.ndarray,
    service_xy: np.ndarray,
    cost: str = "distance",
    to_lonlat: ToLonLat | None = None,
) -> NetworkNearest:
    """One multi-source Dijkstra from every service point: each demand point's nearest
    service is the one with the least roads + egress (as crs:networkdistance always chose)."""
    trips = _trips(network, demand_xy, service_xy, cost, to_lonlat)
    n = len(trips.demand_node)
    index = np.full(n, -1, dtype=np.int64)
    along = np.full(n, np.nan)
    if len(trips.services) and n:
        dist, _, source = dijkstra(trips.matrix, directed=True, indices=trips.virtual, min_only=True,
                                   return_predecessors=True)  # fmt: skip
        reached = np.flatnonzero(trips.demand_node >= 0)
        node = trips.demand_node[reached]
        found = np.isfinite(dist[node]) & (source[node] >= trips.graph.node_count)
        chosen = source[node[found]] - trips.graph.node_count
        index[reached[found]] = trips.services[chosen]
        along[reached[found]] = dist[node[found]] - np.maximum(
            trips.egress_cost[trips.services[chosen]], _ZERO
        )
    found = index >= 0
    pick = np.where(found, index, 0)
    egress = np.where(found, trips.egress[pick], np.nan) if len(trips.egress) else np.full(n, np.nan)
    egress_cost = (
        np.where(found, trips.egress_cost[pick], np.nan) if len(trips.egress) else np.full(n, np.nan)
    )
    along = np.where(found, np.maximum(along, 0.0), np.nan)
    access = np.where(found, trips.access, np.nan)
    total = np.where(found, trips.access_cost, np.nan) + along + egress_cost
    return NetworkNearest(index, along, access, egress, total)


def within_by_network(
    network: RoadNetwork,
    demand_xy: np.ndarray,
    supply_xy: np.ndarray,
    limit: float,
    cost: str = "distance",
    to_lonlat: ToLonLat | None = None,
    chunk: int = 16,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (demand, supply) pair whose whole trip (access + roads + egress) costs at most
    ``limit``: bounded Dijkstra searches from the supply points, a few at a time (each
    search's row spans the whole graph)."""
    trips = _trips(network, demand_xy, supply_xy, cost, to_lonlat)
    tied = np.flatnonzero(trips.demand_node >= 0)
    columns = trips.demand_node[tied]
    found_d, found_s, found_c = [], [], []
    for start in range(0, len(trips.services), chunk):
        sources = trips.virtual[start : start + chunk]
        dist = dijkstra(trips.matrix, directed=True, indices=sources, limit=limit)
        total = dist[:, columns] + trips.access_cost[tied][None, :]
        row, col = np.nonzero(total <= limit)
        found_d.append(tied[col])
        found_s.append(trips.services[start + row])
        found_c.append(total[row, col])
    if not found_d:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
    return np.concatenate(found_d), np.concatenate(found_s), np.concatenate(found_c)


@dataclass(frozen=True)
class ServiceArea:
    """The roads from which a service point is reached within each limit (a map of reach)."""

    lines: np.ndarray  # shapely LineStrings: whole or partial road pieces
    service: np.ndarray  # index of the nearest service point of each piece
    limit: np.ndarray  # the smallest limit each piece is within
    cost: np.ndarray  # the trip's cost from the piece's far end (the most it takes)


def service_area(
    network: RoadNetwork,
    service_xy: np.ndarray,
    limits,
    cost: str = "distance",
    to_lonlat: ToLonLat | None = None,
) -> ServiceArea:
    """Road pieces within each limit of the nearest service point, as QGIS's service-area
    algorithms draw them: whole roads where both ends are reached, the reached part of a road
    where only one end is (cut where the remaining cost runs out). Trips go *to* the services,
    so one-way roads count the way people drive them; the egress leg is part of the cost."""
    limits = np.sort(np.asarray(limits, dtype=float))
    trips = _trips(network, np.zeros((0, 2)), service_xy, cost, to_lonlat)
    empty = ServiceArea(np.array([], dtype=object), np.zeros(0, np.int64), np.zeros(0), np.zeros(0))
    if len(trips.services) == 0 or len(limits) == 0:
        return empty
    dist, _, source = dijkstra(trips.matrix, directed=True, indices=trips.virtual, min_only=True,
                               limit=limits[-1], return_predecessors=True)  # fmt: skip
    graph = trips.graph
    # Directed road edges x -> y: a point at t along the edge reaches the service in
    # (1 - t) * w + dist[y], so the part within L is the last (L - dist[y]) / w of the edge.
    x, y, w = graph.rows, graph.cols, np.maximum(graph.weights, _ZERO)
    # The two directions of a two-way road: where their parts meet, the whole road is reached.
    key = np.minimum(x, y) * graph.node_count + np.maximum(x, y)
    order = np.argsort(key, kind="stable")
    pair = np.full(len(x), -1, dtype=np.int64)
    same = np.flatnonzero((key[order][1:] == key[order][:-1]) & (x[order][1:] == y[order][:-1]))
    pair[order[same]], pair[order[same + 1]] = order[same + 1], order[same]
    pieces, services, bands, costs = [], [], [], []
    for limit in limits:
        with np.errstate(invalid="ignore"):
            part = np.clip((limit - dist[y]) / w, 0.0, 1.0)
        part[~np.isfinite(part)] = 0.0
        # A two-way road reached from both ends over its whole length: one piece, not two.
        whole = (pair >= 0) & (part + part[np.maximum(pair, 0)] >= 1.0)
        part[whole & (pair < np.arange(len(x)))] = 0.0  # the pair's other edge draws it
        part[whole & (pair > np.arange(len(x)))] = 1.0
        keep = np.flatnonzero(part > 0)
        a, b = graph.node_xy[x[keep]], graph.node_xy[y[keep]]
        begin = b + part[keep, None] * (a - b)
        pieces.append(shapely.linestrings(np.stack([begin, b], axis=1)))
        services.append(trips.services[source[y[keep]] - graph.node_count])
        bands.append(np.full(len(keep), limit))
        far_end = dist[y[keep]] + part[keep] * w[keep]
        # A whole two-way road's farthest point is where the trips from its two ends meet.
        meet = (dist[x[keep]] + dist[y[keep]] + w[keep]) / 2.0
        costs.append(np.minimum(np.where(whole[keep], meet, far_end), limit))
    lines = np.concatenate(pieces)
    limit_of = np.concatenate(bands)
    # A piece within a smaller limit is reported once, at that limit.
    ends = shapely.get_coordinates(lines).reshape(-1, 4).round(6)
    first = np.unique(ends, axis=0, return_index=True)[1] if len(lines) else np.zeros(0, np.int64)
    first = np.sort(first)
    return ServiceArea(
        lines[first], np.concatenate(services)[first], limit_of[first], np.concatenate(costs)[first]
    )
