"""crs:serviceareas — the roads and the area from which service points are reached within
distances or travel times (network service areas, as QGIS's service-area algorithms and
isochrones draw them), for maps."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.analysis.coverage import parse_thresholds
from ..core.i18n import translatable
from ..core.network.graph import service_area
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import style_classes
from .base import CrsAlgorithm
from .road_network import RoadNetworkParameters


class ServiceAreasAlgorithm(RoadNetworkParameters, CrsAlgorithm):
    NAME = "serviceareas"
    DISPLAY_NAME = translatable("Network service areas")

    COST = "COST"
    LIMITS = "LIMITS"
    HULL_RATIO = "HULL_RATIO"
    OUTPUT = "OUTPUT"
    AREAS = "AREAS"
    COSTS = (translatable("Distance (km)"), translatable("Travel time (minutes)"))

    def initAlgorithm(self, config=None):
        self.add_service_points_parameter()
        self.add_service_filter_parameters()
        self.add_road_parameters()
        self.addParameter(QgsProcessingParameterEnum(self.COST, self.tr("Reach measured by"),
                                                     [self.tr(c) for c in self.COSTS], defaultValue=0, optional=True))  # fmt: skip  # i18n: marked
        limits = QgsProcessingParameterString(self.LIMITS, self.tr("Limits (km, or minutes for travel time)"),
                                              "5, 10, 25")  # fmt: skip
        limits.setHelp(self.tr("Comma-separated: each limit gives its own service area."))
        self.addParameter(limits)
        ratio = QgsProcessingParameterNumber(self.HULL_RATIO, self.tr("Area outline detail (0 = tightest, 1 = convex)"),
                                             QgsProcessingParameterNumber.Double, 0.3, True, 0.0, 1.0)  # fmt: skip
        ratio.setFlags(ratio.flags() | ratio.FlagAdvanced)
        self.addParameter(ratio)
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Roads reached"),
                                                            QgsProcessing.TypeVectorLine))  # fmt: skip
        self.addParameter(QgsProcessingParameterFeatureSink(self.AREAS, self.tr("Service areas"),
                                                            QgsProcessing.TypeVectorPolygon, optional=True))  # fmt: skip

    def compute(self, parameters, context, feedback):
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        by_time = self.parameterAsEnum(parameters, self.COST, context) == 1
        limits_m = parse_thresholds(self.parameterAsString(parameters, self.LIMITS, context))
        limits = [t / 1000.0 * 60.0 for t in limits_m] if by_time else list(limits_m)  # seconds or metres
        services = self.service_points(
            parameters, self.SERVICES, context, metric, feedback, ("point_id",), exclude_regional=True
        )
        network, to_lonlat = self.road_network(parameters, context, metric, feedback, speeds=by_time)
        feedback.setProgress(40)
        reached = service_area(network, services.xy, limits, "time" if by_time else "distance", to_lonlat)
        ids = services.column("point_id")
        unit, scale = ("min", 60.0) if by_time else ("km", 1000.0)
        fields = QgsFields()
        for name, kind in (("point_id", FieldType.String), (f"limit_{unit}", FieldType.Double),
                           (f"cost_{unit}", FieldType.Double)):  # fmt: skip
            fields.append(QgsField(name, kind))
        rows = [
            [ids[s], limit / scale, c / scale]
            for s, limit, c in zip(reached.service, reached.limit, reached.cost)
        ]
        dest = self.write_table(parameters, self.OUTPUT, context, fields, rows, wkbs=shapely.to_wkb(reached.lines),
                                wkb_type=QgsWkbTypes.LineString, crs=metric)  # fmt: skip
        feedback.setProgress(80)
        results = {self.OUTPUT: dest, self.POINTS_USED: services.description}
        if parameters.get(self.AREAS) is not None:
            ratio = self.parameterAsDouble(parameters, self.HULL_RATIO, context)
            area_rows, outlines = [], []
            for s in np.unique(reached.service):
                for limit in limits:
                    mine = (reached.service == s) & (reached.limit <= limit)
                    points = shapely.multipoints(shapely.get_coordinates(reached.lines[mine]))
                    outline = shapely.concave_hull(points, ratio=ratio)
                    if shapely.get_type_id(outline) not in (3, 6):  # two points reached: no area yet
                        continue
                    area_rows.append([ids[s], limit / scale, shapely.area(outline) / 1e6])
                    outlines.append(shapely.to_wkb(shapely.multipolygons([outline])))
            area_fields = QgsFields()
            for name, kind in (("point_id", FieldType.String), (f"limit_{unit}", FieldType.Double),
                               ("area_km2", FieldType.Double)):  # fmt: skip
                area_fields.append(QgsField(name, kind))
            areas_dest = self.write_table(parameters, self.AREAS, context, area_fields, area_rows, wkbs=outlines,
                                          wkb_type=QgsWkbTypes.MultiPolygon, crs=metric)  # fmt: skip
            results[self.AREAS] = areas_dest
            self.style_on_load(
                context, areas_dest, lambda layer: _style_bands(layer, unit, limits, scale, 0.35)
            )
        self.style_on_load(context, dest, lambda layer: _style_bands(layer, unit, limits, scale, 1.0))
        return results


def _style_bands(layer, unit: str, limits, scale: float, opacity: float) -> None:
    """One colour per limit, nearest darkest."""
    colours = ("#1a5e9a", "#4a90c2", "#9cc6e4", "#e6e1d3", "#d9843b")
    bounds = [0.0, *(v / scale for v in limits)]
    classes = [(bounds[i], bounds[i + 1], colours[min(i, len(colours) - 1)], f"≤ {bounds[i + 1]:g} {unit}")
               for i in range(len(limits))]  # fmt: skip
    style_classes(layer, f'"limit_{unit}"', classes)
    layer.setOpacity(opacity)
