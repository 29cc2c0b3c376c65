"""crs:catchmentoverlap — where two networks' catchments overlap, and who lives there."""

from __future__ import annotations

import shapely
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from ..core.analysis.nearest import take
from ..core.analysis.overlap import distance_overlap, study_boundary, voronoi_overlap
from ..core.filters import ServiceFilter
from ..core.i18n import translatable
from ..core.schema import ORDERS_OF_GOVERNMENT
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import SERVED_BY, style_categories
from ..toolbelt.translation import language
from .base import CrsAlgorithm, PopulationAreasMixin
from .road_network import DistanceMethodParameters


class CatchmentOverlapAlgorithm(DistanceMethodParameters, PopulationAreasMixin, CrsAlgorithm):
    NAME = "catchmentoverlap"
    DISPLAY_NAME = translatable("Catchment overlap of two networks")

    NETWORK_A = "NETWORK_A_ORDERS"
    NETWORK_B = "NETWORK_B_ORDERS"
    MODE = "MODE"
    DISTANCE = "DISTANCE"
    OUTPUT = "OUTPUT"
    ZONES = "ZONES"

    MODES = (translatable("Within a distance"), translatable("Nearest point (Voronoi)"))

    def initAlgorithm(self, config=None):
        self.add_area_parameters(group_default=None)
        labels = [c.label(language()) for c in ORDERS_OF_GOVERNMENT]
        self.addParameter(
            QgsProcessingParameterEnum(
                self.NETWORK_A, self.tr("Network A: orders of government"), labels, True, [0]
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.NETWORK_B, self.tr("Network B: orders of government"), labels, True, [1]
            )
        )
        self.add_service_filter_parameters()
        self.addParameter(QgsProcessingParameterEnum(self.MODE, self.tr("Catchments"), [self.tr(m) for m in self.MODES],  # i18n: marked
                                                     defaultValue=0))  # fmt: skip
        self.addParameter(
            QgsProcessingParameterDistance(
                self.DISTANCE, self.tr("Catchment distance (metres)"), 25000.0, self.DISTANCE_CRS, False, 1.0
            )  # fmt: skip
        )
        self.add_distance_method_parameters(minutes_default=30.0)
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Areas by network served")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.ZONES, self.tr("Catchment overlap zones"), QgsProcessing.TypeVectorPolygon
            )
        )

    def compute(self, parameters, context, feedback):
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        orders_a = self._orders(parameters, self.NETWORK_A, context)
        orders_b = self._orders(parameters, self.NETWORK_B, context)
        services = self.service_points(parameters, self.SERVICES, context, metric, feedback,
                                       ("point_id", "order_of_government"), exclude_regional=True)  # fmt: skip
        order = services.column("order_of_government")
        in_a = ServiceFilter(orders=orders_a).mask({"order_of_government": order}, len(services))
        in_b = ServiceFilter(orders=orders_b).mask({"order_of_government": order}, len(services))
        a_xy, b_xy = services.xy[in_a], services.xy[in_b]
        ids_a, ids_b = services.column("point_id")[in_a], services.column("point_id")[in_b]
        feedback.pushInfo(self.tr("Network A: {} points; network B: {} points.").format(len(a_xy), len(b_xy)))
        areas, population, _ = self.read_areas(parameters, context, metric, feedback)
        area_xy = areas.points()
        boundary = study_boundary(areas.geometries) if len(areas) else None
        fields = QgsFields()
        if self.parameterAsEnum(parameters, self.MODE, context) == 0:
            model = self.distance_model(parameters, context, metric, feedback)
            radius = self.limit(parameters, context, model, self.DISTANCE)
            result = distance_overlap(
                area_xy, population, a_xy, b_xy, radius, boundary, model, areas.geometries
            )
            if model is not None and model.unit == "s":
                measured = [(QgsField("travel_a_min", FieldType.Double), result.distance_a / 60.0),
                            (QgsField("travel_b_min", FieldType.Double), result.distance_b / 60.0)]  # fmt: skip
            else:
                measured = [(QgsField("distance_a_m", FieldType.Double), result.distance_a),
                            (QgsField("distance_b_m", FieldType.Double), result.distance_b)]  # fmt: skip
            columns = [(QgsField("served_by", FieldType.String), result.served_by), *measured]
            for name, vtype in (("served_by", FieldType.String), ("population", FieldType.Double),
                                ("area_km2", FieldType.Double)):  # fmt: skip
                fields.append(QgsField(name, vtype))
            zones = [(k, g) for k, g in result.geometries.items() if g is not None and not g.is_empty]
            rows = [[k, result.population[k], shapely.area(g) / 1e6] for k, g in zones]
            wkbs = [shapely.to_wkb(_multi(g)) for _, g in zones]
            for k, total in result.population.items():
                feedback.pushInfo(self.tr("Population served by {}: {:,.0f}").format(k, total))
        else:
            if boundary is None:
                raise QgsProcessingException(self.tr("The census layer is empty."))
            overlap = voronoi_overlap(area_xy, population, a_xy, b_xy, boundary)
            pairs, na, nb = overlap.pairs, overlap.nearest_a, overlap.nearest_b
            columns = [(QgsField("catchment_a", FieldType.String), take(ids_a, na)),
                       (QgsField("catchment_b", FieldType.String), take(ids_b, nb))]  # fmt: skip
            for name, vtype in (("catchment_a", FieldType.String), ("catchment_b", FieldType.String),
                                ("population", FieldType.Double), ("areas", FieldType.Int), ("area_km2", FieldType.Double)):  # fmt: skip
                fields.append(QgsField(name, vtype))
            rows = [
                [ids_a[p.a], ids_b[p.b], p.population, p.areas, shapely.area(p.geometry) / 1e6] for p in pairs
            ]
            wkbs = [shapely.to_wkb(_multi(p.geometry)) for p in pairs]
        dest = self.write_per_feature(parameters, self.OUTPUT, context, feedback, self.AREAS, areas.fids, columns,
                                      progress=(50, 90))  # fmt: skip
        zones_dest = self.write_table(parameters, self.ZONES, context, fields, rows, wkbs=wkbs,
                                      wkb_type=QgsWkbTypes.MultiPolygon, crs=metric)  # fmt: skip
        if "served_by" in fields.names():
            self.style_on_load(context, dest, lambda layer: style_categories(layer, "served_by", SERVED_BY))
            self.style_on_load(
                context, zones_dest, lambda layer: style_categories(layer, "served_by", SERVED_BY)
            )
        return {self.OUTPUT: dest, self.ZONES: zones_dest, self.POINTS_USED: services.description}

    def _orders(self, parameters, name, context) -> tuple[str, ...]:
        chosen = self.parameterAsEnums(parameters, name, context)
        if not chosen:
            raise QgsProcessingException(self.tr("Choose at least one order of government for each network."))
        return tuple(ORDERS_OF_GOVERNMENT[i].code for i in chosen)


def _multi(geometry):
    """Polygonal parts only, as one MultiPolygon (intersections can add lines and points)."""
    parts = shapely.get_parts(geometry)
    polygons = [p for p in parts if p.geom_type in ("Polygon", "MultiPolygon")]
    flat = [q for p in polygons for q in shapely.get_parts(p)]
    return shapely.MultiPolygon(flat)
