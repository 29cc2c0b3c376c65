"""crs:coverage — population within distance thresholds of matching service points."""

from __future__ import annotations

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QVariant

from ..core.analysis.coverage import coverage, coverage_summary, parse_thresholds
from ..toolbelt.styles import style_distance
from .base import CrsAlgorithm, PopulationAreasMixin


class CoverageAlgorithm(PopulationAreasMixin, CrsAlgorithm):
    NAME = "coverage"
    DISPLAY_NAME = "Population coverage within distances"

    THRESHOLDS = "THRESHOLDS_KM"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def initAlgorithm(self, config=None):
        self.add_area_parameters()
        self.add_service_filter_parameters()
        thresholds = QgsProcessingParameterString(
            self.THRESHOLDS, self.tr("Distance thresholds (km)"), "5, 10, 25, 50"
        )
        thresholds.setHelp(self.tr("Comma-separated distances in kilometres."))
        self.addParameter(thresholds)
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Coverage per area")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY, self.tr("Coverage summary per jurisdiction"), QgsProcessing.TypeVector
            )
        )

    def compute(self, parameters, context, feedback):
        thresholds = parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        services = self.service_points(parameters, self.SERVICES, context, metric, feedback)
        areas, population, groups = self.read_areas(parameters, context, metric, feedback)
        result = coverage(areas.points(), services.xy, thresholds)
        feedback.setProgress(40)

        columns = [(QgsField("distance_m", QVariant.Double), result.distance_m)]
        for t, threshold in enumerate(thresholds):
            columns.append((QgsField(f"within_{threshold / 1000:g}km", QVariant.Bool), result.covered[:, t]))
        dest = self.write_per_feature(parameters, self.OUTPUT, context, feedback, self.AREAS, areas.fids, columns,
                                      progress=(40, 90))  # fmt: skip

        summary = coverage_summary(groups, population, result)
        fields = QgsFields()
        fields.append(QgsField("jurisdiction", QVariant.String))
        names = [k for k in next(iter(summary.values()), {}) if k != "population"]
        fields.append(QgsField("population", QVariant.Double))
        for name in names:
            fields.append(QgsField(name, QVariant.Int if name.startswith("areas") else QVariant.Double))
        rows = [[group, row["population"], *[row[n] for n in names]] for group, row in summary.items()]
        summary_dest = self.write_table(parameters, self.SUMMARY, context, fields, rows)
        self.style_on_load(context, dest, style_distance)
        return {self.OUTPUT: dest, self.SUMMARY: summary_dest, self.POINTS_USED: services.description}
