"""crs:duplicates — likely duplicate service points across sources, scored."""

from __future__ import annotations

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core.analysis.duplicates import likely_duplicates
from ..core.i18n import translatable
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import style_pairs
from .base import CrsAlgorithm, pair_lines

_FIELDS = ("point_id", "name_en", "name_fr", "street_address", "source_id", "order_of_government")


class DuplicatesAlgorithm(CrsAlgorithm):
    NAME = "duplicates"
    DISPLAY_NAME = translatable("Likely duplicate points")
    GROUP_ID = "sources"

    DISTANCE = "DISTANCE"
    MIN_SCORE = "MIN_SCORE"
    ACROSS_SOURCES = "ACROSS_SOURCES_ONLY"
    SAME_ORDER = "SAME_ORDER_ONLY"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):
        self.add_service_points_parameter()
        self.add_service_filter_parameters()
        self.addParameter(
            QgsProcessingParameterDistance(
                self.DISTANCE, self.tr("Within (metres)"), 100.0, self.DISTANCE_CRS, False, 0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_SCORE,
                self.tr("Minimum score (0-1)"),
                QgsProcessingParameterNumber.Double,
                0.6,
                False,
                0.0,
                1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ACROSS_SOURCES, self.tr("Only pairs from different sources"), True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SAME_ORDER, self.tr("Only pairs of the same order of government"), True
            )
        )
        self.add_distance_crs_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Likely duplicates"), QgsProcessing.TypeVectorLine
            )
        )

    def compute(self, parameters, context, feedback):
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        points = self.service_points(parameters, self.SERVICES, context, metric, feedback, _FIELDS)
        across = self.parameterAsBool(parameters, self.ACROSS_SOURCES, context)
        found = likely_duplicates(
            points.xy,
            points.column("name_en"),
            points.column("name_fr"),
            points.column("street_address"),
            max_distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            min_score=self.parameterAsDouble(parameters, self.MIN_SCORE, context),
            sources=points.column("source_id") if across else None,
            orders=points.column("order_of_government")
            if self.parameterAsBool(parameters, self.SAME_ORDER, context)
            else None,
        )
        fields = QgsFields()
        for name, vtype in (("score", FieldType.Double), ("distance_m", FieldType.Double),
                            ("name_similarity", FieldType.Double), ("address_similarity", FieldType.Double),
                            ("a_point_id", FieldType.String), ("a_name", FieldType.String), ("a_source", FieldType.String),
                            ("b_point_id", FieldType.String), ("b_name", FieldType.String), ("b_source", FieldType.String)):  # fmt: skip
            fields.append(QgsField(name, vtype))
        ids, names, src = points.column("point_id"), points.column("name_en"), points.column("source_id")
        rows = [
            [s, d, n, a, ids[i], names[i], src[i], ids[j], names[j], src[j]]
            for s, d, n, a, i, j in zip(
                found.score, found.distance, found.name_similarity, found.address_similarity, found.i, found.j
            )  # fmt: skip
        ]
        dest = self.write_table(parameters, self.OUTPUT, context, fields, rows,
                                wkbs=pair_lines(points.xy, found.i, found.j),
                                wkb_type=QgsWkbTypes.LineString, crs=metric)  # fmt: skip
        self.style_on_load(context, dest, lambda layer: style_pairs(layer, "#d7191c"))
        return {self.OUTPUT: dest, self.POINTS_USED: points.description}
