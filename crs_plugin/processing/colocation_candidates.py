"""crs:colocationcandidates — nearby points of different governments or organisations."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from ..core.analysis.colocation import close_pairs, service_sets
from ..core.i18n import translatable
from ..core.partnerships import partnered_pairs, read_partnerships
from ..core.wording import format_distance
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import style_pairs
from ..toolbelt.translation import language
from .base import CrsAlgorithm, pair_lines
from .layer_arrays import ogr_location
from .road_network import DistanceMethodParameters

_DIFFER_BY = ("order_of_government", "organization")
_FIELDS = ("point_id", "name_en", "name_fr", "organization", "order_of_government", "services")


class ColocationCandidatesAlgorithm(DistanceMethodParameters, CrsAlgorithm):
    NAME = "colocationcandidates"
    DISPLAY_NAME = translatable("Co-location and partnership candidates")

    DISTANCE = "DISTANCE"
    DIFFER_BY = "DIFFER_BY"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.add_service_points_parameter()
        self.add_service_filter_parameters()
        self.addParameter(
            QgsProcessingParameterDistance(
                self.DISTANCE, self.tr("Within (metres)"), 500.0, self.DISTANCE_CRS, False, 0.0
            )
        )
        self.add_distance_method_parameters(time=False)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DIFFER_BY,
                self.tr("Pairs must differ in"),
                [self.tr("Order of government"), self.tr("Organization")],
                defaultValue=0,
            )
        )
        self.add_distance_crs_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Co-location candidates"), QgsProcessing.TypeVectorLine
            )
        )

    def partnerships(self, parameters, context) -> list[dict]:
        """The partnerships kept beside the service points (same GeoPackage), if any."""
        layer, _ = self.input_layer(parameters, self.SERVICES, context)
        location = ogr_location(layer)
        return read_partnerships(location[0]) if location and location[0].lower().endswith(".gpkg") else []

    def compute(self, parameters, context, feedback):
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        differ_by = _DIFFER_BY[self.parameterAsEnum(parameters, self.DIFFER_BY, context)]
        points = self.service_points(
            parameters, self.SERVICES, context, metric, feedback, (*_FIELDS, differ_by)
        )
        model = self.distance_model(parameters, context, metric, feedback)
        pairs = close_pairs(points.xy, distance, differ_by=points.column(differ_by), distances=model)
        feedback.pushInfo(
            self.tr("{} candidate pairs in {} clusters.").format(
                len(pairs.i), len(set(pairs.cluster.tolist()))
            )
        )

        fields = QgsFields()
        specs = [("cluster", FieldType.Int), ("distance_m", FieldType.Double)]
        for side in ("a", "b"):
            specs += [
                (f"{side}_{f}", FieldType.String)
                for f in ("point_id", "name", "organization", "order", "services")
            ]
        specs += [
            ("shared_services", FieldType.String),
            ("only_a", FieldType.String),
            ("only_b", FieldType.String),
            ("partnership_id", FieldType.String),
            ("partnership_type", FieldType.String),
            ("partnership_status", FieldType.String),
        ]
        # Pairs already in a partnership (the store's partnerships table) are marked, not dropped.
        partnered = partnered_pairs(self.partnerships(parameters, context))
        for name, vtype in specs:
            fields.append(QgsField(name, vtype))
        col = {f: points.column(f) for f in _FIELDS}
        names = np.where(col["name_en"] != None, col["name_en"], col["name_fr"])  # noqa: E711 - elementwise
        rows = []
        for c, a, b, d in zip(pairs.cluster, pairs.i, pairs.j, pairs.distance):
            row = [c, d]
            for p in (a, b):
                row += [
                    col["point_id"][p],
                    names[p],
                    col["organization"][p],
                    col["order_of_government"][p],
                    col["services"][p],
                ]
            row += list(service_sets(col["services"][a], col["services"][b]))
            partnership = partnered.get(frozenset((col["point_id"][a], col["point_id"][b])), {})
            row += [partnership.get(k) for k in ("partnership_id", "partnership_type", "status")]
            rows.append(row)
        if partnered:
            marked = sum(1 for r in rows if r[-3] is not None)
            feedback.pushInfo(self.tr("{} of the pairs already have a partnership.").format(marked))
        dest = self.write_table(parameters, self.OUTPUT, context, fields, rows, wkbs=pair_lines(points.xy, pairs.i, pairs.j),
                                wkb_type=QgsWkbTypes.LineString, crs=metric)  # fmt: skip
        within = format_distance(distance, language())
        self.style_on_load(context, dest, lambda layer: style_pairs(layer, "#7b3294"),
                           self.tr("Co-location candidates within {distance}").format(distance=within))  # fmt: skip
        return {self.OUTPUT: dest, self.POINTS_USED: points.description}
