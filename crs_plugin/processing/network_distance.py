"""crs:networkdistance — nearest service point by travel distance over a road network.

QGIS's network analysis library builds the graph from the road layer (topology
tolerance, one-way handling left to its defaults) and ties every demand and
service point to its nearest network location. The graph is then searched once
with a multi-source Dijkstra (SciPy): each service point is a source joined to its
tie vertex by its egress distance, so every vertex learns its nearest service in
one pass instead of one shortest-path run per demand feature.
"""

from __future__ import annotations

import numpy as np
from qgis.analysis import QgsGraphBuilder, QgsNetworkDistanceStrategy, QgsVectorLayerDirector
from qgis.core import (
    QgsCoordinateTransform,
    QgsField,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)
from qgis.PyQt.QtCore import QVariant
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

from ..core.analysis.nearest import nearest, take
from ..toolbelt.styles import style_distance
from .base import CrsAlgorithm, PopulationAreasMixin


class NetworkDistanceAlgorithm(PopulationAreasMixin, CrsAlgorithm):
    NAME = "networkdistance"
    DISPLAY_NAME = "Nearest service by road network"

    ROADS = "ROADS"
    TOLERANCE = "TOLERANCE"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        demand = QgsProcessingParameterFeatureSource(
            self.AREAS,
            self.tr("Demand points or areas (areas use their centroid)"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
        )
        self.addParameter(demand)
        self.add_service_points_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ROADS, self.tr("Road network"), [QgsProcessing.TypeVectorLine]
            )
        )
        self.add_service_filter_parameters()
        tolerance = QgsProcessingParameterDistance(
            self.TOLERANCE, self.tr("Topology tolerance (metres)"), 0.0, self.DISTANCE_CRS, False, 0.0
        )
        tolerance.setHelp(self.tr("Road ends closer than this are joined."))
        self.addParameter(tolerance)
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Nearest service by road")))

    def compute(self, parameters, context, feedback):
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        services = self.service_points(parameters, self.SERVICES, context, metric, feedback, ("point_id",))
        demand = self.layer_arrays(parameters, self.AREAS, context, [], metric, feedback)
        demand_xy = demand.points()
        roads = self.parameterAsVectorLayer(parameters, self.ROADS, context)
        if roads is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ROADS))
        if roads.featureCount() == 0:
            raise QgsProcessingException(self.tr("The road network layer has no features."))
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)

        feedback.pushInfo(self.tr("Building the network graph…"))
        located = np.isfinite(demand_xy).all(axis=1)
        tie_input = np.vstack([demand_xy[located], services.xy])
        director = QgsVectorLayerDirector(roads, -1, "", "", "", QgsVectorLayerDirector.DirectionBoth)
        director.addStrategy(QgsNetworkDistanceStrategy())
        # Road lengths on the WGS 84 ellipsoid, as QGIS's own shortest-path algorithms
        # measure them (true ground lengths, free of the projection's scale error).
        builder = QgsGraphBuilder(metric, True, tolerance, "WGS84")
        transform = QgsCoordinateTransform(roads.crs(), metric, context.transformContext())
        if not transform.isShortCircuited():
            feedback.pushInfo(self.tr("Roads are reprojected to {}.").format(metric.authid()))
        tied = director.makeGraph(builder, [QgsPointXY(float(x), float(y)) for x, y in tie_input], feedback)
        if feedback.isCanceled():
            return {}
        graph = builder.graph()
        n_vertices = graph.vertexCount()
        if n_vertices == 0:
            raise QgsProcessingException(self.tr("No network could be built from the road layer."))
        tie_xy = np.array([[p.x(), p.y()] for p in tied], dtype=float)
        tie_vertex = np.array([graph.findVertex(p) for p in tied], dtype=np.int64)

        edges = np.array(
            [
                (ed.fromVertex(), ed.toVertex(), ed.cost(0))
                for ed in map(graph.edge, range(graph.edgeCount()))
            ],
            dtype=float,
        ).reshape(-1, 3)
        n_demand = int(located.sum())
        service_tie = tie_vertex[n_demand:]
        egress = np.hypot(*(services.xy - tie_xy[n_demand:]).T) if len(services) else np.zeros(0)
        # Zero-length links must stay edges (a sparse matrix drops explicit zeros): a tiny floor.
        egress_cost = np.maximum(egress, 1e-9)
        # One extra vertex per service point, linked to its tie vertex by the egress distance.
        m = len(services)
        rows = np.concatenate([edges[:, 0], n_vertices + np.arange(m)]).astype(np.int64)
        cols = np.concatenate([edges[:, 1], service_tie]).astype(np.int64)
        costs = np.concatenate([np.maximum(edges[:, 2], 1e-9), egress_cost])
        matrix = csr_matrix((costs, (rows, cols)), shape=(n_vertices + m, n_vertices + m))
        feedback.setProgress(40)
        if m:
            dist, _, sources = dijkstra(matrix, directed=True, indices=n_vertices + np.arange(m), min_only=True,
                                        return_predecessors=True)  # fmt: skip
        else:
            dist, sources = np.full(n_vertices, np.inf), np.full(n_vertices, -9999)
        feedback.setProgress(70)

        demand_tie = tie_vertex[:n_demand]
        reach = dist[demand_tie]
        chosen = sources[demand_tie] - n_vertices
        found = np.isfinite(reach) & (chosen >= 0)
        access = np.hypot(*(demand_xy[located] - tie_xy[:n_demand]).T)
        ids = services.column("point_id")

        def spread(values, fill):
            out = np.full(len(demand), fill, dtype=object)
            out[np.flatnonzero(located)] = values
            return out

        nearest_id = take(ids, np.where(found, chosen, -1))
        network = np.where(found, reach - egress_cost[np.where(found, chosen, 0)] if m else np.nan, np.nan)
        straight = nearest(demand_xy, services.xy).distance[:, 0]
        columns = [
            (QgsField("nearest_id", QVariant.String), spread(nearest_id, None)),
            (QgsField("network_m", QVariant.Double), spread(network, np.nan)),
            (QgsField("access_m", QVariant.Double), spread(np.where(found, access, np.nan), np.nan)),
            (
                QgsField("egress_m", QVariant.Double),
                spread(np.where(found, egress[np.where(found, chosen, 0)] if m else np.nan, np.nan), np.nan),
            ),
            (
                QgsField("total_m", QVariant.Double),
                spread(
                    np.where(
                        found, access + network + egress[np.where(found, chosen, 0)] if m else np.nan, np.nan
                    ),
                    np.nan,
                ),
            ),
            (QgsField("straight_m", QVariant.Double), straight),
        ]
        unreachable = int((~found).sum())
        if unreachable:
            feedback.pushWarning(
                self.tr("{} demand features cannot reach any service point on the network.").format(
                    unreachable
                )
            )
        dest = self.write_per_feature(parameters, self.OUTPUT, context, feedback, self.AREAS, demand.fids, columns,
                                      progress=(70, 100))  # fmt: skip
        self.style_on_load(context, dest, lambda layer: style_distance(layer, "total_m"))
        return {self.OUTPUT: dest, self.POINTS_USED: services.description}
