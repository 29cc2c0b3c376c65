"""crs:report — the working group's PDF: one section per jurisdiction, in English or French.

Runs the analyses through Processing (coverage always; service gaps, co-location candidates,
official-language coverage and the co-location planner as chosen) into one GeoPackage, reshapes
their outputs into the report's tables there, and exports a QGIS report built from a layout
template: the cover, then per jurisdiction (and Canada) a map, the coverage table and chart,
the largest gaps, the closest co-location candidates and the official-language minority table.
Optionally the outputs, their styles and the layouts are saved in the GeoPackage as a QGIS
project. Everything happens in a QgsProject of its own: the user's project is not touched.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsWkbTypes,
)

from ..core import report as words
from ..core.analysis.coverage import parse_thresholds
from ..core.analysis.official_languages import jurisdiction_name
from ..core.catalogue import load_catalogue
from ..core.charts import matplotlib_available
from ..core.errors import CrsServicePointsError
from ..core.http import is_url
from ..core.i18n import translatable
from ..core.wording import ALL_AREAS
from ..report import charts, content, layout, planner
from ..report import project as report_project
from ..report.styles import style_report_layers
from ..toolbelt.settings import Settings
from ..toolbelt.translation import language
from .base import CrsAlgorithm, PopulationAreasMixin

_PACKAGE = Path(__file__).resolve().parent.parent
#: The analyses a report can hold besides coverage, as the ANALYSES parameter lists them.
OPTIONAL_ANALYSES = ("gaps", "colocation", "languages", "planner")
#: Columns that name a census area, best first (the gaps table shows it).
AREA_ID_FIELDS = ("DAUID", "DBUID", "DGUID", "GEO_CODE", "CSDUID", "id")
FOLS_FIELDS = ("fols_en", "fols_fr", "fols_en_fr")


@dataclass
class ReportSettings:
    """One report's settings, read from its parameters once and handed to each stage."""

    lang: str
    chosen: set  # of OPTIONAL_ANALYSES
    thresholds_text: str
    thresholds: tuple
    metric: QgsCoordinateReferenceSystem
    top: int
    pdf: str
    saved: str  # the GeoPackage the project goes into ('' for none)
    gpkg: str  # where the outputs and tables go: ``saved``, or a temporary file
    project_name: str
    names: content.Tables
    title: str
    group_field: str
    areas_fields: list
    gap_distance: float
    colocation_distance: float
    common: dict  # the parameters every analysis shares

    def destination(self, table: str, geometry: bool = True) -> str:
        return f"ogr:dbname='{self.gpkg}' table=\"{table}\"" + (" (geom)" if geometry else "")


