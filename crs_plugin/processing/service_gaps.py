"""crs:servicegaps — populated areas farther than a threshold from any matching point."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from ..core.analysis.coverage import coverage
from ..core.analysis.gaps import gap_zones
from ..core.i18n import translatable
from ..core.wording import capitalised, format_distance, format_minutes, format_number
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import style_fill, style_gap_areas
from ..toolbelt.translation import language
from .base import CrsAlgorithm, PopulationAreasMixin
from .road_network import DistanceMethodParameters


class ServiceGapsAlgorithm(DistanceMethodParameters, PopulationAreasMixin, CrsAlgorithm):
    NAME = "servicegaps"
    DISPLAY_NAME = translatable("Service gaps")

    THRESHOLD = "THRESHOLD"
    OUTPUT = "OUTPUT"
    ZONES = "ZONES"

    def initAlgorithm(self, config=None):
        self.add_area_parameters(group_default=None)
        self.add_service_filter_parameters()
        self.addParameter(
            QgsProcessingParameterDistance(
                self.THRESHOLD, self.tr("Gap beyond (metres)"), 50000.0, self.DISTANCE_CRS, False, 0.0
            )
        )
        self.add_distance_method_parameters(minutes_default=45.0)
        self.add_distance_crs_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Areas in service gaps (ranked)"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.ZONES, self.tr("Gap zones (dissolved)"), QgsProcessing.TypeVectorPolygon
            )
        )

    def compute(self, parameters, context, feedback):
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        services = self.service_points(
            parameters, self.SERVICES, context, metric, feedback, exclude_regional=True
        )
        regions = self.service_regions(parameters, self.SERVICES, context, metric, feedback)
        areas, population, _ = self.read_areas(parameters, context, metric, feedback)
        model = self.distance_model(parameters, context, metric, feedback)
        by_time = model is not None and model.unit == "s"
        threshold = self.limit(parameters, context, model, self.THRESHOLD)
        distance = coverage(areas.points(), services.xy, [threshold], model).distance_m
        with np.errstate(invalid="ignore"):
            in_gap = ~(distance <= threshold)  # no point at all counts as a gap
        pop = np.nan_to_num(population, nan=0.0)
        by_region = np.zeros(len(in_gap), dtype=bool)
        if regions:  # a call centre's or digital service's region is served, whatever the distance
            by_region = in_gap & self.served_by_regions(parameters, context, areas, regions, metric, feedback)
            in_gap &= ~by_region
        order = np.flatnonzero(in_gap)[np.argsort(-pop[in_gap], kind="stable")]
        lang = language()
        limit = format_minutes(threshold / 60, lang) if by_time else format_distance(threshold, lang)
        feedback.pushInfo(self.tr("{areas} areas, {people} people, are farther than {limit}.").format(
            areas=format_number(len(order), lang), people=format_number(pop[in_gap].sum(), lang), limit=limit))  # fmt: skip
        if by_region.any():  # beyond reach of a counter, but in a call centre's or online service's region
            feedback.pushInfo(self.tr("{areas} more areas, {people} people, are farther than {limit} too but in the "
                                      "region of a call centre or online service, so not counted as gaps (choose "
                                      "the in-person channel to count them).").format(
                areas=format_number(int(by_region.sum()), lang), people=format_number(pop[by_region].sum(), lang),
                limit=limit))  # fmt: skip
        measured = (QgsField("travel_min", FieldType.Double), distance[order] / 60.0) if by_time else (
            QgsField("distance_m", FieldType.Double), distance[order])  # fmt: skip
        columns = [
            (QgsField("gap_rank", FieldType.Int), np.arange(1, len(order) + 1)),
            measured,
            (QgsField("population_left_out", FieldType.Double), pop[order]),
        ]
        dest = self.write_per_feature(parameters, self.OUTPUT, context, feedback, self.AREAS, areas.fids[order], columns,
                                      progress=(40, 80), only_listed=True)  # fmt: skip
        zones = gap_zones(areas.geometries[in_gap], pop[in_gap])
        fields = QgsFields()
        for name, vtype in (("zone", FieldType.Int), ("areas", FieldType.Int), ("population", FieldType.Double),
                            ("area_km2", FieldType.Double)):  # fmt: skip
            fields.append(QgsField(name, vtype))
        rows = [[i + 1, z.areas, z.population, z.area_km2] for i, z in enumerate(zones)]
        zones_dest = self.write_table(parameters, self.ZONES, context, fields, rows,
                                      wkbs=[shapely.to_wkb(z.geometry) for z in zones],
                                      wkb_type=QgsWkbTypes.MultiPolygon, crs=metric)  # fmt: skip
        lang = language()
        point = self.service_filter(parameters, context).point_phrase(lang)
        reach = format_minutes(threshold / 60, lang) if by_time else format_distance(threshold, lang)
        where = self.tr("beyond {distance} of {point}").format(distance=reach, point=point)
        limit = threshold / 60 if by_time else threshold
        self.style_on_load(context, dest, lambda layer: style_gap_areas(layer, limit, "travel_min" if by_time
                                                                        else "distance_m", lang),
                           capitalised(self.tr("Areas {where}").format(where=where)))  # fmt: skip
        self.style_on_load(context, zones_dest, lambda layer: style_fill(layer, "#d9843b"),
                           capitalised(self.tr("Gap zones {where}").format(where=where)))  # fmt: skip
        return {self.OUTPUT: dest, self.ZONES: zones_dest, self.POINTS_USED: services.description}
