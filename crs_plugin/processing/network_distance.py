"""crs:networkdistance — nearest service point by road: distance or travel time.

The road network is built from arrays by the plugin's network engine (``core.network``):
the same graph QGIS's network analysis builds (every vertex a node, the topology
tolerance, directions from a field, segments split where points are tied, lengths on
the WGS 84 ellipsoid), searched once with a multi-source Dijkstra (SciPy): each service
point is a source joined to its tie position by its egress leg, so every node learns
its nearest service in one pass.
"""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsField,
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
)

from ..core.analysis.nearest import nearest, take
from ..core.i18n import translatable
from ..core.network.graph import nearest_by_network
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import style_distance
from .base import CrsAlgorithm, PopulationAreasMixin
from .road_network import RoadNetworkParameters


class NetworkDistanceAlgorithm(RoadNetworkParameters, PopulationAreasMixin, CrsAlgorithm):
    NAME = "networkdistance"
    DISPLAY_NAME = translatable("Nearest service by road network")

    COST = "COST"
    OUTPUT = "OUTPUT"
    COSTS = (translatable("Distance (metres)"), translatable("Travel time (minutes)"))

    def initAlgorithm(self, config=None):
        demand = QgsProcessingParameterFeatureSource(
            self.AREAS,
            self.tr("Demand points or areas (areas use their centroid)"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
        )
        self.addParameter(demand)
        self.add_service_points_parameter()
        self.add_service_filter_parameters()
        self.add_road_parameters()
        cost = QgsProcessingParameterEnum(self.COST, self.tr("Nearest by"), [self.tr(c) for c in self.COSTS],  # i18n: marked
                                          defaultValue=0, optional=True)  # fmt: skip
        cost.setHelp(self.tr("Travel time uses each road's speed (speed field, or the default speed)."))
        self.addParameter(cost)
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Nearest service by road")))

    def compute(self, parameters, context, feedback):
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        by_time = self.parameterAsEnum(parameters, self.COST, context) == 1
        services = self.service_points(
            parameters, self.SERVICES, context, metric, feedback, ("point_id",), exclude_regional=True
        )
        demand = self.layer_arrays(parameters, self.AREAS, context, [], metric, feedback)
        demand_xy = demand.points()
        feedback.setProgress(10)
        network, to_lonlat = self.road_network(parameters, context, metric, feedback, speeds=by_time)
        if feedback.isCanceled():
            return {}
        feedback.setProgress(40)
        result = nearest_by_network(
            network, demand_xy, services.xy, "time" if by_time else "distance", to_lonlat
        )
        feedback.setProgress(70)
        found = result.index >= 0
        straight = nearest(demand_xy, services.xy).distance[:, 0]
        columns = [
            (QgsField("nearest_id", FieldType.String), take(services.column("point_id"), result.index))
        ]
        if by_time:
            columns.append((QgsField("travel_min", FieldType.Double), result.total / 60.0))
        else:
            columns.append((QgsField("network_m", FieldType.Double), result.network))
        columns += [
            (QgsField("access_m", FieldType.Double), result.access),
            (QgsField("egress_m", FieldType.Double), result.egress),
        ]
        if not by_time:
            columns.append((QgsField("total_m", FieldType.Double), result.total))
        columns.append((QgsField("straight_m", FieldType.Double), straight))
        unreachable = int((~found & np.isfinite(demand_xy).all(axis=1)).sum())
        if unreachable:
            feedback.pushWarning(
                self.tr("{} demand features cannot reach any service point on the network.").format(
                    unreachable
                )
            )
        dest = self.write_per_feature(parameters, self.OUTPUT, context, feedback, self.AREAS, demand.fids, columns,
                                      progress=(70, 100))  # fmt: skip
        self.style_on_load(
            context, dest, lambda layer: style_distance(layer, "travel_min" if by_time else "total_m")
        )
        return {self.OUTPUT: dest, self.POINTS_USED: services.description}
