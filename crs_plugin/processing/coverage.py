"""crs:coverage — population within distance thresholds of matching service points."""

from __future__ import annotations

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from ..core.analysis.coverage import (
    coverage,
    coverage_headline,
    coverage_summary,
    parse_thresholds,
    with_total,
)
from ..core.i18n import translatable
from ..core.wording import format_distance, format_minutes, jurisdiction_name
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import style_distance
from ..toolbelt.tables import present_summary
from ..toolbelt.translation import language
from .base import CrsAlgorithm, PopulationAreasMixin
from .road_network import DistanceMethodParameters


class CoverageAlgorithm(DistanceMethodParameters, PopulationAreasMixin, CrsAlgorithm):
    NAME = "coverage"
    DISPLAY_NAME = translatable("Population coverage within distances")

    THRESHOLDS = "THRESHOLDS_KM"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    HEADLINES = "HEADLINES"

    def initAlgorithm(self, config=None):
        self.add_area_parameters()
        self.add_service_filter_parameters()
        thresholds = QgsProcessingParameterString(
            self.THRESHOLDS, self.tr("Distance thresholds (km; minutes for travel time)"), "5, 10, 25, 50"
        )
        thresholds.setHelp(
            self.tr("Comma-separated distances in kilometres (minutes when measuring travel time).")
        )
        self.addParameter(thresholds)
        self.add_distance_method_parameters()
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Coverage per area")))
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY, self.tr("Coverage summary per jurisdiction"), QgsProcessing.TypeVector
            )
        )
        self.addOutput(QgsProcessingOutputString(self.HEADLINES, self.tr("Headlines")))

    def compute(self, parameters, context, feedback):
        thresholds = parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        services = self.service_points(
            parameters, self.SERVICES, context, metric, feedback, exclude_regional=True
        )
        regions = self.service_regions(parameters, self.SERVICES, context, metric, feedback)
        areas, population, groups, universe = self.read_areas_with_universe(
            parameters, context, metric, feedback
        )
        model = self.distance_model(parameters, context, metric, feedback)
        by_time = model is not None and model.unit == "s"
        if by_time:  # the thresholds were given in minutes
            thresholds = tuple(t / 1000.0 * 60.0 for t in thresholds)
        result = coverage(areas.points(), services.xy, thresholds, model)
        # Call centres and digital services serve their whole region, at every distance.
        served = (
            self.served_by_regions(parameters, context, areas, regions, metric, feedback) if regions else None
        )
        if served is not None:
            result.covered[served] = True
        feedback.setProgress(40)

        if by_time:
            columns = [(QgsField("travel_min", FieldType.Double), result.distance_m / 60.0)]
            names = [f"within_{t / 60:g}min" for t in thresholds]
        else:
            columns = [(QgsField("distance_m", FieldType.Double), result.distance_m)]
            names = [f"within_{t / 1000:g}km" for t in thresholds]
        for t, name in enumerate(names):
            columns.append((QgsField(name, FieldType.Bool), result.covered[:, t]))
        if served is not None:
            columns.append((QgsField("served_by_region", FieldType.Bool), served))
        dest = self.write_per_feature(parameters, self.OUTPUT, context, feedback, self.AREAS, areas.fids, columns,
                                      progress=(40, 90))  # fmt: skip

        summary = coverage_summary(groups, population, result, universe, served)
        summary = with_total(summary, groups, population, result, universe, served)
        lang = language()
        service_filter = self.service_filter(parameters, context)
        last = result.thresholds_m[-1]
        reach = format_minutes(last / 60, lang) if by_time else format_distance(last, lang)
        share_key = [k for k in next(iter(summary.values()), {}) if k.startswith("share_within_")][-1:]
        headlines = [coverage_headline(group, row, share_key[0], reach, service_filter.point_phrase(lang), lang)
                     for group, row in summary.items()] if share_key else []  # fmt: skip
        for line in headlines:
            feedback.pushInfo(line)
        fields = QgsFields()
        fields.append(QgsField("jurisdiction", FieldType.String))
        fields.append(QgsField("name", FieldType.String))
        keys = [k for k in next(iter(summary.values()), {}) if k != "population"]
        fields.append(QgsField("population", FieldType.Double))
        for key in keys:
            fields.append(QgsField(key, FieldType.Int if key.startswith("areas") else FieldType.Double))
        # Shares as percentages beside the shares (0–1) that models and scripts read.
        shares = [k for k in keys if k.startswith("share_")]
        for key in shares:
            fields.append(QgsField("pct_" + key.removeprefix("share_"), FieldType.Double))
        fields.append(QgsField("headline", FieldType.String))
        rows = [[group, jurisdiction_name(group, lang), row["population"], *[row[k] for k in keys],
                 *[_percent(row[k]) for k in shares], line]
                for (group, row), line in zip(summary.items(), headlines)]  # fmt: skip
        summary_dest = self.write_table(parameters, self.SUMMARY, context, fields, rows)
        what = service_filter.short_description(lang) or self.tr("all service points")
        thresholds_m = [t / 60.0 for t in result.thresholds_m] if by_time else list(result.thresholds_m)
        self.style_on_load(context, dest, lambda layer: style_distance(layer, "travel_min" if by_time else "distance_m",
                                                                       thresholds_m, lang),
                           self.tr("Coverage – {what}").format(what=what))  # fmt: skip
        self.style_on_load(context, summary_dest, lambda layer: present_summary(layer, lang),
                           self.tr("Coverage summary – {what}").format(what=what))  # fmt: skip
        return {self.OUTPUT: dest, self.SUMMARY: summary_dest, self.HEADLINES: "\n".join(headlines),
                self.POINTS_USED: services.description}  # fmt: skip


def _percent(share: float) -> float | None:
    return None if share is None or share != share else round(100.0 * share, 2)
