"""crs:officiallanguagecoverage — official-language minorities within reach of a point serving in their language."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..core.analysis.coverage import parse_thresholds
from ..core.analysis.official_languages import (
    coverage_by_jurisdiction,
    headline,
    jurisdiction_name,
    official_language_coverage,
    unserved_areas,
)
from ..core.i18n import translatable
from ..core.table import number_column
from ..toolbelt.qgis_compat import FieldType
from ..toolbelt.styles import style_minority_language
from ..toolbelt.translation import language
from .base import CrsAlgorithm


class OfficialLanguageCoverageAlgorithm(CrsAlgorithm):
    NAME = "officiallanguagecoverage"
    DISPLAY_NAME = translatable("Official-language minority coverage")
    TAGS = (translatable("official languages"), translatable("French"), translatable("English"),
            translatable("minority"), "FOLS")  # fmt: skip

    AREAS = "INPUT"
    PROVINCE_FIELD = "PROVINCE_FIELD"
    ENGLISH = "FOLS_ENGLISH_FIELD"
    FRENCH = "FOLS_FRENCH_FIELD"
    BOTH = "FOLS_BOTH_FIELD"
    HALF_OF_BOTH = "HALF_OF_BOTH"
    LANGUAGES = "LANGUAGES_FIELD"
    THRESHOLDS = "THRESHOLDS_KM"
    TOP = "TOP_UNSERVED"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    UNSERVED = "UNSERVED"
    HEADLINES = "HEADLINES"

    def initAlgorithm(self, config=None):
        areas = self.tr("Census areas with first official language spoken")
        source = QgsProcessingParameterFeatureSource(
            self.AREAS, areas, [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint]
        )
        source.setHelp(
            self.tr("A census layer imported by crs:importcensus, or any layer with these counts.")
        )
        self.addParameter(source)
        for name, label, default in (
            (self.PROVINCE_FIELD, self.tr("Province/territory code field (PRUID)"), "PRUID"),
            (self.ENGLISH, self.tr("First official language spoken: English"), "fols_en"),
            (self.FRENCH, self.tr("First official language spoken: French"), "fols_fr"),
            (self.BOTH, self.tr("First official language spoken: English and French"), "fols_en_fr"),
        ):
            kind = (
                QgsProcessingParameterField.Any
                if name == self.PROVINCE_FIELD
                else QgsProcessingParameterField.Numeric
            )
            self.addParameter(
                QgsProcessingParameterField(name, label, default, self.AREAS, kind, optional=True)
            )
        half = QgsProcessingParameterBoolean(
            self.HALF_OF_BOTH, self.tr("Count half of 'English and French' in each minority"), True
        )
        half.setHelp(self.tr("As Statistics Canada does when it counts official-language minorities."))
        self.addParameter(half)
        self.add_service_points_parameter()
        self.add_service_filter_parameters()
        self.addParameter(
            QgsProcessingParameterString(
                self.LANGUAGES,
                self.tr("Languages-of-service field of the points"),
                "languages",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.THRESHOLDS, self.tr("Distance thresholds (km)"), "5, 25, 50")
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TOP,
                self.tr("Unserved areas to list"),
                QgsProcessingParameterNumber.Integer,
                20,
                minValue=1,
            )  # fmt: skip
        )
        self.add_distance_crs_parameter()
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Minority coverage per area"))
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY,
                self.tr("Minority coverage per province/territory and Canada"),
                QgsProcessing.TypeVector,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.UNSERVED,
                self.tr("Areas of highest unserved minority demand"),
                QgsProcessing.TypeVectorPolygon,
            )
        )
        self.addOutput(QgsProcessingOutputString(self.HEADLINES, self.tr("Headlines")))

    def compute(self, parameters, context, feedback):
        lang = language()
        thresholds = parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
        metric = self.metric_crs(parameters, self.DISTANCE_CRS, context)
        languages_field = self.parameterAsString(parameters, self.LANGUAGES, context) or "languages"
        services = self.service_points(
            parameters,
            self.SERVICES,
            context,
            metric,
            feedback,
            fields=(languages_field,),
            exclude_regional=True,
        )
        if languages_field not in services.attributes:
            raise QgsProcessingException(
                self.tr("The service points have no '{}' field listing the languages they serve in.").format(
                    languages_field
                )
            )
        names = [
            self.parameterAsString(parameters, p, context) or d
            for p, d in ((self.PROVINCE_FIELD, "PRUID"), (self.ENGLISH, "fols_en"), (self.FRENCH, "fols_fr"),
                         (self.BOTH, "fols_en_fr"))
        ]  # fmt: skip
        areas = self.layer_arrays(
            parameters, self.AREAS, context, list(dict.fromkeys(names)), metric, feedback
        )
        province = np.array([str(v or "") for v in areas.attributes[names[0]]], dtype=object)
        english, french, both = (number_column(areas.attributes[n])[0] for n in names[1:])
        result = official_language_coverage(
            areas.points(), province, english, french, both, services.xy, services.attributes[languages_field],
            thresholds, self.parameterAsBoolean(parameters, self.HALF_OF_BOTH, context),
        )  # fmt: skip
        feedback.setProgress(40)

        largest = len(thresholds) - 1
        unserved = np.where(result.covered[:, largest], -1.0, np.nan_to_num(result.minority))
        ranked = unserved_areas(result)
        rank = np.zeros(len(areas), dtype=object)
        rank[:] = None
        rank[ranked] = np.arange(1, len(ranked) + 1)
        columns = [
            (QgsField("minority_language", FieldType.String), result.language),
            (QgsField("minority_pop", FieldType.Double), result.minority),
            (QgsField("distance_m", FieldType.Double), result.distance_m),
        ]
        for t, threshold in enumerate(thresholds):
            columns.append((QgsField(f"within_{threshold / 1000:g}km", FieldType.Bool), result.covered[:, t]))
        columns += [
            (QgsField("unserved_minority", FieldType.Double), unserved),
            (QgsField("unserved_rank", FieldType.Int), rank),
        ]
        dest = self.write_per_feature(parameters, self.OUTPUT, context, feedback, self.AREAS, areas.fids, columns,
                                      progress=(40, 80))  # fmt: skip
        self.style_on_load(context, dest, lambda layer: style_minority_language(layer, lang))

        summary = coverage_by_jurisdiction(result)
        lines = [headline(group, row, thresholds[-1], lang) for group, row in summary.items()]
        for line in lines:
            feedback.pushInfo(line)
        fields = QgsFields()
        fields.append(QgsField("jurisdiction", FieldType.String))
        fields.append(QgsField("name", FieldType.String))
        keys = list(next(iter(summary.values()), {}))
        for key in keys:
            kind = (
                FieldType.String
                if key == "minority_language"
                else (FieldType.Int if key.startswith("areas") else FieldType.Double)
            )
            fields.append(QgsField(key, kind))
        fields.append(QgsField("headline", FieldType.String))
        rows = [[group, jurisdiction_name(group, lang), *[row[k] for k in keys], line]
                for (group, row), line in zip(summary.items(), lines)]  # fmt: skip
        summary_dest = self.write_table(parameters, self.SUMMARY, context, fields, rows)

        top = ranked[: self.parameterAsInt(parameters, self.TOP, context)]
        out = QgsFields()
        for name, kind in (("rank", FieldType.Int), ("fid_in_input", FieldType.LongLong),
                           ("jurisdiction", FieldType.String), ("minority_language", FieldType.String),
                           ("minority_pop", FieldType.Double), ("distance_m", FieldType.Double)):  # fmt: skip
            out.append(QgsField(name, kind))
        source = self.parameterAsSource(parameters, self.AREAS, context)
        geometries = {}
        if len(top):
            request = QgsFeatureRequest().setFilterFids([int(f) for f in areas.fids[top]])
            geometries = {f.id(): bytes(f.geometry().asWkb()) for f in source.getFeatures(request)}
        keep = [r for r in top if int(areas.fids[r]) in geometries]
        unserved_rows = [[i + 1, int(areas.fids[r]), str(result.province[r]), result.language[r],
                          float(result.minority[r]), float(result.distance_m[r])] for i, r in enumerate(keep)]  # fmt: skip
        wkb_type = QgsWkbTypes.multiType(source.wkbType())
        unserved_dest = self.write_table(parameters, self.UNSERVED, context, out, unserved_rows,
                                         [geometries[int(areas.fids[r])] for r in keep], wkb_type,
                                         source.sourceCrs())  # fmt: skip
        self.style_on_load(context, unserved_dest, lambda layer: style_minority_language(layer, lang))
        return {self.OUTPUT: dest, self.SUMMARY: summary_dest, self.UNSERVED: unserved_dest,
                self.HEADLINES: "\n".join(lines), self.POINTS_USED: services.description}  # fmt: skip
