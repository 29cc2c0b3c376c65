"""crs:accessibility — 2SFCA and enhanced 2SFCA accessibility scores per area."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsField,
    QgsProcessingException,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.analysis.accessibility import GaussianDecay, parse_steps, two_step_fca
from ..core.i18n import translatable
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import ACCESS_CLASSES, style_classes
from ..toolbelt.translation import language
from .base import CrsAlgorithm, PopulationAreasMixin
from .road_network import DistanceMethodParameters


class AccessibilityAlgorithm(DistanceMethodParameters, PopulationAreasMixin, CrsAlgorithm):
    NAME = "accessibility"
    DISPLAY_NAME = translatable("Accessibility score (2SFCA / E2SFCA)")

    CAPACITY = "CAPACITY_FIELD"
    RADIUS = "RADIUS"
    METHOD = "METHOD"
    STEPS = "STEPS"
    SIGMA = "SIGMA"
    PER_PEOPLE = "PER_PEOPLE"
    OUTPUT = "OUTPUT"

    METHODS = ("2SFCA", translatable("E2SFCA (step weights)"), translatable("E2SFCA (Gaussian decay)"))

    def initAlgorithm(self, config=None):
        self.add_area_parameters(group_default=None)
        self.add_service_filter_parameters()
        capacity = QgsProcessingParameterField(
            self.CAPACITY, self.tr("Capacity field (empty = 1 per point)"), None, self.SERVICES,
            QgsProcessingParameterField.Numeric, optional=True,
        )  # fmt: skip
        capacity.setHelp(self.tr("For example counters, staff or opening hours per week."))
        self.addParameter(capacity)
        self.addParameter(
            QgsProcessingParameterDistance(
                self.RADIUS, self.tr("Catchment radius (metres)"), 30000.0, self.DISTANCE_CRS, False, 1.0
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.METHOD,
                self.tr("Method"),
                [self.tr(m) for m in self.METHODS],  # i18n: marked
                defaultValue=0,
            )
        )
        steps = QgsProcessingParameterString(
            self.STEPS,
            self.tr("E2SFCA steps (km:weight; minutes:weight for travel time)"),
            "10:1, 20:0.68, 30:0.22",
            optional=True,
        )
        steps.setHelp(self.tr("Distance zones and their weights, as in Luo and Qi (2009)."))
        self.addParameter(steps)
        self.addParameter(
            QgsProcessingParameterDistance(
                self.SIGMA, self.tr("Gaussian sigma (metres)"), 15000.0, self.DISTANCE_CRS, True, 1.0
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.PER_PEOPLE,
                self.tr("Express scores per this many people"),
                QgsProcessingParameterNumber.Integer,
                10000,
                False,
                1,
            )
        )
        self.add_distance_method_parameters(minutes_default=30.0)
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Accessibility")))

    def compute(self, parameters, context, feedback):
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        capacity_field = self.parameterAsString(parameters, self.CAPACITY, context)
        services = self.service_points(parameters, self.SERVICES, context, metric, feedback,
                                       [capacity_field] if capacity_field else [], exclude_regional=True)  # fmt: skip
        if capacity_field:
            capacity = np.array([np.nan if v is None else float(v) for v in services.column(capacity_field)])
        else:
            capacity = np.ones(len(services))
        areas, population, _ = self.read_areas(parameters, context, metric, feedback)
        method = self.parameterAsEnum(parameters, self.METHOD, context)
        model = self.distance_model(parameters, context, metric, feedback)
        by_time = model is not None and model.unit == "s"
        radius = self.limit(parameters, context, model, self.RADIUS)
        decay = None
        if method == 1:  # steps in km, or in minutes of travel
            decay = parse_steps(
                self.parameterAsString(parameters, self.STEPS, context) or "", 60.0 if by_time else 1000.0
            )
        elif method == 2:
            if by_time:
                raise QgsProcessingException(
                    self.tr(
                        "The Gaussian decay is set in metres: with travel time, use step weights (in minutes)."
                    )
                )
            decay = GaussianDecay(self.parameterAsDouble(parameters, self.SIGMA, context))
        result = two_step_fca(areas.points(), population, services.xy, capacity, radius, decay, model)
        per = self.parameterAsInt(parameters, self.PER_PEOPLE, context)
        columns = [
            (QgsField("access_score", FieldType.Double), result.score),
            (QgsField(f"access_per_{per}", FieldType.Double), result.score * per),
            (QgsField("points_in_reach", FieldType.Int), result.supply_in_reach),
        ]
        dest = self.write_per_feature(parameters, self.OUTPUT, context, feedback, self.AREAS, areas.fids, columns,
                                      progress=(40, 100))  # fmt: skip
        what = self.service_filter(parameters, context).short_description(language()) or self.tr(
            "all service points"
        )
        self.style_on_load(context, dest, lambda layer: style_classes(layer, f'"access_per_{per}"', ACCESS_CLASSES),
                           self.tr("Accessibility – {what}").format(what=what))  # fmt: skip
        return {self.OUTPUT: dest, self.POINTS_USED: services.description}