def plugin_version() -> str:
    for line in (_PACKAGE / "metadata.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    return ""


class ReportAlgorithm(PopulationAreasMixin, CrsAlgorithm):
    NAME = "report"
    DISPLAY_NAME = translatable("Report (PDF) per jurisdiction")
    GROUP_ID = "analysis"
    TAGS = (
        translatable("report"),
        "PDF",
        "atlas",
        translatable("layout"),
        translatable("jurisdiction"),
        "province",
    )

    ANALYSES = "ANALYSES"
    THRESHOLDS = "THRESHOLDS_KM"
    GAP_DISTANCE = "GAP_DISTANCE"
    COLOCATION_DISTANCE = "COLOCATION_DISTANCE"
    TOP = "TOP"
    REPORT_LANGUAGE = "LANGUAGE"
    TITLE = "TITLE"
    TEMPLATE = "TEMPLATE"
    BOUNDARIES = "BOUNDARIES"
    BOUNDARY_FIELD = "BOUNDARY_FIELD"
    BOUNDARY_NAME_FIELD = "BOUNDARY_NAME_FIELD"
    AREA_ID_FIELD = "AREA_ID_FIELD"
    CATALOGUE = "CATALOGUE"
    CENSUS_PRODUCT = "CENSUS_PRODUCT"
    PLANNER_CURVE = "PLANNER_CURVE"
    OUTPUT = "OUTPUT"
    PROJECT_GEOPACKAGE = "PROJECT_GEOPACKAGE"
    PROJECT_NAME = "PROJECT_NAME"
    PAGES = "PAGES"
    SECTIONS = "SECTIONS"
    GEOPACKAGE = "GEOPACKAGE"
    PROJECT = "PROJECT"

    def initAlgorithm(self, config=None):
        self.add_area_parameters()
        self.add_service_filter_parameters()
        analyses = QgsProcessingParameterEnum(
            self.ANALYSES,
            self.tr("Analyses besides population coverage"),
            [self.tr("Service gaps"), self.tr("Co-location candidates"), self.tr("Official-language minority coverage"),
             self.tr("Co-location planner curve (when available)")],
            allowMultiple=True,
            defaultValue=[0, 1, 2, 3],
            optional=True,
        )  # fmt: skip
        analyses.setHelp(self.tr("Coverage is always in the report; official-language coverage needs the census "
                                 "layer's first-official-language counts (fols_en, fols_fr, fols_en_fr)."))  # fmt: skip
        self.addParameter(analyses)
        thresholds = QgsProcessingParameterString(
            self.THRESHOLDS, self.tr("Distance thresholds (km)"), "5, 10, 25, 50"
        )
        thresholds.setHelp(self.tr("The coverage table's distances, comma-separated, in kilometres."))
        self.addParameter(thresholds)
        self.addParameter(QgsProcessingParameterDistance(
            self.GAP_DISTANCE, self.tr("Service gaps beyond (metres)"), 50000.0, self.DISTANCE_CRS, True, 0.0))  # fmt: skip
        self.addParameter(QgsProcessingParameterDistance(
            self.COLOCATION_DISTANCE, self.tr("Co-location candidates within (metres)"), 500.0, self.DISTANCE_CRS,
            True, 0.0))  # fmt: skip
        self.addParameter(QgsProcessingParameterNumber(
            self.TOP, self.tr("Rows in the gaps and co-location tables"), QgsProcessingParameterNumber.Integer, 10,
            True, 1, 40))  # fmt: skip
        languages = QgsProcessingParameterEnum(
            self.REPORT_LANGUAGE, self.tr("Report language"), ["English", "Français"],
            defaultValue=1 if language() == "fr" else 0, optional=True,
        )  # fmt: skip
        self.addParameter(languages)
        title = QgsProcessingParameterString(self.TITLE, self.tr("Title (optional)"), optional=True)
        title.setHelp(
            self.tr("Left empty: 'Service points and the people they serve' in the report's language.")
        )
        self.addParameter(title)
        template = QgsProcessingParameterFile(
            self.TEMPLATE, self.tr("Layout template (.qpt, optional)"), extension="qpt", optional=True
        )
        template.setHelp(self.tr("A template edited in QGIS's layout designer (page 1 the cover, the next pages "
                                 "one jurisdiction). Left empty: the plugin's template in the report's language."))  # fmt: skip
        self.addParameter(template)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Report (PDF)"), self.tr("PDF files (*.pdf)")))  # fmt: skip
        gpkg = QgsProcessingParameterFileDestination(
            self.PROJECT_GEOPACKAGE, self.tr("Save the outputs and the report as a QGIS project in this GeoPackage"),
            self.tr("GeoPackage (*.gpkg)"), optional=True, createByDefault=False,
        )  # fmt: skip
        gpkg.setHelp(self.tr("An existing GeoPackage (such as the store) gets the tables and the project added; "
                             "open it with Project › Open From › GeoPackage."))  # fmt: skip
        self.addParameter(gpkg)
        advanced = [
            QgsProcessingParameterString(self.PROJECT_NAME, self.tr("Project name in the GeoPackage"), optional=True),
            QgsProcessingParameterFeatureSource(
                self.BOUNDARIES, self.tr("Sections: boundary layer (default: the census areas by jurisdiction)"),
                [QgsProcessing.TypeVectorPolygon], optional=True),
            QgsProcessingParameterField(
                self.BOUNDARY_FIELD, self.tr("Boundary code field (values of the census 'Summarise by' field)"),
                None, self.BOUNDARIES, optional=True),
            QgsProcessingParameterField(
                self.BOUNDARY_NAME_FIELD, self.tr("Boundary name field"), None, self.BOUNDARIES, optional=True),
            QgsProcessingParameterField(
                self.AREA_ID_FIELD, self.tr("Census area identifier field (gaps table)"), None, self.AREAS,
                optional=True),
            QgsProcessingParameterString(
                self.CATALOGUE, self.tr("Source catalogue (for the sources' licences)"), optional=True),
            QgsProcessingParameterString(
                self.CENSUS_PRODUCT, self.tr("Statistics Canada product named in the attribution"), optional=True),
            QgsProcessingParameterVectorLayer(
                self.PLANNER_CURVE, self.tr("Co-location planner curve (table from crs:colocationplanner)"),
                [QgsProcessing.TypeVector], optional=True),
        ]  # fmt: skip
        for definition in advanced:
            definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(definition)
        self.add_distance_crs_parameter()
        for name, label in ((self.PAGES, self.tr("Pages")), (self.SECTIONS, self.tr("Jurisdictions"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        self.addOutput(
            QgsProcessingOutputString(self.GEOPACKAGE, self.tr("GeoPackage of the report's tables"))
        )
        self.addOutput(QgsProcessingOutputString(self.PROJECT, self.tr("QGIS project in the GeoPackage")))

    # -- running the analyses ----------------------------------------------------------------------

    def run_child(self, algorithm_id: str, params: dict, context, feedback) -> dict:
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
        if algorithm is None:
            raise QgsProcessingException(self.tr("The algorithm {} is not available.").format(algorithm_id))
        feedback.pushInfo(self.tr("Running {}…").format(algorithm_id))
        results, ok = algorithm.run(params, context, feedback, {}, False)
        if not ok or feedback.isCanceled():
            raise QgsProcessingException(self.tr("{} did not finish.").format(algorithm_id))
        return results

    def compute(self, parameters, context, feedback):
        run = self.read_settings(parameters, context)
        template_path = self.parameterAsFile(parameters, self.TEMPLATE, context) or str(
            layout.default_template(run.lang)
        )
        document = layout.read_template(template_path)
        steps = QgsProcessingMultiStepFeedback(8, feedback)
        points_used, curve_layer = self.run_analyses(run, parameters, context, steps)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(5)
        sections, tables = self.write_tables(run, parameters, context, steps, document, curve_layer)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(6)
        pages, uri = self.render(run, parameters, context, steps, document, sections, tables, points_used)
        if steps.isCanceled():
            return {}
        feedback.setProgress(100)
        feedback.pushInfo(self.tr("{} pages, {} jurisdictions: {}").format(pages, len(sections), run.pdf))
        return {self.OUTPUT: run.pdf, self.PAGES: pages, self.SECTIONS: len(sections), self.GEOPACKAGE: run.gpkg,
                self.PROJECT: uri, self.POINTS_USED: points_used}  # fmt: skip

    def read_settings(self, parameters, context) -> ReportSettings:
        lang = "fr" if self.parameterAsEnum(parameters, self.REPORT_LANGUAGE, context) == 1 else "en"
        saved = (self.parameterAsFileOutput(parameters, self.PROJECT_GEOPACKAGE, context)
                 if parameters.get(self.PROJECT_GEOPACKAGE) else "")  # fmt: skip
        project_name = self.parameterAsString(parameters, self.PROJECT_NAME, context) or words.text(
            "project_name", lang
        )
        group_field = self.parameterAsString(parameters, self.GROUP_FIELD, context) or ""
        areas_layer, _ = self.input_layer(parameters, self.AREAS, context)
        if group_field and group_field not in areas_layer.fields().names():
            raise QgsProcessingException(self.tr("The census layer has no field '{}' to make one section per "
                                                 "jurisdiction: choose it in 'Summarise by'.").format(group_field))  # fmt: skip
        common = {k: parameters[k] for k in (self.AREAS, self.SERVICES, self.POPULATION, self.UNIVERSE_FIELD,
                                             self.ORDERS, self.CHANNELS, self.POINT_TYPES, self.SERVICE_CODES,
                                             self.DISTANCE_CRS) if parameters.get(k) not in (None, "")}  # fmt: skip
        return ReportSettings(
            lang=lang,
            chosen=self.chosen_analyses(parameters, context),
            thresholds_text=self.parameterAsString(parameters, self.THRESHOLDS, context),
            thresholds=parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context)),
            metric=self.metric_crs(parameters, self.DISTANCE_CRS, context),
            top=self.parameterAsInt(parameters, self.TOP, context) or 10,
            pdf=self.parameterAsFileOutput(parameters, self.OUTPUT, context),
            saved=saved,
            gpkg=saved or QgsProcessingUtils.generateTempFilename("crs_report.gpkg"),
            project_name=project_name,
            names=content.Tables(project_name),
            title=self.parameterAsString(parameters, self.TITLE, context) or words.text("title", lang),
            group_field=group_field,
            areas_fields=areas_layer.fields().names(),
            gap_distance=self.parameterAsDouble(parameters, self.GAP_DISTANCE, context),
            colocation_distance=self.parameterAsDouble(parameters, self.COLOCATION_DISTANCE, context),
            common=common,
        )

    def run_analyses(self, run: ReportSettings, parameters, context, steps):
        """The analyses through Processing, into the report's GeoPackage. Returns the points-used
        sentence and the planner's curve table (or None)."""
        names, destination, common = run.names, run.destination, run.common
        # Coverage: the map's population layer, the coverage tables and the charts.
        steps.setCurrentStep(0)
        coverage = self.run_child("crs:coverage", {
            **common, self.GROUP_FIELD: run.group_field, self.THRESHOLDS: run.thresholds_text,
            "OUTPUT": destination(names.coverage_areas), "SUMMARY": destination(names.coverage_summary, False),
        }, context, steps)  # fmt: skip
        steps.setCurrentStep(1)
        if "gaps" in run.chosen:
            self.run_child("crs:servicegaps", {
                **common, "THRESHOLD": run.gap_distance, "OUTPUT": destination(names.gap_areas),
                "ZONES": destination(names.gap_zones),
            }, context, steps)  # fmt: skip
        steps.setCurrentStep(2)
        if "colocation" in run.chosen:
            self.run_child("crs:colocationcandidates", {
                **{k: v for k, v in common.items() if k not in (self.AREAS, self.POPULATION, self.UNIVERSE_FIELD)},
                "DISTANCE": run.colocation_distance, "OUTPUT": destination(names.colocation_pairs),
            }, context, steps)  # fmt: skip
        steps.setCurrentStep(3)
        if "languages" in run.chosen:
            missing = [f for f in FOLS_FIELDS if f not in run.areas_fields]
            if missing:
                steps.pushWarning(self.tr("Official-language coverage left out: the census layer has no {} "
                                          "(crs:importcensus adds them).").format(", ".join(missing)))  # fmt: skip
                run.chosen.discard("languages")
            else:
                self.run_child("crs:officiallanguagecoverage", {
                    **{k: v for k, v in common.items() if k not in (self.POPULATION, self.UNIVERSE_FIELD)},
                    "THRESHOLDS_KM": run.thresholds_text, "OUTPUT": destination(names.language_areas),
                    "SUMMARY": destination(names.language_summary, False),
                    "UNSERVED": destination(names.language_unserved),
                }, context, steps)  # fmt: skip
        steps.setCurrentStep(4)
        curve_layer = self.planner_curve(parameters, context, steps, run)
        return coverage.get(self.POINTS_USED, ""), curve_layer

    def write_tables(self, run: ReportSettings, parameters, context, feedback, document, curve_layer):
        """The report's tables from the outputs, and its sections (Canada first). Returns the
        sections and the layout's tables (item id -> kind of table)."""
        gpkg, names, lang, thresholds = run.gpkg, run.names, run.lang, run.thresholds
        self.copy_points(parameters, context, gpkg, names.service_points)
        sections = self.sections(parameters, context, feedback, run.group_field, run.metric, lang)
        coverage_summary = content.summary_rows(report_project.open_layer(gpkg, names.coverage_summary, "s"))
        if not run.group_field:  # one group, "all": it is Canada's section
            coverage_summary = {words.TOTAL: next(iter(coverage_summary.values()))}
        elif ALL_AREAS in coverage_summary:  # crs:coverage's row for all areas is Canada's total
            total = coverage_summary.pop(ALL_AREAS)
            coverage_summary[words.TOTAL] = total
        summary = content.coverage_table(gpkg, names.coverage, coverage_summary, thresholds, lang)
        codes = {s.code for s in sections}
        for code in [c for c in summary if c not in codes and c not in (words.TOTAL, "None", "")]:
            feedback.pushInfo(
                self.tr("No boundary for '{}': its areas count in Canada's total only.").format(code)
            )
        sections = [s for s in sections if s.code in summary]
        pages_per_section = layout.section_pages(document)
        for index, section in enumerate(sections):
            section.sort_key = index
            section.first_page = 2 + index * pages_per_section
        details = {code: {"population": row.get("population"), "headline": words.headline(row, thresholds, lang)}
                   for code, row in summary.items()}  # fmt: skip
        for code, row in summary.items():
            bands = words.distance_bands(row, thresholds)
            details[code]["bands"] = ";".join(f"{people:.0f}" for _, _, people in bands)
            if matplotlib_available():
                details[code]["chart"] = charts.distance_chart(bands, lang)
        if not matplotlib_available():
            feedback.pushWarning(self.tr("matplotlib is not installed: the report has no charts."))
        tables = {"coverage_table": "coverage"}
        if "gaps" in run.chosen:
            gaps = report_project.open_layer(gpkg, names.gap_areas, "gaps")
            id_field = self.parameterAsString(parameters, self.AREA_ID_FIELD, context) or next(
                (f for f in AREA_ID_FIELDS if f in gaps.fields().names()), None)  # fmt: skip
            measured = "travel_min" if "travel_min" in gaps.fields().names() else "distance_m"
            content.gaps_table(
                gpkg, names.gaps, gaps, run.group_field or None, id_field, run.top, lang, measured
            )
            tables["gaps_table"] = "gaps"
        if "colocation" in run.chosen:
            pairs = report_project.open_layer(gpkg, names.colocation_pairs, "pairs")
            french = {}
            if lang == "fr":  # the pairs carry English names; the points have both
                points = report_project.open_layer(gpkg, names.service_points, "points")
                if "name_fr" in points.fields().names():
                    french = {f["point_id"]: f["name_fr"] for f in points.getFeatures() if f["name_fr"]}
            content.colocation_table(gpkg, names.colocation, pairs, sections, run.top, lang, french)
            tables["colocation_table"] = "colocation"
        if "languages" in run.chosen:
            languages = content.summary_rows(report_project.open_layer(gpkg, names.language_summary, "l"))
            content.languages_table(gpkg, names.languages, languages, thresholds, lang)
            tables["languages_table"] = "languages"
            for code, row in languages.items():
                details.setdefault(code, {})["minority"] = words.minority_sentence(row, lang)
        if curve_layer is not None:
            self.add_planner_charts(curve_layer, details, lang)
        content.jurisdictions_table(gpkg, names.jurisdictions, sections, details, run.metric)
        return sections, tables

    def render(
        self, run: ReportSettings, parameters, context, feedback, document, sections, tables, points_used
    ):
        """The layouts filled and exported; the project saved in the GeoPackage when asked.
        Returns the number of pages and the project's URI ('' when not saved)."""
        project = QgsProject()
        project.setCrs(run.metric)
        project.setTitle(run.title)
        project.setTransformContext(context.transformContext())
        areas_layer, _ = self.input_layer(parameters, self.AREAS, context)
        layers = style_report_layers(project, run.gpkg, run.names, run.lang, run.chosen, tables,
                                     self.population_expression(parameters, context, areas_layer))  # fmt: skip
        self.set_variables(project, parameters, context, feedback, run, sections, points_used)
        cover, section = layout.split_template(document, project, run.title)
        report_layers = layout.ReportLayers(
            layers["jurisdictions"], layers["map"], layers["tables"], run.chosen
        )
        layout.bind(cover, report_layers)
        missing = layout.bind(section, report_layers)
        if missing:
            feedback.pushWarning(self.tr("The template has no item with id {}: that part is left out.").format(
                ", ".join(missing)))  # fmt: skip
        report = layout.make_report(project, cover, section, layers["jurisdictions"], run.title)
        layout.export_pdf(report, run.pdf, feedback)
        uri = ""
        if run.saved and not feedback.isCanceled():
            feedback.setCurrentStep(7)
            project.layoutManager().addLayout(report)
            designer = layout.load_layout(
                document, project, run.title + " – " + words.text("template_name", run.lang)
            )
            layout.bind(designer, report_layers)
            layout.bind_atlas(designer, layers["jurisdictions"])
            project.layoutManager().addLayout(designer)
            report_project.save_styles(run.gpkg, project.mapLayers().values())
            uri = report_project.save_project(project, run.gpkg, run.project_name)
            feedback.pushInfo(
                self.tr("Saved as the QGIS project '{}' in {}.").format(run.project_name, run.gpkg)
            )
        project.clear()
        report_project.checkpoint(run.gpkg)
        return 1 + len(sections) * layout.section_pages(document), uri

    # -- parts ------------------------------------------------------------------------------------

    def chosen_analyses(self, parameters, context) -> set[str]:
        if parameters.get(self.ANALYSES) is None:
            return set(OPTIONAL_ANALYSES)
        if parameters[self.ANALYSES] in ([], ""):  # QGIS 3.22 reads an empty choice as the default
            return set()
        return {OPTIONAL_ANALYSES[i] for i in self.parameterAsEnums(parameters, self.ANALYSES, context)}

    def planner_curve(self, parameters, context, feedback, run: ReportSettings):
        """The planner's curve table: the one given, or the installed planner's (when chosen)."""
        chosen = run.chosen
        given = self.parameterAsVectorLayer(parameters, self.PLANNER_CURVE, context)
        if given is not None:
            chosen.add("planner")
            return given
        if "planner" not in chosen:
            return None
        chosen.discard("planner")
        if not planner.available():
            feedback.pushInfo(self.tr("The co-location planner is not installed: its curve is left out."))
            return None
        try:
            results = self.run_child(planner.PLANNER_ALGORITHM, planner.planner_parameters(
                run.common, lambda name: run.destination(run.names.planner(name))), context, feedback)  # fmt: skip
        except QgsProcessingException as exc:
            feedback.pushWarning(
                self.tr("The co-location planner did not run ({}): its curve is left out.").format(exc)
            )
            return None
        for value in results.values():
            curve_layer = (
                QgsProcessingUtils.mapLayerFromString(value, context) if isinstance(value, str) else None
            )
            if curve_layer is not None and planner.curves(curve_layer)[0]:
                chosen.add("planner")
                return curve_layer
        feedback.pushWarning(self.tr("The co-location planner gave no curve table: its curve is left out."))
        return None

    def add_planner_charts(self, curve_layer, details, lang) -> None:
        curves, as_share = planner.curves(curve_layer)
        if not matplotlib_available():
            return
        for code, steps in curves.items():
            details.setdefault(code or words.TOTAL, {})["planner_chart"] = charts.planner_chart(
                steps, lang, as_share
            )

    def sections(self, parameters, context, feedback, group_field, metric, lang) -> list[content.Section]:
        """Canada, then one section per jurisdiction: the boundary layer's features, or the census
        areas dissolved by the 'Summarise by' field."""
        found: dict[str, tuple[str, object]] = {}
        if parameters.get(self.BOUNDARIES):
            code_field = self.parameterAsString(parameters, self.BOUNDARY_FIELD, context)
            name_field = self.parameterAsString(parameters, self.BOUNDARY_NAME_FIELD, context)
            if not code_field:
                raise QgsProcessingException(self.tr("Choose the boundary layer's code field."))
            arrays = self.layer_arrays(parameters, self.BOUNDARIES, context,
                                       [code_field] + ([name_field] if name_field else []), metric, feedback)  # fmt: skip
            for i, code in enumerate(arrays.attributes[code_field].tolist()):
                if code is None or arrays.geometries[i] is None:
                    continue
                name = arrays.attributes[name_field][i] if name_field else None
                found[str(code)] = (str(name or jurisdiction_name(str(code), lang)), arrays.geometries[i])
        elif group_field:
            arrays = self.layer_arrays(parameters, self.AREAS, context, [group_field], metric, feedback)
            codes = np.array(
                [str(v) if v is not None else "" for v in arrays.attributes[group_field]], dtype=object
            )
            for code in sorted(set(codes.tolist()) - {"", "None"}):
                geometries = arrays.geometries[(codes == code) & ~shapely.is_missing(arrays.geometries)]
                found[code] = (
                    jurisdiction_name(code, lang),
                    shapely.union_all(shapely.make_valid(geometries)),
                )
        # Statistics Canada's order (PRUID: east to west, then the territories) where codes are numbers.
        ordered = sorted(found, key=lambda c: (0, int(c), c) if c.isdigit() else (1, 0, c))
        sections = [content.Section(c, found[c][0], found[c][1]) for c in ordered]
        if sections:
            union = shapely.union_all([s.geometry for s in sections])
        else:  # no jurisdictions: Canada's section covers every area
            arrays = self.layer_arrays(parameters, self.AREAS, context, [], metric, feedback)
            union = shapely.union_all(
                shapely.make_valid(arrays.geometries[~shapely.is_missing(arrays.geometries)])
            )
        return [content.Section(words.TOTAL, "Canada", union), *sections]

    def copy_points(self, parameters, context, gpkg: str, table: str) -> None:
        """The service points the analyses used (the filters applied), for the maps."""
        layer, request = self.input_layer(parameters, self.SERVICES, context)
        expression = self.service_filter(parameters, context).expression()
        request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
        if expression:
            request.setFilterExpression(expression)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        writer = QgsVectorFileWriter.create(gpkg, layer.fields(), QgsWkbTypes.flatType(layer.wkbType()), layer.crs(),
                                            context.transformContext(), options)  # fmt: skip
        if writer.hasError() != QgsVectorFileWriter.NoError:
            raise QgsProcessingException(writer.errorMessage())
        writer.addFeatures(list(layer.getFeatures(request)))
        del writer

    def population_expression(self, parameters, context, areas_layer) -> str:
        population, _, _ = self.population_fields(parameters, context, areas_layer)
        if "LANDAREA" in areas_layer.fields().names():  # Statistics Canada's land area, km²
            return f'"{population}" / "LANDAREA"'
        return (f"\"{population}\" / (area(transform($geometry, layer_property(@layer, 'crs'), "
                f"'{QgsCoordinateReferenceSystem('EPSG:3347').authid()}')) / 1000000)")  # fmt: skip

    def set_variables(
        self, project, parameters, context, feedback, run: ReportSettings, sections, points_used
    ) -> None:
        """What the cover and footers print, as project variables (@crs_report_…)."""
        lang, distance = run.lang, words.distance
        analyses = [words.text("analysis_coverage", lang) + " (" + ", ".join(distance(t, lang) for t in run.thresholds)
                    + ")"]  # fmt: skip
        if "gaps" in run.chosen:
            analyses.append(words.text("analysis_gaps", lang, distance=distance(run.gap_distance, lang)))
        if "colocation" in run.chosen:
            analyses.append(
                words.text("analysis_colocation", lang, distance=distance(run.colocation_distance, lang))
            )
        if "languages" in run.chosen:
            analyses.append(words.text("analysis_languages", lang))
        if "planner" in run.chosen:
            analyses.append(words.text("analysis_planner", lang))
        points_layer = report_project.open_layer(run.gpkg, run.names.service_points, "points")
        what = words.describe_filter(self.service_filter(parameters, context), lang)
        points = words.text(
            "points_used", lang, what=what, count=words.people(points_layer.featureCount(), lang)
        )
        today = datetime.date.today()
        product = self.parameterAsString(parameters, self.CENSUS_PRODUCT, context) or None
        variables = {
            "crs_report_title": run.title,
            "crs_report_date": words.long_date(today, lang),
            "crs_report_analyses": points + "\n" + words.text("analyses", lang, names="; ".join(analyses)),
            "crs_report_contents": "\n".join(words.text("contents_line", lang, name=s.name, page=s.first_page)
                                             for s in sections),
            "crs_report_sources": self.sources_text(parameters, context, feedback, lang, points_layer),
            "crs_report_method": words.text("method_text", lang, crs=project.crs().authid()),
            "crs_report_attribution": words.statcan_attribution(lang, product),
            "crs_report_produced": words.text("produced", lang, date=words.long_date(today, lang),
                                              version=plugin_version()),
            "crs_gap_distance": distance(run.gap_distance, lang),
            "crs_colocation_distance": distance(run.colocation_distance, lang),
        }  # fmt: skip
        QgsExpressionContextUtils.setProjectVariables(project, variables)
        del points_layer

    @staticmethod
    def layer_label(layer, context) -> str:
        """A layer as the cover names it: its name in the user's project, else its table and file."""
        project = context.project()
        if project is not None and project.mapLayer(layer.id()) is not None:
            return layer.name()
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
        path, table = parts.get("path"), parts.get("layerName")
        if path and table:
            return f"{table} ({Path(path).name})"
        return Path(path).name if path else layer.name()

    def sources_text(self, parameters, context, feedback, lang, points_layer) -> str:
        """One line per service-point source (title, publisher, licence from the catalogue), the
        census layer, and Statistics Canada's attribution."""
        index = points_layer.fields().indexOf("source_id")
        ids = sorted({str(v) for v in points_layer.uniqueValues(index) if v}) if index >= 0 else []
        location = self.parameterAsString(parameters, self.CATALOGUE, context) or Settings().catalogue
        entries = {}
        try:
            if is_url(location):
                from ..toolbelt.network import qgis_http_client

                catalogue = load_catalogue(location, qgis_http_client(timeout_s=10, retries=1))
            else:
                catalogue = load_catalogue(location)
            entries = {e.id: e for e in catalogue.entries}
        except CrsServicePointsError as exc:
            feedback.pushWarning(self.tr("The source catalogue could not be read ({}): sources are listed by "
                                         "id.").format(exc))  # fmt: skip
        lines = []
        for source_id in ids:
            entry = entries.get(source_id)
            if entry is None:
                lines.append(words.text("source_unknown", lang, id=source_id))
            else:
                lines.append(words.text("source_line", lang, title=entry.title(lang), publisher=entry.publisher,
                                        licence=entry.licence))  # fmt: skip
        areas, _ = self.input_layer(parameters, self.AREAS, context)
        lines.append(words.text("census_source", lang, layer=self.layer_label(areas, context)))
        lines.append(words.statcan_attribution(lang, self.parameterAsString(parameters, self.CENSUS_PRODUCT, context)
                                               or None))  # fmt: skip
        return "\n".join(lines)
